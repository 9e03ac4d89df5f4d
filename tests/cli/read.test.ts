// The snapshot read from an .xlsx holds what Excel itself stores: serial dates, cached formula results, plain text, merges.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { dateToSerial, readWorkbook, serialToDate } from '../../src/cli/read';
import type { SheetSnapshot } from '../../src/engine/types';

// Generous on purpose: a busy 2-core machine runs this several times slower (speed is measured by `npm run bench`).
jest.setTimeout(120_000);

const SAMPLES = path.join(__dirname, '../../assets/samples');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fundcheck-read-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function sheet(snapshot: { sheets: SheetSnapshot[] }, name: string): SheetSnapshot {
  const s = snapshot.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
}

/** Cell by A1 address from a snapshot. */
function at(s: SheetSnapshot, a1: string): unknown {
  const m = /^([A-Z]+)(\d+)$/.exec(a1)!;
  let c = 0;
  for (const ch of m[1]!) c = c * 26 + ch.charCodeAt(0) - 64;
  return s.rows[+m[2]! - 1]?.[c - 1] ?? null;
}

describe('serial date conversion', () => {
  // Known Excel serials (1900 system): the oracle is Excel's own numbering, not the code under test.
  test.each([
    ['1900-03-01', 61],
    ['1970-01-01', 25569],
    ['2023-03-01', 44986],
    ['2024-02-29', 45351],
    ['2025-01-01', 45658],
    ['2025-01-10', 45667],
  ])('%s is serial %d in the 1900 system and %d-1462 in the 1904 system', (iso, serial) => {
    const d = new Date(`${iso}T00:00:00Z`);
    expect(dateToSerial(d, false)).toBe(serial);
    expect(dateToSerial(d, true)).toBe(serial - 1462);
    expect(serialToDate(serial, false).getTime()).toBe(d.getTime());
    expect(serialToDate(serial - 1462, true).getTime()).toBe(d.getTime());
  });

  test.each([1, 59, 60, 61, 45667, 45667.5, 45667.25, 0.75])('serial %p survives ExcelJS’s Date round trip', (serial) => {
    // ExcelJS's own conversion (serial → Date, rounded to ms) is what dateToSerial must undo.
    const viaExcelJs = new Date(Math.round((serial - 25569) * 86400000));
    expect(dateToSerial(viaExcelJs, false)).toBe(serial);
  });
});

describe('readWorkbook on the samples', () => {
  test('declaration: values, two-row header text with line breaks, merges, 合计 formulas with cached results', async () => {
    const { snapshot, workbook } = await readWorkbook(path.join(SAMPLES, '01-yeji-declaration.xlsx'));
    expect(workbook.worksheets.length).toBe(2);
    expect(snapshot.name).toBe('01-yeji-declaration.xlsx');
    expect(snapshot.date1904).toBeUndefined();
    const s = sheet(snapshot, '申报表');
    expect(at(s, 'A2')).toBe('六安市叶集区政务信息化项目申报表');
    expect(at(s, 'G3')).toBe('资金筹措');
    expect(at(s, 'H4')).toBe('银行\n货款\n（万元）');
    expect(at(s, 'F3')).toBe('项目\n投资\n（万元）');
    // Covered cells of a merge are empty, as Excel reports them (ExcelJS would repeat the master's value).
    expect(at(s, 'H3')).toBeNull();
    expect(at(s, 'F4')).toBeNull();
    expect(s.merges).toEqual(
      expect.arrayContaining([
        { top: 1, left: 0, bottom: 1, right: 14 },
        { top: 2, left: 6, bottom: 2, right: 9 },
        { top: 2, left: 5, bottom: 3, right: 5 },
      ]),
    );
    expect(at(s, 'F5')).toBe(300);
    expect(at(s, 'H5')).toBe(0);
    expect(at(s, 'E8')).toBe('明年上半年');
    expect(at(s, 'A16')).toBe('合计');
    expect(at(s, 'F16')).toBe(300 + 150 + 120 + 60 + 480 + 1500000 + 200 + 80 + 25 + 90 + 70);
    expect(s.formulas?.[15]?.[5]).toBe('SUM(F5:F15)');
    expect(s.formulas?.[4]?.[5] ?? null).toBeNull();
    expect(s.formats?.[4]?.[5]).toBe('#,##0.00');
    expect(s.formats?.[4]?.[1] ?? null).toBeNull();
    // Snapshot starts at A1 and every row is an array.
    expect(s.rows.every((r) => Array.isArray(r))).toBe(true);
    expect(at(sheet(snapshot, '填表说明'), 'A1')).toBe('填表说明');
  });

  test('ledger: date cells come back as 1900-system serial numbers; text dates stay text; hidden column', async () => {
    const { snapshot } = await readWorkbook(path.join(SAMPLES, '03-wulong-progress-ledger.xlsx'));
    const s = sheet(snapshot, '进度台账');
    expect(at(s, 'I4')).toBe(45667); // 2025-01-10
    expect(s.formats?.[3]?.[8]).toBe('yyyy-mm-dd');
    expect(at(s, 'J8')).toBe('2025年10月31日');
    expect(at(s, 'L8')).toBe('2025.11.5');
    expect(at(s, 'E6')).toBe(123.4);
    expect(at(s, 'F6')).toBe(18.51);
    expect(s.hiddenColumns).toEqual([14]);
  });

  test('1904 date system: serials are 1462 lower and the flag is set', async () => {
    const { snapshot } = await readWorkbook(path.join(SAMPLES, '05-laizhou-ledger.xlsx'));
    expect(snapshot.date1904).toBe(true);
    const s = sheet(snapshot, '项目台账');
    expect(at(s, 'H4')).toBe(44986 - 1462); // 2023-03-01
  });

  test('expense sheet: shared formulas give each cell its own formula text and cached result; hidden row', async () => {
    const { snapshot } = await readWorkbook(path.join(SAMPLES, '04-wulong-expenses.xlsx'));
    const s = sheet(snapshot, '费用明细');
    expect(s.formulas?.[3]?.[4]).toBe('C4*D4');
    expect(s.formulas?.[8]?.[4]).toBe('C9*D9');
    expect(at(s, 'E4')).toBe(30);
    expect(at(s, 'E15')).toBe(0.6);
    expect(at(s, 'E16')).toBe(1);
    expect(at(s, 'E17')).toBe(150.6);
    expect(s.formulas?.[16]?.[4]).toBe('SUM(E4:E16)');
    expect(s.hiddenRows).toEqual([15]);
  });

  test('progress form: date typed into the form keeps its serial and Chinese date format', async () => {
    const { snapshot } = await readWorkbook(path.join(SAMPLES, '02-yeji-progress-form.xlsx'));
    const s = sheet(snapshot, '进度情况表');
    expect(at(s, 'C4')).toBe(46127); // 2026-04-15
    expect(s.formats?.[3]?.[2]).toBe('yyyy"年"m"月"d"日"');
    expect(s.merges).toEqual(expect.arrayContaining([{ top: 2, left: 0, bottom: 3, right: 0 }]));
  });
});

