import fc from 'fast-check';
import type { CellValue } from '../../../src/engine/types';
import { looksLikeYuan, parseAmount } from '../../../src/engine/values/amount';

describe('parseAmount: numbers', () => {
  test.each<[number, '万元' | '元' | undefined, number]>([
    [120, undefined, 12000],
    [1200.5, undefined, 120050],
    [1.005, undefined, 101], // shortest decimal '1.005' rounds half-up, not the binary 1.00499…
    [0.1 + 0.2, undefined, 30],
    [2.675, undefined, 268],
    [0.004, undefined, 0],
    [0.005, undefined, 1],
    [-1.005, undefined, -101],
    [-50, undefined, -5000],
    [0, undefined, 0],
    [1e12, undefined, 1e14],
    [1234567, '元', 12346], // 123.4567 万元 → 123.46
    [1234549, '元', 12345],
    [5000, '元', 50],
    [49, '元', 0],
    [-1234567, '元', -12346],
    [1234567.89, '万元', 123456789],
  ])('%p (column %s) → %d cents', (value, unit, cents) => {
    expect(parseAmount(value, unit)).toEqual({ ok: true, cents, fromText: false, unitWritten: null });
  });

  test('never yields negative zero', () => {
    const r = parseAmount(-0.001);
    expect(r.ok && Object.is(r.cents, 0)).toBe(true);
  });

  test.each([1e308, Infinity, -Infinity, NaN, 1e12 + 1, -1e13, 1e21])('%p is out of range', (value) => {
    expect(parseAmount(value)).toMatchObject({ ok: false, reason: 'out-of-range' });
  });
});

describe('parseAmount: text', () => {
  test.each<[string, '万元' | '元' | undefined, number, '万元' | '元' | '亿元' | null]>([
    ['1,200.5', undefined, 120050, null],
    ['１２０', undefined, 12000, null],
    ['120万', undefined, 12000, '万元'],
    ['120万元', undefined, 12000, '万元'],
    ['120 万元', undefined, 12000, '万元'],
    ['1.2亿', undefined, 1200000, '亿元'],
    ['1.2亿元', undefined, 1200000, '亿元'],
    ['5000元', undefined, 50, '元'],
    ['1,234,567元', undefined, 12346, '元'],
    ['￥1,200', undefined, 120000, null],
    ['¥1,200', undefined, 120000, null],
    ['¥ 1 200.00', undefined, 120000, null],
    ['RMB 50', undefined, 5000, null],
    [' 1 200 ', undefined, 120000, null],
    ['-50', undefined, -5000, null],
    ['－50', undefined, -5000, null],
    ['+50', undefined, 5000, null],
    ['¥-50', undefined, -5000, null],
    ['-¥50', undefined, -5000, null],
    ['（120）', undefined, -12000, null],
    ['(120)', undefined, -12000, null],
    ['(¥1,200.50)', undefined, -120050, null],
    ['（120万元）', undefined, -12000, '万元'],
    ['.5', undefined, 50, null],
    ['1.005', undefined, 101, null],
    ['1200.', undefined, 120000, null],
    ['1.2E+05', undefined, 12000000, null],
    ['1234567', '元', 12346, null], // bare number in a 元 column is 元
    ['120万', '元', 12000, '万元'], // a written unit wins over the column's
    ['1,200.5\n', undefined, 120050, null],
  ])('%j (column %s) → %d cents, unit %s', (text, unit, cents, unitWritten) => {
    expect(parseAmount(text, unit)).toEqual({ ok: true, cents, fromText: true, unitWritten });
  });

  test.each(['', '   ', '　', '-', '—', '——', '/', '无', '－', '／', '\n'])('%j is empty', (text) => {
    expect(parseAmount(text)).toEqual({ ok: false, reason: 'empty', raw: text.trim() });
  });

  test.each([
    'abc',
    '12a',
    '1,2',
    '1,20',
    '12,00.5',
    '1.2.3',
    '50%',
    '万元',
    '¥',
    '()',
    '--5',
    '1e',
    '约120',
    '120美元',
    '一百二十',
  ])('%j is not a number', (text) => {
    expect(parseAmount(text)).toMatchObject({ ok: false, reason: 'not-a-number', raw: text });
  });

  test.each(['1e13', '99999999999999999999', '200000000亿元', '1e308'])('%j is out of range', (text) => {
    expect(parseAmount(text)).toMatchObject({ ok: false, reason: 'out-of-range', raw: text });
  });
});

