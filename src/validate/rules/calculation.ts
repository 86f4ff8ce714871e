import Decimal from 'decimal.js';
import { ARCROLE, diag, type Fact } from '../../model';
import type { RuleContext } from '../context';
import { contextKey, effectiveDecimals, interval, intersect, roundTo, unitKey, type Interval } from '../facts';
import { classify, duplicateSets } from './duplicates';

export const CODES = {
  inconsistent11: 'calc11e:inconsistentCalculationUsingRounding',
  excessDigits: 'calc11e:excessDigits',
  duplicates11: 'oime:disallowedDuplicateFacts',
  inconsistent10: 'xbrl.5.2.5.2:calcInconsistency',
} as const;

const fmt = (d: Decimal) => d.toFixed();

/** A fact has digits below its decimals (3204123456 with decimals -6). */
function excessDigits(f: Fact): boolean {
  const d = effectiveDecimals(f);
  if (d === undefined || f.value === null) return false;
  const v = new Decimal(f.value);
  return !roundTo(v, d, Decimal.ROUND_DOWN).eq(v);
}

/**
 * Summation-item checks. c11r: Calculations 1.1 round-to-nearest (intervals, duplicates reconciled
 * first); c10: XBRL 2.1 §5.2.5.2 (round each to its decimals, half-even; bindings with duplicates skipped).
 */
