// Deadline computations of RULES.md §4 as pure functions of a row's dates, a profile and a reference date.
//
// Reading of the seed texts (where RULES.md is silent or loose, the seed decides; see the notes per rule):
// - A deadline day is the last day the duty may be done on: asOf == day is not overdue, asOf == day + 1 is.
// - An event date later than asOf is a plan, not an event: it does not make a deadline 'done'.
// - Declaration sheets only get declarationDue: the project is not approved yet, so construction duties
//   (progress reports, performance reports …) computed from its planned 建设年度 would be noise.
import type { Citation, ComputedKey, FieldKey, ProfileId, SheetKind } from '../types';
import type { Profile } from '../profiles/types';
import type { AfterEventSpec, BeforeProjectYearSpec, CentsBound, DeadlineSpec, QuarterlyWindowSpec, YearEndSpec } from './spec';
import type { DayNumber } from '../values/date';
import type { YearMonth } from '../values/period';
import { dayFromYmd, isoFromDay, ymdFromDay } from '../values/date';
import { addMonths } from '../calendar/months';
import { keysOf, profileOf } from './headers';
import { quarterOfDay, quarterStart, reportWindow } from './quarters';

export { DEADLINE_HEADERS, applicableDeadlineKeys, profileOf } from './headers';
export type { DeadlineSpec } from './spec';

export type { YearMonth };

export interface DeadlineInputs {
  // DayNumbers; undefined when the workbook has no such value
  reportDate?: DayNumber;
  startDate?: DayNumber;
  completionDate?: DayNumber;
  preliminaryAcceptanceDate?: DayNumber;
  acceptanceDate?: DayNumber;
  operationDate?: DayNumber;
  selfEvaluationDate?: DayNumber;
  performanceReportDate?: DayNumber;
  acceptanceApplicationDate?: DayNumber;
  standardPublishedDate?: DayNumber;
  /** 建设年度 / construction period */
  period?: { start: YearMonth; end: YearMonth };
  /** 总投资 / 项目投资 in 万元 cents (hundredths of 万元) */
  investmentCents?: number;
  /** free text: 政务治理类 / 公共服务类 / 新建 / 续建 / 运行维护 / 升级改造 … */
  projectType?: string;
  /**
   * The expected completion a 建设进度 text states (预计2027年6月完成 → the last day of that month): a plan, read where
   * the record has no 建设年度 and no completion date (a 附件2 form has neither).
   */
  expectedCompletion?: DayNumber;
  /** The record says it is an O&M (运行维护) project, not a 建设项目 (a construction-only deadline: notMaintenance). */
  maintenance?: boolean;
}

export type DeadlineStatus = 'done' | 'overdue' | 'due-soon' | 'pending';

export interface DeadlineResult {
  key: ComputedKey;
  day: DayNumber;
  iso: string;
  /** Rests on a year with no holiday schedule in the data. */
  provisional: boolean;
  /**
   * Against asOf: event recorded (on or before asOf) → 'done'; passed and not recorded → 'overdue'; due within
   * 30 days → 'due-soon'; else 'pending'. Informational dates (selfEvaluationFrom, freeMaintenanceUntil) are never
   * 'overdue' or 'due-soon'.
   */
  status: DeadlineStatus;
  /** Event recorded after the deadline. Undefined when not recorded, or when the record cannot tell. */
  late?: boolean;
  /** selfEvaluationFrom only: the self-evaluation was recorded before the 12–24 month window opened. */
  early?: boolean;
  /** The field whose value records the event (e.g. acceptanceDate for acceptanceDue). */
  eventField?: FieldKey;
  /** The input fields the deadline was computed from (for messages). */
  basis: FieldKey[];
  citation: Citation;
}

export interface ReportDateCheck {
  ok: boolean;
  windowStart: DayNumber;
  windowEnd: DayNumber;
  provisional: boolean;
  citation: Citation;
}

/** Due within this many days (inclusive) → 'due-soon'. */
export const DUE_SOON_DAYS = 30;

