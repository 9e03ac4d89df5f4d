// The runner: recognises each sheet, runs the profile's rules over its records and builds the Report.
import type {
  CellValue,
  Citation,
  ComputedColumn,
  ComputedKey,
  ComputedStatus,
  FieldKey,
  Finding,
  Lang,
  Notice,
  ProfileInfo,
  Report,
  Severity,
  SheetKind,
  SheetReport,
  SheetSnapshot,
  WorkbookSnapshot,
  CheckOptions,
  ProfileId,
} from './types';
import { validityCitation } from './regulations';
import { builtinRegistry } from './packs/registry';
import type { Registry } from './packs/registry';
import type { RegulationPack } from './packs/types';
import { recognizeSheet } from './recognize';
import type { Recognition } from './recognize';
import { parseAmount } from './values/amount';
import type { AmountResult } from './values/amount';
import { parseDate, dayFromIso } from './values/date';
import type { DayNumber } from './values/date';
import { parsePeriod } from './values/period';
import { cellText, isBlankText, normalizeText } from './values/text';
import { DEADLINE_HEADERS } from './deadlines';
import { detectProfile } from './profiles';
import type { Profile, ProfileParams } from './profiles/types';
import { RULES } from './rules/registry';
import { ruleRunsIn } from './rules/api';
import type {
  DateResult,
  ParsedPeriod,
  PeriodResult,
  RecordContext,
  ReportInput,
  Rule,
  RowRule,
  SheetContext,
  SheetReportInput,
  SheetRule,
  WorkbookRule,
  WorkbookNoticeInput,
  Params,
} from './rules/api';
import { AMOUNT_FIELDS, DATE_FIELDS, FIELD_COUNT, FIELD_KEYS, fieldIndex, fieldKey } from './rules/fields';
import { templateCitation } from './templates';
import { attachWaivers, splitWaivers } from './waivers';
import { dropFindingsSheets } from './findings-table';
import { sheetUnchecked } from './rules/coverage';
import type { FieldId, FieldRef } from './rules/fields';
import { ENGINE_MESSAGES } from './i18n/messages';
import { calendarFor, useCalendar } from './calendar/workdays';
import { formatMessage, resolveParams } from './i18n/format';

/** 0-based column index → 'A' … 'XFD'. */
export function columnLetter(index: number): string {
  if (!Number.isInteger(index) || index < 0) throw new RangeError(`column index ${index}`);
  let s = '';
  let n = index + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = (n - 1 - m) / 26;
  }
  return s;
}

/** 0-based row and column → 'B7'. */
export function a1(row: number, col: number): string {
  return columnLetter(col) + (row + 1);
}

const LETTERS: string[] = [];
function letter(col: number): string {
  if (col < 0) return '';
  if (col < 256) return (LETTERS[col] ??= columnLetter(col));
  return columnLetter(col);
}

/** Computed keys in layout order: approval path, expense scope, then deadlines as DEADLINE_HEADERS lists them. */
const COMPUTED_ORDER = Object.keys(DEADLINE_HEADERS) as ComputedKey[];
// By position in COMPUTED_ORDER: a computed value finds its key with a few identity comparisons (keys are literals).
const HEADER_ZH = COMPUTED_ORDER.map((k) => DEADLINE_HEADERS[k].zh);
// The type of a column no record filled (an existing column of ours): approval path and expense scope are text.
const DEADLINE_TYPE = COMPUTED_ORDER.map((k): 'date' | 'text' => (k === 'approvalPath' || k === 'expenseScope' ? 'text' : 'date'));


function noticeText(id: keyof typeof ENGINE_MESSAGES, lang: Lang, params?: Params): string {
  return formatMessage(ENGINE_MESSAGES[id][lang], resolveParams(params, lang), lang);
}

/** Shared run state: the report under construction and the rule currently running. */
class Run {
  findings: Finding[] = [];
  notices: Notice[] = [];
  private citationCache = new Map<string, Citation | null>();
  private failed = new Set<string>();

  constructor(
    readonly profile: Profile,
    readonly lang: Lang,
    readonly asOf: DayNumber,
    readonly date1904: boolean,
  ) {}

  ruleCitation(rule: Rule): Citation | null {
    let c = this.citationCache.get(rule.id);
    if (c === undefined) {
      c = rule.citation(this.profile);
      this.citationCache.set(rule.id, c);
    }
    return c;
  }

  severityOf(rule: Rule, requested: Severity | undefined): Severity {
    const o = this.profile.rules[rule.id];
    if (o !== undefined && o !== 'off') return o;
    return requested ?? rule.severity;
  }

