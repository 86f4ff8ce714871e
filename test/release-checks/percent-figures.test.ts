import { parseRelease, readNumber } from '../../src/release';
import { resolveColumns } from '../../src/mapping/resolve-column';
import { checkPercentFigures as checkPercent, type CheckCounts } from '../../src/checks';
import type { ResolvedTable } from '../../src/mapping/types';

function resolved(text: string): ResolvedTable {
  const { release } = parseRelease(text, 't.txt');
  const table = release.tables[0];
  return {
    table,
    id: 't',
    title: 'T',
    specs: resolveColumns(table, 3),
    figures: table.rows.map((r) => r.cells.map((c) => readNumber(c.text))),
    rows: table.rows.map(() => undefined),
  };
}
const counts = (): CheckCounts => ({ percentChecked: 0, percentUnverifiable: 0, usdChecked: 0 });
/** The check is pure: its counts come back with its findings; they are added to `c` here as convert adds them up. */
function checkPercentFigures(tables: ResolvedTable[], file: string, c: CheckCounts) {
  const r = checkPercent({ tables, file, calculations: [] });
  for (const [k, v] of Object.entries(r.counts ?? {}))
    (c as unknown as Record<string, number>)[k] = ((c as unknown as Record<string, number>)[k] ?? 0) + v;
  return r.diagnostics;
}

describe('percent change checks (interval arithmetic)', () => {
  it('accepts a change some rounding of the figures produces', () => {
    const c = counts();
    const t = resolved('Table 1. X (JPY in millions)\n\n\t3Q03\t3Q02\tYoY % change\nA\t3,204\t3,404\t(5.9%)\n');
    expect(checkPercentFigures([t], 't.txt', c)).toEqual([]);
    expect(c.percentChecked).toBe(1);
  });
  it('accepts 249.2% for 1,218 vs 349: figures rounded to the million allow 248.4%…249.6%', () => {
    const t = resolved(
      'Table 8. X (JPY in millions)\n\n\t3Q03\t3Q02\tYoY % Change\nAdjusted EBITDA\t1,218\t349\t249.2%\n',
    );
    expect(checkPercentFigures([t], 't.txt', counts())).toEqual([]);
  });
  it('flags 表8: 1,004 vs 943 cannot be +9.8% (any rounding gives 6.4%…6.6%)', () => {
    const t = resolved('Table 8. X (JPY in millions)\n\n\t3Q03\t3Q02\tYoY % Change\nDepreciation\t1,004\t943\t9.8%\n');
    const d = checkPercentFigures([t], 't.txt', counts());
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({
      code: 'release:percentMismatch',
      severity: 'inconsistency',
      source: { line: 4, column: 24 },
      related: [{ line: 4, column: 20 }],
    });
  });
  it('uses the signed base, as the release does: 235,837 vs (566,520) is (141.6)', () => {
    const t = resolved('S\n\n\t3Q03\t3Q02\tYoY % change\nOperating income\t235,837\t(566,520)\t(141.6)\n');
    expect(checkPercentFigures([t], 't.txt', counts())).toEqual([]);
  });
  it('checks shares of the row reading 100.0 (total revenues)', () => {
    const t = resolved('S\n\n\t3Q03\t% of Total Revenues\nA\t3,204,046\t33.3%\nB\t100\t1.0\nTotal\t9,633,155\t100.0\n');
    const d = checkPercentFigures([t], 't.txt', counts());
    expect(d.map((x) => x.source?.line)).toEqual([5]);
  });
  it('skips a change whose base is zero or missing, and counts it as unverifiable', () => {
    const c = counts();
    const t = resolved('S\n\n\t3Q03\t3Q02\tYoY % change\nA\t5\t-\t12.0%\n');
    expect(checkPercentFigures([t], 't.txt', c)).toEqual([]);
    expect(c.percentUnverifiable).toBe(1);
  });
});
