import { ARCROLE, ROLE, diag, type Diagnostic, type Dts, type Relationship } from '../../model';

export const CODES = {
  missingLabel: 'taxonomy:missingStandardLabel',
  notPresented: 'taxonomy:conceptNotInPresentation',
  calcPeriodType: 'taxonomy:calcPeriodTypeMismatch',
} as const;

export interface TaxonomyCheckOptions {
  /** Languages that need a standard label for every concept (default en). */
  languages?: string[];
}

/**
 * Taxonomy checks: labels, presentation coverage, calc arcs vs period types. The XBRL 2.1
 * rules on declarations, cycles, role references and summation-item arcs run when the DTS is loaded (src/taxonomy/rules).
 */
export function checkTaxonomy(dts: Dts, options: TaxonomyCheckOptions = {}): Diagnostic[] {
  const out: Diagnostic[] = [];
  const langs = options.languages ?? ['en'];
  const own = [...dts.concepts.values()].filter(
    (c) => c.source && !/^https?:\/\/(www\.)?xbrl\.org\//.test(c.source.file),
  );
  const labels = new Set(
    dts.labels.filter((l) => l.role === ROLE.label).map((l) => `${l.concept}|${l.lang.toLowerCase().split('-')[0]}`),
  );
  const presented = new Set<string>();
  for (const r of dts.relationships)
    if (r.arcrole === ARCROLE.parentChild) {
      presented.add(r.from);
      presented.add(r.to);
    }
  for (const c of own) {
    for (const lang of langs)
      if (!labels.has(`${c.name}|${lang}`))
        out.push(
          diag(CODES.missingLabel, 'error', `${c.localName} has no ${lang} standard label.`, {
            source: c.source,
            concept: c.localName,
          }),
        );
    if (c.substitutionGroup === 'item' && !presented.has(c.name))
      out.push(
        diag(CODES.notPresented, 'warning', `${c.localName} appears in no presentation network.`, {
          source: c.source,
          concept: c.localName,
        }),
      );
  }
  for (const r of dts.relationships)
    if (r.arcrole === ARCROLE.summationItem || r.arcrole === ARCROLE.summationItem11)
      out.push(...checkSummationArc(dts, r));
  return out;
}

/** The project's own check of a summation-item arc: ends of different period types never bind (a warning). */
function checkSummationArc(dts: Dts, r: Relationship): Diagnostic[] {
  const a = dts.concepts.get(r.from);
  const b = dts.concepts.get(r.to);
  if (!a || !b || a.periodType === b.periodType) return [];
  return [
    diag(
      CODES.calcPeriodType,
      'warning',
      `Calculation arc ${a.localName} (${a.periodType}) → ${b.localName} (${b.periodType}) joins different period types; it can never bind.`,
      { source: r.source },
    ),
  ];
}
