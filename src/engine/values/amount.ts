// Reads an amount cell (number, or text such as '1,200.5', '120万', '（120）') into exact 万元 cents.
import type { CellValue } from '../types';
import { scaledHalfUp } from './decimal';
import type { Cents } from './money';
import { cellText, normalizeText } from './text';

export type AmountUnit = '万元' | '元' | '亿元';

export type AmountResult =
  | { ok: true; cents: Cents; fromText: boolean; unitWritten: AmountUnit | null }
  | { ok: false; reason: 'empty' | 'error-value' | 'not-a-number' | 'out-of-range' | 'boolean'; raw: string };

/** Largest magnitude accepted: 1e12 万元, in cents. */
const MAX_CENTS = 1e14;
/** RULES.md §5: 100000 or more in a 万元 column was probably typed in 元. */
const YUAN_SUSPECT_CENTS = 100000 * 100;

// Powers of ten from the value as written to 万元 cents.
const SHIFT_WAN = 2;
const SHIFT_YUAN = -2;
const SHIFT_YI = 6;

const EMPTY_TEXT = /^(?:|-+|—+|–+|―+|\/|无|N\/?A)$/i;
const PARENS = /^\((.*)\)$/;
const CURRENCY = /^(?:¥|RMB|CNY|人民币)/i;
const UNIT_SUFFIX = /(亿元|亿|万元|万|元)$/;
const NUMBER_TEXT = /^(?:\d{1,3}(?:,\d{3})+(?:\.\d*)?|\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;
const COMMAS = /,/g;

function fail(reason: 'empty' | 'error-value' | 'not-a-number' | 'out-of-range' | 'boolean', v: CellValue): AmountResult {
  return { ok: false, reason, raw: cellText(v) };
}

// Results that recur on every sheet are built once and shared (frozen): the empty cell, and whole 万元 numbers
// below WHOLE_SHARED (most amounts), which the rules and the totals row re-read on every record.
const EMPTY: AmountResult = Object.freeze({ ok: false, reason: 'empty', raw: '' });
const WHOLE_SHARED = 1 << 16;
const WHOLE: (AmountResult | undefined)[] = new Array(WHOLE_SHARED); // preallocated: filled sparsely, kept fast
function whole(abs: number): AmountResult {
  return (WHOLE[abs] ??= Object.freeze({ ok: true, cents: abs * 100, fromText: false, unitWritten: null }));
}

function finish(magnitude: number | null, neg: boolean, fromText: boolean, unitWritten: AmountUnit | null, v: CellValue): AmountResult {
  if (magnitude === null || magnitude > MAX_CENTS) return fail('out-of-range', v);
  return { ok: true, cents: neg && magnitude !== 0 ? -magnitude : magnitude, fromText, unitWritten };
}

function stripSign(s: string): { s: string; neg: boolean } {
  const c = s.charCodeAt(0);
  if (c === 45 /* - */ || c === 0x2212 /* − */) return { s: s.slice(1), neg: true };
  if (c === 43 /* + */) return { s: s.slice(1), neg: false };
  return { s, neg: false };
}

function parseText(raw: string, columnUnit: '万元' | '元' | undefined, v: CellValue): AmountResult {
  let s = normalizeText(raw);
  if (EMPTY_TEXT.test(s)) return fail('empty', v);
  let neg = false;
  s = s.replace(CURRENCY, '');
  const paren = PARENS.exec(s);
  if (paren !== null) {
    neg = true;
    s = paren[1];
  }
  // One sign, before or after the currency symbol ('-¥50', '¥-50'); '--5' stays unreadable.
  const before = s.length;
  let sign = stripSign(s);
  if (sign.neg) neg = !neg;
  s = sign.s.replace(CURRENCY, '');
  if (sign.s.length === before) {
    sign = stripSign(s);
    if (sign.neg) neg = !neg;
    s = sign.s;
  }

  let unitWritten: AmountUnit | null = null;
  const unit = UNIT_SUFFIX.exec(s);
  if (unit !== null) {
    const u = unit[1];
    unitWritten = u === '元' ? '元' : u === '万元' || u === '万' ? '万元' : '亿元';
    s = s.slice(0, s.length - u.length);
  }
  if (!NUMBER_TEXT.test(s)) return fail('not-a-number', v);
  const shift =
    unitWritten === '万元' ? SHIFT_WAN
    : unitWritten === '元' ? SHIFT_YUAN
    : unitWritten === '亿元' ? SHIFT_YI
    : columnUnit === '元' ? SHIFT_YUAN
    : SHIFT_WAN;
  return finish(scaledHalfUp(s.replace(COMMAS, ''), shift), neg, true, unitWritten, v);
}

/**
 * An amount in 万元 cents. Numbers are rounded half-up to 0.01 万元 from their shortest decimal form
 * (1.005 → 1.01). In a column headed in 元, bare numbers are 元; a unit written in the cell wins.
 */
export function parseAmount(v: CellValue, columnUnit?: '万元' | '元'): AmountResult {
  if (v === null || v === undefined) return EMPTY;
  switch (typeof v) {
    case 'number': {
      if (!Number.isFinite(v)) return fail('out-of-range', v);
      const neg = v < 0;
      const abs = neg ? -v : v;
      // Whole numbers in a 万元 column are exact already; skip the string round trip.
      if (columnUnit !== '元' && Number.isInteger(abs) && abs <= 1e12) {
        if (!neg && abs < WHOLE_SHARED) return whole(abs);
        return finish(abs * 100, neg, false, null, v);
      }
      if (columnUnit !== '元' && abs <= 1e12) {
        // When r/100 is this very double, its shortest decimal form has at most two decimals and is worth r/100
        // (below 1e12 doubles are far closer than 0.01), so rounding it to 0.01 gives r: no string round trip.
        const r = Math.round(abs * 100);
        if (r / 100 === abs) return finish(r, neg, false, null, v);
      }
      return finish(scaledHalfUp(String(abs), columnUnit === '元' ? SHIFT_YUAN : SHIFT_WAN), neg, false, null, v);
    }
    case 'string':
      return parseText(v, columnUnit, v);
    case 'boolean':
      return fail('boolean', v);
    default:
      return fail('error-value', v);
  }
}

/** True for 100000 万元 or more (either sign): RULES.md §5, probably typed in 元 in a 万元 column. */
export function looksLikeYuan(c: Cents): boolean {
  return Math.abs(c) >= YUAN_SUSPECT_CENTS;
}
