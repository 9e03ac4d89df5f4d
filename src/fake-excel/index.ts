// Strict in-memory fake of the Excel JavaScript API subset the add-in uses: for jest and for the browser preview (no Office needed).
import type { WorkbookSnapshot, CellValue } from '../engine/types';
import { Rect, cellAddress, cellKey, parseRect, splitAreas } from '../excel/address';
import { FakeSheetData, FakeValue, FakeWorkbookData, WorkbookState, normalizeColor, FakeOfficeError } from './model';
import { DEFAULT_LIMITS, FakeContext, FakeHost, FakeLimits, FakeStats, InjectedFailure } from './proxies';

export type { FakeSheetData, FakeWorkbookData, FakeValue } from './model';
export type { FakeLimits, FakeStats, RequestStat, InjectedFailure, ChangedEvent } from './proxies';
export { FakeOfficeError } from './model';
export { DEFAULT_LIMITS } from './proxies';

/** What a test or the preview reads back from one cell. */
export interface FakeCellState {
  value: FakeValue;
  format: string;
  /** Fill colour (#RRGGBB) or null for no fill. */
  fill: string | null;
  note: string | null;
  comment: string | null;
}

/** The subset of `Office` the adapter uses (requirement checks, display language). */
export interface FakeOffice {
  context: {
    displayLanguage: string;
    requirements: { isSetSupported(name: string, minVersion?: string | number): boolean };
  };
}

export interface FakeExcel {
  /** Pass to createOfficeHost as `typeof Excel`. */
  Excel: typeof Excel;
  /** Pass to createOfficeHost as `typeof Office`. */
  Office: typeof Office;
  stats: FakeStats;
  /** Resets the counters (e.g. between the set-up and the step under test). */
  resetStats(): void;
  /** Makes sync number `atSync` (as counted by stats.syncs) fail after `afterOps` of its calls ran. */
  injectFailure(f: InjectedFailure): void;
  /** A user's edit in the grid: sets the value and raises onChanged like Excel (not from the add-in). */
  userEdit(sheet: string, address: string, value: FakeValue | null): void;
  /** A user's fill change (null = no fill). Raises no onChanged, like Excel (that is onFormatChanged). */
  userFill(sheet: string, address: string, color: string | null): void;
  cell(sheet: string, address: string): FakeCellState;
  /** Every filled cell of a sheet: address → colour. */
  fills(sheet: string): Record<string, string>;
  notes(sheet: string): Record<string, string>;
  comments(sheet: string): Record<string, string>;
  customXmlParts(): { id: string; namespaceUri: string; xml: string }[];
  settings(): Record<string, unknown>;
  selection(): { sheet: string; address: string };
  /** The whole workbook as plain data: createFakeExcel(fake.save()) is "save and reopen". */
  save(): FakeWorkbookData;
  /** Waits until the onChanged handlers of earlier writes and edits have run. */
  flushEvents(): Promise<void>;
  limits: FakeLimits;
}

