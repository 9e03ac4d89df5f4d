// Property tests: random snapshots (real header synonyms mixed with junk, values of every type) never crash check(),
// and every finding and computed value points at a real cell; the value readers never throw and stay in range.
import fc from 'fast-check';
import { check, DEADLINE_HEADERS } from '../../src/engine';
import { FIELD_SYNONYMS } from '../../src/engine/recognize';
import { parseAmount } from '../../src/engine/values/amount';
import { parseDate } from '../../src/engine/values/date';
import { parsePeriod } from '../../src/engine/values/period';
import { normalizeText, cellText } from '../../src/engine/values/text';
import type { CellValue, CheckOptions, MergeRange, SheetSnapshot, WorkbookSnapshot } from '../../src/engine/types';
import { DECLARATION_HEADERS, HOSTILE_VALUES, LEDGER_HEADERS, reportProblems } from '../support/hostile';
import { computedValues } from '../../src/engine/computed';

// Generous on purpose: a busy 2-core machine runs this several times slower (speed is measured by `npm run bench`).
jest.setTimeout(120_000);

const SYNONYMS: string[] = Object.values(FIELD_SYNONYMS).flatMap((list) => list.map((s) => (typeof s === 'string' ? s : s.text)));
const COMPUTED_HEADERS = Object.values(DEADLINE_HEADERS).map((h) => h.zh);
const TITLES = ['六安市叶集区政务信息化项目申报表', '政务信息化项目建设进度情况表', '武隆区政务信息化项目进度台账', '费用明细', '合计', '说明：'];

const errorValue = fc.constantFrom<CellValue>({ error: '#REF!' }, { error: '#DIV/0!' }, { error: '#N/A' }, { error: '#VALUE!' });
const dateText = fc
  .tuple(fc.integer({ min: 1800, max: 10100 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), fc.constantFrom('年|月|日', '-|-|', '.|.|', '/|/|'))
  .map(([y, m, d, sep]) => {
    const [a, b, c] = sep.split('|');
    return `${y}${a}${m}${b}${d}${c}`;
  });
const periodText = fc
  .tuple(fc.integer({ min: 1890, max: 2110 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 1890, max: 2110 }), fc.integer({ min: 0, max: 13 }), fc.constantFrom('至', '-', '~', '到', '—'))
  .map(([y1, m1, y2, m2, sep]) => `${y1}年${m1}月${sep}${y2}年${m2}月`);
const amountText = fc
  .tuple(fc.constantFrom('', '-', '+', '¥', '（', '('), fc.double({ min: -1e15, max: 1e15, noNaN: true }), fc.constantFrom('', '万元', '元', '亿元', '万', '）', ')'))
  .map(([a, n, b]) => `${a}${n.toLocaleString('en-US')}${b}`);

/** Cell values of every type a snapshot can carry, weighted towards what checks care about. */
const cellValue: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 3, arbitrary: fc.constant(null) },
  { weight: 2, arbitrary: fc.integer({ min: -1000, max: 100_000 }) },
  { weight: 2, arbitrary: fc.integer({ min: 1, max: 2_958_470 }) },
  { weight: 2, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: errorValue },
  { weight: 2, arbitrary: dateText },
  { weight: 2, arbitrary: periodText },
  { weight: 2, arbitrary: amountText },
  { weight: 2, arbitrary: fc.constantFrom(...SYNONYMS) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.constantFrom(...HOSTILE_VALUES.map(([, v]) => v)) },
);

/** Header labels: the real synonyms (with units and line breaks as printed), computed headers and junk. */
const headerLabel: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(fc.constantFrom(...SYNONYMS), fc.constantFrom('', '（万元）', '(元)', '\n', ' ')).map(([s, u]) => s + u) },
  { weight: 1, arbitrary: fc.constantFrom(...COMPUTED_HEADERS) },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
  { weight: 1, arbitrary: cellValue },
);

const row = (item: fc.Arbitrary<CellValue>, max: number) => fc.array(item, { maxLength: max });

const PROGRESS_HEADERS = ['序号', '项目名称', '建设单位', '建设年度', '总投资（万元）', '已投资（万元）', '建设进度', '填报日期', '预计完成时间'];
/** A real template header with some columns dropped and junk or other synonyms mixed in. */
const templateHeader: fc.Arbitrary<CellValue[]> = fc
  .tuple(fc.constantFrom(DECLARATION_HEADERS, LEDGER_HEADERS, PROGRESS_HEADERS), fc.array(fc.nat(30), { maxLength: 3 }), fc.array(headerLabel, { maxLength: 3 }))
  .map(([h, drop, junk]) => {
    const out: CellValue[] = h.filter((_x, i) => !drop.includes(i));
    junk.forEach((j, i) => out.splice((i * 7) % (out.length + 1), 0, j));
    return out;
  });

