// User holiday schedules: validation naming the field, the calendar they make, and check() with CheckOptions.holidays.
import * as fs from 'fs';
import * as path from 'path';
import { HolidayScheduleError, readHolidaySource, summarizeHolidaySchedule, validateHolidaySchedule, validateHolidaySchedules } from '../../../src/engine/calendar/schedule';
import { activeCalendar, bundledCalendar, calendarFor, hasSchedule, isWorkday, nthWorkdayOfMonth, useCalendar } from '../../../src/engine/calendar/workdays';
import { checkAsync } from '../../../src/engine/chunked';
import { computedValues } from '../../../src/engine/computed';
import type { HolidaySchedule } from '../../../src/engine/types';
import { dayFromYmd, isoFromDay } from '../../../src/engine/values/date';
import { PROGRESS_HEADERS, of, progress, progressRow, workbook } from '../rules/harness';

/** Invented for the tests (see fixtures/README.md): not the State Council's 2027 notice. */
const INVENTED_2027 = JSON.parse(fs.readFileSync(path.join(__dirname, 'fixtures', 'holidays-2027.invented.json'), 'utf8')) as HolidaySchedule;

function errorOf(fn: () => unknown): HolidayScheduleError {
  try {
    fn();
  } catch (e) {
    if (e instanceof HolidayScheduleError) return e;
    throw e;
  }
  throw new Error('no error');
}

describe('validateHolidaySchedule', () => {
  test('the invented 2027 fixture is valid and says it is invented', () => {
    const s = validateHolidaySchedule(INVENTED_2027);
    expect(s.year).toBe(2027);
    expect(summarizeHolidaySchedule(s, 'zh')).toContain('INVENTED');
    expect(summarizeHolidaySchedule(s, 'zh')).toContain('春节：2027年2月5日（周五）至2027年2月13日（周六），共9天；2027年2月20日（周六）上班');
  });

  const base = () => JSON.parse(JSON.stringify(INVENTED_2027)) as Record<string, unknown> & { holidays: Record<string, unknown>[]; workdays: Record<string, unknown>[] };
  test.each<[string, (s: ReturnType<typeof base>) => unknown, string]>([
    ['not an object', () => 'x', ''],
    ['year missing', (s) => ({ ...s, year: undefined }), 'year'],
    ['year as text', (s) => ({ ...s, year: '2027' }), 'year'],
    ['no holidays', (s) => ({ ...s, holidays: [] }), 'holidays'],
    ['a bad date', (s) => (s.holidays[1]!.from = '2027-02-30', s), 'holidays[1].from'],
    ['to before from', (s) => (s.holidays[2]!.to = '2027-04-01', s), 'holidays[2].to'],
    ['from without to', (s) => (delete s.holidays[0]!.to, s), 'holidays[0].to'],
    ['date and from', (s) => (s.holidays[4]!.from = '2027-06-09', s), 'holidays[4].date'],
    ['no name', (s) => (s.holidays[3]!.name = ' ', s), 'holidays[3].name'],
    ['a date of another year', (s) => (s.holidays[6]!.to = '2028-01-01', s), 'holidays[6].to'],
    ['a make-up day on a weekday', (s) => (s.workdays[0]!.date = '2027-02-19', s), 'workdays[0].date'],
    ['a make-up day that is also off', (s) => (s.workdays.push({ date: '2027-02-13' }), s), 'workdays[4].date'],
    ['workdays not a list', (s) => ({ ...s, workdays: {} }), 'workdays'],
    ['an unknown field', (s) => ({ ...s, holiday: [] }), 'holiday'],
  ])('%s → names %s', (_what, mutate, field) => {
    const err = errorOf(() => validateHolidaySchedule(mutate(base())));
    expect(err.field).toBe(field);
    if (field) expect(err.text('zh').startsWith(`${field}：`)).toBe(true);
    if (field) expect(err.text('en').startsWith(`${field}: `)).toBe(true);
  });

  test('a year given twice in one list', () => {
    expect(errorOf(() => validateHolidaySchedules([INVENTED_2027, INVENTED_2027])).field).toBe('schedules[1].year');
  });

  test('a JSON file: one schedule, a list, or {schedules}; errors name the field with its index', () => {
    const one = JSON.stringify(INVENTED_2027);
    expect(readHolidaySource(one)).toHaveLength(1);
    expect(readHolidaySource(`[${one}]`)).toHaveLength(1);
    expect(readHolidaySource(`{"schedules":[${one}]}`)).toHaveLength(1);
    expect(errorOf(() => readHolidaySource(`{"schedules":[${one.replace('"2027-02-20"', '"2027-02-21x"')}]}`)).field).toBe('schedules[0].workdays[0].date');
    expect(errorOf(() => readHolidaySource('{"year": 2027,')).text('en')).toMatch(/^not valid JSON/);
    expect(errorOf(() => readHolidaySource('   ')).text('zh')).toBe('文件为空');
  });
});

