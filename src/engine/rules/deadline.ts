// RULES.md §4: deadlines as computed values, overdue/due-soon findings, Yeji's report window and declaration cut-off.
import type { ComputedKey, FieldKey } from '../types';
import { DeadlineBuffer, checkProgressReportDate, computeDeadlines, computeDeadlinesInto, deadlineNeeds, declarationDue, expectedCompletionOf, maintenanceMatters, needsQuarterlyReports } from '../deadlines';
import type { DeadlineInputs, DeadlineResult } from '../deadlines';
import { isoFromDay, ymdFromDay } from '../values/date';
import { createRule, recordCache, sheetState } from './api';
import { F } from './fields';
import type { ParsedPeriod, RecordContext } from './api';
import { PROGRESS_KINDS, PROJECT_KINDS, computedLabel, fieldLabel, projectAmount } from './util';
import { isMaintenanceProject } from './threshold';

const DATE_INPUTS = [
  'reportDate',
  'startDate',
  'completionDate',
  'preliminaryAcceptanceDate',
  'acceptanceDate',
  'operationDate',
  'selfEvaluationDate',
  'performanceReportDate',
  'acceptanceApplicationDate',
  'standardPublishedDate',
] as const satisfies readonly (keyof DeadlineInputs & FieldKey)[];

const DATE_INPUT_IDS = DATE_INPUTS.map((f) => F[f]);

/** Per sheet: one inputs object and one result buffer, reused record after record (see computeDeadlinesInto). */
interface Work {
  inputs: DeadlineInputs;
  buffer: DeadlineBuffer;
}
const work = sheetState(newWork);
function newWork(this: void): Work {
  // Every key present from the start, so the stores below never change the object's shape.
  const inputs: DeadlineInputs = {
    ...(Object.fromEntries(DATE_INPUTS.map((f) => [f, undefined])) as Record<(typeof DATE_INPUTS)[number], undefined>),
    period: undefined,
    investmentCents: undefined,
    projectType: undefined,
    expectedCompletion: undefined,
    maintenance: undefined,
  };
  return { inputs, buffer: new DeadlineBuffer() };
}
/** The record's deadlines (cached per record: five rules read them). Valid for this record only: the objects are reused. */
const deadlines: (ctx: RecordContext) => DeadlineResult[] = recordCache(computeResults);

const NONE: DeadlineResult[] = [];
/** Per sheet: a declaration's deadlines by the start year of its 建设年度. */
const byYear = sheetState(() => new Map<number, DeadlineResult[]>());

function declarationDeadlines(ctx: RecordContext, dp: ParsedPeriod): DeadlineResult[] {
  return computeDeadlines(ctx.profile, { period: { start: dp.start, end: dp.end } }, ctx.asOf, ctx.sheetKind);
}

function computeResults(ctx: RecordContext): DeadlineResult[] {
  const needs = deadlineNeeds(ctx.profile);
  // A declaration only gets the declaration cut-off: skip building inputs where it cannot apply.
  if (ctx.sheetKind === 'declaration' && !needs.declares) return NONE;
  if (ctx.sheetKind === 'declaration') {
    // declarationDue reads the 建设年度 alone (computeDeadlines ignores every other input on a declaration).
    const dp = ctx.period(F.period);
    if (dp === null) return NONE;
    // …and of the period only its start year (a usable period's end is never before its start): rows share the
    // result per year; the rules only read it.
    if (dp.end.year * 12 + dp.end.month < dp.start.year * 12 + dp.start.month) return declarationDeadlines(ctx, dp);
    const years = byYear(ctx);
    let r = years.get(dp.start.year);
    if (r === undefined) {
      r = declarationDeadlines(ctx, dp);
      years.set(dp.start.year, r);
    }
    return r;
  }
  const w = work(ctx);
  const inputs = w.inputs;
  let any = false;
  for (let i = 0; i < DATE_INPUTS.length; i++) {
    const id = DATE_INPUT_IDS[i];
    const d = ctx.has(id) ? ctx.date(id) : null;
    // Every input is written, the missing ones as undefined: the object holds the previous record's values.
    inputs[DATE_INPUTS[i]] = d === null ? undefined : d;
    if (d !== null) any = true;
  }
  // The parsed period has start and end (computeDeadlines reads nothing else of it).
  const p = ctx.period(F.period);
  inputs.period = p === null ? undefined : p;
  if (p !== null) any = true;
  if (!any) return NONE;
  const base = projectAmount(ctx);
  inputs.investmentCents = base === null ? undefined : base.cents;
  // Read only where it can change a deadline: no 建设年度 and no completion date to give the span; a project with an
  // acceptance that the standard could follow.
  inputs.expectedCompletion =
    needs.progressText && p === null && inputs.completionDate === undefined && ctx.has(F.progress) ? expectedCompletionOf(ctx.text(F.progress)) : undefined;
  inputs.maintenance = needs.maintenance && base !== null && maintenanceMatters(ctx.profile, inputs) ? isMaintenanceProject(ctx) : undefined;
  inputs.projectType = undefined;
  if (needs.projectType) {
    const type = ctx.display(F.projectType);
    const remark = ctx.display(F.remark);
    const both = type === '' ? remark : remark === '' ? type : type + ' ' + remark;
    if (both !== '') inputs.projectType = both;
  }
  return computeDeadlinesInto(w.buffer, ctx.profile, inputs, ctx.asOf, ctx.sheetKind);
}