  finding(rule: Rule, sheet: string, row: number, col: number, input: ReportInput, kind: SheetKind): void {
    const msg = rule.messages[input.messageId];
    if (msg === undefined) throw new Error(`rule ${rule.id} reported unknown message ${input.messageId}`);
    const params = resolveParams(input.params, this.lang);
    const column = row > 0 ? letter(col) : '';
    this.findings.push({
      sheet,
      row,
      column,
      cell: column === '' ? '' : column + row,
      ruleId: rule.id,
      category: rule.category,
      severity: this.severityOf(rule, input.severity),
      messageId: input.messageId,
      params,
      message: formatMessage(msg[this.lang], params, this.lang),
      // What no article governs comes from the form being filled: cite the template (and field) instead of nothing.
      citation: (input.citation !== undefined ? input.citation : this.ruleCitation(rule)) ?? templateCitation(kind, input.field === undefined ? undefined : fieldKey(input.field), this.profile),
    });
  }

  ruleFailed(rule: Rule, sheet: string, err: unknown): void {
    const key = `${rule.id}\u0000${sheet}`;
    if (this.failed.has(key)) return;
    this.failed.add(key);
    const error = err instanceof Error ? err.message : String(err);
    this.notices.push({
      id: 'engine/rule-failed',
      severity: 'warning',
      message: noticeText('engine/rule-failed', this.lang, { ruleId: rule.id, sheet, error }),
      citation: null,
    });
  }
}

const NO_CELL = -1;

const IS_AMOUNT = new Uint8Array(FIELD_COUNT);
for (const f of AMOUNT_FIELDS) IS_AMOUNT[fieldIndex(f)] = 1;
const IS_DATE = new Uint8Array(FIELD_COUNT);
for (const f of DATE_FIELDS) IS_DATE[fieldIndex(f)] = 1;

/** Row ranges [from, to] (inclusive), sorted by `from` and disjoint, as Excel merges never overlap. */
type CoveredRows = { from: number[]; to: number[] };

/** Rows below the top cell of merges spanning rows below the header, whose top cell is not empty, per column. */
function coveredByFilledMerges(sheet: SheetSnapshot, headerBottom: number, lastCol: number): Map<number, CoveredRows> | null {
  let out: Map<number, CoveredRows> | null = null;
  for (const m of sheet.merges) {
    if (m.bottom <= m.top || m.top <= headerBottom) continue;
    const top = sheet.rows[m.top];
    const v = top === undefined || top === null ? null : top[m.left];
    if (v === undefined || v === null || (typeof v === 'string' && isBlankText(v))) continue;
    // Only recognised columns are ever read; a merge to XFD must not cost 16,384 entries.
    const right = Math.min(m.right, lastCol);
    for (let c = m.left; c <= right; c++) {
      out ??= new Map();
      let r = out.get(c);
      if (r === undefined) out.set(c, (r = { from: [], to: [] }));
      r.from.push(m.top + 1);
      r.to.push(m.bottom);
    }
  }
  if (out) {
    for (const r of out.values()) {
      const order = r.from.map((_, k) => k).sort((a, b) => r.from[a] - r.from[b]);
      r.from = order.map((k) => r.from[k]);
      r.to = order.map((k) => r.to[k]);
    }
  }
  return out;
}

function isCovered(r: CoveredRows | undefined, row: number): boolean {
  if (r === undefined) return false;
  let lo = 0;
  let hi = r.from.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (r.from[mid] > row) hi = mid - 1;
    else if (r.to[mid] < row) lo = mid + 1;
    else return true;
  }
  return false;
}

function anyFormula(formulas: SheetSnapshot['formulas']): boolean {
  if (formulas === undefined) return false;
  for (const row of formulas) {
    if (!row) continue;
    for (const f of row) if (f !== null && f !== undefined && f !== '') return true;
  }
  return false;
}

/**
 * One sheet's checking. It is also the RecordContext handed to row rules: positioned on one record at a time, it
 * parses a field only when a rule asks and caches the result for the rest of that record (stamped caches, no
 * per-row allocation).
 */
class SheetRun implements RecordContext, SheetContext {
  readonly profile: Profile;
  readonly params: ProfileParams;
  readonly asOf: DayNumber;
  readonly lang: Lang;
  readonly date1904: boolean;
  readonly sheetKind: SheetKind;
  readonly kind: SheetKind;
  readonly sheetName: string;
  readonly dataRows: readonly number[];
  readonly totalsRows: readonly number[];
  row = 0;

