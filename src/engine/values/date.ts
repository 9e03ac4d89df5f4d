// Dates as whole day numbers since 1970-01-01 (UTC): Excel serials, Chinese date text, date number formats.
import type { CellValue } from '../types';
import { cellText, normalizeText } from './text';

/** Whole days since 1970-01-01; never a local-time Date, so results do not depend on the machine's timezone. */
export type DayNumber = number;

export type DateResult =
  | { ok: true; day: DayNumber; iso: string; precision: 'day' | 'month'; fromText: boolean }
  | { ok: false; reason: 'empty' | 'error-value' | 'not-a-date' | 'out-of-range'; raw: string };

// Proleptic Gregorian civil-date arithmetic (H. Hinnant's days_from_civil / civil_from_days): integers only.
export function dayFromYmd(y: number, m: number, d: number): DayNumber {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = m > 2 ? m - 3 : m + 9;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function ymdFromDay(day: DayNumber): [number, number, number] {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(y: number, m: number): number {
  return m === 2 && isLeapYear(y) ? 29 : MONTH_DAYS[m - 1];
}

function pad2(n: number): string {
  return n < 10 ? '0' + n : String(n);
}

// Deadlines and dates of 1970–2169 repeat across rows: each day's text is built once and shared.
const ISO_CACHED_DAYS = 73_000;
const ISO_CACHE: (string | undefined)[] = new Array(ISO_CACHED_DAYS); // preallocated: filled sparsely, kept fast

function buildIso(day: DayNumber): string {
  const [y, m, d] = ymdFromDay(day);
  return String(y).padStart(4, '0') + '-' + pad2(m) + '-' + pad2(d);
}

/** 'YYYY-MM-DD'. */
export function isoFromDay(day: DayNumber): string {
  if (day >= 0 && day < ISO_CACHED_DAYS && Number.isInteger(day)) return (ISO_CACHE[day] ??= buildIso(day));
  return buildIso(day);
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Strict 'YYYY-MM-DD'; throws RangeError on anything else (for reference dates and other programmer input). */
export function dayFromIso(iso: string): DayNumber {
  const m = ISO.exec(iso);
  if (m !== null) {
    const y = +m[1];
    const mo = +m[2];
    const d = +m[3];
    if (mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo)) return dayFromYmd(y, mo, d);
  }
  throw new RangeError(`not a YYYY-MM-DD date: ${iso}`);
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOfDay(day: DayNumber): number {
  return (((day + 4) % 7) + 7) % 7;
}

// Serial 25569 is 1970-01-01 in the 1900 system (which counts the fake 1900-02-29 as serial 60); 1904: serial 0 = 1904-01-01.
const EPOCH_1900 = 25569;
const EPOCH_1904 = 24107;
const MAX_SERIAL_1900 = 2958465; // 9999-12-31
const MAX_SERIAL_1904 = MAX_SERIAL_1900 - 1462;
const DAY_1900_03_01 = dayFromYmd(1900, 3, 1);

/**
 * Day of an Excel serial (fraction = time of day, dropped). In the 1900 system serials 1–59 are
 * 1900-01-01…02-28; Excel's fictitious 1900-02-29 (serial 60) is mapped to 1900-03-01, the same as 61.
 */
export function dayFromSerial(serial: number, date1904?: boolean): DayNumber {
  const whole = Math.floor(serial);
  if (date1904) return whole - EPOCH_1904;
  if (whole > 60) return whole - EPOCH_1900;
  return whole === 60 ? DAY_1900_03_01 : whole - EPOCH_1900 + 1;
}

/** Excel serial of a day (never 60 in the 1900 system). */
export function serialFromDay(day: DayNumber, date1904?: boolean): number {
  if (date1904) return day + EPOCH_1904;
  return day >= DAY_1900_03_01 ? day + EPOCH_1900 : day + EPOCH_1900 - 1;
}

const MIN_YEAR = 1900;
const MAX_YEAR = 9999;

// Whole-day text forms, tried on NFKC text with whitespace removed.
const YMD_CN = /^(\d{4,5})年(\d{1,2})月(\d{1,2})[日号]?$/;
const YMD_SEP = /^(\d{4,5})([-./])(\d{1,2})\2(\d{1,2})$/;
const YMD_COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const YM_CN = /^(\d{4,5})年(\d{1,2})月份?$/;
const YM_SEP = /^(\d{4,5})[-./](\d{1,2})$/;
// The printed form's blank '年  月  日', possibly with underscores for the blanks.
const PLACEHOLDER = /^_*年_*月_*(?:日_*)?$/;
const EMPTY_TEXT = /^(?:|-+|—+|\/|无)$/;
// A time after the date ('2024-03-05 10:30', '2024-03-05T10:30:00Z'): dropped like a serial's fraction.
const TIME_SUFFIX = /(?:T|\s+)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?$/;

function dateFromParts(
  y: number,
  m: number,
  d: number,
  precision: 'day' | 'month',
  v: CellValue,
): DateResult {
  if (y < MIN_YEAR || y > MAX_YEAR) return { ok: false, reason: 'out-of-range', raw: cellText(v) };
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return { ok: false, reason: 'not-a-date', raw: cellText(v) };
  const day = dayFromYmd(y, m, d);
  return { ok: true, day, iso: isoFromDay(day), precision, fromText: true };
}

function parseDateText(text: string, v: CellValue): DateResult {
  let t = text.normalize('NFKC').trim();
  t = t.replace(TIME_SUFFIX, '');
  const s = normalizeText(t);
  if (EMPTY_TEXT.test(s) || PLACEHOLDER.test(s)) return { ok: false, reason: 'empty', raw: cellText(v) };
  let m = YMD_CN.exec(s);
  if (m !== null) return dateFromParts(+m[1], +m[2], +m[3], 'day', v);
  m = YMD_SEP.exec(s);
  if (m !== null) return dateFromParts(+m[1], +m[3], +m[4], 'day', v);
  m = YMD_COMPACT.exec(s);
  if (m !== null) return dateFromParts(+m[1], +m[2], +m[3], 'day', v);
  m = YM_CN.exec(s);
  if (m === null) m = YM_SEP.exec(s);
  if (m !== null) return dateFromParts(+m[1], +m[2], 1, 'month', v);
  return { ok: false, reason: 'not-a-date', raw: cellText(v) };
}

// The empty cell and whole serials (dates repeat down a ledger) share one frozen result each.
const EMPTY_DATE: DateResult = Object.freeze({ ok: false, reason: 'empty', raw: '' });
const SERIAL_CACHED = 80_000; // serials up to the year 2119
const SERIAL_1900: (DateResult | undefined)[] = new Array(SERIAL_CACHED);
const SERIAL_1904: (DateResult | undefined)[] = new Array(SERIAL_CACHED);

/** A date cell: an Excel serial (1900 or 1904 system) or date text; month-only text gives the 1st with precision 'month'. */
export function parseDate(v: CellValue, opts?: { date1904?: boolean }): DateResult {
  if (v === null || v === undefined) return EMPTY_DATE;
  switch (typeof v) {
    case 'number': {
      const date1904 = opts?.date1904 === true;
      if (!Number.isFinite(v)) return { ok: false, reason: 'out-of-range', raw: cellText(v) };
      const whole = Math.floor(v);
      if (date1904 ? whole < 0 || whole > MAX_SERIAL_1904 : whole < 1 || whole > MAX_SERIAL_1900) {
        return { ok: false, reason: 'out-of-range', raw: cellText(v) };
      }
      // Excel shows serial 60 as 1900-02-29, a day that never existed.
      if (!date1904 && whole === 60) return { ok: false, reason: 'not-a-date', raw: cellText(v) };
      if (whole < SERIAL_CACHED) {
        const cache = date1904 ? SERIAL_1904 : SERIAL_1900;
        let res = cache[whole];
        if (res === undefined) {
          const day = dayFromSerial(whole, date1904);
          cache[whole] = res = Object.freeze({ ok: true, day, iso: isoFromDay(day), precision: 'day', fromText: false });
        }
        return res;
      }
      const day = dayFromSerial(whole, date1904);
      return { ok: true, day, iso: isoFromDay(day), precision: 'day', fromText: false };
    }
    case 'string':
      return parseDateText(v, v);
    case 'boolean':
      return { ok: false, reason: 'not-a-date', raw: cellText(v) };
    default:
      return { ok: false, reason: 'error-value', raw: cellText(v) };
  }
}

// Parts of a format code that never carry date tokens: quoted literals, [Red]/[$-804]/[h] brackets, \x escapes, _x padding, *x fill.
const FORMAT_NOISE = /"[^"]*"|\[[^\]]*\]|\\.|_.|\*./g;
const SYSTEM_LONG_DATE = /\[\$-F800\]/i;
const DAY_OR_YEAR = /[dy年日]/i;
const MONTH = /[m月]/i;
const TIME = /[hs]/i;
const formatCache = new Map<string, boolean>();

/**
 * True for an Excel number format that displays a date (y/m/d or 年/月/日 outside quotes and brackets);
 * a format whose only 'm' sits with h/s is a time (minutes), not a date.
 */
export function isDateFormat(fmt: string | null | undefined): boolean {
  if (!fmt) return false;
  const cached = formatCache.get(fmt);
  if (cached !== undefined) return cached;
  let result: boolean;
  if (SYSTEM_LONG_DATE.test(fmt)) {
    result = true;
  } else {
    const bare = fmt.replace(FORMAT_NOISE, '');
    result = DAY_OR_YEAR.test(bare) || (MONTH.test(bare) && !TIME.test(bare));
  }
  if (formatCache.size < 1000) formatCache.set(fmt, result);
  return result;
}
