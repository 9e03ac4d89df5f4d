// Exact decimal scaling on digit strings, so money never goes through binary floating-point arithmetic.

// Unsigned decimal, optionally with an exponent: '1200.5', '.5', '5.', '1.2e+21' (String(number) output).
const DECIMAL = /^(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/**
 * value × 10^shift rounded half-up (away from zero; the text is unsigned), as a safe integer; null when the
 * text is not a decimal or the result is not a safe integer.
 */
export function scaledHalfUp(text: string, shift: number): number | null {
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
