// The annotated copy: problem cells filled and noted, computed columns written, and nothing else changed.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { NOTE_MARKER, SEVERITY_FILL, writeAnnotatedCopy } from '../../src/cli/annotate';
import { readSpreadsheet } from '../../src/cli/read';
import { cite } from '../../src/engine/regulations';
import type { Finding, Report } from '../../src/engine/types';
import { compareWorkbooks, load, noteString } from './helpers';
import { columnsOf, setComputed } from '../support/report';
import { readZipEntries } from '../support/zip';

// Generous on purpose: a busy 2-core machine runs this several times slower (speed is measured by `npm run bench`).
jest.setTimeout(120_000);

const SAMPLES = path.join(__dirname, '../../assets/samples');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fundcheck-annotate-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function f(cell: string, severity: Finding['severity'], message: string, sheet = '进度台账'): Finding {
  const m = /^([A-Z]+)(\d+)$/.exec(cell)!;
  return {
    sheet,
    row: +m[2]!,
    column: m[1]!,
    cell,
    ruleId: 'test.rule',
    category: 'change-limit',
    severity,
    messageId: 'test',
    params: {},
    message,
    citation: cite('wulong', '第二十六条'),
  };
}

function ledgerReport(): Report {
  const r: Report = {
    asOf: '2026-05-20',
    lang: 'zh',
    profile: { id: 'wulong', regulation: '', detected: true, reason: '' },
    notices: [],
    sheets: [
      {
        name: '进度台账',
        kind: 'progress-table',
        headerRow: 3,
        columns: { projectName: 'C', approvedBudget: 'E', adjustment: 'F' },
        dataRows: [4, 5, 6, 7, 8, 9, 10, 11],
        reason: '',
        unmappedColumns: [],
        computedColumns: columnsOf([
          { key: 'acceptanceDue', header: '验收截止（自动）', column: 'P' },
          { key: 'approvalPath', header: '审批/管理路径（自动）', column: 'Q' },
        ]),
      },
    ],
    findings: [
      f('F5', 'error', '调整金额超过概算总投资的15%'),
      f('F5', 'info', '另一条提示'),
      f('J9', 'warning', '验收即将到期'),
      f('F6', 'info', '恰好 15.00%，请确认'),
      // A finding on a covered cell of a merge goes on the merge's master (A1).
      f('C1', 'info', '标题提示'),
    ],
  };
  return setComputed(r, [
    { sheet: '进度台账', row: 4, key: 'acceptanceDue', header: '验收截止（自动）', column: 'P', value: '2026-03-31', type: 'date' },
    { sheet: '进度台账', row: 8, key: 'acceptanceDue', header: '验收截止（自动）', column: 'P', value: '2026-04-30', type: 'date', provisional: true },
    { sheet: '进度台账', row: 4, key: 'approvalPath', header: '审批/管理路径（自动）', column: 'Q', value: '直接编制初步设计及概算', type: 'text' },
  ]);
}

/** The annotated copy of `input` under `report`, through the writer the CLI uses. */
async function annotateFile(input: string, report: Report, out: string, lang: 'zh' | 'en' = 'zh'): Promise<string> {
  const { snapshot, format } = await readSpreadsheet(input);
  return writeAnnotatedCopy({ input, format, snapshot, report, lang, outPath: out });
}

