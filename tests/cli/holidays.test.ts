// fundcheck --holidays FILE end to end: a schedule JSON or a notice's text reaches every check (worker threads too).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import type { JsonDocument } from '../../src/cli/format';
import { decodeText } from '../../src/cli/holidays';
import { parseArgs } from '../../src/cli/main';
import { PROGRESS_HEADERS, progressRow } from '../engine/rules/harness';
import { runCli } from './helpers';

// Generous on purpose (the pool test compiles the CLI): nothing here measures speed.
jest.setTimeout(180_000);

const ROOT = path.join(__dirname, '../..');
const FIXTURES = path.join(ROOT, 'tests/engine/calendar');
/** Invented for the tests (see tests/engine/calendar/fixtures/README.md): not the State Council's 2027 notice. */
const INVENTED_2027 = path.join(FIXTURES, 'fixtures/holidays-2027.invented.json');
const NOTICE_2026 = path.join(FIXTURES, 'notices/2026.txt');
const AS_OF = '2026-10-20';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fundcheck-holidays-'));
let ledger: string;

/** A 叶集 progress ledger of one project under construction 2026–2027: its next quarterly report is due in January 2027. */
async function writeLedger(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('进度台账');
  ws.addRow(['六安市叶集区政务信息化项目进度台账']);
  ws.addRow(PROGRESS_HEADERS);
  ws.addRow(progressRow({ 开工日期: '2026-01-01', 建成日期: '2027-12-31', 建设进度: '系统开发中，预计2027年12月完成' }));
  await wb.xlsx.writeFile(file);
}

beforeAll(async () => {
  ledger = path.join(dir, 'yeji-ledger.xlsx');
  await writeLedger(ledger);
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function nextReport(out: string): { value: string }[] {
  const doc = JSON.parse(out) as JsonDocument;
  const wb = doc.workbooks[0]!;
  const found: { value: string }[] = [];
  for (const c of (wb as unknown as { computed: { key: string; value: string }[] }).computed) {
    if (c.key === 'nextProgressReportDue') found.push(c);
  }
  return found;
}

function ruleIds(out: string): string[] {
  return (JSON.parse(out) as JsonDocument).workbooks[0]!.findings.map((f) => f.ruleId);
}

test('--holidays is repeatable and needs a value', () => {
  const p = parseArgs(['a.xlsx', '--holidays', 'x.json', '--holidays=y.txt']);
  expect(p.ok && p.options.holidays).toEqual(['x.json', 'y.txt']);
  expect(parseArgs(['a.xlsx', '--holidays']).ok).toBe(false);
});

test('without a 2027 schedule the January 2027 report window is provisional', async () => {
  const r = await runCli([ledger, '--profile', 'yeji', '--as-of', AS_OF, '--format', 'json'], dir, AS_OF);
  // (the JSON's computed values carry no provisional flag: the info finding says it)
  expect(nextReport(r.out)).toEqual([expect.objectContaining({ value: '2027-01-08' })]);
  expect(ruleIds(r.out)).toContain('deadline/provisional-schedule');
  expect(r.err).toBe('');
});

test('with --holidays (the invented 2027 JSON) it is exact; the summary goes to stderr in the report language', async () => {
  const zh = await runCli([ledger, '--profile', 'yeji', '--as-of', AS_OF, '--format', 'json', '--holidays', INVENTED_2027], dir, AS_OF);
  expect(nextReport(zh.out)).toHaveLength(1);
  expect(nextReport(zh.out)[0]!.value).toBe('2027-01-08');
  expect(ruleIds(zh.out)).not.toContain('deadline/provisional-schedule');
  expect(zh.err).toContain('已读入放假安排');
  expect(zh.err).toContain('2027年放假安排：放假');
  expect(zh.err).toContain('INVENTED');
  expect(zh.err).toContain('春节：2027年2月5日（周五）至2027年2月13日（周六），共9天');
  const en = await runCli([ledger, '--profile', 'yeji', '--as-of', AS_OF, '--lang', 'en', '--holidays', INVENTED_2027], dir, AS_OF);
  expect(en.err).toContain('holiday schedule read from');
  expect(en.err).toContain('2027 holiday schedule: ');
  expect(en.err).toContain('春节 (Spring Festival): Fri 2027-02-05 – Sat 2027-02-13, 9 days off; working: Sat 2027-02-20');
});

test('a notice text (.txt, detected by content) is read and summarised; with no workbook it only shows what it read', async () => {
  const r = await runCli(['--holidays', NOTICE_2026], dir, AS_OF);
  expect(r.code).toBe(0);
  expect(r.out).toBe('');
  expect(r.err).toContain('2026年放假安排：放假');
  expect(r.err).toContain('《国务院办公厅关于2026年部分节假日安排的通知》');
  expect(r.err).toContain('国庆节：2026年10月1日（周四）至2026年10月7日（周三），共7天；2026年9月20日（周日）、2026年10月10日（周六）上班');
  // a JSON schedule named .txt is told from a notice by its content
  const asJson = path.join(dir, 'schedule.txt');
  fs.copyFileSync(INVENTED_2027, asJson);
  const both = await runCli([ledger, '--profile', 'yeji', '--as-of', AS_OF, '--format', 'json', '--holidays', asJson, '--holidays', NOTICE_2026], dir, AS_OF);
  expect(both.code).toBe(0);
  expect(ruleIds(both.out)).not.toContain('deadline/provisional-schedule');
  expect(both.err.match(/已读入放假安排/g)).toHaveLength(2);
});

test('GB18030 and UTF-16 text decode; binary does not', () => {
  const gb = Buffer.from([0xd4, 0xaa, 0xb5, 0xa9]); // 元旦 in GB18030
  expect(decodeText(gb)).toBe('元旦');
  expect(decodeText(Buffer.from('\uFEFF元旦', 'utf16le'))).toBe('元旦');
  expect(decodeText(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00]))).toBeNull();
});

