// Hostile inputs for trust tests: cell values people and other systems really produce, snapshot builders, and a
// checker that every finding and computed value of a report points at a real cell of the snapshot it came from.
import type { CellValue, Report, SheetSnapshot, WorkbookSnapshot } from '../../src/engine/types';

/** The 001 附件1 header as one row (the flat variant people retype). */
export const DECLARATION_HEADERS = [
  '序号', '建设单位', '项目名称', '项目简要说明及建设依据', '建设年度', '项目投资（万元）', '财政资金（万元）',
  '银行贷款（万元）', '自筹（万元）', '其他资金（万元）', '负责人', '联系人', '联系电话', '电子邮箱', '备注',
];

/** A ledger header of the Wulong/Laizhou kind: amounts, adjustments and every date a deadline needs. */
export const LEDGER_HEADERS = [
  '序号', '项目名称', '建设单位', '项目类别', '批复概算（万元）', '调整金额（万元）', '采购日期', '调整日期',
  '开工日期', '完工日期', '初步验收日期', '验收日期', '投入运行日期', '运维费（万元）', '备注',
];

/** A clean declaration row, 120 万元 split 100 + 20. */
export function declarationRow(seq: number): CellValue[] {
  return [
    seq, '区数据资源管理局', `政务数据共享平台${seq}`, '建设全区政务数据共享交换平台。', '2027年1月至2027年12月',
    120, 100, 0, 20, 0, '张伟', '李娜', '0564-6012345', 'lina@example.gov.cn', '',
  ];
}

/** A clean ledger row (dates as 1900-system serials). */
export function ledgerRow(seq: number): CellValue[] {
  return [seq, `智慧城管平台${seq}`, '区大数据局', '新建', 300, 20, 45292, 45350, 45400, 45600, 45650, 45700, 45710, 10, ''];
}

export function sheet(name: string, rows: CellValue[][], extra: Partial<SheetSnapshot> = {}): SheetSnapshot {
  return { name, rows, merges: [], ...extra };
}

/** A one-sheet declaration workbook whose data row 3 (Excel row 3) has `value` in column `col` (0-based). */
export function declarationWith(col: number, value: CellValue, name = '申报表'): WorkbookSnapshot {
  const row = declarationRow(1);
  row[col] = value;
  return { name: 'yeji-申报表.xlsx', sheets: [sheet(name, [['六安市叶集区政务信息化项目申报表'], DECLARATION_HEADERS, row, declarationRow(2)])] };
}

/** A one-sheet ledger workbook whose first data row has `value` in column `col` (0-based). */
export function ledgerWith(col: number, value: CellValue): WorkbookSnapshot {
  const row = ledgerRow(1);
  row[col] = value;
  return { name: '武隆区项目台账.xlsx', sheets: [sheet('进度台账', [['武隆区政务信息化项目进度台账'], LEDGER_HEADERS, row, ledgerRow(2)])] };
}

const LONG = '长'.repeat(20_000);
const NON_BMP = '𠀀𪚥😀𝐀'; // CJK Extension B, emoji, mathematical bold: each a surrogate pair

/**
 * Values a hand-filled or exported workbook can hold, each with a name. NaN and ±Infinity cannot come from a file
 * (Excel has no such number) but a snapshot can carry them, so the engine must survive them.
 */
export const HOSTILE_VALUES: [string, CellValue][] = [
  ['#REF!', { error: '#REF!' }],
  ['#DIV/0!', { error: '#DIV/0!' }],
  ['#N/A', { error: '#N/A' }],
  ['#VALUE!', { error: '#VALUE!' }],
  ['#NAME?', { error: '#NAME?' }],
  ['error object with an empty code', { error: '' }],
  ['1e308', 1e308],
  ['-1e308', -1e308],
  ['Number.MAX_VALUE', Number.MAX_VALUE],
  ['Number.MIN_VALUE (denormal)', Number.MIN_VALUE],
  ['NaN', NaN],
  ['Infinity', Infinity],
  ['-Infinity', -Infinity],
  ['-0', -0],
  ['negative amount', -120],
  ['huge negative integer', -9_007_199_254_740_991],
  ['serial 0 (1900-01-00)', 0],
  ['serial 60 (fictitious 1900-02-29)', 60],
  ['serial beyond 9999-12-31', 2_958_466],
  ['fractional serial', 45_292.999999],
  ['date text before 1900', '1899年12月31日'],
  ['date text year 0001', '0001-01-01'],
  ['date text after 9999', '10000-01-01'],
  ['date text 2月30日', '2026年2月30日'],
  ['20,000-character string', LONG],
  ['20,000 digits', '9'.repeat(20_000)],
  ['HTML', '<b>加粗</b><table><tr><td>1</td></tr></table>'],
  ['script tag', '<script>alert(1)</script>'],
  ['img onerror', '<img src=x onerror=alert(1)>'],
  ['starts with =', '=HYPERLINK("http://evil.example","点我")'],
  ['starts with +', '+1+cmd|\' /C calc\'!A0'],
  ['starts with -', '-2+3'],
  ['starts with @', '@SUM(A1:A2)'],
  ['non-BMP characters', NON_BMP],
  ['lone high surrogate', 'a\uD800b'],
  ['lone low surrogate', '\uDC00项目'],
  ['NUL and control characters', 'a\u0000b\u0001c\u001f'],
  ['bidi override', '\u202E項目\u202C'],
  ['only whitespace of every kind', ' \u3000\u00a0\t\r\n\ufeff'],
  ['boolean true', true],
  ['boolean false', false],
  ['empty string', ''],
  ['regex-looking text', '(a+)+$'.repeat(100) + '!'],
  ['long period text', '2027年1月至' + '2027年12月至'.repeat(2000)],
  ['amount text with many commas', '1,' + '000,'.repeat(3000) + '000'],
  ['braces (message placeholders)', '{field}{value}{__proto__}{constructor}'],
];

