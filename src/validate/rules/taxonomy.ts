import { ARCROLE, ROLE, diag, type Diagnostic, type Dts, type Relationship } from '../../model';

export const CODES = {
  missingLabel: 'taxonomy:missingStandardLabel',
  notPresented: 'taxonomy:conceptNotInPresentation',
  calcPeriodType: 'taxonomy:calcPeriodTypeMismatch',
  nonNumericCalc: 'xbrl.5.2.5.2:nonNumericCalc',
  negative: 'xbrl.5.1.1.2:balanceCalcWeightIllegalNegative',
  positive: 'xbrl.5.1.1.2:balanceCalcWeightIllegalPositive',
  zeroWeight: 'xbrl.5.2.5.2.1:zeroWeight',
} as const;

export interface TaxonomyCheckOptions {
  /** Languages that need a standard label for every concept (default en). */
  languages?: string[];
}

/**
 * Taxonomy checks: labels, presentation coverage, calc arcs vs period types and balances. The XBRL 2.1
 * rules on declarations, cycles and role references run when the DTS is loaded (src/taxonomy/rules).
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

/**
 * One summation-item arc (Calculations 1.0 or 1.1): numeric, non-abstract ends, the same period
 * type, a weight other than zero (XBRL 2.1 §5.2.5.2.1, Arelle xbrl.5.2.5.2.1:zeroWeight), and a
 * weight whose sign agrees with the balances (§5.1.1.2).
 */
function checkSummationArc(dts: Dts, r: Relationship): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (r.weight !== undefined && /^[+-]?(\d+\.?\d*|\.\d+)$/.test(r.weight) && Number(r.weight) === 0)
    out.push(
      diag(CODES.zeroWeight, 'error', `A calculation arc ${r.from} → ${r.to} has the weight ${r.weight}.`, {
        source: r.source,
        expected: 'a weight other than 0',
        actual: r.weight,
      }),
    );
  const a = dts.concepts.get(r.from);
  const b = dts.concepts.get(r.to);
  if (!a || !b) return out;
  if (!a.numeric || !b.numeric || a.abstract || b.abstract)
    out.push(
      diag(
        CODES.nonNumericCalc,
        'error',
        `Calculation arc ${a.localName} → ${b.localName} joins a non-numeric or abstract concept.`,
        { source: r.source },
      ),
    );
  if (a.periodType !== b.periodType)
    out.push(
      diag(
        CODES.calcPeriodType,
        'warning',
        `Calculation arc ${a.localName} (${a.periodType}) → ${b.localName} (${b.periodType}) joins different period types; it can never bind.`,
        { source: r.source },
      ),
    );
  if (a.balance && b.balance && r.weight !== undefined) {
    const w = Number(r.weight);
    if (a.balance === b.balance && w < 0)
      out.push(
        diag(
          CODES.negative,
          'error',
          `${a.localName} and ${b.localName} are both ${a.balance}, but the weight is ${r.weight}.`,
          { source: r.source },
        ),
      );
    if (a.balance !== b.balance && w > 0)
      out.push(
        diag(
          CODES.positive,
          'error',
          `${a.localName} is ${a.balance} and ${b.localName} ${b.balance}, but the weight is ${r.weight}.`,
          { source: r.source },
        ),
      );
  }
  return out;
}
