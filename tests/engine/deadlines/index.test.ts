// Deadline computations (RULES.md §4) per key and profile: dates, boundaries, events, applicability, citations.
import fc from 'fast-check';
import {
  applicableDeadlineKeys,
  checkProgressReportDate,
  computeDeadlines,
  declarationDue,
  DeadlineInputs,
  DeadlineResult,
  DUE_SOON_DAYS,
  expectedCompletionOf,
  needsQuarterlyReports,
} from '../../../src/engine/deadlines';
import { dayFromIso, isoFromDay } from '../../../src/engine/values/date';
import { hasSchedule } from '../../../src/engine/calendar/workdays';
import type { ComputedKey, ProfileId, SheetKind } from '../../../src/engine/types';
import { builtinRegistry } from '../../../src/engine/packs/registry';

const titleOf = (id: string) => builtinRegistry().regulation(id)!.title;

// Generous on purpose: a busy 2-core machine runs this several times slower (speed is measured by `npm run bench`).
jest.setTimeout(120_000);

const d = (iso: string): number => dayFromIso(iso);
type R = Exclude<ProfileId, 'generic'>;

function find(
  profile: ProfileId,
  inputs: DeadlineInputs,
  asOf: string,
  key: ComputedKey,
  kind: SheetKind = 'progress-table',
): DeadlineResult | undefined {
  const rs = computeDeadlines(profile, inputs, d(asOf), kind);
  const hits = rs.filter((r) => r.key === key);
  expect(hits.length).toBeLessThanOrEqual(1);
  return hits[0];
}

function get(profile: ProfileId, inputs: DeadlineInputs, asOf: string, key: ComputedKey, kind?: SheetKind): DeadlineResult {
  const r = find(profile, inputs, asOf, key, kind);
  if (r === undefined) throw new Error(`expected ${key} for ${profile}`);
  return r;
}

describe('acceptanceDue: 建成后半年内验收', () => {
  test.each<[R, string]>([
    ['wuhan', '第二十一条'],
    ['wulong', '第二十八条'],
    ['laizhou', '第二十三条'],
  ])('%s cites %s', (profile, article) => {
    const r = get(profile, { completionDate: d('2024-03-15') }, '2024-04-01', 'acceptanceDue');
    expect(r.citation).toEqual({ profile, regulation: titleOf(profile), article });
    expect(r.basis).toEqual(['completionDate']);
    expect(r.provisional).toBe(false);
  });

  test.each<[string, string]>([
    ['2024-03-15', '2024-09-15'],
    ['2024-08-31', '2025-02-28'], // clamped to month end
    ['2023-08-31', '2024-02-29'], // leap year
    ['2024-12-31', '2025-06-30'],
    ['2024-01-01', '2024-07-01'],
  ])('completion %s → due %s', (completion, due) => {
    for (const p of ['wuhan', 'wulong', 'laizhou'] as const) {
      const r = get(p, { completionDate: d(completion) }, '2020-01-01', 'acceptanceDue');
      expect(r.iso).toBe(due);
      expect(isoFromDay(r.day)).toBe(due);
    }
  });

  test.each<[string, string]>([
    ['2024-09-15', 'due-soon'], // exactly on the deadline: not overdue
    ['2024-09-16', 'overdue'],
    ['2025-06-01', 'overdue'],
    ['2024-08-16', 'due-soon'], // 30 days before
    ['2024-08-15', 'pending'], // 31 days before
    ['2024-04-01', 'pending'],
  ])('no acceptance recorded, asOf %s → %s', (asOf, status) => {
    const r = get('wuhan', { completionDate: d('2024-03-15') }, asOf, 'acceptanceDue');
    expect(r.status).toBe(status);
    expect(r.eventField).toBe('acceptanceDate');
    expect(r.late).toBeUndefined();
  });

  test.each<[string, string, string, boolean | undefined]>([
    ['2024-09-15', '2024-10-01', 'done', false],
    ['2024-06-01', '2024-10-01', 'done', false],
    ['2024-09-16', '2024-10-01', 'done', true], // recorded late is still done, but late
    ['2024-09-16', '2024-09-16', 'done', true],
    ['2024-09-16', '2024-09-15', 'due-soon', undefined], // a date after asOf is a plan, not an event
    ['2024-10-20', '2024-10-01', 'overdue', undefined],
  ])('acceptance %s, asOf %s → %s (late %s)', (acc, asOf, status, late) => {
    const r = get('laizhou', { completionDate: d('2024-03-15'), acceptanceDate: d(acc) }, asOf, 'acceptanceDue');
    expect(r.status).toBe(status);
    expect(r.late).toBe(late);
  });

  test('missing completion date → no result', () => {
    for (const p of ['wuhan', 'wulong', 'laizhou'] as const) {
      expect(find(p, { acceptanceDate: d('2024-01-01'), startDate: d('2023-01-01') }, '2024-06-01', 'acceptanceDue')).toBeUndefined();
    }
  });

  test('yeji has no acceptanceDue', () => {
    expect(find('yeji', { completionDate: d('2024-03-15') }, '2024-04-01', 'acceptanceDue')).toBeUndefined();
  });

  // Wulong 第二十八条: ≥ 3000万 only has to apply for acceptance within half a year; < 3000万 must hold it.
  test.each<[number | undefined, Partial<DeadlineInputs>, string, boolean | undefined, string]>([
    [300000, { acceptanceApplicationDate: d('2024-09-01') }, 'done', false, 'acceptanceApplicationDate'],
    [300000, { acceptanceApplicationDate: d('2024-09-20') }, 'done', true, 'acceptanceApplicationDate'],
    [undefined, { acceptanceApplicationDate: d('2024-09-01') }, 'done', false, 'acceptanceApplicationDate'],
    [299999, { acceptanceApplicationDate: d('2024-09-01') }, 'overdue', undefined, 'acceptanceDate'],
    [300000, {}, 'overdue', undefined, 'acceptanceApplicationDate'],
    // acceptance proves an application on or before it: on time if acceptance ≤ due, unknown otherwise
    [300000, { acceptanceDate: d('2024-09-10') }, 'done', false, 'acceptanceDate'],
    [300000, { acceptanceDate: d('2024-09-30') }, 'done', undefined, 'acceptanceDate'],
    [100000, { acceptanceDate: d('2024-09-30') }, 'done', true, 'acceptanceDate'],
  ])('wulong investment %s cents, %o → %s late %s via %s', (inv, extra, status, late, field) => {
    const r = get('wulong', { completionDate: d('2024-03-15'), investmentCents: inv, ...extra }, '2024-10-15', 'acceptanceDue');
    expect(r.iso).toBe('2024-09-15');
    expect(r.status).toBe(status);
    expect(r.late).toBe(late);
    expect(r.eventField).toBe(field);
  });
});