describe('parseAmount: other cell values', () => {
  test.each<[CellValue, string, string]>([
    [null, 'empty', ''],
    [true, 'boolean', 'TRUE'],
    [false, 'boolean', 'FALSE'],
    [{ error: '#REF!' }, 'error-value', '#REF!'],
    [{ error: '#DIV/0!' }, 'error-value', '#DIV/0!'],
  ])('%j → %s', (value, reason, raw) => {
    expect(parseAmount(value)).toEqual({ ok: false, reason, raw });
  });
});

describe('looksLikeYuan', () => {
  test.each([
    [10000000, true], // 100000.00 万元
    [9999999, false], // 99999.99 万元
    [12000, false],
    [-10000000, true],
    [0, false],
  ])('%d cents → %s', (cents, expected) => {
    expect(looksLikeYuan(cents)).toBe(expected);
  });
});

describe('parseAmount: properties', () => {
  const cell: fc.Arbitrary<CellValue> = fc.oneof(
    fc.double(),
    fc.integer(),
    fc.string(),
    fc.string({ unit: 'grapheme' }),
    fc.stringMatching(/^[(（]?[-+]?[¥￥]?[\d,.１２]{0,12}(万元|万|元|亿)?[)）]?$/),
    fc.boolean(),
    fc.constant(null),
    fc.record({ error: fc.constantFrom('#REF!', '#N/A', '#VALUE!') }),
  );

  test('never throws, and ok results are safe integers within range', () => {
    fc.assert(
      fc.property(cell, fc.constantFrom<'万元' | '元' | undefined>(undefined, '万元', '元'), (v, unit) => {
        const r = parseAmount(v, unit);
        if (r.ok) return Number.isSafeInteger(r.cents) && Math.abs(r.cents) <= 1e14;
        return typeof r.raw === 'string';
      }),
      { numRuns: 3000 },
    );
  });

  test('any two-decimal number round-trips exactly through its text form', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e13, max: 1e13 }), (cents) => {
        const sign = cents < 0 ? '-' : '';
        const abs = Math.abs(cents);
        const text = `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
        const fromText = parseAmount(text);
        const fromNumber = parseAmount(Number(text));
        return fromText.ok && fromText.cents === cents && fromNumber.ok && fromNumber.cents === cents;
      }),
      { numRuns: 3000 },
    );
  });
});

describe('parseAmount: numbers with decimals', () => {
  // The general rule, written out: round the number's shortest decimal form half-up to 0.01 万元.
  function viaDecimal(v: number): number {
    const s = String(Math.abs(v));
    const [int, frac = ''] = s.includes('e') ? [s, ''] : s.split('.');
    if (s.includes('e')) return NaN; // not generated below
    const cents = BigInt(int) * 100n + BigInt((frac + '00').slice(0, 2));
    const up = frac.length > 2 && frac.charCodeAt(2) >= 53 ? 1n : 0n;
    const abs = Number(cents + up);
    return v < 0 && abs !== 0 ? -abs : abs;
  }

  test('equal the decimal rounding of their shortest form (1–6 decimals, either sign)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -99_999_999, max: 99_999_999 }), fc.integer({ min: 1, max: 6 }), (n, d) => {
        const v = n / 10 ** d;
        if (String(v).includes('e')) return;
        const r = parseAmount(v);
        expect(r.ok && r.cents).toBe(viaDecimal(v));
      }),
      { numRuns: 5000 },
    );
  });

  test.each([
    [1.005, 101],
    [0.125, 13],
    [123.45, 12345],
    [-2.675, -268],
    [0.1 + 0.2, 30],
    [1e11 + 0.07, 10000000000007],
  ])('%s → %s cents', (v, cents) => {
    const r = parseAmount(v);
    expect(r.ok && r.cents).toBe(cents);
  });
});
