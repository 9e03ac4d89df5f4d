import fc from 'fast-check';
import type { CellValue } from '../../../src/engine/types';
import { parsePeriod } from '../../../src/engine/values/period';

describe('parsePeriod: readable', () => {
  test.each<[CellValue, [number, number], [number, number], boolean]>([
    ['2027年1月至2027年12月', [2027, 1], [2027, 12], true],
    ['2027年01月至2027年06月', [2027, 1], [2027, 6], true],
    ['2027年1月至2028年6月', [2027, 1], [2028, 6], true],
    ['２０２７年１月至２０２７年１２月', [2027, 1], [2027, 12], true],
    ['2027年1月 至 2027年12月', [2027, 1], [2027, 12], true],
    ['2027年1月至\n2027年12月', [2027, 1], [2027, 12], true],
    ['2027年1月至2027年1月', [2027, 1], [2027, 1], true],
    ['2027年01月-2027年12月', [2027, 1], [2027, 12], false],
    ['2027年1月—2027年12月', [2027, 1], [2027, 12], false],
    ['2027年1月～2027年12月', [2027, 1], [2027, 12], false],
    ['2027年1月~2027年12月', [2027, 1], [2027, 12], false],
    ['2027年1月到2027年12月', [2027, 1], [2027, 12], false],
    ['2027年1月——2027年12月', [2027, 1], [2027, 12], false],
    ['2027年1月1日至2027年12月31日', [2027, 1], [2027, 12], false],
    ['2027.01-2027.06', [2027, 1], [2027, 6], false],
    ['2027.1-2027.6', [2027, 1], [2027, 6], false],
    ['2027/1—2027/6', [2027, 1], [2027, 6], false],
    ['2027-01至2027-06', [2027, 1], [2027, 6], false],
    ['2027-01-2027-06', [2027, 1], [2027, 6], false],
    ['2027.01.01-2027.06.30', [2027, 1], [2027, 6], false],
    ['２０２７．０１－２０２７．０６', [2027, 1], [2027, 6], false],
    ['2027年1月～12月', [2027, 1], [2027, 12], false],
    ['2027年3月至12月', [2027, 3], [2027, 12], false],
    ['2027年1-6月', [2027, 1], [2027, 6], false],
    ['2027年1月-6月', [2027, 1], [2027, 6], false],
    ['2027.01-06', [2027, 1], [2027, 6], false],
    ['27年1月至27年12月', [2027, 1], [2027, 12], false],
    ['27年1月至28年6月', [2027, 1], [2028, 6], false],
    ['2027年', [2027, 1], [2027, 12], false],
    ['2027年度', [2027, 1], [2027, 12], false],
    ['2027', [2027, 1], [2027, 12], false],
    [2027, [2027, 1], [2027, 12], false],
    ['2027年至2028年', [2027, 1], [2028, 12], false],
    ['2027-2028', [2027, 1], [2028, 12], false],
  ])('%j → %j … %j (canonical %s)', (value, [y1, m1], [y2, m2], canonical) => {
    expect(parsePeriod(value)).toEqual({
      ok: true,
      start: { year: y1, month: m1 },
      end: { year: y2, month: m2 },
      canonical,
    });
  });
});