describe('acceptanceApplicationDue (yeji 第二十二条): 初步验收合格后1个月内', () => {
  test.each<[string, string]>([
    ['2025-01-31', '2025-02-28'],
    ['2024-01-31', '2024-02-29'],
    ['2025-03-10', '2025-04-10'],
    ['2025-12-15', '2026-01-15'],
  ])('preliminary %s → %s', (pre, due) => {
    const r = get('yeji', { preliminaryAcceptanceDate: d(pre) }, '2020-01-01', 'acceptanceApplicationDue');
    expect(r.iso).toBe(due);
    expect(r.citation.article).toBe('第二十二条');
    expect(r.citation.profile).toBe('yeji');
    expect(r.basis).toEqual(['preliminaryAcceptanceDate']);
    expect(r.status).toBe('pending');
  });

  test.each<[Partial<DeadlineInputs>, string, string, boolean | undefined]>([
    [{}, '2025-04-10', 'due-soon', undefined],
    [{}, '2025-04-11', 'overdue', undefined],
    [{ acceptanceApplicationDate: d('2025-04-10') }, '2025-05-01', 'done', false],
    [{ acceptanceApplicationDate: d('2025-04-11') }, '2025-05-01', 'done', true],
    [{ acceptanceDate: d('2025-04-01') }, '2025-05-01', 'done', false],
    [{ acceptanceDate: d('2025-05-01') }, '2025-05-01', 'done', undefined],
  ])('%o asOf %s → %s late %s', (extra, asOf, status, late) => {
    const r = get('yeji', { preliminaryAcceptanceDate: d('2025-03-10'), ...extra }, asOf, 'acceptanceApplicationDue');
    expect(r.status).toBe(status);
    expect(r.late).toBe(late);
  });

  test('missing preliminary acceptance → no result; other profiles never', () => {
    expect(find('yeji', { acceptanceDate: d('2025-03-10') }, '2025-04-01', 'acceptanceApplicationDue')).toBeUndefined();
    for (const p of ['wuhan', 'wulong', 'laizhou'] as const) {
      expect(find(p, { preliminaryAcceptanceDate: d('2025-03-10') }, '2025-04-01', 'acceptanceApplicationDue')).toBeUndefined();
    }
  });
});

