import Decimal from 'decimal.js';
import { diag, type Fact } from '../../model';
import type { RuleContext } from '../context';
import { bindingKey, effectiveDecimals, interval, intersect, type Interval } from '../facts';

export const CODES = {
  inconsistent: 'arelle:duplicateFacts',
} as const;

export type DuplicateClass = 'complete' | 'consistent' | 'inconsistent';

/**
 * Classifies one set of duplicate facts (Handling Duplicate Facts WGN): complete = equal values
 * and decimals; consistent = numeric, equal-decimals facts equal and all intervals share a point;
 * everything else inconsistent.
 */
export function classify(facts: Fact[], numeric: boolean): DuplicateClass {
  const values = facts.map((f) => f.value);
  if (values.some((v) => v === null)) return values.every((v) => v === null) ? 'complete' : 'inconsistent';
  if (!numeric) return values.every((v) => v === values[0]) ? 'complete' : 'inconsistent';
  const eq = (a: Fact, b: Fact) => new Decimal(a.value as string).eq(b.value as string);
  if (facts.every((f) => eq(f, facts[0]) && effectiveDecimals(f) === effectiveDecimals(facts[0]))) return 'complete';
  for (const a of facts) for (const b of facts) if (effectiveDecimals(a) === effectiveDecimals(b) && !eq(a, b)) return 'inconsistent';
  let acc: Interval | undefined = interval(facts[0]);
  for (const f of facts.slice(1)) { acc = acc && intersect(acc, interval(f)); }
  return acc ? 'consistent' : 'inconsistent';
}

/** Groups facts into duplicate sets; used by this rule and by the calculation rule. */
const setsCache = new WeakMap<Fact[], Map<string, Fact[]>>();

export function duplicateSets(facts: Fact[]): Map<string, Fact[]> {
  const cached = setsCache.get(facts);
  if (cached) return cached;
  const m = new Map<string, Fact[]>();
  for (const f of facts) {
    const k = bindingKey(f);
    const g = m.get(k);
    if (g) g.push(f); else m.set(k, [f]);
  }
  setsCache.set(facts, m);
  return m;
}

export function duplicates(ctx: RuleContext): void {
  for (const set of duplicateSets(ctx.report.facts).values()) {
    if (set.length < 2) continue;
    const c = ctx.concept(set[0].concept);
    const cls = classify(set, !!c?.numeric);
    const ids = set.map((f) => f.id);
    const sev = cls === 'inconsistent' ? 'inconsistency' : 'info';
    ctx.push(diag(CODES.inconsistent, sev, `${cls} duplicate facts for ${c?.localName ?? set[0].concept}: ${set.map((f) => `${f.id}=${f.value ?? 'nil'}${f.decimals !== undefined ? ` (decimals ${f.decimals})` : ''}`).join(', ')}.`,
      { source: set[0].source, related: set.slice(1).flatMap((f) => (f.source ? [f.source] : [])), facts: ids, params: { class: cls } }));
  }
}
