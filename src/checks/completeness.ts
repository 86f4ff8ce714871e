import { diag, type Diagnostic } from '../model';
import type { MapRow, MapTable, ReleaseMap } from '../mapping/release-map';
import type { MappedFact, ResolvedTable } from '../mapping/types';
import { fiscalFocus } from '../mapping/document-info';
import type { CheckInput, CheckResult } from './types';

export type FiscalPeriod = 'Q1' | 'Q2' | 'Q3' | 'FY';
const ALL: FiscalPeriod[] = ['Q1', 'Q2', 'Q3', 'FY'];

const rowConcepts = (rows: MapRow[]) => [
  ...new Set(rows.filter((r) => r.concept && !r.group && !r.optional).map((r) => r.concept as string)),
];
const labelOf = (r: MapRow) => (Array.isArray(r.label) ? r.label[0] : r.label);

/**
 * Completeness, as the mapping states it: every table required in a release of this fiscal period
 * (`requiredIn`, default all) and every non-optional row of each table found must be there, in
 * each language converted. A gap the other language fills (its table of the same role was read and
 * gave facts for every concept of the missing table or row) is a warning naming those facts;
 * otherwise it is an error.
 */
export function checkCompleteness(
  input: Pick<CheckInput, 'rmap' | 'found' | 'facts' | 'lang' | 'file' | 'tables'>,
): CheckResult {
  const { rmap, found, facts, file, tables } = input;
  const focus = focusOf(facts, rmap.fiscalYearEndMonth);
  const wanted = (l: 'en' | 'ja') => input.lang === 'both' || input.lang === l;
  return { diagnostics: focus ? missing(rmap, focus, found, facts, wanted, file, tables) : [] };
}

/** The release's fiscal period: as its text states it, else as its period end falls in the fiscal year. */
function focusOf(facts: MappedFact[], fyEndMonth: number): FiscalPeriod | undefined {
  const stated = facts.find((f) => f.name === 'FiscalPeriodFocus')?.value;
  const end = facts.find((f) => f.name === 'DocumentPeriodEndDate')?.value;
  if (stated && /^(Q[123]|FY)$/.test(stated)) return stated as FiscalPeriod;
  return end ? (fiscalFocus(end, fyEndMonth).period as FiscalPeriod) : undefined;
}

/** The tables and rows the mapping requires that the release lacks. */
function missing(
  rmap: ReleaseMap,
  focus: FiscalPeriod,
  found: Map<string, Set<MapRow>>,
  facts: MappedFact[],
  wanted: (lang: 'en' | 'ja') => boolean,
  file: string,
  tables: ResolvedTable[] = [],
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const place = (m: MapTable) => ({ file, line: whereMissing(m, rmap, tables), column: 1 });
  const fromLang = new Map<string, Set<string>>();
  for (const f of facts)
    for (const o of f.provenance) {
      const s = fromLang.get(o.lang) ?? new Set<string>();
      s.add(f.name);
      fromLang.set(o.lang, s);
    }
  const otherHas = (m: MapTable, concepts: string[]) => {
    const other = m.lang === 'en' ? 'ja' : 'en';
    const twin = rmap.tables.some((t) => t.lang === other && t.role === m.role && t.kind === m.kind && found.has(t.id));
    return twin && wanted(other) && concepts.every((c) => fromLang.get(other)?.has(c));
  };
  for (const m of rmap.tables) {
    if (!wanted(m.lang) || !(m.requiredIn ?? ALL).includes(focus)) continue;
    const seen = found.get(m.id);
    if (!seen) {
      const concepts = rowConcepts(m.rows);
      out.push(
        otherHas(m, concepts)
          ? diag(
              'mapping:tableFromOtherLanguage',
              'warning',
              `Table ${m.id} (${m.kind}) is missing from the ${m.lang} part; its facts come from the other language: ${concepts.join(', ')}.`,
              {
                source: place(m),
                expected: `a table titled /${m.title}/ in a ${focus} release`,
                actual: 'no such table',
                facts: concepts,
              },
            )
          : diag(
              'mapping:missingTable',
              'error',
              `Table ${m.id} (${m.kind}) is missing from the ${m.lang} part, which a ${focus} release must contain; no other table supplies ${concepts.length > 6 ? `its ${concepts.length} concepts` : concepts.join(', ')}.`,
              { source: place(m), expected: `a table titled /${m.title}/`, actual: 'no such table', facts: concepts },
            ),
      );
      continue;
    }
    for (const r of m.rows) {
      if (r.optional || r.group || !r.concept || seen.has(r)) continue;
      const ok = otherHas(m, [r.concept]);
      out.push(
        diag(
          ok ? 'mapping:rowFromOtherLanguage' : 'mapping:missingRow',
          ok ? 'warning' : 'error',
          ok
            ? `Row "${labelOf(r)}" (${r.concept}) is missing from table ${m.id}; its facts come from the other language.`
            : `Row "${labelOf(r)}" (${r.concept}) is missing from table ${m.id}.`,
          {
            source: { file, line: tables.find((t) => t.id === m.id)?.table.lastLine ?? 1, column: 1 },
            expected: `a row labelled ${JSON.stringify(r.label)}`,
            actual: 'no such row',
            concept: r.concept,
            facts: [r.concept],
          },
        ),
      );
    }
  }
  return out;
}

/**
 * Where a missing table was expected: just after the last table before it (in the mapping's order,
 * which is the release's) that the release does contain in the same language; else before the
 * first table of that language; else after the last table of the release.
 */
function whereMissing(m: MapTable, rmap: ReleaseMap, tables: ResolvedTable[]): number {
  const at = new Map(tables.map((t) => [t.id, t.table]));
  const same = rmap.tables.filter((t) => t.lang === m.lang);
  for (let i = same.indexOf(m) - 1; i >= 0; i--) {
    const t = at.get(same[i].id);
    if (t) return t.lastLine + 1;
  }
  const first = tables.filter((t) => t.table.lang === m.lang).sort((a, b) => a.table.firstLine - b.table.firstLine)[0];
  if (first) return Math.max(1, first.table.firstLine - 1);
  // No table of that language at all (a release cut off before its part): after the last table read.
  return tables.reduce((n, t) => Math.max(n, t.table.lastLine + 1), 1);
}