describe('declarationDue (yeji 第六条): 每年10月份前申报下一年度项目', () => {
  const period = { start: { year: 2026, month: 1 }, end: { year: 2026, month: 12 } };

  test.each<[string, string]>([
    ['2025-06-01', 'pending'],
    ['2025-08-31', 'due-soon'],
    ['2025-08-30', 'pending'],
    ['2025-09-30', 'due-soon'],
    ['2025-10-01', 'overdue'],
  ])('period 2026, asOf %s → 2025-09-30 %s', (asOf, status) => {
    const r = get('yeji', { period }, asOf, 'declarationDue', 'declaration');
    expect(r.iso).toBe('2025-09-30');
    expect(r.status).toBe(status);
    expect(r.basis).toEqual(['period']);
    expect(r.citation.article).toBe('第六条');
    expect(r.eventField).toBeUndefined();
  });

  test('the year is the period start year', () => {
    const r = get('yeji', { period: { start: { year: 2025, month: 7 }, end: { year: 2027, month: 6 } } }, '2024-01-01', 'declarationDue', 'declaration');
    expect(r.iso).toBe('2024-09-30');
  });

  test('only on declaration sheets, only for yeji, only with a period', () => {
    expect(find('yeji', { period }, '2025-06-01', 'declarationDue', 'progress-table')).toBeUndefined();
    expect(find('yeji', { period }, '2025-06-01', 'declarationDue', 'progress-form')).toBeUndefined();
    expect(find('yeji', {}, '2025-06-01', 'declarationDue', 'declaration')).toBeUndefined();
    for (const p of ['wuhan', 'wulong', 'laizhou', 'generic'] as const) {
      expect(computeDeadlines(p, { period }, d('2025-06-01'), 'declaration')).toEqual([]);
    }
  });

  test('a declaration sheet gets no construction deadlines', () => {
    const inputs: DeadlineInputs = { period, startDate: d('2026-01-05'), completionDate: d('2026-06-01'), operationDate: d('2026-07-01') };
    expect(computeDeadlines('yeji', inputs, d('2026-08-15'), 'declaration').map((r) => r.key)).toEqual(['declarationDue']);
  });

  test.each<[ProfileId, number, string | null]>([
    ['yeji', 2026, '2025-09-30'],
    ['yeji', 2021, '2020-09-30'],
    ['wuhan', 2026, null],
    ['wulong', 2026, null],
    ['laizhou', 2026, null],
    ['generic', 2026, null],
  ])('declarationDue(%s, %i) → %s', (profile, year, iso) => {
    const r = declarationDue(profile, year);
    if (iso === null) expect(r).toBeNull();
    else {
      expect(r && isoFromDay(r.day)).toBe(iso);
      expect(r?.citation.article).toBe('第六条');
    }
  });
});