/** Where a deadline finding goes: the event's cell when the sheet has that column, else the last input's cell. */
function placeOf(ctx: RecordContext, r: DeadlineResult): FieldKey | undefined {
  if (r.eventField !== undefined && ctx.has(r.eventField)) return r.eventField;
  for (let i = r.basis.length - 1; i >= 0; i--) if (ctx.has(r.basis[i])) return r.basis[i];
  return undefined;
}

function eventLabel(r: DeadlineResult) {
  return r.eventField !== undefined ? fieldLabel(r.eventField) : { zh: '相应事项', en: 'the event' };
}

// declarationDue has its own rule (a late declaration is a warning citing 第六条 and 第八条, not an overdue duty).
const OWN_RULE: ReadonlySet<ComputedKey> = new Set<ComputedKey>(['declarationDue']);

export const schedule = createRule({
  id: 'deadline/schedule',
  category: 'deadline',
  severity: 'info',
  description: {
    zh: '按办法计算各项期限（计算列）：申报截止、进度报送、绩效评价、验收、自评价、标准发布、免费运维期',
    en: 'Computes the regulation’s deadlines into computed columns: declaration, progress reports, performance reports, acceptance, self-evaluation, standards, free maintenance',
  },
  appliesTo: PROJECT_KINDS,
  requires: 'deadlines',
  citation: () => null,
  messages: {
    computed: { zh: '{deadline}：{due}', en: '{deadline}: {due}' },
  },
  check(ctx) {
    const results = deadlines(ctx);
    for (let i = 0; i < results.length; i++) {
      const r = results[i];
      ctx.compute(r.key, r.iso, 'date', r.provisional, r.status);
    }
  },
});

export const overdue = createRule({
  id: 'deadline/overdue',
  category: 'deadline',
  severity: 'error',
  description: { zh: '期限已过且未记录相应事项：已逾期', en: 'A deadline has passed with its event not recorded: overdue' },
  appliesTo: PROJECT_KINDS,
  requires: 'deadlines',
  citation: () => null,
  messages: {
    overdue: {
      zh: '已逾期：{deadline}为{due}，截至{asOf}未记录{event}',
      en: 'Overdue: {deadline} was {due}; by {asOf} no {event} is recorded',
    },
  },
  check(ctx) {
    // Indexed loops here and below: an array iterator per rule and record was a tenth of the run's garbage.
    const results = deadlines(ctx);
    for (let i = 0; i < results.length; i++) {
      const r = results[i];
      if (r.status !== 'overdue' || OWN_RULE.has(r.key)) continue;
      ctx.report({
        field: placeOf(ctx, r),
        messageId: 'overdue',
        citation: r.citation,
        params: { deadline: computedLabel(r.key), due: r.iso, asOf: isoFromDay(ctx.asOf), event: eventLabel(r) },
      });
    }
  },
});

