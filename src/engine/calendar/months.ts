// Calendar-month arithmetic on day numbers, clamped to month end (RULES.md §4: 2024-08-31 + 6 months = 2025-02-28).
import { type DayNumber, dayFromYmd, daysInMonth, ymdFromDay } from '../values/date';

/** n calendar months later (earlier when negative); a day past the target month's end becomes its last day. */
export function addMonths(day: DayNumber, n: number): DayNumber {
  const [y, m, d] = ymdFromDay(day);
  const index = y * 12 + (m - 1) + n;
  const ny = Math.floor(index / 12);
  const nm = index - ny * 12 + 1;
  const dim = daysInMonth(ny, nm);
  return dayFromYmd(ny, nm, d > dim ? dim : d);
}

/** n years later, clamped the same way (2024-02-29 + 1 year = 2025-02-28). */
export function addYears(day: DayNumber, n: number): DayNumber {
  return addMonths(day, 12 * n);
}

/** 12-31 of the day's year. */
export function endOfYear(day: DayNumber): DayNumber {
  return dayFromYmd(ymdFromDay(day)[0], 12, 31);
}

/**
 * Whole calendar months from a to b: the largest k with addMonths(a, k) ≤ b (negative when b is before a).
 * So "more than 6 months" is b > addMonths(a, 6), i.e. monthsBetween ≥ 6 and b past that day.
 */
export function monthsBetween(a: DayNumber, b: DayNumber): number {
  if (b < a) {
    const back = monthsBetween(b, a);
    return back === 0 ? 0 : -back;
  }
  const [ya, ma] = ymdFromDay(a);
  const [yb, mb] = ymdFromDay(b);
  const k = (yb - ya) * 12 + (mb - ma);
  return addMonths(a, k) <= b ? k : k - 1;
}
