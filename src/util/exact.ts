/**
 * Exact rational arithmetic on bigints, for the interval checks of printed figures: no floats and
 * no precision limit (a quotient is kept as a fraction, rounded only when it is printed). Much
 * cheaper than arbitrary-precision decimals for the few operations the checks need.
 */

/** n / d with d > 0 (not necessarily in lowest terms). */
export interface Q {
  readonly n: bigint;
  readonly d: bigint;
}

/** Powers of ten up to 10^40, a constant table (larger ones are computed). */
const POW10: readonly bigint[] = Object.freeze(Array.from({ length: 41 }, (_, n) => 10n ** BigInt(n)));
/** 10^k for k ≥ 0. */
export const pow10n = (k: number): bigint => POW10[k] ?? 10n ** BigInt(k);

const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?$/;

/** A decimal string (`-123.45`, `1.0`, `+7`, `.5`; no spaces) as an exact fraction; throws on anything else. */
export function parseQ(s: string): Q {
  const m = DECIMAL.exec(s);
  if (!m || (m[2] === '' && !m[3])) throw new Error(`not a decimal: "${s}"`);
  const frac = m[3] ?? '';
  const n = BigInt(`${m[2] || '0'}${frac}`);
  return { n: m[1] === '-' ? -n : n, d: pow10n(frac.length) };
}

export const intQ = (n: bigint | number): Q => ({ n: BigInt(n), d: 1n });
/** 10^e for any integer e. */
export const pow10Q = (e: number): Q => (e >= 0 ? { n: pow10n(e), d: 1n } : { n: 1n, d: pow10n(-e) });
/** Half a unit of the last of `places` decimal places: ½·10^−places. */
export const halfUnit = (places: number): Q =>
  places >= 0 ? { n: 1n, d: 2n * pow10n(places) } : { n: 5n * pow10n(-places - 1), d: 1n };

export const add = (a: Q, b: Q): Q =>
  a.d === b.d ? { n: a.n + b.n, d: a.d } : { n: a.n * b.d + b.n * a.d, d: a.d * b.d };
export const sub = (a: Q, b: Q): Q => add(a, neg(b));
export const mul = (a: Q, b: Q): Q => ({ n: a.n * b.n, d: a.d * b.d });
export const neg = (a: Q): Q => ({ n: -a.n, d: a.d });
export const abs = (a: Q): Q => (a.n < 0n ? neg(a) : a);
/** a / b; b must not be zero. */
export function div(a: Q, b: Q): Q {
  if (b.n === 0n) throw new RangeError('division by zero');
  return b.n < 0n ? { n: -a.n * b.d, d: a.d * -b.n } : { n: a.n * b.d, d: a.d * b.n };
}
/** −1, 0 or 1 as a <, =, > b. */
export function cmp(a: Q, b: Q): number {
  const l = a.n * b.d;
  const r = b.n * a.d;
  return l < r ? -1 : l > r ? 1 : 0;
}
export const sign = (a: Q): number => (a.n < 0n ? -1 : a.n > 0n ? 1 : 0);
export const minQ = (xs: Q[]): Q => xs.reduce((m, x) => (cmp(x, m) < 0 ? x : m));
export const maxQ = (xs: Q[]): Q => xs.reduce((m, x) => (cmp(x, m) > 0 ? x : m));

/**
 * `x` with exactly `places` decimal places (≥ 0), rounded half away from zero (decimal.js's default
 * ROUND_HALF_UP). A negative value that rounds to zero keeps its sign (`-0.00`) unless `unsignedZero`.
 */
export function toFixedQ(x: Q, places: number, unsignedZero = false): string {
  const negative = x.n < 0n;
  const scaled = (negative ? -x.n : x.n) * pow10n(places);
  let units = scaled / x.d;
  if ((scaled % x.d) * 2n >= x.d) units += 1n;
  let digits = units.toString();
  if (places > 0) {
    digits = digits.padStart(places + 1, '0');
    digits = `${digits.slice(0, -places)}.${digits.slice(-places)}`;
  }
  return negative && !(unsignedZero && units === 0n) ? `-${digits}` : digits;
}

/**
 * n × 10^−scale (scale ≥ 0) as decimal.js's `toFixed()` writes it: no exponent, no leading zeros,
 * no trailing fraction zeros, `0` for zero (never `-0`).
 */
export function formatScaled(n: bigint, scale: number): string {
  let digits = (n < 0n ? -n : n).toString();
  if (scale > 0) {
    digits = digits.padStart(scale + 1, '0');
    const frac = digits.slice(-scale).replace(/0+$/, '');
    digits = frac ? `${digits.slice(0, -scale)}.${frac}` : digits.slice(0, -scale);
  }
  return n < 0n ? `-${digits}` : digits;
}

/** A signed decimal string times 10^power, written as `formatScaled` writes (`007.50` → `7.5`, `-0` → `0`). */
export function shiftDecimal(s: string, power: number): string {
  const q = parseQ(s);
  const scale = String(q.d).length - 1 - power;
  return scale < 0 ? formatScaled(q.n * pow10n(-scale), 0) : formatScaled(q.n, scale);
}
