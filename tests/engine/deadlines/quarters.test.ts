// Quarter arithmetic and progress-report windows (yeji 第十五条) on the holiday schedule.
import { quarterEnd, quarterFirstMonth, quarterOfDay, quarterOfYmd, quarterStart, reportWindow } from '../../../src/engine/deadlines/quarters';
import { dayFromIso, isoFromDay } from '../../../src/engine/values/date';

const d = (iso: string): number => dayFromIso(iso);

describe('quarters', () => {
  test.each<[string, number, number, string, string]>([
    ['2026-01-01', 2026, 1, '2026-01-01', '2026-03-31'],
    ['2026-03-31', 2026, 1, '2026-01-01', '2026-03-31'],
    ['2026-04-01', 2026, 4, '2026-04-01', '2026-06-30'],
    ['2026-08-15', 2026, 7, '2026-07-01', '2026-09-30'],
    ['2026-12-31', 2026, 10, '2026-10-01', '2026-12-31'],
    ['2024-02-29', 2024, 1, '2024-01-01', '2024-03-31'],
  ])('%s is in the quarter starting %i-%i (%s..%s)', (iso, y, m, start, end) => {
    const q = quarterOfDay(d(iso));
    expect(q).toBe(quarterOfYmd(y, m));
    expect(quarterFirstMonth(q)).toEqual([y, m]);
    expect(isoFromDay(quarterStart(q))).toBe(start);
    expect(isoFromDay(quarterEnd(q))).toBe(end);
  });

  test('next quarter is +1, across the year end', () => {
    const q = quarterOfYmd(2026, 12);
    expect(quarterFirstMonth(q + 1)).toEqual([2027, 1]);
    expect(quarterStart(q + 1)).toBe(quarterEnd(q) + 1);
  });
});

describe('reportWindow', () => {
  test.each<[number, number, string, boolean]>([
    [2026, 10, '2026-10-13', false], // 国庆 10-1..10-7, 10-10 (Sat) worked
    [2025, 4, '2025-04-08', false], // 清明 4-4..4-6
    [2024, 10, '2024-10-12', false], // 10-12 (Sat) worked
    [2026, 1, '2026-01-08', false], // 01-04 (Sun) worked
    [2027, 7, '2027-07-07', true], // no schedule: Monday–Friday (no statutory holiday in July)
  ])('%i-%i: 1st of month .. %s, provisional %s', (y, m, end, provisional) => {
    const w = reportWindow(quarterOfYmd(y, m));
    expect(isoFromDay(w.start)).toBe(`${y}-${String(m).padStart(2, '0')}-01`);
    expect(isoFromDay(w.end)).toBe(end);
    expect(w.provisional).toBe(provisional);
  });
});
