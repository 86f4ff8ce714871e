import type { Diagnostic } from '../model';
import { checkCompleteness } from './completeness';
import { checkDerivedLanguages } from './derived-languages';
import { checkDuplicates } from './duplicates';
import { checkPercentFigures } from './percent-figures';
import { checkPeriods } from './periods';
import { checkBlankCells } from './blank-cells';
import { checkUsdTranslations } from './usd-translations';
import type { CheckCounts, CheckInput, ReleaseCheck } from './types';

export type { CheckCounts, CheckInput, CheckResult, ReleaseCheck } from './types';
export { checkPercentFigures, checkUsdTranslations, checkDuplicates, checkCompleteness, checkDerivedLanguages };

/**
 * The release checks, in the order they run: the release's own figures and structure, after
 * mapping and before the gate. A new check is a file of this folder and one line here.
 */
export const RELEASE_CHECKS: ReleaseCheck[] = [
  { name: 'duplicates', when: 'mapped', run: checkDuplicates },
  { name: 'completeness', when: 'mapped', run: checkCompleteness },
  { name: 'periods the release states', when: 'mapped', run: checkPeriods },
  { name: 'blank cells the other language prints', when: 'mapped', run: checkBlankCells },
  { name: 'percent figures', when: 'clean', run: checkPercentFigures },
  { name: 'derived figures across languages', when: 'clean', run: checkDerivedLanguages },
  { name: 'USD translations', when: 'clean', run: checkUsdTranslations },
];

/**
 * Runs the checks on a mapped release whose reading and mapping reported `before`: every `mapped`
 * check, then the `clean` ones when no error has been found so far. The counts of all checks are
 * added up, keys in the order they first appear.
 */
export function runReleaseChecks(
  input: CheckInput,
  before: Diagnostic[],
  checks: ReleaseCheck[] = RELEASE_CHECKS,
): { diagnostics: Diagnostic[]; counts: CheckCounts } {
  const diagnostics: Diagnostic[] = [];
  const counts: CheckCounts = { percentChecked: 0, percentUnverifiable: 0, usdChecked: 0 };
  for (const when of ['mapped', 'clean'] as const) {
    if (when === 'clean' && [...before, ...diagnostics].some((d) => d.severity === 'error')) break;
    for (const check of checks.filter((c) => c.when === when)) {
      const r = check.run(input);
      diagnostics.push(...r.diagnostics);
      for (const [k, v] of Object.entries(r.counts ?? {}) as [keyof CheckCounts, number][])
        counts[k] = (counts[k] ?? 0) + v;
    }
  }
  return { diagnostics, counts };
}