  private readonly rows: CellValue[][];
  private readonly formulas: SheetSnapshot['formulas'];
  private readonly isForm: boolean;
  private readonly colOf = new Int32Array(FIELD_COUNT).fill(NO_CELL);
  private readonly formRowOf = new Int32Array(FIELD_COUNT).fill(NO_CELL);
  private readonly unitOf: ('万元' | '元' | undefined)[] = new Array(FIELD_COUNT);
  private stamp = 0;
  private readonly textAt = new Int32Array(FIELD_COUNT).fill(-1);
  private readonly textVal: string[] = new Array(FIELD_COUNT).fill('');
  private readonly amountAt = new Int32Array(FIELD_COUNT).fill(-1);
  private readonly amountVal: (AmountResult | null)[] = new Array(FIELD_COUNT).fill(null);
  private readonly dateAt = new Int32Array(FIELD_COUNT).fill(-1);
  private readonly dateVal: (DateResult | null)[] = new Array(FIELD_COUNT).fill(null);
  private readonly periodAt = new Int32Array(FIELD_COUNT).fill(-1);
  private readonly periodVal: (PeriodResult | null)[] = new Array(FIELD_COUNT).fill(null);
  private current: Rule | null = null;
  private readonly dateOptions: { date1904: boolean };
  private readonly memoAt: number[] = [];
  private readonly memoVal: unknown[] = [];
  // By memo slot (small integers from memoSlot()); a slot is set once `sheetStateSet` holds it.
  private readonly sheetState: unknown[] = [];
  private readonly sheetStateSet: boolean[] = [];
  private readonly mapped: FieldId[] = [];
  private readonly mappedAmounts: FieldId[] = [];
  private readonly mappedDates: FieldId[] = [];
  readonly hasFormulas: boolean;
  /**
   * Per column, the rows covered (below the top cell) by merges over several rows whose top cell holds a value. Excel
   * shows the top value across the whole merge, so a unit or person merged over a unit's projects is filled in on
   * each of those rows.
   */
  private readonly coveredFilled: Map<number, CoveredRows> | null;
  // Computed values by COMPUTED_ORDER position, as columns: rows, values, and status / provisional when any value has them.
  private readonly computedRows: number[][] = COMPUTED_ORDER.map(() => []);
  private readonly computedValues: string[][] = COMPUTED_ORDER.map(() => []);
  private readonly computedType: ('date' | 'text')[] = COMPUTED_ORDER.map(() => 'text');
  private readonly computedStatus: (ComputedStatus[] | null)[] = COMPUTED_ORDER.map(() => null);
  private readonly computedProvisional: (boolean[] | null)[] = COMPUTED_ORDER.map(() => null);

  constructor(
    private readonly run: Run,
    readonly sheet: SheetSnapshot,
    readonly recognition: Recognition,
  ) {
    this.profile = run.profile;
    this.params = run.profile.params;
    this.asOf = run.asOf;
    this.lang = run.lang;
    this.date1904 = run.date1904;
    this.dateOptions = { date1904: run.date1904 };
    this.kind = this.sheetKind = recognition.kind;
    this.sheetName = sheet.name;
    this.rows = sheet.rows;
    this.formulas = sheet.formulas;
    this.isForm = recognition.kind === 'progress-form';
    this.dataRows = recognition.dataRows;
    this.totalsRows = recognition.totalsRows;
    for (const f of FIELD_KEYS) {
      const i = fieldIndex(f);
      if (this.isForm) {
        const cell = recognition.formFields[f];
        if (cell !== undefined) {
          this.colOf[i] = cell.col;
          this.formRowOf[i] = cell.row;
        }
      } else {
        const c = recognition.columns[f];
        if (c !== undefined) this.colOf[i] = c;
      }
      this.unitOf[i] = recognition.units[f];
      if (this.colOf[i] !== NO_CELL) {
        this.mapped.push(i as FieldId);
        if (IS_AMOUNT[i]) this.mappedAmounts.push(i as FieldId);
        if (IS_DATE[i]) this.mappedDates.push(i as FieldId);
      }
    }
    this.hasFormulas = anyFormula(sheet.formulas);
    let lastCol = -1;
    for (let i = 0; i < FIELD_COUNT; i++) if (this.colOf[i] > lastCol) lastCol = this.colOf[i];
    this.coveredFilled = this.isForm ? null : coveredByFilledMerges(sheet, recognition.headerBottom, lastCol);
    if (this.isForm) this.row = this.firstFormRow();
  }

  private firstFormRow(): number {
    let min = -1;
    for (let i = 0; i < FIELD_COUNT; i++) {
      const r = this.formRowOf[i];
      if (r >= 0 && (min < 0 || r < min)) min = r;
    }
    return min < 0 ? Math.max(0, this.recognition.headerTop) : min;
  }

