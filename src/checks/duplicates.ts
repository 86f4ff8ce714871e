import { diag, type Diagnostic } from '../model';
import { consistent } from '../mapping/map-release';
import type { MappedFact, Occurrence } from '../mapping/types';
import type { CheckInput, CheckResult } from './types';

/** The occurrence a fact was taken from (the most precise one; the mapping names it the fact's source). */
const bestOf = (f: MappedFact): Occurrence | undefined =>
  f.provenance.find((o) => o.line === f.source?.line && o.col === f.source?.column);

/**
 * Every figure the release prints more than once (the same concept, period and unit in several
 * tables or languages) against the occurrence the fact was taken from: a figure no rounding of that
 * one can produce is an inconsistency naming both places.
 */
export function checkDuplicates(input: Pick<CheckInput, 'facts' | 'file' | 'rmap' | 'lang'>): CheckResult {
  const { file, lang } = input;
  const tables = new Set(input.rmap.tables.map((t) => t.id));
  const diagnostics: Diagnostic[] = [];
  for (const f of input.facts) {
    if (f.provenance.length < 2) continue;
    const b = bestOf(f);
    // Facts of the release's tables in the parts converted (not document information, not figures taken from the other part).
    if (!b || !tables.has(b.table) || (lang !== 'both' && b.lang !== lang)) continue;
    for (const o of f.provenance) {
      if (o === b || consistent(o, b)) continue;
      diagnostics.push(
        diag(
          'release:inconsistentDuplicate',
          'inconsistency',
          `${f.name}: ${o.table} row "${o.row}" column "${o.column}" states ${o.printed} (${o.value}, decimals ${o.decimals}), which no rounding of ${b.printed} in ${b.table} row "${b.row}" (${b.value}, decimals ${b.decimals}) can produce.`,
          {
            source: { file, line: o.line, column: o.col },
            related: [{ file, line: b.line, column: b.col }],
            concept: f.name,
            expected: `${b.value} rounded to decimals ${o.decimals}`,
            actual: o.value,
          },
        ),
      );
    }
  }
  return { diagnostics };
}
