// Reads a workbook's bytes (.xlsx .xlsm .xls .et .ods .csv) into the engine's WorkbookSnapshot through SheetJS, with no file
// or node: module access, so the CLI (read.ts) and the web page's worker read a file with the same code.
import * as XLSX from '@e965/xlsx';
import type { CellValue, MergeRange, SheetSnapshot, WorkbookSnapshot } from '../engine/types';
import { dateToSerial, fillHoles } from './serial';
import { IN_NODE } from './bytes';
import { readXlsxFast } from './xlsx-fast';

export type SpreadsheetFormat = 'xlsx' | 'xlsm' | 'xls' | 'et' | 'ods' | 'csv';

/** The format a file name says it is in (lower-cased extension), or null when it is none the checker reads. */
export function spreadsheetFormat(file: string): SpreadsheetFormat | null {
  const m = /\.(xlsx|xlsm|xls|et|ods|csv)$/i.exec(file);
  return m ? (m[1]!.toLowerCase() as SpreadsheetFormat) : null;
}

/** Error codes of BIFF/OOXML error cells, for a cell whose text SheetJS did not keep. */
const ERROR_TEXT: Record<number, string> = {
  0x00: '#NULL!',
  0x07: '#DIV/0!',
  0x0f: '#VALUE!',
  0x17: '#REF!',
  0x1d: '#NAME?',
  0x24: '#NUM!',
  0x2a: '#N/A',
  0x2b: '#GETTING_DATA',
};

/**
 * CSV bytes as text: a UTF-8 (or UTF-16) byte-order mark decides; otherwise UTF-8 when the bytes are valid UTF-8,
 * else GB18030 (a superset of GBK), which is what Excel writes on a Chinese Windows.
 */
export function decodeCsv(bytes: Uint8Array): string {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/** How every format is read through SheetJS (exported so the fast reader's equivalence test reads the same way). */
export const PARSE_OPTIONS: XLSX.ParsingOptions = {
  // Formula text and number formats are part of the snapshot; dates stay serial numbers in the workbook's own system.
  cellFormula: true,
  cellNF: true,
  cellDates: false,
  // Hidden rows and columns are read with the styles; cell text (w) and HTML are not needed.
  cellStyles: true,
  cellText: false,
  cellHTML: false,
  // Dense sheets: an array of rows, far less memory than one object key per cell on a 50,000-row sheet.
  dense: true,
  // Skip what the engine never reads.
  bookVBA: false,
  bookDeps: false,
  // The package's parts stay available for the integrity check below.
  bookFiles: true,
};

/** A package part as SheetJS keeps it with bookFiles. */
type PackageFiles = Record<string, { content?: Uint8Array } | undefined>;

const utf8 = new TextDecoder('utf-8');
const latin = (b: Uint8Array, from: number, to: number): string => utf8.decode(b.subarray(from, Math.max(from, to)));

/** Where the ASCII text `needle` last occurs in the bytes, or -1 (what Buffer.lastIndexOf gave, without Buffer). */
function lastIndexOfAscii(b: Uint8Array, needle: string): number {
  const n = needle.length;
  const first = needle.charCodeAt(0);
  outer: for (let i = b.length - n; i >= 0; i--) {
    if (b[i] !== first) continue;
    for (let k = 1; k < n; k++) if (b[i + k] !== needle.charCodeAt(k)) continue outer;
    return i;
  }
  return -1;
}

/**
 * Why an XML part of an OOXML package cannot be trusted, or null. SheetJS reads XML leniently: a sheet cut short or
 * left unclosed comes back empty rather than failing, which would pass a damaged sheet off as an empty one. So each
 * part the snapshot rests on must open with its root element (no DTD: OPC forbids them, and entities are never
 * expanded here) and end by closing it; a worksheet must also close its sheetData.
 */
function damagedPart(content: Uint8Array, worksheet: boolean): string | null {
  const head = latin(content, 0, Math.min(content.length, 1024));
  if (/<!DOCTYPE/i.test(head)) return 'DTD';
  const root = /^(?:\uFEFF)?\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--[\s\S]*?-->\s*)*<([A-Za-z_][\w.:-]*)[\s>/]/.exec(head);
  if (!root) return 'root';
  let end = content.length;
  while (end > 0 && (content[end - 1]! <= 32)) end--;
  const tail = latin(content, Math.max(0, end - 512), end);
  const name = root[1]!;
  if (!tail.endsWith(`</${name}>`) && !(tail.endsWith('/>') && head.indexOf('>') === head.indexOf('/>', head.indexOf(`<${name}`)) + 1)) return 'end';
  if (worksheet) {
    const at = lastIndexOfAscii(content, 'sheetData');
    if (at < 0) return 'sheetData';
    const before = latin(content, Math.max(0, at - 16), at);
    const after = latin(content, at + 9, Math.min(content.length, at + 12));
    if (!/<\/([\w.-]+:)?$/.test(before) && !/^\s*\/>/.test(after)) return 'sheetData';
  }
  return null;
}

