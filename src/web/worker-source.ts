// The worker's bundle as text (webpack.config.js's InlineWorker puts it here at build time), started from a blob: a
// page opened as file:// may start a worker from a blob but not from a file beside it.
const WORKER_SOURCE = '__FUNDCHECK_CHECK_WORKER_SOURCE__';

export function startCheckWorker(): Worker {
  const url = URL.createObjectURL(new Blob([WORKER_SOURCE], { type: 'text/javascript' }));
  const worker = new Worker(url, { name: 'fundcheck-check' });
  // The worker has loaded its script once it runs; the URL is not needed after that.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
  return worker;
}