describe('nextProgressReportDue (yeji 第十五条)', () => {
  const longPeriod = { start: { year: 2023, month: 1 }, end: { year: 2027, month: 12 } };

  test('asOf 2026-08-15 → 5th working day of 2026-10 = 2026-10-13', () => {
    const r = get('yeji', { period: longPeriod }, '2026-08-15', 'nextProgressReportDue');
    expect(r.iso).toBe('2026-10-13');
    expect(r.provisional).toBe(false);
    expect(r.status).toBe('pending');
    expect(r.eventField).toBeUndefined();
    expect(r.citation.article).toBe('第十五条');
    expect(r.basis).toEqual(['period']);
  });

  test.each<[string, string, string]>([
    ['2026-09-13', '2026-10-13', 'due-soon'],
    ['2026-09-12', '2026-10-13', 'pending'],
    ['2026-10-01', '2026-10-13', 'due-soon'], // inside the window: that window
    ['2026-10-13', '2026-10-13', 'due-soon'], // last day of the window
    ['2025-03-20', '2025-04-08', 'due-soon'], // 清明 4-4..4-6: 4-1,4-2,4-3,4-7,4-8
    ['2025-07-08', '2025-10-14', 'pending'], // after the July window (07-07): next is October (国庆 → 10-14)
    ['2024-12-31', '2025-01-08', 'due-soon'],
    ['2024-01-01', '2024-01-08', 'due-soon'],
    ['2024-02-15', '2024-04-08', 'pending'], // 2024-04-07 (Sunday) is a make-up working day
  ])('asOf %s → %s (%s)', (asOf, iso, status) => {
    const r = get('yeji', { period: longPeriod }, asOf, 'nextProgressReportDue');
    expect(r.iso).toBe(iso);
    expect(r.status).toBe(status);
    expect(r.provisional).toBe(false);
  });

  test('after the October 2026 window the next falls in 2027, a year without schedule: provisional', () => {
    expect(hasSchedule(2027)).toBe(false);
    const r = get('yeji', { period: longPeriod }, '2026-10-14', 'nextProgressReportDue');
    // Whether the fallback keeps 元旦 off is the calendar's business; the window is early January either way.
    expect(r.iso >= '2027-01-07' && r.iso <= '2027-01-08').toBe(true);
    expect(r.provisional).toBe(true);
  });

  test('July 2027 (no schedule, no holiday): 1, 2, 5, 6, 7 → 2027-07-07 provisional', () => {
    const r = get('yeji', { period: longPeriod }, '2027-04-20', 'nextProgressReportDue');
    expect(r.iso).toBe('2027-07-07');
    expect(r.provisional).toBe(true);
  });

  // 建设时间超过6个月的项目或跨年度项目
  test.each<[string, DeadlineInputs, boolean]>([
    ['period of 6 months, one year', { period: { start: { year: 2026, month: 4 }, end: { year: 2026, month: 9 } } }, false],
    ['period of 7 months', { period: { start: { year: 2026, month: 3 }, end: { year: 2026, month: 9 } } }, true],
    ['period of 3 months spanning years', { period: { start: { year: 2026, month: 7 }, end: { year: 2027, month: 1 } } }, true],
    ['dates exactly 6 months apart', { startDate: d('2026-03-10'), completionDate: d('2026-09-10') }, false],
    ['dates 6 months + 1 day', { startDate: d('2026-03-10'), completionDate: d('2026-09-11') }, true],
    ['dates spanning years', { startDate: d('2025-12-01'), completionDate: d('2026-10-01') }, true],
    ['start date only', { startDate: d('2025-01-01') }, false],
    ['nothing', {}, false],
    ['period end before start (unusable)', { period: { start: { year: 2027, month: 1 }, end: { year: 2025, month: 1 } } }, false],
  ])('%s → applies %s', (_label, inputs, applies) => {
    expect(find('yeji', inputs, '2026-08-15', 'nextProgressReportDue') !== undefined).toBe(applies);
  });

  // A 附件2 form has no 建设年度: its 填报日期 shows the project under way (begun no later), its 建设进度 the expected end.
  test.each<[string, DeadlineInputs, string[] | null]>([
    ['report 2026-07-03, expected 2027-06', { reportDate: d('2026-07-03'), expectedCompletion: d('2027-06-30') }, ['progress', 'reportDate']],
    ['report 2026-02-10, expected 2026-09 (beyond 6 months)', { reportDate: d('2026-02-10'), expectedCompletion: d('2026-09-30') }, ['progress', 'reportDate']],
    ['report 2026-07-03, expected 2026-12 (cannot tell)', { reportDate: d('2026-07-03'), expectedCompletion: d('2026-12-31') }, null],
    ['start 2025-12-01, expected 2026-03', { startDate: d('2025-12-01'), expectedCompletion: d('2026-03-31') }, ['startDate', 'progress']],
    ['report 2026-07-03, completion 2027-03-01', { reportDate: d('2026-07-03'), completionDate: d('2027-03-01') }, ['completionDate', 'reportDate']],
    ['expected before the report', { reportDate: d('2026-07-03'), expectedCompletion: d('2026-06-30') }, null],
    ['expected completion alone', { expectedCompletion: d('2027-06-30') }, null],
  ])('%s → basis %o', (_label, inputs, basis) => {
    expect(needsQuarterlyReports(inputs)?.basis ?? null).toEqual(basis);
  });

  test.each<[string, string | null]>([
    ['平台已部署，预计2027年6月完成', '2027-06-30'],
    ['预计于2027年6月15日上线', '2027-06-15'],
    ['预计2027-03完成', '2027-03-31'],
    ['预计2026年底完成', '2026-12-31'],
    ['预计2027年上半年建成', '2027-06-30'],
    ['预计2027年第三季度完成验收', '2027-09-30'],
    ['预计2027年完成', '2027-12-31'],
    ['预计2027年2月30日完成', '2027-02-28'],
    ['系统开发中', null],
    ['2027年6月完成', null], // no 预计: a date of something else (附件2 说明2 asks for the 预计 time)
    ['', null],
  ])('expectedCompletionOf(%s) → %s', (text, iso) => {
    const day = expectedCompletionOf(text);
    expect(day === undefined ? null : isoFromDay(day)).toBe(iso);
  });

  test('basis from start and completion dates', () => {
    const r = get('yeji', { startDate: d('2025-12-01'), completionDate: d('2026-10-01') }, '2026-08-15', 'nextProgressReportDue');
    expect(r.basis).toEqual(['startDate', 'completionDate']);
  });

  test.each<[string, DeadlineInputs, string | null]>([
    // the October window reports on Q3: still due when construction reaches into Q3
    ['ends in September', { period: { start: { year: 2025, month: 1 }, end: { year: 2026, month: 9 } } }, '2026-10-13'],
    ['ended in June', { period: { start: { year: 2025, month: 1 }, end: { year: 2026, month: 6 } } }, null],
    ['long finished', { period: { start: { year: 2023, month: 1 }, end: { year: 2024, month: 12 } } }, null],
    ['completed in July (beats the planned period)', { period: longPeriod, completionDate: d('2026-07-20') }, '2026-10-13'],
    ['completed in June', { period: longPeriod, completionDate: d('2026-06-30') }, null],
    // not started yet: the first report covers the first quarter of construction
    ['starts 2027-05', { period: { start: { year: 2027, month: 5 }, end: { year: 2027, month: 12 } } }, '2027-07-07'],
    ['starts 2026-09', { period: { start: { year: 2026, month: 9 }, end: { year: 2027, month: 12 } } }, '2026-10-13'],
  ])('%s → %s', (_label, inputs, iso) => {
    const r = find('yeji', inputs, '2026-08-15', 'nextProgressReportDue');
    expect(r?.iso ?? null).toBe(iso);
  });

  test('other profiles have no progress-report deadline', () => {
    for (const p of ['wuhan', 'wulong', 'laizhou'] as const) {
      expect(find(p, { period: longPeriod }, '2026-08-15', 'nextProgressReportDue')).toBeUndefined();
    }
  });
});

