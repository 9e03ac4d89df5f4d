// Cheap cell access for recognition: merge-aware reads over the top of the sheet, emptiness tests for data rows.
import type { CellValue, MergeRange, SheetSnapshot } from '../types';
import { normalizeHeader } from './normalize';
import { isBlankText } from '../values/text';

/** Widest header recognition looks at; real forms are far narrower, a formatted row may claim 16,384 columns. */
export const MAX_HEADER_COLS = 512;
const KEY_STRIDE = 16384;

/** True when a cell holds nothing a user typed (null, '', only white space: spaces, U+3000, NBSP, BOM, line breaks). */
export function isBlank(v: CellValue | undefined): boolean {
  if (v === null || v === undefined) return true;
  if (typeof v !== 'string') return false;
  // The same test the rules use (isBlankText), so a row recognition keeps as data is one the rules see filled.
  return isBlankText(v);
}

/** Index of the first non-blank cell in [from, to], or -1. */
export function firstNonBlank(row: CellValue[] | null | undefined, from: number, to: number): number {
  if (!row) return -1;
  const end = Math.min(row.length - 1, to);
  for (let c = from; c <= end; c++) if (!isBlank(row[c])) return c;
  return -1;
}

/** Number of non-blank cells in [from, to]. */
export function countNonBlank(row: CellValue[] | null | undefined, from: number, to: number): number {
  if (!row) return 0;
  const end = Math.min(row.length - 1, to);
  let n = 0;
  for (let c = from; c <= end; c++) if (!isBlank(row[c])) n++;
  return n;
}

/**
 * The top rows of a sheet with merges resolved: a cell inside a merged area reads the area's top-left value.
 * Normalised texts are cached per cell, so scanning header candidates twice costs nothing.
 */
export class HeaderGrid {
  readonly rowEnd: number;
  readonly width: number;
  private readonly sheet: SheetSnapshot;
  private readonly mergeAt = new Map<number, MergeRange>();
  private readonly normCache = new Map<number, string>();

  /** Covers rows [0, rowEnd). */
  constructor(sheet: SheetSnapshot, rowEnd: number) {
    this.sheet = sheet;
    this.rowEnd = Math.min(rowEnd, sheet.rows.length);
    let w = 0;
    for (let r = 0; r < this.rowEnd; r++) {
      const row = sheet.rows[r];
      if (row && row.length > w) w = row.length;
    }
    for (const m of sheet.merges) {
      if (m.top >= this.rowEnd || m.left >= MAX_HEADER_COLS) continue;
      if (m.right + 1 > w) w = m.right + 1;
      const bottom = Math.min(m.bottom, this.rowEnd - 1);
      const right = Math.min(m.right, MAX_HEADER_COLS - 1);
      for (let r = m.top; r <= bottom; r++) for (let c = m.left; c <= right; c++) this.mergeAt.set(r * KEY_STRIDE + c, m);
    }
    this.width = Math.min(w, MAX_HEADER_COLS);
  }

  merge(r: number, c: number): MergeRange | undefined {
    return this.mergeAt.get(r * KEY_STRIDE + c);
  }

  /** The value shown at (r, c): the merge's top-left value inside a merged area. */
  value(r: number, c: number): CellValue {
    const m = this.mergeAt.get(r * KEY_STRIDE + c);
    if (m) {
      r = m.top;
      c = m.left;
    }
    const row = this.sheet.rows[r];
    const v = row ? row[c] : null;
    return v === undefined ? null : v;
  }

  /** Raw text shown at (r, c), '' for non-text. */
  text(r: number, c: number): string {
    const v = this.value(r, c);
    return typeof v === 'string' ? v : '';
  }

  /** normalizeHeader of the text shown at (r, c). */
  norm(r: number, c: number): string {
    const v = this.value(r, c);
    if (typeof v !== 'string' || v.length === 0) return '';
    const key = r * KEY_STRIDE + c;
    let s = this.normCache.get(key);
    if (s === undefined) {
      s = normalizeHeader(v);
      this.normCache.set(key, s);
    }
    return s;
  }

  /** True when (r, c) is covered by a merge but is not its top-left cell. */
  isContinuation(r: number, c: number): boolean {
    const m = this.mergeAt.get(r * KEY_STRIDE + c);
    return m !== undefined && (m.top !== r || m.left !== c);
  }
}

/** User-facing form of a label: line breaks and spaces between Chinese characters dropped, others collapsed. */
export function displayText(raw: string): string {
  return raw
    .replace(/[\s\u3000\u00a0]+/g, ' ')
    .trim()
    .replace(/(?<=[\u2e80-\u9fff\uff00-\uffef（）])\s+|\s+(?=[\u2e80-\u9fff\uff00-\uffef（）])/g, '');
}
