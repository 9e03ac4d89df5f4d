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
const LAIZHOU_STANDARD_MIN_CENTS = 500 * 100;
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

function citationFor(profile: RegulationId, key: ComputedKey): Citation {
  const c = CITATIONS[profile][key];
  if (c === undefined) throw new Error(`no article for ${key} in ${profile}`);
  return c;
}

/** An event recorded by a field. `bound` = the date only shows the duty was done on or before it (proof, not date). */
interface EventSource {
  field: FieldKey;
  day: DayNumber | undefined;
  bound?: boolean;
}

function statusByDate(day: DayNumber, asOf: DayNumber): DeadlineStatus {
  if (asOf > day) return 'overdue';
  return day - asOf <= DUE_SOON_DAYS ? 'due-soon' : 'pending';
}

const NO_OPTS: { provisional?: boolean; informational?: boolean } = Object.freeze({});
const INFORMATIONAL = Object.freeze({ informational: true });
const PROVISIONAL = Object.freeze({ provisional: true });

function result(
  key: ComputedKey,
  profile: RegulationId,
  day: DayNumber,
  asOf: DayNumber,
  basis: FieldKey[],
  events: EventSource[] | null,
  opts: { provisional?: boolean; informational?: boolean } = NO_OPTS,
): DeadlineResult {
  let recorded: EventSource | undefined;
  let eventField: FieldKey | undefined;
  if (events !== null && events.length > 0) {
    for (let i = 0; i < events.length; i++) {
      const e = events[i];
      if (e.day !== undefined && e.day <= asOf) {
        recorded = e;
        break;
      }
    }
    eventField = (recorded ?? events[0]).field;
  }
  let status: DeadlineStatus = 'pending';
  let late: boolean | undefined;
  if (recorded !== undefined) {
    status = 'done';
    const after = recorded.day! > day;
    // A bound proves timeliness only when it falls on or before the deadline.
    if (!recorded.bound || !after) late = after;
  } else if (!opts.informational) {
    status = statusByDate(day, asOf);
  }
  // One literal with every field (optional ones undefined): fields added later would cost each result a second
  // allocation for their storage.
  return {
    key,
    day,
    iso: isoFromDay(day),
    provisional: opts.provisional === true,
    status,
    late,
    early: undefined,
    eventField,
    basis,
    citation: citationFor(profile, key),
  };
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
// (none, startDate, period) × 4 + where its end comes from (none, completionDate, acceptanceDate, period).
const SPAN_STARTS = [null, 'startDate', 'period'] as const;
const SPAN_ENDS = [null, 'completionDate', 'acceptanceDate', 'period'] as const;
const SPAN_BASIS: FieldKey[][] = [];
SPAN_STARTS.forEach((from, i) =>
  SPAN_ENDS.forEach((to, j) => {
    const basis: FieldKey[] = [];
    if (from !== null) basis.push(from);
    if (to !== null && !basis.includes(to)) basis.push(to);
    SPAN_BASIS[i * 4 + j] = Object.freeze(basis) as FieldKey[];
  }),
);

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
  }
  return { start, end, endIsEvent, basis: SPAN_BASIS[from * 4 + to] };
}

/**
 * Yeji 第十五条 applies to 建设时间超过6个月的项目或跨年度项目. From the 建设年度 (months counted inclusively:
 * 2025年01月至2025年07月 is 7 months), else from startDate→completionDate. Null when neither is known.
 */
export function needsQuarterlyReports(inputs: DeadlineInputs): { basis: FieldKey[] } | null {
  const p = validPeriod(inputs);
  if (p !== undefined) {
    const months = monthOrdinal(p.end) - monthOrdinal(p.start) + 1;
    return p.end.year !== p.start.year || months > 6 ? { basis: ['period'] } : null;
  }
  const s = inputs.startDate;
  const c = inputs.completionDate;
  if (s === undefined || c === undefined || c < s) return null;
  const spansYears = ymdFromDay(s)[0] !== ymdFromDay(c)[0];
  return spansYears || c > addMonths(s, 6) ? { basis: ['startDate', 'completionDate'] } : null;
}