describe('annualPerformanceReportDue: 建设期内每年年底前', () => {
  test.each<[R, string]>([
    ['wuhan', '第二十条'],
    ['wulong', '第二十三条'],
    ['laizhou', '第二十四条'],
  ])('%s cites %s', (profile, article) => {
    const r = get(profile, { startDate: d('2025-03-01') }, '2026-05-10', 'annualPerformanceReportDue');
    expect(r.iso).toBe('2026-12-31');
    expect(r.citation.article).toBe(article);
    expect(r.eventField).toBe('performanceReportDate');
    expect(r.basis).toEqual(['startDate']);
  });

  test.each<[string, Partial<DeadlineInputs>, string | null, string | null]>([
    ['2026-05-10', {}, '2026-12-31', 'pending'],
    ['2026-12-01', {}, '2026-12-31', 'due-soon'],
    ['2026-11-30', {}, '2026-12-31', 'pending'],
    ['2026-12-31', {}, '2026-12-31', 'due-soon'],
    ['2026-05-10', { performanceReportDate: d('2026-03-01') }, '2026-12-31', 'done'],
    ['2026-05-10', { performanceReportDate: d('2025-12-20') }, '2026-12-31', 'pending'], // last year's report
    ['2026-05-10', { performanceReportDate: d('2026-06-01') }, '2026-12-31', 'pending'], // not yet written
    ['2026-05-10', { completionDate: d('2026-09-30') }, '2026-12-31', 'pending'], // completes later
    ['2026-05-10', { completionDate: d('2026-04-30') }, null, null], // completed
    ['2026-05-10', { completionDate: d('2026-05-10') }, null, null], // completed that day
    ['2026-05-10', { acceptanceDate: d('2026-02-01') }, null, null], // accepted
    ['2025-02-28', {}, null, null], // not started
  ])('asOf %s, %o → %s %s', (asOf, extra, iso, status) => {
    const r = find('wulong', { startDate: d('2025-03-01'), ...extra }, asOf, 'annualPerformanceReportDue');
    expect(r?.iso ?? null).toBe(iso);
    expect(r?.status ?? null).toBe(status);
    if (r?.status === 'done') expect(r.late).toBe(false);
  });

  test.each<[string, DeadlineInputs, string | null]>([
    ['period under way', { period: { start: { year: 2026, month: 1 }, end: { year: 2027, month: 6 } } }, '2026-12-31'],
    ['period ends this month', { period: { start: { year: 2025, month: 1 }, end: { year: 2026, month: 8 } } }, '2026-12-31'],
    ['period ended', { period: { start: { year: 2025, month: 1 }, end: { year: 2026, month: 7 } } }, null],
    ['period not begun', { period: { start: { year: 2026, month: 9 }, end: { year: 2027, month: 6 } } }, null],
    ['no start information', { completionDate: d('2027-01-01') }, null],
  ])('laizhou %s → %s', (_label, inputs, iso) => {
    expect(find('laizhou', inputs, '2026-08-15', 'annualPerformanceReportDue')?.iso ?? null).toBe(iso);
  });

  test('yeji has none', () => {
    expect(find('yeji', { startDate: d('2025-03-01') }, '2026-05-10', 'annualPerformanceReportDue')).toBeUndefined();
  });
});

