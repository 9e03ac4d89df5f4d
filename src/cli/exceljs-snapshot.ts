// The ExcelJS side of reading: a loaded ExcelJS workbook as the engine's snapshot. No file access here, so the
// preview page (a browser bundle) can use it too; read.ts does the file reading.
import ExcelJS from 'exceljs';
import type { CellValue, MergeRange, SheetSnapshot, WorkbookSnapshot } from '../engine/types';
import { dateToSerial, fillHoles } from './serial';

export { dateToSerial, fillHoles, serialToDate } from './serial';

// ExcelJS ValueType enum values (exceljs/lib/doc/enums.js); the typings expose them only as a const enum.
const T_NULL = 0;
const T_MERGE = 1;
const T_NUMBER = 2;
const T_STRING = 3;
const T_DATE = 4;
const T_HYPERLINK = 5;
const T_FORMULA = 6;
const T_SHARED_STRING = 7;
const T_RICH_TEXT = 8;
const T_BOOLEAN = 9;
const T_ERROR = 10;

function richTextToString(v: unknown): string {
  if (v == null) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'object' && Array.isArray((v as { richText?: unknown }).richText)) {
    let s = '';
    for (const run of (v as { richText: { text?: string }[] }).richText) s += run.text ?? '';
    return s;
  }
  return String(v);
}

/** A plain value (formula result or typed value) as the engine wants it. */
function plain(v: unknown, date1904: boolean): CellValue {
  if (v === null || v === undefined) return null;
  switch (typeof v) {
    case 'number':
    case 'string':
    case 'boolean':
      return v;
    default:
  }
  if (v instanceof Date) return dateToSerial(v, date1904);
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof o.error === 'string') return { error: o.error };
    if (Array.isArray(o.richText)) return richTextToString(o);
    if ('text' in o) return richTextToString(o.text);
  }
  return null;
}

interface SheetInternals {
  _rows?: (ExcelJS.Row | undefined)[];
  _merges?: Record<string, { top: number; left: number; bottom: number; right: number }>;
}

/** Snapshot of one worksheet, from A1, in a single pass over the stored cells. */
export function snapshotSheet(ws: ExcelJS.Worksheet, date1904: boolean): SheetSnapshot {
  const rows: CellValue[][] = [];
  let formats: (string | null)[][] | undefined;
  let formulas: (string | null)[][] | undefined;
  const hiddenRows: number[] = [];

  // Walk ExcelJS's own row array: eachRow({includeEmpty}) would create Row objects for every gap.
  const allRows = (ws as unknown as SheetInternals)._rows ?? [];
  for (let r = 0; r < allRows.length; r++) {
    const row = allRows[r];
    if (!row) continue;
    if (row.hidden) hiddenRows.push(r);
    if (!row.hasValues) continue;
    const out: CellValue[] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const c = colNumber - 1;
      const type = cell.type as number;
      let value: CellValue = null;
      switch (type) {
        case T_NULL:
        case T_MERGE:
          // Excel reports covered cells of a merge as empty; ExcelJS would hand back the master's value.
          break;
        case T_NUMBER:
        case T_STRING:
        case T_BOOLEAN:
        case T_SHARED_STRING:
          value = plain(cell.value, date1904);
          break;
        case T_DATE:
          value = dateToSerial(cell.value as Date, date1904);
          break;
        case T_RICH_TEXT:
        case T_HYPERLINK:
          value = cell.text;
          break;
        case T_ERROR:
          value = plain(cell.value, date1904);
          break;
        case T_FORMULA: {
          value = plain(cell.result, date1904);
          const f = cell.formula;
          if (f) {
            if (!formulas) formulas = [];
            (formulas[r] ??= [])[c] = f;
          }
          break;
        }
        default:
          value = plain(cell.value, date1904);
      }
      if (value !== null) {
        while (out.length < c) out.push(null);
        out[c] = value;
      }
      if (type !== T_MERGE) {
        const fmt = cell.numFmt;
        if (fmt && fmt !== 'General') {
          if (!formats) formats = [];
          (formats[r] ??= [])[c] = fmt;
        }
      }
    });
    while (rows.length < r) rows.push([]);
    rows[r] = out;
  }

  const merges: MergeRange[] = [];
  const internal = (ws as unknown as SheetInternals)._merges;
  if (internal) {
    for (const key of Object.keys(internal)) {
      const m = internal[key];
      if (m) merges.push({ top: m.top - 1, left: m.left - 1, bottom: m.bottom - 1, right: m.right - 1 });
    }
  } else {
    for (const ref of (ws.model as { merges?: string[] }).merges ?? []) {
      const [a, b] = ref.split(':');
      const tl = ws.getCell(a);
      const br = ws.getCell(b ?? a);
      merges.push({ top: +tl.row - 1, left: +tl.col - 1, bottom: +br.row - 1, right: +br.col - 1 });
    }
  }
  merges.sort((x, y) => x.top - y.top || x.left - y.left);

  const hiddenColumns: number[] = [];
  const cols = ws.columns ?? [];
  for (let i = 0; i < cols.length; i++) if (cols[i]?.hidden) hiddenColumns.push(i);

  const sheet: SheetSnapshot = { name: ws.name, rows, merges };
  if (formats) sheet.formats = fillHoles(formats, rows.length);
  if (formulas) sheet.formulas = fillHoles(formulas, rows.length);
  if (hiddenRows.length) sheet.hiddenRows = hiddenRows;
  if (hiddenColumns.length) sheet.hiddenColumns = hiddenColumns;
  return sheet;
}

/** The workbook's snapshot for the engine from an already loaded ExcelJS workbook. */
export function snapshotWorkbook(workbook: ExcelJS.Workbook, name?: string): WorkbookSnapshot {
  const date1904 = !!workbook.properties?.date1904;
  const sheets: SheetSnapshot[] = [];
  for (const ws of workbook.worksheets) {
    // Chart sheets and dialog sheets are not loaded as worksheets by ExcelJS; nothing to do for them.
    sheets.push(snapshotSheet(ws, date1904));
  }
  const snapshot: WorkbookSnapshot = { sheets };
  if (name !== undefined) snapshot.name = name;
  if (date1904) snapshot.date1904 = true;
  return snapshot;
}

