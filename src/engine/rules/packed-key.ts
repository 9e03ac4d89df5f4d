// A 32-bit hash and a record's position packed in one double, so one native numeric sort orders by hash, then position.
/**
 * Positions take the low POSITION_BITS bits: 2^21 = 2,097,152 records, twice Excel's 1,048,576 rows. With a 32-bit
 * hash above them a key stays below 2^53, so it is exact in a double.
 */
export const POSITION_BITS = 21;
/** How many positions a key can hold (2^POSITION_BITS). */
export const POSITION_LIMIT = 2 ** POSITION_BITS;

/** The key of a (32-bit, signed or not) hash at a position (0 ≤ position < POSITION_LIMIT). */
export function packKey(hash: number, position: number): number {
  return (hash >>> 0) * POSITION_LIMIT + position;
}

/** The hash a key was packed from, as an unsigned 32-bit number. */
export function keyHash(key: number): number {
  return Math.floor(key / POSITION_LIMIT);
}

/** The position a key was packed with. */
export function keyPosition(key: number): number {
  return key % POSITION_LIMIT;
}

/** The keys of hashes[0..n) at positions 0..n-1, sorted: equal hashes side by side, each run in position order. */
export function sortedKeys(hashes: Int32Array, n: number): Float64Array {
  if (n > POSITION_LIMIT) throw new RangeError(`${n} records exceed the ${POSITION_LIMIT} a packed key can hold`);
  const keys = new Float64Array(n);
  for (let k = 0; k < n; k++) keys[k] = packKey(hashes[k], k);
  keys.sort();
  return keys;
}
