import Decimal from 'decimal.js';
import type { Fact, Unit } from '../model';
import { periodKey } from '../xbrl/aspects';

export type Interval = [Decimal, Decimal];

const unitKeys = new WeakMap<Unit, string>();
/** Facts of one XML unit share its object, so the key is built once per unit. */
export const unitKey = (u?: Unit): string => {
  if (!u) return '';
  let k = unitKeys.get(u);
  if (k === undefined) { k = `${u.numerators.join('*')}/${u.denominators.join('*')}`; unitKeys.set(u, k); }
  return k;
};

const contextIds = new Map<string, number>();
const contextKeyCache = new WeakMap<object, string>();

/**
 * Context key: entity, period and dimensions compared by value (s-equal), not by context id.
 * Facts read from XML share their context's period object, so the key is built once per context
 * and interned to a short number: binding a million facts then costs a map lookup each.
 */
export function contextKey(f: Fact): string {
  // Facts of one XML context share its period and dimensions objects; JSON facts have their own.
  const holder = (f.dimensions ?? f.period) as object;
  const hit = contextKeyCache.get(holder);
  if (hit !== undefined) return hit;
  const dims = f.dimensions ? Object.keys(f.dimensions).sort().map((k) => `${k}=${f.dimensions![k]}`).join(',') : '';
  const full = `${f.entity.scheme}|${f.entity.identifier}|${periodKey(f.period)}|${dims}`;
  let id = contextIds.get(full);
  if (id === undefined) { id = contextIds.size; contextIds.set(full, id); }
  const key = `c${id}`;
  contextKeyCache.set(holder, key);
  return key;
}

/** Facts that are duplicates of each other share this key (XBRL 2.1 §4.10, the duplicates WGN). */
export const bindingKey = (f: Fact): string => `${intern(conceptIds, f.concept)}|${contextKey(f)}|${intern(unitIds, unitKey(f.unit))}|${f.language ?? ''}`;

const conceptIds = new Map<string, number>();
const unitIds = new Map<string, number>();
/** Short numeric stand-ins for long names, so a million keys stay small. */
function intern(m: Map<string, number>, s: string): number {
  let id = m.get(s);
  if (id === undefined) { id = m.size; m.set(s, id); }
  return id;
}

/** Decimals of a numeric fact; precision is converted (XBRL 2.1 §4.6.6); undefined for exact (INF). */
export function effectiveDecimals(f: Fact): number | undefined {
  if (typeof f.decimals === 'number') return f.decimals;
  if (f.decimals === 'INF' || f.precision === 'INF' || f.value === null) return undefined;
  if (typeof f.precision === 'number') {
    const v = new Decimal(f.value);
    if (v.isZero()) return undefined;
    return f.precision - Math.floor(Math.log10(v.abs().toNumber())) - 1;
  }
  return undefined;
}

const halves = new Map<number, Decimal>();

/** Calc 1.1 round-to-nearest interval: [v − ½·10^−d, v + ½·10^−d]; exact values give [v, v]. */
export function interval(f: Fact): Interval {
  const v = new Decimal(f.value as string);
  const d = effectiveDecimals(f);
  if (d === undefined) return [v, v];
  let h = halves.get(d);
  if (!h) { h = new Decimal(10).pow(-d).div(2); halves.set(d, h); }
  return [v.minus(h), v.plus(h)];
}

export const intersect = (a: Interval, b: Interval): Interval | undefined => {
  const lo = Decimal.max(a[0], b[0]);
  const hi = Decimal.min(a[1], b[1]);
  return lo.lte(hi) ? [lo, hi] : undefined;
};

export const isDecimalLexical = (s: string): boolean => /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(s.trim());

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

const pow10 = new Map<number, bigint>();
const p10 = (n: number): bigint => { let p = pow10.get(n); if (p === undefined) { p = 10n ** BigInt(n); pow10.set(n, p); } return p; };

export function toScaled(value: string, scale: number): bigint {
  if (scale === 0 && /^-?\d+$/.test(value)) return BigInt(value);
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
  const h = 5n * p10(scale - d - 1); // ½·10^-d in units of 10^-scale; scale ≥ d + 1 by construction
  return [v - h, v + h];
}

export function fromScaled(n: bigint, scale: number): string {
  const neg = n < 0n;
  let s = (neg ? -n : n).toString();
  if (scale > 0) {
    s = s.padStart(scale + 1, '0');
    s = `${s.slice(0, -scale)}.${s.slice(-scale)}`.replace(/\.?0+$/, '');
  }
  return (neg ? '-' : '') + s;
}

const groupKeyCache = new WeakMap<object, Map<Unit | undefined, string>>();

/**
 * Key of a fact's context + unit + language: the facts sharing it can bind in one calculation.
 * Cached per (context objects, unit object), so facts read from XML cost no new strings.
 */
export function groupKey(f: Fact): string {
  const holder = (f.dimensions ?? f.period) as object;
  let byUnit = groupKeyCache.get(holder);
  if (!byUnit) { byUnit = new Map(); groupKeyCache.set(holder, byUnit); }
  const lang = f.language ?? '';
  const cached = lang ? undefined : byUnit.get(f.unit);
  if (cached !== undefined) return cached;
  const k = `${contextKey(f)}|${intern(unitIds, unitKey(f.unit))}|${lang}`;
  if (!lang) byUnit.set(f.unit, k);
  return k;
}