describe('the calendar of user schedules', () => {
  test('2027 is provisional without a schedule and exact with one; the bundled calendar is restored', () => {
    expect(hasSchedule(2027)).toBe(false);
    expect(nthWorkdayOfMonth(2027, 1, 5)).toEqual({ day: dayFromYmd(2027, 1, 8), provisional: true });
    const cal = calendarFor([INVENTED_2027]);
    expect(calendarFor([INVENTED_2027])).toBe(cal);
    const prev = useCalendar(cal);
    try {
      expect(hasSchedule(2027)).toBe(true);
      expect(nthWorkdayOfMonth(2027, 1, 5)).toEqual({ day: dayFromYmd(2027, 1, 8), provisional: false });
      expect(isWorkday(dayFromYmd(2027, 2, 20))).toEqual({ workday: true, provisional: false }); // a Saturday, 调休上班
      expect(isWorkday(dayFromYmd(2027, 9, 15))).toEqual({ workday: false, provisional: false }); // 中秋, a Wednesday
      // the bundled years are untouched
      expect(isWorkday(dayFromYmd(2026, 2, 14))).toEqual({ workday: true, provisional: false });
    } finally {
      useCalendar(prev);
    }
    expect(activeCalendar()).toBe(bundledCalendar());
    expect(hasSchedule(2027)).toBe(false);
  });

  test('a user schedule for a year the data holds replaces that year', () => {
    // invented: 2026 with only 元旦 (so 2026-02-16, in the real 春节, is a working day)
    const only = { year: 2026, holidays: [{ name: '元旦', date: '2026-01-01' }], workdays: [] };
    const prev = useCalendar(calendarFor([only]));
    try {
      expect(isWorkday(dayFromYmd(2026, 2, 16))).toEqual({ workday: true, provisional: false });
      expect(isWorkday(dayFromYmd(2026, 2, 14))).toEqual({ workday: false, provisional: false });
    } finally {
      useCalendar(prev);
    }
    expect(isWorkday(dayFromYmd(2026, 2, 16)).workday).toBe(false);
  });

  test('an invalid schedule in CheckOptions throws naming the field', () => {
    const bad = { ...INVENTED_2027, workdays: [{ date: '2027-02-19' }] };
    expect(() => progress([progressRow()], 'yeji', { holidays: [bad] })).toThrow('schedules[0].workdays[0].date');
  });
});

describe('check() with CheckOptions.holidays: the 叶集 quarterly report due in January 2027', () => {
  // 叶集第十五条: the first five working days of each quarter's first month. As of 2026-10-20 the next window is January 2027.
  const rows = [progressRow({ 开工日期: '2026-01-01', 建成日期: '2027-12-31' })];
  const next = (r: ReturnType<typeof progress>) => computedValues(r).filter((c) => c.key === 'nextProgressReportDue');

  test('without a 2027 schedule: 2027-01-08, provisional, with the info finding', () => {
    const r = progress(rows, 'yeji', { asOf: '2026-10-20' });
    expect(next(r)).toEqual([expect.objectContaining({ value: '2027-01-08', provisional: true })]);
    expect(of(r, 'deadline/provisional-schedule')).toHaveLength(1);
  });

  test('with the (invented) 2027 schedule: exact, no provisional finding', () => {
    const r = progress(rows, 'yeji', { asOf: '2026-10-20', holidays: [INVENTED_2027] });
    expect(next(r)).toHaveLength(1);
    expect(next(r)[0]!.value).toBe('2027-01-08');
    expect(next(r)[0]!.provisional).toBeUndefined();
    expect(of(r, 'deadline/provisional-schedule')).toEqual([]);
    // and the next check without it is provisional again (nothing leaks)
    expect(next(progress(rows, 'yeji', { asOf: '2026-10-20' }))[0]!.provisional).toBe(true);
  });

  test('the schedule decides the day: 元旦 to 1月4日 (invented) moves the window end to 2027-01-11', () => {
    const longer = { ...INVENTED_2027, holidays: [{ name: '元旦', from: '2027-01-01', to: '2027-01-04' }, ...INVENTED_2027.holidays.slice(1)] };
    const r = progress(rows, 'yeji', { asOf: '2026-10-20', holidays: [longer] });
    expect(next(r)[0]!.value).toBe('2027-01-11');
  });

  test('checkAsync keeps each run on its own calendar across its pauses', async () => {
    // three projects, one record per pause, so the two runs interleave
    const many = [1, 2, 3].map((i) => progressRow({ 开工日期: '2026-01-01', 建成日期: '2027-12-31' }, i));
    const wb = workbook({ headers: PROGRESS_HEADERS, rows: many, above: [['政务信息化项目进度台账']], name: '进度台账' });
    const [a, b] = await Promise.all([
      checkAsync(wb, { asOf: '2026-10-20', profile: 'yeji', holidays: [INVENTED_2027] }, { chunkRows: 1 }),
      checkAsync(wb, { asOf: '2026-10-20', profile: 'yeji' }, { chunkRows: 1 }),
    ]);
    expect(next(a).map((c) => c.provisional)).toEqual([undefined, undefined, undefined]);
    expect(next(b).map((c) => c.provisional)).toEqual([true, true, true]);
    expect(activeCalendar()).toBe(bundledCalendar());
    expect(isoFromDay(nthWorkdayOfMonth(2027, 1, 5).day)).toBe('2027-01-08');
  });
});
