import fc from 'fast-check';
import type { CellValue } from '../../../src/engine/types';
import {
  dayFromIso,
  dayFromSerial,
  dayFromYmd,
  daysInMonth,
  isDateFormat,
  isoFromDay,
  parseDate,
  serialFromDay,
  weekdayOfDay,
  ymdFromDay,
} from '../../../src/engine/values/date';

describe('day numbers', () => {
  test.each([
    [1970, 1, 1, 0],
    [1970, 1, 2, 1],
    [1969, 12, 31, -1],
    [2000, 3, 1, 11017],
    [1900, 1, 1, -25567],
    [2024, 2, 29, 19782],
    [9999, 12, 31, 2932896],
  ])('%d-%d-%d is day %d', (y, m, d, day) => {
    expect(dayFromYmd(y, m, d)).toBe(day);
    expect(ymdFromDay(day)).toEqual([y, m, d]);
  });

  test('agrees with Date.UTC on every day from 1899 to 2101 and a sample up to 9999', () => {
    const agrees = (day: number) => {
      const date = new Date(day * 86400000);
      const [y, m, dd] = ymdFromDay(day);
      return (
        y === date.getUTCFullYear() &&
        m === date.getUTCMonth() + 1 &&
        dd === date.getUTCDate() &&
        weekdayOfDay(day) === date.getUTCDay() &&
        dayFromYmd(y, m, dd) === day
      );
    };
    const wrong: number[] = [];
    for (let day = dayFromYmd(1899, 1, 1); day <= dayFromYmd(2101, 12, 31); day++) if (!agrees(day)) wrong.push(day);
    expect(wrong).toEqual([]);
    fc.assert(fc.property(fc.integer({ min: -30000, max: 2932896 }), agrees));
  });

  test.each([
    ['2024-03-05', 2], // Tuesday
    ['2026-10-10', 6],
    ['2024-02-04', 0],
    ['1970-01-01', 4],
    ['1969-12-28', 0],
  ])('weekday of %s is %d', (iso, weekday) => {
    expect(weekdayOfDay(dayFromIso(iso))).toBe(weekday);
  });

  test.each([
    [2024, 2, 29],
    [2023, 2, 28],
    [1900, 2, 28],
    [2000, 2, 29],
    [2024, 4, 30],
    [2024, 12, 31],
  ])('%d-%d has %d days', (y, m, n) => {
    expect(daysInMonth(y, m)).toBe(n);
  });

  test.each(['2024-03-05', '1900-01-01', '9999-12-31', '0001-01-01', '2024-02-29'])('iso round trip %s', (iso) => {
    expect(isoFromDay(dayFromIso(iso))).toBe(iso);
  });

  test.each(['2024-02-30', '2023-02-29', '2024-13-01', '2024-3-5', '20240305', '', '2024-03-05T00:00'])(
    'dayFromIso rejects %j',
    (iso) => {
      expect(() => dayFromIso(iso)).toThrow(RangeError);
    },
  );
});

describe('Excel serials', () => {
  test.each([
    [1, '1900-01-01'],
    [2, '1900-01-02'],
    [59, '1900-02-28'],
    [61, '1900-03-01'],
    [25569, '1970-01-01'],
    [45000, '2023-03-15'],
    [45356, '2024-03-05'],
    [45356.75, '2024-03-05'], // time of day dropped
    [2958465, '9999-12-31'],
    [2958465.99, '9999-12-31'],
  ])('1900 system: %p → %s', (serial, iso) => {
    const r = parseDate(serial);
    expect(r).toEqual({ ok: true, day: dayFromIso(iso), iso, precision: 'day', fromText: false });
    expect(serialFromDay(dayFromIso(iso))).toBe(Math.floor(serial));
  });

  test.each([
    [0, '1904-01-01'],
    [1, '1904-01-02'],
    [43894, '2024-03-05'], // 45356 − 1462
    [2957003, '9999-12-31'],
  ])('1904 system: %p → %s', (serial, iso) => {
    expect(parseDate(serial, { date1904: true })).toMatchObject({ ok: true, iso });
    expect(serialFromDay(dayFromIso(iso), true)).toBe(serial);
    expect(dayFromSerial(serial, true)).toBe(dayFromIso(iso));
  });

  test.each([0, 0.5, -1, 2958466, 1e308, Infinity, NaN])('1900 system: %p is out of range', (serial) => {
    expect(parseDate(serial)).toMatchObject({ ok: false, reason: 'out-of-range', raw: String(serial) });
  });

  test.each([-1, -0.5, 2957004])('1904 system: %p is out of range', (serial) => {
    expect(parseDate(serial, { date1904: true })).toMatchObject({ ok: false, reason: 'out-of-range' });
  });

  test("serial 60 is Excel's fictitious 1900-02-29: not a date", () => {
    expect(parseDate(60)).toEqual({ ok: false, reason: 'not-a-date', raw: '60' });
    expect(parseDate(60, { date1904: true })).toMatchObject({ ok: true, iso: '1904-03-01' });
    expect(isoFromDay(dayFromSerial(60))).toBe('1900-03-01');
  });

  test('serialFromDay inverts dayFromSerial for every 1900-system serial but 60', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2958465 }), (serial) => {
        fc.pre(serial !== 60);
        return serialFromDay(dayFromSerial(serial)) === serial;
      }),
    );
  });
});

