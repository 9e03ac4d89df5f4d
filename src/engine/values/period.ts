// Reads the 建设年度 of 001 附件1 (“XX年XX月至XX年XX月”, 说明3) and the variants people actually type.
import type { CellValue } from '../types';
import { daysInMonth } from './date';
import { cellText, normalizeText } from './text';

export type YearMonth = { year: number; month: number };

export type PeriodResult =
  | { ok: true; start: YearMonth; end: YearMonth; canonical: boolean }
  | { ok: false; reason: 'empty' | 'unreadable' | 'start-after-end'; raw: string };

// Built from parts so the one grammar is written once. Text is NFKC'd (～ → ~, － → -) and whitespace-free.
const Y = '(\\d{4}|\\d{2})';
const M = '(\\d{1,2})';
const D = '(\\d{1,2})';
const SEP = '(?:至|到|[~〜\\-—–―─]+)';
// A point in time: 2027年1月[1日] | 2027.1[.1] | 2027/1 | 2027-1[-1]  (5 groups: y m d | y m d … laid out below)
const POINT = `(?:${Y}年${M}月份?(?:${D}[日号])?|${Y}[./\\-]${M}(?:[./\\-]${D})?)`;

const RANGE = new RegExp(`^${POINT}${SEP}${POINT}$`);
const RANGE_SAME_YEAR = new RegExp(`^${Y}年${M}月${SEP}${M}月份?$`); // 2027年1月～12月
const RANGE_IN_YEAR = new RegExp(`^${Y}年${M}${SEP}${M}月份?$`); // 2027年1-6月
const RANGE_DOTTED_SAME_YEAR = new RegExp(`^${Y}[./]${M}${SEP}${M}$`); // 2027.01-06
const WHOLE_YEAR = /^(\d{4}|\d{2})年度?$|^(\d{4})$/;
const YEAR_RANGE = new RegExp(`^(\\d{4})(?:年度?)?${SEP}(\\d{4})(?:年度?)?$`); // 2027年至2028年, 2027-2028
const CANONICAL = /^\d{4}年\d{1,2}月至\d{4}年\d{1,2}月$/;
const EMPTY_TEXT = /^(?:|-+|—+|\/|无)$/;

const MIN_YEAR = 1900;
const MAX_YEAR = 9999;

function year(text: string): number {
  const n = +text;
  return text.length === 2 ? 2000 + n : n;
}

function validPoint(y: number, m: number, d?: string): boolean {
  if (y < MIN_YEAR || y > MAX_YEAR || m < 1 || m > 12) return false;
  if (d === undefined) return true;
  const day = +d;
  return day >= 1 && day <= daysInMonth(y, m);
}

function unreadable(v: CellValue): PeriodResult {
  return { ok: false, reason: 'unreadable', raw: cellText(v) };
}

function result(
  y1: number,
  m1: number,
  y2: number,
  m2: number,
  canonical: boolean,
  v: CellValue,
  d1?: string,
  d2?: string,
): PeriodResult {
  if (!validPoint(y1, m1, d1) || !validPoint(y2, m2, d2)) return unreadable(v);
  if (y1 * 12 + m1 > y2 * 12 + m2) return { ok: false, reason: 'start-after-end', raw: cellText(v) };
  return { ok: true, start: { year: y1, month: m1 }, end: { year: y2, month: m2 }, canonical };
}

/** Picks the alternative of POINT that matched: groups [i..i+2] (年月 form) or [i+3..i+5] (dotted form). */
function pointAt(m: RegExpExecArray, i: number): { y: number; m: number; d: string | undefined } {
  if (m[i] !== undefined) return { y: year(m[i]), m: +m[i + 1], d: m[i + 2] };
  return { y: year(m[i + 3]), m: +m[i + 4], d: m[i + 5] };
}

function parsePeriodText(text: string, v: CellValue): PeriodResult {
  const s = normalizeText(text);
  if (EMPTY_TEXT.test(s)) return { ok: false, reason: 'empty', raw: cellText(v) };
  let m = RANGE.exec(s);
  if (m !== null) {
    const a = pointAt(m, 1);
    const b = pointAt(m, 7);
    return result(a.y, a.m, b.y, b.m, CANONICAL.test(s), v, a.d, b.d);
  }
  m = RANGE_SAME_YEAR.exec(s) ?? RANGE_IN_YEAR.exec(s) ?? RANGE_DOTTED_SAME_YEAR.exec(s);
  if (m !== null) {
    const y = year(m[1]);
    return result(y, +m[2], y, +m[3], false, v);
  }
  m = WHOLE_YEAR.exec(s);
  if (m !== null) {
    const y = year(m[1] ?? m[2]);
    return result(y, 1, y, 12, false, v);
  }
  m = YEAR_RANGE.exec(s);
  if (m !== null) return result(+m[1], 1, +m[2], 12, false, v);
  return unreadable(v);
}

