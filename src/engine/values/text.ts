// Text normalisation for matching what people type into cells (full-width forms, stray spaces, line breaks).
import type { CellValue } from '../types';

// Printable ASCII without spaces needs no NFKC pass; most cells are like that, so skip the costly normalize().
const PLAIN_ASCII = /^[\x21-\x7e]*$/;
// \s covers U+3000, NBSP, BOM, tabs and line terminators.
const WHITESPACE = /\s+/g;

/** NFKC (full-width digits, letters, brackets → half-width) and every kind of whitespace removed. */
export function normalizeText(s: string): string {
  if (PLAIN_ASCII.test(s)) return s;
  return s.normalize('NFKC').replace(WHITESPACE, '');
}

/** What the cell shows, as plain text: used for messages and for `raw` in parse failures. */
export function cellText(v: CellValue): string {
  if (v === null || v === undefined) return '';
  switch (typeof v) {
    case 'string':
      return v.trim();
    case 'number':
      return String(v);
    case 'boolean':
      return v ? 'TRUE' : 'FALSE';
    default:
      return typeof v.error === 'string' ? v.error : '';
  }
}
