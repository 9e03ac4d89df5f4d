// Working days under the State Council holiday schedules (放假调休), with a statutory-holiday fallback for years not yet published.
// Only the data of chinese-days is used: its functions read weekdays in local time and treat unknown years as Mon–Fri.
// User schedules (CheckOptions.holidays) make another calendar; check() makes it the active one while it runs (useCalendar).
import scheduleJson from 'chinese-days/dist/chinese-days.json';
import type { HolidaySchedule } from '../types';
import { type DayNumber, dayFromIso, dayFromYmd, weekdayOfDay, ymdFromDay } from '../values/date';
import { scheduleDays, validateHolidaySchedules } from './schedule';

interface ScheduleData {
  /** 'YYYY-MM-DD' → 'English,中文,days' for every day off of the published schedules. */
  holidays: Record<string, string>;
  /** Make-up working days (调休上班) that fall on weekends. */
  workdays: Record<string, string>;
}

const DATA = scheduleJson as unknown as ScheduleData;

const HOLIDAYS = new Set<DayNumber>();
const MAKEUP_WORKDAYS = new Set<DayNumber>();

function loadDays(map: Record<string, string> | undefined, into: Set<DayNumber>, years: Set<number>): void {
  if (!map) return;
  for (const key of Object.keys(map)) {
    let day: DayNumber;
    try {
      day = dayFromIso(key);
    } catch {
      continue;
    }
    into.add(day);
    years.add(+key.slice(0, 4));
  }
}

/**
 * A year counts as covered only when its notice is really in the data: 元旦 (01-01) and 国庆 (10-01) are
 * days off every year, so both present means the whole year's schedule was loaded. Coverage is the
 * unbroken run of such years ending at the newest one.
 */
function computeCoverage(): { firstYear: number; lastYear: number } {
  const seen = new Set<number>();
  loadDays(DATA.holidays, HOLIDAYS, seen);
  loadDays(DATA.workdays, MAKEUP_WORKDAYS, new Set<number>());
  const complete = (y: number) => HOLIDAYS.has(dayFromYmd(y, 1, 1)) && HOLIDAYS.has(dayFromYmd(y, 10, 1));
  let last = -Infinity;
  for (const y of seen) if (complete(y) && y > last) last = y;
  if (last === -Infinity) return { firstYear: 0, lastYear: -1 };
  let first = last;
  while (complete(first - 1)) first--;
  return { firstYear: first, lastYear: last };
}

const COVERAGE = computeCoverage();

/**
 * A working-day calendar: the bundled schedules, plus any user schedules, each of which replaces the bundled days dated
 * in its year and makes its year covered (exact, not provisional). Immutable once built; caches belong to it.
 */
export class WorkCalendar {
  /** Per-calendar caches of other modules (perCalendar). */
  readonly caches = new Map<object, unknown>();
  readonly monthCache = new Map<number, MonthWorkdays>();

  constructor(
    readonly holidays: ReadonlySet<DayNumber>,
    readonly makeupWorkdays: ReadonlySet<DayNumber>,
    /** Years covered by a user schedule (beyond the bundled run of years). */
    readonly userYears: ReadonlySet<number>,
    /** Every day a user schedule lists (off or working), whatever year it falls in. */
    readonly userDays: ReadonlySet<DayNumber>,
  ) {}

  hasSchedule(year: number): boolean {
    return (year >= COVERAGE.firstYear && year <= COVERAGE.lastYear) || this.userYears.has(year);
  }
}

interface MonthWorkdays {
  days: DayNumber[];
  provisional: boolean;
}

const BUNDLED = new WorkCalendar(HOLIDAYS, MAKEUP_WORKDAYS, new Set(), new Set());
let active: WorkCalendar = BUNDLED;

/** The bundled calendar (no user schedule). */
export function bundledCalendar(): WorkCalendar {
  return BUNDLED;
}

// A batch passes the same schedules to every check: the last few calendars are kept by content.
const built = new Map<string, WorkCalendar>();
const BUILT_KEPT = 8;

