// The benchmark harness runs end to end on small sizes (--quick) and its inputs and helpers behave.
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { declarationSnapshot, expenseItems, progressSnapshot, rng } from '../../src/bench/inputs';
import { CASES, formatTable, liveHeapFromTrace, median, parseBenchArgs, peakHeapFromTrace } from '../../src/bench/run';
import { MEASURE_MARK } from '../../src/bench/constants';
import { check } from '../../src/engine';

// Generous on purpose: a busy 2-core machine runs this several times slower (speed is measured by `npm run bench`).
jest.setTimeout(120_000);

const ROOT = path.join(__dirname, '../..');

describe('inputs', () => {
  test('are the same for the same seed and differ for another', () => {
    expect(declarationSnapshot(200, 7)).toEqual(declarationSnapshot(200, 7));
    expect(progressSnapshot(200, 7)).toEqual(progressSnapshot(200, 7));
    expect(declarationSnapshot(200, 7)).not.toEqual(declarationSnapshot(200, 8));
    const a = rng(1);
    const b = rng(1);
    for (let i = 0; i < 100; i++) expect(a()).toBe(b());
  });

  test('expense item texts are all distinct, so the classifier cache cannot flatter the figure', () => {
    const items = expenseItems(5000);
    expect(new Set(items).size).toBe(5000);
  });

  test('the engine recognises the generated sheets and finds planted problems in a minority of rows', () => {
    const decl = check(declarationSnapshot(500), { asOf: '2026-06-01', profile: 'auto' });
    expect(decl.profile.id).toBe('yeji');
    expect(decl.sheets[0]!.kind).toBe('declaration');
    expect(decl.sheets[0]!.dataRows).toHaveLength(500);
    const declIds = new Set(decl.findings.map((f) => f.ruleId));
    for (const id of ['consistency/funding-sum', 'format/phone', 'format/email', 'eligibility/project-scope']) expect(declIds).toContain(id);
    const flaggedRows = new Set(decl.findings.map((f) => f.row));
    expect(flaggedRows.size).toBeGreaterThan(50);
    expect(flaggedRows.size).toBeLessThan(400);

    const prog = check(progressSnapshot(500), { asOf: '2026-06-01', profile: 'auto' });
    expect(prog.profile.id).toBe('laizhou');
    expect(prog.sheets[0]!.kind).toBe('progress-table');
    expect(prog.sheets[0]!.dataRows).toHaveLength(500);
    // Every deadline the Laizhou regulation defines is computed somewhere on the sheet.
    const keys = new Set(prog.sheets[0]!.computedColumns.map((c) => c.key));
    for (const k of ['annualPerformanceReportDue', 'acceptanceDue', 'selfEvaluationDue', 'standardPublicationDue', 'freeMaintenanceUntil']) {
      expect(keys).toContain(k);
    }
  });
});

describe('helpers', () => {
  test.each([
    [[3], 3],
    [[5, 1, 3], 3],
    [[4, 1, 3, 2], 2.5],
  ])('median(%j) = %d', (xs, m) => {
    expect(median(xs)).toBe(m);
  });

  test('peak heap is read from --trace-gc lines after the measuring mark only', () => {
    const trace = [
      '[1:0x1]  10 ms: Mark-Compact 900.5 (950.0) -> 20.1 (30.0) MB, 5.0 / 0.0 ms  allocation failure',
      MEASURE_MARK,
      '[1:0x1]  20 ms: Scavenge 120.5 (130.0) -> 100.1 (131.0) MB, 1.0 / 0.0 ms  (average mu = 1.000) allocation failure;',
      '[1:0x1]  30 ms: Mark-Compact (reduce) 250.25 (300.0) -> 90.0 (120.0) MB, 9.0 / 0.0 ms  (average mu = 0.9)',
      '[1:0x1]  40 ms: Scavenge 110.0 (130.0) -> 95.0 (131.0) MB, 1.0 / 0.0 ms',
    ].join('\n');
    expect(peakHeapFromTrace(trace)).toBe(250.25);
    expect(liveHeapFromTrace(trace)).toBe(90);
  });

  test('arguments', () => {
    const o = parseBenchArgs(['--quick', '--case', 'engine-declaration,adapter-read', '--out', 'x.json'], '/w');
    expect(o).toEqual({ quick: true, cases: ['engine-declaration', 'adapter-read'], out: path.resolve('/w', 'x.json'), verbose: true });
    expect(parseBenchArgs(['--case', 'nope'], '/w')).toMatch(/unknown case nope/);
    expect(parseBenchArgs(['--fast'], '/w')).toMatch(/unknown argument/);
    expect(parseBenchArgs(['--case'], '/w')).toMatch(/needs a value/);
  });
});

