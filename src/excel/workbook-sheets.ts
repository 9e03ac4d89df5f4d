// Sheets the add-in writes beside the user's: the 检查结果 export and the very hidden waiver record, in few batched requests.
import { WAIVER_HEADER, WAIVER_SHEET, waiverKey, waiverRow, readWaiverSheet } from '../engine/waivers';
import type { WaiverEntry } from '../engine/waivers';
import type { CellValue } from '../engine/types';
import { cellAddress, cellKey, parseRect, utf8Length } from './address';
import type { MarksRecord } from './record';

type Ctx = Excel.RequestContext;
type Run = <T>(batch: (ctx: Ctx) => Promise<T>) => Promise<T>;

/** Bytes of one write request; Excel on the web refuses 5 MB, and JSON escaping of CJK text is counted by utf8Length. */
const BUDGET = 3 * 1024 * 1024;
const TEXT = '@';

export interface TableSheet {
  header: string[];
  rows: (string | number)[][];
  /** Column widths in characters (CJK count double); wider text wraps. */
  widths?: number[];
}

/** Points per character width: Excel's default font shows about one Latin character per 5.5–6 points. */
const POINTS_PER_CHAR = 6;

/**
 * Writes a table as values into `ws` from A1 in blocks of rows that fit the request budget (one sync per block, never
 * per row), every cell as text so nothing typed by a user (a leading =, a long number) turns into a formula or a number.
 */
async function writeRows(ctx: Ctx, ws: Excel.Worksheet, rows: (string | number)[][], cols: number): Promise<void> {
  let i = 0;
  while (i < rows.length) {
    let bytes = 0;
    const top = i;
    while (i < rows.length && (i === top || bytes < BUDGET)) {
      bytes += utf8Length(JSON.stringify(rows[i])) * 2 + cols * 8;
      i++;
    }
    const block = rows.slice(top, i).map((r) => Array.from({ length: cols }, (_, c) => (r[c] === undefined ? '' : String(r[c]))));
    const range = ws.getRange(`A${top + 1}:${cellAddress(i - 1, cols - 1)}`);
    range.numberFormat = block.map((r) => r.map(() => TEXT));
    range.values = block;
    await ctx.sync();
  }
}

/** Whether a sheet of this name exists (any case, as Excel compares names). */
export async function sheetExists(run: Run, name: string): Promise<boolean> {
  return run(async (ctx) => {
    const ws = ctx.workbook.worksheets.getItemOrNullObject(name);
    ws.load('name');
    await ctx.sync();
    return !ws.isNullObject;
  });
}

/**
 * Writes `table` to a new sheet `name`, replacing one of that name (the caller asks the user first): header row bold,
 * every cell wrapping, column widths set, so the rows paste into a review opinion as they are. Activates it.
 */
export async function writeTableSheet(run: Run, name: string, table: TableSheet): Promise<{ replaced: boolean; rows: number }> {
  return run(async (ctx) => {
    const old = ctx.workbook.worksheets.getItemOrNullObject(name);
    old.load('name');
    await ctx.sync();
    const replaced = !old.isNullObject;
    // Added under a temporary name first: deleting the old one first would fail when it is the only visible sheet.
    const temp = replaced ? `fundcheck_${Date.now().toString(36)}` : name;
    const ws = ctx.workbook.worksheets.add(temp);
    const cols = table.header.length;
    const all = [table.header, ...table.rows];
    await writeRows(ctx, ws, all, cols);
    const lastCol = cellAddress(0, cols - 1).replace(/\d+$/, '');
    ws.getRange(`A1:${lastCol}1`).format.font.bold = true;
    ws.getRange(`A1:${lastCol}${all.length}`).format.wrapText = true;
    (table.widths ?? []).forEach((w, c) => {
      const letters = cellAddress(0, c).replace(/\d+$/, '');
      ws.getRange(`${letters}:${letters}`).format.columnWidth = Math.round(w * POINTS_PER_CHAR);
    });
    if (replaced) {
      old.delete();
      ws.name = name;
    }
    ws.activate();
    await ctx.sync();
    return { replaced, rows: table.rows.length };
  });
}