function statusByDate(day: DayNumber, asOf: DayNumber): DeadlineStatus {
  if (asOf > day) return 'overdue';
  return day - asOf <= DUE_SOON_DAYS ? 'due-soon' : 'pending';
}

const NO_BASIS: FieldKey[] = Object.freeze([]) as unknown as FieldKey[];
const NO_CITATION: Citation = Object.freeze({ profile: '', regulation: '', article: '' });

function blankResult(): DeadlineResult {
  // Every field present from the start: stores never change the object's shape.
  return {
    key: 'acceptanceDue',
    day: 0,
    iso: '',
    provisional: false,
    status: 'pending',
    late: undefined,
    early: undefined,
    eventField: undefined,
    basis: NO_BASIS,
    citation: NO_CITATION,
  };
}

/**
 * Where one record's deadlines go, for one profile and reference date (begin()). Each kind of deadline has its method,
 * which works out the status from the event that records it. computeDeadlines hands out fresh objects; the rules'
 * per-record path (DeadlineBuffer) reuses the same few, as a 100,000-row ledger would otherwise allocate some 300,000
 * results only to read them once.
 */
abstract class ResultSink {
  out: DeadlineResult[] = [];
  private asOf: DayNumber = 0;

  begin(asOf: DayNumber): void {
    this.asOf = asOf;
    this.out = [];
  }

  /** A result object to fill (fresh or reused). */
  protected abstract take(): DeadlineResult;

  /** A recurring duty no field records (the next quarterly report, the yearly declaration): status by date only. */
  recurring(spec: DeadlineSpec, day: DayNumber, basis: FieldKey[], provisional: boolean): DeadlineResult {
    return this.add(spec, day, basis, statusByDate(day, this.asOf), undefined, undefined, provisional);
  }

  /** A duty the `event` field records: done on eventDay (a date after asOf is a plan, not an event), else by date. */
  duty(spec: DeadlineSpec, day: DayNumber, basis: FieldKey[], event: FieldKey, eventDay: DayNumber | undefined): DeadlineResult {
    if (eventDay !== undefined && eventDay <= this.asOf) return this.add(spec, day, basis, 'done', eventDay > day, event, false);
    return this.add(spec, day, basis, statusByDate(day, this.asOf), undefined, event, false);
  }

  /**
   * duty(), where a later event also proves it done (an acceptance proves the application was made): the proof's date
   * is only a bound — done on or before it — so it shows the duty timely when it falls on or before the deadline, and
   * says nothing of lateness otherwise.
   */
  dutyOrProof(spec: DeadlineSpec, day: DayNumber, basis: FieldKey[], event: FieldKey, eventDay: DayNumber | undefined, proof: FieldKey, proofDay: DayNumber | undefined): DeadlineResult {
    if ((eventDay === undefined || eventDay > this.asOf) && proofDay !== undefined && proofDay <= this.asOf) {
      return this.add(spec, day, basis, 'done', proofDay > day ? undefined : false, proof, false);
    }
    return this.duty(spec, day, basis, event, eventDay);
  }

  /**
   * A date to know, not a duty (a window's opening, a minimum period's end): never overdue or due soon; 'done' when
   * the `event` field, if any, records it — and then `early` when it was recorded before the date.
   */
  informational(spec: DeadlineSpec, day: DayNumber, basis: FieldKey[], event?: FieldKey, eventDay?: DayNumber): DeadlineResult {
    if (event !== undefined && eventDay !== undefined && eventDay <= this.asOf) {
      const r = this.add(spec, day, basis, 'done', undefined, event, false);
      r.early = eventDay < day;
      return r;
    }
    return this.add(spec, day, basis, 'pending', undefined, event, false);
  }

