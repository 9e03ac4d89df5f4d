// The compiled command (bin.js with its worker pool) behaves like the in-process one, as a real child process.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SAMPLE_FILES } from '../../src/cli/samples/generate';

// Generous on purpose: a busy 2-core machine runs this several times slower (speed is measured by `npm run bench`).
jest.setTimeout(120_000);

const ROOT = path.join(__dirname, '../..');
// Compiled into the repository's node_modules cache so `exceljs` resolves and dist/ of others is left alone.
const OUT = path.join(ROOT, 'node_modules', '.cache', `fundcheck-cli-test-${process.pid}`);
const BIN = path.join(OUT, 'cli', 'bin.js');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fundcheck-bin-'));

beforeAll(() => {
  // tsc emits even when some file elsewhere has a type error (the type check is `npm run typecheck`'s job).
  const r = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.cli.json', '--outDir', OUT], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (!fs.existsSync(BIN) || !fs.existsSync(path.join(OUT, 'cli', 'worker.js'))) throw new Error(`build failed: ${r.stdout}${r.stderr}`);
}, 180_000);

afterAll(() => {
  fs.rmSync(OUT, { recursive: true, force: true });
  fs.rmSync(dir, { recursive: true, force: true });
});

function cli(args: string[], env: Record<string, string> = {}): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, ...env }, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

test('bin.js starts with a node shebang', () => {
  expect(fs.readFileSync(BIN, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
});

test('--help and --version', () => {
  expect(cli(['--help']).out).toContain('用法：fundcheck');
  expect(cli(['--version']).out).toMatch(/^fundcheck \d+\.\d+\.\d+\n$/);
});

test('a batch through the worker pool gives exactly the in-process result, in input order', () => {
  // 12 files, all checked by the two workers; a corrupt one in the middle must not stop the others.
  const folder = path.join(dir, 'batch');
  fs.mkdirSync(folder);
  const names = Object.values(SAMPLE_FILES);
  for (let i = 0; i < 12; i++) {
    fs.copyFileSync(path.join(ROOT, 'assets/samples', names[i % names.length]!), path.join(folder, `f${String(i).padStart(2, '0')}.xlsx`));
  }
  fs.writeFileSync(path.join(folder, 'f05.xlsx'), 'PK\u0003\u0004 broken');
  const args = [folder, '--format', 'json', '--as-of', '2026-05-20'];
  const pooled = cli(args, { FUNDCHECK_WORKERS: '2', FUNDCHECK_MAIN_THREAD: '0' });
  const single = cli(args, { FUNDCHECK_WORKERS: '0' });
  expect(pooled.code).toBe(2);
  expect(single.code).toBe(2);
  expect(pooled.out).toBe(single.out);
  const doc = JSON.parse(pooled.out);
  expect(doc.workbooks).toHaveLength(11);
  expect(doc.errors).toHaveLength(1);
  expect(pooled.err.trim().split('\n')).toEqual([expect.stringMatching(/f05\.xlsx: /)]);
}, 120_000);

test('exit code 1 for the samples, text to stdout only', () => {
  const r = cli(['assets/samples', '--as-of', '2026-05-20']);
  expect(r.code).toBe(1);
  expect(r.err).toBe('');
  expect(r.out).toContain('== assets/samples/05-laizhou-ledger.xlsx ==');
}, 60_000);
