import { centsToDecimal, exceedsPercent, formatWan, percentString, sumCents } from '../../../src/engine/values/money';

describe('formatWan / centsToDecimal', () => {
  test.each([
    [120050, '1,200.50', '1200.50'],
    [0, '0.00', '0.00'],
    [5, '0.05', '0.05'],
    [-5, '-0.05', '-0.05'],
    [99, '0.99', '0.99'],
    [100, '1.00', '1.00'],
    [123456789, '1,234,567.89', '1234567.89'],
    [-100000000, '-1,000,000.00', '-1000000.00'],
    [1e14, '1,000,000,000,000.00', '1000000000000.00'],
  ])('%d cents → %s / %s', (c, formatted, decimal) => {
    expect(formatWan(c)).toBe(formatted);
    expect(centsToDecimal(c)).toBe(decimal);
  });
});

describe('exceedsPercent', () => {
  test.each([
    // [part, whole, percent, exceeds]
    [15000, 100000, 15, false], // exactly 15.00 %: 不超过
    [15001, 100000, 15, true],
    [14999, 100000, 15, false],
    [45, 300, 15, false], // 0.45 of 3.00 万元 = 15 %
    [46, 300, 15, true],
    [1, 7, 15, false], // 14.29 %
    [2, 13, 15, true], // 15.38 %
    [10000, 100000, 10, false],
    [10001, 100000, 10, true],
    [125, 1000, 12.5, false],
    [126, 1000, 12.5, true],
    [0, 0, 15, false],
    [-20000, 100000, 15, false],
    [333333, 2222222, 15, false], // 14.99999865 %
    [333334, 2222222, 15, true], // 15.0000031 %
    [1500000000000, 10000000000000, 15, false], // exact at 1e11 万元 scale
    [1500000000001, 10000000000000, 15, true],
  ])('%d of %d > %d%% → %s', (part, whole, percent, expected) => {
    expect(exceedsPercent(part, whole, percent)).toBe(expected);
  });

  test('decimal percents are taken as written, not as binary floats', () => {
    // 0.1 + 0.2 would be 0.30000000000000004 %; written 0.3 % is exactly 3 / 1000.
    expect(exceedsPercent(3, 1000, 0.3)).toBe(false);
    expect(exceedsPercent(3, 1000, 0.29)).toBe(true);
  });

  test('rejects a non-finite percent', () => {
    expect(() => exceedsPercent(1, 1, Number.NaN)).toThrow(RangeError);
  });
});

describe('percentString', () => {
  test.each([
    [15000, 100000, '15.00%'],
    [1, 3, '33.33%'],
    [2, 3, '66.67%'],
    [1, 8, '12.50%'],
    [1, 80000, '0.00%'], // 0.00125 % → 0.00
    [1, 40000, '0.00%'], // 0.0025 % → 0.00 (third decimal 2)
    [1, 20000, '0.01%'], // 0.005 % → half-up 0.01
    [100000, 100000, '100.00%'],
    [-15000, 100000, '-15.00%'],
    [15000, -100000, '-15.00%'],
    [0, 5, '0.00%'],
    [3, 0, '—'],
  ])('%d / %d → %s', (part, whole, expected) => {
    expect(percentString(part, whole)).toBe(expected);
  });

  // A share said to be over a limit is rounded up: 40.01 of 400 万元 is 10.0025%, which must not read 10.00%.
  test.each([
    [4001, 40000, '10.01%', '10.00%'],
    [4000, 40000, '10.00%', '10.00%'],
    [1, 3, '33.34%', '33.33%'],
  ])("%d / %d rounded 'up' → %s (nearest: %s)", (part, whole, up, nearest) => {
    expect([percentString(part, whole, 'up'), percentString(part, whole)]).toEqual([up, nearest]);
  });
});

describe('sumCents', () => {
  test.each([
    [[], 0],
    [[10, 20], 30],
    [[120050, -50, 1], 120001],
  ])('%j → %d', (values, expected) => {
    expect(sumCents(values)).toBe(expected);
  });

  test('adds integers exactly where floats would drift', () => {
    const cents = Array.from({ length: 1000 }, () => 10); // 1000 × 0.10 万元
    expect(sumCents(cents)).toBe(10000);
  });
});
