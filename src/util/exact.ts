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

// ---------------------------------------------------------------------------------------------
// Decimals, scaling, rounding and intervals of reported figures: the one exact arithmetic the
// mapping, the release checks, duplicates and calculations share. Bigints throughout (measured
// against decimal.js intervals on the 1M-fact validation: see the commit that made this the one).
// ---------------------------------------------------------------------------------------------

/** `-?\\d+`, what BigInt() reads exactly as written. */
function isPlainInteger(s: string): boolean {
  const n = s.length;
  let i = n > 0 && s.charCodeAt(0) === 0x2d ? 1 : 0;
  if (i === n) return false;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
}

const isWs = (c: number) => c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d;

/** The sign, integer digits and fraction digits of an xs:decimal string (surrounding XML whitespace allowed). */
function decimalParts(value: string): { neg: boolean; int: string; frac: string } {
  let i = 0;
  let n = value.length;
  while (i < n && isWs(value.charCodeAt(i))) i++;
  while (n > i && isWs(value.charCodeAt(n - 1))) n--;
  const c = value.charCodeAt(i);
  const neg = c === 0x2d;
  if (neg || c === 0x2b) i++;
  const dot = value.indexOf('.', i);
  return dot < 0 || dot >= n
    ? { neg, int: value.slice(i, n), frac: '' }
    : { neg, int: value.slice(i, dot), frac: value.slice(dot + 1, n) };
}

/** How many fraction digits an xs:decimal string is written with (`1.50` → 2). */
export function fractionDigits(value: string): number {
  const dot = value.indexOf('.');
  if (dot < 0) return 0;
  let n = value.length;
  while (n > dot && isWs(value.charCodeAt(n - 1))) n--;
  return n - dot - 1;
}

/** An xs:decimal string × 10^scale as an integer, digits below 10^-scale cut off (scale ≥ 0). */
export function toScaled(value: string, scale: number): bigint {
  if (scale === 0 && isPlainInteger(value)) return BigInt(value); // the usual case, without slicing
  const { neg, int, frac } = decimalParts(value);
  const n = BigInt((int || '0') + (frac.length >= scale ? frac.slice(0, scale) : frac.padEnd(scale, '0')));
  return neg ? -n : n;
}

/** 5·10^n for n ≤ 40, the half-widths of intervals, a constant table (larger ones are computed). */
const HALF: readonly bigint[] = Object.freeze(Array.from({ length: 41 }, (_, n) => 5n * pow10n(n)));

/** ½·10^-decimals in units of 10^-scale (scale > decimals). */
export const halfWidthScaled = (decimals: number, scale: number): bigint =>
  HALF[scale - decimals - 1] ?? 5n * pow10n(scale - decimals - 1);

/**
 * The decimals of an xs:decimal `value` stated with `precision` significant digits (XBRL 2.1
 * §4.6.6): precision − (the exponent of its first significant digit) − 1; undefined for zero.
 */
export function decimalsOfPrecision(value: string, precision: number): number | undefined {
  const { int, frac } = decimalParts(value);
  let i = 0;
  while (i < int.length && int.charCodeAt(i) === 0x30) i++;
  if (i < int.length) return precision - (int.length - i - 1) - 1;
  let j = 0;
  while (j < frac.length && frac.charCodeAt(j) === 0x30) j++;
  return j < frac.length ? precision + j + 1 - 1 : undefined;
}

/** Digits of a non-negative integer without building its decimal string (an upper bound within one). */
const digitsOf = (n: number) => String(Math.max(1, Math.ceil(n))).length;

/**
 * Caps the decimals of facts compared in one check, so that the cost of the arithmetic follows
 * the digits the values are written with, not a `decimals` the input claims (`decimals="1000000"`
 * would otherwise be a million-digit power of ten), without changing any verdict.
 *
 * A check compares a multiple of the finest grid the values (and weights) are written on with a
 * sum of half-widths ½·|w|·10^-d. Sorting the decimals above the values' own digits, a gap wider
 * than `spread` = digits(terms) + the weights' integer and fraction digits separates half-widths
 * whose total is below one step of the grid of the others: every decimals above the gap can then
 * be replaced by one just above it without changing a comparison. Past `cap` digits below the
 * values' finest digit the same replacement is made without a gap (a sum of more than
 * `cap / spread` facts with decimals chained step by step could then be judged at that resolution).
 */
