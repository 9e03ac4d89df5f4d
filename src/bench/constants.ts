// Values shared by the bench orchestrator and its child processes (kept apart so the orchestrator loads no engine code).

/** Reference date of every benchmark check, so reports are the same from run to run. */
export const AS_OF = '2026-06-01';
/** Printed on stdout by a child when measuring starts: GC trace lines before it belong to input generation. */
export const MEASURE_MARK = '@@fundcheck-bench-measure';
