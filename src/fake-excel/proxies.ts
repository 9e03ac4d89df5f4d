// Request-batching proxies of the fake Excel: every call is queued until context.sync(), unloaded reads throw, limits are enforced per request.
import { Rect, cellAddress, cellKey, keyCol, keyRow, parseRect, quoteSheet, rectAddress, splitAreas, utf8Length } from '../excel/address';
import { FakeFill, FakeOfficeError, FakeValue, FakeVisibility, SheetState, WorkbookState, normalizeColor, rootNamespace } from './model';

export interface FakeLimits {
  /** Largest request (queued calls + their results) in bytes; Excel on the web refuses more than 5 MB. */
  maxRequestBytes: number;
  /** Longest address string accepted by getRange/getRanges and friends. */
  maxAddressLength: number;
  /** Highest ExcelApi minor version the fake host supports (18 = ExcelApi 1.18). */
  excelApiMinor: number;
  /** Office display language reported by the Office-ish helper. */
  displayLanguage: string;
  /**
   * Workbook.use1904DateSystem is available. It is in no released requirement set (ExcelApi BETA in the reference
   * docs), so a host may lack it whatever its ExcelApi version: false makes loading it fail as such a host would.
   */
  dateSystemApi: boolean;
}

export const DEFAULT_LIMITS: FakeLimits = {
  maxRequestBytes: 5 * 1024 * 1024,
  maxAddressLength: 8192,
  excelApiMinor: 18,
  displayLanguage: 'zh-CN',
  dateSystemApi: true,
};

export interface RequestStat {
  bytes: number;
  ops: number;
  screenUpdatingSuspended: boolean;
  calculationSuspended: boolean;
  /** True when the request changed the workbook. */
  wrote: boolean;
}

export interface FakeStats {
  syncs: number;
  requests: RequestStat[];
  largestRequestBytes: number;
  longestAddress: number;
}

export interface InjectedFailure {
  /** 1-based sync number (as counted in stats.syncs) that fails. */
  atSync: number;
  /** How many of that request's calls run before the failure (default: half of them). */
  afterOps?: number;
}

interface Op {
  describe: unknown;
  exec: () => unknown;
  /** Called after the whole request succeeded, with exec's result (used to fill loaded properties). */
  commit?: (result: unknown) => void;
  write: boolean;
}

export interface ChangedEvent {
  type: 'WorksheetChanged';
  worksheetId: string;
  address: string;
  changeType: 'RangeEdited';
  source: 'Local';
  triggerSource?: 'Unknown' | 'ThisLocalAddin';
}

type Handler = (e: ChangedEvent) => unknown;

/** Shared engine of one fake host: state, limits, stats, event handlers. */
export class FakeHost {
  stats: FakeStats = { syncs: 0, requests: [], largestRequestBytes: 0, longestAddress: 0 };
  failure: InjectedFailure | null = null;
  handlers = new Map<string, Set<Handler>>(); // sheetId or '*' → handlers
  private pendingEvents: Promise<void>[] = [];

  constructor(public state: WorkbookState, public limits: FakeLimits) {}

  supports(minor: number): boolean {
    return minor <= this.limits.excelApiMinor;
  }

  require(minor: number, api: string): void {
    if (!this.supports(minor)) {
      throw new FakeOfficeError('ApiNotFound', `${api} needs ExcelApi 1.${minor}; this host supports 1.${this.limits.excelApiMinor}.`);
    }
  }

  checkAddress(address: string): void {
    if (address.length > this.stats.longestAddress) this.stats.longestAddress = address.length;
    if (address.length > this.limits.maxAddressLength) {
      throw new FakeOfficeError('InvalidArgument', `The address is ${address.length} characters long; the limit is ${this.limits.maxAddressLength}.`);
    }
  }

  emit(sheetId: string, rect: Rect, fromAddin: boolean): void {
    const e: ChangedEvent = {
      type: 'WorksheetChanged',
      worksheetId: sheetId,
      address: rectAddress(rect),
      changeType: 'RangeEdited',
      source: 'Local',
    };
    if (this.supports(14)) e.triggerSource = fromAddin ? 'ThisLocalAddin' : 'Unknown';
    const targets = [...(this.handlers.get(sheetId) ?? []), ...(this.handlers.get('*') ?? [])];
    if (!targets.length) return;
    // Real Excel raises events asynchronously, after the request that caused them has returned.
    this.pendingEvents.push(
      new Promise<void>((resolve) => setTimeout(resolve, 0)).then(async () => {
        for (const h of targets) await h(e);
      }),
    );
  }

  async flushEvents(): Promise<void> {
    while (this.pendingEvents.length) {
      const p = this.pendingEvents;
      this.pendingEvents = [];
      await Promise.all(p);
    }
  }
}

