// Quarters and the quarterly progress-report windows (the first N working days of each quarter's first month).
import type { DayNumber } from '../values/date';
import { dayFromYmd, ymdFromDay } from '../values/date';
import { nthWorkdayOfMonth, perCalendar } from '../calendar/workdays';

/** 每季度第一个月的前5个工作日: the window a pack's quarterlyWindow names when it gives no other. */
export const REPORT_WINDOW_WORKDAYS = 5;

/** A quarter as one integer (year * 4 + 0..3), so "next quarter" is +1 and spans compare as numbers. */
export type QuarterIndex = number;

export function quarterOfYmd(year: number, month: number): QuarterIndex {
  return year * 4 + Math.floor((month - 1) / 3);
}

export function quarterOfDay(day: DayNumber): QuarterIndex {
  const [y, m] = ymdFromDay(day);
  return quarterOfYmd(y, m);
}

/** Year and first month (1, 4, 7, 10) of a quarter. */
export function quarterFirstMonth(q: QuarterIndex): [number, number] {
  const year = Math.floor(q / 4);
  return [year, (q - year * 4) * 3 + 1];
}

export function quarterStart(q: QuarterIndex): DayNumber {
  const [y, m] = quarterFirstMonth(q);
  return dayFromYmd(y, m, 1);
}

export function quarterEnd(q: QuarterIndex): DayNumber {
  return quarterStart(q + 1) - 1;
}

export interface ReportWindow {
  /** The quarter whose first month holds the window; the report covers quarter - 1 (上一季度). */
  quarter: QuarterIndex;
  /**
   * First day of the month, not the first working day: a report dated on a holiday before the 5th working day is
   * still inside the duty period (it is neither early — the reported quarter is over — nor late).
   */
  start: DayNumber;
  /** The Nth working day of the month. */
  end: DayNumber;
  /** True when the month's year has no holiday schedule in the data (Monday–Friday fallback). */
  provisional: boolean;
}

// Rows of one workbook hit the same few quarters; the working-day lookup is done once per quarter (per calendar: a
// user's holiday schedule changes the windows).
const WINDOWS = {};
const newWindowCache = () => new Map<number, ReportWindow>();

export function reportWindow(q: QuarterIndex, workdays = REPORT_WINDOW_WORKDAYS): ReportWindow {
  const windowCache = perCalendar(WINDOWS, newWindowCache);
  // One key for quarter and window length: a quarter index is far below 2^26.
  const key = q * 32 + workdays;
  let w = windowCache.get(key);
  if (w === undefined) {
    const [y, m] = quarterFirstMonth(q);
    const nth = nthWorkdayOfMonth(y, m, workdays);
    w = { quarter: q, start: dayFromYmd(y, m, 1), end: nth.day, provisional: nth.provisional };
    windowCache.set(key, w);
  }
  return w;
}
