import { ARCROLE, diag, type Diagnostic, type Dts, type Fact, factId } from '../../model';
import { periodText } from '../../xbrl/aspects';
import type { RuleContext } from '../context';
import type { FactGroup } from '../fact-index';
import {
  bigInterval,
  effectiveDecimals,
  exactly,
  intersect,
  invalidAccuracy,
  isDecimalLexical,
  type BigInterval,
  type Exactly,
} from '../facts';
import { classify } from './duplicates';
import { add, cmp, formatQ, formatScaled, mul, parseQ, roundHalfEven, type Q } from '../../util/exact';

export const CODES = {
  inconsistent11: 'calc11e:inconsistentCalculationUsingRounding',
  excessDigits: 'calc11e:excessDigits',
  duplicates11: 'oime:disallowedDuplicateFacts',
  inconsistent10: 'xbrl.5.2.5.2:calcInconsistency',
} as const;

const fmt = (q: Q | undefined) => (q ? formatQ(q) : 'NaN');

/** One summation-item arc seen from its total: contributor, weight, and the weight's sign when it is ±1. */
export interface Item {
  to: string;
  weight: Q;
  unit: 1 | -1 | 0;
}
/**
 * The summations a concept is the total of, one per network (arcrole + link role). `same` is
 * shared by the summations of one total whose contributors and weights are the same (the one
 * total in several statements): they bind the same facts, so one that holds holds for all.
 */
export type Summations = Map<string, { linkrole: string; items: Item[]; same: string }[]>;

/** The facts a concept reports in one group, ready for one calculation semantics. */
export interface Binding {
  facts: readonly Fact[];
  /** Not checked: inconsistent duplicates or excess digits (reported), or an invalid decimals/precision (already an error). */
  bad?: 'duplicates' | 'excessDigits' | 'invalid';
}
export interface Contribution<B extends Binding> {
  it: Item;
  b: B;
}
/** Where a summation is checked: for messages. */
export interface Place {
  total: string;
  linkrole: string;
}

/**
 * A calculation semantics (Calculations 1.1 round-to-nearest, XBRL 2.1 §5.2.5.2): which arcroles
 * it reads, how it binds a duplicate set, and how it compares a total with its contributors.
 */
export interface CalcStrategy<B extends Binding = Binding> {
  readonly arcroles: readonly string[];
  /** Calc 1.1 reports a summation it cannot verify (inconsistent duplicates, excess digits); Calc 1.0 skips it. */
  readonly reportsUnverifiable: boolean;
  bind(set: readonly Fact[]): B | undefined;
  check(total: B, contributions: Contribution<B>[], place: Place, name: (c: string) => string): Diagnostic | undefined;
}

/**
 * A fact has non-zero digits below its decimals (3204123456 with decimals -6); read off the
 * string, which is an xs:decimal (the caller checked). Note: a scan without regular expressions or
 * substrings, as every calculation fact passes here.
 */
export function excessDigits(f: Fact): boolean {
  const d = effectiveDecimals(f);
  if (d === undefined || f.value === null) return false;
  const v = f.value;
  let start = 0;
  let end = v.length;
  while (start < end && v.charCodeAt(start) <= 0x20) start++;
  while (end > start && v.charCodeAt(end - 1) <= 0x20) end--;
  const dot = v.indexOf('.', start);
  const point = dot < 0 || dot >= end ? end : dot;
  // Digits at positions (relative to the point) below 10^-d: from point + d + 1 on (d ≥ 0), or point + d on (d < 0).
  const from = d >= 0 ? point + 1 + d : point + d;
  for (let i = Math.max(from, start); i < end; i++) {
    const c = v.charCodeAt(i);
    if (c >= 0x31 && c <= 0x39) return true;
  }
  return false;
}

// Note: the fact index admits no numeric fact whose value is not an xs:decimal, so only nil is left to exclude here.
const bindable = (set: readonly Fact[]) => !!set[0].unit && set.every((f) => f.value !== null);
const factIds = (bs: Binding[]) => bs.flatMap((b) => b.facts.map((f) => factId(f)));

interface C10Binding extends Binding {
  /** The value rounded to its decimals; undefined when nothing is known of it (precision 0). */
  value?: Q;
  decimals?: number;
}

