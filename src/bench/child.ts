// Runs one in-process benchmark case in its own node process (started by run.ts with --trace-gc) and writes its timings to a file.
import * as fs from 'fs';
import * as v8 from 'v8';
import { check } from '../engine';
import type { Finding, Report, Severity, WorkbookSnapshot } from '../engine/types';
import { classifyExpense } from '../engine/expense';
import { createOfficeHost } from '../excel';
import { createFakeExcel, dataFromSnapshot } from '../fake-excel';
import type { FakeWorkbookData } from '../fake-excel';
import { declarationSnapshot, expenseItems, progressSnapshot, DECL_FIRST_DATA } from './inputs';
import { AS_OF, MEASURE_MARK } from './constants';


export interface ChildParams {
  rows?: number;
  items?: number;
  cells?: number;
  runs: number;
}

export interface ChildResult {
  /** Wall-clock seconds of each run, in order. */
  times: number[];
  /** CPU seconds (user + system, all threads of the process) of each run: less disturbed by other load on the machine. */
  cpuTimes: number[];
  /** Heap used (MB) once inputs were built and garbage collected, before measuring. */
  inputHeapMB: number;
  /** Heap used (MB) after each run, before any forced collection. */
  endHeapMB: number[];
  maxRssMB: number;
  /** Case-specific counts (rows, findings, syncs, bytes …), from the last run. */
  figures: Record<string, number>;
}

function gc(): void {
  const g = (globalThis as { gc?: () => void }).gc;
  if (g) g();
}

const heapMB = () => v8.getHeapStatistics().used_heap_size / 1048576;
const now = () => performance.now() / 1000;

async function timed(runs: number, body: () => Promise<Record<string, number>> | Record<string, number>): Promise<ChildResult> {
  gc();
  const inputHeapMB = heapMB();
  process.stdout.write(`\n${MEASURE_MARK}\n`);
  const times: number[] = [];
  const cpuTimes: number[] = [];
  const endHeapMB: number[] = [];
  let figures: Record<string, number> = {};
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = now();
    figures = await body();
    times.push(now() - t0);
    const c = process.cpuUsage(c0);
    cpuTimes.push((c.user + c.system) / 1e6);
    endHeapMB.push(heapMB());
  }
  return { times, cpuTimes, inputHeapMB, endHeapMB, maxRssMB: process.resourceUsage().maxRSS / 1024, figures };
}

function reportFigures(rep: Report, rows: number): Record<string, number> {
  return { rows, findings: rep.findings.length, computed: computedCount(rep), notices: rep.notices.length };
}

function computedCount(rep: Report): number {
  let n = 0;
  for (const s of rep.sheets) for (const c of s.computedColumns) n += c.rows.length;
  return n;
}

/** One engine case: checks the snapshot `runs` times and adds the figures the case reads off the last report. */
async function engineCase(
  p: ChildParams,
  snapshotOf: (rows: number) => WorkbookSnapshot,
  figuresOf: (r: Report | null, rows: number) => Record<string, number>,
): Promise<ChildResult> {
  const rows = p.rows!;
  const snap = snapshotOf(rows);
  let rep: Report | null = null;
  const res = await timed(p.runs, () => {
    // Drop the previous run's report first: the peak heap is that of one check with its input, not two reports.
    rep = null;
    rep = check(snap, { asOf: AS_OF, profile: 'auto' });
    return reportFigures(rep, rows);
  });
  Object.assign(res.figures, figuresOf(rep as Report | null, rows));
  return res;
}

const engineDeclaration = (p: ChildParams): Promise<ChildResult> =>
  engineCase(p, declarationSnapshot, (r) => ({
    profileYeji: r?.profile.id === 'yeji' ? 1 : 0,
    dataRows: r?.sheets[0]?.dataRows.length ?? 0,
  }));

const engineProgress = (p: ChildParams): Promise<ChildResult> =>
  engineCase(p, progressSnapshot, (r, rows) => ({
    deadlineColumns: r?.sheets[0]?.computedColumns.length ?? 0,
    computedPerRow: r ? computedCount(r) / rows : 0,
    profileLaizhou: r?.profile.id === 'laizhou' ? 1 : 0,
  }));

async function expenseClassifier(p: ChildParams): Promise<ChildResult> {
  const items = expenseItems(p.items!);
  return timed(p.runs, () => {
    const counts = { included: 0, conditional: 0, excluded: 0, unknown: 0, overlays: 0 };
    for (let i = 0; i < items.length; i++) {
      const c = classifyExpense(items[i]!, 'wuhan');
      counts[c.class]++;
      if (c.overlays.length) counts.overlays++;
    }
    return { items: items.length, ...counts };
  });
}

