import Decimal from 'decimal.js';
import type { Fact } from '../model';
import { isDecimalLexical, isPlainInteger } from '../xbrl/lexical';
import { pow10n } from '../util/exact';

export type Interval = [Decimal, Decimal];

export { isDecimalLexical };

/** Decimals of a numeric fact; precision is converted (XBRL 2.1 §4.6.6); undefined for exact (INF). */
export function effectiveDecimals(f: Fact): number | undefined {
  if (typeof f.decimals === 'number') return f.decimals;
  if (f.decimals === 'INF' || f.precision === 'INF' || f.value === null) return undefined;
  if (typeof f.precision === 'number') {
    if (!isDecimalLexical(f.value)) return undefined; // reported as xmlSchema:valueError; never a decimal.js exception
    const v = new Decimal(f.value);
    if (v.isZero()) return undefined;
    // decimals = precision − (the exponent of the first significant digit) − 1; decimal.js keeps that exponent exactly (no float logarithm).
    return f.precision - v.e - 1;
  }
  return undefined;
}

/** Calc 1.1 round-to-nearest interval: [v − ½·10^−d, v + ½·10^−d]; exact values give [v, v]. */
export function interval(f: Fact): Interval {
  const v = new Decimal(f.value as string);
  const d = effectiveDecimals(f);
  if (d === undefined) return [v, v];
  const h = new Decimal(10).pow(-d).div(2);
  return [v.minus(h), v.plus(h)];
}

export const intersect = (a: Interval, b: Interval): Interval | undefined => {
  const lo = Decimal.max(a[0], b[0]);
  const hi = Decimal.min(a[1], b[1]);
  return lo.lte(hi) ? [lo, hi] : undefined;
};

/** Rounds to `d` decimals, negative `d` included (-3 = to the thousand). */
export function roundTo(v: Decimal, d: number, mode: Decimal.Rounding): Decimal {
  if (d >= 0) return v.toDecimalPlaces(d, mode);
  const s = new Decimal(10).pow(-d);
  return v.div(s).toDecimalPlaces(0, mode).mul(s);
}

/**
 * Exact interval arithmetic on scaled BigInts: every value and half-width is an integer count of
 * 10^-scale, so a million bindings cost integer additions instead of decimal objects. The scale
 * is the largest number of fraction digits any value or half-width needs.
 */
export type BigInterval = [bigint, bigint];

export function scaleFor(f: Fact): number {
  const v = f.value as string;
  const dot = v.indexOf('.');
  const frac = dot < 0 ? 0 : v.length - dot - 1;
  const d = effectiveDecimals(f);
  return Math.max(frac, d !== undefined && d >= 0 ? d + 1 : 0);
}

/** 5·10^n for n ≤ 40, the half-widths of Calc 1.1 intervals, a constant table (larger ones are computed). */
const HALF: readonly bigint[] = Object.freeze(Array.from({ length: 41 }, (_, n) => 5n * pow10n(n)));

export function toScaled(value: string, scale: number): bigint {
  if (scale === 0 && isPlainInteger(value)) return BigInt(value);
  const t = value.trim();
  const neg = t.startsWith('-');
  const u = t.replace(/^[+-]/, '');
  const dot = u.indexOf('.');
  const int = dot < 0 ? u : u.slice(0, dot);
  const frac = dot < 0 ? '' : u.slice(dot + 1);
  const n = BigInt((int || '0') + frac.padEnd(scale, '0').slice(0, scale));
  return neg ? -n : n;
}

export function bigInterval(f: Fact, scale: number): BigInterval {
  const v = toScaled(f.value as string, scale);
  const d = effectiveDecimals(f);
  if (d === undefined) return [v, v];
  const n = scale - d - 1;
  const h = HALF[n] ?? 5n * pow10n(n); // ½·10^-d in units of 10^-scale; scale ≥ d + 1 by construction
  return [v - h, v + h];
}