export function decimalsClamp(
  decimals: Iterable<number>,
  digits: { int: number; frac: number },
  terms: number,
  weights: { intDigits: number; fracDigits: number } = { intDigits: 1, fracDigits: 0 },
  cap = 10_000,
): (d: number) => number {
  const spread = digitsOf(terms) + weights.intDigits + weights.fracDigits;
  const valueDigits = digits.frac;
  const above = [...new Set(decimals)].filter((d) => d > valueDigits).sort((a, b) => a - b);
  let base = valueDigits;
  let cut = Infinity;
  for (const d of above) {
    if (d - base > spread || d > valueDigits + cap) {
      cut = Math.min(base, valueDigits + cap) + spread + 1;
      break;
    }
    base = d;
  }
  // Below, one half-width ½·10^-d larger than any sum of the values settles a comparison alone.
  const low = -(digits.int + spread + 1);
  return (d: number) => (d > cut ? cut : d < low ? low : d);
}

/** The integer and fraction digits of the longest of some xs:decimal strings (for `decimalsClamp`). */
export function digitsOfValues(values: Iterable<string>): { int: number; frac: number } {
  let int = 0;
  let frac = 0;
  for (const v of values) {
    const p = decimalParts(v);
    if (p.int.length > int) int = p.int.length;
    if (p.frac.length > frac) frac = p.frac.length;
  }
  return { int, frac };
}

/** Rounds x (whose denominator is a power of ten) to `decimals` places, half to even; exact, any decimals. */
export function roundHalfEven(x: Q, decimals: number): Q {
  const places = String(x.d).length - 1;
  if (decimals >= places) return x; // already exact at that many places
  const intDigits = (x.n < 0n ? -x.n : x.n).toString().length - places;
  // Below ½·10^-decimals every value rounds to zero: one place past the integer digits says as much.
  const d = Math.max(decimals, -Math.max(intDigits, 0) - 1);
  const unit = pow10n(places - d); // 10^-d in units of 1/x.d
  const neg = x.n < 0n;
  const a = neg ? -x.n : x.n;
  let q = a / unit;
  const r2 = (a % unit) * 2n;
  if (r2 > unit || (r2 === unit && q % 2n === 1n)) q += 1n;
  const n = neg ? -q : q;
  return d >= 0 ? { n, d: pow10n(d) } : { n: n * pow10n(-d), d: 1n };
}

/** x (whose denominator is a power of ten) written as `formatScaled` writes. */
export const formatQ = (x: Q): string => formatScaled(x.n, String(x.d).length - 1);

export type DuplicateClass = 'complete' | 'consistent' | 'inconsistent';

/**
 * Whether duplicate numeric figures agree (Handling Duplicate Facts WGN; XBRL Calculations 1.1):
 * complete = equal values and equal decimals; consistent = figures with equal decimals are equal
 * and all intervals [v − ½·10^−d, v + ½·10^−d] share a point (d undefined: exact, [v, v]);
 * otherwise inconsistent. The one decision for the mapping's duplicate figures and the validator's
 * duplicate facts. Values are xs:decimal strings; decimals beyond the values' digits are capped
 * by `decimalsClamp` (two intervals: one digit more than the values carry decides the same).
 */
export function duplicateClass(figures: readonly { value: string; decimals: number | undefined }[]): DuplicateClass {
  const qs = figures.map((f) => parseQ(f.value.trim()));
  const same = (i: number, j: number) => cmp(qs[i], qs[j]) === 0;
  const d0 = figures[0].decimals;
  if (figures.every((f, i) => same(i, 0) && f.decimals === d0)) return 'complete';
  for (let i = 0; i < figures.length; i++)
    for (let j = i + 1; j < figures.length; j++)
      if (figures[i].decimals === figures[j].decimals && !same(i, j)) return 'inconsistent';
  // Intervals on a line share a point when every two of them do: |vi − vj| ≤ hi + hj.
  const clamp = decimalsClamp(
    figures.flatMap((f) => (f.decimals === undefined ? [] : [f.decimals])),
    digitsOfValues(figures.map((f) => f.value)),
    2,
  );
  const half = (d: number | undefined): Q => (d === undefined ? { n: 0n, d: 1n } : halfUnit(clamp(d)));
  for (let i = 0; i < figures.length; i++)
    for (let j = i + 1; j < figures.length; j++)
      if (cmp(abs(sub(qs[i], qs[j])), add(half(figures[i].decimals), half(figures[j].decimals))) > 0)
        return 'inconsistent';
  return 'consistent';
}