function nextProgressReportDue(inputs: DeadlineInputs, asOf: DayNumber): DeadlineResult | null {
  const applies = needsQuarterlyReports(inputs);
  if (applies === null) return null;
  // The next window whose 5th working day is on or after asOf (asOf inside a window → that window).
  let q = quarterOfDay(asOf);
  if (reportWindow(q).end < asOf) q += 1;
  // Each window reports on the quarter before it (上一季度): skip windows before construction began, and stop
  // once the reported quarter starts after construction ended.
  const span = constructionSpan(inputs);
  if (span.start !== undefined) q = Math.max(q, quarterOfDay(span.start) + 1);
  if (span.end !== undefined && quarterStart(q - 1) > span.end) return null;
  const w = reportWindow(q);
  const basis = applies.basis.slice();
  for (const f of span.basis) if (!basis.includes(f)) basis.push(f);
  // A recurring duty: no event field, status by date only.
  return result('nextProgressReportDue', 'yeji', w.end, asOf, basis, null, w.provisional ? PROVISIONAL : NO_OPTS);
}

/** Wuhan 第二十条 / Wulong 第二十三条 / Laizhou 第二十四条: 在建设期内每年年底前 a performance report. */
function annualPerformanceReportDue(profile: RegulationId, inputs: DeadlineInputs, asOf: DayNumber): DeadlineResult | null {
  const span = constructionSpan(inputs);
  if (span.start === undefined || span.start > asOf) return null;
  if (span.end !== undefined && (span.endIsEvent ? span.end <= asOf : span.end < asOf)) return null;
  const [year] = ymdFromDay(asOf);
  const yearStart = dayFromYmd(year, 1, 1);
  const due = dayFromYmd(year, 12, 31);
  // Only a report dated within asOf's year is this year's report.
  const rep = inputs.performanceReportDate;
  const thisYear = rep !== undefined && rep >= yearStart ? rep : undefined;
  return result('annualPerformanceReportDue', profile, due, asOf, span.basis, [
    { field: 'performanceReportDate', day: thisYear },
  ]);
}

/** Wuhan 第二十一条 / Wulong 第二十八条 / Laizhou 第二十三条: 建成后半年内 (组织)验收. */
function acceptanceDue(profile: RegulationId, inputs: DeadlineInputs, asOf: DayNumber): DeadlineResult | null {
  if (inputs.completionDate === undefined) return null;
  const due = addMonths(inputs.completionDate, 6);
  let events: EventSource[] = [{ field: 'acceptanceDate', day: inputs.acceptanceDate }];
  const inv = inputs.investmentCents;
  if (profile === 'wulong' && (inv === undefined || inv >= WULONG_DISTRICT_ACCEPTANCE_MIN_CENTS)) {
    // Wulong ≥ 3000万 (or unknown: give the benefit of the doubt): the duty is to 申请 acceptance within half a year;
    // the acceptance itself proves an application was made on or before it.
    events = [
      { field: 'acceptanceApplicationDate', day: inputs.acceptanceApplicationDate },
      { field: 'acceptanceDate', day: inputs.acceptanceDate, bound: true },
    ];
  }
  return result('acceptanceDue', profile, due, asOf, ['completionDate'], events);
}

/** Yeji 第二十二条: 初步验收合格后1个月内 提出竣工验收申请. */
function acceptanceApplicationDue(inputs: DeadlineInputs, asOf: DayNumber): DeadlineResult | null {
  if (inputs.preliminaryAcceptanceDate === undefined) return null;
  const due = addMonths(inputs.preliminaryAcceptanceDate, 1);
  return result('acceptanceApplicationDue', 'yeji', due, asOf, ['preliminaryAcceptanceDate'], [
    { field: 'acceptanceApplicationDate', day: inputs.acceptanceApplicationDate },
    // A 竣工验收 held proves the application was made on or before it.
    { field: 'acceptanceDate', day: inputs.acceptanceDate, bound: true },
  ]);
}

/**
 * The day the self-evaluation clock starts, per profile:
 * - wuhan 第二十二条 投入运行后: operationDate.
 * - wulong 第三十条 通过竣工验收并投入运行后 / yeji 第二十三条 通过验收并投入运行后: both must have happened, so the
 *   later of acceptanceDate and operationDate; both required.
 * - laizhou 第三十四条 竣工并投入使用后: the later of completionDate and operationDate; both required.
 */
function selfEvaluationBase(profile: RegulationId, inputs: DeadlineInputs): { day: DayNumber; basis: FieldKey[] } | null {
  const op = inputs.operationDate;
  if (op === undefined) return null;
  if (profile === 'wuhan') return { day: op, basis: ['operationDate'] };
  const other: FieldKey = profile === 'laizhou' ? 'completionDate' : 'acceptanceDate';
  const od = profile === 'laizhou' ? inputs.completionDate : inputs.acceptanceDate;
  if (od === undefined) return null;
  return { day: maxDay(op, od), basis: [other, 'operationDate'] };
}

