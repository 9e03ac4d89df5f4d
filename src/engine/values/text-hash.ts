// A hash of a text's normalised code units, read without building the normalised string (the duplicate-name check runs it on every row).
import { normalizeText } from './text';

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

/**
 * FNV-1a of the code units of normalizeText(s). Text of the characters normalizeText maps one by one (ASCII, CJK
 * ideographs U+4E00–9FFF, CJK punctuation U+3001–3029, full-width ASCII, U+3000) is hashed as it is read, with the
 * same drops and shifts; anything else is normalised first.
 */
export function hashNormalized(s: string): number {
  let h = FNV_OFFSET;
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c < 0x80) {
      if (c === 32 || (c >= 9 && c <= 13)) continue;
    } else if (c >= 0x4e00 && c <= 0x9fff) {
      // stable
    } else if (c >= 0x3001 && c <= 0x3029) {
      // stable
    } else if (c >= 0xff01 && c <= 0xff5e) {
      c -= 0xfee0;
    } else if (c === 0x3000) {
      continue;
    } else {
      return hashUnits(normalizeText(s));
    }
    h = Math.imul(h ^ c, FNV_PRIME);
    n++;
  }
  hashedUnits = n;
  return h;
}

/** How many code units normalizeText gives the text last passed to hashNormalized (0: it normalises to ''). */
export function normalizedLength(): number {
  return hashedUnits;
}