/** Column letters → 0-based index ('A' → 0); NaN for anything that is not A–Z letters. */
export function columnIndex0(letters: string): number {
  if (!/^[A-Z]{1,3}$/.test(letters)) return NaN;
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n - 1;
}

/** Extent of a sheet: rows and columns that hold something (values, formulas, formats or merges). */
export function extent(s: SheetSnapshot): { rows: number; cols: number } {
  let rows = s.rows.length;
  let cols = 0;
  for (const r of s.rows) if (r && r.length > cols) cols = r.length;
  for (const grid of [s.formats, s.formulas]) {
    if (!grid) continue;
    if (grid.length > rows) rows = grid.length;
    for (const r of grid) if (r && r.length > cols) cols = r.length;
  }
  for (const m of s.merges) {
    if (m.bottom + 1 > rows) rows = m.bottom + 1;
    if (m.right + 1 > cols) cols = m.right + 1;
  }
  return { rows, cols };
}

/**
 * Everything wrong with where a report points, as readable lines (empty = all good): findings on real sheets and
 * cells (or sheet-level with no cell), computed values in the report's computed columns, and a report that
 * survives JSON.
 */
export function reportProblems(report: Report, snapshot: WorkbookSnapshot): string[] {
  const problems: string[] = [];
  const byName = new Map(snapshot.sheets.map((s) => [s.name, s]));
  const computedCols = new Map<string, Set<string>>();
  for (const s of report.sheets) computedCols.set(s.name, new Set(s.computedColumns.map((c) => c.column)));
  if (report.sheets.length !== snapshot.sheets.length) problems.push(`report has ${report.sheets.length} sheets, snapshot ${snapshot.sheets.length}`);

  for (const f of report.findings) {
    const where = `${f.ruleId} ${JSON.stringify(f.sheet)}!${f.cell || `row ${f.row}`}`;
    if (f.row === 0 && f.sheet === '') {
      if (f.column !== '' || f.cell !== '') problems.push(`${where}: workbook-level finding with a cell`);
      continue;
    }
    const s = byName.get(f.sheet);
    if (!s) {
      problems.push(`${where}: no such sheet`);
      continue;
    }
    if (!Number.isInteger(f.row) || f.row < 0) {
      problems.push(`${where}: row ${f.row}`);
      continue;
    }
    if (f.row === 0) {
      if (f.column !== '' || f.cell !== '') problems.push(`${where}: sheet-level finding with a cell`);
      continue;
    }
    const { rows, cols } = extent(s);
    // A form's value cell may be the empty cell right of (or below) its label: a real cell past the data's extent.
    const sr = report.sheets.find((x) => x.name === f.sheet);
    const fieldCell = sr !== undefined && Object.values(sr.columns).includes(f.column) && sr.dataRows.includes(f.row);
    if (f.row > rows && !fieldCell) problems.push(`${where}: row ${f.row} beyond the sheet's ${rows} rows`);
    if (f.column === '') {
      if (f.cell !== '') problems.push(`${where}: row-level finding with cell ${f.cell}`);
      continue;
    }
    if (f.cell !== f.column + f.row) problems.push(`${where}: cell ${f.cell} ≠ ${f.column}${f.row}`);
    const c = columnIndex0(f.column);
    if (Number.isNaN(c)) problems.push(`${where}: column ${JSON.stringify(f.column)} is not a column letter`);
    else if (c >= cols && !fieldCell && !computedCols.get(f.sheet)?.has(f.column)) problems.push(`${where}: column ${f.column} beyond the sheet's ${cols} columns`);
    if (typeof f.message !== 'string' || f.message === '') problems.push(`${where}: empty message`);
  }

  for (const v of report.computed) {
    const where = `computed ${v.key} ${JSON.stringify(v.sheet)}!${v.column}${v.row}`;
    const s = byName.get(v.sheet);
    if (!s) {
      problems.push(`${where}: no such sheet`);
      continue;
    }
    const sr = report.sheets.find((x) => x.name === v.sheet);
    const isForm = sr?.kind === 'progress-form';
    // A form has no computed columns: its values are shown in the pane and the report only.
    if (!isForm && !computedCols.get(v.sheet)?.has(v.column)) problems.push(`${where}: not one of the sheet's computed columns`);
    if (!isForm && sr && !sr.computedColumns.some((c) => c.column === v.column && c.key === v.key)) problems.push(`${where}: column holds another key`);
    if (!Number.isInteger(v.row) || v.row < 1 || v.row > extent(s).rows) problems.push(`${where}: row ${v.row} outside the sheet`);
    if (v.type === 'date' && !/^\d{4}-\d{2}-\d{2}$/.test(v.value)) problems.push(`${where}: date value ${JSON.stringify(v.value)}`);
  }

  for (const s of report.sheets) {
    for (const c of s.computedColumns) {
      const i = columnIndex0(c.column);
      if (Number.isNaN(i)) problems.push(`computed column ${JSON.stringify(c.column)} of ${s.name} is not a column letter`);
    }
  }

  let json: string;
  try {
    json = JSON.stringify(report);
    const back = JSON.parse(json) as Report;
    if (back.findings.length !== report.findings.length) problems.push('findings lost in JSON');
  } catch (err) {
    problems.push(`report is not JSON-serialisable: ${String(err)}`);
  }
  return problems;
}

/** Rows of a sheet with `n` rows that are empty arrays (a sheet formatted far down, values only at the top). */
export function paddedRows(top: CellValue[][], n: number): CellValue[][] {
  const rows: CellValue[][] = top.slice();
  while (rows.length < n) rows.push([]);
  return rows;
}