describe('readWorkbook on unusual cells', () => {
  let file: string;
  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('杂项');
    ws.getCell('A1').value = { richText: [{ text: '项目', font: { bold: true } }, { text: '名称' }] };
    ws.getCell('B1').value = { text: '政务网站', hyperlink: 'https://example.gov.cn' };
    ws.getCell('C1').value = { error: '#REF!' } as ExcelJS.CellErrorValue;
    ws.getCell('D1').value = { formula: 'A9+1' } as ExcelJS.CellFormulaValue; // no cached result
    ws.getCell('E1').value = true;
    ws.getCell('F1').value = { formula: 'DATE(2024,2,29)', result: new Date(Date.UTC(2024, 1, 29)) } as ExcelJS.CellFormulaValue;
    ws.getCell('F1').numFmt = 'yyyy/m/d';
    ws.getCell('G1').value = new Date(Date.UTC(2025, 0, 10, 12, 0, 0));
    ws.getCell('G1').numFmt = 'yyyy-mm-dd hh:mm';
    ws.getCell('H1').value = { formula: '1/0', result: { error: '#DIV/0!' } } as ExcelJS.CellFormulaValue;
    ws.getCell('I1').value = { formula: 'A1=""', result: false } as ExcelJS.CellFormulaValue;
    ws.getCell('J1').value = { formula: '0*1', result: 0 } as ExcelJS.CellFormulaValue;
    ws.getCell('C5').value = '远处的值';
    ws.getCell('B3').value = '隐藏行';
    ws.getRow(3).hidden = true;
    file = path.join(dir, 'odd.xlsx');
    await wb.xlsx.writeFile(file);
  });

  test('rich text and hyperlinks become plain text, errors stay error values, formulas keep cached results', async () => {
    const { snapshot } = await readWorkbook(file);
    const s = snapshot.sheets[0]!;
    expect(at(s, 'A1')).toBe('项目名称');
    expect(at(s, 'B1')).toBe('政务网站');
    expect(at(s, 'C1')).toEqual({ error: '#REF!' });
    expect(at(s, 'D1')).toBeNull();
    expect(s.formulas?.[0]?.[3]).toBe('A9+1');
    expect(at(s, 'E1')).toBe(true);
    expect(at(s, 'F1')).toBe(45351);
    expect(s.formulas?.[0]?.[5]).toBe('DATE(2024,2,29)');
    expect(at(s, 'G1')).toBe(45667.5);
    expect(at(s, 'H1')).toEqual({ error: '#DIV/0!' });
    expect(at(s, 'I1')).toBe(false);
    expect(at(s, 'J1')).toBe(0);
    expect(at(s, 'C5')).toBe('远处的值');
    expect(s.rows[1]).toEqual([]);
    expect(s.hiddenRows).toEqual([2]);
  });

  test('a file ExcelJS cannot parse rejects with an error', async () => {
    const bad = path.join(dir, 'bad.xlsx');
    fs.writeFileSync(bad, 'not a zip at all');
    await expect(readWorkbook(bad)).rejects.toThrow();
  });
});