/**
 * The calendar of the bundled data plus `schedules` (validated: throws HolidayScheduleError naming the field). A user
 * schedule for a year the data already holds replaces that year's bundled days.
 */
export function calendarFor(schedules: readonly HolidaySchedule[] | undefined): WorkCalendar {
  if (schedules === undefined || schedules.length === 0) return BUNDLED;
  const key = JSON.stringify(schedules);
  const hit = built.get(key);
  if (hit !== undefined) return hit;
  const clean = validateHolidaySchedules(schedules);
  const years = new Set(clean.map((s) => s.year));
  const inReplacedYear = (d: DayNumber) => years.has(ymdFromDay(d)[0]);
  const holidays = new Set<DayNumber>();
  const makeup = new Set<DayNumber>();
  const listed = new Set<DayNumber>();
  for (const d of HOLIDAYS) if (!inReplacedYear(d)) holidays.add(d);
  for (const d of MAKEUP_WORKDAYS) if (!inReplacedYear(d)) makeup.add(d);
  for (const s of clean) {
    const days = scheduleDays(s);
    for (const d of days.holidays) {
      listed.add(d);
      holidays.add(d);
      makeup.delete(d);
    }
    for (const d of days.workdays) {
      listed.add(d);
      makeup.add(d);
      holidays.delete(d);
    }
  }
  const cal = new WorkCalendar(holidays, makeup, years, listed);
  if (built.size >= BUILT_KEPT) built.delete(built.keys().next().value as string);
  built.set(key, cal);
  return cal;
}

/** Makes `cal` the calendar every query below reads; returns the one it replaces (to restore it). */
export function useCalendar(cal: WorkCalendar): WorkCalendar {
  const previous = active;
  active = cal;
  return previous;
}

export function activeCalendar(): WorkCalendar {
  return active;
}

/** A cache owned by the active calendar (made on first use), for results that depend on the working days. */
export function perCalendar<T>(owner: object, make: () => T): T {
  let c = active.caches.get(owner) as T | undefined;
  if (c === undefined) {
    c = make();
    active.caches.set(owner, c);
  }
  return c;
}

/** The years whose published schedule the bundled data holds. */
export function calendarCoverage(): { firstYear: number; lastYear: number } {
  return { firstYear: COVERAGE.firstYear, lastYear: COVERAGE.lastYear };
}

/** Whether the active calendar holds the year's schedule (bundled or given by the user). */
export function hasSchedule(year: number): boolean {
  return active.hasSchedule(year);
}

// ---- Fallback: statutory holidays of 《全国年节及纪念日放假办法》 (as amended 2024) for unpublished years ----

// Lunar calendar 2000–2100 (the LUNAR_INFO table of chinese-days / the common 1900–2100 table): bits 15..4 = months
// 1..12 long (30 days), low nibble = leap month, bit 16 = the leap month is long.
const LUNAR_FIRST_YEAR = 2000;
// prettier-ignore
const LUNAR_INFO = [
  0x0c960, 0x0d954, 0x0d4a0, 0x0da50, 0x07552, 0x056a0, 0x0abb7, 0x025d0, 0x092d0, 0x0cab5, // 2000
  0x0a950, 0x0b4a0, 0x0baa4, 0x0ad50, 0x055d9, 0x04ba0, 0x0a5b0, 0x15176, 0x052b0, 0x0a930, // 2010
  0x07954, 0x06aa0, 0x0ad50, 0x05b52, 0x04b60, 0x0a6e6, 0x0a4e0, 0x0d260, 0x0ea65, 0x0d530, // 2020
  0x05aa0, 0x076a3, 0x096d0, 0x04afb, 0x04ad0, 0x0a4d0, 0x1d0b6, 0x0d250, 0x0d520, 0x0dd45, // 2030
  0x0b5a0, 0x056d0, 0x055b2, 0x049b0, 0x0a577, 0x0a4b0, 0x0aa50, 0x1b255, 0x06d20, 0x0ada0, // 2040
  0x14b63, 0x09370, 0x049f8, 0x04970, 0x064b0, 0x168a6, 0x0ea50, 0x06b20, 0x1a6c4, 0x0aae0, // 2050
  0x0a2e0, 0x0d2e3, 0x0c960, 0x0d557, 0x0d4a0, 0x0da50, 0x05d55, 0x056a0, 0x0a6d0, 0x055d4, // 2060
  0x052d0, 0x0a9b8, 0x0a950, 0x0b4a0, 0x0b6a6, 0x0ad50, 0x055a0, 0x0aba4, 0x0a5b0, 0x052b0, // 2070
  0x0b273, 0x06930, 0x07337, 0x06aa0, 0x0ad50, 0x14b55, 0x04b60, 0x0a570, 0x054e4, 0x0d160, // 2080
  0x0e968, 0x0d520, 0x0daa0, 0x16aa6, 0x056d0, 0x04ae0, 0x0a9d4, 0x0a2d0, 0x0d150, 0x0f252, // 2090
  0x0d520, // 2100
];
const LUNAR_LAST_YEAR = LUNAR_FIRST_YEAR + LUNAR_INFO.length - 1;