/** A sheet: a few title rows, one or two header rows, ragged data rows, merges and hidden rows inside its extent. */
const sheetArb: fc.Arbitrary<SheetSnapshot> = fc
  .record({
    name: fc.oneof(fc.constantFrom('申报表', '进度情况', '进度台账', '费用明细', 'Sheet1'), fc.string({ maxLength: 31 })),
    titles: fc.array(row(fc.oneof(fc.constantFrom<CellValue>(...TITLES), cellValue), 3), { maxLength: 3 }),
    headers: fc.oneof(fc.array(row(headerLabel, 18), { minLength: 1, maxLength: 2 }), templateHeader.map((h) => [h])),
    data: fc.array(row(cellValue, 20), { maxLength: 14 }),
    below: fc.array(row(fc.oneof(fc.constantFrom<CellValue>('合计', '说明：1．本表由项目建设单位填写', '年 月 日'), cellValue), 4), { maxLength: 3 }),
    merges: fc.array(fc.tuple(fc.nat(40), fc.nat(24), fc.nat(3), fc.nat(4)), { maxLength: 6 }),
    hidden: fc.array(fc.nat(40), { maxLength: 4 }),
    formulas: fc.array(fc.tuple(fc.nat(40), fc.nat(24), fc.constantFrom('SUM(F3:F9)', 'G3+H3', 'A1', '#REF!+1', 'INDIRECT("x")')), { maxLength: 4 }),
    formats: fc.array(fc.tuple(fc.nat(40), fc.nat(24), fc.constantFrom('yyyy-mm-dd', 'yyyy"年"m"月"d"日"', '0.00', '@', 'General', '[$-F800]dddd')), { maxLength: 4 }),
  })
  .map((s) => {
    const rows: CellValue[][] = [...s.titles, ...s.headers, ...s.data, ...s.below];
    const height = rows.length;
    let width = 1;
    for (const r of rows) if (r.length > width) width = r.length;
    const merges: MergeRange[] = [];
    for (const [t, l, h, w] of s.merges) {
      const top = t % height;
      const left = l % width;
      merges.push({ top, left, bottom: Math.min(height - 1, top + h), right: Math.min(width - 1, left + w) });
    }
    const grid = (cells: [number, number, string][]) => {
      const g: (string | null)[][] = [];
      for (const [r, c, v] of cells) (g[r % height] ??= [])[c % width] = v;
      for (let r = 0; r < g.length; r++) g[r] ??= [];
      return g;
    };
    const sheet: SheetSnapshot = { name: s.name, rows, merges, hiddenRows: s.hidden.filter((r) => r < height) };
    if (s.formulas.length) sheet.formulas = grid(s.formulas);
    if (s.formats.length) sheet.formats = grid(s.formats);
    return sheet;
  });

// Excel keeps sheet names unique (case-insensitively), and findings name their sheet: so do the generated ones.
const workbookArb: fc.Arbitrary<WorkbookSnapshot> = fc.record({
  name: fc.constantFrom('叶集区申报表.xlsx', '武隆区进度台账.xlsx', '莱州市项目.xlsx', '武汉市.xlsx', 'book.xlsx'),
  sheets: fc.uniqueArray(sheetArb, { minLength: 1, maxLength: 3, selector: (s) => s.name.toLowerCase() }),
  date1904: fc.boolean(),
});

