// The Office.js implementation of WorkbookHost: batched reads and writes that respect Excel's request limits, with an undo record kept in the workbook.
import type { CellValue, FieldKey, Finding, HolidaySchedule, MergeRange, Report, SheetOverride, SheetSnapshot, WorkbookSnapshot, Severity } from '../engine/types';
import { validateHolidaySchedule } from '../engine/calendar/schedule';
import { FIELD_KEYS } from '../engine/vocabulary';
import { COMPUTED_HEADER_MARKER } from '../engine/types';
import { fillHex, isOwnNote, noteText, ownNoteStart, topSeverity } from '../engine/presentation';
import {
  MAX_COLS,
  cellAddress,
  cellKey,
  chunkAddresses,
  compressCells,
  keyCol,
  keyRow,
  lettersToCol,
  parseRect,
  splitAreas,
  utf8Length,
} from './address';
import { FillGroup, MARKS_NS, MarksRecord, NoteMark, SheetMarks, ValueMark, decodeRecord, encodeRecord, hashText, hashValue } from './record';
import type { ApplyOptions, HostCapabilities, HostSettings, WorkbookHost } from './types';
import { countOwnMarks, recordSummary, removeWaiver, saveWaiver, sheetExists, writeTableSheet } from './workbook-sheets';

/** Request budget: Excel on the web refuses requests or responses over 5 MB; estimates are rough, so keep a margin. */
export const REQUEST_BUDGET = 4 * 1024 * 1024;
/** Addresses handed to getRanges stay under Excel's 8192-character limit. */
export const ADDRESS_BUDGET = 8000;
/** First guess of bytes per cell for values + numberFormat before anything was measured. */
export const INITIAL_BYTES_PER_CELL = 48;
/** Bytes per cell of getCellProperties({format:{fill:{color,pattern}}}): {"format":{"fill":{"color":"#FFFFFF","pattern":"None"}}}. */
const FILL_PROPS_BYTES_PER_CELL = 64;
/** Per-call overhead assumed when estimating a write request. */
const OP_OVERHEAD = 160;
const SETTINGS_KEY = 'fundcheck.settings';
/** Own writes are ignored by live mode for this long when the host cannot tell us the source of a change. */
const OWN_WRITE_GRACE_MS = 3000;

/** #RRGGBB fills by severity, from the shared presentation so the CLI's copy marks a cell the same way. */
export const SEVERITY_FILL: Record<Severity, string> = { error: fillHex('error'), warning: fillHex('warning'), info: fillHex('info') };

const ERROR_VALUES = new Set(['#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A', '#GETTING_DATA', '#SPILL!', '#CALC!', '#FIELD!', '#BLOCKED!', '#CONNECT!', '#BUSY!', '#UNKNOWN!', '#PYTHON!']);

type OfficeLike = {
  context?: {
    displayLanguage?: string;
    requirements?: { isSetSupported(name: string, minVersion?: string): boolean };
  };
};

type Ctx = Excel.RequestContext;

function abortError(): Error {
  if (typeof DOMException !== 'undefined') return new DOMException('The operation was aborted.', 'AbortError');
  const e = new Error('The operation was aborted.');
  e.name = 'AbortError';
  return e;
}

function checkAbort(signal?: AbortSignal): void {
  if (signal?.aborted) throw abortError();
}

function errorCode(e: unknown): string {
  return (e as { code?: string })?.code ?? '';
}

function isPayloadError(e: unknown): boolean {
  const c = errorCode(e);
  return c === 'RequestPayloadSizeLimitExceeded' || c === 'ResponsePayloadSizeLimitExceeded' || /payload size/i.test(String((e as Error)?.message));
}

/** Excel's empty string → null; error text → CellError. Excel does not flag errors in `values`, and loading valueTypes would double the payload. */
function toCellValue(v: unknown): CellValue {
  if (v === '' || v === null || v === undefined) return null;
  if (typeof v === 'string') return v.length <= 14 && v[0] === '#' && ERROR_VALUES.has(v) ? { error: v } : v;
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  return String(v);
}

/** YYYY-MM-DD → Excel 1900-system serial number. */
export function dateToSerial(iso: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return NaN;
  return Date.UTC(+m[1], +m[2] - 1, +m[3]) / 86400000 + 25569;
}

const DATE_FORMAT = 'yyyy-mm-dd';
const TEXT_FORMAT = '@';

/** A unit of work that adds calls to a request and is collected after its sync. */
interface Task {
  bytes: number;
  enqueue(ctx: Ctx): (() => void) | void;
}

/**
 * Runs tasks in as few requests as the budget allows: one sync per request, never per cell or row.
 * `writing` suspends screen updating and calculation for each request.
 */