  // ---- positioning -------------------------------------------------------------------------------------------

  position(row: number): void {
    this.row = row;
    this.stamp++;
  }

  record(row: number): RecordContext {
    if (!this.isForm) this.position(row);
    else this.stamp++;
    return this;
  }

  // ---- cell access -----------------------------------------------------------------------------------------

  hasField(field: FieldRef): boolean {
    return this.colOf[fieldIndex(field)] !== NO_CELL;
  }

  has(field: FieldRef): boolean {
    return this.colOf[fieldIndex(field)] !== NO_CELL;
  }

  private rawAt(i: number): CellValue {
    const c = this.colOf[i];
    if (c === NO_CELL) return null;
    const r = this.rows[this.isForm ? this.formRowOf[i] : this.row];
    if (r === undefined || r === null || c >= r.length) return null;
    const v = r[c];
    return v === undefined ? null : v;
  }

  private formulaAt(i: number): string | null {
    const c = this.colOf[i];
    if (c === NO_CELL || this.formulas === undefined) return null;
    const fr = this.formulas[this.isForm ? this.formRowOf[i] : this.row];
    if (fr === undefined || fr === null) return null;
    const f = fr[c];
    return f === undefined || f === null || f === '' ? null : f;
  }

  raw(field: FieldRef): CellValue {
    return this.rawAt(fieldIndex(field));
  }

  formula(field: FieldRef): string | null {
    return this.formulaAt(fieldIndex(field));
  }

  text(field: FieldRef): string {
    const i = fieldIndex(field);
    if (this.textAt[i] === this.stamp) return this.textVal[i];
    const v = this.rawAt(i);
    const t = v === null ? '' : normalizeText(typeof v === 'string' ? v : cellText(v));
    this.textAt[i] = this.stamp;
    this.textVal[i] = t;
    return t;
  }

  display(field: FieldRef): string {
    return cellText(this.rawAt(fieldIndex(field)));
  }

  isEmpty(field: FieldRef): boolean {
    const i = fieldIndex(field);
    const v = this.rawAt(i);
    if (v === null || (typeof v === 'string' && isBlankText(v))) {
      if (this.formulaAt(i) !== null) return false;
      return this.coveredFilled === null || !isCovered(this.coveredFilled.get(this.colOf[i]), this.row);
    }
    return false;
  }

  private amountAtIndex(i: number): AmountResult | null {
    if (this.amountAt[i] === this.stamp) return this.amountVal[i];
    const res = this.colOf[i] === NO_CELL ? null : parseAmount(this.rawAt(i), this.unitOf[i]);
    this.amountAt[i] = this.stamp;
    this.amountVal[i] = res;
    return res;
  }

  amountResult(field: FieldRef): AmountResult | null {
    return this.amountAtIndex(fieldIndex(field));
  }

  amount(field: FieldRef): number | null {
    const r = this.amountAtIndex(fieldIndex(field));
    return r !== null && r.ok ? r.cents : null;
  }

  private dateAtIndex(i: number): DateResult | null {
    if (this.dateAt[i] === this.stamp) return this.dateVal[i];
    const res = this.colOf[i] === NO_CELL ? null : parseDate(this.rawAt(i), this.dateOptions);
    this.dateAt[i] = this.stamp;
    this.dateVal[i] = res;
    return res;
  }

  dateResult(field: FieldRef): DateResult | null {
    return this.dateAtIndex(fieldIndex(field));
  }

  date(field: FieldRef): DayNumber | null {
    const r = this.dateAtIndex(fieldIndex(field));
    return r !== null && r.ok ? r.day : null;
  }

  private periodAtIndex(i: number): PeriodResult | null {
    if (this.periodAt[i] === this.stamp) return this.periodVal[i];
    const res = this.colOf[i] === NO_CELL ? null : parsePeriod(this.rawAt(i));
    this.periodAt[i] = this.stamp;
    this.periodVal[i] = res;
    return res;
  }

  periodResult(field: FieldRef): PeriodResult | null {
    return this.periodAtIndex(fieldIndex(field));
  }

  period(field: FieldRef): ParsedPeriod | null {
    const r = this.periodAtIndex(fieldIndex(field));
    return r !== null && r.ok ? r : null;
  }

  fields(group?: 'amount' | 'date'): readonly FieldId[] {
    return group === undefined ? this.mapped : group === 'amount' ? this.mappedAmounts : this.mappedDates;
  }

  memo<T>(slot: number, compute: (ctx: RecordContext) => T): T {
    if (this.memoAt[slot] === this.stamp) return this.memoVal[slot] as T;
    const v = compute(this);
    this.memoAt[slot] = this.stamp;
    this.memoVal[slot] = v;
    return v;
  }