  private add(spec: DeadlineSpec, day: DayNumber, basis: FieldKey[], status: DeadlineStatus, late: boolean | undefined, eventField: FieldKey | undefined, provisional: boolean): DeadlineResult {
    const r = this.take();
    r.key = spec.key;
    r.day = day;
    r.iso = isoFromDay(day);
    r.provisional = provisional;
    r.status = status;
    r.late = late;
    r.early = undefined;
    r.eventField = eventField;
    r.basis = basis;
    r.citation = spec.citation;
    this.out.push(r);
    return r;
  }
}

/** Fresh results, for callers that keep them. */
class FreshSink extends ResultSink {
  protected take(): DeadlineResult {
    return blankResult();
  }
}

/**
 * Reused results for one record at a time: each record's begin() overwrites the results of the previous one. For the
 * engine's row path only, where rules read a record's deadlines before the next record.
 */
export class DeadlineBuffer extends ResultSink {
  private readonly pool: DeadlineResult[] = [];
  private used = 0;
  override begin(asOf: DayNumber): void {
    super.begin(asOf);
    this.used = 0;
  }
  protected take(): DeadlineResult {
    if (this.used === this.pool.length) this.pool.push(blankResult());
    return this.pool[this.used++];
  }
}

function monthStart(ym: YearMonth): DayNumber {
  return dayFromYmd(ym.year, ym.month, 1);
}

function monthEnd(ym: YearMonth): DayNumber {
  return ym.month === 12 ? dayFromYmd(ym.year + 1, 1, 1) - 1 : dayFromYmd(ym.year, ym.month + 1, 1) - 1;
}

function monthOrdinal(ym: YearMonth): number {
  return ym.year * 12 + ym.month - 1;
}

/** The period, when it is usable (end not before start). */
function validPeriod(inputs: DeadlineInputs): { start: YearMonth; end: YearMonth } | undefined {
  const p = inputs.period;
  if (p === undefined || monthOrdinal(p.end) < monthOrdinal(p.start)) return undefined;
  return p;
}

function maxDay(a: DayNumber, b: DayNumber): DayNumber {
  return a > b ? a : b;
}

/** Construction span: actual dates first, then the planned 建设年度. Either end may be unknown. */
interface Span {
  start?: DayNumber;
  end?: DayNumber;
  /** end is a recorded completion/acceptance (over on that day), not the last day of the planned period. */
  endIsEvent: boolean;
  basis: FieldKey[];
}

// Every basis a span can have, built once (the span is read for every row): by where its start comes from
// (none, startDate, period) × 5 + where its end comes from (none, completionDate, acceptanceDate, period, the
// 建设进度 text's expected completion).
const SPAN_STARTS = [null, 'startDate', 'period'] as const;
const SPAN_ENDS = [null, 'completionDate', 'acceptanceDate', 'period', 'progress'] as const;
const SPAN_BASIS: FieldKey[][] = [];
SPAN_STARTS.forEach((from, i) =>
  SPAN_ENDS.forEach((to, j) => {
    const basis: FieldKey[] = [];
    if (from !== null) basis.push(from);
    if (to !== null && !basis.includes(to)) basis.push(to);
    SPAN_BASIS[i * SPAN_ENDS.length + j] = Object.freeze(basis) as FieldKey[];
  }),
);

// The span is read for every row and used at once: one object, overwritten by each constructionSpan() call.
const SPAN: Span = { start: undefined, end: undefined, endIsEvent: true, basis: NO_BASIS };

/** The construction span of the inputs (the shared SPAN, valid until the next call). */
function constructionSpan(inputs: DeadlineInputs): Span {
  const p = validPeriod(inputs);
  let start: DayNumber | undefined;
  let end: DayNumber | undefined;
  let endIsEvent = true;
  let from = 0;
  let to = 0;
  if (inputs.startDate !== undefined) {
    start = inputs.startDate;
    from = 1;
  } else if (p !== undefined) {
    start = monthStart(p.start);
    from = 2;
  }
  if (inputs.completionDate !== undefined) {
    end = inputs.completionDate;
    to = 1;
  } else if (inputs.acceptanceDate !== undefined) {
    // Accepted without a recorded completion: construction was over by then.
    end = inputs.acceptanceDate;
    to = 2;
  } else if (p !== undefined) {
    end = monthEnd(p.end);
    endIsEvent = false;
    to = 3;
  } else if (inputs.expectedCompletion !== undefined) {
    end = inputs.expectedCompletion;
    endIsEvent = false;
    to = 4;
  }
  SPAN.start = start;
  SPAN.end = end;
  SPAN.endIsEvent = endIsEvent;
  SPAN.basis = SPAN_BASIS[from * SPAN_ENDS.length + to];
  return SPAN;
}

