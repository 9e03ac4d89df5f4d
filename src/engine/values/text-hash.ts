// A hash of a text's normalised code units, read without building the normalised string (the duplicate-name check runs it on every row).
import { FOLD_BAIL, FOLD_SKIP, UNIT_FOLD, normalizeText } from './text';

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

// Set by hashNormalized: how many code units normalizeText(s) has (0 = it normalises to '').
let hashedUnits = 0;

function hashUnits(t: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < t.length; i++) h = Math.imul(h ^ t.charCodeAt(i), FNV_PRIME);
  hashedUnits = t.length;
  return h;
}

/** FNV-1a of the code units of normalizeText(s), folded through UNIT_FOLD as read; other texts are normalised first. */
export function hashNormalized(s: string): number {
  let h = FNV_OFFSET;
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const f = UNIT_FOLD[s.charCodeAt(i)];
    if (f === FOLD_SKIP) continue;
    if (f === FOLD_BAIL) return hashUnits(normalizeText(s));
    h = Math.imul(h ^ f, FNV_PRIME);
    n++;
  }
  hashedUnits = n;
  return h;
}

/** How many code units normalizeText gives the text last passed to hashNormalized (0: it normalises to ''). */
export function normalizedLength(): number {
  return hashedUnits;
}