  sheetMemo<T>(slot: number, init: () => T): T {
    // Every record asks: two array reads, no hashing.
    if (this.sheetStateSet[slot] === true) return this.sheetState[slot] as T;
    const v = init();
    this.sheetState[slot] = v;
    this.sheetStateSet[slot] = true;
    return v;
  }

  // ---- reporting -----------------------------------------------------------------------------------------

  /** Sets placedRow (1-based) and placedCol (0-based, -1 when the field is not on the sheet) to a field's cell on the record at row0. */
  private place(field: FieldRef | undefined, row0: number): void {
    const i = field === undefined ? -1 : fieldIndex(field);
    const c = i < 0 ? NO_CELL : this.colOf[i];
    this.placedRow = (c !== NO_CELL && this.isForm ? this.formRowOf[i] : row0) + 1;
    this.placedCol = c;
  }

  // Where place() put the last finding (fields, not a returned pair: a finding is made per call).
  private placedRow = 0;
  private placedCol = NO_CELL;

  report(input: SheetReportInput): void {
    const rule = this.current as Rule;
    if (input.row !== undefined) {
      this.place(input.field, this.isForm && input.field !== undefined ? 0 : input.row);
    } else if (rule.scope === 'row') {
      this.place(input.field, this.row);
    } else if (this.isForm && input.field !== undefined && this.has(input.field)) {
      this.place(input.field, 0);
    } else {
      this.placedRow = 0;
      this.placedCol = NO_CELL;
    }
    const row = this.placedRow;
    const col = input.col !== undefined && input.row !== undefined && input.field === undefined ? input.col : this.placedCol;
    this.run.finding(rule, this.sheetName, row, col, input, this.kind);
  }

  compute(key: ComputedKey, value: string, type: 'date' | 'text', provisional = false, status?: ComputedStatus): void {
    const k = COMPUTED_ORDER.indexOf(key);
    const rows = this.computedRows[k];
    const n = rows.length;
    // One value per record and key: the row number says which record.
    if (n > 0 && rows[n - 1] === this.row + 1) throw new Error(`${key} computed twice for row ${this.row + 1}`);
    let st = this.computedStatus[k];
    // A column's values all have a status or none has (checked before anything is stored).
    if (n > 0 && (status !== undefined) !== (st !== null)) throw new Error(`${key} has values with and without a status`);
    rows.push(this.row + 1);
    this.computedValues[k].push(value);
    this.computedType[k] = type;
    if (status !== undefined) {
      if (st === null) this.computedStatus[k] = st = [];
      st.push(status);
    }
    let pv = this.computedProvisional[k];
    if (provisional && pv === null) this.computedProvisional[k] = pv = new Array<boolean>(n).fill(false);
    if (pv !== null) pv.push(provisional);
  }

  // ---- running ---------------------------------------------------------------------------------------------

  runSheetRules(rules: SheetRule[]): void {
    for (const rule of rules) {
      this.current = rule;
      try {
        rule.check(this);
      } catch (err) {
        this.run.ruleFailed(rule, this.sheetName, err);
      }
    }
  }

  /** The `after` hooks of row rules, once the row pass is over. */
  runAfterHooks(rules: RowRule[]): void {
    for (const rule of rules) {
      if (rule.after === undefined) continue;
      this.current = rule;
      try {
        rule.after(this);
      } catch (err) {
        this.run.ruleFailed(rule, this.sheetName, err);
      }
    }
  }

  /** Records to run row rules on: the data rows, or the one record of a form. */
  get recordCount(): number {
    return this.isForm ? 1 : this.dataRows.length;
  }

  /** Runs the row rules on records [from, to) (all by default); checkSteps calls it in chunks. */
  runRowRules(rules: RowRule[], from = 0, to = Infinity): void {
    if (rules.length === 0) return;
    const n = rules.length;
    // Rules are objects of many shapes, so reading `check` off each one per record is a megamorphic load: read once.
    const checks = rules.map((r) => r.check);
    if (this.isForm) {
      if (from > 0) return;
      this.stamp++;
      this.row = this.firstFormRow();
      this.runRecord(rules, checks, n);
      return;
    }
    const data = this.dataRows;
    const end = Math.min(data.length, to);
    for (let k = from; k < end; k++) {
      this.position(data[k]);
      this.runRecord(rules, checks, n);
    }
  }

  private runRecord(rules: RowRule[], checks: RowRule['check'][], n: number): void {
    for (let j = 0; j < n; j++) {
      this.current = rules[j];
      try {
        checks[j](this);
      } catch (err) {
        this.run.ruleFailed(rules[j], this.sheetName, err);
      }
    }
  }