const optionsArb: fc.Arbitrary<CheckOptions> = fc.record({
  asOf: fc.date({ min: new Date('1995-01-01T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  profile: fc.constantFrom('auto', 'wuhan', 'yeji', 'wulong', 'laizhou', 'generic'),
  lang: fc.constantFrom('zh', 'en'),
});

// FC_RUNS=5000 runs the main property longer (used while writing these tests: 15,000 workbooks, no failure).
describe('check() on random workbooks', () => {
  test('never throws, no rule fails, every finding and computed value points at a real cell, report is JSON', () => {
    const seen = { runs: 0, recognised: 0, cellFindings: 0, computed: 0, forms: 0 };
    fc.assert(
      fc.property(workbookArb, optionsArb, (snapshot, options) => {
        const report = check(snapshot, options);
        seen.runs++;
        if (report.sheets.some((s) => s.kind !== 'unknown')) seen.recognised++;
        if (report.sheets.some((s) => s.kind === 'progress-form')) seen.forms++;
        if (report.findings.some((f) => f.cell !== '')) seen.cellFindings++;
        if (computedValues(report).length) seen.computed++;
        const problems = reportProblems(report, snapshot);
        const failed = report.notices.filter((n) => n.id === 'engine/rule-failed').map((n) => n.message);
        if (problems.length || failed.length) throw new Error([...problems, ...failed].join('\n'));
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 300) },
    );
    // The property is only worth something if the random workbooks reach the rules: most are recognised and many
    // produce findings on cells and computed deadlines.
    expect(seen.recognised / seen.runs).toBeGreaterThan(0.5);
    expect(seen.cellFindings / seen.runs).toBeGreaterThan(0.3);
    expect(seen.computed).toBeGreaterThan(0);
    expect(seen.forms).toBeGreaterThan(0);
  });

  test('is deterministic: the same snapshot and options give the same report', () => {
    fc.assert(
      fc.property(workbookArb, optionsArb, (snapshot, options) => {
        expect(JSON.stringify(check(snapshot, options))).toBe(JSON.stringify(check(snapshot, options)));
      }),
      { numRuns: 60 },
    );
  });

  test('does not modify the snapshot it is given', () => {
    fc.assert(
      fc.property(workbookArb, optionsArb, (snapshot, options) => {
        // NaN survives structuredClone but not JSON; compare with a replacer that keeps it visible.
        const show = (s: WorkbookSnapshot) => JSON.stringify(s, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? `#${v}` : v));
        const before = show(snapshot);
        check(snapshot, options);
        expect(show(snapshot)).toBe(before);
      }),
      { numRuns: 100 },
    );
  });
});

describe('value readers on any value', () => {
  const anyValue = fc.oneof(cellValue, fc.string({ unit: 'binary', maxLength: 60 }), fc.double(), fc.integer());

  test('parseAmount: never throws; ok results are whole cents within ±1e14; failures carry the cell text', () => {
    fc.assert(
      fc.property(anyValue, fc.constantFrom(undefined, '万元' as const, '元' as const), (v, unit) => {
        const r = parseAmount(v, unit);
        if (r.ok) {
          expect(Number.isSafeInteger(r.cents)).toBe(true);
          expect(Math.abs(r.cents)).toBeLessThanOrEqual(1e14);
        } else {
          expect(typeof r.raw).toBe('string');
        }
      }),
      { numRuns: 3000 },
    );
  });

  test('parseAmount: a finite number in range reads back as its value in cents (half-up)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12 + 1, max: 1e12 - 1 }), fc.integer({ min: 0, max: 99 }), (whole, frac) => {
        const sign = whole < 0 ? -1 : 1;
        const v = whole + (sign * frac) / 100;
        const r = parseAmount(v);
        expect(r.ok && r.cents).toBe(whole * 100 + sign * frac);
      }),
      { numRuns: 1000 },
    );
  });

  test('parseDate: never throws; ok dates are real days from 1900 to 9999 and their ISO text round-trips', () => {
    fc.assert(
      fc.property(anyValue, fc.boolean(), (v, date1904) => {
        const r = parseDate(v, { date1904 });
        if (!r.ok) return;
        expect(r.iso).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        const [y, m, d] = r.iso.split('-').map(Number) as [number, number, number];
        expect(y).toBeGreaterThanOrEqual(1900);
        expect(y).toBeLessThanOrEqual(9999);
        const utc = new Date(Date.UTC(2000, m - 1, d));
        utc.setUTCFullYear(y);
        expect(utc.toISOString().slice(0, 10)).toBe(r.iso.padStart(10, '0'));
        expect(r.day).toBe(Math.round(utc.getTime() / 86_400_000));
      }),
      { numRuns: 3000 },
    );
  });

  test('parsePeriod: never throws; ok periods start no later than they end, months 1–12, years 1900–9999', () => {
    fc.assert(
      fc.property(fc.oneof(anyValue, periodText), (v) => {
        const r = parsePeriod(v);
        if (!r.ok) return;
        for (const p of [r.start, r.end]) {
          expect(p.month).toBeGreaterThanOrEqual(1);
          expect(p.month).toBeLessThanOrEqual(12);
          expect(p.year).toBeGreaterThanOrEqual(1900);
          expect(p.year).toBeLessThanOrEqual(9999);
        }
        expect(r.start.year * 12 + r.start.month).toBeLessThanOrEqual(r.end.year * 12 + r.end.month);
      }),
      { numRuns: 3000 },
    );
  });

  test('normalizeText and cellText never throw and are idempotent where they should be', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (s) => {
        const n = normalizeText(s);
        expect(normalizeText(n)).toBe(n);
        expect(cellText(s)).toBe(s.trim());
      }),
      { numRuns: 1500 },
    );
  });
});