describe('npm run bench --quick (compiled, as run by npm)', () => {
  // Compiled into the repository's node_modules cache so `exceljs` resolves and others' dist/ is left alone.
  const OUT = path.join(ROOT, 'node_modules', '.cache', `fundcheck-bench-test-${process.pid}`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fundcheck-bench-test-'));

  beforeAll(() => {
    execFileSync(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.cli.json', '--outDir', OUT], { cwd: ROOT, stdio: 'pipe' });
  }, 240_000);

  afterAll(() => {
    fs.rmSync(OUT, { recursive: true, force: true });
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('every case runs, the table lists it and bench-results.json holds its median and figures', () => {
    const json = path.join(dir, 'results.json');
    const r = spawnSync(process.execPath, [path.join(OUT, 'bench', 'run.js'), '--quick', '--quiet', '--out', json], { cwd: dir, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const doc = JSON.parse(fs.readFileSync(json, 'utf8'));
    expect(doc.quick).toBe(true);
    expect(doc.errors).toEqual([]);
    for (const c of CASES) {
      const res = doc.cases[c.name];
      expect(res).toBeDefined();
      expect(res.medianSeconds).toBeGreaterThan(0);
      expect(Number.isFinite(res.value)).toBe(true);
      expect(typeof res.pass).toBe('boolean');
      expect(r.stdout).toMatch(new RegExp(`^${c.name} +\\| `, 'm'));
    }
    const engine = doc.cases['engine-declaration'];
    expect(engine.rows).toBe(3000);
    expect(engine.findings).toBeGreaterThan(0);
    expect(engine.peakHeapMB).toBeGreaterThan(engine.inputHeapMB);
    // Quick: one process, its warm-up run kept out of the median's runs.
    expect(engine.processes).toBe(1);
    expect(engine.times).toHaveLength(2);
    expect(engine.firstRunSeconds).toBeGreaterThan(0);
    expect(doc.cases['engine-progress'].computed).toBeGreaterThan(doc.cases['engine-progress'].rows);
    expect(doc.cases['adapter-apply'].marked).toBe(1000);
    expect(doc.cases['adapter-apply'].notes).toBe(1000);
    expect(doc.cases['adapter-apply'].restored).toBeGreaterThanOrEqual(1000);
    // The CLI with --out measured beside unzipping and scanning the same file, with its peak memory.
    expect(doc.cases['cli-single'].scanSeconds).toBeGreaterThan(0);
    expect(doc.cases['cli-single'].cliMaxRssMB).toBeGreaterThan(0);
    expect(doc.cases['cli-batch'].batchMaxRssMB).toBeGreaterThan(0);
    // The table is the one the README describes.
    expect(formatTable([])).toMatch(/^case +\| figure/);
  }, 300_000);

  test('--case runs only the named cases', () => {
    const json = path.join(dir, 'one.json');
    const r = spawnSync(process.execPath, [path.join(OUT, 'bench', 'run.js'), '--quick', '--quiet', '--case', 'expense-classifier', '--out', json], { cwd: dir, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(Object.keys(JSON.parse(fs.readFileSync(json, 'utf8')).cases)).toEqual(['expense-classifier']);
  }, 120_000);
});
