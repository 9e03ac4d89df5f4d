// Packed keys (hash × 2^21 + position): exact at the extremes, and one numeric sort orders by hash, then position.
import fc from 'fast-check';
import { POSITION_BITS, POSITION_LIMIT, keyHash, keyPosition, packKey, sortedKeys } from '../../../src/engine/rules/packed-key';

describe('packed keys', () => {
  test('the limit is 2^POSITION_BITS and above Excel’s 1,048,576 rows', () => {
    expect(POSITION_LIMIT).toBe(2 ** POSITION_BITS);
    expect(POSITION_LIMIT).toBeGreaterThan(1_048_576);
  });

  test('hash and position come back exactly, signed hashes as unsigned, up to the largest key', () => {
    const cases: [number, number][] = [[0, 0], [-1, POSITION_LIMIT - 1], [0x7fffffff, 1], [-0x80000000, 12345], [0xffffffff, POSITION_LIMIT - 1]];
    for (const [h, p] of cases) expect([keyHash(packKey(h, p)), keyPosition(packKey(h, p))]).toEqual([h >>> 0, p]);
    expect(Number.isSafeInteger(packKey(-1, POSITION_LIMIT - 1))).toBe(true);
  });

  test('sortedKeys orders by unsigned hash, then position (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -0x80000000, max: 0x7fffffff }), { maxLength: 200 }), (hs) => {
        const hashes = Int32Array.from(hs);
        const keys = Array.from(sortedKeys(hashes, hashes.length));
        const expected = hs.map((h, k) => [h >>> 0, k]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
        expect(keys.map((k) => [keyHash(k), keyPosition(k)])).toEqual(expected);
      }),
    );
  });

  test('sortedKeys reads only the first n hashes and refuses more records than a key can hold', () => {
    expect(Array.from(sortedKeys(Int32Array.from([5, 3, 1]), 2)).map(keyHash)).toEqual([3, 5]);
    expect(() => sortedKeys(new Int32Array(0), POSITION_LIMIT + 1)).toThrow(RangeError);
  });
});