/** 15 columns × rows of declaration data, as a fake Excel workbook. */
function fakeData(rows: number): FakeWorkbookData {
  return dataFromSnapshot(declarationSnapshot(rows, 5));
}

async function adapterRead(p: ChildParams): Promise<ChildResult> {
  const rows = p.rows!;
  const fake = createFakeExcel(fakeData(rows));
  const host = createOfficeHost(fake.Excel, fake.Office);
  return timed(p.runs, async () => {
    fake.resetStats();
    const snap = await host.readSnapshot();
    const s = fake.stats;
    let total = 0;
    for (const r of s.requests) total += r.bytes;
    const cells = snap.sheets.reduce((n, sh) => n + sh.rows.reduce((m, r) => m + r.length, 0), 0);
    return { rows, cells, syncs: s.syncs, requests: s.requests.length, largestRequestBytes: s.largestRequestBytes, totalBytes: total, longestAddress: s.longestAddress };
  });
}

const SEVERITIES: Severity[] = ['error', 'warning', 'info'];

/**
 * A report flagging `cells` cells scattered over a declaration sheet: every other row, a few columns per row,
 * severities mixed, so fills cannot merge into a few rectangles and addresses must be chunked.
 */
export function scatteredReport(cells: number, sheet: string): { report: Report; rows: number } {
  const cols = ['C', 'F', 'G', 'M', 'N'];
  const findings: Finding[] = [];
  let row = DECL_FIRST_DATA + 1;
  let i = 0;
  while (findings.length < cells) {
    const column = cols[i % cols.length]!;
    const severity = SEVERITIES[(i * 7 + row) % 3]!;
    findings.push({
      sheet,
      row,
      column,
      cell: column + row,
      ruleId: 'bench/scattered',
      category: 'format',
      severity,
      messageId: 'x',
      params: {},
      message: `第${row}行${column}列：示例问题（基准测试）`,
      citation: null,
    });
    i++;
    if (i % 3 === 0) row += 2;
  }
  const report: Report = {
    asOf: AS_OF,
    lang: 'zh',
    profile: { id: 'yeji', regulation: '', detected: false, reason: '' },
    notices: [],
    sheets: [{ name: sheet, kind: 'declaration', headerRow: 4, columns: {}, dataRows: [], reason: '', unmappedColumns: [], computedColumns: [] }],
    findings,
  };
  return { report, rows: row };
}

async function adapterApply(p: ChildParams): Promise<ChildResult> {
  const cells = p.cells!;
  const { report, rows } = scatteredReport(cells, '申报表');
  const data = fakeData(rows);
  let fake = createFakeExcel(data);
  let host = createOfficeHost(fake.Excel, fake.Office);
  return timed(p.runs, async () => {
    // A fresh workbook each run: the figures are for marking an unmarked workbook.
    fake = createFakeExcel(data);
    host = createOfficeHost(fake.Excel, fake.Office);
    const res = await host.applyReport(report, { lang: 'zh', fillComputed: false });
    const s = fake.stats;
    const apply = { syncs: s.syncs, requests: s.requests.length, largestRequestBytes: s.largestRequestBytes, longestAddress: s.longestAddress };
    const notes = Object.keys(fake.notes('申报表')).length;
    fake.resetStats();
    const cleared = await host.clearMarks();
    const c = fake.stats;
    return {
      flagged: cells,
      marked: res.marked,
      notes,
      ...apply,
      clearSyncs: c.syncs,
      clearLargestRequestBytes: c.largestRequestBytes,
      clearLongestAddress: c.longestAddress,
      restored: cleared.restored,
    };
  });
}

export const CHILD_CASES: Record<string, (p: ChildParams) => Promise<ChildResult>> = {
  'engine-declaration': engineDeclaration,
  'engine-progress': engineProgress,
  'expense-classifier': expenseClassifier,
  'adapter-read': adapterRead,
  'adapter-apply': adapterApply,
};

if (require.main === module) {
  const [name, params, out] = process.argv.slice(2);
  const fn = CHILD_CASES[name ?? ''];
  if (!fn || !params || !out) {
    process.stderr.write('usage: child.js <case> <params-json> <result-file>\n');
    process.exit(2);
  }
  fn(JSON.parse(params) as ChildParams).then(
    (res) => fs.writeFileSync(out, JSON.stringify(res)),
    (err: unknown) => {
      process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
      process.exitCode = 1;
    },
  );
}