describe('parsePeriod: not readable', () => {
  test.each<[CellValue, 'empty' | 'unreadable' | 'start-after-end']>([
    [null, 'empty'],
    ['', 'empty'],
    ['  \n ', 'empty'],
    ['-', 'empty'],
    ['无', 'empty'],
    ['/', 'empty'],
    ['2028年1月至2027年12月', 'start-after-end'],
    ['2027年12月至2027年1月', 'start-after-end'],
    ['2027年6-1月', 'start-after-end'],
    ['2028-2027', 'start-after-end'],
    ['2027年13月至2028年1月', 'unreadable'],
    ['2027年1月至2027年13月', 'unreadable'],
    ['2027年0月至2027年6月', 'unreadable'],
    ['2027年1-13月', 'unreadable'],
    ['2027年1月1日至2027年2月30日', 'unreadable'],
    ['2027-01-06', 'unreadable'], // a date, not a period
    ['2027年1月', 'unreadable'], // start only
    ['2027年1月至', 'unreadable'],
    ['至2027年12月', 'unreadable'],
    ['一年', 'unreadable'],
    ['两年内完成', 'unreadable'],
    ['二〇二七年一月至二〇二七年十二月', 'unreadable'],
    ['1800年1月至1800年12月', 'unreadable'],
    ['2027年1月至2027年12月底', 'unreadable'],
    [45356, 'unreadable'], // a date serial is no period
    [2027.5, 'unreadable'],
    [true, 'unreadable'],
    [{ error: '#N/A' }, 'unreadable'],
  ])('%j → %s', (value, reason) => {
    expect(parsePeriod(value)).toMatchObject({ ok: false, reason });
  });

  test('raw is the cell text', () => {
    expect(parsePeriod(' 2027年13月 ')).toEqual({ ok: false, reason: 'unreadable', raw: '2027年13月' });
  });
});

describe('parsePeriod: properties', () => {
  test('never throws; ok results have start ≤ end and real months', () => {
    const cell: fc.Arbitrary<CellValue> = fc.oneof(
      fc.string(),
      fc.string({ unit: 'grapheme' }),
      fc.stringMatching(/^\d{2,4}[年./-]\d{1,2}月?(至|-|—|～)?(\d{2,4}[年./-])?\d{0,2}月?$/),
      fc.double(),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
    );
    fc.assert(
      fc.property(cell, (v) => {
        const r = parsePeriod(v);
        if (!r.ok) return typeof r.raw === 'string';
        const { start, end } = r;
        return (
          start.month >= 1 && start.month <= 12 && end.month >= 1 && end.month <= 12 &&
          start.year * 12 + start.month <= end.year * 12 + end.month
        );
      }),
      { numRuns: 3000 },
    );
  });

  test('every canonical text of valid months reads back to its months', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1900, max: 2200 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 0, max: 5 }),
        fc.integer({ min: 1, max: 12 }),
        (y1, m1, dy, m2) => {
          const y2 = y1 + dy;
          fc.pre(y1 * 12 + m1 <= y2 * 12 + m2);
          const r = parsePeriod(`${y1}年${m1}月至${y2}年${m2}月`);
          return r.ok && r.canonical && r.start.year === y1 && r.start.month === m1 && r.end.year === y2 && r.end.month === m2;
        },
      ),
    );
  });
});

describe('parsePeriod: the hand-read canonical form', () => {
  // A trailing space keeps a cell off the hand-read path (the regexes see the same text once whitespace is dropped),
  // so each canonical cell is compared with what the general parser makes of it.
  test('gives what the general parser gives, for readable and unreadable numbers alike', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1890, max: 2110 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 1890, max: 2110 }),
        fc.integer({ min: 0, max: 13 }),
        fc.boolean(),
        (y1, m1, y2, m2, pad) => {
          const mm = (m: number) => (pad && m < 10 ? `0${m}` : String(m));
          const cell = `${y1}年${mm(m1)}月至${y2}年${mm(m2)}月`;
          const viaRegex = parsePeriod(cell + ' ');
          const got = parsePeriod(cell);
          expect(got).toEqual(viaRegex.ok ? viaRegex : { ...viaRegex, raw: cell });
        },
      ),
      { numRuns: 3000 },
    );
  });

  test.each(['2027年1月至2028年12月份', '2027年1月至2028年123月', '２０２７年1月至2028年5月', '2027年1月到2028年5月', '27年1月至28年5月'])(
    '%s still reads through the general parser',
    (cell) => {
      expect(parsePeriod(cell)).toEqual(parsePeriod(cell + ' ').ok ? parsePeriod(cell + ' ') : { ...parsePeriod(cell + ' '), raw: cell });
    },
  );
});
