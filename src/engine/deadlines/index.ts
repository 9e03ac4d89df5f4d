// Deadline computations of RULES.md §4 as pure functions of a row's dates, a profile and a reference date.
//
// Reading of the seed texts (where RULES.md is silent or loose, the seed decides; see the notes per rule):
// - A deadline day is the last day the duty may be done on: asOf == day is not overdue, asOf == day + 1 is.
// - An event date later than asOf is a plan, not an event: it does not make a deadline 'done'.
// - Declaration sheets only get declarationDue: the project is not approved yet, so construction duties
//   (progress reports, performance reports …) computed from its planned 建设年度 would be noise.
import type { Citation, ComputedKey, FieldKey, ProfileId, SheetKind } from '../types';
import { cite } from '../regulations';
import type { RegulationId } from '../regulations';
import type { DayNumber } from '../values/date';
import type { YearMonth } from '../values/period';
import { dayFromYmd, isoFromDay, ymdFromDay } from '../values/date';
import { addMonths, addYears } from '../calendar/months';
import { keysOf } from './headers';
import { quarterOfDay, quarterStart, reportWindow } from './quarters';

export { DEADLINE_HEADERS, applicableDeadlineKeys } from './headers';

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
  /** The record says it is an O&M (运行维护) project, not a 建设项目 (Laizhou 第十五条 binds 建设项目 only). */
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

/** 5,000,000 yuan in 万元 cents: Laizhou 第十五条 总投资 500 万元以上 (以上 includes the number). */
export const LAIZHOU_STANDARD_MIN_CENTS = 500 * 100;
/** Wulong 第二十八条 3000 万元（含）以上: the unit only has to apply for acceptance within half a year. */
const WULONG_DISTRICT_ACCEPTANCE_MIN_CENTS = 3000 * 100;

// Articles per profile (RULES.md §4, each checked against the seed text).
const ARTICLES: Partial<Record<ComputedKey, Partial<Record<RegulationId, string>>>> = {
  declarationDue: { yeji: '第六条' },
  nextProgressReportDue: { yeji: '第十五条' },
  annualPerformanceReportDue: { wuhan: '第二十条', wulong: '第二十三条', laizhou: '第二十四条' },
  acceptanceDue: { wuhan: '第二十一条', wulong: '第二十八条', laizhou: '第二十三条' },
  acceptanceApplicationDue: { yeji: '第二十二条' },
  selfEvaluationFrom: { wuhan: '第二十二条', wulong: '第三十条' },
  selfEvaluationDue: { wuhan: '第二十二条', wulong: '第三十条', yeji: '第二十三条', laizhou: '第三十四条' },
  standardPublicationDue: { laizhou: '第十五条' },
  freeMaintenanceUntil: { laizhou: '第二十九条' },
};

// Built once: results share frozen citations instead of allocating one per row.
const CITATIONS: Record<RegulationId, Partial<Record<ComputedKey, Citation>>> = { wuhan: {}, yeji: {}, wulong: {}, laizhou: {} };
for (const key of Object.keys(ARTICLES) as ComputedKey[]) {
  for (const [profile, article] of Object.entries(ARTICLES[key]!) as [RegulationId, string][]) {
    CITATIONS[profile][key] = Object.freeze(cite(profile, article));
  }
}

function citationFor(profile: ProfileId, key: ComputedKey): Citation {
  const c = profile === 'generic' ? undefined : CITATIONS[profile][key];
  if (c === undefined) throw new Error(`no article for ${key} in ${profile}`);
  return c;
}

function statusByDate(day: DayNumber, asOf: DayNumber): DeadlineStatus {
  if (asOf > day) return 'overdue';
  return day - asOf <= DUE_SOON_DAYS ? 'due-soon' : 'pending';
}

