// Worker thread of the batch pool: checks the files the main thread sends, one at a time, and posts each result.
import { parentPort } from 'worker_threads';
import { runJob } from './process';
import type { Job } from './process';

if (parentPort) {
  const port = parentPort;
  port.on('message', (job: Job) => {
    runJob(job).then(
      (result) => port.postMessage(result),
      (err: unknown) => port.postMessage({ index: job.index, error: err instanceof Error ? err.message : String(err) }),
    );
  });
  // Modules are loaded by now (imports run first): ask for work.
  port.postMessage({ ready: true });
}
