// Preloaded (node -r) into the CLI and baseline processes the bench times: on exit, writes the process's peak RSS to $FUNDCHECK_BENCH_RSS.
import * as fs from 'fs';
import { isMainThread } from 'worker_threads';

const file = process.env.FUNDCHECK_BENCH_RSS;
if (file && isMainThread) {
  process.on('exit', () => {
    // getrusage(RUSAGE_SELF): every thread of the process, worker threads included.
    fs.writeFileSync(file, JSON.stringify({ maxRssMB: process.resourceUsage().maxRSS / 1024 }));
  });
}
