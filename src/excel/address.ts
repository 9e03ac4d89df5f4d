// A1-address arithmetic shared by the Office adapter and the fake Excel (no Office.js, no DOM).

/** 0-based inclusive rectangle on one sheet. */
export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;

const LETTERS_CACHE: string[] = [];

/** 0-based column index → letters (0 → A). */
export function colToLetters(col: number): string {
  const cached = LETTERS_CACHE[col];
  if (cached !== undefined) return cached;
  let n = col + 1;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  if (col < 1024) LETTERS_CACHE[col] = s;
  return s;
}

/** Column letters → 0-based index (A → 0); -1 when not letters. */
export function lettersToCol(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) {
    const code = letters.charCodeAt(i) & ~32; // upper-case
    if (code < 65 || code > 90) return -1;
    n = n * 26 + (code - 64);
  }
  return n - 1;
}

/** 0-based (row, col) → "B5". */
export function cellAddress(row: number, col: number): string {
  return colToLetters(col) + (row + 1);
}

export function rectAddress(r: Rect): string {
  const a = cellAddress(r.top, r.left);
  return r.top === r.bottom && r.left === r.right ? a : a + ':' + cellAddress(r.bottom, r.right);
}

const CELL_RE = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;
const COL_RE = /^\$?([A-Za-z]{1,3})$/;
const ROW_RE = /^\$?(\d{1,7})$/;

/** Parses "B5", "B5:C9", "B:B", "5:7" (no sheet part) into a 0-based rect; null when not an address. */
export function parseRect(address: string): Rect | null {
  const parts = address.split(':');
  if (parts.length > 2 || parts.length === 0) return null;
  const a = parts[0];
  const b = parts.length === 2 ? parts[1] : parts[0];
  let m1 = CELL_RE.exec(a);
  let m2 = CELL_RE.exec(b);
  if (m1 && m2) {
    const r1 = +m1[2] - 1, r2 = +m2[2] - 1, c1 = lettersToCol(m1[1]), c2 = lettersToCol(m2[1]);
    if (r1 < 0 || r2 < 0 || r1 >= MAX_ROWS || r2 >= MAX_ROWS || c1 >= MAX_COLS || c2 >= MAX_COLS) return null;
    return { top: Math.min(r1, r2), bottom: Math.max(r1, r2), left: Math.min(c1, c2), right: Math.max(c1, c2) };
  }
  if (parts.length !== 2) return null;
  m1 = COL_RE.exec(a);
  m2 = COL_RE.exec(b);
  if (m1 && m2) {
    const c1 = lettersToCol(m1[1]), c2 = lettersToCol(m2[1]);
    return { top: 0, bottom: MAX_ROWS - 1, left: Math.min(c1, c2), right: Math.max(c1, c2) };
  }
  m1 = ROW_RE.exec(a);
  m2 = ROW_RE.exec(b);
  if (m1 && m2) {
    const r1 = +m1[1] - 1, r2 = +m2[1] - 1;
    if (r1 < 0 || r2 < 0) return null;
    return { top: Math.min(r1, r2), bottom: Math.max(r1, r2), left: 0, right: MAX_COLS - 1 };
  }
  return null;
}

/** Quotes a sheet name for a qualified address when Excel would ('My Sheet'!A1). */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_\u4e00-\u9fff][A-Za-z0-9_.\u4e00-\u9fff]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name)
    ? name
    : "'" + name.replace(/'/g, "''") + "'";
}

/**
 * Splits a possibly sheet-qualified, possibly multi-area address ("'My, Sheet'!A1:B2, Sheet1!C3") into
 * areas. Commas inside quoted sheet names do not split.
 */
export function splitAreas(address: string): { sheet: string | null; rect: Rect }[] {
  const out: { sheet: string | null; rect: Rect }[] = [];
  let i = 0;
  const n = address.length;
  while (i < n) {
    while (i < n && (address[i] === ' ' || address[i] === ',')) i++;
    if (i >= n) break;
    let sheet: string | null = null;
    let j = i;
    if (address[i] === "'") {
      j = i + 1;
      let name = '';
      while (j < n) {
        if (address[j] === "'") {
          if (address[j + 1] === "'") { name += "'"; j += 2; continue; }
          break;
        }
        name += address[j++];
      }
      j++; // closing quote
      if (address[j] !== '!') throw new Error('Bad address: ' + address);
      sheet = name;
      j++;
    } else {
      const bang = address.indexOf('!', i);
      const comma = address.indexOf(',', i);
      if (bang >= 0 && (comma < 0 || bang < comma)) {
        sheet = address.slice(i, bang);
        j = bang + 1;
      }
    }
    let k = j;
    while (k < n && address[k] !== ',') k++;
    const rect = parseRect(address.slice(j, k).trim());
    if (!rect) throw new Error('Bad address: ' + address);
    out.push({ sheet, rect });
    i = k + 1;
  }
  return out;
}

/**
 * Compresses a set of cells (0-based row, col) into area strings: consecutive rows of one column become
 * "B5:B9". Cells are given as packed keys row * MAX_COLS + col.
 */
export function compressCells(keys: Iterable<number>): string[] {
  const sorted = Array.from(keys);
  // Column-major order so vertical runs (one flagged column over many rows) collapse.
  sorted.sort((x, y) => (x % MAX_COLS) - (y % MAX_COLS) || x - y);
  const out: string[] = [];
  let i = 0;
  while (i < sorted.length) {
    const col = sorted[i] % MAX_COLS;
    const top = Math.floor(sorted[i] / MAX_COLS);
    let bottom = top;
    let j = i + 1;
    while (j < sorted.length && sorted[j] % MAX_COLS === col) {
      const row = Math.floor(sorted[j] / MAX_COLS);
      if (row === bottom) j++; // duplicate
      else if (row === bottom + 1) { bottom++; j++; }
      else break;
    }
    out.push(rectAddress({ top, bottom, left: col, right: col }));
    i = j;
  }
  return out;
}

/** Packs 0-based (row, col) into one number key. */
export function cellKey(row: number, col: number): number {
  return row * MAX_COLS + col;
}

export function keyRow(key: number): number {
  return Math.floor(key / MAX_COLS);
}

export function keyCol(key: number): number {
  return key % MAX_COLS;
}

/** Greedily joins area strings with commas into chunks whose length stays within maxLen. */
export function chunkAddresses(areas: string[], maxLen: number): string[] {
  const out: string[] = [];
  let cur = '';
  for (const a of areas) {
    if (cur.length === 0) cur = a;
    else if (cur.length + 1 + a.length <= maxLen) cur += ',' + a;
    else {
      out.push(cur);
      cur = a;
    }
  }
  if (cur.length) out.push(cur);
  return out;
}

/** UTF-8 byte length of a string, as a request body carries it (no Buffer: runs in the browser too). */
export function utf8Length(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80) {
      if (c < 0x800) n += 1;
      else if (c >= 0xd800 && c <= 0xdbff) { n += 2; i++; }
      else n += 2;
    }
  }
  return n;
}
