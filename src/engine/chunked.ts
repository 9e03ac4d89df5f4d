// checkAsync: the same report as check(), computed in time slices that give the event loop (the task pane's UI) a turn between them.
import type { CheckOptions, Report, WorkbookSnapshot } from './types';
import { checkSteps } from './engine';

export interface CheckAsyncOptions {
  /** Called after each slice with data rows checked so far and in all (forms count as one row each). */
  onProgress?: (done: number, total: number) => void;
  /** Aborting stops the check at the next slice boundary; the promise then rejects with an AbortError. */
  signal?: AbortSignal;
  /** Longest stretch of work between two yields, in milliseconds (default 25: the pane stays responsive). */
  sliceMs?: number;
  /** Rows per step between two clock readings (default 256). */
  chunkRows?: number;
}

function abortError(): Error {
  if (typeof DOMException !== 'undefined') return new DOMException('The operation was aborted.', 'AbortError');
  const e = new Error('The operation was aborted.');
  e.name = 'AbortError';
  return e;
}

const clock: () => number =
  typeof performance !== 'undefined' && typeof performance.now === 'function' ? () => performance.now() : () => Date.now();

/**
 * A macrotask turn: lets the host paint and handle input (a click on Cancel) before the next slice.
 * MessageChannel is not clamped like nested setTimeout(0) (4 ms each in browsers); setTimeout is the fallback.
 */
function macrotaskYielder(): { yield(): Promise<void>; close(): void } {
  const MC = (globalThis as { MessageChannel?: typeof MessageChannel }).MessageChannel;
  if (MC === undefined) return { yield: () => new Promise((r) => setTimeout(r, 0)), close: () => undefined };
  const channel = new MC();
  let pending: (() => void) | null = null;
  channel.port1.onmessage = () => {
    const p = pending;
    pending = null;
    p?.();
  };
  return {
    yield: () =>
      new Promise<void>((resolve) => {
        pending = resolve;
        channel.port2.postMessage(0);
      }),
    close: () => {
      channel.port1.onmessage = null;
      channel.port1.close();
      channel.port2.close();
    },
  };
}

/**
 * Checks like check() — the report is identical — without holding the thread for long: rows are checked in
 * chunks, and once about `sliceMs` has passed the promise awaits a macrotask, reports progress and honours the
 * abort signal. Only recognising the sheets at the start and assembling the report at the end run unbroken
 * (a few tens of milliseconds for 100,000 rows).
 */
export async function checkAsync(snapshot: WorkbookSnapshot, options: CheckOptions, opts: CheckAsyncOptions = {}): Promise<Report> {
  const { onProgress, signal } = opts;
  const sliceMs = opts.sliceMs ?? 25;
  const chunkRows = opts.chunkRows !== undefined && opts.chunkRows >= 1 ? Math.floor(opts.chunkRows) : 256;
  const steps = checkSteps(snapshot, options, chunkRows);
  if (signal?.aborted) throw abortError();
  const turn = macrotaskYielder();
  let total = 0;
  try {
    let sliceStart = clock();
    for (;;) {
      const step = steps.next();
      if (step.done) {
        if (total > 0) onProgress?.(total, total);
        return step.value;
      }
      total = step.value.total;
      if (clock() - sliceStart < sliceMs) continue;
      onProgress?.(step.value.done, step.value.total);
      await turn.yield();
      if (signal?.aborted) throw abortError();
      sliceStart = clock();
    }
  } finally {
    turn.close();
  }
}