/**
 * Quarterly reports (e.g. 建设时间超过6个月的项目或跨年度项目) bind projects longer than `longerThanMonths` or across years. From the 建设年度 (months counted inclusively:
 * 2025年01月至2025年07月 is 7 months), else from a start to an end: the start is startDate, else the report's own
 * date (a progress report shows the project under way then, so it began no later); the end is completionDate, else
 * the expected completion of the 建设进度 text. From a report date only a span across years or over 6 months is
 * proof; a shorter one may have begun earlier, so it says nothing. Null when it cannot be told.
 */
export function needsQuarterlyReports(inputs: DeadlineInputs, longerThanMonths = 6): { readonly basis: readonly FieldKey[] } | null {
  const p = validPeriod(inputs);
  if (p !== undefined) {
    const months = monthOrdinal(p.end) - monthOrdinal(p.start) + 1;
    return p.end.year !== p.start.year || months > longerThanMonths ? BY_PERIOD : null;
  }
  const fromStart = inputs.startDate !== undefined;
  const s = fromStart ? inputs.startDate : inputs.reportDate;
  const toCompletion = inputs.completionDate !== undefined;
  const c = toCompletion ? inputs.completionDate : inputs.expectedCompletion;
  if (s === undefined || c === undefined || c < s) return null;
  const spansYears = ymdFromDay(s)[0] !== ymdFromDay(c)[0];
  if (!spansYears && c <= addMonths(s, longerThanMonths)) return null;
  return fromStart ? (toCompletion ? BY_DATES : BY_START_PROGRESS) : toCompletion ? BY_REPORT_COMPLETION : BY_REPORT_PROGRESS;
}

// needsQuarterlyReports' answers (shared, frozen: asked for every row). The report date goes last, so a finding on
// the deadline lands on the 填报日期 cell rather than on the 建设进度 text.
const BY_PERIOD = Object.freeze({ basis: Object.freeze(['period'] as FieldKey[]) });
const BY_DATES = Object.freeze({ basis: Object.freeze(['startDate', 'completionDate'] as FieldKey[]) });
const BY_START_PROGRESS = Object.freeze({ basis: Object.freeze(['startDate', 'progress'] as FieldKey[]) });
const BY_REPORT_COMPLETION = Object.freeze({ basis: Object.freeze(['completionDate', 'reportDate'] as FieldKey[]) });
const BY_REPORT_PROGRESS = Object.freeze({ basis: Object.freeze(['progress', 'reportDate'] as FieldKey[]) });

/**
 * The expected completion a 建设进度 text states, as the last day it allows: 预计2027年6月完成 → 2027-06-30,
 * 预计2027年6月15日上线 → that day, 预计2027年底完成 / 上半年 / 第二季度 → the end of that year, half or quarter.
 * Undefined when the text states none (normalised text: no white space, half-width digits).
 */
export function expectedCompletionOf(text: string): DayNumber | undefined {
  if (text === '') return undefined;
  const m = EXPECTED.exec(text);
  if (m === null) return undefined;
  const year = +m[1];
  if (year < 1990 || year > 2100) return undefined;
  let month = 12;
  let day = 0;
  if (m[2] !== undefined) {
    month = +m[2];
    if (m[3] !== undefined) day = +m[3];
  } else if (m[4] !== undefined) {
    month = m[4] === '上半年' ? 6 : 12;
  } else if (m[5] !== undefined) {
    month = QUARTER_DIGITS.indexOf(m[5]) % 4 * 3 + 3;
  }
  if (month < 1 || month > 12) return undefined;
  const last = monthEnd({ year, month });
  if (day >= 1 && day <= ymdFromDay(last)[2]) return dayFromYmd(year, month, day);
  return last;
}