/** Reads the waiver sheet's entries (none when it does not exist). */
async function readEntries(ctx: Ctx): Promise<{ ws: Excel.Worksheet; exists: boolean; entries: WaiverEntry[]; used: string | null }> {
  const ws = ctx.workbook.worksheets.getItemOrNullObject(WAIVER_SHEET);
  ws.load('name');
  await ctx.sync();
  if (ws.isNullObject) return { ws, exists: false, entries: [], used: null };
  const used = ws.getUsedRangeOrNullObject(true);
  used.load('values,address');
  await ctx.sync();
  if (used.isNullObject) return { ws, exists: true, entries: [], used: null };
  const rows = (used.values as unknown[][]).map((r) => r.map((v) => (v === '' ? null : (v as CellValue))));
  // The used range may start below A1 (a user deleted the first rows): the reader finds the header by its words.
  return { ws, exists: true, entries: readWaiverSheet({ name: WAIVER_SHEET, rows, merges: [] }), used: used.address };
}

/**
 * Rewrites the waiver sheet with `change` applied to its entries: creates it very hidden when missing, clears what it
 * held and writes the header and every entry back (a few syncs whatever the number of entries).
 */
async function rewrite(run: Run, change: (entries: WaiverEntry[]) => WaiverEntry[]): Promise<number> {
  return run(async (ctx) => {
    const { ws: found, exists, entries, used } = await readEntries(ctx);
    const next = change(entries);
    let ws = found;
    if (!exists) {
      ws = ctx.workbook.worksheets.add(WAIVER_SHEET);
      // Very hidden: not in Excel's Unhide list, so nobody edits it by accident; every host still reads it.
      ws.visibility = 'VeryHidden' as Excel.SheetVisibility;
    } else if (used) {
      ws.getRange(used.slice(used.indexOf('!') + 1)).clear();
    }
    await writeRows(ctx, ws, [[...WAIVER_HEADER], ...next.map(waiverRow)], WAIVER_HEADER.length);
    return next.length;
  });
}

/** Records (or replaces) the waiver of one finding (same sheet, cell and rule). */
export function saveWaiver(run: Run, entry: WaiverEntry): Promise<number> {
  const key = waiverKey(entry);
  return rewrite(run, (list) => [...list.filter((e) => waiverKey(e) !== key), entry]);
}

/** Removes the waiver of one finding; nothing happens when none is recorded. */
export function removeWaiver(run: Run, target: { sheet: string; cell: string; rule: string }): Promise<number> {
  const key = waiverKey(target);
  return rewrite(run, (list) => list.filter((e) => waiverKey(e) !== key));
}

/**
 * How many cells carry a note (or comment) of ours: marks an earlier check left. Reads every note's text once; a host
 * without notes or comments has none to count.
 */
export async function countOwnMarks(run: Run, annotations: 'notes' | 'comments' | 'none', isOurs: (text: string) => boolean): Promise<number> {
  if (annotations === 'none') return 0;
  return run(async (ctx) => {
    const coll = (annotations === 'notes' ? ctx.workbook.notes : ctx.workbook.comments) as Excel.NoteCollection;
    coll.load('items/content');
    await ctx.sync();
    return coll.items.filter((n) => isOurs(n.content)).length;
  });
}

/** What the marks record says the last check or fill wrote: cells marked (fill or note), computed cells and columns. */
export function recordSummary(record: MarksRecord | null): { markedCells: number; computedCells: number; computedColumns: number } {
  let markedCells = 0, computedCells = 0;
  const columns = new Set<string>();
  for (const s of record?.sheets ?? []) {
    const marked = new Set<number>();
    for (const g of s.fills) for (const a of g.areas) {
      const r = parseRect(a);
      if (r) for (let row = r.top; row <= r.bottom; row++) for (let c = r.left; c <= r.right; c++) marked.add(cellKey(row, c));
    }
    for (const n of s.notes) {
      const r = parseRect(n.cell);
      if (r) marked.add(cellKey(r.top, r.left));
    }
    markedCells += marked.size;
    computedCells += s.values.length;
    for (const v of s.values) columns.add(`${s.sheet}\u0000${v.cell.replace(/\d+$/, '')}`);
  }
  return { markedCells, computedCells, computedColumns: columns.size };
}