export function createFakeExcel(workbookData: FakeWorkbookData, limits?: Partial<FakeLimits>): FakeExcel {
  const lim: FakeLimits = { ...DEFAULT_LIMITS, ...limits };
  const state = new WorkbookState(workbookData);
  const host = new FakeHost(state, lim);

  async function run<T>(a: unknown, b?: unknown): Promise<T> {
    // Excel.run(batch) or Excel.run(objectOrContext, batch): the second form reuses a context (event removal).
    const batch = (typeof a === 'function' ? a : b) as (ctx: FakeContext) => Promise<T>;
    const given = typeof a === 'function' ? null : (a as { context?: FakeContext } | FakeContext);
    const ctx = given instanceof FakeContext ? given : given?.context instanceof FakeContext ? given.context : new FakeContext(host);
    const out = await batch(ctx);
    if (ctx.ops.length) await ctx.sync();
    return out;
  }

  const office: FakeOffice = {
    context: {
      displayLanguage: lim.displayLanguage,
      requirements: {
        isSetSupported(name: string, minVersion?: string | number): boolean {
          if (name !== 'ExcelApi') return false;
          if (minVersion === undefined) return true;
          const [maj, min] = String(minVersion).split('.').map(Number);
          return maj < 1 || (maj === 1 && (min || 0) <= lim.excelApiMinor);
        },
      },
    },
  };

  const sheetOf = (name: string) => {
    const s = state.sheetByName(name);
    if (!s) throw new Error(`No sheet '${name}' in the fake workbook`);
    return s;
  };
  const rectOf = (a: string): Rect => {
    const r = parseRect(a);
    if (!r) throw new Error('Bad address ' + a);
    return r;
  };

  const fake: FakeExcel = {
    Excel: { run } as unknown as typeof Excel,
    Office: office as unknown as typeof Office,
    stats: host.stats,
    limits: lim,
    resetStats() {
      host.stats.syncs = 0;
      host.stats.requests.length = 0;
      host.stats.largestRequestBytes = 0;
      host.stats.longestAddress = 0;
    },
    injectFailure(f) {
      host.failure = f;
    },
    userEdit(sheet, address, value) {
      const s = sheetOf(sheet);
      const r = rectOf(address);
      for (let row = r.top; row <= r.bottom; row++)
        for (let c = r.left; c <= r.right; c++) s.setValue(row, c, value === null ? '' : value);
      host.emit(s.id, r, false);
    },
    userFill(sheet, address, color) {
      const s = sheetOf(sheet);
      const r = rectOf(address);
      for (let row = r.top; row <= r.bottom; row++)
        for (let c = r.left; c <= r.right; c++) s.setFill(row, c, color === null ? undefined : { color: normalizeColor(color), pattern: 'Solid' });
    },
    cell(sheet, address) {
      const s = sheetOf(sheet);
      const r = rectOf(address);
      const f = s.getFill(r.top, r.left);
      return {
        value: s.getValue(r.top, r.left),
        format: s.getFormat(r.top, r.left),
        fill: f ? f.color : null,
        note: s.notes.get(cellKey(r.top, r.left)) ?? null,
        comment: s.comments.get(cellKey(r.top, r.left))?.content ?? null,
      };
    },
    fills(sheet) {
      return state.toData().sheets.find((x) => x.name === sheetOf(sheet).name)!.fills ?? {};
    },
    notes(sheet) {
      return state.toData().sheets.find((x) => x.name === sheetOf(sheet).name)!.notes ?? {};
    },
    comments(sheet) {
      return state.toData().sheets.find((x) => x.name === sheetOf(sheet).name)!.comments ?? {};
    },
    customXmlParts() {
      return state.customXmlParts.map((p) => ({ ...p }));
    },
    settings() {
      return JSON.parse(JSON.stringify(Object.fromEntries(state.settings)));
    },
    selection() {
      const sel = state.selection;
      const r = sel.rect;
      const a = cellAddress(r.top, r.left) + (r.top === r.bottom && r.left === r.right ? '' : ':' + cellAddress(r.bottom, r.right));
      return { sheet: state.sheetById(sel.sheetId)!.name, address: a };
    },
    save() {
      return state.toData();
    },
    flushEvents() {
      return host.flushEvents();
    },
  };
  return fake;
}

function toFakeValue(v: CellValue): FakeValue | null {
  if (v === null) return null;
  if (typeof v === 'object') return v.error;
  return v;
}

/** Builds fake workbook data from an engine snapshot (values, formats, merges; no fills). */
export function dataFromSnapshot(snapshot: WorkbookSnapshot): FakeWorkbookData {
  return {
    name: snapshot.name,
    date1904: !!snapshot.date1904,
    sheets: snapshot.sheets.map(
      (s): FakeSheetData => ({
        name: s.name,
        values: s.rows.map((row) => row.map(toFakeValue)),
        formats: s.formats?.map((row) => (row ? row.map((f) => f ?? null) : [])),
        merges: s.merges.map((m) => `${cellAddress(m.top, m.left)}:${cellAddress(m.bottom, m.right)}`),
      }),
    ),
  };
}

/** A fake Excel holding the snapshot's workbook. */
export function fakeFromSnapshot(snapshot: WorkbookSnapshot, limits?: Partial<FakeLimits>): FakeExcel {
  return createFakeExcel(dataFromSnapshot(snapshot), limits);
}

export { splitAreas, FakeOfficeError as OfficeError };