const QUARTER_DIGITS = '一二三四1234';
// 预计 (于/在/将…) a date, then within a few characters a completion word. Dates as 2027年6月(15日), 2027-06(-15),
// 2027.6, or a year with 年底/年末/上半年/下半年/(第)N季度.
const EXPECTED = new RegExp(
  '预计(?:将|于|在|到|至)*(\\d{4})(?:年|[-./])(?:(\\d{1,2})(?:月|[-./])?(?:(\\d{1,2})[日号]?)?|(上半年|下半年|年?底|年?末)|第?([一二三四1-4])季度)?' +
    '[^\\d]{0,12}?(?:完成|完工|建成|竣工|上线|交付|验收)',
);

// The progress-report deadline's basis: needsQuarterlyReports' fields, then the span's, by (which answer, SPAN_BASIS index).
const REPORT_BASIS = new Map<readonly FieldKey[], FieldKey[][]>();
function reportBasis(applies: readonly FieldKey[], span: FieldKey[]): FieldKey[] {
  let byApplies = REPORT_BASIS.get(applies);
  if (byApplies === undefined) REPORT_BASIS.set(applies, (byApplies = []));
  const k = SPAN_BASIS.indexOf(span);
  let b = byApplies[k];
  if (b === undefined) {
    b = applies.slice();
    for (const f of span) if (!b.includes(f)) b.push(f);
    byApplies[k] = b = Object.freeze(b) as FieldKey[];
  }
  return b;
}

function nextProgressReportDue(sink: ResultSink, spec: QuarterlyWindowSpec, inputs: DeadlineInputs, asOf: DayNumber): void {
  const applies = needsQuarterlyReports(inputs, spec.longerThanMonths);
  if (applies === null) return;
  // The next window whose last working day is on or after asOf (asOf inside a window → that window).
  let q = quarterOfDay(asOf);
  const w0 = reportWindow(q, spec.workingDays);
  if (w0.end < asOf) q += 1;
  // A report already dated in that window (on or before asOf) is the one it asks for: the next is a quarter on.
  else if (inputs.reportDate !== undefined && inputs.reportDate >= w0.start && inputs.reportDate <= asOf) q += 1;
  // Each window reports on the quarter before it (上一季度): skip windows before construction began, and stop
  // once the reported quarter starts after construction ended.
  const span = constructionSpan(inputs);
  if (span.start !== undefined) q = Math.max(q, quarterOfDay(span.start) + 1);
  if (span.end !== undefined && quarterStart(q - 1) > span.end) return;
  const w = reportWindow(q, spec.workingDays);
  // A recurring duty: no event field, status by date only.
  sink.recurring(spec, w.end, reportBasis(applies.basis, span.basis), w.provisional);
}

/** 在建设期内每年年底前: a report each year end while the project is under construction. */
function yearEndWhileBuilding(sink: ResultSink, spec: YearEndSpec, inputs: DeadlineInputs, asOf: DayNumber): void {
  const span = constructionSpan(inputs);
  if (span.start === undefined || span.start > asOf) return;
  if (span.end !== undefined && (span.endIsEvent ? span.end <= asOf : span.end < asOf)) return;
  const year = ymdFromDay(asOf)[0];
  const yearStart = dayFromYmd(year, 1, 1);
  const due = dayFromYmd(year, 12, 31);
  // Only a report dated within asOf's year is this year's report.
  const rep = inputs[spec.event as keyof DeadlineInputs] as DayNumber | undefined;
  const thisYear = rep !== undefined && rep >= yearStart ? rep : undefined;
  sink.duty(spec, due, span.basis, spec.event, thisYear);
}

