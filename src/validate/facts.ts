import type { Fact } from '../model';
import { isDecimalLexical } from '../xbrl/lexical';
import {
  decimalsClamp,
  decimalsOfPrecision,
  duplicateClass,
  halfWidthScaled,
  toScaled,
  type DuplicateClass,
} from '../util/exact';

export { isDecimalLexical, toScaled };

/**
 * A decimals or precision that is not an integer or INF: the readers keep an invalid one as NaN
 * after their coded error (xbrl.4.6.5 / xbrl.4.6.4), so no rule computes with it.
 */
export const invalidAccuracy = (f: Fact): boolean =>
  (typeof f.decimals === 'number' && !Number.isInteger(f.decimals)) ||
  (typeof f.precision === 'number' && !Number.isInteger(f.precision));

/** Decimals of a numeric fact; precision is converted (XBRL 2.1 §4.6.6); undefined for exact (INF) or invalid. */
export function effectiveDecimals(f: Fact): number | undefined {
  if (typeof f.decimals === 'number') return Number.isInteger(f.decimals) ? f.decimals : undefined;
  if (f.decimals === 'INF' || f.precision === 'INF' || f.value === null) return undefined;
  if (typeof f.precision === 'number' && Number.isInteger(f.precision)) {
    if (!isDecimalLexical(f.value)) return undefined; // reported as xmlSchema:valueError
    return decimalsOfPrecision(f.value, f.precision);
  }
  return undefined;
}

/** The class of a set of duplicate facts (numeric: by their intervals; others: by their text), decided in util/exact. */
export function classifyFacts(facts: readonly Fact[], numeric: boolean): DuplicateClass {
  const values = facts.map((f) => f.value);
  if (values.some((v) => v === null)) return values.every((v) => v === null) ? 'complete' : 'inconsistent';
  if (!numeric) return values.every((v) => v === values[0]) ? 'complete' : 'inconsistent';
  return duplicateClass(facts.map((f) => ({ value: f.value as string, decimals: effectiveDecimals(f) })));
}

/**
 * Exact interval arithmetic on scaled BigInts: every value and half-width is an integer count of
 * 10^-scale, so a million bindings cost integer additions instead of decimal objects.
 */
export type BigInterval = [bigint, bigint];

/** The facts of one comparison made exact: the scale every interval is written at, and each fact's decimals as used. */
export interface Exactly {
  scale: number;
  decimals: (f: Fact) => number | undefined;
}

/**
 * The scale and capped decimals for comparing the `facts` (xs:decimal values; those `include`
 * takes) in sums of up to `terms` weighted terms: the most fraction digits any value or half-width
 * needs, decimals beyond what the values carry capped without changing a verdict (util/exact
 * `decimalsClamp`). Note: one pass without copies or substrings, as every calculation fact passes here.
 */
export function exactly(
  facts: readonly Fact[],
  terms: number,
  weights?: { intDigits: number; fracDigits: number },
  include: (f: Fact) => boolean = () => true,
): Exactly {
  const ds = new Set<number>();
  const digits = { int: 0, frac: 0 };
  for (const f of facts) {
    if (f.value === null || !include(f)) continue;
    widen(digits, f.value);
    const d = effectiveDecimals(f);
    if (d !== undefined) ds.add(d);
  }
  const clamp = decimalsClamp(ds, digits, terms, weights);
  let scale = digits.frac;
  for (const d of ds) if (clamp(d) + 1 > scale) scale = clamp(d) + 1;
  return {
    scale,
    decimals: (f: Fact) => {
      const d = effectiveDecimals(f);
      return d === undefined ? undefined : clamp(d);
    },
  };
}

/** Widens `digits` to the integer and fraction digits of an xs:decimal string. */
function widen(digits: { int: number; frac: number }, value: string): void {
  let start = 0;
  let end = value.length;
  while (start < end && value.charCodeAt(start) <= 0x20) start++;
  while (end > start && value.charCodeAt(end - 1) <= 0x20) end--;
  const c = value.charCodeAt(start);
  if (c === 0x2d || c === 0x2b) start++;
  const dot = value.indexOf('.', start);
  const point = dot < 0 || dot >= end ? end : dot;
  if (point - start > digits.int) digits.int = point - start;
  if (point < end && end - point - 1 > digits.frac) digits.frac = end - point - 1;
}

/** [v − ½·10^−d, v + ½·10^−d] in units of 10^-scale (d as `exactly` caps it); exact values give [v, v]. */
export function bigInterval(f: Fact, x: Exactly): BigInterval {
  const v = toScaled(f.value as string, x.scale);
  const d = x.decimals(f);
  if (d === undefined) return [v, v];
  const h = halfWidthScaled(d, x.scale);
  return [v - h, v + h];
}

/** The intersection of two intervals, or undefined when they share no point. */
export function intersect(a: BigInterval, b: BigInterval): BigInterval | undefined {
  const lo = a[0] > b[0] ? a[0] : b[0];
  const hi = a[1] < b[1] ? a[1] : b[1];
  return lo <= hi ? [lo, hi] : undefined;
}