async function runTasks(ctx: Ctx, tasks: Task[], opts: { writing?: boolean; signal?: AbortSignal; onProgress?: (done: number, total: number) => void; after?: (ctx: Ctx) => void }): Promise<void> {
  let i = 0;
  if (!tasks.length && opts.after) {
    opts.after(ctx);
    await ctx.sync();
    return;
  }
  while (i < tasks.length) {
    checkAbort(opts.signal);
    if (opts.writing) {
      ctx.workbook.application.suspendScreenUpdatingUntilNextSync();
      ctx.workbook.application.suspendApiCalculationUntilNextSync();
    }
    let bytes = 0;
    const collect: (() => void)[] = [];
    while (i < tasks.length && (collect.length === 0 || bytes + tasks[i].bytes <= REQUEST_BUDGET)) {
      bytes += tasks[i].bytes;
      const c = tasks[i].enqueue(ctx);
      collect.push(c || (() => undefined));
      i++;
    }
    if (i >= tasks.length && opts.after) opts.after(ctx);
    await ctx.sync();
    for (const c of collect) c();
    opts.onProgress?.(i, tasks.length);
  }
}

/** Cells of one column grouped into row runs worth one range read each: a gap of more than a few rows starts a new run. */
function columnRuns(keys: number[], maxRows: number): { col: number; top: number; bottom: number }[] {
  const byCol = new Map<number, number[]>();
  for (const k of keys) {
    const c = keyCol(k);
    let a = byCol.get(c);
    if (!a) byCol.set(c, (a = []));
    a.push(keyRow(k));
  }
  const out: { col: number; top: number; bottom: number }[] = [];
  for (const [col, rows] of byCol) {
    rows.sort((a, b) => a - b);
    let top = rows[0], bottom = rows[0];
    for (let i = 1; i < rows.length; i++) {
      const r = rows[i];
      if (r === bottom) continue;
      if (r - bottom > 8 || r - top + 1 > maxRows) {
        out.push({ col, top, bottom });
        top = r;
      }
      bottom = r;
    }
    out.push({ col, top, bottom });
  }
  return out;
}

function runAddress(run: { col: number; top: number; bottom: number }): string {
  const a = cellAddress(run.top, run.col);
  return run.top === run.bottom ? a : a + ':' + cellAddress(run.bottom, run.col);
}

function fillKey(color: string, pattern: string): string | null {
  if (!pattern || pattern === 'None') return null;
  const c = (color || '#FFFFFF').toUpperCase();
  return pattern === 'Solid' ? c : `${c} ${pattern}`;
}

interface CellPropsFill {
  format?: { fill?: { color?: string; pattern?: string } };
}

/** Cells a run will write or has written, per sheet: used by live mode to ignore our own changes. */
interface OwnWrite {
  sheet: string;
  top: number;
  bottom: number;
  left: number;
  right: number;
  until: number;
}

