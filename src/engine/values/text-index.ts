// First row of each normalised text in a column, found through a hash of the normalised code units so no normalised string is built per row.
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

/** Outcome of FirstRowIndex.firstOf when the text is new (its row is now recorded). */
export const FIRST = -1;
/** Outcome of FirstRowIndex.firstOf when the text normalises to '' (nothing recorded). */
export const EMPTY = -2;

/**
 * Remembers the first row each normalised text was seen on. Texts are compared as normalizeText gives them, but the
 * normalised strings are only built to confirm a hash match (a repeat, or a rare collision).
 */
export class FirstRowIndex {
  // Open addressing, kept at most half full: per slot the hash and the entry number + 1 side by side (0 = free), so
  // a probe reads one place in memory.
  private slots = new Int32Array(2048);
  private rows: number[] = [];
  private texts: string[] = [];

  /** The row recorded for the normalised text of `s`; else records `row` and returns FIRST (EMPTY for blank text). */
  firstOf(s: string, row: number): number {
    const h = hashNormalized(s);
    if (hashedUnits === 0) return EMPTY;
    const slots = this.slots;
    const mask = (slots.length >> 1) - 1;
    let i = h & mask;
    let norm: string | null = null;
    for (;;) {
      const e = slots[2 * i + 1];
      if (e === 0) break;
      if (slots[2 * i] === h) {
        norm ??= normalizeText(s);
        if (normalizeText(this.texts[e - 1]) === norm) return this.rows[e - 1];
      }
      i = (i + 1) & mask;
    }
    this.rows.push(row);
    this.texts.push(s);
    slots[2 * i] = h;
    slots[2 * i + 1] = this.rows.length;
    if (this.rows.length * 4 > slots.length) this.grow();
    return FIRST;
  }

  private grow(): void {
    const old = this.slots;
    const slots = new Int32Array(old.length * 2);
    const mask = (slots.length >> 1) - 1;
    for (let j = 0; j < old.length; j += 2) {
      const e = old[j + 1];
      if (e === 0) continue;
      let i = old[j] & mask;
      while (slots[2 * i + 1] !== 0) i = (i + 1) & mask;
      slots[2 * i] = old[j];
      slots[2 * i + 1] = e;
    }
    this.slots = slots;
  }
}
