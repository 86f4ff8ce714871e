import Decimal from 'decimal.js';
import { diag, type Diagnostic, type Fact, factId } from '../../model';
import type { RuleContext } from '../context';
import { effectiveDecimals, interval, intersect, type Interval } from '../facts';

export const CODES = {
  inconsistent: 'arelle:duplicateFacts',
} as const;

export type DuplicateClass = 'complete' | 'consistent' | 'inconsistent';

/**
 * Classifies one set of duplicate facts (Handling Duplicate Facts WGN): complete = equal values
 * and decimals; consistent = numeric, equal-decimals facts equal and all intervals share a point;
 * everything else inconsistent.
 */
export function classify(facts: readonly Fact[], numeric: boolean): DuplicateClass {
  const values = facts.map((f) => f.value);
  if (values.some((v) => v === null)) return values.every((v) => v === null) ? 'complete' : 'inconsistent';
  if (!numeric) return values.every((v) => v === values[0]) ? 'complete' : 'inconsistent';
  const eq = (a: Fact, b: Fact) => new Decimal(a.value as string).eq(b.value as string);
  if (facts.every((f) => eq(f, facts[0]) && effectiveDecimals(f) === effectiveDecimals(facts[0]))) return 'complete';
  for (const a of facts)
    for (const b of facts) if (effectiveDecimals(a) === effectiveDecimals(b) && !eq(a, b)) return 'inconsistent';
  let acc: Interval | undefined = interval(facts[0]);
  for (const f of facts.slice(1)) {
    acc = acc && intersect(acc, interval(f));
  }
  return acc ? 'consistent' : 'inconsistent';
}

/** Duplicate facts (same concept, context, unit and language): complete, consistent or inconsistent. */
export function duplicates(ctx: RuleContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const group of ctx.index.groups.values())
    for (const set of group.duplicateSets()) {
      const c = ctx.concept(set[0].concept);
      const cls = classify(set, !!c?.numeric);
      const ids = set.map((f) => factId(f));
      const sev = cls === 'inconsistent' ? 'inconsistency' : 'info';
      out.push(
        diag(
          CODES.inconsistent,
          sev,
          `${cls} duplicate facts for ${c?.localName ?? set[0].concept}: ${set.map((f) => `${factId(f)}=${f.value ?? 'nil'}${f.decimals !== undefined ? ` (decimals ${f.decimals})` : ''}`).join(', ')}.`,
          {
            source: set[0].source,
            related: set.slice(1).flatMap((f) => (f.source ? [f.source] : [])),
            facts: ids,
            params: { class: cls },
          },
        ),
      );
    }
  return out;
}