describe('parseDate: text', () => {
  test.each<[string, string, 'day' | 'month']>([
    ['2024年3月5日', '2024-03-05', 'day'],
    ['2024年03月05日', '2024-03-05', 'day'],
    ['2024 年 3 月 5 日', '2024-03-05', 'day'],
    ['2024年3月5号', '2024-03-05', 'day'],
    ['2024年3月5', '2024-03-05', 'day'],
    ['2024.3.5', '2024-03-05', 'day'],
    ['2024/03/05', '2024-03-05', 'day'],
    ['2024-03-05', '2024-03-05', 'day'],
    ['2024-3-5', '2024-03-05', 'day'],
    ['20240305', '2024-03-05', 'day'],
    ['２０２４年３月５日', '2024-03-05', 'day'],
    ['２０２４／０３／０５', '2024-03-05', 'day'],
    ['  2024-03-05\n', '2024-03-05', 'day'],
    ['2024-03-05 10:30', '2024-03-05', 'day'],
    ['2024-03-05T10:30:00Z', '2024-03-05', 'day'],
    ['2024/3/5 8:05:00', '2024-03-05', 'day'],
    ['2024-02-29', '2024-02-29', 'day'],
    ['1900-01-01', '1900-01-01', 'day'],
    ['9999-12-31', '9999-12-31', 'day'],
    ['2024年3月', '2024-03-01', 'month'],
    ['2024年3月份', '2024-03-01', 'month'],
    ['2024-03', '2024-03-01', 'month'],
    ['2024.03', '2024-03-01', 'month'],
    ['2024/3', '2024-03-01', 'month'],
    ['２０２４年１２月', '2024-12-01', 'month'],
  ])('%j → %s (%s)', (text, iso, precision) => {
    expect(parseDate(text)).toEqual({ ok: true, day: dayFromIso(iso), iso, precision, fromText: true });
  });

  test.each([
    '2024-02-30',
    '2023-02-29',
    '2024-13-01',
    '2024-00-10',
    '2024-03-00',
    '2024年13月',
    '2024年3月32日',
    '2024-03/05',
    '2024',
    '24-03-05',
    'March 5, 2024',
    'abc',
    '2024年月日',
    '20241305',
    '2024年3月5日至6日',
    '45356',
  ])('%j is not a date', (text) => {
    expect(parseDate(text)).toMatchObject({ ok: false, reason: 'not-a-date', raw: text.trim() });
  });

  test.each(['1899-12-31', '1800年1月1日', '10000-01-01', '0999-01-01', '1899-12'])('%j is out of range', (text) => {
    expect(parseDate(text)).toMatchObject({ ok: false, reason: 'out-of-range' });
  });

  test.each(['', '   ', '年  月  日', '年　月　日', '\t年\n月\n日', '____年__月__日', '年  月', '-', '—', '/', '无'])(
    '%j is empty',
    (text) => {
      expect(parseDate(text)).toMatchObject({ ok: false, reason: 'empty' });
    },
  );

  test.each<[CellValue, string]>([
    [null, 'empty'],
    [true, 'not-a-date'],
    [{ error: '#VALUE!' }, 'error-value'],
  ])('%j → %s', (value, reason) => {
    expect(parseDate(value)).toMatchObject({ ok: false, reason });
  });

  test('never throws on any cell value', () => {
    const cell: fc.Arbitrary<CellValue> = fc.oneof(
      fc.double(),
      fc.integer(),
      fc.string(),
      fc.string({ unit: 'grapheme' }),
      fc.stringMatching(/^\d{0,5}[年./-]?\d{0,2}[月./-]?\d{0,2}日?( \d{1,2}:\d{2})?$/),
      fc.boolean(),
      fc.constant(null),
      fc.record({ error: fc.constant('#N/A') }),
    );
    fc.assert(
      fc.property(cell, fc.boolean(), (v, date1904) => {
        const r = parseDate(v, { date1904 });
        return r.ok ? isoFromDay(r.day) === r.iso : typeof r.raw === 'string';
      }),
      { numRuns: 3000 },
    );
  });
});

describe('isDateFormat', () => {
  test.each([
    'yyyy-mm-dd',
    'yyyy/m/d',
    'm/d/yy',
    'd-mmm-yy',
    'mmm-yy',
    'mmmm',
    'yyyy"年"m"月"d"日"',
    'yyyy年m月d日',
    '[$-804]yyyy"年"m"月"d"日"',
    '[DBNum1][$-804]yyyy"年"m"月"d"日"',
    'yyyy-mm-dd h:mm:ss',
    'yyyy-mm-dd;@',
    '[$-F800]dddd, mmmm dd, yyyy',
    'm月d日',
    'YYYY-MM-DD',
  ])('%j is a date format', (fmt) => {
    expect(isDateFormat(fmt)).toBe(true);
  });

  test.each([
    'General',
    '0.00',
    '#,##0',
    '#,##0.00_);[Red](#,##0.00)',
    '0.00%',
    '@',
    'h:mm',
    'h:mm:ss',
    '[h]:mm:ss',
    'mm:ss',
    '"days"0',
    '0"元"',
    '0.00"万元"',
    '[Red]0.00',
    '\\d0',
    '0.00E+00',
    '',
    null,
    undefined,
  ])('%j is not a date format', (fmt) => {
    expect(isDateFormat(fmt)).toBe(false);
  });
});