export const dueSoon = createRule({
  id: 'deadline/due-soon',
  category: 'deadline',
  severity: 'warning',
  description: { zh: '30天内到期：即将到期', en: 'Due within 30 days' },
  appliesTo: PROJECT_KINDS,
  requires: 'deadlines',
  citation: () => null,
  messages: {
    dueSoon: {
      zh: '即将到期：{deadline}为{due}，距{asOf}还有{days}天',
      en: 'Due soon: {deadline} is {due}, {days} days after {asOf}',
    },
  },
  check(ctx) {
    const results = deadlines(ctx);
    for (let i = 0; i < results.length; i++) {
      const r = results[i];
      if (r.status !== 'due-soon' || OWN_RULE.has(r.key)) continue;
      ctx.report({
        field: placeOf(ctx, r),
        messageId: 'dueSoon',
        citation: r.citation,
        params: { deadline: computedLabel(r.key), due: r.iso, asOf: isoFromDay(ctx.asOf), days: r.day - ctx.asOf },
      });
    }
  },
});

export const doneLate = createRule({
  id: 'deadline/done-late',
  category: 'deadline',
  severity: 'warning',
  description: { zh: '事项已完成但晚于期限', en: 'The event is recorded, but after its deadline' },
  appliesTo: PROJECT_KINDS,
  requires: 'deadlines',
  citation: () => null,
  messages: {
    late: {
      zh: '{event}{done}晚于{deadline}{due}',
      en: '{event} on {done} was later than the {deadline}, {due}',
    },
  },
  check(ctx) {
    const results = deadlines(ctx);
    for (let i = 0; i < results.length; i++) {
      const r = results[i];
      if (r.late !== true || r.eventField === undefined || OWN_RULE.has(r.key)) continue;
      const done = ctx.date(r.eventField);
      ctx.report({
        field: placeOf(ctx, r),
        messageId: 'late',
        citation: r.citation,
        params: { event: eventLabel(r), done: done !== null ? isoFromDay(done) : '', deadline: computedLabel(r.key), due: r.iso },
      });
    }
  },
});

export const selfEvaluationEarly = createRule({
  id: 'deadline/self-evaluation-early',
  category: 'deadline',
  severity: 'warning',
  description: {
    zh: '绩效自评价早于办法规定的开展窗口（投入运行后若干个月起）',
    en: 'Self-evaluation recorded before the window the regulation opens (some months after operation)',
  },
  appliesTo: PROJECT_KINDS,
  requires: 'deadlines',
  citation: () => null,
  messages: {
    early: {
      zh: '绩效自评价日期{done}早于{from}：应在{from}之后、办法规定的期限内开展',
      en: 'Self-evaluation on {done} is before {from}: it belongs after {from}, within the period the regulation sets',
    },
  },
  check(ctx) {
    const results = deadlines(ctx);
    for (let i = 0; i < results.length; i++) {
      const r = results[i];
      if (r.early !== true) continue;
      const done = ctx.date(F.selfEvaluationDate);
      ctx.report({ field: F.selfEvaluationDate, messageId: 'early', citation: r.citation, params: { done: done !== null ? isoFromDay(done) : '', from: r.iso } });
    }
  },
});

const saidOnSheet = sheetState(() => ({ said: false }));

export const provisionalSchedule = createRule({
  id: 'deadline/provisional-schedule',
  category: 'deadline',
  severity: 'info',
  description: {
    zh: '期限所在年份的节假日安排不在数据中：工作日按周一至周五推算（每张表提示一次）',
    en: 'A deadline falls in a year whose holiday schedule is not in the data: working days counted Monday–Friday (said once per sheet)',
  },
  appliesTo: PROJECT_KINDS,
  requires: 'deadlines',
  citation: () => null,
  messages: {
    provisional: {
      zh: '{year}年的国务院节假日安排不在数据中，涉及工作日的期限暂按周一至周五推算，标为“暂定”，安排公布后请更新',
      en: 'The State Council holiday schedule for {year} is not in the data; working-day deadlines are counted Monday–Friday and marked provisional until it is published',
    },
  },
  check(ctx) {
    const state = saidOnSheet(ctx);
    if (state.said) return;
    let day: number | null = null;
    let field: FieldKey | undefined;
    const results = deadlines(ctx);
    for (let i = 0; i < results.length; i++) {
      const r = results[i];
      if (r.provisional) {
        day = r.day;
        field = placeOf(ctx, r);
        break;
      }
    }
    if (day === null && deadlineNeeds(ctx.profile).progressText && ctx.sheetKind !== 'declaration') {
      const rd = ctx.date(F.reportDate);
      const w = rd !== null ? checkProgressReportDate(ctx.profile, rd) : null;
      if (w !== null && w.provisional) {
        day = w.windowEnd;
        field = 'reportDate';
      }
    }
    if (day === null) return;
    state.said = true;
    ctx.report({ field, messageId: 'provisional', params: { year: ymdFromDay(day)[0] } });
  },
});

