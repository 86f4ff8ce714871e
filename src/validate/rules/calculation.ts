import Decimal from 'decimal.js';
import { ARCROLE, diag, type Fact } from '../../model';
import { periodText } from '../../xbrl/aspects';
import type { RuleContext } from '../context';
import { bigInterval, contextKey, effectiveDecimals, fromScaled, roundTo, scaleFor, toScaled, unitKey, type BigInterval } from '../facts';
import { classify, factGroups } from './duplicates';

export const CODES = {
  inconsistent11: 'calc11e:inconsistentCalculationUsingRounding',
  excessDigits: 'calc11e:excessDigits',
  duplicates11: 'oime:disallowedDuplicateFacts',
  inconsistent10: 'xbrl.5.2.5.2:calcInconsistency',
} as const;

const fmt = (d: Decimal) => d.toFixed();
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/** A fact has non-zero digits below its decimals (3204123456 with decimals -6); read off the string. */
function excessDigits(f: Fact): boolean {
  const d = effectiveDecimals(f);
  if (d === undefined || f.value === null) return false;
  const u = f.value.trim().replace(/^[+-]/, '');
  const dot = u.indexOf('.');
  const int = dot < 0 ? u : u.slice(0, dot);
  const frac = dot < 0 ? '' : u.slice(dot + 1);
  if (d >= 0) return /[1-9]/.test(frac.slice(d));
  return /[1-9]/.test(frac) || /[1-9]/.test(int.slice(Math.max(0, int.length + d)));
}

/**
 * Summation-item checks. c11r: Calculations 1.1 round-to-nearest (intervals, duplicates reconciled
 * first); c10: XBRL 2.1 §5.2.5.2 (round each to its decimals, half-even; bindings with duplicates skipped).
 */