function lunarMonthDays(info: number, month: number): number {
  return (info & (0x10000 >> month)) !== 0 ? 30 : 29;
}

function lunarLeapDays(info: number): number {
  return (info & 0xf) === 0 ? 0 : (info & 0x10000) !== 0 ? 30 : 29;
}

// 正月初一 of each lunar year, from the known 2000-02-05 onwards.
const NEW_YEAR_DAYS: DayNumber[] = (() => {
  const out: DayNumber[] = [];
  let day = dayFromYmd(2000, 2, 5);
  for (const info of LUNAR_INFO) {
    out.push(day);
    let len = lunarLeapDays(info);
    for (let m = 1; m <= 12; m++) len += lunarMonthDays(info, m);
    day += len;
  }
  return out;
})();

/** Gregorian day of a lunar date (non-leap month) of lunar year `year`; null outside 2000–2100. */
export function lunarToDay(year: number, month: number, dayOfMonth: number): DayNumber | null {
  if (year < LUNAR_FIRST_YEAR || year > LUNAR_LAST_YEAR) return null;
  const info = LUNAR_INFO[year - LUNAR_FIRST_YEAR];
  let day = NEW_YEAR_DAYS[year - LUNAR_FIRST_YEAR];
  for (let m = 1; m < month; m++) day += lunarMonthDays(info, m);
  const leap = info & 0xf;
  if (leap !== 0 && leap < month) day += lunarLeapDays(info);
  return day + dayOfMonth - 1;
}

/** 清明 (solar term day) by the standard formula floor(Y·D + C) − floor(Y/4), in integer maths (no float edge). */
export function qingmingDay(year: number): DayNumber {
  let aprilDay = 5;
  if (year >= 2000 && year <= 2099) {
    const y = year % 100;
    aprilDay = Math.floor((y * 2422 + 48100) / 10000) - Math.floor(y / 4);
  } else if (year >= 1900 && year <= 1999) {
    const y = year % 100;
    aprilDay = Math.floor((y * 2422 + 55900) / 10000) - Math.floor(y / 4);
  }
  return dayFromYmd(year, 4, aprilDay);
}

/**
 * Statutory days off of a year under the 2024 amendment (no 调休: unknown until the State Council publishes it):
 * 元旦 1/1; 春节 除夕–初三; 清明; 劳动节 5/1–5/2; 端午 五月初五; 中秋 八月十五; 国庆 10/1–10/3.
 * Lunar holidays are left out outside 2000–2100, where the table ends.
 */
