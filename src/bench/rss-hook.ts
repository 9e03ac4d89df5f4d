// Preloaded (node -r) into the CLI and baseline processes the bench times: on exit, writes the process's peak RSS and CPU time to $FUNDCHECK_BENCH_RSS.
import * as fs from 'fs';
import { isMainThread } from 'worker_threads';

const file = process.env.FUNDCHECK_BENCH_RSS;
if (file && isMainThread) {
  process.on('exit', () => {
    // getrusage(RUSAGE_SELF): every thread of the process, worker threads included.
    const u = process.resourceUsage();
    // CPU seconds of the whole process (all threads): a second view of cost, less disturbed by other load.
    fs.writeFileSync(file, JSON.stringify({ maxRssMB: u.maxRSS / 1024, cpuSeconds: (u.userCPUTime + u.systemCPUTime) / 1e6 }));
  });
}