export function calculation(ctx: RuleContext): void {
  if (ctx.calc === 'none') return;
  const arcroles = ctx.calc === 'c10' ? [ARCROLE.summationItem] : [ARCROLE.summationItem, ARCROLE.summationItem11];
  // Networks: (arcrole, linkrole) → total → contributors.
  const nets = new Map<string, Map<string, { to: string; weight: Decimal; unit: 1 | -1 | 0 }[]>>();
  for (const r of ctx.dts.relationships) {
    if (!arcroles.includes(r.arcrole as never)) continue;
    const k = `${r.arcrole} ${r.linkrole}`;
    let n = nets.get(k);
    if (!n) { n = new Map(); nets.set(k, n); }
    const list = n.get(r.from) ?? [];
    const weight = new Decimal(r.weight ?? '1');
    list.push({ to: r.to, weight, unit: weight.eq(1) ? 1 : weight.eq(-1) ? -1 : 0 });
    n.set(r.from, list);
  }
  if (!nets.size) return;
  const calcConcepts = new Set<string>();
  for (const n of nets.values()) for (const [t, items] of n) { calcConcepts.add(t); for (const it of items) calcConcepts.add(it.to); }
  // One scale for the whole check, so every interval is an exact integer multiple of 10^-scale.
  let scale = 0;
  for (const f of ctx.report.facts) {
    if (f.value !== null && calcConcepts.has(f.concept) && /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(f.value.trim())) { const s = scaleFor(f); if (s > scale) scale = s; }
  }
  type Binding = { facts: Fact[]; iv?: BigInterval; bad?: string; value?: Decimal; decimals?: number };
  const bindingOf = (set: Fact[]): Binding | undefined => {
    const f0 = set[0];
    if (!f0.unit || set.some((f) => f.value === null) || set.some((f) => !DECIMAL.test((f.value as string).trim()))) return undefined;
    const b: Binding = { facts: set };
    if (ctx.calc === 'c10') {
      if (set.length > 1) b.bad = 'duplicates';
      else { const d = effectiveDecimals(f0); b.decimals = d; b.value = d === undefined ? new Decimal(f0.value as string) : roundTo(new Decimal(f0.value as string), d, Decimal.ROUND_HALF_EVEN); }
    } else if (set.some(excessDigits)) b.bad = 'excessDigits';
    else if (set.length > 1 && classify(set, true) === 'inconsistent') b.bad = 'duplicates';
    else {
      let iv: BigInterval | undefined = bigInterval(f0, scale);
      for (const f of set.slice(1)) {
        const o = bigInterval(f, scale);
        if (iv) { const lo: bigint = iv[0] > o[0] ? iv[0] : o[0]; const hi: bigint = iv[1] < o[1] ? iv[1] : o[1]; iv = lo <= hi ? [lo, hi] : undefined; }
      }
      b.iv = iv;
    }
    return b;
  };
  // The summations each concept is the total of, across networks.
  const asTotal = new Map<string, { linkrole: string; items: { to: string; weight: Decimal; unit: 1 | -1 | 0 }[] }[]>();
  for (const [netKey, net] of nets) {
    const linkrole = netKey.slice(netKey.indexOf(' ') + 1);
    for (const [total, items] of net) asTotal.set(total, [...(asTotal.get(total) ?? []), { linkrole, items }]);
  }
  const reported = new Set<string>();
  const name = (c: string) => ctx.concept(c)?.localName ?? c;
  // Facts bind only within one context + unit, so check group by group: no per-fact keys.
  const bindings = new Map<string, Binding | undefined>();
  for (const [key, group] of factGroups(ctx.report.facts)) {
    bindings.clear();
    const binding = (concept: string): Binding | undefined => {
      if (bindings.has(concept)) return bindings.get(concept);
      const set = group.get(concept);
      const b = set && bindingOf(set);
      bindings.set(concept, b);
      return b;
    };
    for (const total of group.keys()) {
      const sums = asTotal.get(total);
      if (!sums) continue;
      const tb = binding(total);
      if (!tb) continue;
      for (const { linkrole, items } of sums) {
        const contributions: { it: (typeof items)[number]; b: Binding }[] = [];
        for (const it of items) { const b = group.has(it.to) ? binding(it.to) : undefined; if (b) contributions.push({ it, b }); }
        if (!contributions.length) continue;
        let bad: Binding | undefined = tb.bad ? tb : undefined;
        for (const c of contributions) if (!bad && c.b.bad) bad = c.b;
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
        const factIds = () => [tb, ...contributions.map((c) => c.b)].flatMap((b) => b.facts.map((f) => f.id));
        if (ctx.calc === 'c10') {
          let sum = new Decimal(0);
          for (const { it, b } of contributions) sum = sum.plus(b.value!.mul(it.weight));
          const d = tb.decimals;
          const rs = d === undefined ? sum : roundTo(sum, d, Decimal.ROUND_HALF_EVEN);
          if (!rs.eq(tb.value!)) {
            ctx.push(diag(CODES.inconsistent10, 'inconsistency', `Calculation inconsistent from ${name(total)} in link role ${linkrole}: reported ${fmt(tb.value!)}, computed ${fmt(rs)} (sum ${fmt(sum)} rounded to decimals ${d ?? 'INF'}).`,
              { source: tb.facts[0].source, facts: factIds(), concept: name(total), params: { linkrole, reported: fmt(tb.value!), computed: fmt(rs) } }));
          }
          continue;
        }
        let lo = 0n;
        let hi = 0n;
        for (const { it, b } of contributions) {
          const [a, z] = b.iv!;
          // Weights are almost always ±1: add or subtract; others are exact decimals applied with Decimal.
          if (it.unit === 1) { lo += a; hi += z; }
          else if (it.unit === -1) { lo -= z; hi -= a; }
          else {
            const x = new Decimal(fromScaled(a, scale)).mul(it.weight);
            const y = new Decimal(fromScaled(z, scale)).mul(it.weight);
            const [p, q] = x.lte(y) ? [x, y] : [y, x];
            lo += toScaled(p.toFixed(scale, Decimal.ROUND_FLOOR), scale);
            hi += toScaled(q.toFixed(scale, Decimal.ROUND_CEIL), scale);
          }
        }
        const t = tb.iv!;
        if (t[1] < lo || hi < t[0]) {
          const tol = fromScaled((hi - lo + t[1] - t[0]) / 2n, scale);
          const [rl, rh, cl, ch] = [t[0], t[1], lo, hi].map((x) => fromScaled(x, scale));
          ctx.push(diag(CODES.inconsistent11, 'inconsistency',
            `Calculation inconsistent from ${name(total)} in link role ${linkrole}: reported sum [${rl}, ${rh}], computed sum [${cl}, ${ch}] of ${contributions.length} contributors (tolerance ${tol}), ${tb.facts[0].contextId ? `context ${tb.facts[0].contextId}` : `period ${periodText(tb.facts[0].period)}`}.`,
            { source: tb.facts[0].source, facts: factIds(), contexts: tb.facts[0].contextId ? [tb.facts[0].contextId] : undefined, concept: name(total),
              params: { linkrole, reportedLow: rl, reportedHigh: rh, computedLow: cl, computedHigh: ch, tolerance: tol } }));
        }
      }
    }
  }
}
