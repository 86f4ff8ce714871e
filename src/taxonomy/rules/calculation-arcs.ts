import { ARCROLE, diag, type Concept, type Diagnostic, type Relationship } from '../../model';

/** XBRL 2.1 rules on summation-item arcs (codes as Arelle reports them). */
export const CALCULATION_ARC_CODES = {
  nonNumericCalc: 'xbrl.5.2.5.2:nonNumericCalc',
  negative: 'xbrl.5.1.1.2:balanceCalcWeightIllegalNegative',
  positive: 'xbrl.5.1.1.2:balanceCalcWeightIllegalPositive',
  zeroWeight: 'xbrl.5.2.5.2.1:zeroWeight',
} as const;

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)$/;

/**
 * Every summation-item arc (Calculations 1.0's arcrole or 1.1's): a weight other than zero
 * (§5.2.5.2.1), numeric and non-abstract ends (§5.2.5.2), and a weight whose sign agrees with the
 * balances (§5.1.1.2, Table 6: the same balance needs a positive weight, opposite ones a negative).
 * A DTS that breaks them is invalid, so an instance using it is too: these run when the DTS is loaded.
 */
export function checkSummationArcs(relationships: Relationship[], concepts: Map<string, Concept>): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const r of relationships)
    if (r.arcrole === ARCROLE.summationItem || r.arcrole === ARCROLE.summationItem11)
      out.push(...checkSummationArc(r, concepts));
  return out;
}

function checkSummationArc(r: Relationship, concepts: Map<string, Concept>): Diagnostic[] {
  const out: Diagnostic[] = [];
  const weight = r.weight !== undefined && DECIMAL.test(r.weight) ? Number(r.weight) : undefined;
  if (weight === 0)
    out.push(
      diag(CALCULATION_ARC_CODES.zeroWeight, 'error', `A calculation arc ${r.from} → ${r.to} has the weight ${r.weight}.`, {
        source: r.source,
        expected: 'a weight other than 0',
        actual: r.weight,
      }),
    );
  const a = concepts.get(r.from);
  const b = concepts.get(r.to);
  if (!a || !b) return out;
  if (!a.numeric || !b.numeric || a.abstract || b.abstract)
    out.push(
      diag(
        CALCULATION_ARC_CODES.nonNumericCalc,
        'error',
        `Calculation arc ${a.localName} → ${b.localName} joins a non-numeric or abstract concept.`,
        { source: r.source },
      ),
    );
  if (!a.balance || !b.balance || weight === undefined) return out;
  if (a.balance === b.balance && weight < 0)
    out.push(
      diag(
        CALCULATION_ARC_CODES.negative,
        'error',
        `${a.localName} and ${b.localName} are both ${a.balance}, but the weight is ${r.weight}.`,
        { source: r.source, expected: 'a positive weight', actual: r.weight },
      ),
    );
  if (a.balance !== b.balance && weight > 0)
    out.push(
      diag(
        CALCULATION_ARC_CODES.positive,
        'error',
        `${a.localName} is ${a.balance} and ${b.localName} ${b.balance}, but the weight is ${r.weight}.`,
        { source: r.source, expected: 'a negative weight', actual: r.weight },
      ),
    );
  return out;
}