describe('a bad holiday file: exit 2 with one line naming the file and the reason, nothing checked', () => {
  const write = (name: string, content: string | Buffer) => {
    const p = path.join(dir, name);
    fs.writeFileSync(p, content);
    return p;
  };
  test.each<[string, () => string, RegExp, RegExp]>([
    ['missing', () => path.join(dir, 'nope.json'), /放假安排文件不存在/, /no such holiday schedule file/],
    ['bad JSON', () => write('bad.json', '{"year": 2027,'), /放假安排无效：不是有效的 JSON/, /invalid holiday schedule: not valid JSON/],
    [
      'a field wrong',
      () => write('field.json', fs.readFileSync(INVENTED_2027, 'utf8').replace('"2027-02-20"', '"2027-02-19"')),
      /放假安排无效：workdays\[0\]\.date：2027-02-19 是周五，调休上班日应为周六或周日/,
      /invalid holiday schedule: workdays\[0\]\.date: 2027-02-19 is a Friday/,
    ],
    ['a text that is no notice', () => write('notes.txt', '明年放假安排还没出来'), /放假安排无效：通知正文：找不到年份/, /invalid holiday schedule: 通知正文: no year found/],
    ['a binary file', () => write('zip.txt', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0])), /不是文本/, /is not text/],
  ])('%s', async (_what, file, zh, en) => {
    const f = file();
    const rz = await runCli([ledger, '--holidays', f, '--as-of', AS_OF], dir, AS_OF);
    expect(rz.code).toBe(2);
    expect(rz.out).toBe('');
    expect(rz.err.trim().split('\n')).toHaveLength(1);
    expect(rz.err).toMatch(new RegExp(`^fundcheck: ${f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: `));
    expect(rz.err).toMatch(zh);
    const re = await runCli([ledger, '--holidays', f, '--as-of', AS_OF, '--lang', 'en'], dir, AS_OF);
    expect(re.code).toBe(2);
    expect(re.err).toMatch(en);
  });

  test('the same year from two files', async () => {
    const copy = write('again.json', fs.readFileSync(INVENTED_2027));
    const r = await runCli([ledger, '--holidays', INVENTED_2027, '--holidays', copy], dir, AS_OF);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/again\.json: 2027 年的放假安排已由 .*holidays-2027\.invented\.json 给出/);
  });
});

describe('the compiled CLI: the schedule reaches the worker threads', () => {
  const OUT = path.join(ROOT, 'node_modules', '.cache', `fundcheck-holidays-test-${process.pid}`);
  const BIN = path.join(OUT, 'cli', 'bin.js');

  beforeAll(() => {
    // tsc emits even when some file elsewhere has a type error (the type check is `npm run typecheck`'s job).
    spawnSync(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.cli.json', '--outDir', OUT], { cwd: ROOT, encoding: 'utf8' });
    if (!fs.existsSync(BIN)) throw new Error('build failed');
  }, 180_000);

  afterAll(() => fs.rmSync(OUT, { recursive: true, force: true }));

  test('every file of a pooled batch (all checked by workers) gets the exact January 2027 window', () => {
    const folder = path.join(dir, 'batch');
    fs.mkdirSync(folder);
    for (let i = 0; i < 9; i++) fs.copyFileSync(ledger, path.join(folder, `f${i}.xlsx`));
    const r = spawnSync(process.execPath, [BIN, folder, '--profile', 'yeji', '--as-of', AS_OF, '--format', 'json', '--holidays', INVENTED_2027], {
      cwd: ROOT,
      env: { ...process.env, FUNDCHECK_WORKERS: '2', FUNDCHECK_MAIN_THREAD: '0' },
      encoding: 'utf8',
    });
    expect(r.stderr).toContain('2027年放假安排');
    const doc = JSON.parse(r.stdout) as { workbooks: { findings: { ruleId: string }[]; computed: { key: string; value: string }[] }[] };
    expect(doc.workbooks).toHaveLength(9);
    for (const wb of doc.workbooks) {
      const next = wb.computed.filter((c) => c.key === 'nextProgressReportDue');
      expect(next).toEqual([expect.objectContaining({ value: '2027-01-08' })]);
      expect(wb.findings.map((f) => f.ruleId)).not.toContain('deadline/provisional-schedule');
    }
  });
});