function investmentField(sheetKind: SheetKind): FieldKey {
  return sheetKind === 'declaration' ? 'investment' : 'totalInvestment';
}

function withinBounds(cents: number, min: CentsBound | undefined, max: CentsBound | undefined): boolean {
  if (min !== undefined && (min.inclusive ? cents < min.cents : cents <= min.cents)) return false;
  if (max !== undefined && (max.inclusive ? cents > max.cents : cents >= max.cents)) return false;
  return true;
}

/** Whether a row meets the spec's conditions (its amount, its class, construction rather than O&M). */
function conditionHolds(spec: AfterEventSpec, inputs: DeadlineInputs): boolean {
  const inv = spec.investment;
  if (inv !== undefined) {
    const c = inputs.investmentCents;
    if (c === undefined ? !inv.ifUnknown : !withinBounds(c, inv.min, inv.max)) return false;
  }
  if (spec.projectClass !== undefined && (inputs.projectType === undefined || !inputs.projectType.includes(spec.projectClass))) return false;
  if (spec.notMaintenance && inputs.maintenance === true) return false;
  return true;
}


/** Reads one date input. One small function per field keeps each property load monomorphic on the per-row path. */
type DateGetter = (inputs: DeadlineInputs) => DayNumber | undefined;
const DATE_GETTERS: Partial<Record<FieldKey, DateGetter>> = {
  reportDate: (i) => i.reportDate,
  startDate: (i) => i.startDate,
  completionDate: (i) => i.completionDate,
  preliminaryAcceptanceDate: (i) => i.preliminaryAcceptanceDate,
  acceptanceDate: (i) => i.acceptanceDate,
  operationDate: (i) => i.operationDate,
  selfEvaluationDate: (i) => i.selfEvaluationDate,
  performanceReportDate: (i) => i.performanceReportDate,
  acceptanceApplicationDate: (i) => i.acceptanceApplicationDate,
  standardPublishedDate: (i) => i.standardPublishedDate,
};
const NO_DATE: DateGetter = () => undefined;
const dateGetter = (f: FieldKey | undefined): DateGetter => (f === undefined ? NO_DATE : (DATE_GETTERS[f] ?? NO_DATE));

/** An afterEvent spec ready for rows of one sheet kind: its getters and its basis resolved once. */
interface CompiledAfter {
  spec: AfterEventSpec;
  after: DateGetter[];
  event: DateGetter;
  proof: DateGetter;
  basis: FieldKey[];
}

function compileAfter(spec: AfterEventSpec, sheetKind: SheetKind): CompiledAfter {
  const fields: FieldKey[] = [];
  // The fields its conditions read, then its events (the finding lands on the last one the sheet has).
  if (spec.investment !== undefined && !spec.investment.ifUnknown) fields.push(investmentField(sheetKind));
  if (spec.projectClass !== undefined) fields.push('projectType');
  for (const f of spec.after) if (!fields.includes(f)) fields.push(f);
  return { spec, after: spec.after.map(dateGetter), event: dateGetter(spec.event), proof: dateGetter(spec.proof), basis: Object.freeze(fields) as FieldKey[] };
}

/**
 * N months after an event, or after the later of two events (通过验收并投入运行后: both must have happened). A duty
 * recorded by its event field (or proved by a later event), or a date only to know.
 */
function afterEvent(sink: ResultSink, c: CompiledAfter, inputs: DeadlineInputs): void {
  let base: DayNumber | undefined;
  for (let i = 0; i < c.after.length; i++) {
    const d = c.after[i](inputs);
    if (d === undefined) return;
    base = base === undefined ? d : maxDay(base, d);
  }
  if (base === undefined) return;
  const spec = c.spec;
  const day = addMonths(base, spec.months);
  const eventDay = c.event(inputs);
  if (spec.informational) sink.informational(spec, day, c.basis, spec.event, eventDay);
  else if (spec.proof !== undefined) sink.dutyOrProof(spec, day, c.basis, spec.event!, eventDay, spec.proof, c.proof(inputs));
  else sink.duty(spec, day, c.basis, spec.event!, eventDay);
}

