#!/usr/bin/env node
// Entry point of the `fundcheck` command (dist/cli/bin.js).
import { main } from './main';

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
