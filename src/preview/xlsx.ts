// Opens an .xlsx in the browser (ExcelJS) as the engine's snapshot plus the fake workbook's data, fills and notes included.
import ExcelJS from 'exceljs';
import type { CellValue, MergeRange, WorkbookSnapshot } from '../engine/types';
import type { FakeSheetData, FakeValue, FakeWorkbookData } from '../fake-excel/model';
import { snapshotWorkbook } from '../cli/exceljs-snapshot';
import { cellAddress as a1 } from '../excel/address';

function rangeText(m: MergeRange): string {
  return `${a1(m.top, m.left)}:${a1(m.bottom, m.right)}`;
}

/** An engine cell value as the fake stores it: Excel shows error values as their text. */
function fakeValue(v: CellValue): FakeValue | null {
  if (v === null) return null;
  if (typeof v === 'object') return v.error;
  return v;
}

function noteText(note: unknown): string | null {
  if (!note) return null;
  if (typeof note === 'string') return note;
  const texts = (note as { texts?: { text?: string }[] }).texts;
  if (Array.isArray(texts)) return texts.map((t) => t.text ?? '').join('');
  return null;
}

function solidFill(fill: unknown): string | null {
  const f = fill as { type?: string; pattern?: string; fgColor?: { argb?: string } } | undefined;
  if (!f || f.type !== 'pattern' || f.pattern !== 'solid') return null;
  const argb = f.fgColor?.argb;
  if (!argb || !/^[0-9A-Fa-f]{6,8}$/.test(argb)) return null;
  return '#' + argb.slice(-6).toUpperCase();
}

/** The fake workbook data for a snapshot, plus fills and notes taken from the ExcelJS workbook when given. */
export function fakeDataFromSnapshot(snapshot: WorkbookSnapshot, workbook?: ExcelJS.Workbook): FakeWorkbookData {
  const sheets: FakeSheetData[] = snapshot.sheets.map((s) => {
    const fills: Record<string, string> = {};
    const notes: Record<string, string> = {};
    const ws = workbook?.getWorksheet(s.name);
    ws?.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        const addr = a1(+cell.row - 1, +cell.col - 1);
        const fill = solidFill(cell.fill);
        if (fill) fills[addr] = fill;
        const note = noteText(cell.note);
        if (note) notes[addr] = note;
      });
    });
    return {
      name: s.name,
      values: s.rows.map((row) => row.map(fakeValue)),
      formats: s.formats?.map((row) => (row ?? []).map((f) => f ?? null)),
      fills,
      notes,
      merges: s.merges.map(rangeText),
    };
  });
  return { name: snapshot.name, sheets };
}

/** Parses .xlsx bytes; throws with ExcelJS's reason when the file is not a usable workbook. */
export async function openXlsx(bytes: ArrayBuffer, name: string): Promise<FakeWorkbookData> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes);
  const snapshot = snapshotWorkbook(workbook, name);
  if (snapshot.sheets.length === 0) throw new Error('工作簿中没有工作表');
  return fakeDataFromSnapshot(snapshot, workbook);
}