export function calculation(ctx: RuleContext): void {
  if (ctx.calc === 'none') return;
  const arcroles = ctx.calc === 'c10' ? [ARCROLE.summationItem] : [ARCROLE.summationItem, ARCROLE.summationItem11];
  // Networks: (arcrole, linkrole) → total → contributors.
  const nets = new Map<string, Map<string, { to: string; weight: Decimal }[]>>();
  for (const r of ctx.dts.relationships) {
    if (!arcroles.includes(r.arcrole as never)) continue;
    const k = `${r.arcrole} ${r.linkrole}`;
    let n = nets.get(k);
    if (!n) { n = new Map(); nets.set(k, n); }
    const list = n.get(r.from) ?? [];
    list.push({ to: r.to, weight: new Decimal(r.weight ?? '1') });
    n.set(r.from, list);
  }
  if (!nets.size) return;
  const calcConcepts = new Set<string>();
  for (const n of nets.values()) for (const [t, items] of n) { calcConcepts.add(t); for (const it of items) calcConcepts.add(it.to); }
  // Bindings: concept → (context+unit) → reconciled value.
  type Binding = { facts: Fact[]; iv?: Interval; bad?: string; value?: Decimal; decimals?: number };
  const byConcept = new Map<string, Map<string, Binding>>();
  for (const set of duplicateSets(ctx.report.facts).values()) {
    const f0 = set[0];
    if (!f0.unit || set.some((f) => f.value === null) || !calcConcepts.has(f0.concept)) continue;
    const b: Binding = { facts: set };
    if (set.some((f) => !/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test((f.value as string).trim()))) continue;
    if (ctx.calc === 'c10') {
      if (set.length > 1) b.bad = 'duplicates';
      else { const d = effectiveDecimals(f0); b.decimals = d; b.value = d === undefined ? new Decimal(f0.value as string) : roundTo(new Decimal(f0.value as string), d, Decimal.ROUND_HALF_EVEN); }
    } else {
      if (set.some(excessDigits)) b.bad = 'excessDigits';
      else if (set.length > 1 && classify(set, true) === 'inconsistent') b.bad = 'duplicates';
      else { let iv: Interval | undefined = interval(f0); for (const f of set.slice(1)) iv = iv && intersect(iv, interval(f)); b.iv = iv; }
    }
    const key = `${contextKey(f0)}#${unitKey(f0.unit)}`;
    let m = byConcept.get(f0.concept);
    if (!m) { m = new Map(); byConcept.set(f0.concept, m); }
    m.set(key, b);
  }
  const reported = new Set<string>();
  for (const [netKey, net] of nets) {
    const linkrole = netKey.slice(netKey.indexOf(' ') + 1);
    for (const [total, items] of net) {
      const totals = byConcept.get(total);
      if (!totals) continue;
      for (const [key, tb] of totals) {
        const contributions = items.map((it) => ({ it, b: byConcept.get(it.to)?.get(key) })).filter((x) => x.b);
        if (!contributions.length) continue;
        const involved = [tb, ...contributions.map((x) => x.b as Binding)];
        const bad = involved.find((b) => b.bad);
        if (bad) {
          const code = bad.bad === 'excessDigits' ? CODES.excessDigits : CODES.duplicates11;
          const tag = `${code}|${bad.facts[0].id}`;
          if (ctx.calc !== 'c10' && !reported.has(tag)) {
            reported.add(tag);
            ctx.push(diag(code, 'inconsistency', bad.bad === 'excessDigits'
              ? `Fact ${bad.facts[0].id} has digits below its decimals; calculations involving it are not checked.`
              : `Inconsistent duplicate facts ${bad.facts.map((f) => f.id).join(', ')}; calculations involving them are unverifiable.`,
            { source: bad.facts[0].source, facts: bad.facts.map((f) => f.id) }));
          }
          continue;
        }
        const name = (c: string) => ctx.concept(c)?.localName ?? c;
        const factIds = involved.flatMap((b) => b.facts.map((f) => f.id));
        if (ctx.calc === 'c10') {
          let sum = new Decimal(0);
          for (const { it, b } of contributions) sum = sum.plus((b as Binding).value!.mul(it.weight));
          const d = tb.decimals;
          const rs = d === undefined ? sum : roundTo(sum, d, Decimal.ROUND_HALF_EVEN);
          if (!rs.eq(tb.value!)) {
            ctx.push(diag(CODES.inconsistent10, 'inconsistency', `Calculation inconsistent from ${name(total)} in link role ${linkrole}: reported ${fmt(tb.value!)}, computed ${fmt(rs)} (sum ${fmt(sum)} rounded to decimals ${d ?? 'INF'}).`,
              { source: tb.facts[0].source, facts: factIds, concept: name(total), params: { linkrole, reported: fmt(tb.value!), computed: fmt(rs) } }));
          }
          continue;
        }
        let lo = new Decimal(0);
        let hi = new Decimal(0);
        for (const { it, b } of contributions) {
          const [a, z] = (b as Binding).iv!;
          // Weights are almost always ±1: add or subtract without a multiplication.
          if (it.weight.eq(1)) { lo = lo.plus(a); hi = hi.plus(z); }
          else if (it.weight.eq(-1)) { lo = lo.minus(z); hi = hi.minus(a); }
          else if (it.weight.gte(0)) { lo = lo.plus(a.mul(it.weight)); hi = hi.plus(z.mul(it.weight)); }
          else { lo = lo.plus(z.mul(it.weight)); hi = hi.plus(a.mul(it.weight)); }
        }
        const t = tb.iv!;
        if (!intersect(t, [lo, hi])) {
          const tol = hi.minus(lo).div(2).plus(t[1].minus(t[0]).div(2));
          ctx.push(diag(CODES.inconsistent11, 'inconsistency',
            `Calculation inconsistent from ${name(total)} in link role ${linkrole}: reported sum [${fmt(t[0])}, ${fmt(t[1])}], computed sum [${fmt(lo)}, ${fmt(hi)}] of ${contributions.length} contributors (tolerance ${fmt(tol)}), context ${tb.facts[0].contextId ?? key}.`,
            { source: tb.facts[0].source, facts: factIds, contexts: tb.facts[0].contextId ? [tb.facts[0].contextId] : undefined, concept: name(total),
              params: { linkrole, reportedLow: fmt(t[0]), reportedHigh: fmt(t[1]), computedLow: fmt(lo), computedHigh: fmt(hi), tolerance: fmt(tol) } }));
        }
      }
    }
  }
}
