// A hash of a text's normalised code units, read without building the normalised string (the duplicate-name check runs it on every row).
import { FOLD_BAIL, FOLD_SKIP, UNIT_FOLD, normalizeText } from './text';

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/**
 * Hashes texts as normalizeText would give them and keeps, beside the hash, how long that normalised text is. A caller
 * that needs both owns one (they are read one text at a time): `const h = hasher.hash(s); if (hasher.length === 0) …`.
 */
export class NormalizedHasher {
  /** Code units of normalizeText(s) for the text last passed to hash() (0: it normalises to ''). */
  length = 0;

  /** FNV-1a of the code units of normalizeText(s), folded through UNIT_FOLD as read; other texts are normalised first. */
  hash(s: string): number {
    let h = FNV_OFFSET;
    let n = 0;
    for (let i = 0; i < s.length; i++) {
      const f = UNIT_FOLD[s.charCodeAt(i)];
      if (f === FOLD_SKIP) continue;
      if (f === FOLD_BAIL) return this.hashUnits(normalizeText(s));
      h = Math.imul(h ^ f, FNV_PRIME);
      n++;
    }
    this.length = n;
    return h;
  }

  private hashUnits(t: string): number {
    let h = FNV_OFFSET;
    for (let i = 0; i < t.length; i++) h = Math.imul(h ^ t.charCodeAt(i), FNV_PRIME);
    this.length = t.length;
    return h;
  }
}

const shared = new NormalizedHasher();

/** FNV-1a of the code units of normalizeText(s), for a caller that needs only the hash. */
export function hashNormalized(s: string): number {
  return shared.hash(s);
}