describe('self-evaluation', () => {
  test('wuhan 第二十二条: 投入运行后12至24个月内', () => {
    const rs = computeDeadlines('wuhan', { operationDate: d('2024-08-31') }, d('2025-01-01'), 'progress-table');
    const from = rs.find((r) => r.key === 'selfEvaluationFrom')!;
    const due = rs.find((r) => r.key === 'selfEvaluationDue')!;
    expect(from.iso).toBe('2025-08-31');
    expect(due.iso).toBe('2026-08-31');
    for (const r of [from, due]) {
      expect(r.citation.article).toBe('第二十二条');
      expect(r.basis).toEqual(['operationDate']);
      expect(r.eventField).toBe('selfEvaluationDate');
    }
  });

  test.each<[string, string, string]>([
    // the opening of the window is information, never overdue
    ['2025-08-30', 'pending', 'pending'],
    ['2025-09-30', 'pending', 'pending'],
    ['2026-08-01', 'pending', 'due-soon'],
    ['2026-09-01', 'pending', 'overdue'],
  ])('wuhan nothing recorded, asOf %s → from %s, due %s', (asOf, fromStatus, dueStatus) => {
    expect(get('wuhan', { operationDate: d('2024-08-31') }, asOf, 'selfEvaluationFrom').status).toBe(fromStatus);
    expect(get('wuhan', { operationDate: d('2024-08-31') }, asOf, 'selfEvaluationDue').status).toBe(dueStatus);
  });

  test.each<[string, boolean, boolean]>([
    ['2025-03-01', true, false], // before the window: early
    ['2025-08-31', false, false],
    ['2026-08-31', false, false],
    ['2026-09-01', false, true],
  ])('wuhan self-evaluation on %s → early %s, late %s', (ev, early, late) => {
    const inputs = { operationDate: d('2024-08-31'), selfEvaluationDate: d(ev) };
    const from = get('wuhan', inputs, '2027-01-01', 'selfEvaluationFrom');
    const due = get('wuhan', inputs, '2027-01-01', 'selfEvaluationDue');
    expect(from.status).toBe('done');
    expect(from.early).toBe(early);
    expect(from.late).toBeUndefined();
    expect(due.status).toBe('done');
    expect(due.late).toBe(late);
  });

  // wulong 第三十条 通过竣工验收并投入运行后 12—24 个月内: both, from the later date
  test.each<[Partial<DeadlineInputs>, string | null, string | null]>([
    [{ acceptanceDate: d('2024-05-10'), operationDate: d('2024-03-01') }, '2025-05-10', '2026-05-10'],
    [{ acceptanceDate: d('2024-01-10'), operationDate: d('2024-03-31') }, '2025-03-31', '2026-03-31'],
    [{ operationDate: d('2024-03-01') }, null, null],
    [{ acceptanceDate: d('2024-05-10') }, null, null],
  ])('wulong %o → from %s due %s', (inputs, from, due) => {
    expect(find('wulong', inputs, '2024-06-01', 'selfEvaluationFrom')?.iso ?? null).toBe(from);
    const r = find('wulong', inputs, '2024-06-01', 'selfEvaluationDue');
    expect(r?.iso ?? null).toBe(due);
    if (r) {
      expect(r.citation.article).toBe('第三十条');
      expect(r.basis).toEqual(['acceptanceDate', 'operationDate']);
    }
  });

  // yeji 第二十三条 通过验收并投入运行后6个月内
  test.each<[Partial<DeadlineInputs>, string | null]>([
    [{ acceptanceDate: d('2024-08-31'), operationDate: d('2024-07-01') }, '2025-02-28'],
    [{ acceptanceDate: d('2024-06-30'), operationDate: d('2024-08-15') }, '2025-02-15'],
    [{ operationDate: d('2024-08-15') }, null],
    [{ acceptanceDate: d('2024-06-30') }, null],
  ])('yeji %o → %s', (inputs, due) => {
    const r = find('yeji', inputs, '2024-09-01', 'selfEvaluationDue');
    expect(r?.iso ?? null).toBe(due);
    if (r) expect(r.citation.article).toBe('第二十三条');
    expect(find('yeji', inputs, '2024-09-01', 'selfEvaluationFrom')).toBeUndefined();
  });

  // laizhou 第三十四条 竣工并投入使用后12个月内
  test.each<[Partial<DeadlineInputs>, string | null]>([
    [{ completionDate: d('2024-01-15'), operationDate: d('2024-02-20') }, '2025-02-20'],
    [{ completionDate: d('2024-02-29'), operationDate: d('2023-12-01') }, '2025-02-28'],
    [{ operationDate: d('2024-02-20'), acceptanceDate: d('2024-03-01') }, null],
    [{ completionDate: d('2024-01-15') }, null],
  ])('laizhou %o → %s', (inputs, due) => {
    const r = find('laizhou', inputs, '2024-09-01', 'selfEvaluationDue');
    expect(r?.iso ?? null).toBe(due);
    if (r) {
      expect(r.citation.article).toBe('第三十四条');
      expect(r.basis).toEqual(['completionDate', 'operationDate']);
    }
    expect(find('laizhou', inputs, '2024-09-01', 'selfEvaluationFrom')).toBeUndefined();
  });

  test.each<[string, string, boolean | undefined]>([
    ['2025-02-15', 'done', false],
    ['2025-02-16', 'done', true],
  ])('yeji self-evaluation recorded %s → %s late %s', (ev, status, late) => {
    const r = get('yeji', { acceptanceDate: d('2024-06-30'), operationDate: d('2024-08-15'), selfEvaluationDate: d(ev) }, '2025-03-01', 'selfEvaluationDue');
    expect(r.status).toBe(status);
    expect(r.late).toBe(late);
  });
});

describe('standardPublicationDue (laizhou 第十五条): 总投资500万元以上，验收后1年内', () => {
  test.each<[number | undefined, string | undefined, string | null]>([
    [50000, '2024-02-29', '2025-02-28'], // exactly 500万 counts (以上)
    [123456, '2024-05-10', '2025-05-10'],
    [49999, '2024-05-10', null],
    [undefined, '2024-05-10', null],
    [50000, undefined, null],
  ])('investment %s cents, acceptance %s → %s', (inv, acc, due) => {
    const inputs: DeadlineInputs = { investmentCents: inv, acceptanceDate: acc === undefined ? undefined : d(acc) };
    expect(find('laizhou', inputs, '2024-06-01', 'standardPublicationDue')?.iso ?? null).toBe(due);
  });

  test('event, basis and citation', () => {
    const base: DeadlineInputs = { investmentCents: 80000, acceptanceDate: d('2024-05-10') };
    const r = get('laizhou', base, '2025-05-11', 'standardPublicationDue');
    expect(r.status).toBe('overdue');
    expect(r.eventField).toBe('standardPublishedDate');
    expect(r.basis).toEqual(['totalInvestment', 'acceptanceDate']);
    expect(r.citation.article).toBe('第十五条');
    const done = get('laizhou', { ...base, standardPublishedDate: d('2025-04-01') }, '2025-05-11', 'standardPublicationDue');
    expect(done.status).toBe('done');
    expect(done.late).toBe(false);
  });

  // 总投资 500 万元以上的建设项目: an O&M project drafts no standard.
  test.each<[boolean | undefined, string | null]>([
    [true, null],
    [false, '2025-05-10'],
    [undefined, '2025-05-10'],
  ])('maintenance %s → %s', (maintenance, due) => {
    const inputs: DeadlineInputs = { investmentCents: 80000, acceptanceDate: d('2024-05-10'), maintenance };
    expect(find('laizhou', inputs, '2024-06-01', 'standardPublicationDue')?.iso ?? null).toBe(due);
  });

  test('other profiles never', () => {
    for (const p of ['wuhan', 'yeji', 'wulong'] as const) {
      expect(find(p, { investmentCents: 80000, acceptanceDate: d('2024-05-10') }, '2024-06-01', 'standardPublicationDue')).toBeUndefined();
    }
  });
});

