// Hostile inputs for trust tests: cell values people and other systems really produce, snapshot builders, and a
// checker that every finding and computed value of a report points at a real cell of the snapshot it came from.
import * as zlib from 'node:zlib';
import type ExcelJS from 'exceljs';
import type { CellValue, Report, SheetSnapshot, WorkbookSnapshot } from '../../src/engine/types';
import { makeZip, readZipEntries, writeZip, xlsxLikeZip } from './zip';
import { computedValues } from '../../src/engine/computed';

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

  for (const v of computedValues(report)) {
    const where = `computed ${v.key} ${JSON.stringify(v.sheet)}!${v.column}${v.row}`;
    const s = byName.get(v.sheet);
    if (!s) {
      problems.push(`${where}: no such sheet`);
      continue;
    }
    const sr = report.sheets.find((x) => x.name === v.sheet);
    const isForm = sr?.kind === 'progress-form';
    // A form has no column to write to: its values are shown in the pane and the report only.
    if (isForm && v.column !== '') problems.push(`${where}: a form's value with a column`);
    if (!isForm && sr && !sr.computedColumns.some((c) => c.column === v.column && c.key === v.key)) problems.push(`${where}: column holds another key`);
    if (!Number.isInteger(v.row) || v.row < 1 || v.row > extent(s).rows) problems.push(`${where}: row ${v.row} outside the sheet`);
    if (v.type === 'date' && !/^\d{4}-\d{2}-\d{2}$/.test(v.value)) problems.push(`${where}: date value ${JSON.stringify(v.value)}`);
  }

  for (const s of report.sheets) {
    const isForm = s.kind === 'progress-form';
    const rowsChecked = new Set(s.dataRows);
    for (const c of s.computedColumns) {
      const name = `computed column ${c.key} ${JSON.stringify(c.column)} of ${s.name}`;
      if (isForm ? c.column !== '' : Number.isNaN(columnIndex0(c.column))) problems.push(`${name}: not a column letter`);
      const n = c.rows.length;
      if (c.values.length !== n || (c.status !== null && c.status.length !== n) || (c.provisional !== null && c.provisional.length !== n)) {
        problems.push(`${name}: rows, values, status and provisional of different lengths`);
      }
      for (let i = 0; i < n; i++) {
        if (i > 0 && !(c.rows[i]! > c.rows[i - 1]!)) problems.push(`${name}: rows not ascending at ${c.rows[i]}`);
        if (!isForm && !rowsChecked.has(c.rows[i]!)) problems.push(`${name}: row ${c.rows[i]} is not a checked data row`);
      }
    }
    if (new Set(s.computedColumns.map((c) => c.column)).size !== s.computedColumns.length && !isForm) problems.push(`${s.name}: two computed columns share a letter`);
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

// ---------------------------------------------------------------------------------------------------------------
// Files: a tiny zip reader (to take a real .xlsx apart and put it back with one part broken).


// ---------------------------------------------------------------------------------------------------------------
// Unusable files, each with the reason the CLI must give (Chinese messages; English where asked).

export interface MalformedFile {
  /** File name to write it under (always *.xlsx: that is what people send). */
  file: string;
  what: string;
  data: Buffer;
  /** Sparse file of this size instead of `data` (a size-limit case without writing 50 MB). */
  sparseSize?: number;
  /** What the one-line reason must say. */
  reason: RegExp;
}

const SHEET = 'xl/worksheets/sheet1.xml';

/** A small real workbook written by hand (what Excel writes, minus the optional parts), to break one part at a time. */
export function realWorkbookParts(): { name: string; data: Buffer }[] {
  const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
  const rns = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const part = (name: string, xml: string) => ({ name, data: Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${xml}`, 'utf8') });
  return [
    part(
      '[Content_Types].xml',
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
        '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
        '</Types>',
    ),
    part('_rels/.rels', `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    part('xl/workbook.xml', `<workbook ${ns} ${rns}><sheets><sheet name="申报表" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    part(
      'xl/_rels/workbook.xml.rels',
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        `<Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/>` +
        `<Relationship Id="rId2" Type="${rel}/sharedStrings" Target="sharedStrings.xml"/>` +
        `<Relationship Id="rId3" Type="${rel}/styles" Target="styles.xml"/></Relationships>`,
    ),
    part(
      SHEET,
      `<worksheet ${ns} ${rns}><sheetData>` +
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>' +
        '<row r="2"><c r="A2"><v>1</v></c><c r="B2" t="s"><v>3</v></c><c r="C2"><v>120</v></c></row>' +
        '</sheetData></worksheet>',
    ),
    part('xl/sharedStrings.xml', `<sst ${ns} count="4" uniqueCount="4"><si><t>序号</t></si><si><t>项目名称</t></si><si><t>项目投资（万元）</t></si><si><t>智慧城管平台</t></si></sst>`),
    part(
      'xl/styles.xml',
      `<styleSheet ${ns}><fonts count="1"><font><sz val="11"/><name val="宋体"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills>` +
        '<borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="1"><xf xfId="0"/></cellXfs></styleSheet>',
    ),
  ];
}

/** The workbook with one part replaced (null = removed). */
export function withPart(parts: { name: string; data: Buffer }[], name: string, replace: (xml: string) => string | null): Buffer {
  const out: { name: string; data: Buffer }[] = [];
  for (const p of parts) {
    if (p.name !== name) {
      out.push(p);
      continue;
    }
    const x = replace(p.data.toString('utf8'));
    if (x !== null) out.push({ name: p.name, data: Buffer.from(x, 'utf8') });
  }
  return makeZip(out);
}

const XML_DECL = /^<\?xml[^>]*\?>/;

/** Every kind of unusable .xlsx people and systems send, with the reason that must be given. */
export function malformedFiles(): MalformedFile[] {
  const parts = realWorkbookParts();
  const real = makeZip(parts);
  const ole = (stream: string) => {
    const b = Buffer.alloc(4096);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(b, 0);
    Buffer.from(stream, 'utf16le').copy(b, 1024);
    return b;
  };
  const doctype = (entities: string, text: string) => (xml: string) =>
    `<?xml version="1.0"?><!DOCTYPE worksheet [${entities}]>` +
    xml.replace(XML_DECL, '').replace('</sheetData>', `<row r="9"><c r="A9" t="inlineStr"><is><t>${text}</t></is></c></row></sheetData>`);
  const lol = '<!ENTITY a "lollollollollollollollollollol">' + Array.from({ length: 9 }, (_, i) => `<!ENTITY ${String.fromCharCode(98 + i)} "${`&${String.fromCharCode(97 + i)};`.repeat(10)}">`).join('');
  const unreadable = /无法读取工作簿（.+）/;
  return [
    { file: 'random-bytes.xlsx', what: 'not a zip (random bytes)', data: Buffer.from([0x00, 0xff, 0x13, 0x37, 0x00, 0x01, 0x02, 0x03, 0x04, 0x05]), reason: /不是 \.xlsx 工作簿/ },
    { file: 'empty.xlsx', what: 'empty (0 bytes)', data: Buffer.alloc(0), reason: /文件为空/ },
    { file: 'pk-only.xlsx', what: 'only the zip signature', data: Buffer.from('PK\u0003\u0004', 'latin1'), reason: /不完整或已损坏/ },
    { file: 'truncated-half.xlsx', what: 'truncated to half', data: real.subarray(0, Math.floor(real.length / 2)), reason: /不完整或已损坏/ },
    { file: 'truncated-tail.xlsx', what: 'last 10 bytes cut', data: real.subarray(0, real.length - 10), reason: /不完整或已损坏/ },
    { file: 'csv-renamed.xlsx', what: 'a CSV renamed .xlsx', data: Buffer.from('序号,项目名称,项目投资\r\n1,智慧城管,120\r\n', 'utf8'), reason: /文本文件（如 CSV）/ },
    { file: 'html-renamed.xlsx', what: 'an HTML export renamed .xlsx', data: Buffer.from('<html><body><table><tr><td>=1+1</td></tr></table></body></html>'), reason: /文本文件/ },
    { file: 'xls-renamed.xlsx', what: 'an .xls (OLE) renamed .xlsx', data: ole('Workbook'), reason: /Excel 97-2003（\.xls）/ },
    { file: 'password.xlsx', what: 'password-protected (encrypted OLE package)', data: ole('EncryptedPackage'), reason: /打开密码/ },
    { file: 'too-large.xlsx', what: 'larger than the 50 MB limit', data: real, sparseSize: 51 * 1024 * 1024, reason: /文件过大（51\.0 MB，上限 50\.0 MB）/ },
    {
      file: 'bomb-declared.xlsx',
      what: 'a zip declaring 4 GB from a few bytes',
      data: xlsxLikeZip([{ name: SHEET, data: Buffer.from('<x/>'), declaredSize: 0xfffffff0 }]),
      reason: /拒绝展开/,
    },
    { file: 'bomb-real.xlsx', what: 'a zip of 40 MB of zeros (ratio ~1000)', data: xlsxLikeZip([{ name: SHEET, data: Buffer.alloc(40 * 1024 * 1024) }]), reason: /拒绝展开.*解压比例异常/ },
    { file: 'encrypted-entry.xlsx', what: 'a zip entry flagged encrypted', data: xlsxLikeZip([{ name: SHEET, data: Buffer.from('<x/>'), encryptedFlag: true }]), reason: /加密/ },
    { file: 'word.xlsx', what: 'a Word document renamed .xlsx', data: makeZip([{ name: 'word/document.xml', data: Buffer.from('<w/>') }]), reason: /这是 Word 文档/ },
    { file: 'plain.xlsx', what: 'a valid zip of a text file', data: makeZip([{ name: 'readme.txt', data: Buffer.from('hello') }]), reason: /没有 Excel 工作簿/ },
    { file: 'xlsb.xlsx', what: 'a binary workbook (.xlsb) renamed', data: makeZip([{ name: '[Content_Types].xml', data: Buffer.from('<Types/>') }, { name: 'xl/workbook.bin', data: Buffer.alloc(64, 1) }]), reason: /没有 Excel 工作簿/ },
    { file: 'sheet-garbage.xlsx', what: 'sheet XML that is not XML', data: withPart(parts, SHEET, () => 'not xml at all <<<'), reason: unreadable },
    { file: 'sheet-unclosed.xlsx', what: 'sheet XML with a tag left open', data: withPart(parts, SHEET, (x) => x.replace('</sheetData>', '')), reason: unreadable },
    { file: 'sheet-truncated.xlsx', what: 'sheet XML cut in half', data: withPart(parts, SHEET, (x) => x.slice(0, x.length >> 1)), reason: unreadable },
    // An empty part is a sheet whose data cannot be found: named as unread, like a missing part.
    { file: 'sheet-empty.xlsx', what: 'sheet XML empty', data: withPart(parts, SHEET, () => ''), reason: /无法读取工作表“申报表”/ },
    { file: 'workbook-garbage.xlsx', what: 'workbook.xml broken', data: withPart(parts, 'xl/workbook.xml', () => '<workbook'), reason: unreadable },
    { file: 'styles-garbage.xlsx', what: 'styles.xml broken', data: withPart(parts, 'xl/styles.xml', () => '<<'), reason: unreadable },
    { file: 'strings-garbage.xlsx', what: 'sharedStrings.xml broken', data: withPart(parts, 'xl/sharedStrings.xml', () => '<sst><si><t>abc'), reason: unreadable },
    { file: 'xml-bomb.xlsx', what: 'billion-laughs entity expansion in the sheet XML', data: withPart(parts, SHEET, doctype(lol, '&j;')), reason: unreadable },
    { file: 'xxe.xlsx', what: 'external entity reading /etc/passwd', data: withPart(parts, SHEET, doctype('<!ENTITY xxe SYSTEM "file:///etc/passwd">', '&xxe;')), reason: unreadable },
    { file: 'bomb-lying.xlsx', what: 'a sheet declaring 2 KB that really holds 640 MB', data: lyingZip(parts, 640), reason: /拒绝展开.*超过其声明的大小/ },
    { file: 'sheet-missing.xlsx', what: 'a declared sheet whose part is missing', data: withPart(parts, SHEET, () => null), reason: /无法读取工作表“申报表”/ },
  ];
}

/**
 * The workbook with its sheet part stored as xl/worksheets/data.xml (valid OOXML: parts are found through the rels).
 * ExcelJS lost such a sheet; the SheetJS reader follows the rels and reads it (tests/cli/read-formats.test.ts).
 */
export function renamedSheetPart(parts: { name: string; data: Buffer }[]): Buffer {
  return makeZip(
    parts.map((p) =>
      p.name === SHEET ? { name: 'xl/worksheets/data.xml', data: p.data } : { name: p.name, data: Buffer.from(p.data.toString('utf8').split('worksheets/sheet1.xml').join('worksheets/data.xml')) },
    ),
  );
}

/**
 * The workbook whose sheet XML really holds `mb` megabytes (spaces inside <sheetData>) but whose zip directory says
 * 2 KB. Built from one compressed 64 MB block repeated (sync-flushed deflate blocks concatenate), so it costs little.
 */
function lyingZip(parts: { name: string; data: Buffer }[], mb: number): Buffer {
  const xml = parts.find((p) => p.name === SHEET)!.data.toString('utf8');
  const cut = xml.indexOf('</sheetData>');
  const head = Buffer.from(xml.slice(0, cut), 'utf8');
  const tail = Buffer.from(xml.slice(cut), 'utf8');
  const block = Buffer.alloc(64 * 1024 * 1024, 0x20);
  const flush = { finishFlush: zlib.constants.Z_SYNC_FLUSH };
  const packedBlock = zlib.deflateRawSync(block, flush);
  const n = Math.ceil(mb / 64);
  let crc = zlib.crc32(head);
  for (let i = 0; i < n; i++) crc = zlib.crc32(block, crc);
  crc = zlib.crc32(tail, crc);
  const body = Buffer.concat([zlib.deflateRawSync(head, flush), ...new Array<Buffer>(n).fill(packedBlock), zlib.deflateRawSync(tail)]);
  const zip = makeZip(parts.map((p) => (p.name === SHEET ? { name: SHEET, data: Buffer.from('<x/>'), declaredSize: 2048 } : p)));
  // Swap the placeholder's compressed bytes, CRC and sizes for the real body (local header and central directory).
  return spliceEntry(zip, SHEET, body, crc >>> 0, 2048);
}

/** Replaces one entry's compressed data in a zip written by makeZip (no extras, no comments), fixing every offset. */
function spliceEntry(zip: Buffer, name: string, body: Buffer, crc: number, declared: number): Buffer {
  return writeZip(readZipEntries(zip).map((e) => (e.name === name ? { ...e, body, crc, size: declared } : e)));
}

/** A good small declaration workbook (one error finding planted: a negative amount). */
export async function goodWorkbook(): Promise<Buffer> {
  // Loaded lazily: the engine tests import this file and need no ExcelJS.
  const { Workbook } = (await import('exceljs')).default;
  const wb = new Workbook();
  const ws = wb.addWorksheet('申报表');
  ws.addRow(['六安市叶集区政务信息化项目申报表']);
  ws.addRow(DECLARATION_HEADERS);
  ws.addRow(declarationRow(1));
  const r = declarationRow(2);
  r[5] = -5;
  ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

// ---------------------------------------------------------------------------------------------------------------
// The real command, built for a test run.

/**
 * Transpiles src/engine and src/cli (as tsc would, file by file: the project is isolatedModules) into a fresh folder
 * under node_modules/.cache, so `node <dir>/cli/bin.js` runs the real command with its worker pool, and resolves
 * exceljs and package.json from the repository. Leaves dist/ alone (others build into it). Returns bin.js's path
 * and a function removing the folder.
 */
export function buildCli(root: string): { bin: string; cleanup: () => void } {
  /* eslint-disable @typescript-eslint/no-require-imports */
  const fs = require('node:fs') as typeof import('node:fs');
  const path = require('node:path') as typeof import('node:path');
  const ts = require('typescript') as typeof import('typescript');
  /* eslint-enable @typescript-eslint/no-require-imports */
  // A fresh clone has no node_modules/.cache until something creates it.
  fs.mkdirSync(path.join(root, 'node_modules', '.cache'), { recursive: true });
  const out = fs.mkdtempSync(path.join(root, 'node_modules', '.cache', 'fundcheck-trust-'));
  const options = { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020, esModuleInterop: true, resolveJsonModule: true };
  const walk = (rel: string) => {
    for (const e of fs.readdirSync(path.join(root, 'src', rel), { withFileTypes: true })) {
      const r = path.join(rel, e.name);
      if (e.isDirectory()) walk(r);
      else if (e.name.endsWith('.ts') && !e.name.endsWith('.d.ts')) {
        const src = fs.readFileSync(path.join(root, 'src', r), 'utf8');
        const js = ts.transpileModule(src, { compilerOptions: options, fileName: r }).outputText;
        fs.mkdirSync(path.join(out, rel), { recursive: true });
        fs.writeFileSync(path.join(out, r.replace(/\.ts$/, '.js')), js);
      } else if (e.name.endsWith('.json')) {
        // the regulation packs are data the engine imports
        fs.mkdirSync(path.join(out, rel), { recursive: true });
        fs.copyFileSync(path.join(root, 'src', r), path.join(out, r));
      }
    }
  };
  walk('engine');
  walk('cli');
  return { bin: path.join(out, 'cli', 'bin.js'), cleanup: () => fs.rmSync(out, { recursive: true, force: true }) };
}

// ---------------------------------------------------------------------------------------------------------------
// A hostile workbook for integrity tests: everything a copy must keep, next to cells the checker will mark.

/** Cells of the hostile workbook's 申报表 that hold text starting with = + - @ (must stay text, never formulas). */
export const FORMULA_LIKE_TEXT: Record<string, string> = {
  O3: '=1+1',
  O4: '=HYPERLINK("http://evil.example","点我")',
  O5: '+86 0564 6012345',
  O6: '-',
  B7: '@数据局',
  C8: '=cmd|\' /C calc\'!A0',
};

export const LONG_TEXT = '建设内容'.repeat(5_000); // 20,000 characters

/**
 * A Yeji declaration as units send it, plus every feature an annotated copy must keep: a merged title and merged
 * data cells, a two-sheet workbook with a hidden sheet, formulas with cached results, shared formulas, a formula with
 * no cached result, an error result, fonts, borders, fills, number formats, data validation, conditional formatting,
 * a defined name, hyperlink, rich text, a user's note, hidden rows and columns, sizes, frozen panes, an auto-filter,
 * a 20,000-character description, and text starting with = + - @.
 */
export async function writeHostileWorkbook(file: string): Promise<void> {
  const { Workbook } = (await import('exceljs')).default;
  const wb = new Workbook();
  wb.creator = '叶集区数据资源管理局';
  const ws = wb.addWorksheet('申报表');
  ws.getCell('A1').value = '六安市叶集区政务信息化项目申报表';
  ws.mergeCells('A1:O1');
  ws.getCell('A1').font = { name: '黑体', size: 16, bold: true };
  ws.getCell('A1').alignment = { horizontal: 'center' };
  ws.getRow(2).values = DECLARATION_HEADERS;
  ws.getRow(2).height = 36;
  ws.getRow(2).eachCell((c) => {
    c.font = { name: '宋体', size: 10, bold: true, color: { argb: 'FF1F3864' } };
    c.border = { top: { style: 'thin' }, bottom: { style: 'double' }, left: { style: 'thin' }, right: { style: 'thin' } };
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
    c.alignment = { wrapText: true, vertical: 'middle' };
  });
  const data: CellValue[][] = [];
  for (let i = 1; i <= 6; i++) data.push(declarationRow(i));
  data[0]![3] = LONG_TEXT; // description far over 200 characters: a finding on D3
  data[1]![5] = -5; // negative investment: an error on F4
  data[2]![12] = '6012'; // too short for a phone number: a finding on M5
  data.forEach((r, i) => (ws.getRow(3 + i).values = r as ExcelJS.CellValue[]));
  for (const [addr, text] of Object.entries(FORMULA_LIKE_TEXT)) ws.getCell(addr).value = text;
  // Shared formula over G3:G8 (财政资金 = 项目投资 − 自筹), cached results as Excel would store them.
  ws.getCell('G3').value = { formula: 'F3-I3', result: 100, shareType: 'shared', ref: 'G3:G8' } as unknown as ExcelJS.CellValue;
  for (let r = 4; r <= 8; r++) {
    const res = (r === 4 ? -5 : 120) - 20;
    ws.getCell(`G${r}`).value = { sharedFormula: 'G3', result: res } as unknown as ExcelJS.CellValue;
  }
  // 合计 row with SUM formulas; one without a cached result; one whose result is an error.
  ws.getCell('A9').value = '合计';
  ws.getCell('F9').value = { formula: 'SUM(F3:F8)', result: 595 };
  ws.getCell('H9').value = { formula: 'SUM(H3:H8)' } as ExcelJS.CellFormulaValue;
  ws.getCell('J9').value = { formula: 'J3/0', result: { error: '#DIV/0!' } } as unknown as ExcelJS.CellValue;
  // Number formats, including a text format and a Chinese date format on a date cell.
  for (let r = 3; r <= 9; r++) for (const c of ['F', 'G', 'H', 'I', 'J']) ws.getCell(`${c}${r}`).numFmt = '#,##0.00_);[Red](#,##0.00)';
  ws.getCell('M3').numFmt = '@';
  ws.getCell('P3').value = new Date(Date.UTC(2026, 9, 9));
  ws.getCell('P3').numFmt = 'yyyy"年"m"月"d"日"';
  // Merged data cells (负责人 of rows 7–8) and styles on plain data cells.
  ws.mergeCells('K7:K8');
  ws.getCell('C3').font = { italic: true, underline: true, color: { argb: 'FFC00000' } };
  ws.getCell('E3').alignment = { horizontal: 'right', indent: 1 };
  ws.getCell('B3').fill = { type: 'pattern', pattern: 'lightGray', fgColor: { argb: 'FF00B050' } };
  ws.getCell('B3').protection = { locked: false };
  // Rich text, a hyperlink, a user's note (also on a cell the checker marks).
  ws.getCell('N4').value = { richText: [{ text: 'li', font: { bold: true } }, { text: 'na@example.gov.cn' }] };
  ws.getCell('N5').value = { text: 'mail', hyperlink: 'mailto:lina@example.gov.cn' };
  ws.getCell('C4').note = '经办人：请核对项目名称';
  ws.getCell('F4').note = '经办人：金额待确认';
  // Data validation, conditional formatting, a defined name.
  ws.getCell('E3').dataValidation = { type: 'list', allowBlank: true, formulae: ['"2026年1月至2026年12月,2027年1月至2027年12月"'] };
  ws.getCell('F5').dataValidation = { type: 'decimal', operator: 'greaterThanOrEqual', formulae: [0], showErrorMessage: true, error: '金额不能为负' };
  ws.addConditionalFormatting({
    ref: 'F3:F8',
    rules: [{ type: 'cellIs', operator: 'greaterThan', formulae: [1000], priority: 1, style: { font: { color: { argb: 'FFFF0000' } } } }],
  });
  wb.definedNames.add("'申报表'!$F$9", '投资合计');
  // Hidden row and column, widths, frozen header, auto-filter.
  ws.getRow(6).hidden = true;
  ws.getColumn('N').hidden = true;
  ws.getColumn('D').width = 48;
  ws.getColumn('B').width = 22;
  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: 2 }];
  ws.autoFilter = 'A2:O2';
  // Notes below the table, as printed.
  ws.getCell('A11').value = '说明：1．本表由项目建设单位填写，主管部门盖章。';
  // A hidden second sheet someone keeps lookups in.
  const lookups = wb.addWorksheet('下拉选项', { state: 'hidden' });
  lookups.getColumn(1).values = ['是', '否', '=不是公式'];
  await wb.xlsx.writeFile(file);
}
