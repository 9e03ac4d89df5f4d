import fc from 'fast-check';
import { addMonths, addYears, endOfYear, monthsBetween } from '../../../src/engine/calendar/months';
import { dayFromIso, isoFromDay } from '../../../src/engine/values/date';

const d = dayFromIso;

describe('addMonths', () => {
  test.each([
    ['2024-08-31', 6, '2025-02-28'], // RULES.md §4
    ['2023-08-31', 6, '2024-02-29'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2023-01-31', 1, '2023-02-28'],
    ['2024-03-31', 1, '2024-04-30'],
    ['2024-03-15', 6, '2024-09-15'],
    ['2024-12-15', 1, '2025-01-15'],
    ['2024-11-30', 3, '2025-02-28'],
    ['2024-05-31', 12, '2025-05-31'],
    ['2024-05-31', 24, '2026-05-31'],
    ['2024-03-05', 0, '2024-03-05'],
    ['2024-03-31', -1, '2024-02-29'],
    ['2025-01-15', -1, '2024-12-15'],
    ['2024-01-01', -13, '2022-12-01'],
  ])('%s + %d months = %s', (from, n, to) => {
    expect(isoFromDay(addMonths(d(from), n))).toBe(to);
  });

  test('never lands outside the target month and keeps the day when it exists', () => {
    fc.assert(
      fc.property(fc.integer({ min: d('1900-01-01'), max: d('2200-12-31') }), fc.integer({ min: -240, max: 240 }), (day, n) => {
        const [y, m, dd] = isoFromDay(day).split('-').map(Number);
        const [ty, tm, td] = isoFromDay(addMonths(day, n)).split('-').map(Number);
        const index = y * 12 + m - 1 + n;
        return ty * 12 + tm - 1 === index && (td === dd || (td < dd && isoFromDay(addMonths(day, n) + 1).endsWith('-01')));
      }),
    );
  });
});

describe('addYears / endOfYear', () => {
  test.each([
    ['2024-02-29', 1, '2025-02-28'],
    ['2024-02-29', 4, '2028-02-29'],
    ['2024-03-05', 3, '2027-03-05'],
    ['2025-06-30', -1, '2024-06-30'],
  ])('%s + %d years = %s', (from, n, to) => {
    expect(isoFromDay(addYears(d(from), n))).toBe(to);
  });

  test.each([
    ['2024-03-05', '2024-12-31'],
    ['2024-12-31', '2024-12-31'],
    ['2025-01-01', '2025-12-31'],
  ])('end of year of %s is %s', (from, to) => {
    expect(isoFromDay(endOfYear(d(from)))).toBe(to);
  });
});

describe('monthsBetween', () => {
  test.each([
    ['2024-01-15', '2024-07-15', 6],
    ['2024-01-15', '2024-07-14', 5],
    ['2024-01-15', '2024-07-16', 6],
    ['2024-08-31', '2025-02-28', 6], // the clamped 6-month date counts as 6 whole months
    ['2024-08-31', '2025-02-27', 5],
    ['2024-01-31', '2024-02-29', 1],
    ['2024-03-05', '2024-03-05', 0],
    ['2024-03-05', '2024-03-04', 0],
    ['2024-03-31', '2024-02-29', -1],
    ['2024-07-15', '2024-01-15', -6],
    ['2023-12-01', '2025-12-01', 24],
  ])('%s → %s: %d months', (a, b, n) => {
    expect(monthsBetween(d(a), d(b))).toBe(n);
  });

  test('agrees with addMonths: addMonths(a, k) ≤ b < addMonths(a, k + 1)', () => {
    fc.assert(
      fc.property(fc.integer({ min: d('1990-01-01'), max: d('2100-12-31') }), fc.integer({ min: 0, max: 3000 }), (a, gap) => {
        const b = a + gap;
        const k = monthsBetween(a, b);
        return addMonths(a, k) <= b && addMonths(a, k + 1) > b;
      }),
    );
  });
});