function propertyNotLoaded(cls: string, prop: string): FakeOfficeError {
  return new FakeOfficeError(
    'PropertyNotLoaded',
    `The property '${prop}' of ${cls} is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

/** Names requested by load(): 'a, b', ['a'], { select: 'a,b' } or { a: true }. */
function loadNames(arg: unknown): string[] | null {
  if (arg === undefined || arg === null) return null;
  if (typeof arg === 'string') return arg.split(',').map((s) => s.trim()).filter(Boolean);
  if (Array.isArray(arg)) return arg.flatMap((a) => loadNames(a) ?? []);
  if (typeof arg === 'object') {
    const o = arg as Record<string, unknown>;
    if (typeof o.select === 'string') return loadNames(o.select);
    return Object.keys(o).filter((k) => o[k]);
  }
  return null;
}

export class FakeContext {
  ops: Op[] = [];
  private journal: (() => void)[] = [];
  private events: { sheetId: string; rect: Rect }[] = [];
  private suspendScreen = false;
  private suspendCalc = false;
  readonly workbook: FakeWorkbook;

  constructor(public host: FakeHost) {
    this.workbook = new FakeWorkbook(this);
  }

  get application(): FakeApplication {
    return this.workbook.application;
  }

  enqueue(op: Op): void {
    this.ops.push(op);
  }

  /** Records an undo step so a refused request leaves the workbook as it was. */
  undo(fn: () => void): void {
    this.journal.push(fn);
  }

  markScreen(): void {
    this.suspendScreen = true;
  }

  markCalc(): void {
    this.suspendCalc = true;
  }

  changed(sheetId: string, rect: Rect): void {
    this.events.push({ sheetId, rect });
  }

  async sync(): Promise<void> {
    const ops = this.ops;
    this.ops = [];
    this.journal = [];
    this.events = [];
    this.suspendScreen = false;
    this.suspendCalc = false;
    const host = this.host;
    host.stats.syncs++;
    const syncNo = host.stats.syncs;
    await Promise.resolve();
    let bytes = 0;
    for (const op of ops) bytes += utf8Length(JSON.stringify(op.describe));
    const limit = host.limits.maxRequestBytes;
    if (bytes > limit) {
      throw new FakeOfficeError('RequestPayloadSizeLimitExceeded', `The request payload (${bytes} bytes) exceeds the ${limit}-byte limit.`);
    }
    const failure = host.failure && host.failure.atSync === syncNo ? host.failure : null;
    const failAt = failure ? Math.min(ops.length, failure.afterOps ?? Math.floor(ops.length / 2)) : -1;
    const results: unknown[] = new Array(ops.length);
    let wrote = false;
    for (let i = 0; i < ops.length; i++) {
      if (i === failAt) {
        host.failure = null;
        this.raiseEvents();
        throw new FakeOfficeError('GeneralException', `Injected failure on sync ${syncNo} after ${failAt} of ${ops.length} calls.`);
      }
      // A call that throws here leaves the earlier calls applied, as in Office.js (requests are not transactions).
      try {
        results[i] = ops[i].exec();
      } catch (e) {
        this.raiseEvents();
        throw e;
      }
      if (ops[i].write) wrote = true;
      if (results[i] !== undefined) bytes += utf8Length(JSON.stringify(results[i]));
      if (bytes > limit) {
        for (let j = this.journal.length - 1; j >= 0; j--) this.journal[j]();
        this.journal = [];
        throw new FakeOfficeError('RequestPayloadSizeLimitExceeded', `The response payload exceeds the ${limit}-byte limit.`);
      }
    }
    if (failure && failAt === ops.length) {
      host.failure = null;
      this.raiseEvents();
      throw new FakeOfficeError('GeneralException', `Injected failure on sync ${syncNo} after all ${ops.length} calls.`);
    }
    for (let i = 0; i < ops.length; i++) ops[i].commit?.(results[i]);
    host.stats.requests.push({ bytes, ops: ops.length, screenUpdatingSuspended: this.suspendScreen, calculationSuspended: this.suspendCalc, wrote });
    if (bytes > host.stats.largestRequestBytes) host.stats.largestRequestBytes = bytes;
    this.raiseEvents();
  }

  private raiseEvents(): void {
    for (const e of this.events) this.host.emit(e.sheetId, e.rect, true);
    this.events = [];
  }

  trackedObjects = { add(): void {}, remove(): void {} };
}

/** Base of every proxy: loaded-property store and load(). */
abstract class Proxy {
  protected loaded = new Map<string, unknown>();
  constructor(public context: FakeContext) {}

  protected abstract className: string;
  /** Default properties load() fetches when given no names. */
  protected abstract scalarProps: string[];
  /** Reads the live values of the named properties at request time (null object → isNullObject only). */
  protected abstract readProps(names: string[]): Record<string, unknown>;

  protected get<T>(prop: string): T {
    if (!this.loaded.has(prop)) throw propertyNotLoaded(this.className, prop);
    return this.loaded.get(prop) as T;
  }

  get isNullObject(): boolean {
    return this.get<boolean>('isNullObject');
  }

  load(arg?: unknown): this {
    const names = loadNames(arg) ?? this.scalarProps;
    for (const n of names) if (!this.scalarProps.includes(n) && n !== 'isNullObject') {
      throw new FakeOfficeError('InvalidArgument', `The fake ${this.className} has no loadable property '${n}'.`);
    }
    this.context.enqueue({
      describe: { load: this.className, names },
      write: false,
      exec: () => this.readProps(names),
      commit: (r) => {
        for (const [k, v] of Object.entries(r as Record<string, unknown>)) this.loaded.set(k, v);
      },
    });
    return this;
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.loaded);
  }

  track(): this {
    return this;
  }

  untrack(): this {
    return this;
  }
}

/** A value known only after sync (OfficeExtension.ClientResult). */
export class FakeClientResult<T> {
  private has = false;
  private v: T | undefined;
  set(v: T): void {
    this.v = v;
    this.has = true;
  }
  get value(): T {
    if (!this.has) throw new FakeOfficeError('PropertyNotLoaded', 'The value of the result object has not been loaded yet. Before reading the value property, call "context.sync()" on the associated request context.');
    return this.v as T;
  }
}

function result<T>(ctx: FakeContext, describe: unknown, exec: () => T): FakeClientResult<T> {
  const res = new FakeClientResult<T>();
  ctx.enqueue({ describe, write: false, exec, commit: (r) => res.set(r as T) });
  return res;
}

function write(ctx: FakeContext, describe: unknown, exec: () => void): void {
  ctx.enqueue({ describe, write: true, exec: () => { exec(); return undefined; } });
}

/** Collection proxies: items hold proxies created at commit with the requested item properties. */
abstract class CollectionProxy<T extends Proxy> extends Proxy {
  protected scalarProps: string[] = [];
  protected abstract itemProps: string[];
  /** Live list of the items' keys at request time. */
  protected abstract liveKeys(): string[];
  protected abstract makeItem(key: string): T;
  protected abstract readItem(key: string, names: string[]): Record<string, unknown>;

  get items(): T[] {
    return this.get<T[]>('items');
  }

  protected readProps(): Record<string, unknown> {
    return {};
  }

  override load(arg?: unknown): this {
    const raw = loadNames(arg);
    let names: string[] = [];
    if (raw === null || raw.includes('items')) names = this.itemProps;
    else names = raw.map((n) => (n.startsWith('items/') ? n.slice(6) : n));
    for (const n of names) if (!this.itemProps.includes(n)) {
      throw new FakeOfficeError('InvalidArgument', `The fake ${this.className} items have no loadable property '${n}'.`);
    }
    this.context.enqueue({
      describe: { load: this.className, names },
      write: false,
      exec: () => this.liveKeys().map((k) => ({ key: k, props: this.readItem(k, names) })),
      commit: (r) => {
        const items = (r as { key: string; props: Record<string, unknown> }[]).map(({ key, props }) => {
          const item = this.makeItem(key);
          (item as unknown as { setLoaded(p: Record<string, unknown>): void }).setLoaded(props);
          return item;
        });
        this.loaded.set('items', items);
      },
    });
    return this;
  }

  getCount(): FakeClientResult<number> {
    return result(this.context, { call: `${this.className}.getCount` }, () => this.liveKeys().length);
  }
}

function setLoadedMixin(p: Proxy, props: Record<string, unknown>): void {
  const m = (p as unknown as { loaded: Map<string, unknown> }).loaded;
  for (const [k, v] of Object.entries(props)) m.set(k, v);
  m.set('isNullObject', false);
}

// ───────────────────────────── Workbook ─────────────────────────────

export class FakeWorkbook extends Proxy {
  protected className = 'Workbook';
  protected scalarProps = ['name', 'use1904DateSystem'];
  readonly worksheets: FakeWorksheetCollection;
  readonly application: FakeApplication;
  readonly customXmlParts: FakeCustomXmlPartCollection;
  readonly settings: FakeSettingCollection;

  constructor(ctx: FakeContext) {
    super(ctx);
    this.worksheets = new FakeWorksheetCollection(ctx);
    this.application = new FakeApplication(ctx);
    this.customXmlParts = new FakeCustomXmlPartCollection(ctx, null);
    this.settings = new FakeSettingCollection(ctx);
  }

  get name(): string {
    return this.get('name');
  }

  get use1904DateSystem(): boolean {
    return this.get('use1904DateSystem');
  }

  get notes(): FakeNoteCollection {
    return new FakeNoteCollection(this.context);
  }

  get comments(): FakeCommentCollection {
    return new FakeCommentCollection(this.context);
  }

  protected readProps(names: string[]): Record<string, unknown> {
    if (names.includes('name')) this.context.host.require(7, 'Workbook.name');
    const out: Record<string, unknown> = { name: this.context.host.state.name, isNullObject: false };
    if (names.includes('use1904DateSystem')) {
      if (!this.context.host.limits.dateSystemApi) {
        throw new FakeOfficeError('ApiNotFound', 'Workbook.use1904DateSystem is not available on this host (ExcelApi BETA).');
      }
      out.use1904DateSystem = this.context.host.state.date1904;
    }
    return out;
  }

  getSelectedRange(): FakeRange {
    const host = this.context.host;
    return new FakeRange(this.context, () => {
      const sel = host.state.selection;
      return { sheet: host.state.sheetById(sel.sheetId)!, rect: sel.rect };
    });
  }

  getActiveCell(): FakeRange {
    const host = this.context.host;
    return new FakeRange(this.context, () => {
      host.require(7, 'Workbook.getActiveCell');
      const sel = host.state.selection;
      return { sheet: host.state.sheetById(sel.sheetId)!, rect: { top: sel.rect.top, left: sel.rect.left, bottom: sel.rect.top, right: sel.rect.left } };
    });
  }
}

export class FakeApplication extends Proxy {
  protected className = 'Application';
  protected scalarProps = ['calculationMode'];
  get calculationMode(): string {
    return this.get('calculationMode');
  }
  protected readProps(): Record<string, unknown> {
    return { calculationMode: 'Automatic', isNullObject: false };
  }
  suspendScreenUpdatingUntilNextSync(): void {
    const ctx = this.context;
    ctx.enqueue({ describe: { call: 'suspendScreenUpdatingUntilNextSync' }, write: false, exec: () => { ctx.host.require(9, 'Application.suspendScreenUpdatingUntilNextSync'); ctx.markScreen(); } });
  }
  suspendApiCalculationUntilNextSync(): void {
    const ctx = this.context;
    ctx.enqueue({ describe: { call: 'suspendApiCalculationUntilNextSync' }, write: false, exec: () => { ctx.host.require(6, 'Application.suspendApiCalculationUntilNextSync'); ctx.markCalc(); } });
  }
}

// ───────────────────────────── Worksheets ─────────────────────────────

type SheetResolver = () => SheetState | null;

export class FakeEventHandlers {
  constructor(private ctx: FakeContext, private scope: () => string, private minor: number, private api: string) {}
  add(handler: Handler): FakeEventHandlerResult {
    const host = this.ctx.host;
    const res = new FakeEventHandlerResult(this.ctx);
    this.ctx.enqueue({
      describe: { call: `${this.api}.add` },
      write: false,
      exec: () => {
        host.require(this.minor, this.api);
        const key = this.scope();
        let set = host.handlers.get(key);
        if (!set) host.handlers.set(key, (set = new Set()));
        set.add(handler);
        res.bind(key, handler);
      },
    });
    return res;
  }
}

export class FakeEventHandlerResult {
  private key = '';
  private handler: Handler | null = null;
  constructor(public context: FakeContext) {}
  bind(key: string, h: Handler): void {
    this.key = key;
    this.handler = h;
  }
  remove(): void {
    const host = this.context.host;
    this.context.enqueue({
      describe: { call: 'EventHandlerResult.remove' },
      write: false,
      exec: () => {
        if (this.handler) host.handlers.get(this.key)?.delete(this.handler);
      },
    });
  }
}

export class FakeWorksheetCollection extends CollectionProxy<FakeWorksheet> {
  protected className = 'WorksheetCollection';
  protected itemProps = ['name', 'id', 'position', 'visibility'];

  protected liveKeys(): string[] {
    return this.context.host.state.sheets.map((s) => s.id);
  }
  protected makeItem(id: string): FakeWorksheet {
    const st = this.context.host.state;
    return new FakeWorksheet(this.context, () => st.sheetById(id) ?? null, true);
  }
  protected readItem(id: string, names: string[]): Record<string, unknown> {
    return sheetProps(this.context.host.state, this.context.host.state.sheetById(id)!, names);
  }

  getItem(name: string): FakeWorksheet {
    const st = this.context.host.state;
    return new FakeWorksheet(this.context, () => {
      const s = st.sheetByName(name) ?? st.sheetById(name);
      if (!s) throw new FakeOfficeError('ItemNotFound', `The worksheet '${name}' does not exist.`);
      return s;
    }, true);
  }

  getItemOrNullObject(name: string): FakeWorksheet {
    const st = this.context.host.state;
    return new FakeWorksheet(this.context, () => st.sheetByName(name) ?? st.sheetById(name) ?? null, false);
  }

  /** Adds a sheet at the end, as Excel does; a name already used (any case) or not allowed is refused at sync. */
  add(name?: string): FakeWorksheet {
    const ctx = this.context;
    const st = ctx.host.state;
    let id: string | null = null;
    write(ctx, { call: 'WorksheetCollection.add', name }, () => {
      let n = name;
      if (n === undefined) for (let i = st.sheets.length + 1; n === undefined || st.sheetByName(n); i++) n = `Sheet${i}`;
      if (!n || n.length > 31 || /[[\]:*?/\\]/.test(n) || n.startsWith("'") || n.endsWith("'")) {
        throw new FakeOfficeError('InvalidArgument', `The sheet name '${n}' is not valid.`);
      }
      if (st.sheetByName(n)) throw new FakeOfficeError('ItemAlreadyExists', `A sheet named '${n}' already exists.`);
      const sheet = new SheetState(st.newId('sheet'), n);
      st.sheets.push(sheet);
      id = sheet.id;
      ctx.undo(() => { st.sheets = st.sheets.filter((x) => x !== sheet); });
    });
    return new FakeWorksheet(ctx, () => (id === null ? null : st.sheetById(id) ?? null), true);
  }

  getActiveWorksheet(): FakeWorksheet {
    const st = this.context.host.state;
    return new FakeWorksheet(this.context, () => st.sheetById(st.activeSheetId)!, true);
  }

  get onChanged(): FakeEventHandlers {
    return new FakeEventHandlers(this.context, () => '*', 9, 'WorksheetCollection.onChanged');
  }
}

function sheetProps(st: WorkbookState, s: SheetState, names: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const n of names) {
    if (n === 'name') out.name = s.name;
    else if (n === 'id') out.id = s.id;
    else if (n === 'position') out.position = st.sheets.indexOf(s);
    else if (n === 'visibility') out.visibility = s.visibility;
  }
  return out;
}

export class FakeWorksheet extends Proxy {
  protected className = 'Worksheet';
  protected scalarProps = ['name', 'id', 'position', 'visibility'];

  constructor(ctx: FakeContext, private resolveSheet: SheetResolver, private mustExist: boolean) {
    super(ctx);
  }

  setLoaded(p: Record<string, unknown>): void {
    setLoadedMixin(this, p);
  }

  /** The sheet at request time; throws for a missing sheet unless this is a null object. */
  sheet(): SheetState {
    const s = this.resolveSheet();
    if (!s) throw new FakeOfficeError('ItemNotFound', 'The worksheet does not exist.');
    return s;
  }

  get name(): string {
    return this.get('name');
  }
  /** Renames the sheet; a name another sheet has (any case) or Excel does not allow is refused. */
  set name(n: string) {
    const ctx = this.context;
    write(ctx, { set: 'Worksheet.name', name: n }, () => {
      const st = ctx.host.state;
      const s = this.sheet();
      const other = st.sheetByName(n);
      if (!n || n.length > 31 || /[[\]:*?/\\]/.test(n) || (other && other !== s)) {
        throw new FakeOfficeError('InvalidArgument', `The sheet name '${n}' is not valid or is already used.`);
      }
      const prev = s.name;
      ctx.undo(() => { s.name = prev; });
      s.name = n;
    });
  }
  get id(): string {
    return this.get('id');
  }
  get position(): number {
    return this.get('position');
  }
  get visibility(): FakeVisibility {
    return this.get('visibility');
  }
  /** Like Excel, the last visible sheet cannot be hidden; hiding the active sheet activates the first visible one. */
  set visibility(v: FakeVisibility) {
    const ctx = this.context;
    write(ctx, { set: 'Worksheet.visibility', visibility: v }, () => {
      if (v !== 'Visible' && v !== 'Hidden' && v !== 'VeryHidden') throw new FakeOfficeError('InvalidArgument', `Bad visibility '${String(v)}'.`);
      const st = ctx.host.state;
      const s = this.sheet();
      if (v !== 'Visible' && !st.sheets.some((x) => x !== s && x.visibility === 'Visible')) {
        throw new FakeOfficeError('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
      }
      const prev = s.visibility, prevActive = st.activeSheetId, prevSel = st.selection;
      ctx.undo(() => { s.visibility = prev; st.activeSheetId = prevActive; st.selection = prevSel; });
      s.visibility = v;
      if (v !== 'Visible' && st.activeSheetId === s.id) activateFirstVisible(st);
    });
  }

  /** Deletes the sheet; the last visible one cannot be deleted. */
  delete(): void {
    const ctx = this.context;
    write(ctx, { call: 'Worksheet.delete' }, () => {
      const st = ctx.host.state;
      const s = this.sheet();
      if (s.visibility === 'Visible' && !st.sheets.some((x) => x !== s && x.visibility === 'Visible')) {
        throw new FakeOfficeError('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
      }
      const before = st.sheets, prevActive = st.activeSheetId, prevSel = st.selection;
      ctx.undo(() => { st.sheets = before; st.activeSheetId = prevActive; st.selection = prevSel; });
      st.sheets = st.sheets.filter((x) => x !== s);
      if (st.activeSheetId === s.id) activateFirstVisible(st);
    });
  }

  protected readProps(names: string[]): Record<string, unknown> {
    const s = this.mustExist ? this.sheet() : this.resolveSheet();
    if (!s) return { isNullObject: true, ...Object.fromEntries(names.map((n) => [n, null])) };
    return { isNullObject: false, ...sheetProps(this.context.host.state, s, names) };
  }

  getRange(address?: string): FakeRange {
    const host = this.context.host;
    return new FakeRange(this.context, () => {
      const sheet = this.sheet();
      if (address === undefined) return { sheet, rect: { top: 0, left: 0, bottom: 1048575, right: 16383 } };
      host.checkAddress(address);
      const rect = parseRect(address);
      if (!rect) throw new FakeOfficeError('InvalidArgument', `The address '${address}' is not valid.`);
      return { sheet, rect };
    }, { call: 'getRange', address });
  }

  getRangeByIndexes(row: number, col: number, rows: number, cols: number): FakeRange {
    const host = this.context.host;
    return new FakeRange(this.context, () => {
      host.require(7, 'Worksheet.getRangeByIndexes');
      if (rows < 1 || cols < 1 || row < 0 || col < 0) throw new FakeOfficeError('InvalidArgument', 'Bad indexes.');
      return { sheet: this.sheet(), rect: { top: row, left: col, bottom: row + rows - 1, right: col + cols - 1 } };
    }, { call: 'getRangeByIndexes', row, col, rows, cols });
  }

  getRanges(address: string): FakeRangeAreas {
    const host = this.context.host;
    return new FakeRangeAreas(this.context, () => {
      host.require(9, 'Worksheet.getRanges');
      host.checkAddress(address);
      const sheet = this.sheet();
      const rects = address.split(',').map((a) => {
        const r = parseRect(a.trim());
        if (!r) throw new FakeOfficeError('InvalidArgument', `The address '${a}' is not valid.`);
        return r;
      });
      return { sheet, rects };
    }, { call: 'getRanges', address });
  }

  getUsedRange(valuesOnly?: boolean): FakeRange {
    return new FakeRange(this.context, () => {
      const sheet = this.sheet();
      return { sheet, rect: sheet.usedRect(!!valuesOnly) ?? { top: 0, left: 0, bottom: 0, right: 0 } };
    });
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    const host = this.context.host;
    return new FakeRange(this.context, () => {
      host.require(4, 'Worksheet.getUsedRangeOrNullObject');
      const sheet = this.sheet();
      const rect = sheet.usedRect(!!valuesOnly);
      return rect ? { sheet, rect } : null;
    });
  }

  activate(): void {
    const ctx = this.context;
    write(ctx, { call: 'Worksheet.activate' }, () => {
      const st = ctx.host.state;
      const s = this.sheet();
      const prevActive = st.activeSheetId, prevSel = st.selection;
      ctx.undo(() => { st.activeSheetId = prevActive; st.selection = prevSel; });
      st.activeSheetId = s.id;
      if (st.selection.sheetId !== s.id) st.selection = { sheetId: s.id, rect: { top: 0, left: 0, bottom: 0, right: 0 } };
    });
  }

  get onChanged(): FakeEventHandlers {
    return new FakeEventHandlers(this.context, () => this.sheet().id, 7, 'Worksheet.onChanged');
  }
}

function activateFirstVisible(st: WorkbookState): void {
  const first = st.sheets.find((x) => x.visibility === 'Visible') ?? st.sheets[0];
  st.activeSheetId = first.id;
  st.selection = { sheetId: first.id, rect: { top: 0, left: 0, bottom: 0, right: 0 } };
}

// ───────────────────────────── Ranges ─────────────────────────────

type RangeTarget = { sheet: SheetState; rect: Rect } | null;

const RANGE_PROPS = ['address', 'addressLocal', 'values', 'numberFormat', 'valueTypes', 'rowIndex', 'columnIndex', 'rowCount', 'columnCount', 'cellCount'];

function excelValueType(v: FakeValue): string {
  if (v === '') return 'Empty';
  if (typeof v === 'number') return 'Double';
  if (typeof v === 'boolean') return 'Boolean';
  return /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|SPILL!|CALC!|GETTING_DATA)$/.test(v) ? 'Error' : 'String';
}

function qualified(sheet: SheetState, rect: Rect): string {
  return quoteSheet(sheet.name) + '!' + rectAddress(rect);
}

function grid<T>(rect: Rect, f: (r: number, c: number) => T): T[][] {
  const out: T[][] = new Array(rect.bottom - rect.top + 1);
  for (let r = rect.top; r <= rect.bottom; r++) {
    const row: T[] = new Array(rect.right - rect.left + 1);
    for (let c = rect.left; c <= rect.right; c++) row[c - rect.left] = f(r, c);
    out[r - rect.top] = row;
  }
  return out;
}

/** Applies a 2-D input (or one value for every cell) to a rect, checking the dimensions like Excel. */
function forEachInput<T>(rect: Rect, input: T | T[][], f: (r: number, c: number, v: T) => void): void {
  const rows = rect.bottom - rect.top + 1, cols = rect.right - rect.left + 1;
  if (Array.isArray(input)) {
    if (input.length !== rows || input.some((row) => !Array.isArray(row) || row.length !== cols)) {
      throw new FakeOfficeError('InvalidArgument', `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${rows}×${cols}).`);
    }
    for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) f(rect.top + r, rect.left + c, input[r][c]);
  } else {
    for (let r = rect.top; r <= rect.bottom; r++) for (let c = rect.left; c <= rect.right; c++) f(r, c, input);
  }
}

/** What Excel stores for a typed value: leading apostrophe forces text; numeric text becomes a number unless the cell is Text (@). */
function storedValue(v: unknown, format: string): FakeValue {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  const s = String(v);
  if (s.startsWith("'")) return s.slice(1);
  if (format !== '@' && /^-?\d+(\.\d+)?$/.test(s)) return Number(s);
  return s;
}

export class FakeRange extends Proxy {
  protected className = 'Range';
  protected scalarProps = RANGE_PROPS;
  readonly format: FakeRangeFormat;

  constructor(ctx: FakeContext, private resolver: () => RangeTarget, private describeCall?: unknown) {
    super(ctx);
    this.format = new FakeRangeFormat(ctx, () => {
      const t = this.target();
      return { sheet: t.sheet, rects: [t.rect] };
    });
    // Creating a range by address is itself a call that Excel validates (and that travels in the request).
    if (describeCall) ctx.enqueue({ describe: describeCall, write: false, exec: () => { this.resolver(); return undefined; } });
  }

  setLoaded(p: Record<string, unknown>): void {
    setLoadedMixin(this, p);
  }

  target(): { sheet: SheetState; rect: Rect } {
    const t = this.resolver();
    if (!t) throw new FakeOfficeError('InvalidReference', 'The range is a null object.');
    return t;
  }

  get address(): string { return this.get('address'); }
  get addressLocal(): string { return this.get('addressLocal'); }
  get values(): unknown[][] { return this.get('values'); }
  set values(v: unknown[][]) { this.setValues(v); }
  get numberFormat(): string[][] { return this.get('numberFormat'); }
  set numberFormat(v: string[][]) { this.setFormats(v); }
  get valueTypes(): string[][] { return this.get('valueTypes'); }
  get rowIndex(): number { return this.get('rowIndex'); }
  get columnIndex(): number { return this.get('columnIndex'); }
  get rowCount(): number { return this.get('rowCount'); }
  get columnCount(): number { return this.get('columnCount'); }
  get cellCount(): number { return this.get('cellCount'); }

  protected readProps(names: string[]): Record<string, unknown> {
    const t = this.resolver();
    if (!t) return { isNullObject: true, ...Object.fromEntries(names.map((n) => [n, null])) };
    const { sheet, rect } = t;
    const out: Record<string, unknown> = { isNullObject: false };
    for (const n of names) {
      switch (n) {
        case 'address':
        case 'addressLocal':
          out[n] = qualified(sheet, rect);
          break;
        case 'values':
          out.values = grid(rect, (r, c) => sheet.getValue(r, c));
          break;
        case 'numberFormat':
          out.numberFormat = grid(rect, (r, c) => sheet.getFormat(r, c));
          break;
        case 'valueTypes':
          out.valueTypes = grid(rect, (r, c) => excelValueType(sheet.getValue(r, c)));
          break;
        case 'rowIndex': out.rowIndex = rect.top; break;
        case 'columnIndex': out.columnIndex = rect.left; break;
        case 'rowCount': out.rowCount = rect.bottom - rect.top + 1; break;
        case 'columnCount': out.columnCount = rect.right - rect.left + 1; break;
        case 'cellCount': out.cellCount = (rect.bottom - rect.top + 1) * (rect.right - rect.left + 1); break;
      }
    }
    return out;
  }

  private setValues(input: unknown[][]): void {
    const ctx = this.context;
    write(ctx, { set: 'Range.values', values: input }, () => {
      const { sheet, rect } = this.target();
      forEachInput(rect, input as unknown, (r, c, v) => {
        const old = sheet.getValue(r, c);
        ctx.undo(() => sheet.setValue(r, c, old));
        sheet.setValue(r, c, storedValue(v, sheet.getFormat(r, c)));
      });
      ctx.changed(sheet.id, rect);
    });
  }

  private setFormats(input: string[][]): void {
    const ctx = this.context;
    write(ctx, { set: 'Range.numberFormat', numberFormat: input }, () => {
      const { sheet, rect } = this.target();
      forEachInput(rect, input as unknown, (r, c, v) => {
        const old = sheet.getFormat(r, c);
        ctx.undo(() => sheet.setFormat(r, c, old));
        sheet.setFormat(r, c, v === null || v === undefined || v === '' ? 'General' : String(v));
      });
    });
  }

  getCell(row: number, col: number): FakeRange {
    return new FakeRange(this.context, () => {
      const { sheet, rect } = this.target();
      return { sheet, rect: { top: rect.top + row, left: rect.left + col, bottom: rect.top + row, right: rect.left + col } };
    });
  }

  getCellProperties(opts: { format?: { fill?: { color?: boolean; pattern?: boolean } } }): FakeClientResult<unknown[][]> {
    const host = this.context.host;
    const wantColor = !!opts.format?.fill?.color, wantPattern = !!opts.format?.fill?.pattern;
    return result(this.context, { call: 'Range.getCellProperties', opts }, () => {
      host.require(9, 'Range.getCellProperties');
      const { sheet, rect } = this.target();
      return grid(rect, (r, c) => {
        const f = sheet.getFill(r, c);
        const fill: Record<string, string> = {};
        // Excel reports a cell without fill as white with pattern None.
        if (wantColor) fill.color = f ? f.color : '#FFFFFF';
        if (wantPattern) fill.pattern = f ? f.pattern : 'None';
        return { format: { fill } };
      });
    });
  }

  getMergedAreasOrNullObject(): FakeRangeAreas {
    const host = this.context.host;
    return new FakeRangeAreas(this.context, () => {
      host.require(13, 'Range.getMergedAreasOrNullObject');
      const { sheet, rect } = this.target();
      // Like Excel: the merged areas whose top-left cell lies in the range.
      const rects = sheet.merges.filter((m) => m.top >= rect.top && m.top <= rect.bottom && m.left >= rect.left && m.left <= rect.right);
      return rects.length ? { sheet, rects } : null;
    });
  }

  select(): void {
    const ctx = this.context;
    write(ctx, { call: 'Range.select' }, () => {
      const st = ctx.host.state;
      const { sheet, rect } = this.target();
      if (st.activeSheetId !== sheet.id) throw new FakeOfficeError('InvalidSelection', 'Cannot select a range on a sheet that is not active; activate the sheet first.');
      const prev = st.selection;
      ctx.undo(() => { st.selection = prev; });
      st.selection = { sheetId: sheet.id, rect };
    });
  }

  clear(): void {
    const ctx = this.context;
    write(ctx, { call: 'Range.clear' }, () => {
      const { sheet, rect } = this.target();
      for (let r = rect.top; r <= rect.bottom; r++) for (let c = rect.left; c <= rect.right; c++) {
        const v = sheet.getValue(r, c), f = sheet.getFormat(r, c), fill = sheet.getFill(r, c);
        ctx.undo(() => { sheet.setValue(r, c, v); sheet.setFormat(r, c, f); sheet.setFill(r, c, fill); });
        sheet.setValue(r, c, '');
        sheet.setFormat(r, c, 'General');
        sheet.setFill(r, c, undefined);
      }
      ctx.changed(sheet.id, rect);
    });
  }
}

type AreasTarget = { sheet: SheetState; rects: Rect[] } | null;

export class FakeRangeAreas extends Proxy {
  protected className = 'RangeAreas';
  protected scalarProps = ['address', 'areaCount', 'cellCount'];
  readonly format: FakeRangeFormat;

  constructor(ctx: FakeContext, private resolver: () => AreasTarget, describeCall?: unknown) {
    super(ctx);
    this.format = new FakeRangeFormat(ctx, () => this.target());
    if (describeCall) ctx.enqueue({ describe: describeCall, write: false, exec: () => { this.resolver(); return undefined; } });
  }

  target(): { sheet: SheetState; rects: Rect[] } {
    const t = this.resolver();
    if (!t) throw new FakeOfficeError('InvalidReference', 'The range areas object is a null object.');
    return t;
  }

  get address(): string { return this.get('address'); }
  get areaCount(): number { return this.get('areaCount'); }
  get cellCount(): number { return this.get('cellCount'); }

  protected readProps(names: string[]): Record<string, unknown> {
    const t = this.resolver();
    if (!t) return { isNullObject: true, ...Object.fromEntries(names.map((n) => [n, null])) };
    const out: Record<string, unknown> = { isNullObject: false };
    if (names.includes('address')) out.address = t.rects.map((r) => qualified(t.sheet, r)).join(',');
    if (names.includes('areaCount')) out.areaCount = t.rects.length;
    if (names.includes('cellCount')) out.cellCount = t.rects.reduce((n, r) => n + (r.bottom - r.top + 1) * (r.right - r.left + 1), 0);
    return out;
  }
}

export class FakeRangeFormat {
  readonly fill: FakeRangeFill;
  readonly font: FakeRangeFont;
  constructor(private ctx: FakeContext, private target: () => { sheet: SheetState; rects: Rect[] }) {
    this.fill = new FakeRangeFill(ctx, target);
    this.font = new FakeRangeFont(ctx, target);
  }

  get wrapText(): boolean {
    throw propertyNotLoaded('RangeFormat', 'wrapText');
  }
  set wrapText(v: boolean) {
    write(this.ctx, { set: 'RangeFormat.wrapText', wrapText: v }, () => {
      const { sheet, rects } = this.target();
      for (const rect of rects) for (let r = rect.top; r <= rect.bottom; r++) for (let c = rect.left; c <= rect.right; c++) {
        const k = cellKey(r, c), had = sheet.wrap.has(k);
        this.ctx.undo(() => (had ? sheet.wrap.add(k) : sheet.wrap.delete(k)));
        if (v) sheet.wrap.add(k);
        else sheet.wrap.delete(k);
      }
    });
  }

  get columnWidth(): number {
    throw propertyNotLoaded('RangeFormat', 'columnWidth');
  }
  /** Width in points of every column of the range. */
  set columnWidth(w: number) {
    write(this.ctx, { set: 'RangeFormat.columnWidth', columnWidth: w }, () => {
      if (typeof w !== 'number' || !(w >= 0) || w > 255 * 7.5) throw new FakeOfficeError('InvalidArgument', `Bad column width ${String(w)}.`);
      const { sheet, rects } = this.target();
      for (const rect of rects) for (let c = rect.left; c <= rect.right; c++) {
        const old = sheet.columnWidths.get(c);
        this.ctx.undo(() => (old === undefined ? sheet.columnWidths.delete(c) : sheet.columnWidths.set(c, old)));
        sheet.columnWidths.set(c, w);
      }
    });
  }
}

/** Font of a Range or RangeAreas: bold only, write-only (the add-in never reads fonts). */
export class FakeRangeFont {
  constructor(private ctx: FakeContext, private target: () => { sheet: SheetState; rects: Rect[] }) {}

  get bold(): boolean {
    throw propertyNotLoaded('RangeFont', 'bold');
  }
  set bold(v: boolean) {
    write(this.ctx, { set: 'RangeFont.bold', bold: v }, () => {
      const { sheet, rects } = this.target();
      for (const rect of rects) for (let r = rect.top; r <= rect.bottom; r++) for (let c = rect.left; c <= rect.right; c++) {
        const k = cellKey(r, c), had = sheet.bold.has(k);
        this.ctx.undo(() => (had ? sheet.bold.add(k) : sheet.bold.delete(k)));
        if (v) sheet.bold.add(k);
        else sheet.bold.delete(k);
      }
    });
  }
}

/** Fill of a Range or RangeAreas: write-only here (reads go through getCellProperties, which handles many cells at once). */
export class FakeRangeFill {
  constructor(private ctx: FakeContext, private target: () => { sheet: SheetState; rects: Rect[] }) {}

  get color(): string {
    throw propertyNotLoaded('RangeFill', 'color');
  }
  set color(c: string) {
    this.apply({ set: 'RangeFill.color', color: c }, () => ({ color: normalizeColor(c), pattern: 'Solid' }), false);
  }
  get pattern(): string {
    throw propertyNotLoaded('RangeFill', 'pattern');
  }
  set pattern(p: string) {
    this.ctx.host.require(9, 'RangeFill.pattern');
    this.apply({ set: 'RangeFill.pattern', pattern: p }, (old) => (p === 'None' ? undefined : { color: old?.color ?? '#000000', pattern: p }), true);
  }
  clear(): void {
    this.apply({ call: 'RangeFill.clear' }, () => undefined, false);
  }

  private apply(describe: unknown, next: (old: FakeFill | undefined) => FakeFill | undefined, patternOnly: boolean): void {
    const ctx = this.ctx;
    void patternOnly;
    write(ctx, describe, () => {
      const { sheet, rects } = this.target();
      for (const rect of rects) {
        for (let r = rect.top; r <= rect.bottom; r++) for (let c = rect.left; c <= rect.right; c++) {
          const old = sheet.getFill(r, c);
          ctx.undo(() => sheet.setFill(r, c, old));
          sheet.setFill(r, c, next(old));
        }
      }
    });
  }
}

// ───────────────────────────── Custom XML parts ─────────────────────────────

export class FakeCustomXmlPartCollection extends CollectionProxy<FakeCustomXmlPart> {
  protected className = 'CustomXmlPartCollection';
  protected itemProps = ['id', 'namespaceUri'];

  constructor(ctx: FakeContext, private ns: string | null) {
    super(ctx);
  }

  private parts() {
    this.context.host.require(5, 'Workbook.customXmlParts');
    const all = this.context.host.state.customXmlParts;
    return this.ns === null ? all : all.filter((p) => p.namespaceUri === this.ns);
  }

  protected liveKeys(): string[] {
    return this.parts().map((p) => p.id);
  }
  protected makeItem(id: string): FakeCustomXmlPart {
    return new FakeCustomXmlPart(this.context, () => this.context.host.state.customXmlParts.find((p) => p.id === id) ?? null, true);
  }
  protected readItem(id: string, names: string[]): Record<string, unknown> {
    const p = this.context.host.state.customXmlParts.find((x) => x.id === id)!;
    const out: Record<string, unknown> = {};
    if (names.includes('id')) out.id = p.id;
    if (names.includes('namespaceUri')) out.namespaceUri = p.namespaceUri;
    return out;
  }

  add(xml: string): FakeCustomXmlPart {
    const ctx = this.context;
    let created: { id: string } | null = null;
    write(ctx, { call: 'CustomXmlPartCollection.add', xml }, () => {
      ctx.host.require(5, 'CustomXmlPartCollection.add');
      const st = ctx.host.state;
      const part = st.addPart(xml);
      created = part;
      ctx.undo(() => { st.customXmlParts = st.customXmlParts.filter((p) => p !== part); });
    });
    return new FakeCustomXmlPart(ctx, () => (created ? ctx.host.state.customXmlParts.find((p) => p.id === created!.id) ?? null : null), true);
  }

  getByNamespace(ns: string): FakeCustomXmlPartCollection {
    return new FakeCustomXmlPartCollection(this.context, ns);
  }

  getItem(id: string): FakeCustomXmlPart {
    return new FakeCustomXmlPart(this.context, () => this.parts().find((p) => p.id === id) ?? null, true);
  }

  getItemOrNullObject(id: string): FakeCustomXmlPart {
    return new FakeCustomXmlPart(this.context, () => this.parts().find((p) => p.id === id) ?? null, false);
  }
}

export class FakeCustomXmlPart extends Proxy {
  protected className = 'CustomXmlPart';
  protected scalarProps = ['id', 'namespaceUri'];

  constructor(ctx: FakeContext, private resolver: () => { id: string; namespaceUri: string; xml: string } | null, private mustExist: boolean) {
    super(ctx);
  }

  setLoaded(p: Record<string, unknown>): void {
    setLoadedMixin(this, p);
  }

  private part() {
    const p = this.resolver();
    if (!p) throw new FakeOfficeError('ItemNotFound', 'The custom XML part does not exist.');
    return p;
  }

  get id(): string { return this.get('id'); }
  get namespaceUri(): string { return this.get('namespaceUri'); }

  protected readProps(names: string[]): Record<string, unknown> {
    const p = this.mustExist ? this.part() : this.resolver();
    if (!p) return { isNullObject: true, ...Object.fromEntries(names.map((n) => [n, null])) };
    return { isNullObject: false, ...(names.includes('id') ? { id: p.id } : {}), ...(names.includes('namespaceUri') ? { namespaceUri: p.namespaceUri } : {}) };
  }

  getXml(): FakeClientResult<string> {
    return result(this.context, { call: 'CustomXmlPart.getXml' }, () => this.part().xml);
  }

  setXml(xml: string): void {
    const ctx = this.context;
    write(ctx, { call: 'CustomXmlPart.setXml', xml }, () => {
      const p = this.part();
      const old = p.xml, oldNs = p.namespaceUri;
      p.namespaceUri = rootNamespace(xml);
      ctx.undo(() => { p.xml = old; p.namespaceUri = oldNs; });
      p.xml = xml;
    });
  }

  delete(): void {
    const ctx = this.context;
    write(ctx, { call: 'CustomXmlPart.delete' }, () => {
      const st = ctx.host.state;
      const p = this.part();
      const before = st.customXmlParts;
      ctx.undo(() => { st.customXmlParts = before; });
      st.customXmlParts = st.customXmlParts.filter((x) => x !== p);
    });
  }
}

// ───────────────────────────── Settings ─────────────────────────────

export class FakeSettingCollection extends CollectionProxy<FakeSetting> {
  protected className = 'SettingCollection';
  protected itemProps = ['key', 'value'];

  protected liveKeys(): string[] {
    this.context.host.require(4, 'Workbook.settings');
    return [...this.context.host.state.settings.keys()];
  }
  protected makeItem(key: string): FakeSetting {
    return new FakeSetting(this.context, key, true);
  }
  protected readItem(key: string, names: string[]): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    if (names.includes('key')) out.key = key;
    if (names.includes('value')) out.value = this.context.host.state.settings.get(key);
    return out;
  }

  add(key: string, value: unknown): FakeSetting {
    const ctx = this.context;
    write(ctx, { call: 'SettingCollection.add', key, value }, () => {
      ctx.host.require(4, 'SettingCollection.add');
      const st = ctx.host.state.settings;
      const had = st.has(key), old = st.get(key);
      ctx.undo(() => (had ? st.set(key, old) : st.delete(key)));
      // Settings are stored serialised, so what comes back is a copy, never the caller's object.
      st.set(key, JSON.parse(JSON.stringify(value)));
    });
    return new FakeSetting(ctx, key, true);
  }

  getItem(key: string): FakeSetting {
    return new FakeSetting(this.context, key, true);
  }

  getItemOrNullObject(key: string): FakeSetting {
    return new FakeSetting(this.context, key, false);
  }
}

export class FakeSetting extends Proxy {
  protected className = 'Setting';
  protected scalarProps = ['key', 'value'];

  constructor(ctx: FakeContext, private key: string, private mustExist: boolean) {
    super(ctx);
  }
  setLoaded(p: Record<string, unknown>): void {
    setLoadedMixin(this, p);
  }
  get value(): unknown { return this.get('value'); }

  protected readProps(names: string[]): Record<string, unknown> {
    const st = this.context.host.state.settings;
    this.context.host.require(4, 'Workbook.settings');
    if (!st.has(this.key)) {
      if (this.mustExist) throw new FakeOfficeError('ItemNotFound', `The setting '${this.key}' does not exist.`);
      return { isNullObject: true, ...Object.fromEntries(names.map((n) => [n, null])) };
    }
    return { isNullObject: false, ...(names.includes('key') ? { key: this.key } : {}), ...(names.includes('value') ? { value: JSON.parse(JSON.stringify(st.get(this.key))) } : {}) };
  }

  delete(): void {
    const ctx = this.context;
    write(ctx, { call: 'Setting.delete', key: this.key }, () => {
      const st = ctx.host.state.settings;
      if (!st.has(this.key)) throw new FakeOfficeError('ItemNotFound', `The setting '${this.key}' does not exist.`);
      const old = st.get(this.key);
      ctx.undo(() => st.set(this.key, old));
      st.delete(this.key);
    });
  }
}

// ───────────────────────────── Notes and comments ─────────────────────────────

/** Resolves "Sheet1!B5", "'My Sheet'!B5" or a Range to (sheet, cell key); one cell only, like Excel. */
function resolveCell(ctx: FakeContext, where: FakeRange | string): { sheet: SheetState; key: number; rect: Rect } {
  if (typeof where !== 'string') {
    const { sheet, rect } = where.target();
    if (rect.top !== rect.bottom || rect.left !== rect.right) throw new FakeOfficeError('InvalidArgument', 'The range must be a single cell.');
    return { sheet, key: cellKey(rect.top, rect.left), rect };
  }
  ctx.host.checkAddress(where);
  const areas = splitAreas(where);
  if (areas.length !== 1 || areas[0].sheet === null) throw new FakeOfficeError('InvalidArgument', `'${where}' is not a sheet-qualified cell address.`);
  const sheet = ctx.host.state.sheetByName(areas[0].sheet);
  if (!sheet) throw new FakeOfficeError('ItemNotFound', `The worksheet '${areas[0].sheet}' does not exist.`);
  const rect = areas[0].rect;
  if (rect.top !== rect.bottom || rect.left !== rect.right) throw new FakeOfficeError('InvalidArgument', 'The range must be a single cell.');
  return { sheet, key: cellKey(rect.top, rect.left), rect };
}

function describeWhere(where: FakeRange | string): unknown {
  return typeof where === 'string' ? where : 'range';
}

abstract class AnnotationCollection<T extends Proxy> extends CollectionProxy<T> {
  protected abstract minor: number;
  protected abstract api: string;
  protected abstract store(s: SheetState): Map<number, unknown>;
  protected abstract content(v: unknown): string;

  /** Items in sheet order, then row, then column, keyed "sheetId|cellKey". */
  protected liveKeys(): string[] {
    this.context.host.require(this.minor, this.api);
    const out: string[] = [];
    for (const s of this.context.host.state.sheets) {
      const keys = [...this.store(s).keys()].sort((a, b) => a - b);
      for (const k of keys) out.push(`${s.id}|${k}`);
    }
    return out;
  }

  protected locate(key: string): { sheet: SheetState; key: number } | null {
    const [sid, k] = key.split('|');
    const sheet = this.context.host.state.sheetById(sid);
    if (!sheet || !this.store(sheet).has(+k)) return null;
    return { sheet, key: +k };
  }
}

export class FakeNoteCollection extends AnnotationCollection<FakeNote> {
  protected className = 'NoteCollection';
  protected itemProps = ['content', 'authorName'];
  protected minor = 18;
  protected api = 'Workbook.notes';
  protected store(s: SheetState) { return s.notes; }
  protected content(v: unknown) { return v as string; }

  protected makeItem(key: string): FakeNote {
    return new FakeNote(this.context, () => this.locate(key), true);
  }
  protected readItem(key: string, names: string[]): Record<string, unknown> {
    const loc = this.locate(key)!;
    const out: Record<string, unknown> = {};
    if (names.includes('content')) out.content = loc.sheet.notes.get(loc.key);
    if (names.includes('authorName')) out.authorName = 'fake';
    return out;
  }

  add(cellAddress: FakeRange | string, content: string): FakeNote {
    const ctx = this.context;
    let loc: { sheet: SheetState; key: number } | null = null;
    write(ctx, { call: 'NoteCollection.add', where: describeWhere(cellAddress), content }, () => {
      ctx.host.require(18, 'NoteCollection.add');
      const c = resolveCell(ctx, cellAddress);
      if (c.sheet.notes.has(c.key)) throw new FakeOfficeError('InvalidArgument', 'The cell already has a note.');
      ctx.undo(() => c.sheet.notes.delete(c.key));
      c.sheet.notes.set(c.key, String(content));
      loc = c;
    });
    return new FakeNote(ctx, () => (loc && loc.sheet.notes.has(loc.key) ? loc : null), true);
  }

  getItemOrNullObject(key: string): FakeNote {
    const ctx = this.context;
    return new FakeNote(ctx, () => {
      ctx.host.require(18, 'NoteCollection.getItemOrNullObject');
      const c = resolveCell(ctx, key);
      return c.sheet.notes.has(c.key) ? c : null;
    }, false);
  }
}

type CellLoc = { sheet: SheetState; key: number };

/** What notes and comments share: a cell they sit on, reads that fail when gone, a location and an undoable delete. */
abstract class CellAnnotation<V> extends Proxy {
  constructor(ctx: FakeContext, private resolver: () => CellLoc | null, private mustExist: boolean) {
    super(ctx);
  }
  /** The sheet's store of this kind of annotation. */
  protected abstract store(sheet: SheetState): Map<number, V>;
  /** Properties of an existing annotation, for readProps. */
  protected abstract props(value: V, names: string[]): Record<string, unknown>;
  setLoaded(p: Record<string, unknown>): void { setLoadedMixin(this, p); }
  get content(): string { return this.get('content'); }

  private loc(): CellLoc {
    const l = this.resolver();
    if (!l) throw new FakeOfficeError('ItemNotFound', `The ${this.className.toLowerCase()} does not exist.`);
    return l;
  }
  protected readProps(names: string[]): Record<string, unknown> {
    const l = this.mustExist ? this.loc() : this.resolver();
    if (!l) return { isNullObject: true, ...Object.fromEntries(names.map((n) => [n, null])) };
    const out: Record<string, unknown> = { isNullObject: false, ...this.props(this.store(l.sheet).get(l.key)!, names) };
    if (names.includes('authorName')) out.authorName = 'fake';
    return out;
  }
  getLocation(): FakeRange {
    return new FakeRange(this.context, () => {
      const l = this.loc();
      const r = keyRow(l.key), c = keyCol(l.key);
      return { sheet: l.sheet, rect: { top: r, left: c, bottom: r, right: c } };
    });
  }
  delete(): void {
    const ctx = this.context;
    write(ctx, { call: `${this.className}.delete` }, () => {
      const l = this.loc();
      const store = this.store(l.sheet);
      const old = store.get(l.key)!;
      ctx.undo(() => store.set(l.key, old));
      store.delete(l.key);
    });
  }
}

export class FakeNote extends CellAnnotation<string> {
  protected className = 'Note';
  protected scalarProps = ['content', 'authorName'];
  protected store(sheet: SheetState): Map<number, string> { return sheet.notes; }
  protected props(content: string, names: string[]): Record<string, unknown> {
    return names.includes('content') ? { content } : {};
  }
}

export class FakeCommentCollection extends AnnotationCollection<FakeComment> {
  protected className = 'CommentCollection';
  protected itemProps = ['content', 'id', 'authorName'];
  protected minor = 10;
  protected api = 'Workbook.comments';
  protected store(s: SheetState) { return s.comments; }
  protected content(v: unknown) { return (v as { content: string }).content; }

  private byId(id: string): { sheet: SheetState; key: number } | null {
    for (const s of this.context.host.state.sheets) for (const [k, v] of s.comments) if (v.id === id) return { sheet: s, key: k };
    return null;
  }
  protected makeItem(key: string): FakeComment {
    const loc = this.locate(key)!;
    const id = loc.sheet.comments.get(loc.key)!.id;
    return new FakeComment(this.context, () => this.byId(id), true);
  }
  protected readItem(key: string, names: string[]): Record<string, unknown> {
    const loc = this.locate(key)!;
    const c = loc.sheet.comments.get(loc.key)!;
    const out: Record<string, unknown> = {};
    if (names.includes('content')) out.content = c.content;
    if (names.includes('id')) out.id = c.id;
    if (names.includes('authorName')) out.authorName = 'fake';
    return out;
  }

  add(cellAddress: FakeRange | string, content: string): FakeComment {
    const ctx = this.context;
    let id: string | null = null;
    write(ctx, { call: 'CommentCollection.add', where: describeWhere(cellAddress), content }, () => {
      ctx.host.require(10, 'CommentCollection.add');
      const c = resolveCell(ctx, cellAddress);
      if (c.sheet.comments.has(c.key)) throw new FakeOfficeError('InvalidArgument', 'The cell already has a comment.');
      id = ctx.host.state.newId('comment');
      ctx.undo(() => c.sheet.comments.delete(c.key));
      c.sheet.comments.set(c.key, { id, content: String(content) });
    });
    return new FakeComment(ctx, () => (id ? this.byId(id) : null), true);
  }

  getItemOrNullObject(id: string): FakeComment {
    return new FakeComment(this.context, () => { this.context.host.require(10, 'CommentCollection.getItemOrNullObject'); return this.byId(id); }, false);
  }
}

type StoredComment = SheetState['comments'] extends Map<number, infer V> ? V : never;

export class FakeComment extends CellAnnotation<StoredComment> {
  protected className = 'Comment';
  protected scalarProps = ['content', 'id', 'authorName'];
  protected store(sheet: SheetState): Map<number, StoredComment> { return sheet.comments; }
  protected props(c: StoredComment, names: string[]): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    if (names.includes('content')) out.content = c.content;
    if (names.includes('id')) out.id = c.id;
    return out;
  }
  get id(): string { return this.get('id'); }
}

export { cellAddress };