describe('freeMaintenanceUntil (laizhou 第二十九条): 政务治理类 不少于3年', () => {
  test.each<[string | undefined, string | undefined, string | null]>([
    ['政务治理类', '2023-05-06', '2026-05-06'],
    ['政务治理', '2024-02-29', '2027-02-28'],
    ['公共服务类', '2023-05-06', null],
    [undefined, '2023-05-06', null],
    ['政务治理类', undefined, null],
  ])('type %s, acceptance %s → %s', (type, acc, iso) => {
    const inputs: DeadlineInputs = { projectType: type, acceptanceDate: acc === undefined ? undefined : d(acc) };
    expect(find('laizhou', inputs, '2024-01-01', 'freeMaintenanceUntil')?.iso ?? null).toBe(iso);
  });

  test.each(['2024-01-01', '2026-04-20', '2026-05-06', '2030-01-01'])('informational: pending at %s', (asOf) => {
    const r = get('laizhou', { projectType: '政务治理类', acceptanceDate: d('2023-05-06') }, asOf, 'freeMaintenanceUntil');
    expect(r.status).toBe('pending');
    expect(r.eventField).toBeUndefined();
    expect(r.citation.article).toBe('第二十九条');
  });
});

describe('checkProgressReportDate (yeji 第十五条)', () => {
  // 5th working day of each quarter's first month, from the State Council schedules 2024–2026 (调休 included).
  const fifth: Record<string, string> = {
    '2024-01': '2024-01-08',
    '2024-04': '2024-04-08',
    '2024-07': '2024-07-05',
    '2024-10': '2024-10-12',
    '2025-01': '2025-01-08',
    '2025-04': '2025-04-08',
    '2025-07': '2025-07-07',
    '2025-10': '2025-10-14',
    '2026-01': '2026-01-08',
    '2026-04': '2026-04-08',
    '2026-07': '2026-07-07',
    '2026-10': '2026-10-13',
  };

  test.each(Object.entries(fifth))('%s window ends %s: that day ok, the next not', (month, end) => {
    const onEnd = checkProgressReportDate('yeji', d(end))!;
    expect(onEnd.ok).toBe(true);
    expect(isoFromDay(onEnd.windowStart)).toBe(`${month}-01`);
    expect(isoFromDay(onEnd.windowEnd)).toBe(end);
    expect(onEnd.provisional).toBe(false);
    expect(onEnd.citation).toEqual({ profile: 'yeji', regulation: titleOf('yeji'), article: '第十五条' });
    expect(checkProgressReportDate('yeji', d(end) + 1)!.ok).toBe(false);
    expect(checkProgressReportDate('yeji', d(`${month}-01`))!.ok).toBe(true);
  });

  test.each<[string, boolean, string, string]>([
    ['2026-10-13', true, '2026-10-01', '2026-10-13'],
    ['2026-10-14', false, '2026-10-01', '2026-10-13'],
    ['2026-10-03', true, '2026-10-01', '2026-10-13'], // a holiday before the deadline is not late
    ['2025-04-07', true, '2025-04-01', '2025-04-08'],
    ['2025-04-05', true, '2025-04-01', '2025-04-08'],
    ['2025-04-09', false, '2025-04-01', '2025-04-08'],
    ['2026-08-15', false, '2026-07-01', '2026-07-07'], // second month of a quarter
    ['2025-12-31', false, '2025-10-01', '2025-10-14'],
    ['2025-10-11', true, '2025-10-01', '2025-10-14'], // Saturday make-up working day
    ['2024-10-12', true, '2024-10-01', '2024-10-12'], // Saturday make-up working day
  ])('%s → ok %s, window %s..%s', (date, ok, start, end) => {
    const c = checkProgressReportDate('yeji', d(date))!;
    expect(c.ok).toBe(ok);
    expect(isoFromDay(c.windowStart)).toBe(start);
    expect(isoFromDay(c.windowEnd)).toBe(end);
  });

  test('2027 has no schedule: provisional', () => {
    const c = checkProgressReportDate('yeji', d('2027-04-02'))!;
    expect(c.provisional).toBe(true);
    expect(c.ok).toBe(true);
  });

  test.each<ProfileId>(['wuhan', 'wulong', 'laizhou', 'generic'])('%s → null', (p) => {
    expect(checkProgressReportDate(p, d('2026-10-13'))).toBeNull();
  });
});

