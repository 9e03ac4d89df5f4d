#!/usr/bin/env node
// Entry point of the `fundcheck` command (dist/cli/bin.js).
import { main } from './main';

// A reader that stops early (`fundcheck dir | head`) closes the pipe. Output nobody reads is dropped instead of
// crashing with a stack trace, and the run still finishes: annotated copies are written, the exit status is kept.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE' || err.code === 'ERR_STREAM_DESTROYED') return;
    process.exitCode = 2;
  });
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    // main() turns every expected failure into a message; anything here is a bug, still reported on one line.
    process.stderr.write(`fundcheck: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 2;
  },
);
