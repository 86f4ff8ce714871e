import { diag, type Diagnostic } from '../model';
import { normalizeLabel } from '../release';
import { abs, intQ, mul, sign, toFixedQ } from '../util/exact';
import type { SourceCalculation } from '../mapping/taxonomy-source';
import { derivedColumns, type DerivedResult } from './derived';
import { findFooting } from './footing';
import { around, fmt, overlaps, signed, unit, within } from './intervals';
import type { CheckInput, CheckResult } from './types';

/** Within one unit of the printed figure's last digit of some value the stated figures allow. */
const withinOneUnit = (d: DerivedResult) => !!d.pct && within(signed(d.printed), d.pct, unit(d.printed));

/**
 * A share the release moved by one unit of its last digit so that a column of parts adds up to its
 * printed subtotal (31.5 + 17.3 + 0.5 + 2.3 + 1.0 = 52.6): the sum as printed, or undefined.
 */
function shareFooting(d: DerivedResult, column: DerivedResult[], calcs: SourceCalculation[]): string | undefined {
  const concept = d.t.rows[d.r]?.concept;
  if (!concept) return undefined;
  const at = (c: string) => column.find((x) => d.t.rows[x.r]?.concept === c);
  const value = (x: DerivedResult) => mul(signed(x.printed), intQ(d.t.rows[x.r]!.sign));
  const foot = findFooting(d, concept, calcs, at, withinOneUnit, value);
  if (!foot) return undefined;
  const terms = foot.parts.map(
    (p, k) => `${sign(p.v) < 0 ? '− ' : k ? '+ ' : ''}${toFixedQ(abs(p.v), p.x.printed.places)}`,
  );
  return `${terms.join(' ')} = ${toFixedQ(value(foot.total), foot.total.printed.places)} (${foot.rel.total}) as printed`;
}

/**
 * Recomputes every percent change and share-of-total figure of every table from the figures it
 * is derived from, with interval arithmetic: a figure printed to the million may be anything
 * within ±0.5 million, and a percent printed to one decimal anything within ±0.05. A share the
 * release adjusted so that its column foots is `info` (`release:footingAdjustment`); what neither
 * rounding nor footing explains is an inconsistency.
 */
export function checkPercentFigures(input: Pick<CheckInput, 'tables' | 'file' | 'calculations'>): CheckResult {
  const { file, calculations: calcs } = input;
  const diagnostics: Diagnostic[] = [];
  let checked = 0;
  let unverifiable = 0;
  let footings = 0;
  for (const column of derivedColumns(input.tables)) {
    for (const d of column) {
      if (d.pct) checked++;
      else unverifiable++;
    }
    for (const d of column) {
      if (!d.pct || overlaps(d.pct, around(d.printed))) continue;
      const row = d.t.table.rows[d.r];
      const cell = row.cells[d.i];
      const spec = d.t.specs[d.i] as { header: string; derived: string };
      const related = [{ file, line: row.cells[d.base].line, column: row.cells[d.base].column }];
      const where = `${d.t.id} row "${normalizeLabel(row.label.text).text}" column "${spec.header}"`;
      const range = `${fmt(d.pct[0])}%…${fmt(d.pct[1])}%`;
      const foot = spec.derived === 'share' ? shareFooting(d, column, calcs) : undefined;
      const extra = {
        source: { file, line: cell.line, column: cell.column },
        related,
        expected: range,
        actual: cell.text,
      };
      if (foot) footings++;
      diagnostics.push(
        foot
          ? diag(
              'release:footingAdjustment',
              'info',
              `${where}: printed ${cell.text} where ${d.explain} gives ${range}; adjusted by one unit so that the column foots: ${foot}.`,
              extra,
            )
          : diag(
              'release:percentMismatch',
              'inconsistency',
              `${where}: printed ${cell.text}, but ${d.explain} gives ${range} for any rounding of the stated figures.`,
              extra,
            ),
      );
    }
  }
  const counts = {
    percentChecked: checked,
    percentUnverifiable: unverifiable,
    ...(footings ? { footingAdjustments: footings } : {}),
  };
  return { diagnostics, counts };
}
