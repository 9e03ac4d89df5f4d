// Exact decimal scaling on digit strings, so money never goes through binary floating-point arithmetic.

// Unsigned decimal, optionally with an exponent: '1200.5', '.5', '5.', '1.2e+21' (String(number) output).
const DECIMAL = /^(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/**
 * value × 10^shift rounded half-up (away from zero; the text is unsigned), as a safe integer; null when the
 * text is not a decimal or the result is not a safe integer.
 */
export function scaledHalfUp(text: string, shift: number): number | null {
  const fast = plainScaled(text, shift);
  if (fast !== NOT_PLAIN) return fast;
  const m = DECIMAL.exec(text);
  if (m === null) return null;
  const intPart = m[1];
  const frac = m[2] ?? '';
  if (intPart.length === 0 && frac.length === 0) return null;
  let digits = intPart + frac;
  let point = intPart.length + shift + (m[3] !== undefined ? parseInt(m[3], 10) : 0);
  let lead = 0;
  while (lead < digits.length && digits.charCodeAt(lead) === 48) lead++;
  if (lead === digits.length) return 0;
  digits = digits.slice(lead);
  point -= lead;
  // 17 or more integer digits can never be a safe integer; bail out before building a huge string.
  if (point > 16) return null;
  let n: number;
  let roundDigit: number;
  if (point <= 0) {
    n = 0;
    roundDigit = point === 0 ? digits.charCodeAt(0) - 48 : 0;
  } else if (point >= digits.length) {
    n = Number(digits + '0'.repeat(point - digits.length));
    roundDigit = 0;
  } else {
    n = Number(digits.slice(0, point));
    roundDigit = digits.charCodeAt(point) - 48;
  }
  if (roundDigit >= 5) n += 1;
  return Number.isSafeInteger(n) ? n : null;
}

const NOT_PLAIN = -1;

/**
 * scaledHalfUp for the common text without an exponent ('1200.5', '0.05'), read digit by digit without the regex
 * and the digit strings; NOT_PLAIN for anything else. Below 2^53 the digit-by-digit value is exact, and above it
 * both paths give a non-safe integer (null), so the results are the same.
 */
function plainScaled(text: string, shift: number): number | null {
  const len = text.length;
  let dot = -1;
  for (let i = 0; i < len; i++) {
    const c = text.charCodeAt(i);
    if (c === 46 && dot < 0) dot = i;
    else if (c < 48 || c > 57) return NOT_PLAIN;
  }
  const intLen = dot < 0 ? len : dot;
  const total = dot < 0 ? len : len - 1; // digits of int and fraction parts together
  if (total === 0) return null; // '' or '.'
  // The k-th digit of int+frac, skipping the point.
  const digit = (k: number): number => text.charCodeAt(dot >= 0 && k >= intLen ? k + 1 : k) - 48;
  let lead = 0;
  while (lead < total && digit(lead) === 0) lead++;
  if (lead === total) return 0;
  const rest = total - lead;
  const point = intLen + shift - lead;
  if (point > 16) return null;
  let n = 0;
  let roundDigit: number;
  if (point <= 0) {
    roundDigit = point === 0 ? digit(lead) : 0;
  } else if (point >= rest) {
    for (let k = 0; k < rest; k++) n = n * 10 + digit(lead + k);
    for (let k = rest; k < point; k++) n *= 10;
    roundDigit = 0;
  } else {
    for (let k = 0; k < point; k++) n = n * 10 + digit(lead + k);
    roundDigit = digit(lead + point);
  }
  if (roundDigit >= 5) n += 1;
  return Number.isSafeInteger(n) ? n : null;
}