/** XBRL 2.1 §5.2.5.2: each value rounded to its decimals (half-even), the sum rounded to the total's; duplicates skip the binding. */
export const c10: CalcStrategy<C10Binding> = Object.freeze({
  arcroles: [ARCROLE.summationItem],
  reportsUnverifiable: false,
  bind(set: readonly Fact[]): C10Binding | undefined {
    if (!bindable(set)) return undefined;
    if (set.some(invalidAccuracy)) return { facts: set, bad: 'invalid' };
    if (set.length > 1) return { facts: set, bad: 'duplicates' };
    // precision="0": nothing is known of the value, so it rounds to NaN and agrees with no sum (XBRL 2.1 §4.6.6).
    if (set[0].precision === 0) return { facts: set };
    const d = effectiveDecimals(set[0]);
    const v = parseQ((set[0].value as string).trim());
    return { facts: set, decimals: d, value: d === undefined ? v : roundHalfEven(v, d) };
  },
  check(
    tb: C10Binding,
    contributions: Contribution<C10Binding>[],
    place: Place,
    name: (c: string) => string,
  ): Diagnostic | undefined {
    let sum: Q | undefined = { n: 0n, d: 1n };
    for (const { it, b } of contributions) sum = sum && b.value && add(sum, mul(b.value, it.weight));
    const d = tb.decimals;
    const rs = d === undefined || !sum ? sum : roundHalfEven(sum, d);
    if (rs && tb.value && cmp(rs, tb.value) === 0) return undefined;
    const { total, linkrole } = place;
    return diag(
      CODES.inconsistent10,
      'inconsistency',
      `Calculation inconsistent from ${name(total)} in link role ${linkrole}: reported ${fmt(tb.value)}, computed ${fmt(rs)} (sum ${fmt(sum)} rounded to decimals ${d ?? 'INF'}).`,
      {
        source: tb.facts[0].source,
        facts: factIds([tb, ...contributions.map((c) => c.b)]),
        concept: name(total),
        params: { linkrole, reported: fmt(tb.value), computed: fmt(rs) },
      },
    );
  },
});

const C11_ARCROLES: readonly string[] = [ARCROLE.summationItem, ARCROLE.summationItem11];

interface C11Binding extends Binding {
  iv?: BigInterval;
}

/** ⌊a / b⌋ and ⌈a / b⌉ for b > 0. */
const floorDiv = (a: bigint, b: bigint) => (a >= 0n ? a / b : -((-a + b - 1n) / b));
const ceilDiv = (a: bigint, b: bigint) => -floorDiv(-a, b);

/** Sum of weighted contributor intervals, on integers scaled by 10^scale (other weights rounded outwards to that scale). */
function weightedSum(contributions: Contribution<C11Binding>[]): BigInterval {
  let lo = 0n;
  let hi = 0n;
  for (const { it, b } of contributions) {
    const [a, z] = b.iv!;
    // Weights are almost always ±1: add or subtract; others are exact decimals applied with Decimal.
    if (it.unit === 1) {
      lo += a;
      hi += z;
    } else if (it.unit === -1) {
      lo -= z;
      hi -= a;
    } else {
      const { n, d } = it.weight;
      const [p, q] = n >= 0n ? [a * n, z * n] : [z * n, a * n];
      lo += floorDiv(p, d);
      hi += ceilDiv(q, d);
    }
  }
  return [lo, hi];
}

/**
 * Calculations 1.1 round-to-nearest: each binding is the intersection of its duplicates' intervals
 * [v − ½·10^−d, v + ½·10^−d]; a total is consistent when its interval meets the weighted sum's.
 * `scale` is the largest number of fraction digits any value or half-width needs, so every
 * interval is an exact integer multiple of 10^-scale.
 */
export function c11r(x: Exactly): CalcStrategy<C11Binding> {
  const { scale } = x;
  return Object.freeze({
    arcroles: C11_ARCROLES,
    reportsUnverifiable: true,
    bind(set: readonly Fact[]): C11Binding | undefined {
      if (!bindable(set)) return undefined;
      if (set.some(invalidAccuracy)) return { facts: set, bad: 'invalid' };
      if (set.some(excessDigits)) return { facts: set, bad: 'excessDigits' };
      if (set.length > 1 && classify(set, true) === 'inconsistent') return { facts: set, bad: 'duplicates' };
      let iv: BigInterval | undefined = bigInterval(set[0], x);
      for (let i = 1; i < set.length && iv; i++) iv = intersect(iv, bigInterval(set[i], x));
      return { facts: set, iv };
    },
    check(
      tb: C11Binding,
      contributions: Contribution<C11Binding>[],
      place: Place,
      name: (c: string) => string,
    ): Diagnostic | undefined {
      const [lo, hi] = weightedSum(contributions);
      const t = tb.iv!;
      if (!(t[1] < lo || hi < t[0])) return undefined;
      const tol = formatScaled((hi - lo + t[1] - t[0]) / 2n, scale);
      const [rl, rh, cl, ch] = [t[0], t[1], lo, hi].map((x) => formatScaled(x, scale));
      const f0 = tb.facts[0];
      return diag(
        CODES.inconsistent11,
        'inconsistency',
        `Calculation inconsistent from ${name(place.total)} in link role ${place.linkrole}: reported sum [${rl}, ${rh}], computed sum [${cl}, ${ch}] of ${contributions.length} contributors (tolerance ${tol}), ${f0.contextId ? `context ${f0.contextId}` : `period ${periodText(f0.period)}`}.`,
        {
          source: f0.source,
          facts: factIds([tb, ...contributions.map((c) => c.b)]),
          contexts: f0.contextId ? [f0.contextId] : undefined,
          concept: name(place.total),
          params: {
            linkrole: place.linkrole,
            reportedLow: rl,
            reportedHigh: rh,
            computedLow: cl,
            computedHigh: ch,
            tolerance: tol,
          },
        },
      );
    },
  });
}

