import { diag, type Diagnostic } from '../model';
import { normalizeLabel } from '../release';
import { cmp } from '../util/exact';
import { derivedColumns, type DerivedResult } from './derived';
import { signed } from './intervals';
import type { CheckInput, CheckResult } from './types';

/**
 * The same derived figure (concept, kind, periods) printed in the Japanese and the English part:
 * printed differently, it is a warning with both places.
 */
export function checkDerivedLanguages(input: Pick<CheckInput, 'tables' | 'file'>): CheckResult {
  const { file } = input;
  const diagnostics: Diagnostic[] = [];
  const byKey = new Map<string, DerivedResult[]>();
  for (const d of derivedColumns(input.tables).flat()) {
    if (!d.key) continue;
    const g = byKey.get(d.key);
    if (g) g.push(d);
    else byKey.set(d.key, [d]);
  }
  let compared = 0;
  for (const group of byKey.values()) {
    const ja = group.find((d) => d.t.table.lang === 'ja');
    const en = group.find((d) => d.t.table.lang === 'en');
    if (!ja || !en) continue;
    compared++;
    if (cmp(signed(ja.printed), signed(en.printed)) === 0) continue;
    const cell = (d: DerivedResult) => d.t.table.rows[d.r].cells[d.i];
    const label = normalizeLabel(en.t.table.rows[en.r].label.text).text;
    diagnostics.push(
      diag(
        'release:derivedLanguageMismatch',
        'warning',
        `${en.t.id} row "${label}": the English part prints ${cell(en).text}, the Japanese part (${ja.t.id}) ${cell(ja).text} for the same derived figure.`,
        {
          source: { file, line: cell(en).line, column: cell(en).column },
          related: [{ file, line: cell(ja).line, column: cell(ja).column }],
          expected: cell(en).text,
          actual: cell(ja).text,
        },
      ),
    );
  }
  return { diagnostics, counts: compared ? { derivedCompared: compared } : {} };
}
