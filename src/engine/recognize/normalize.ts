// Label normalisation for hand-typed header and form labels: one canonical spelling so synonyms can be plain strings.
import { COMPUTED_HEADER_MARKER } from '../types';

const WS = /[\s\u3000\u00a0\u200b\ufeff]+/g;
const FULLWIDTH = /[\uff01-\uff5e]/g;
const OPEN = /[【〔［[｛{〈《]/g;
const CLOSE = /[】〕］\]｝}〉》]/g;
const MARKS = /[*＊★☆※]/g;
const TRAILING_COLON = /[:：]+$/;
const BRACKETED = /\([^()]*\)?/g;

/**
 * Canonical form of a label: no whitespace or line breaks, half-width ASCII and brackets, lower case,
 * no required-field stars, no trailing colon. `建设\n年度` → `建设年度`, `项目投资（万元）` → `项目投资(万元)`.
 */
export function normalizeHeader(text: string): string {
  let s = text.replace(WS, '');
  if (s.length === 0) return s;
  s = s
    .replace(FULLWIDTH, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(OPEN, '(')
    .replace(CLOSE, ')')
    .replace(MARKS, '')
    .replace(TRAILING_COLON, '')
    .toLowerCase();
  return s;
}

// numbering clerks put before labels: 1. / 1、 / 一、 / ① (a bracketed (1) goes with the brackets)
const NUMBERING = /^(?:(?:\d{1,2}|[一二三四五六七八九十]{1,3})[.、)．]|[①-⑳]|其中:?)/;
// a unit typed without brackets: 项目投资万元, 金额/万元, 金额/元
const BARE_UNIT = /(?:[/／]?万元|[/／]元)$/;

/**
 * The label without bracketed parts (units, 盖章 notes), numbering and a bare unit:
 * `项目建设单位名称(盖章)` → `项目建设单位名称`, `1.项目名称` → `项目名称`, `投资/万元` → `投资`.
 */
export function baseLabel(normalized: string): string {
  let s = normalized;
  if (s.indexOf('(') >= 0) s = s.replace(BRACKETED, '').replace(TRAILING_COLON, '');
  s = s.replace(NUMBERING, '');
  const unitless = s.replace(BARE_UNIT, '');
  if (unitless.length > 0) s = unitless;
  return s.length > 0 ? s : normalized;
}

export type MoneyUnit = '万元' | '元';

/** The unit a normalised label prints, if any: `(万元)`, `(元)`, `金额/万元`, `单位:元`. */
export function unitOf(normalized: string): MoneyUnit | undefined {
  if (normalized.indexOf('元') < 0) return undefined;
  if (normalized.indexOf('万元') >= 0) return '万元';
  if (/\((人民币)?元\)|[/:]元$|单位:?元/.test(normalized)) return '元';
  return undefined;
}

const MARKER_NORM = normalizeHeader(COMPUTED_HEADER_MARKER);

/** True for a header the checker wrote itself (ends with （自动）, however the brackets were retyped). */
export function isComputedHeader(normalized: string): boolean {
  return normalized.endsWith(MARKER_NORM);
}

/** Text of a cell for label purposes; non-text cells are not labels. */
export function cellText(v: unknown): string | null {
  return typeof v === 'string' ? v : null;
}