/** One step of a plan: a spec of one computed key (several per key: the first whose condition holds). */
type Step = { kind: 'afterEvent'; after: CompiledAfter } | { kind: 'other'; spec: YearEndSpec | QuarterlyWindowSpec };

/** A profile's deadlines for one sheet kind, in column order, steps of a key together. Built once, then reused. */
interface Plan {
  profile: Profile;
  sheetKind: SheetKind;
  byKey: Step[][];
}

let lastPlan: Plan | null = null;
const PLANS = new WeakMap<Profile, Partial<Record<SheetKind, Plan>>>();
function planOf(profile: Profile, sheetKind: SheetKind): Plan {
  // Rows of a sheet share profile and kind: the last plan answers nearly every call.
  if (lastPlan !== null && lastPlan.profile === profile && lastPlan.sheetKind === sheetKind) return lastPlan;
  let byKind = PLANS.get(profile);
  if (byKind === undefined) PLANS.set(profile, (byKind = {}));
  let plan = byKind[sheetKind];
  if (plan === undefined) {
    const byKey = keysOf(profile).map((key) =>
      profile.deadlines
        .filter((d) => d.key === key && d.kind !== 'beforeProjectYear')
        .map((d): Step => (d.kind === 'afterEvent' ? { kind: 'afterEvent', after: compileAfter(d, sheetKind) } : { kind: 'other', spec: d as YearEndSpec | QuarterlyWindowSpec })),
    );
    byKind[sheetKind] = plan = { profile, sheetKind, byKey };
  }
  return (lastPlan = plan);
}

function specOf<K extends DeadlineSpec['kind']>(profile: Profile, kind: K): Extract<DeadlineSpec, { kind: K }> | undefined {
  return profile.deadlines.find((d) => d.kind === kind) as Extract<DeadlineSpec, { kind: K }> | undefined;
}

/**
 * 每年N月份前申报下一年度项目 → a project for year Y is due on that day of Y-1 (the cited one before the month named:
 * 10月份前 is 9-30). Null when the regulation sets no declaration cut-off.
 */
export function declarationDue(profile: Profile | ProfileId, projectYear: number): { day: DayNumber; citation: Citation; lateCitation: Citation } | null {
  const spec = specOf(profileOf(profile), 'beforeProjectYear');
  if (spec === undefined) return null;
  return { day: dayFromYmd(projectYear - 1, spec.month, spec.day), citation: spec.citation, lateCitation: spec.lateCitation };
}

/**
 * A progress report's 填报日期 belongs in the window of its own quarter's first month — from the 1st of that month to
 * its Nth working day. A date in the 2nd or 3rd month of a quarter is outside (window = that quarter's). Null when the
 * regulation has no quarterly reports. Whether the project needs quarterly reports at all is the caller's question.
 */
export function checkProgressReportDate(profile: Profile | ProfileId, reportDate: DayNumber): ReportDateCheck | null {
  const spec = specOf(profileOf(profile), 'quarterlyWindow');
  if (spec === undefined) return null;
  const w = reportWindow(quarterOfDay(reportDate), spec.workingDays);
  return {
    ok: reportDate >= w.start && reportDate <= w.end,
    windowStart: w.start,
    windowEnd: w.end,
    provisional: w.provisional,
    citation: spec.citation,
  };
}

/**
 * All deadlines of `profile` that the inputs allow, in applicableDeadlineKeys order. A deadline whose inputs are
 * missing is left out (a missing input is not an error by itself).
 */
export function computeDeadlines(profile: Profile | ProfileId, inputs: DeadlineInputs, asOf: DayNumber, sheetKind: SheetKind): DeadlineResult[] {
  const sink = new FreshSink();
  sink.begin(asOf);
  collectDeadlines(sink, profileOf(profile), inputs, asOf, sheetKind);
  return sink.out;
}

const PERIOD_BASIS: FieldKey[] = Object.freeze(['period']) as FieldKey[];