export const reportDateWindow = createRule({
  id: 'deadline/report-date-window',
  category: 'deadline',
  severity: 'warning',
  description: {
    zh: '进度情况表应在每季度第一个月的前几个工作日内填报（办法规定按季度报送时）',
    en: 'Progress reports are due in the first working days of each quarter’s first month (where the regulation requires quarterly reports)',
  },
  appliesTo: PROGRESS_KINDS,
  requires: 'quarterlyReports',
  citation: (p) => p.deadlines.find((d) => d.kind === 'quarterlyWindow')?.citation ?? null,
  messages: {
    outside: {
      zh: '填报日期{date}不在报送期内：应在{start}至{end}（本季度第一个月的前{days}个工作日）填报',
      en: 'Report date {date} is outside the reporting window {start} to {end} (first {days} working days of the quarter’s first month)',
    },
  },
  check(ctx) {
    const d = ctx.date(F.reportDate);
    if (d === null) return;
    // Reports bind projects longer than the pack's months or spanning years; a shorter one-year period owes none.
    const spec = ctx.profile.deadlines.find((x) => x.kind === 'quarterlyWindow');
    if (spec === undefined) return;
    const p = ctx.period(F.period);
    if (p !== null && needsQuarterlyReports({ period: { start: p.start, end: p.end } }, spec.longerThanMonths) === null) return;
    const w = checkProgressReportDate(ctx.profile, d);
    if (w === null || w.ok) return;
    ctx.report({
      field: F.reportDate,
      messageId: 'outside',
      citation: w.citation,
      params: { date: isoFromDay(d), start: isoFromDay(w.windowStart), end: isoFromDay(w.windowEnd), days: spec.workingDays },
    });
  },
});

// A late declaration concerns the whole submission: the row pass counts the late projects, `after` says it once.
const lateOnSheet = sheetState(() => ({ count: 0, row: -1, year: 0, due: 0 }));

export const declarationLate = createRule({
  id: 'deadline/declaration-late',
  category: 'deadline',
  severity: 'warning',
  description: {
    zh: '下一年度项目应在办法规定的申报截止前申报；逾期的须按程序报批后增列（每张表提示一次）',
    en: 'Next year’s projects are declared before the regulation’s cut-off; a late one is added only through the approval procedure (said once per sheet)',
  },
  appliesTo: ['declaration'],
  requires: 'declarationCutoff',
  citation: (p) => declarationDue(p, 2000)?.lateCitation ?? null,
  messages: {
    late: {
      zh: '本表{count}个项目已过申报截止（{year}年度项目的申报截止为{due}，基准日期{asOf}已过）：须按程序报批后增列入年度计划',
      en: '{count} project(s) on this sheet are past the declaration cut-off ({year} projects were due by {due}; the reference date {asOf} is later): they can only be added through the approval procedure',
    },
  },
  check(ctx) {
    const p = ctx.period(F.period);
    if (p === null) return;
    const due = declarationDue(ctx.profile, p.start.year);
    if (due === null || ctx.asOf <= due.day) return;
    const st = lateOnSheet(ctx);
    if (st.count++ === 0) {
      st.row = ctx.row;
      st.year = p.start.year;
      st.due = due.day;
    }
  },
  after(ctx) {
    const st = lateOnSheet(ctx);
    if (st.count === 0) return;
    // On the first late project's 建设年度, so the copy and the pane have a cell to show it on.
    ctx.report({ row: st.row, field: F.period, messageId: 'late', params: { count: st.count, year: st.year, due: isoFromDay(st.due), asOf: isoFromDay(ctx.asOf) } });
  },
});

export const DEADLINE_RULES = [schedule, overdue, dueSoon, doneLate, selfEvaluationEarly, provisionalSchedule, reportDateWindow, declarationLate];