/** Throws when a part the snapshot rests on (workbook, sheets, shared strings, styles) is damaged. */
function checkPackage(wb: XLSX.WorkBook): void {
  const dir = (wb as { Directory?: Record<string, unknown> }).Directory;
  const files = (wb as { files?: PackageFiles }).files;
  if (!dir || !files) return;
  const list = (k: string): string[] => (Array.isArray(dir[k]) ? (dir[k] as string[]) : []);
  const parts: [string, boolean][] = [
    ...list('workbooks').map((p): [string, boolean] => [p, false]),
    ...list('sheets').map((p): [string, boolean] => [p, true]),
    ...list('strs').map((p): [string, boolean] => [p, false]),
    ...list('styles').map((p): [string, boolean] => [p, false]),
  ];
  for (const [p, worksheet] of parts) {
    const content = files[p.replace(/^\//, '')]?.content;
    if (!content || content.length === 0) continue; // a missing part is reported as an unread sheet
    const why = damagedPart(content, worksheet);
    if (why !== null) throw new Error(`${p.replace(/^\//, '')}: ${why === 'DTD' ? 'DTD not allowed in a package part' : 'damaged XML'}`);
  }
}

/**
 * Runs SheetJS with its console chatter held back: it warns on some ODS number formats and odd records, which
 * would interleave with the CLI's own output (the warnings concern formats the engine reads from the values anyway).
 */
function quietly<T>(fn: () => T): T {
  const saved = { warn: console.warn, error: console.error, log: console.log };
  const hush = () => undefined;
  console.warn = hush;
  console.error = hush;
  console.log = hush;
  try {
    return fn();
  } finally {
    console.warn = saved.warn;
    console.error = saved.error;
    console.log = saved.log;
  }
}

type DenseRow = (XLSX.CellObject | undefined)[] | undefined;

/** A SheetJS cell as the engine's value: the cached result for formulas (null when none), serials for dates. */
function cellValue(cell: XLSX.CellObject, date1904: boolean): CellValue {
  switch (cell.t) {
    case 'n':
    case 's':
    case 'b':
      return cell.v === undefined ? null : (cell.v as CellValue);
    case 'e': {
      const w = cell.w;
      return { error: typeof w === 'string' && w.startsWith('#') ? w : (ERROR_TEXT[cell.v as number] ?? '#VALUE!') };
    }
    case 'd':
      // Only when a format hands over Date objects (cellDates is off); SheetJS dates are UTC-based like ExcelJS's.
      return cell.v instanceof Date ? dateToSerial(cell.v, date1904) : null;
    default:
      return null;
  }
}

/** Snapshot of one SheetJS (dense) worksheet, from A1. */
export function snapshotSheetJs(ws: XLSX.WorkSheet, name: string, date1904: boolean): SheetSnapshot {
  const data = ((ws as unknown as { '!data'?: DenseRow[] })['!data'] ?? []) as DenseRow[];
  const merges: MergeRange[] = (ws['!merges'] ?? []).map((m) => ({ top: m.s.r, left: m.s.c, bottom: m.e.r, right: m.e.c }));
  merges.sort((x, y) => x.top - y.top || x.left - y.left);
  // Covered cells of a merge read as empty, as Excel reports them (some writers leave values there).
  let covered: Map<number, MergeRange[]> | null = null;
  for (const m of merges) {
    if (m.top === m.bottom && m.left === m.right) continue;
    covered ??= new Map();
    for (let r = m.top; r <= m.bottom; r++) {
      let list = covered.get(r);
      if (!list) covered.set(r, (list = []));
      list.push(m);
    }
  }
  const isCovered = (r: number, c: number): boolean => {
    const list = covered?.get(r);
    if (!list) return false;
    for (const m of list) if (c >= m.left && c <= m.right && (r !== m.top || c !== m.left)) return true;
    return false;
  };

  const rows: CellValue[][] = [];
  let formats: (string | null)[][] | undefined;
  let formulas: (string | null)[][] | undefined;
  for (let r = 0; r < data.length; r++) {
    const row = data[r];
    if (!row) continue;
    const out: CellValue[] = [];
    let any = false;
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (!cell) continue;
      if (covered !== null && isCovered(r, c)) continue;
      const value = cellValue(cell, date1904);
      if (value !== null) {
        while (out.length < c) out.push(null);
        out[c] = value;
        any = true;
      }
      const f = cell.f;
      if (f) {
        formulas ??= [];
        (formulas[r] ??= [])[c] = f.charCodeAt(0) === 61 /* = */ ? f.slice(1) : f;
        any = true;
      }
      const z = cell.z;
      if (typeof z === 'string' && z !== 'General' && (value !== null || f)) {
        formats ??= [];
        (formats[r] ??= [])[c] = z;
      }
    }
    if (!any) continue;
    while (rows.length < r) rows.push([]);
    rows[r] = out;
  }

  const hiddenRows: number[] = [];
  const rowInfo = ws['!rows'] ?? [];
  for (let r = 0; r < rowInfo.length; r++) if (rowInfo[r]?.hidden) hiddenRows.push(r);
  const hiddenColumns: number[] = [];
  const colInfo = ws['!cols'] ?? [];
  for (let c = 0; c < colInfo.length; c++) if (colInfo[c]?.hidden) hiddenColumns.push(c);

  const sheet: SheetSnapshot = { name, rows, merges };
  if (formats) sheet.formats = fillHoles(formats, rows.length);
  if (formulas) sheet.formulas = fillHoles(formulas, rows.length);
  if (hiddenRows.length) sheet.hiddenRows = hiddenRows;
  if (hiddenColumns.length) sheet.hiddenColumns = hiddenColumns;
  return sheet;
}

/** The snapshot of a workbook SheetJS has parsed; worksheets only (chart, macro and dialog sheets hold no table). */
export function snapshotSheetJsWorkbook(wb: XLSX.WorkBook, name?: string): { snapshot: WorkbookSnapshot; unreadSheets: string[] } {
  const date1904 = !!wb.Workbook?.WBProps?.date1904;
  const sheets: SheetSnapshot[] = [];
  const unreadSheets: string[] = [];
  for (const sheetName of wb.SheetNames) {
    const ws = wb.Sheets[sheetName];
    if (!ws) {
      unreadSheets.push(sheetName);
      continue;
    }
    const type = (ws as { '!type'?: string })['!type'];
    if (type === 'chart' || type === 'macro' || type === 'dialog') continue;
    sheets.push(snapshotSheetJs(ws, sheetName, date1904));
  }
  const snapshot: WorkbookSnapshot = { sheets };
  if (name !== undefined) snapshot.name = name;
  if (date1904) snapshot.date1904 = true;
  return { snapshot, unreadSheets };
}

/** What readSpreadsheetBytes gives: the snapshot, the format read and the declared sheets whose data was not found. */
export interface ReadResult {
  snapshot: WorkbookSnapshot;
  format: SpreadsheetFormat;
  unreadSheets: string[];
}

/**
 * Reads a workbook from its bytes; `fileName` gives the format (SheetJS itself goes by the bytes, so an .et holding
 * BIFF8 or OOXML reads either way) and the snapshot's name. Throws with a short reason when the file cannot be used.
 */
export function readSpreadsheetBytes(bytes: Uint8Array, fileName: string, options: { fast?: boolean } = {}): ReadResult {
  const format = spreadsheetFormat(fileName) ?? 'xlsx';
  // Node hands SheetJS a Buffer (its 'buffer' input), a browser a plain Uint8Array ('array'): both read the same zip.
  const sheetjs = (b: Uint8Array): XLSX.WorkBook =>
    quietly(() =>
      IN_NODE
        ? XLSX.read(Buffer.isBuffer(b) ? b : Buffer.from(b.buffer, b.byteOffset, b.length), { ...PARSE_OPTIONS, type: 'buffer' })
        : XLSX.read(b, { ...PARSE_OPTIONS, type: 'array' }),
    );
  // .xlsx/.xlsm: the fast reader (xlsx-fast.ts), which gives SheetJS's workbook or null when the package is unusual;
  // `fast: false` reads through SheetJS alone (the tests compare the two).
  const fast = options.fast !== false && (format === 'xlsx' || format === 'xlsm') ? readXlsxFast(bytes, sheetjs) : null;
  const wb = format === 'csv' ? quietly(() => XLSX.read(decodeCsv(bytes), { ...PARSE_OPTIONS, type: 'string' })) : (fast ?? sheetjs(bytes));
  if (format !== 'csv') checkPackage(wb);
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const { snapshot, unreadSheets } = snapshotSheetJsWorkbook(wb, base);
  // A CSV is one sheet SheetJS names "Sheet1"; Excel names it after the file, which is what a user sees.
  if (format === 'csv' && snapshot.sheets.length === 1) snapshot.sheets[0]!.name = base.replace(/\.csv$/i, '').slice(0, 31);
  return { snapshot, format, unreadSheets };
}
