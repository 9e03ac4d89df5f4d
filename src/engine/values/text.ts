// Text normalisation for matching what people type into cells (full-width forms, stray spaces, line breaks).
import type { CellValue } from '../types';

// \s covers U+3000, NBSP, BOM, tabs and line terminators.
const WHITESPACE = /\s+/g;

// Scratch for building a normalised text; TextDecoder exists in every webview Excel uses and in node.
const BUFFER = new Uint16Array(1024);
const UTF16: TextDecoder | null = typeof TextDecoder === 'function' ? new TextDecoder('utf-16le') : null;
// Views of the buffer's first n units, made once per length (a view per call was a tenth of the engine's garbage).
const VIEWS: (Uint16Array | undefined)[] = new Array(BUFFER.length + 1);

/** In a fold table (UNIT_FOLD and the ones built on it): drop the unit. */
export const FOLD_SKIP = 0xffff;
/** In a fold table: the text cannot be folded unit by unit; it takes the full NFKC pass. */
export const FOLD_BAIL = 0xfffe;

/**
 * What normalizeText makes of each code unit where it works unit by unit, the one definition its readers share:
 * ASCII, CJK ideographs (U+4E00–9FFF) and CJK punctuation U+3001–3029 are NFKC-stable on their own and never
 * compose, so they stay; full-width ASCII (U+FF01–FF5E) maps one-to-one onto ASCII; ASCII whitespace and U+3000 are
 * dropped (FOLD_SKIP). Every other unit is FOLD_BAIL. Read-only.
 */
export const UNIT_FOLD = new Uint16Array(65536).fill(FOLD_BAIL);
for (let c = 0; c < 0x80; c++) UNIT_FOLD[c] = c === 32 || (c >= 9 && c <= 13) ? FOLD_SKIP : c;
for (let c = 0x4e00; c <= 0x9fff; c++) UNIT_FOLD[c] = c;
for (let c = 0x3001; c <= 0x3029; c++) UNIT_FOLD[c] = c;
for (let c = 0xff01; c <= 0xff5e; c++) UNIT_FOLD[c] = c - 0xfee0;
UNIT_FOLD[0x3000] = FOLD_SKIP;

/** NFKC (full-width digits, letters, brackets → half-width) and every kind of whitespace removed. */
export function normalizeText(s: string): string {
  // One pass decides: text UNIT_FOLD can fold (nearly every cell) is done here; anything else takes the full NFKC pass.
  let edits = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const f = UNIT_FOLD[c];
    if (f === FOLD_BAIL) return s.normalize('NFKC').replace(WHITESPACE, '');
    if (f !== c) edits = true;
  }
  if (!edits) return s;
  if (UTF16 !== null && s.length <= BUFFER.length) {
    // One flat string in one step: the concatenation below makes a rope that every later hash or scan flattens.
    // The buffer holds only folded units (no surrogates, no BOM), so decoding is exact.
    let n = 0;
    for (let i = 0; i < s.length; i++) {
      const f = UNIT_FOLD[s.charCodeAt(i)];
      if (f !== FOLD_SKIP) BUFFER[n++] = f;
    }
    return UTF16.decode((VIEWS[n] ??= BUFFER.subarray(0, n)));
  }
  let out = '';
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const f = UNIT_FOLD[c];
    if (f === c) continue;
    if (i > from) out += s.slice(from, i);
    if (f !== FOLD_SKIP) out += String.fromCharCode(f);
    from = i + 1;
  }
  return from === 0 ? s : from < s.length ? out + s.slice(from) : out;
}

// Code units that are never ECMAScript white space or line terminators: printable ASCII, CJK punctuation, CJK
// ideographs and full-width forms. A cell that starts (and ends) with one needs no call into String.prototype.trim.
function visible(c: number): boolean {
  return (c > 32 && c < 127) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3001 && c <= 0x303f) || (c >= 0xff01 && c <= 0xff5e);
}

/** s.trim() === '', deciding most cells from their first unit. */
export function isBlankText(s: string): boolean {
  if (s.length === 0) return true;
  if (visible(s.charCodeAt(0))) return false;
  return s.trim() === '';
}

/** s.trim(), returning s itself when both ends are visible (nearly every cell). */
export function trimText(s: string): string {
  const n = s.length;
  if (n === 0 || (visible(s.charCodeAt(0)) && visible(s.charCodeAt(n - 1)))) return s;
  return s.trim();
}

/** What the cell shows, as plain text: used for messages and for `raw` in parse failures. */
export function cellText(v: CellValue): string {
  if (v === null || v === undefined) return '';
  switch (typeof v) {
    case 'string':
      return trimText(v);
    case 'number':
      return String(v);
    case 'boolean':
      return v ? 'TRUE' : 'FALSE';
    default:
      return typeof v.error === 'string' ? v.error : '';
  }
}
