import { diag, type Diagnostic, factId } from '../../model';
import type { RuleContext } from '../context';
import { classifyFacts, invalidAccuracy } from '../facts';

export const CODES = {
  inconsistent: 'arelle:duplicateFacts',
} as const;

export type { DuplicateClass } from '../../util/exact';

/**
 * Classifies one set of duplicate facts (Handling Duplicate Facts WGN): complete = equal values
 * and decimals; consistent = numeric, equal-decimals facts equal and all intervals share a point;
 * everything else inconsistent. Decided in util/exact `duplicateClass`, as the mapping decides it.
 */
export const classify = classifyFacts;

/** Duplicate facts (same concept, context, unit and language): complete, consistent or inconsistent. */
export function duplicates(ctx: RuleContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const group of ctx.index.groups.values())
    for (const set of group.duplicateSets()) {
      if (set.some(invalidAccuracy)) continue; // its invalid decimals or precision is already an error
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