/** The summation-item networks of `arcroles`, seen from each total. */
export function summations(dts: Dts, arcroles: readonly string[]): Summations {
  const nets = new Map<string, Map<string, Item[]>>();
  for (const r of dts.relationships) {
    if (!arcroles.includes(r.arcrole)) continue;
    const k = `${r.arcrole} ${r.linkrole}`;
    let n = nets.get(k);
    if (!n) {
      n = new Map();
      nets.set(k, n);
    }
    const list = n.get(r.from) ?? [];
    const w = String(r.weight ?? '1');
    if (!isDecimalLexical(w)) continue; // not a weight (the taxonomy's schema check reports it)
    const weight = parseQ(w.trim());
    const unit = cmp(weight, ONE) === 0 ? 1 : cmp(weight, MINUS_ONE) === 0 ? -1 : 0;
    list.push({ to: r.to, weight, unit });
    n.set(r.from, list);
  }
  const asTotal: Summations = new Map();
  for (const [netKey, net] of nets) {
    const linkrole = netKey.slice(netKey.indexOf(' ') + 1);
    for (const [total, items] of net) {
      const same = items
        .map((it) => `${it.to} ${formatQ(it.weight)}`)
        .sort()
        .join('\n');
      asTotal.set(total, [...(asTotal.get(total) ?? []), { linkrole, items, same }]);
    }
  }
  return asTotal;
}

const ONE: Q = { n: 1n, d: 1n };
const MINUS_ONE: Q = { n: -1n, d: 1n };

/**
 * The scale and capped decimals for Calc 1.1: the most fraction digits any value or half-width of
 * a calculation fact needs, decimals beyond what the values and weights carry capped (facts.ts
 * `exactly`), so that the work follows the digits written, not the decimals claimed.
 */
function calcExactly(ctx: RuleContext, sums: Summations): Exactly {
  const concepts = new Set<string>();
  let intDigits = 1;
  let fracDigits = 0;
  for (const [t, list] of sums) {
    concepts.add(t);
    for (const { items } of list)
      for (const it of items) {
        concepts.add(it.to);
        const places = String(it.weight.d).length - 1;
        const whole = (it.weight.n < 0n ? -it.weight.n : it.weight.n).toString().length - places;
        if (whole > intDigits) intDigits = whole;
        if (places > fracDigits) fracDigits = places;
      }
  }
  return exactly(
    ctx.report.facts,
    ctx.report.facts.length,
    { intDigits, fracDigits },
    (f) => concepts.has(f.concept) && isDecimalLexical(f.value as string) && !invalidAccuracy(f),
  );
}

/**
 * Summation-item checks. c11r: Calculations 1.1 round-to-nearest (intervals, duplicates reconciled
 * first); c10: XBRL 2.1 §5.2.5.2. Facts bind only within one context + unit, so the check runs
 * group by group of the fact index; with tuples, a total binds contributors among its parent's
 * descendants (the index's scopes).
 */
export function calculation(ctx: RuleContext): Diagnostic[] {
  if (ctx.calc === 'none') return [];
  const arcroles = ctx.calc === 'c10' ? c10.arcroles : C11_ARCROLES;
  const sums = summations(ctx.dts, arcroles);
  const skipped = withoutIncomplete(ctx, sums, arcroles);
  if (!sums.size) return skipped;
  const strategy: CalcStrategy = ctx.calc === 'c10' ? c10 : c11r(calcExactly(ctx, sums));
  const out: Diagnostic[] = [];
  const reported = new Set<string>();
  const name = (c: string) => ctx.concept(c)?.localName ?? c;
  const { scopes } = ctx.index;
  const scoped = scopes && scopedBindings(strategy);
  for (const [key, group] of ctx.index.groups) {
    for (const d of checkGroup(
      strategy,
      sums,
      group,
      name,
      scoped && { within: scopes.get(key) ?? [group], bindingIn: scoped },
    )) {
      // An unverifiable binding is reported once, however many summations it takes part in.
      const tag =
        d.code === CODES.inconsistent11 || d.code === CODES.inconsistent10 ? undefined : `${d.code}|${d.facts?.[0]}`;
      if (tag && reported.has(tag)) continue;
      if (tag) reported.add(tag);
      out.push(d);
    }
  }
  return [...skipped, ...out];
}