  /** Lays out the computed columns (values included). */
  finish(): ComputedColumn[] {
    const rec = this.recognition;
    const existing = new Map<string, number>();
    let right = rec.tableRight;
    for (const [header, col] of Object.entries(rec.computedColumns ?? {})) {
      existing.set(normalizeText(header), col);
      if (col > right) right = col;
    }
    const columns: ComputedColumn[] = [];
    for (let k = 0; k < COMPUTED_ORDER.length; k++) {
      const key = COMPUTED_ORDER[k];
      const header = HEADER_ZH[k];
      const used = this.computedRows[k].length > 0;
      // A form has no column to write to: its values come without one.
      const have = this.isForm ? undefined : existing.get(normalizeText(header));
      if (!used && have === undefined) continue;
      const column = this.isForm ? '' : letter(have !== undefined ? have : ++right);
      columns.push({
        key,
        header,
        column,
        type: used ? this.computedType[k] : DEADLINE_TYPE[k],
        rows: this.computedRows[k],
        values: this.computedValues[k],
        status: this.computedStatus[k],
        provisional: this.computedProvisional[k],
      });
    }
    return columns;
  }

  setCurrent(rule: Rule | null): void {
    this.current = rule;
  }
}

function workbookContext(run: Run, snapshot: WorkbookSnapshot, sheets: { sheet: SheetSnapshot; recognition: Recognition }[]) {
  let current: Rule | null = null;
  return {
    ctx: {
      profile: run.profile,
      asOf: run.asOf,
      lang: run.lang,
      snapshot,
      sheets,
      notice(input: WorkbookNoticeInput) {
        const rule = current as Rule;
        const msg = rule.messages[input.messageId];
        run.notices.push({
          id: `${rule.id}:${input.messageId}`,
          severity: run.severityOf(rule, input.severity),
          message: formatMessage(msg[run.lang], resolveParams(input.params, run.lang), run.lang),
          citation: input.citation !== undefined ? input.citation : run.ruleCitation(rule),
        });
      },
    },
    setCurrent(r: Rule) {
      current = r;
    },
  };
}

function profileInfo(snapshot: WorkbookSnapshot, options: CheckOptions, lang: Lang, registry: Registry): { id: ProfileId; info: ProfileInfo; conflict: string | null } {
  const reg = (id: ProfileId) => (id === 'generic' ? '' : (registry.regulation(id)?.title ?? ''));
  if (options.profile !== undefined && options.profile !== 'auto') {
    const id = options.profile;
    if (id !== 'generic' && registry.regulation(id) === undefined) throw new Error(`no regulation "${id}" (known: ${registry.ids().join(', ')})`);
    return { id, info: { id, regulation: reg(id), detected: false, reason: ENGINE_MESSAGES['profile/chosen'][lang] }, conflict: null };
  }
  const d = detectProfile(snapshot, registry);
  const reason = lang === 'en' ? d.reasonEn : d.reason;
  return { id: d.id, info: { id: d.id, regulation: reg(d.id), detected: d.detected, reason }, conflict: d.conflict ? reason : null };
}

// The registry with a run's user packs, built once per distinct set: a batch passes the same packs for every workbook
// (as copies, in worker threads), and a registry compiles the packs' overlays.
const REGISTRIES = new Map<string, Registry>();
function registryFor(user: readonly RegulationPack[] | undefined): Registry {
  if (user === undefined || user.length === 0) return builtinRegistry();
  const key = JSON.stringify(user);
  let r = REGISTRIES.get(key);
  if (r === undefined) {
    if (REGISTRIES.size >= 8) REGISTRIES.clear();
    REGISTRIES.set(key, (r = builtinRegistry().with(user)));
  }
  return r;
}

