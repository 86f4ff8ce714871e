import path from 'node:path';
import type { Diagnostic } from '../model';
import type { LangCoverage } from '../mapping/types';
import type { WriterInput } from './types';

export const CONVERSION_REPORT_TYPE = 'https://xbrl.iij.ad.jp/report/conversion/1.0';

/** A finding with file names without directories (the report is read on other machines). */
const strip = (d: Diagnostic): Diagnostic => ({
  ...d,
  source: d.source && { ...d.source, file: path.basename(d.source.file) },
  related: d.related?.map((r) => ({ ...r, file: path.basename(r.file) })),
});

/**
 * The conversion report: outputs, coverage per language and in total, checks made, the Inline XBRL
 * summaries and every finding (file names without directories).
 */
export function conversionReport(x: WriterInput) {
  const { mapped, diagnostics } = x;
  const total: LangCoverage = { cells: 0, facts: 0, provenance: 0, derived: 0, unaccounted: 0 };
  for (const c of Object.values(mapped.coverage))
    for (const k of Object.keys(total) as (keyof LangCoverage)[]) total[k] += c[k];
  const count = (s: Diagnostic['severity']) => diagnostics.filter((d) => d.severity === s).length;
  return {
    documentType: CONVERSION_REPORT_TYPE,
    release: { file: path.basename(x.file) },
    lang: x.lang,
    outputs: x.listed,
    factCount: mapped.facts.length,
    footnoteCount: mapped.footnotes.length,
    coverage: { ...mapped.coverage, total },
    tables: mapped.tables.map((t) => ({ id: t.id, title: t.title, lang: t.table.lang, line: t.table.firstLine })),
    checks: { ...x.counts, duplicateOccurrencesChecked: total.provenance },
    inlineXbrl: x.inline().map((d) => d.summary),
    summary: { errors: count('error'), inconsistencies: count('inconsistency'), warnings: count('warning') },
    findings: diagnostics.map(strip),
  };
}