/**
 * computeDeadlines into a DeadlineBuffer: the same results, in reused objects that stay valid until the buffer's
 * next begin(). The inputs are not kept.
 */
export function computeDeadlinesInto(buffer: DeadlineBuffer, profile: Profile, inputs: DeadlineInputs, asOf: DayNumber, sheetKind: SheetKind): DeadlineResult[] {
  buffer.begin(asOf);
  collectDeadlines(buffer, profile, inputs, asOf, sheetKind);
  return buffer.out;
}

function collectDeadlines(sink: ResultSink, profile: Profile, inputs: DeadlineInputs, asOf: DayNumber, sheetKind: SheetKind): void {
  const specs = profile.deadlines;
  if (specs.length === 0) return;
  if (sheetKind === 'declaration') {
    // Only the declaration cut-off: the project is not approved yet, so construction duties would be noise.
    const p = validPeriod(inputs);
    const spec = p === undefined ? undefined : specOf(profile, 'beforeProjectYear');
    if (spec !== undefined) sink.recurring(spec, dayFromYmd(p!.start.year - 1, spec.month, spec.day), PERIOD_BASIS, false);
    return;
  }
  const byKey = planOf(profile, sheetKind).byKey;
  for (let k = 0; k < byKey.length; k++) {
    const steps = byKey[k];
    for (let i = 0; i < steps.length; i++) {
      const step = steps[i];
      if (step.kind === 'afterEvent') {
        if (!conditionHolds(step.after.spec, inputs)) continue;
        afterEvent(sink, step.after, inputs);
      } else if (step.spec.kind === 'yearEndWhileBuilding') yearEndWhileBuilding(sink, step.spec, inputs, asOf);
      else nextProgressReportDue(sink, step.spec, inputs, asOf);
      break;
    }
  }
}

/**
 * Whether the row's O&M reading can change a deadline: some construction-only spec has its events and its amount. Read
 * per row before isMaintenanceProject, which reads three texts: most rows of a ledger have no such deadline due.
 */
export function maintenanceMatters(profile: Profile, inputs: DeadlineInputs): boolean {
  const specs = profile.deadlines;
  for (let i = 0; i < specs.length; i++) {
    const s = specs[i];
    if (s.kind !== 'afterEvent' || !s.notMaintenance) continue;
    let events = true;
    for (let j = 0; j < s.after.length && events; j++) events = inputs[s.after[j] as keyof DeadlineInputs] !== undefined;
    if (!events) continue;
    const inv = s.investment;
    if (inv !== undefined) {
      const c = inputs.investmentCents;
      if (c === undefined ? !inv.ifUnknown : !withinBounds(c, inv.min, inv.max)) continue;
    }
    return true;
  }
  return false;
}

/** What a profile's deadlines read beyond dates, so rows are not asked for what no deadline uses. */
export interface DeadlineNeeds {
  /** 项目类别/备注 (a class condition). */
  projectType: boolean;
  /** The 建设进度 text's expected completion (quarterly reports: a form's only clue to its span). */
  progressText: boolean;
  /** Whether the row is an O&M project (a construction-only deadline). */
  maintenance: boolean;
  /** A declaration cut-off: declaration sheets get a deadline. */
  declares: boolean;
}

const NEEDS = new WeakMap<Profile, DeadlineNeeds>();
export function deadlineNeeds(profile: Profile): DeadlineNeeds {
  let n = NEEDS.get(profile);
  if (n === undefined) {
    const d = profile.deadlines;
    n = {
      projectType: d.some((s) => s.kind === 'afterEvent' && s.projectClass !== undefined),
      progressText: d.some((s) => s.kind === 'quarterlyWindow'),
      maintenance: d.some((s) => s.kind === 'afterEvent' && s.notMaintenance),
      declares: d.some((s) => s.kind === 'beforeProjectYear'),
    };
    NEEDS.set(profile, n);
  }
  return n;
}

export type { BeforeProjectYearSpec };