const NO_BASIS: FieldKey[] = Object.freeze([]) as unknown as FieldKey[];
const NO_CITATION: Citation = Object.freeze({ profile: 'wuhan', regulation: '', article: '' });

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
  private profile: ProfileId = 'generic';
  private asOf: DayNumber = 0;

  begin(profile: ProfileId, asOf: DayNumber): void {
    this.profile = profile;
    this.asOf = asOf;
    this.out = [];
  }

  /** A result object to fill (fresh or reused). */
  protected abstract take(): DeadlineResult;

  /** A recurring duty no field records (the next quarterly report, the yearly declaration): status by date only. */
  recurring(key: ComputedKey, day: DayNumber, basis: FieldKey[], provisional: boolean): DeadlineResult {
    return this.add(key, day, basis, statusByDate(day, this.asOf), undefined, undefined, provisional);
  }

  /** A duty the `event` field records: done on eventDay (a date after asOf is a plan, not an event), else by date. */
  duty(key: ComputedKey, day: DayNumber, basis: FieldKey[], event: FieldKey, eventDay: DayNumber | undefined): DeadlineResult {
    if (eventDay !== undefined && eventDay <= this.asOf) return this.add(key, day, basis, 'done', eventDay > day, event, false);
    return this.add(key, day, basis, statusByDate(day, this.asOf), undefined, event, false);
  }

  /**
   * duty(), where a later event also proves it done (an acceptance proves the application was made): the proof's date
   * is only a bound — done on or before it — so it shows the duty timely when it falls on or before the deadline, and
   * says nothing of lateness otherwise.
   */
  dutyOrProof(key: ComputedKey, day: DayNumber, basis: FieldKey[], event: FieldKey, eventDay: DayNumber | undefined, proof: FieldKey, proofDay: DayNumber | undefined): DeadlineResult {
    if ((eventDay === undefined || eventDay > this.asOf) && proofDay !== undefined && proofDay <= this.asOf) {
      return this.add(key, day, basis, 'done', proofDay > day ? undefined : false, proof, false);
    }
    return this.duty(key, day, basis, event, eventDay);
  }

  /**
   * A date to know, not a duty (a window's opening, a minimum period's end): never overdue or due soon; 'done' when
   * the `event` field, if any, records it.
   */
  informational(key: ComputedKey, day: DayNumber, basis: FieldKey[], event?: FieldKey, eventDay?: DayNumber): DeadlineResult {
    if (event !== undefined && eventDay !== undefined && eventDay <= this.asOf) return this.add(key, day, basis, 'done', eventDay > day, event, false);
    return this.add(key, day, basis, 'pending', undefined, event, false);
  }

  private add(key: ComputedKey, day: DayNumber, basis: FieldKey[], status: DeadlineStatus, late: boolean | undefined, eventField: FieldKey | undefined, provisional: boolean): DeadlineResult {
    const r = this.take();
    r.key = key;
    r.day = day;
    r.iso = isoFromDay(day);
    r.provisional = provisional;
    r.status = status;
    r.late = late;
    r.early = undefined;
    r.eventField = eventField;
    r.basis = basis;
    r.citation = citationFor(this.profile, key);
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
  override begin(profile: ProfileId, asOf: DayNumber): void {
    super.begin(profile, asOf);
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
 * Yeji 第十五条 applies to 建设时间超过6个月的项目或跨年度项目. From the 建设年度 (months counted inclusively:
 * 2025年01月至2025年07月 is 7 months), else from a start to an end: the start is startDate, else the report's own
 * date (a progress report shows the project under way then, so it began no later); the end is completionDate, else
 * the expected completion of the 建设进度 text. From a report date only a span across years or over 6 months is
 * proof; a shorter one may have begun earlier, so it says nothing. Null when it cannot be told.
 */
export function needsQuarterlyReports(inputs: DeadlineInputs): { readonly basis: readonly FieldKey[] } | null {
  const p = validPeriod(inputs);
  if (p !== undefined) {
    const months = monthOrdinal(p.end) - monthOrdinal(p.start) + 1;
    return p.end.year !== p.start.year || months > 6 ? BY_PERIOD : null;
  }
  const fromStart = inputs.startDate !== undefined;
  const s = fromStart ? inputs.startDate : inputs.reportDate;
  const toCompletion = inputs.completionDate !== undefined;
  const c = toCompletion ? inputs.completionDate : inputs.expectedCompletion;
  if (s === undefined || c === undefined || c < s) return null;
  const spansYears = ymdFromDay(s)[0] !== ymdFromDay(c)[0];
  if (!spansYears && c <= addMonths(s, 6)) return null;
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

function nextProgressReportDue(sink: ResultSink, inputs: DeadlineInputs, asOf: DayNumber): void {
  const applies = needsQuarterlyReports(inputs);
  if (applies === null) return;
  // The next window whose 5th working day is on or after asOf (asOf inside a window → that window).
  let q = quarterOfDay(asOf);
  const w0 = reportWindow(q);
  if (w0.end < asOf) q += 1;
  // A report already dated in that window (on or before asOf) is the one it asks for: the next is a quarter on.
  else if (inputs.reportDate !== undefined && inputs.reportDate >= w0.start && inputs.reportDate <= asOf) q += 1;
  // Each window reports on the quarter before it (上一季度): skip windows before construction began, and stop
  // once the reported quarter starts after construction ended.
  const span = constructionSpan(inputs);
  if (span.start !== undefined) q = Math.max(q, quarterOfDay(span.start) + 1);
  if (span.end !== undefined && quarterStart(q - 1) > span.end) return;
  const w = reportWindow(q);
  // A recurring duty: no event field, status by date only.
  sink.recurring('nextProgressReportDue', w.end, reportBasis(applies.basis, span.basis), w.provisional);
}

/** Wuhan 第二十条 / Wulong 第二十三条 / Laizhou 第二十四条: 在建设期内每年年底前 a performance report. */
function annualPerformanceReportDue(sink: ResultSink, inputs: DeadlineInputs, asOf: DayNumber): void {
  const span = constructionSpan(inputs);
  if (span.start === undefined || span.start > asOf) return;
  if (span.end !== undefined && (span.endIsEvent ? span.end <= asOf : span.end < asOf)) return;
  const year = ymdFromDay(asOf)[0];
  const yearStart = dayFromYmd(year, 1, 1);
  const due = dayFromYmd(year, 12, 31);
  // Only a report dated within asOf's year is this year's report.
  const rep = inputs.performanceReportDate;
  const thisYear = rep !== undefined && rep >= yearStart ? rep : undefined;
  sink.duty('annualPerformanceReportDue', due, span.basis, 'performanceReportDate', thisYear);
}

/** Wuhan 第二十一条 / Wulong 第二十八条 / Laizhou 第二十三条: 建成后半年内 (组织)验收. */
const COMPLETION: FieldKey[] = Object.freeze(['completionDate']) as FieldKey[];

function acceptanceDue(sink: ResultSink, profile: RegulationId, inputs: DeadlineInputs): void {
  if (inputs.completionDate === undefined) return;
  const due = addMonths(inputs.completionDate, 6);
  const inv = inputs.investmentCents;
  if (profile === 'wulong' && (inv === undefined || inv >= WULONG_DISTRICT_ACCEPTANCE_MIN_CENTS)) {
    // Wulong ≥ 3000万 (or unknown: give the benefit of the doubt): the duty is to 申请 acceptance within half a year;
    // the acceptance itself proves an application was made on or before it.
    sink.dutyOrProof('acceptanceDue', due, COMPLETION, 'acceptanceApplicationDate', inputs.acceptanceApplicationDate, 'acceptanceDate', inputs.acceptanceDate);
    return;
  }
  sink.duty('acceptanceDue', due, COMPLETION, 'acceptanceDate', inputs.acceptanceDate);
}

/** Yeji 第二十二条: 初步验收合格后1个月内 提出竣工验收申请. */
const PRELIMINARY: FieldKey[] = Object.freeze(['preliminaryAcceptanceDate']) as FieldKey[];

function acceptanceApplicationDue(sink: ResultSink, inputs: DeadlineInputs): void {
  if (inputs.preliminaryAcceptanceDate === undefined) return;
  const due = addMonths(inputs.preliminaryAcceptanceDate, 1);
  // A 竣工验收 held proves the application was made on or before it.
  sink.dutyOrProof('acceptanceApplicationDue', due, PRELIMINARY, 'acceptanceApplicationDate', inputs.acceptanceApplicationDate, 'acceptanceDate', inputs.acceptanceDate);
}

/**
 * The day the self-evaluation clock starts, per profile:
 * - wuhan 第二十二条 投入运行后: operationDate.
 * - wulong 第三十条 通过竣工验收并投入运行后 / yeji 第二十三条 通过验收并投入运行后: both must have happened, so the
 *   later of acceptanceDate and operationDate; both required.
 * - laizhou 第三十四条 项目竣工并投入使用后: 投入使用 is operationDate (投入运行/投入使用日期), 竣工 the completionDate
 *   (建成/竣工日期); the clock starts once both have happened: the later of the two, both required. A 竣工验收 date
 *   is not read as 竣工: the article counts from completion and use, not from acceptance.
 */
function selfEvaluationBase(profile: RegulationId, inputs: DeadlineInputs): DayNumber | undefined {
  const op = inputs.operationDate;
  if (op === undefined || profile === 'wuhan') return op;
  const od = profile === 'laizhou' ? inputs.completionDate : inputs.acceptanceDate;
  return od === undefined ? undefined : maxDay(op, od);
}

const SELF_EVALUATION_BASIS: Record<RegulationId, FieldKey[]> = {
  wuhan: Object.freeze(['operationDate']) as FieldKey[],
  wulong: Object.freeze(['acceptanceDate', 'operationDate']) as FieldKey[],
  yeji: Object.freeze(['acceptanceDate', 'operationDate']) as FieldKey[],
  laizhou: Object.freeze(['completionDate', 'operationDate']) as FieldKey[],
};

const SELF_EVALUATION_MONTHS: Partial<Record<RegulationId, { from?: number; due: number }>> = {
  wuhan: { from: 12, due: 24 }, // 投入运行后12至24个月内
  wulong: { from: 12, due: 24 }, // 12—24 个月内
  yeji: { due: 6 }, // 6个月内
  laizhou: { due: 12 }, // 12个月内
};

function selfEvaluation(sink: ResultSink, profile: RegulationId, inputs: DeadlineInputs, wantFrom: boolean, wantDue: boolean): void {
  const months = SELF_EVALUATION_MONTHS[profile];
  const base = selfEvaluationBase(profile, inputs);
  if (months === undefined || base === undefined) return;
  const basis = SELF_EVALUATION_BASIS[profile];
  const done = inputs.selfEvaluationDate;
  if (wantFrom && months.from !== undefined) {
    const from = addMonths(base, months.from);
    // The window's opening is not a deadline: never overdue; a self-evaluation before it is flagged early.
    const r = sink.informational('selfEvaluationFrom', from, basis, 'selfEvaluationDate', done);
    if (r.status === 'done') {
      r.early = done! < from;
      r.late = undefined;
    }
  }
  if (wantDue) sink.duty('selfEvaluationDue', addMonths(base, months.due), basis, 'selfEvaluationDate', done);
}

function investmentField(sheetKind: SheetKind): FieldKey {
  return sheetKind === 'declaration' ? 'investment' : 'totalInvestment';
}

/** Laizhou 第十五条: 总投资 500 万元以上的建设项目 … 标准发布工作一般不晚于项目验收后 1 年内完成. */
const STANDARD_BASIS: Partial<Record<SheetKind, FieldKey[]>> = {};
function standardBasis(sheetKind: SheetKind): FieldKey[] {
  return (STANDARD_BASIS[sheetKind] ??= Object.freeze([investmentField(sheetKind), 'acceptanceDate']) as FieldKey[]);
}

function standardPublicationDue(sink: ResultSink, inputs: DeadlineInputs, sheetKind: SheetKind): void {
  const inv = inputs.investmentCents;
  if (inv === undefined || inv < LAIZHOU_STANDARD_MIN_CENTS || inputs.acceptanceDate === undefined) return;
  // 500万元以上的建设项目: an O&M project drafts no standard.
  if (inputs.maintenance === true) return;
  const due = addYears(inputs.acceptanceDate, 1);
  sink.duty('standardPublicationDue', due, standardBasis(sheetKind), 'standardPublishedDate', inputs.standardPublishedDate);
}

/**
 * Laizhou 第二十九条: 政务治理类项目约定免费运维期一般不少于3年. The article gives no start; counted from acceptance
 * (RULES.md §4). A minimum, not a duty with a deadline: always 'pending'.
 */
const MAINTENANCE_BASIS: FieldKey[] = Object.freeze(['projectType', 'acceptanceDate']) as FieldKey[];

function freeMaintenanceUntil(sink: ResultSink, inputs: DeadlineInputs): void {
  if (inputs.projectType === undefined || !inputs.projectType.includes('政务治理')) return;
  if (inputs.acceptanceDate === undefined) return;
  const until = addYears(inputs.acceptanceDate, 3);
  sink.informational('freeMaintenanceUntil', until, MAINTENANCE_BASIS);
}

// Built once and shared (frozen), like the deadline citations above: these are asked for on every record.
const YEJI_ART6: Citation = Object.freeze(cite('yeji', '第六条'));
const YEJI_ART15: Citation = Object.freeze(cite('yeji', '第十五条'));

/** Yeji 第六条: 每年10月份前 申报下一年度项目 → a project for year Y is due Y-1-09-30. */
export function declarationDue(profile: ProfileId, projectYear: number): { day: DayNumber; citation: Citation } | null {
  if (profile !== 'yeji') return null;
  return { day: dayFromYmd(projectYear - 1, 9, 30), citation: YEJI_ART6 };
}

/**
 * Yeji 第十五条: a progress report's 填报日期 belongs in the window of its own quarter's first month — from the 1st of
 * that month to its 5th working day. A date in the 2nd or 3rd month of a quarter is outside (window = that quarter's).
 * Null for other profiles. Whether the project needs quarterly reports at all is the caller's question.
 */
export function checkProgressReportDate(profile: ProfileId, reportDate: DayNumber): ReportDateCheck | null {
  if (profile !== 'yeji') return null;
  const w = reportWindow(quarterOfDay(reportDate));
  return {
    ok: reportDate >= w.start && reportDate <= w.end,
    windowStart: w.start,
    windowEnd: w.end,
    provisional: w.provisional,
    citation: YEJI_ART15,
  };
}

/**
 * All deadlines of `profile` that the inputs allow, in applicableDeadlineKeys order. A deadline whose inputs are
 * missing is left out (a missing input is not an error by itself).
 */
export function computeDeadlines(profile: ProfileId, inputs: DeadlineInputs, asOf: DayNumber, sheetKind: SheetKind): DeadlineResult[] {
  const sink = new FreshSink();
  sink.begin(profile, asOf);
  collectDeadlines(sink, profile, inputs, asOf, sheetKind);
  return sink.out;
}

const PERIOD_BASIS: FieldKey[] = Object.freeze(['period']) as FieldKey[];

/**
 * computeDeadlines into a DeadlineBuffer: the same results, in reused objects that stay valid until the buffer's
 * next begin(). The inputs are not kept.
 */
export function computeDeadlinesInto(buffer: DeadlineBuffer, profile: ProfileId, inputs: DeadlineInputs, asOf: DayNumber, sheetKind: SheetKind): DeadlineResult[] {
  buffer.begin(profile, asOf);
  collectDeadlines(buffer, profile, inputs, asOf, sheetKind);
  return buffer.out;
}

function collectDeadlines(sink: ResultSink, profile: ProfileId, inputs: DeadlineInputs, asOf: DayNumber, sheetKind: SheetKind): void {
  if (profile === 'generic') return;
  const keys = keysOf(profile);
  if (sheetKind === 'declaration') {
    const p = validPeriod(inputs);
    if (profile === 'yeji' && p !== undefined) {
      const d = declarationDue(profile, p.start.year)!;
      sink.recurring('declarationDue', d.day, PERIOD_BASIS, false);
    }
    return;
  }
  let selfEvaluationDone = false;
  for (let i = 0; i < keys.length; i++) {
    switch (keys[i]) {
      case 'nextProgressReportDue':
        nextProgressReportDue(sink, inputs, asOf);
        break;
      case 'annualPerformanceReportDue':
        annualPerformanceReportDue(sink, inputs, asOf);
        break;
      case 'acceptanceDue':
        acceptanceDue(sink, profile, inputs);
        break;
      case 'acceptanceApplicationDue':
        acceptanceApplicationDue(sink, inputs);
        break;
      case 'selfEvaluationFrom':
      case 'selfEvaluationDue':
        // From and Due share one base; computed together, once.
        if (!selfEvaluationDone) {
          selfEvaluationDone = true;
          selfEvaluation(sink, profile, inputs, keys.includes('selfEvaluationFrom'), keys.includes('selfEvaluationDue'));
        }
        break;
      case 'standardPublicationDue':
        standardPublicationDue(sink, inputs, sheetKind);
        break;
      case 'freeMaintenanceUntil':
        freeMaintenanceUntil(sink, inputs);
        break;
      default:
        break; // declarationDue: declaration sheets only (above)
    }
  }
}