/** Checks a workbook snapshot against the funding rules of one profile and returns the report. */
export function check(snapshot: WorkbookSnapshot, options: CheckOptions): Report {
  const steps = checkSteps(snapshot, options, Infinity);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Records checked so far and in all (data rows; a form counts as one). */
export interface CheckProgress {
  done: number;
  total: number;
}

/**
 * check() as a generator: it pauses after every `chunkRows` records of a sheet (and after each sheet) and returns
 * the report when done. Draining it without pausing is check(); checkAsync (chunked.ts) awaits a macrotask at the
 * pauses. The snapshot must not change while a run is paused.
 */
export function* checkSteps(snapshot: WorkbookSnapshot, options: CheckOptions, chunkRows: number): Generator<CheckProgress, Report, void> {
  // The working days of options.holidays hold while this run's steps execute, and only then: runs paused in between
  // (checkAsync) may use other schedules.
  const calendar = calendarFor(options.holidays);
  const steps = runSteps(snapshot, options, chunkRows);
  for (;;) {
    const previous = useCalendar(calendar);
    let step: IteratorResult<CheckProgress, Report>;
    try {
      step = steps.next();
    } finally {
      useCalendar(previous);
    }
    if (step.done) return step.value;
    yield step.value;
  }
}

function* runSteps(workbook: WorkbookSnapshot, options: CheckOptions, chunkRows: number): Generator<CheckProgress, Report, void> {
  // The waiver sheet is the user's record of assessments, not data: it is read, never checked.
  // So is a findings table the pane exported (检查结果).
  const { data: snapshot, entries: waivers } = splitWaivers(dropFindingsSheets(workbook));
  const lang: Lang = options.lang === 'en' ? 'en' : 'zh';
  const asOf = dayFromIso(options.asOf);
  const registry = registryFor(options.regulations);
  const { id, info, conflict } = profileInfo(snapshot, options, lang, registry);
  const profile = registry.profile(id)!;
  const run = new Run(profile, lang, asOf, snapshot.date1904 === true);

  if (conflict !== null) {
    run.notices.push({ id: 'profile/conflict', severity: 'warning', message: noticeText('profile/conflict', lang, { reason: conflict }), citation: null });
  }
  if (profile.regulation === null) {
    const names = registry.regulations;
    const regulations = names.map((r) => r.name.zh).join('、');
    const regulationsEn = names.map((r) => r.name.en).join(', ');
    run.notices.push({ id: 'profile/generic', severity: 'info', message: noticeText('profile/generic', lang, { regulations, regulationsEn }), citation: null });
  } else {
    const r = profile.regulation;
    const regulation = lang === 'en' ? r.titleEn : r.title;
    if (r.inForceTo !== null && options.asOf > r.inForceTo) {
      run.notices.push({
        id: 'profile/expired',
        severity: 'warning',
        message: noticeText('profile/expired', lang, { regulation, to: r.inForceTo, asOf: options.asOf }),
        citation: validityCitation(r),
      });
    } else if (r.inForceFrom !== null && options.asOf < r.inForceFrom) {
      run.notices.push({
        id: 'profile/not-yet-in-force',
        severity: 'warning',
        message: noticeText('profile/not-yet-in-force', lang, { regulation, from: r.inForceFrom, asOf: options.asOf }),
        citation: validityCitation(r),
      });
    }
  }

  const active = RULES.filter((r) => ruleRunsIn(r, profile));
  const workbookRules = active.filter((r): r is WorkbookRule => r.scope === 'workbook');

  const recognised: { sheet: SheetSnapshot; recognition: Recognition }[] = [];
  const sheetReports: SheetReport[] = [];
  const findingsBySheet: Finding[][] = [];
  for (const sheet of snapshot.sheets) {
    const recognition = recognizeSheet(sheet, options.overrides?.[sheet.name]);
    recognised.push({ sheet, recognition });
  }

  const chunk = chunkRows >= 1 ? chunkRows : 1;
  let done = 0;
  let total = 0;
  for (const { recognition } of recognised) {
    if (recognition.kind !== 'unknown') total += recognition.kind === 'progress-form' ? 1 : recognition.dataRows.length;
  }
  for (const { sheet, recognition } of recognised) {
    const kind = recognition.kind;
    const report: SheetReport = {
      name: sheet.name,
      kind,
      headerRow: null,
      columns: {},
      dataRows: [],
      reason: lang === 'en' ? recognition.reasonEn : recognition.reason,
      unmappedColumns: recognition.unmappedHeaders.map((u) => ({ column: letter(u.col), header: u.text })),
      computedColumns: [],
    };
    sheetReports.push(report);
    if (kind === 'unknown') {
      // a header row found on a sheet left unrecognised is still said, so the user can map its columns
      if (recognition.headerBottom >= 0) report.headerRow = recognition.headerBottom + 1;
      // Nothing is checked on it; it gets only the warning that says so when it holds data (unless the user chose so).
      if (ruleRunsIn(sheetUnchecked, profile) && options.overrides?.[sheet.name]?.kind !== 'unknown') {
        const before = run.findings.length;
        new SheetRun(run, sheet, recognition).runSheetRules([sheetUnchecked]);
        findingsBySheet.push(run.findings.splice(before));
      }
      continue;
    }
    const isForm = kind === 'progress-form';
    const top = isForm ? recognition.headerTop : recognition.headerBottom;
    report.headerRow = typeof top === 'number' && top >= 0 ? top + 1 : null;
    const cols: Partial<Record<FieldKey, string>> = {};
    const valueRows = new Set<number>();
    for (const f of FIELD_KEYS) {
      if (isForm) {
        const cell = recognition.formFields[f];
        if (cell !== undefined) {
          cols[f] = letter(cell.col);
          valueRows.add(cell.row + 1);
        }
      } else {
        const c = recognition.columns[f];
        if (c !== undefined) cols[f] = letter(c);
      }
    }
    report.columns = cols;
    report.dataRows = isForm ? [...valueRows].sort((a, b) => a - b) : recognition.dataRows.map((r) => r + 1);

    const before = run.findings.length;
    const sr = new SheetRun(run, sheet, recognition);
    const applies = (r: Rule) => r.appliesTo.includes(kind);
    const sheetRules = active.filter((r): r is SheetRule => r.scope === 'sheet' && applies(r));
    sr.runSheetRules(sheetRules.filter((r) => r.phase === 'before'));
    const rowRules = active.filter((r): r is RowRule => r.scope === 'row' && applies(r));
    const records = sr.recordCount;
    for (let from = 0; from < records; from += chunk) {
      sr.runRowRules(rowRules, from, from + chunk);
      done += Math.min(chunk, records - from);
      yield { done, total };
    }
    sr.runAfterHooks(rowRules);
    sr.runSheetRules(sheetRules.filter((r) => r.phase !== 'before'));
    report.computedColumns = sr.finish();
    const sheetFindings = run.findings.splice(before);
    attachProjects(sheetFindings, sheet, recognition);
    findingsBySheet.push(sheetFindings);
  }

  if (workbookRules.length > 0) {
    const wb = workbookContext(run, snapshot, recognised);
    for (const rule of workbookRules) {
      wb.setCurrent(rule);
      try {
        rule.check(wb.ctx);
      } catch (err) {
        run.ruleFailed(rule, '', err);
      }
    }
  }
  if (!recognised.some((s) => s.recognition.kind !== 'unknown')) {
    run.notices.push({ id: 'sheets/none-recognised', severity: 'info', message: noticeText('sheets/none-recognised', lang), citation: null });
  }

  // Sheet rules report before (missing columns) and after (totals, duplicates) the row pass; show them in sheet order.
  const findings: Finding[] = run.findings; // workbook-level findings (none today) first
  for (const list of findingsBySheet) {
    list.sort(byPlace);
    for (let i = 0; i < list.length; i++) findings.push(list[i]);
  }
  attachWaivers(findings, snapshot, waivers);

  return {
    asOf: options.asOf,
    lang,
    profile: info,
    notices: run.notices,
    sheets: sheetReports,
    findings,
  };
}

/**
 * Names each finding's project (the projectName cell of its row; on a form, the form's), so a list of findings can be
 * read per project. Only findings are looked up: a ledger's rows cost nothing more.
 */
function attachProjects(findings: Finding[], sheet: SheetSnapshot, recognition: Recognition): void {
  const nameOf = (row: number, col: number): string | undefined => {
    const v = sheet.rows[row]?.[col];
    if (typeof v === 'string') return v.trim() || undefined;
    return typeof v === 'number' ? String(v) : undefined;
  };
  if (recognition.kind === 'progress-form') {
    const cell = recognition.formFields.projectName;
    const name = cell === undefined ? undefined : nameOf(cell.row, cell.col);
    if (name !== undefined) for (const f of findings) if (f.row > 0) f.project = name;
    return;
  }
  const col = recognition.columns.projectName;
  if (col === undefined) return;
  // A flag per sheet row rather than a Set of 100,000 row numbers: this runs on every finding of a ledger.
  const data = new Uint8Array(sheet.rows.length);
  for (const r of recognition.dataRows) data[r] = 1;
  for (const f of findings) {
    if (f.row <= 0 || data[f.row - 1] !== 1) continue;
    const name = nameOf(f.row - 1, col);
    if (name !== undefined) f.project = name;
  }
}

// On one cell, findings keep the order the rules run in (a row rule's `after` hook reports after the row pass).
const RULE_ORDER = new Map(RULES.map((r, i) => [r.id, i]));

function byPlace(a: Finding, b: Finding): number {
  if (a.row !== b.row) return a.row - b.row;
  if (a.column.length !== b.column.length) return a.column.length - b.column.length;
  if (a.column !== b.column) return a.column < b.column ? -1 : 1;
  return (RULE_ORDER.get(a.ruleId) ?? 0) - (RULE_ORDER.get(b.ruleId) ?? 0);
}
