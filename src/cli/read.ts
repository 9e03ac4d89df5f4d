// Reads a workbook file (.xlsx .xlsm .xls .et .ods .csv) into the engine's WorkbookSnapshot, giving values the way Excel
// (and Office.js) would: SheetJS for every format (.xlsx/.xlsm through xlsx-fast.ts, which gives SheetJS's workbook faster or
// hands the file back); the ExcelJS reader is kept for the annotated copy until its writer changes.
import * as fs from 'node:fs';
import ExcelJS from 'exceljs';
import type { WorkbookSnapshot } from '../engine/types';
import { snapshotWorkbook } from './exceljs-snapshot';
import { readSpreadsheetBytes, type ReadResult } from './read-bytes';

export { dateToSerial, serialToDate, snapshotSheet, snapshotWorkbook } from './exceljs-snapshot';

interface LoadModel {
  sheets?: { name?: string; rId?: string }[];
  workbookRels?: { Id?: string; Type?: string }[];
}

/**
 * Loads an .xlsx file; throws with a short reason when the file cannot be used. `unreadSheets` names the worksheets
 * the workbook declares but ExcelJS did not load (a missing part, or one stored under a name it does not look for):
 * it drops them without a word, so the check would skip them and an annotated copy would lose them.
 */
export async function readWorkbook(path: string): Promise<{ snapshot: WorkbookSnapshot; workbook: ExcelJS.Workbook; unreadSheets: string[] }> {
  const workbook = new ExcelJS.Workbook();
  const xlsx = workbook.xlsx as unknown as { reconcile(model: LoadModel, options: unknown): void };
  const reconcile = xlsx.reconcile;
  let declared: string[] = [];
  xlsx.reconcile = function (model: LoadModel, options: unknown) {
    const types = new Map((model.workbookRels ?? []).map((r) => [r.Id, r.Type ?? '']));
    // Worksheets only: chart sheets and dialog sheets are not worksheets ExcelJS could have loaded.
    declared = (model.sheets ?? []).filter((sh) => /\/worksheet$/.test(types.get(sh.rId) ?? '')).map((sh) => sh.name ?? '');
    reconcile.call(this, model, options);
  };
  await workbook.xlsx.readFile(path);
  const loaded = new Set(workbook.worksheets.map((w) => w.name));
  const base = path.split(/[\\/]/).pop() ?? path;
  return { snapshot: snapshotWorkbook(workbook, base), workbook, unreadSheets: declared.filter((n) => !loaded.has(n)) };
}

// ---------------------------------------------------------------------------------------------------------------
// Every format, through SheetJS: read-bytes.ts reads the bytes (no file access there, so the web page's worker uses it too).

export {
  PARSE_OPTIONS,
  decodeCsv,
  readSpreadsheetBytes,
  snapshotSheetJs,
  snapshotSheetJsWorkbook,
  spreadsheetFormat,
} from './read-bytes';
export type { ReadResult, SpreadsheetFormat } from './read-bytes';

/**
 * Reads any workbook a unit sends; throws with a short reason when the file cannot be used. The format is the file
 * name's (SheetJS itself goes by the bytes, so an .et holding BIFF8 or OOXML reads either way). `unreadSheets`
 * names sheets the workbook declares but whose data could not be found.
 */
export async function readSpreadsheet(
  path: string,
  options: { fast?: boolean } = {},
): Promise<ReadResult> {
  return readSpreadsheetBytes(await fs.promises.readFile(path), path, options);
}