const SELF_EVALUATION_MONTHS: Partial<Record<RegulationId, { from?: number; due: number }>> = {
  wuhan: { from: 12, due: 24 }, // 投入运行后12至24个月内
  wulong: { from: 12, due: 24 }, // 12—24 个月内
  yeji: { due: 6 }, // 6个月内
  laizhou: { due: 12 }, // 12个月内
};

function selfEvaluation(profile: RegulationId, inputs: DeadlineInputs, asOf: DayNumber, out: DeadlineResult[], wantFrom: boolean, wantDue: boolean): void {
  const months = SELF_EVALUATION_MONTHS[profile];
  const base = selfEvaluationBase(profile, inputs);
  if (months === undefined || base === null) return;
  const ev: EventSource[] = [{ field: 'selfEvaluationDate', day: inputs.selfEvaluationDate }];
  if (wantFrom && months.from !== undefined) {
    const from = addMonths(base.day, months.from);
    // The window's opening is not a deadline: never overdue; a self-evaluation before it is flagged early.
    const r = result('selfEvaluationFrom', profile, from, asOf, base.basis, ev, INFORMATIONAL);
    if (r.status === 'done') {
      r.early = inputs.selfEvaluationDate! < from;
      r.late = undefined;
    }
    out.push(r);
  }
  if (wantDue) out.push(result('selfEvaluationDue', profile, addMonths(base.day, months.due), asOf, base.basis, ev));
}

function investmentField(sheetKind: SheetKind): FieldKey {
  return sheetKind === 'declaration' ? 'investment' : 'totalInvestment';
}

/** Laizhou 第十五条: 总投资 500 万元以上 … 标准发布工作一般不晚于项目验收后 1 年内完成. */
function standardPublicationDue(inputs: DeadlineInputs, asOf: DayNumber, sheetKind: SheetKind): DeadlineResult | null {
  const inv = inputs.investmentCents;
  if (inv === undefined || inv < LAIZHOU_STANDARD_MIN_CENTS || inputs.acceptanceDate === undefined) return null;
  return result(
    'standardPublicationDue',
    'laizhou',
    addYears(inputs.acceptanceDate, 1),
    asOf,
    [investmentField(sheetKind), 'acceptanceDate'],
    [{ field: 'standardPublishedDate', day: inputs.standardPublishedDate }],
  );
}

/**
 * Laizhou 第二十九条: 政务治理类项目约定免费运维期一般不少于3年. The article gives no start; counted from acceptance
 * (RULES.md §4). A minimum, not a duty with a deadline: always 'pending'.
 */
function freeMaintenanceUntil(inputs: DeadlineInputs, asOf: DayNumber): DeadlineResult | null {
  if (inputs.projectType === undefined || !inputs.projectType.includes('政务治理')) return null;
  if (inputs.acceptanceDate === undefined) return null;
  return result('freeMaintenanceUntil', 'laizhou', addYears(inputs.acceptanceDate, 3), asOf, ['projectType', 'acceptanceDate'], null, INFORMATIONAL);
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
  const out: DeadlineResult[] = [];
  if (profile === 'generic') return out;
  const keys = keysOf(profile);
  if (sheetKind === 'declaration') {
    const p = validPeriod(inputs);
    if (profile === 'yeji' && p !== undefined) {
      const d = declarationDue(profile, p.start.year)!;
      out.push(result('declarationDue', 'yeji', d.day, asOf, ['period'], null));
    }
    return out;
  }
  let selfEvaluationDone = false;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    let r: DeadlineResult | null = null;
    switch (key) {
      case 'nextProgressReportDue':
        r = nextProgressReportDue(inputs, asOf);
        break;
      case 'annualPerformanceReportDue':
        r = annualPerformanceReportDue(profile, inputs, asOf);
        break;
      case 'acceptanceDue':
        r = acceptanceDue(profile, inputs, asOf);
        break;
      case 'acceptanceApplicationDue':
        r = acceptanceApplicationDue(inputs, asOf);
        break;
      case 'selfEvaluationFrom':
      case 'selfEvaluationDue':
        // From and Due share one base; computed together, once.
        if (!selfEvaluationDone) {
          selfEvaluationDone = true;
          selfEvaluation(profile, inputs, asOf, out, keys.includes('selfEvaluationFrom'), keys.includes('selfEvaluationDue'));
        }
        break;
      case 'standardPublicationDue':
        r = standardPublicationDue(inputs, asOf, sheetKind);
        break;
      case 'freeMaintenanceUntil':
        r = freeMaintenanceUntil(inputs, asOf);
        break;
      default:
        break; // declarationDue: declaration sheets only (above)
    }
    if (r !== null) out.push(r);
  }
  return out;
}