describe('profile applicability', () => {
  test.each<[ProfileId, ComputedKey[], ComputedKey[]]>([
    ['wuhan', ['acceptanceDue', 'selfEvaluationFrom', 'selfEvaluationDue', 'annualPerformanceReportDue'], ['declarationDue', 'nextProgressReportDue', 'standardPublicationDue']],
    ['yeji', ['declarationDue', 'nextProgressReportDue', 'acceptanceApplicationDue', 'selfEvaluationDue'], ['acceptanceDue', 'selfEvaluationFrom', 'annualPerformanceReportDue']],
    ['wulong', ['acceptanceDue', 'selfEvaluationFrom', 'selfEvaluationDue', 'annualPerformanceReportDue'], ['declarationDue', 'freeMaintenanceUntil']],
    ['laizhou', ['standardPublicationDue', 'freeMaintenanceUntil', 'acceptanceDue', 'selfEvaluationDue'], ['selfEvaluationFrom', 'acceptanceApplicationDue']],
    ['generic', [], ['acceptanceDue', 'declarationDue']],
  ])('%s has %j, not %j', (profile, has, hasNot) => {
    const keys = applicableDeadlineKeys(profile);
    for (const k of has) expect(keys).toContain(k);
    for (const k of hasNot) expect(keys).not.toContain(k);
    expect(keys).not.toContain('approvalPath');
    expect(keys).not.toContain('expenseScope');
  });

  test('the returned array is the caller’s own', () => {
    applicableDeadlineKeys('wuhan').push('declarationDue');
    expect(applicableDeadlineKeys('wuhan')).not.toContain('declarationDue');
  });

  test('a row with every date: each profile computes exactly its keys, citing its own regulation', () => {
    const all: DeadlineInputs = {
      startDate: d('2025-01-10'),
      completionDate: d('2026-03-01'),
      preliminaryAcceptanceDate: d('2026-03-20'),
      acceptanceDate: d('2026-06-01'),
      operationDate: d('2026-05-01'),
      period: { start: { year: 2025, month: 1 }, end: { year: 2026, month: 12 } },
      investmentCents: 80000,
      projectType: '政务治理类',
    };
    const expected: Record<R, ComputedKey[]> = {
      wuhan: ['acceptanceDue', 'selfEvaluationFrom', 'selfEvaluationDue'],
      yeji: ['nextProgressReportDue', 'acceptanceApplicationDue', 'selfEvaluationDue'],
      wulong: ['acceptanceDue', 'selfEvaluationFrom', 'selfEvaluationDue'],
      laizhou: ['acceptanceDue', 'selfEvaluationDue', 'standardPublicationDue', 'freeMaintenanceUntil'],
    };
    for (const p of Object.keys(expected) as R[]) {
      const rs = computeDeadlines(p, all, d('2026-03-15'), 'progress-table');
      expect(rs.map((r) => r.key)).toEqual(expected[p]);
      for (const r of rs) expect(r.citation.profile).toBe(p);
    }
    expect(computeDeadlines('generic', all, d('2026-03-15'), 'progress-table')).toEqual([]);
  });
});

describe('invariants over random rows', () => {
  const day = fc.integer({ min: d('2019-01-01'), max: d('2028-12-31') });
  const opt = fc.option(day, { nil: undefined });
  const ym = fc.record({ year: fc.integer({ min: 2019, max: 2028 }), month: fc.integer({ min: 1, max: 12 }) });
  const inputs: fc.Arbitrary<DeadlineInputs> = fc.record(
    {
      startDate: opt,
      completionDate: opt,
      preliminaryAcceptanceDate: opt,
      acceptanceDate: opt,
      operationDate: opt,
      selfEvaluationDate: opt,
      performanceReportDate: opt,
      acceptanceApplicationDate: opt,
      standardPublishedDate: opt,
      period: fc.option(fc.record({ start: ym, end: ym }), { nil: undefined }),
      investmentCents: fc.option(fc.integer({ min: 0, max: 1_000_000 }), { nil: undefined }),
      projectType: fc.option(fc.constantFrom('政务治理类', '公共服务类', '新建'), { nil: undefined }),
    },
    { requiredKeys: [] },
  );
  const profile = fc.constantFrom<ProfileId>('wuhan', 'yeji', 'wulong', 'laizhou', 'generic');
  const kind = fc.constantFrom<SheetKind>('declaration', 'progress-table', 'progress-form', 'unknown');

  test('keys applicable, citations own, statuses consistent with dates', () => {
    fc.assert(
      fc.property(profile, inputs, day, kind, (p, inp, asOf, k) => {
        const rs = computeDeadlines(p, inp, asOf, k);
        const keys = applicableDeadlineKeys(p);
        const seen = new Set<ComputedKey>();
        for (const r of rs) {
          expect(keys).toContain(r.key);
          expect(seen.has(r.key)).toBe(false);
          seen.add(r.key);
          expect(r.citation.profile).toBe(p);
          expect(r.iso).toBe(isoFromDay(r.day));
          if (r.status === 'overdue') expect(asOf).toBeGreaterThan(r.day);
          if (r.status === 'due-soon') expect(r.day - asOf >= 0 && r.day - asOf <= DUE_SOON_DAYS).toBe(true);
          if (r.status === 'pending' && r.key !== 'freeMaintenanceUntil' && r.key !== 'selfEvaluationFrom') {
            expect(r.day - asOf).toBeGreaterThan(DUE_SOON_DAYS);
          }
          if (r.late !== undefined) expect(r.status).toBe('done');
          if (k === 'declaration') expect(r.key).toBe('declarationDue');
        }
      }),
      { numRuns: 3000 },
    );
  });
});