export function createOfficeHostImpl(excel: typeof Excel, office?: typeof Office): WorkbookHost {
  const off = office as unknown as OfficeLike | undefined;
  const supports = (v: string) => {
    try {
      return !!off?.context?.requirements?.isSetSupported('ExcelApi', v);
    } catch {
      return false;
    }
  };
  const caps = (): HostCapabilities => {
    const notes = supports('1.18');
    const comments = supports('1.10');
    return {
      notes,
      comments,
      annotations: notes ? 'notes' : comments ? 'comments' : 'none',
      mergedAreas: supports('1.13'),
      changeSource: supports('1.14'),
      dateSystem: dateSystemRead,
    };
  };
  // Whether the last read could ask the workbook for its date system (null: not tried yet).
  let dateSystemRead: boolean | null = null;

  /**
   * Loads the workbook's name, sheet names and date system in one request. Workbook.use1904DateSystem is in no
   * released requirement set (the reference lists it as ExcelApi BETA), so isSetSupported cannot promise it: it rides
   * along with the first request and, on a host without it, that request is sent again without it (and it is not
   * asked for again in this session). Returns the date system, or null when this Excel cannot say.
   */
  async function loadWorkbookHead(ctx: Ctx): Promise<boolean | null> {
    const wb = ctx.workbook as Excel.Workbook & { use1904DateSystem?: unknown };
    const ask = dateSystemRead !== false && supports('1.1');
    wb.worksheets.load('items/name');
    wb.load(ask ? 'name,use1904DateSystem' : 'name');
    try {
      await ctx.sync();
    } catch (e) {
      if (!ask) throw e;
      dateSystemRead = false;
      wb.worksheets.load('items/name');
      wb.load('name');
      await ctx.sync();
      return null;
    }
    const v = ask ? wb.use1904DateSystem : undefined;
    dateSystemRead = typeof v === 'boolean';
    return typeof v === 'boolean' ? v : null;
  }

  let ownWrites: OwnWrite[] = [];
  const noteOwnWrites = (sheet: string, keys: number[]) => {
    if (!keys.length) return;
    let top = Infinity, bottom = -1, left = Infinity, right = -1;
    for (const k of keys) {
      const r = keyRow(k), c = keyCol(k);
      if (r < top) top = r;
      if (r > bottom) bottom = r;
      if (c < left) left = c;
      if (c > right) right = c;
    }
    ownWrites.push({ sheet, top, bottom, left, right, until: Infinity });
  };
  const endOwnWrites = () => {
    const until = Date.now() + OWN_WRITE_GRACE_MS;
    for (const w of ownWrites) if (w.until === Infinity) w.until = until;
  };

  async function loadRecordParts(ctx: Ctx): Promise<{ parts: Excel.CustomXmlPart[]; record: MarksRecord | null }> {
    const coll = ctx.workbook.customXmlParts.getByNamespace(MARKS_NS);
    coll.load('items/id');
    await ctx.sync();
    const parts = coll.items;
    if (!parts.length) return { parts, record: null };
    const xmls: string[] = [];
    // Each part is under 1 MB, so a few per request keep the response under the limit.
    const tasks: Task[] = parts.map((p) => ({
      bytes: 1024 * 1024,
      enqueue: () => {
        const r = p.getXml();
        return () => xmls.push(r.value);
      },
    }));
    await runTasks(ctx, tasks, {});
    return { parts, record: decodeRecord(xmls) };
  }

  /** Addresses of existing notes/comments, to avoid writing over a user's own (a cell holds only one). */
  async function occupiedCells(ctx: Ctx, c: HostCapabilities): Promise<Map<string, Map<number, { kind: 'note' | 'comment'; content: string; obj: Excel.Note | Excel.Comment }>>> {
    const out = new Map<string, Map<number, { kind: 'note' | 'comment'; content: string; obj: Excel.Note | Excel.Comment }>>();
    const colls: { kind: 'note' | 'comment'; coll: Excel.NoteCollection | Excel.CommentCollection }[] = [];
    if (c.notes) colls.push({ kind: 'note', coll: ctx.workbook.notes });
    if (c.comments) colls.push({ kind: 'comment', coll: ctx.workbook.comments });
    if (!colls.length) return out;
    for (const x of colls) (x.coll as Excel.NoteCollection).load('items/content');
    await ctx.sync();
    const located: { kind: 'note' | 'comment'; obj: Excel.Note | Excel.Comment; loc: Excel.Range }[] = [];
    for (const x of colls) {
      for (const obj of (x.coll as Excel.NoteCollection).items as (Excel.Note | Excel.Comment)[]) {
        const loc = obj.getLocation();
        loc.load('address');
        located.push({ kind: x.kind, obj, loc });
      }
    }
    if (!located.length) return out;
    await ctx.sync();
    for (const l of located) {
      const [area] = splitAreas(l.loc.address);
      const sheet = area.sheet ?? '';
      let m = out.get(sheet);
      if (!m) out.set(sheet, (m = new Map()));
      m.set(cellKey(area.rect.top, area.rect.left), { kind: l.kind, content: l.obj.content, obj: l.obj });
    }
    return out;
  }

  /** Reads fill (color, pattern) of the given cells, in column runs packed into few requests. */
  function fillReadTasks(ws: Excel.Worksheet, keys: number[], into: Map<number, string | null>): Task[] {
    const maxRows = Math.floor(REQUEST_BUDGET / 4 / FILL_PROPS_BYTES_PER_CELL);
    return columnRuns(keys, maxRows).map((run) => ({
      bytes: (run.bottom - run.top + 1) * FILL_PROPS_BYTES_PER_CELL + OP_OVERHEAD,
      enqueue: () => {
        const res = ws.getRange(runAddress(run)).getCellProperties({ format: { fill: { color: true, pattern: true } } });
        return () => {
          const rows = res.value as CellPropsFill[][];
          for (let i = 0; i < rows.length; i++) {
            const f = rows[i][0]?.format?.fill;
            into.set(cellKey(run.top + i, run.col), fillKey(f?.color ?? '', f?.pattern ?? 'None'));
          }
        };
      },
    }));
  }

  /** Reads value and number format of the given cells. */
  function valueReadTasks(ws: Excel.Worksheet, keys: number[], into: Map<number, { v: string | number | boolean; f: string }>): Task[] {
    const maxRows = Math.floor(REQUEST_BUDGET / 4 / INITIAL_BYTES_PER_CELL);
    return columnRuns(keys, maxRows).map((run) => ({
      bytes: (run.bottom - run.top + 1) * INITIAL_BYTES_PER_CELL * 2 + OP_OVERHEAD,
      enqueue: () => {
        const r = ws.getRange(runAddress(run));
        r.load('values,numberFormat');
        return () => {
          for (let i = 0; i < r.values.length; i++) {
            into.set(cellKey(run.top + i, run.col), { v: r.values[i][0] as string | number | boolean, f: String(r.numberFormat[i][0] ?? 'General') });
          }
        };
      },
    }));
  }

  /** Writes (prefix-format, value) cells of one sheet in contiguous column runs. */
  function valueWriteTasks(ws: Excel.Worksheet, cells: Map<number, { v: string | number | boolean; f: string }>): Task[] {
    const keys = [...cells.keys()].sort((a, b) => keyCol(a) - keyCol(b) || a - b);
    const tasks: Task[] = [];
    let i = 0;
    while (i < keys.length) {
      const col = keyCol(keys[i]);
      const top = keyRow(keys[i]);
      let j = i + 1;
      while (j < keys.length && keyCol(keys[j]) === col && keyRow(keys[j]) === keyRow(keys[j - 1]) + 1 && j - i < 20000) j++;
      const runKeys = keys.slice(i, j);
      const values = runKeys.map((k) => [cells.get(k)!.v]);
      const formats = runKeys.map((k) => [cells.get(k)!.f]);
      const address = runAddress({ col, top, bottom: top + runKeys.length - 1 });
      tasks.push({
        bytes: utf8Length(JSON.stringify(values)) + utf8Length(JSON.stringify(formats)) + OP_OVERHEAD * 2,
        enqueue: () => {
          const r = ws.getRange(address);
          // Format first: text typed into a General cell could otherwise turn into a number or date.
          r.numberFormat = formats;
          r.values = values;
        },
      });
      i = j;
    }
    return tasks;
  }

  /**
   * Undoes what the record says we wrote. `keepComputed`: only the marks (fills, notes) go; the computed values stay
   * and stay in the record, so a later full clear or re-check still knows what they replaced.
   */
  async function clearWithin(ctx: Ctx, signal?: AbortSignal, keepComputed = false, keepMarks = false): Promise<{ restored: number }> {
    const { parts, record } = await loadRecordParts(ctx);
    if (!record) return { restored: 0 };
    const c = caps();
    const wss = ctx.workbook.worksheets;
    wss.load('items/name');
    await ctx.sync();
    const sheetByName = new Map(wss.items.map((w) => [w.name, w]));
    // keepMarks (移除计算列): only the computed values go back; fills and notes stay, and stay in the record.
    const hasNotes = !keepMarks && record.sheets.some((s) => s.notes.length);
    const occupied = hasNotes ? await occupiedCells(ctx, c) : new Map();

    // Read what the cells hold now, to leave alone whatever the user changed since.
    const reads: Task[] = [];
    const current = new Map<string, { fills: Map<number, string | null>; values: Map<number, { v: string | number | boolean; f: string }> }>();
    for (const s of record.sheets) {
      const ws = sheetByName.get(s.sheet);
      if (!ws) continue;
      const cur = { fills: new Map<number, string | null>(), values: new Map<number, { v: string | number | boolean; f: string }>() };
      current.set(s.sheet, cur);
      const fillKeys: number[] = [];
      for (const g of keepMarks ? [] : s.fills) for (const a of g.areas) forEachCell(a, (k) => fillKeys.push(k));
      reads.push(...fillReadTasks(ws, fillKeys, cur.fills));
      reads.push(...valueReadTasks(ws, s.values.map((v) => keyOf(v.cell)), cur.values));
    }
    await runTasks(ctx, reads, { signal });

    let restored = 0;
    const writes: Task[] = [];
    for (const s of record.sheets) {
      const ws = sheetByName.get(s.sheet);
      const cur = current.get(s.sheet);
      if (!ws || !cur) continue;
      const byOrig = new Map<string, number[]>();
      const touched: number[] = [];
      for (const g of keepMarks ? [] : s.fills) {
        for (const a of g.areas) forEachCell(a, (k) => {
          // A fill that is no longer ours is the user's choice: keep it.
          if (cur.fills.get(k) !== g.set.toUpperCase()) return;
          const o = g.orig ?? '';
          let list = byOrig.get(o);
          if (!list) byOrig.set(o, (list = []));
          list.push(k);
          touched.push(k);
        });
      }
      for (const [orig, keys] of byOrig) {
        restored += keys.length;
        for (const chunk of chunkAddresses(compressCells(keys), ADDRESS_BUDGET)) {
          writes.push({
            bytes: chunk.length + OP_OVERHEAD,
            enqueue: () => {
              const fill = ws.getRanges(chunk).format.fill;
              if (!orig) fill.clear();
              else {
                const [color, pattern] = orig.split(' ');
                fill.color = color;
                if (pattern) fill.pattern = pattern as Excel.FillPattern;
              }
            },
          });
        }
      }
      const back = new Map<number, { v: string | number | boolean; f: string }>();
      for (const v of keepComputed ? [] : s.values) {
        const k = keyOf(v.cell);
        const now = cur.values.get(k);
        if (!now || hashValue(now.v) !== v.hash) continue; // typed over by the user, or never written
        back.set(k, { v: v.prev, f: v.prevFormat });
        touched.push(k);
      }
      restored += back.size;
      writes.push(...valueWriteTasks(ws, back));
      const occ = occupied.get(s.sheet);
      for (const n of keepMarks ? [] : s.notes) {
        const o = occ?.get(keyOf(n.cell));
        if (!o || o.kind !== n.kind || hashText(o.content) !== n.hash) continue;
        writes.push({ bytes: OP_OVERHEAD, enqueue: () => o.obj.delete() });
      }
      noteOwnWrites(s.sheet, touched);
    }
    try {
      await runTasks(ctx, writes, {
        writing: true,
        signal,
        // The record goes last: an interrupted Clear can simply be run again.
        after: () => {
          for (const p of parts) p.delete();
          if (keepComputed) {
            const kept: MarksRecord = { run: record.run, sheets: record.sheets.filter((x) => x.values.length).map((x) => ({ ...x, fills: [], notes: [] })) };
            if (kept.sheets.length) for (const xml of encodeRecord(kept)) ctx.workbook.customXmlParts.add(xml);
          }
          if (keepMarks) {
            const kept: MarksRecord = { run: record.run, sheets: record.sheets.filter((x) => x.fills.length || x.notes.length).map((x) => ({ ...x, values: [] })) };
            if (kept.sheets.length) for (const xml of encodeRecord(kept)) ctx.workbook.customXmlParts.add(xml);
          }
        },
      });
    } finally {
      endOwnWrites();
    }
    return { restored };
  }

  async function readSnapshotImpl(onProgress?: (done: number, total: number) => void, signal?: AbortSignal): Promise<WorkbookSnapshot> {
    const c = caps();
    return excel.run(async (ctx) => {
      checkAbort(signal);
      const wb = ctx.workbook;
      const wss = wb.worksheets;
      const date1904 = await loadWorkbookHead(ctx);
      checkAbort(signal);
      const used = wss.items.map((ws) => {
        const r = ws.getUsedRangeOrNullObject(true);
        r.load('rowIndex,columnIndex,rowCount,columnCount');
        return r;
      });
      await ctx.sync();
      const sheets: (SheetSnapshot & { rowsTotal: number; cols: number; next: number })[] = wss.items.map((ws, i) => {
        const u = used[i];
        const rowsTotal = u.isNullObject ? 0 : u.rowIndex + u.rowCount;
        const cols = u.isNullObject ? 0 : u.columnIndex + u.columnCount;
        return { name: ws.name, rows: [], formats: [], merges: [], rowsTotal, cols, next: 0 };
      });
      const total = sheets.reduce((n, s) => n + s.rowsTotal, 0);
      let done = 0;
      let bytesPerCell = INITIAL_BYTES_PER_CELL;
      let mergesPending = c.mergedAreas ? sheets.filter((s) => s.rowsTotal > 0) : [];
      onProgress?.(0, total);
      while (sheets.some((s) => s.next < s.rowsTotal) || mergesPending.length) {
        checkAbort(signal);
        // One request: blocks of rows from as many sheets as fit in the budget.
        const blocks: { s: (typeof sheets)[number]; top: number; count: number; range: Excel.Range }[] = [];
        const merges: { s: (typeof sheets)[number]; areas: Excel.RangeAreas }[] = [];
        let budget = REQUEST_BUDGET;
        for (const s of mergesPending) {
          const areas = wss.getItem(s.name).getRangeByIndexes(0, 0, s.rowsTotal, s.cols).getMergedAreasOrNullObject();
          areas.load('address');
          merges.push({ s, areas });
          budget -= OP_OVERHEAD;
        }
        for (const s of sheets) {
          if (s.next >= s.rowsTotal) continue;
          const rowBytes = s.cols * bytesPerCell;
          let count = Math.min(s.rowsTotal - s.next, Math.floor(budget / rowBytes));
          if (count < 1) {
            if (blocks.length) break;
            count = 1;
          }
          const range = wss.getItem(s.name).getRangeByIndexes(s.next, 0, count, s.cols);
          range.load('values,numberFormat');
          blocks.push({ s, top: s.next, count, range });
          budget -= count * rowBytes;
          if (budget < rowBytes) break;
        }
        try {
          await ctx.sync();
        } catch (e) {
          if (!isPayloadError(e) || (blocks.length === 1 && blocks[0].count === 1)) throw e;
          bytesPerCell *= 2; // our estimate was too low for these rows: retry in smaller blocks
          continue;
        }
        mergesPending = [];
        for (const m of merges) {
          if (m.areas.isNullObject) continue;
          for (const a of splitAreas(m.areas.address)) {
            m.s.merges.push({ top: a.rect.top, left: a.rect.left, bottom: a.rect.bottom, right: a.rect.right } as MergeRange);
          }
        }
        let measured = 0, cells = 0;
        for (const b of blocks) {
          const values = b.range.values;
          const formats = b.range.numberFormat;
          measured += utf8Length(JSON.stringify(values)) + utf8Length(JSON.stringify(formats));
          cells += b.count * b.s.cols;
          for (let i = 0; i < values.length; i++) {
            const vr = values[i], fr = formats[i];
            const row: CellValue[] = new Array(vr.length);
            let frow: (string | null)[] | undefined;
            for (let j = 0; j < vr.length; j++) {
              row[j] = toCellValue(vr[j]);
              const f = fr[j] as unknown as string;
              if (f && f !== 'General') (frow ??= new Array(vr.length).fill(null))[j] = f;
            }
            b.s.rows[b.top + i] = row;
            b.s.formats![b.top + i] = frow ?? [];
          }
          b.s.next += b.count;
          done += b.count;
        }
        // Next blocks are sized on what these rows really weighed, with a margin for wordier rows further down.
        if (cells) bytesPerCell = Math.max(8, Math.ceil((measured / cells) * 1.5), Math.min(bytesPerCell, INITIAL_BYTES_PER_CELL));
        onProgress?.(done, total);
      }
      const snapshot: WorkbookSnapshot = {
        name: wb.name,
        sheets: sheets.map(({ name, rows, formats, merges }) => ({ name, rows, formats, merges })),
      };
      // Values come as the workbook's own serials: the engine needs the system to read them as dates.
      if (date1904) snapshot.date1904 = true;
      return snapshot;
    });
  }

  async function applyImpl(report: Report, opts: ApplyOptions): Promise<{ marked: number; computed: number; computedDates: number }> {
    const c = caps();
    const { signal, onProgress, lang } = opts;
    checkAbort(signal);
    return excel.run(async (ctx) => {
      // Marks of an earlier run go first, so nothing is doubled and the record describes only this run.
      await clearWithin(ctx, signal);
      const wss = ctx.workbook.worksheets;
      wss.load('items/name');
      await ctx.sync();
      const sheetByName = new Map(wss.items.map((w) => [w.name, w]));

      // Plan: flagged cells with their findings; computed cells with their values.
      const flagged = new Map<string, Map<number, Finding[]>>();
      for (const f of report.findings) {
        if (!f.cell || !sheetByName.has(f.sheet)) continue;
        const r = parseRect(f.cell);
        if (!r) continue;
        let m = flagged.get(f.sheet);
        if (!m) flagged.set(f.sheet, (m = new Map()));
        const k = cellKey(r.top, r.left);
        const list = m.get(k);
        if (list) list.push(f);
        else m.set(k, [f]);
      }
      const computed = new Map<string, Map<number, { v: string | number; f: string; header: boolean; owner: number }>>();
      if (opts.fillComputed) {
        for (const sr of report.sheets) {
          if (!sheetByName.has(sr.name) || !sr.computedColumns.length) continue;
          const m = new Map<number, { v: string | number; f: string; header: boolean; owner: number }>();
          const cols = new Map<string, { header: string; col: number }>();
          for (const cc of sr.computedColumns) {
            const col = lettersToCol(cc.column);
            if (col < 0 || col >= MAX_COLS) continue;
            cols.set(cc.column, { header: cc.header, col });
            if (sr.headerRow) m.set(cellKey(sr.headerRow - 1, col), { v: cc.header, f: TEXT_FORMAT, header: true, owner: cellKey(sr.headerRow - 1, col) });
          }
          for (const cv of sr.computedColumns) {
            const cc = cols.get(cv.column);
            // Only into the columns the report assigned: never anywhere else in the sheet.
            if (!cc) continue;
            for (let i = 0; i < cv.rows.length; i++) {
              const row = cv.rows[i]!;
              const value = cv.values[i]!;
              if (row < 1 || (sr.headerRow && row <= sr.headerRow)) continue;
              const serial = cv.type === 'date' ? dateToSerial(value) : NaN;
              const val = cv.type === 'date' && !isNaN(serial) ? { v: serial, f: DATE_FORMAT } : { v: value, f: TEXT_FORMAT };
              m.set(cellKey(row - 1, cc.col), { ...val, header: false, owner: sr.headerRow ? cellKey(sr.headerRow - 1, cc.col) : -1 });
            }
          }
          if (m.size) computed.set(sr.name, m);
        }
      }

      // Read what is there before touching anything.
      const occupied = c.annotations === 'none' ? new Map() : await occupiedCells(ctx, c);
      const origFills = new Map<string, Map<number, string | null>>();
      const origValues = new Map<string, Map<number, { v: string | number | boolean; f: string }>>();
      const reads: Task[] = [];
      for (const [sheet, m] of flagged) {
        const into = new Map<number, string | null>();
        origFills.set(sheet, into);
        reads.push(...fillReadTasks(sheetByName.get(sheet)!, [...m.keys()], into));
      }
      for (const [sheet, m] of computed) {
        const into = new Map<number, { v: string | number | boolean; f: string }>();
        origValues.set(sheet, into);
        reads.push(...valueReadTasks(sheetByName.get(sheet)!, [...m.keys()], into));
      }
      await runTasks(ctx, reads, { signal });

      // The record, then the writes it describes.
      const record: MarksRecord = { run: `${report.asOf}/${Date.now().toString(36)}`, sheets: [] };
      const writes: Task[] = [];
      let marked = 0, computedCount = 0, computedDates = 0;
      for (const name of new Set([...flagged.keys(), ...computed.keys()])) {
        const ws = sheetByName.get(name)!;
        const sm: SheetMarks = { sheet: name, fills: [], notes: [], values: [] };
        const touched: number[] = [];
        const cells = flagged.get(name);
        if (cells) {
          const groups = new Map<string, { set: string; orig: string | null; keys: number[] }>();
          for (const [k, list] of cells) {
            const top = topSeverity(list);
            const set = SEVERITY_FILL[top];
            const orig = origFills.get(name)!.get(k) ?? null;
            const gk = set + '|' + (orig ?? '');
            let g = groups.get(gk);
            if (!g) groups.set(gk, (g = { set, orig, keys: [] }));
            g.keys.push(k);
            touched.push(k);
          }
          for (const g of groups.values()) {
            const areas = compressCells(g.keys);
            sm.fills.push({ set: g.set, orig: g.orig, areas } as FillGroup);
            marked += g.keys.length;
            for (const chunk of chunkAddresses(areas, ADDRESS_BUDGET)) {
              writes.push({ bytes: chunk.length + OP_OVERHEAD, enqueue: () => { ws.getRanges(chunk).format.fill.color = g.set; } });
            }
          }
          if (c.annotations !== 'none') {
            const occ = occupied.get(name);
            for (const [k, list] of cells) {
              if (occ?.has(k)) continue; // the user's own note stays; the fill still marks the cell
              const text = noteText(list, lang);
              const cell = cellAddress(keyRow(k), keyCol(k));
              const kind = c.annotations === 'notes' ? 'note' : 'comment';
              sm.notes.push({ cell, kind, hash: hashText(text) } as NoteMark);
              writes.push({
                bytes: utf8Length(text) + OP_OVERHEAD * 2,
                enqueue: () => {
                  const target = ws.getRange(cell);
                  if (kind === 'note') ctx.workbook.notes.add(target, text);
                  else ctx.workbook.comments.add(target, text);
                },
              });
            }
          }
        }
        const comp = computed.get(name);
        if (comp) {
          const before = origValues.get(name)!;
          const toWrite = new Map<number, { v: string | number | boolean; f: string }>();
          for (const [k, want] of comp) {
            const prev = before.get(k) ?? { v: '', f: 'General' };
            const ownerHeader = want.owner >= 0 ? before.get(want.owner) : undefined;
            // A column headed by a computed header (ours, from a run whose record is gone) may be rewritten; any other user value stays.
            const ours = typeof ownerHeader?.v === 'string' && ownerHeader.v.endsWith(COMPUTED_HEADER_MARKER);
            if (prev.v !== '' && !ours && !(want.header && prev.v === want.v)) continue;
            toWrite.set(k, { v: want.v, f: want.f });
            // Excel hands back what it stored: a serial stays a number, text stays text.
            sm.values.push({ cell: cellAddress(keyRow(k), keyCol(k)), hash: hashValue(want.v), prev: prev.v, prevFormat: prev.f } as ValueMark);
            touched.push(k);
            if (!want.header) {
              computedCount++;
              // Dates are written as serials; every other computed value (审批/管理路径 …) is text.
              if (typeof want.v === 'number') computedDates++;
            }
          }
          writes.push(...valueWriteTasks(ws, toWrite));
        }
        record.sheets.push(sm);
        noteOwnWrites(name, touched);
      }
      if (!writes.length) return { marked: 0, computed: 0, computedDates: 0 };

      try {
        // The record is written (and synced) before any mark: whatever happens next, Clear can undo it.
        const xmls = encodeRecord(record);
        await runTasks(
          ctx,
          xmls.map((xml) => ({ bytes: utf8Length(xml) + OP_OVERHEAD, enqueue: () => { ctx.workbook.customXmlParts.add(xml); } })),
          { signal },
        );
        await runTasks(ctx, writes, { writing: true, signal, onProgress });
      } finally {
        endOwnWrites();
      }
      return { marked, computed: computedCount, computedDates };
    });
  }

  return {
    readSnapshot: readSnapshotImpl,

    applyReport: applyImpl,

    clearMarks(opts?: { keepComputed?: boolean }): Promise<{ restored: number }> {
      return excel.run((ctx) => clearWithin(ctx, undefined, opts?.keepComputed === true));
    },

    async selectCell(sheet: string, cell: string): Promise<void> {
      await excel.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem(sheet);
        ws.activate();
        ws.getRange(cell).select();
        await ctx.sync();
      });
    },

    async loadSettings(): Promise<HostSettings> {
      return excel.run(async (ctx) => {
        const item = ctx.workbook.settings.getItemOrNullObject(SETTINGS_KEY);
        item.load('value');
        await ctx.sync();
        if (item.isNullObject) return {};
        return parseSettings(item.value);
      });
    },

    async saveSettings(s: HostSettings): Promise<void> {
      await excel.run(async (ctx) => {
        ctx.workbook.settings.add(SETTINGS_KEY, JSON.stringify(cleanSettings(s)));
        await ctx.sync();
      });
    },

    async watchChanges(onRowsChanged: (sheet: string, rows: number[]) => void): Promise<() => Promise<void>> {
      const names = new Map<string, string>();
      const refreshNames = () =>
        excel.run(async (ctx) => {
          const wss = ctx.workbook.worksheets;
          wss.load('items/id,items/name');
          await ctx.sync();
          for (const w of wss.items) names.set(w.id, w.name);
        });
      const handler = async (e: Excel.WorksheetChangedEventArgs) => {
        if (e.triggerSource === 'ThisLocalAddin') return;
        let name = names.get(e.worksheetId);
        if (name === undefined) {
          await refreshNames();
          name = names.get(e.worksheetId);
          if (name === undefined) return;
        }
        const rect = parseRect(e.address);
        if (!rect) return;
        const now = Date.now();
        ownWrites = ownWrites.filter((w) => w.until > now);
        const own = ownWrites.some((w) => w.sheet === name && rect.top >= w.top && rect.bottom <= w.bottom && rect.left >= w.left && rect.right <= w.right);
        // Without the change source (before ExcelApi 1.14), changes inside what we just wrote are taken for ours.
        if (own && !caps().changeSource) return;
        const rows: number[] = [];
        const last = Math.min(rect.bottom, rect.top + 99_999); // a whole-column change reports at most 100,000 rows
        for (let r = rect.top; r <= last; r++) rows.push(r + 1);
        onRowsChanged(name, rows);
      };
      const registration = await excel.run(async (ctx) => {
        const wss = ctx.workbook.worksheets;
        wss.load('items/id,items/name');
        const res = wss.onChanged.add(handler);
        await ctx.sync();
        for (const w of wss.items) names.set(w.id, w.name);
        return res;
      });
      return async () => {
        await excel.run(registration.context as unknown as Excel.RequestContext, async (ctx) => {
          registration.remove();
          await ctx.sync();
        });
      };
    },

    capabilities: caps,

    sheetExists: (name) => sheetExists((b) => excel.run(b), name),
    writeTableSheet: (name, table) => writeTableSheet((b) => excel.run(b), name, table),
    saveWaiver: (entry) => saveWaiver((b) => excel.run(b), entry),
    removeWaiver: (target) => removeWaiver((b) => excel.run(b), target),
    marksSummary: () =>
      excel.run(async (ctx) => recordSummary((await loadRecordParts(ctx)).record)),
    removeComputed: () => excel.run((ctx) => clearWithin(ctx, undefined, false, true)),
    undoLastFill: () => excel.run((ctx) => clearWithin(ctx)),
    ownMarks: () => countOwnMarks((b) => excel.run(b), caps().annotations, (t) => isOwnNote(t) || ownNoteStart(t) >= 0),

    displayLanguage(): string {
      return off?.context?.displayLanguage || (typeof navigator !== 'undefined' ? navigator.language : '') || 'zh-CN';
    },
  };
}