// A sheet's periods repeat (a few years × months), so text results are kept, frozen and shared, in a bounded map
// that is simply emptied when full.
const TEXT_CACHE = new Map<string, PeriodResult>();
const TEXT_CACHE_LIMIT = 4096;
const TEXT_CACHEABLE_LENGTH = 64;

function freezeResult(r: PeriodResult): PeriodResult {
  if (r.ok) {
    Object.freeze(r.start);
    Object.freeze(r.end);
  }
  return Object.freeze(r);
}

// Readable periods in the form 说明3 asks for, by a numeric key of their four numbers.
const CANONICAL_CACHE = new Map<number, PeriodResult>();

/** The number written by `count` ASCII digits from `at`, or -1. */
function digits(s: string, at: number, count: number): number {
  let v = 0;
  for (let i = at; i < at + count; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return -1;
    v = v * 10 + c - 48;
  }
  return v;
}

/**
 * parsePeriodText of 'YYYY年M月至YYYY年M月' (ASCII digits, months of one or two), read by hand, when it is readable;
 * undefined for any other text. Most cells are written so: they cost neither a regex nor a string-keyed lookup.
 */
function parseCanonical(s: string): PeriodResult | undefined {
  const n = s.length;
  if (n < 14 || n > 16) return undefined;
  // Fixed places: YYYY年 at 0, then M or MM, 月至, YYYY年, M or MM, 月 at the end.
  if (s.charCodeAt(4) !== 0x5e74 /* 年 */ || s.charCodeAt(n - 1) !== 0x6708 /* 月 */) return undefined;
  const y1 = digits(s, 0, 4);
  const m1Len = s.charCodeAt(6) === 0x6708 ? 1 : 2;
  const m1 = digits(s, 5, m1Len);
  let i = 5 + m1Len;
  if (s.charCodeAt(i) !== 0x6708 || s.charCodeAt(i + 1) !== 0x81f3 /* 至 */) return undefined;
  i += 2;
  const y2 = digits(s, i, 4);
  if (s.charCodeAt(i + 4) !== 0x5e74) return undefined;
  i += 5;
  const m2 = digits(s, i, n - 1 - i);
  if (y1 < 0 || m1 < 0 || y2 < 0 || m2 < 0 || n - 1 - i < 1 || n - 1 - i > 2) return undefined;
  const key = ((y1 * 100 + m1) * 10000 + y2) * 100 + m2;
  let r = CANONICAL_CACHE.get(key);
  if (r === undefined) {
    r = result(y1, m1, y2, m2, true, s);
    // Failures carry the cell's own text (01月 and 1月 differ), so only readable periods are shared.
    if (!r.ok) return undefined;
    if (CANONICAL_CACHE.size >= TEXT_CACHE_LIMIT) CANONICAL_CACHE.clear();
    CANONICAL_CACHE.set(key, freezeResult(r));
  }
  return r;
}

/** A construction period; `canonical` tells whether it was already written as N年N月至N年N月. */
export function parsePeriod(v: CellValue): PeriodResult {
  if (v === null || v === undefined) return { ok: false, reason: 'empty', raw: '' };
  if (typeof v === 'string') {
    const canonical = parseCanonical(v);
    if (canonical !== undefined) return canonical;
    if (v.length > TEXT_CACHEABLE_LENGTH) return parsePeriodText(v, v);
    let r = TEXT_CACHE.get(v);
    if (r === undefined) {
      r = freezeResult(parsePeriodText(v, v));
      if (TEXT_CACHE.size >= TEXT_CACHE_LIMIT) TEXT_CACHE.clear();
      TEXT_CACHE.set(v, r);
    }
    return r;
  }
  // A bare year typed as a number (2027) is the whole year; any other number is not a period.
  if (typeof v === 'number' && Number.isInteger(v) && v >= MIN_YEAR && v <= 2100) return result(v, 1, v, 12, false, v);
  return unreadable(v);
}
