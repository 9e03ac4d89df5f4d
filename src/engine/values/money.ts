// Money in 万元 held as integer hundredths ("cents" of 万元): exact sums, comparisons and percentages.

/** Hundredths of 万元 (0.01 万元 = 100 元); always a safe integer. */
export type Cents = number;

function groupThousands(intDigits: string): string {
  let out = '';
  let i = intDigits.length;
  while (i > 3) {
    out = ',' + intDigits.slice(i - 3, i) + out;
    i -= 3;
  }
  return intDigits.slice(0, i) + out;
}

function splitCents(c: Cents): { neg: boolean; int: string; frac: string } {
  const neg = c < 0;
  const abs = Math.abs(c);
  const frac = abs % 100;
  return { neg, int: String((abs - frac) / 100), frac: frac < 10 ? '0' + frac : String(frac) };
}

/** '1,200.50' (万元, two decimals, thousands separators). */
export function formatWan(c: Cents): string {
  const p = splitCents(c);
  return (p.neg ? '-' : '') + groupThousands(p.int) + '.' + p.frac;
}

/** '1200.50': plain decimal, e.g. for writing back into a cell or a CSV. */
export function centsToDecimal(c: Cents): string {
  const p = splitCents(c);
  return (p.neg ? '-' : '') + p.int + '.' + p.frac;
}

const PERCENT_DECIMAL = /^(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/;

/** percent as an exact fraction num / den (the shortest decimal string of the double, e.g. 15 → 15/1, 12.5 → 125/10). */
function percentFraction(percent: number): { num: bigint; den: bigint } {
  if (!Number.isFinite(percent)) throw new RangeError(`percent must be finite, got ${percent}`);
  const neg = percent < 0;
  const m = PERCENT_DECIMAL.exec(String(Math.abs(percent)));
  if (m === null) throw new RangeError(`unreadable percent ${percent}`);
  const frac = m[2] ?? '';
  let num = BigInt((m[1] || '0') + frac);
  let scale = frac.length - (m[3] !== undefined ? parseInt(m[3], 10) : 0);
  if (scale < 0) {
    num *= 10n ** BigInt(-scale);
    scale = 0;
  }
  return { num: neg ? -num : num, den: 10n ** BigInt(scale) };
}

// Percent limits are a profile's few constants: each fraction is worked out once.
const FRACTIONS = new Map<number, { num: bigint; den: bigint }>();

/** part > whole × percent / 100, exactly (a value exactly on the limit does not exceed it). */
export function exceedsPercent(part: Cents, whole: Cents, percent: number): boolean {
  let f = FRACTIONS.get(percent);
  if (f === undefined) {
    f = percentFraction(percent);
    if (FRACTIONS.size < 256) FRACTIONS.set(percent, f);
  }
  const { num, den } = f;
  return BigInt(part) * 100n * den > BigInt(whole) * num;
}

/** part / whole as a percentage with two decimals, rounded half away from zero: '15.00%'; '—' when whole is 0. */
export function percentString(part: Cents, whole: Cents, round: 'nearest' | 'up' = 'nearest'): string {
  if (whole === 0) return '—';
  const neg = part < 0 !== whole < 0 && part !== 0;
  const num = BigInt(Math.abs(part)) * 10000n;
  const den = BigInt(Math.abs(whole));
  let q = num / den;
  // 'up' for a share said to be over a limit: 10.0025% must not read 10.00%.
  if (round === 'up' ? num % den !== 0n : (num % den) * 2n >= den) q += 1n;
  const s = q.toString().padStart(3, '0');
  return (neg && q !== 0n ? '-' : '') + s.slice(0, -2) + '.' + s.slice(-2) + '%';
}

/** Sum of cents (integer additions, exact while the total stays a safe integer). */
export function sumCents(values: Cents[]): Cents {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i];
  return total;
}