/**
 * On a partial DTS, a total that lost a contributor to a document that could not be loaded cannot be
 * judged: it is taken out of `sums` (changed in place), and the rule says once how many were not checked.
 */
function withoutIncomplete(ctx: RuleContext, sums: Summations, arcroles: readonly string[]): Diagnostic[] {
  const lost = new Set(
    (ctx.dts.incomplete ?? []).filter((r) => arcroles.includes(r.arcrole)).map((r) => `${r.linkrole} ${r.from}`),
  );
  if (!lost.size) return [];
  let n = 0;
  for (const [total, list] of sums) {
    const kept = list.filter((s) => !lost.has(`${s.linkrole} ${total}`));
    n += list.length - kept.length;
    if (kept.length) sums.set(total, kept);
    else sums.delete(total);
  }
  if (!n) return [];
  return [
    diag(
      'taxonomy:partialDts',
      'warning',
      `${n} calculation total(s) not checked: contributors are declared in documents of the DTS that could not be loaded (${(ctx.dts.unloaded ?? []).join(', ')}).`,
      { source: { file: ctx.file, line: 1, column: 1 }, params: { skipped: String(n) } },
    ),
  ];
}

/** Instances with tuples: bindings cached per group across the run, as contributors come from several groups. */
function scopedBindings<B extends Binding>(
  strategy: CalcStrategy<B>,
): (g: FactGroup, concept: string) => B | undefined {
  const cache = new Map<FactGroup, Map<string, B | undefined>>();
  return (g, concept) => {
    let m = cache.get(g);
    if (!m) {
      m = new Map();
      cache.set(g, m);
    }
    if (m.has(concept)) return m.get(concept);
    const set = g.get(concept);
    const b = set && strategy.bind(set);
    m.set(concept, b);
    return b;
  };
}

/** With tuples: the groups contributors bind from, and the shared binding cache. */
interface TupleScope<B extends Binding> {
  within: readonly FactGroup[];
  bindingIn: (g: FactGroup, concept: string) => B | undefined;
}

/** Checks every summation whose total the group reports. */
function checkGroup<B extends Binding>(
  strategy: CalcStrategy<B>,
  sums: Summations,
  group: FactGroup,
  name: (c: string) => string,
  scope?: TupleScope<B>,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const bindings = new Map<string, B | undefined>();
  // Without tuples (the usual case) a plain cache for this group and a plain contributor loop.
  const binding = scope
    ? (concept: string) => scope.bindingIn(group, concept)
    : (concept: string): B | undefined => {
        if (bindings.has(concept)) return bindings.get(concept);
        const set = group.get(concept);
        const b = set && strategy.bind(set);
        bindings.set(concept, b);
        return b;
      };
  for (const total of group.keys()) {
    const list = sums.get(total);
    const tb = list && binding(total);
    if (!tb) continue;
    let holds: Set<string> | undefined; // summations of this total already found consistent in this group
    for (const { linkrole, items, same } of list!) {
      if (holds?.has(same)) continue;
      const contributions: Contribution<B>[] = [];
      if (scope) {
        for (const it of items)
          for (const g of scope.within) {
            const b = g.has(it.to) ? scope.bindingIn(g, it.to) : undefined;
            if (b) contributions.push({ it, b });
          }
      } else
        for (const it of items) {
          const b = group.has(it.to) ? binding(it.to) : undefined;
          if (b) contributions.push({ it, b });
        }
      if (!contributions.length) continue;
      const bad = tb.bad ? tb : contributions.find((c) => c.b.bad)?.b;
      if (bad) {
        if (strategy.reportsUnverifiable && bad.bad !== 'invalid') out.push(unverifiable(bad));
        continue;
      }
      const d = strategy.check(tb, contributions, { total, linkrole }, name);
      if (d) out.push(d);
      else (holds ??= new Set()).add(same);
    }
  }
  return out;
}

function unverifiable(bad: Binding): Diagnostic {
  const f0 = bad.facts[0];
  return bad.bad === 'excessDigits'
    ? diag(
        CODES.excessDigits,
        'inconsistency',
        `Fact ${factId(f0)} has digits below its decimals; calculations involving it are not checked.`,
        { source: f0.source, facts: bad.facts.map((f) => factId(f)) },
      )
    : diag(
        CODES.duplicates11,
        'inconsistency',
        `Inconsistent duplicate facts ${bad.facts.map((f) => factId(f)).join(', ')}; calculations involving them are unverifiable.`,
        { source: f0.source, facts: bad.facts.map((f) => factId(f)) },
      );
}