export function statutoryHolidays(year: number): DayNumber[] {
  const days = [dayFromYmd(year, 1, 1)];
  const springFestival = lunarToDay(year, 1, 1);
  if (springFestival !== null) days.push(springFestival - 1, springFestival, springFestival + 1, springFestival + 2);
  days.push(qingmingDay(year), dayFromYmd(year, 5, 1), dayFromYmd(year, 5, 2));
  const dragonBoat = lunarToDay(year, 5, 5);
  if (dragonBoat !== null) days.push(dragonBoat);
  const midAutumn = lunarToDay(year, 8, 15);
  if (midAutumn !== null) days.push(midAutumn);
  days.push(dayFromYmd(year, 10, 1), dayFromYmd(year, 10, 2), dayFromYmd(year, 10, 3));
  // 中秋 can fall on 国庆 (2028-10-03, 2031-10-01): list each day once.
  return Array.from(new Set(days)).sort((a, b) => a - b);
}

const fallbackCache = new Map<number, Set<DayNumber>>();

function fallbackHolidays(year: number): Set<DayNumber> {
  let set = fallbackCache.get(year);
  if (set === undefined) {
    set = new Set(statutoryHolidays(year));
    fallbackCache.set(year, set);
  }
  return set;
}

// ---- Queries ----

// Shared, frozen answers: the hot path allocates nothing.
const WORK = Object.freeze({ workday: true, provisional: false });
const OFF = Object.freeze({ workday: false, provisional: false });
const WORK_PROVISIONAL = Object.freeze({ workday: true, provisional: true });
const OFF_PROVISIONAL = Object.freeze({ workday: false, provisional: true });

/** Whether a day is a working day; provisional when its year's schedule is not in the calendar (Mon–Fri minus statutory holidays). */
export function isWorkday(day: DayNumber): { workday: boolean; provisional: boolean } {
  const weekday = weekdayOfDay(day);
  const weekend = weekday === 0 || weekday === 6;
  const cal = active;
  const year = ymdFromDay(day)[0];
  // A day a user schedule lists counts even outside its year's coverage (元旦 from the December before).
  if (cal.hasSchedule(year) || cal.userDays.has(day)) {
    if (weekend) return cal.makeupWorkdays.has(day) ? WORK : OFF;
    return cal.holidays.has(day) ? OFF : WORK;
  }
  if (weekend) return OFF_PROVISIONAL;
  return fallbackHolidays(year).has(day) ? OFF_PROVISIONAL : WORK_PROVISIONAL;
}

function monthWorkdays(year: number, month: number): MonthWorkdays {
  const cal = active;
  const key = year * 12 + month - 1;
  let entry = cal.monthCache.get(key);
  if (entry === undefined) {
    const first = dayFromYmd(year, month, 1);
    const next = month === 12 ? dayFromYmd(year + 1, 1, 1) : dayFromYmd(year, month + 1, 1);
    const days: DayNumber[] = [];
    for (let d = first; d < next; d++) if (isWorkday(d).workday) days.push(d);
    entry = { days, provisional: !cal.hasSchedule(year) };
    cal.monthCache.set(key, entry);
  }
  return entry;
}

/** The n-th (1-based) working day of a month; throws RangeError when the month has fewer than n. */
export function nthWorkdayOfMonth(year: number, month: number, n: number): { day: DayNumber; provisional: boolean } {
  if (!Number.isInteger(year) || !Number.isInteger(month) || month < 1 || month > 12) {
    throw new RangeError(`no such month: ${year}-${month}`);
  }
  const { days, provisional } = monthWorkdays(year, month);
  if (!Number.isInteger(n) || n < 1 || n > days.length) {
    throw new RangeError(`${year}-${month} has ${days.length} working days, asked for number ${n}`);
  }
  return { day: days[n - 1], provisional };
}

/** 1-based position of a working day within its month; null when the day is not a working day. */
export function workdayIndexInMonth(day: DayNumber): { index: number | null; provisional: boolean } {
  const [y, m] = ymdFromDay(day);
  const { days, provisional } = monthWorkdays(y, m);
  const i = days.indexOf(day);
  return { index: i < 0 ? null : i + 1, provisional };
}