describe('writeAnnotatedCopy', () => {
  const input = path.join(SAMPLES, '03-wulong-progress-ledger.xlsx');
  const out = path.join(dir, 'ledger-annotated.xlsx');
  let copy: ExcelJS.Workbook;

  beforeAll(async () => {
    await annotateFile(input, ledgerReport(), out);
    copy = await load(out);
  });

  test('problem cells get a solid fill by their worst severity and one note listing every finding with its citation', () => {
    const ws = copy.getWorksheet('进度台账')!;
    const f5 = ws.getCell('F5');
    expect(f5.fill).toEqual(expect.objectContaining({ type: 'pattern', pattern: 'solid', fgColor: { argb: SEVERITY_FILL.error } }));
    const note = String(f5.note);
    expect(note.startsWith(NOTE_MARKER.zh + '\n')).toBe(true);
    expect(note).toContain('错误：调整金额超过概算总投资的15%');
    expect(note).toContain('提示：另一条提示');
    expect(note).toContain('（依据：《武隆区政务信息化项目管理办法》（武隆府办发〔2022〕47号）第二十六条）');
    expect(note.indexOf('错误：')).toBeLessThan(note.indexOf('提示：'));
    expect((ws.getCell('J9').fill as ExcelJS.FillPattern).fgColor).toEqual({ argb: SEVERITY_FILL.warning });
    expect((ws.getCell('F6').fill as ExcelJS.FillPattern).fgColor).toEqual({ argb: SEVERITY_FILL.info });
    expect(String(ws.getCell('A1').note)).toContain('标题提示');
  });

  test('the copy is zipped compactly: every XML part deflated, the file about the size of the original', () => {
    const parts = readZipEntries(fs.readFileSync(out)).filter((e) => !e.name.endsWith('/')); // not the folder entries
    expect(parts.length).toBeGreaterThan(3);
    for (const e of parts) if (/\.(xml|rels|vml)$/.test(e.name)) expect([e.name, e.method]).toEqual([e.name, 8]);
    expect(fs.statSync(out).size).toBeLessThanOrEqual(fs.statSync(input).size * 1.5);
  });

  test('the fill does not leak to other cells sharing the same style (ExcelJS shares style objects)', () => {
    const ws = copy.getWorksheet('进度台账')!;
    // F4 and F7 were written with the same style as F5.
    for (const a of ['F4', 'F7', 'E5']) expect((ws.getCell(a).fill as ExcelJS.FillPattern | undefined)?.pattern ?? 'none').toBe('none');
  });

  test('computed columns: header on the header row, dates as real dates formatted yyyy-mm-dd, text as text', async () => {
    const ws = copy.getWorksheet('进度台账')!;
    expect(ws.getCell('P3').value).toBe('验收截止（自动）');
    expect(ws.getCell('Q3').value).toBe('审批/管理路径（自动）');
    expect(ws.getCell('P4').value).toEqual(new Date(Date.UTC(2026, 2, 31)));
    expect(ws.getCell('P4').numFmt).toBe('yyyy-mm-dd');
    expect(ws.getCell('Q4').value).toBe('直接编制初步设计及概算');
    expect(String(ws.getCell('P8').note)).toContain('暂定');
    // Through our own reader it is the serial Excel shows as 2026-03-31.
    const { snapshot } = await readSpreadsheet(out);
    expect(snapshot.sheets[0]!.rows[3]![15]).toBe(46112);
  });

  test('every other cell keeps its value, formula, number format, style and note; merges, hidden and sizes kept', async () => {
    const before = await load(input);
    const marked = new Set(['进度台账!F5', '进度台账!J9', '进度台账!F6', '进度台账!A1']);
    const { changes } = compareWorkbooks(before, copy, marked, new Map([['进度台账', new Set([16, 17])]]));
    expect(changes).toEqual([]);
  });

  test('re-checking the copy updates computed columns in place and clears values that no longer apply', async () => {
    const r = ledgerReport();
    setComputed(r, [{ sheet: '进度台账', row: 4, key: 'acceptanceDue', header: '验收截止（自动）', column: 'P', value: '2026-04-01', type: 'date' }]);
    const again = path.join(dir, 'ledger-again.xlsx');
    await annotateFile(out, r, again);
    const ws = (await load(again)).getWorksheet('进度台账')!;
    expect(ws.getCell('P3').value).toBe('验收截止（自动）');
    expect(ws.getCell('P4').value).toEqual(new Date(Date.UTC(2026, 3, 1)));
    expect(ws.getCell('P8').value).toBeNull();
    expect(ws.getCell('Q4').value).toBeNull();
    expect(ws.getCell('R3').value).toBeNull();
    // Our note on F5 is replaced, not stacked.
    expect(String(ws.getCell('F5').note).split(NOTE_MARKER.zh).length).toBe(2);
  });

  test('a note of ours on a cell without findings any more is removed on a re-check; the others stay', async () => {
    const r = ledgerReport();
    r.findings = r.findings.filter((x) => x.cell !== 'F6');
    const again = await annotateFile(out, r, path.join(dir, 'ledger-fewer.xlsx'));
    const ws = (await load(again)).getWorksheet('进度台账')!;
    expect(ws.getCell('F6').note ?? null).toBeNull();
    expect(noteString(ws.getCell('F5').note).startsWith(NOTE_MARKER.zh + '\n')).toBe(true);
  });

  test('a header cell the user filled is never overwritten', async () => {
    const wb = await load(input);
    wb.getWorksheet('进度台账')!.getCell('P3').value = '我的列';
    const mine = path.join(dir, 'user-header.xlsx');
    await wb.xlsx.writeFile(mine);
    const ws = (await load(await annotateFile(mine, ledgerReport(), path.join(dir, 'user-header-out.xlsx')))).getWorksheet('进度台账')!;
    expect(ws.getCell('P3').value).toBe('我的列');
    // …nor the values under it.
    expect(ws.getCell('P4').value ?? null).toBeNull();
    expect(ws.getCell('Q4').value).toBe('直接编制初步设计及概算');
  });

  test('a user note on a problem cell is kept above ours, and a re-check replaces only ours', async () => {
    const wb = await load(input);
    wb.getWorksheet('进度台账')!.getCell('F5').note = '经办人备注';
    wb.getWorksheet('进度台账')!.getCell('B4').note = '另一条备注';
    const mine = path.join(dir, 'user-note.xlsx');
    await wb.xlsx.writeFile(mine);
    const once = await annotateFile(mine, ledgerReport(), path.join(dir, 'user-note-1.xlsx'));
    const twice = await annotateFile(once, ledgerReport(), path.join(dir, 'user-note-2.xlsx'));
    for (const file of [once, twice]) {
      const ws = (await load(file)).getWorksheet('进度台账')!;
      const text = noteString(ws.getCell('F5').note);
      expect(text.startsWith(`经办人备注\n\n${NOTE_MARKER.zh}\n`)).toBe(true);
      expect(text.split(NOTE_MARKER.zh).length).toBe(2);
      expect(noteString(ws.getCell('B4').note)).toBe('另一条备注');
    }
  });

  test('notes are in the report’s language', async () => {
    const r = ledgerReport();
    r.lang = 'en';
    const file = await annotateFile(input, r, path.join(dir, 'en.xlsx'), 'en');
    const ws = (await load(file)).getWorksheet('进度台账')!;
    expect(noteString(ws.getCell('F5').note)).toContain(`${NOTE_MARKER.en}\nError: `);
    expect(noteString(ws.getCell('F5').note)).toContain(' (per ');
    expect(noteString(ws.getCell('P8').note)).toContain('Provisional');
  });

  test('dates in a 1904-system workbook are written as 1904 serials', async () => {
    const file = path.join(SAMPLES, '05-laizhou-ledger.xlsx');
    const r = ledgerReport();
    r.sheets[0]!.name = '项目台账';
    r.sheets[0]!.computedColumns = columnsOf(
      [{ key: 'acceptanceDue', header: '验收截止（自动）', column: 'P' }],
      [{ sheet: '项目台账', row: 4, key: 'acceptanceDue', header: '验收截止（自动）', column: 'P', value: '2026-03-31', type: 'date' }],
    );
    r.findings = [];
    const o = await annotateFile(file, r, path.join(dir, 'laizhou.xlsx'));
    const { snapshot } = await readSpreadsheet(o);
    expect(snapshot.date1904).toBe(true);
    expect(snapshot.sheets[0]!.rows[3]![15]).toBe(46112 - 1462);
  });
});