function keyOf(cell: string): number {
  const r = parseRect(cell);
  if (!r) throw new Error('Bad cell in marks record: ' + cell);
  return cellKey(r.top, r.left);
}

function forEachCell(area: string, f: (key: number) => void): void {
  const r = parseRect(area);
  if (!r) return;
  for (let row = r.top; row <= r.bottom; row++) for (let c = r.left; c <= r.right; c++) f(cellKey(row, c));
}

const SHEET_KINDS = new Set(['declaration', 'progress-table', 'progress-form', 'expense', 'unknown']);

function cleanSettings(s: HostSettings): HostSettings {
  const out: HostSettings = {};
  if (typeof s.profile === 'string') out.profile = s.profile;
  if (typeof s.asOf === 'string') out.asOf = s.asOf;
  if (s.overrides && typeof s.overrides === 'object') {
    const o: Record<string, SheetOverride> = {};
    for (const [k, v] of Object.entries(s.overrides)) {
      if (!v || typeof v !== 'object') continue;
      const x: SheetOverride = {};
      if (typeof v.kind === 'string' && SHEET_KINDS.has(v.kind)) x.kind = v.kind;
      if (typeof v.headerRow === 'number' && Number.isInteger(v.headerRow) && v.headerRow > 0) x.headerRow = v.headerRow;
      if (v.columns && typeof v.columns === 'object') {
        const cols: Record<string, FieldKey | null> = {};
        for (const [letter, field] of Object.entries(v.columns)) {
          if (!/^[A-Z]{1,3}$/.test(letter)) continue;
          if (field === null || (typeof field === 'string' && (FIELD_KEYS as readonly string[]).includes(field))) cols[letter] = field;
        }
        if (Object.keys(cols).length > 0) x.columns = cols;
      }
      o[k] = x;
    }
    out.overrides = o;
  }
  if (Array.isArray(s.holidays)) {
    // Each schedule on its own: a malformed one (hand-edited, or from another version) is dropped, the others kept;
    // one per year, the first wins.
    const years = new Set<number>();
    const kept: HolidaySchedule[] = [];
    for (const h of s.holidays.slice(0, MAX_SAVED_SCHEDULES)) {
      try {
        const clean = validateHolidaySchedule(h);
        if (years.has(clean.year)) continue;
        years.add(clean.year);
        kept.push(clean);
      } catch {
        // dropped
      }
    }
    if (kept.length > 0) out.holidays = kept;
  }
  // Packs are kept as given (the pane validates them with the loader when it reads them); only their number is bounded.
  if (Array.isArray(s.regulations)) {
    const packs = s.regulations.filter((p) => p !== null && typeof p === 'object' && !Array.isArray(p)).slice(0, MAX_SAVED_PACKS);
    if (packs.length > 0) out.regulations = packs;
  }
  return out;
}

/** More regulations than anyone imports into one workbook. */
const MAX_SAVED_PACKS = 20;

/** More years than anyone imports: a settings value this long is not ours. */
const MAX_SAVED_SCHEDULES = 50;

/** Settings written by any version (or edited by hand) are taken field by field; anything malformed is dropped. */
function parseSettings(raw: unknown): HostSettings {
  let v: unknown = raw;
  if (typeof raw === 'string') {
    try {
      v = JSON.parse(raw);
    } catch {
      return {};
    }
  }
  return v && typeof v === 'object' ? cleanSettings(v as HostSettings) : {};
}
