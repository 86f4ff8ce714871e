import { diag, type Diagnostic } from '../model';
import { normalizeLabel } from '../release';
import type { ColumnSpec } from '../mapping/resolve-column';
import type { ResolvedTable } from '../mapping/types';
import type { CheckInput, CheckResult } from './types';

/** Per column, what it states, the same in both languages: a value column's currency and period; a derived column's kind and the value column it derives from. */
function columnKeys(specs: ColumnSpec[]): (string | undefined)[] {
  const seen = new Map<string, number>();
  let lastValue = '';
  return specs.map((s) => {
    let key: string | undefined;
    if (s.kind === 'value') {
      key = `${s.currency ?? 'JPY'}:${s.start ?? ''}_${s.end}`;
      if (s.currency !== 'USD') lastValue = key;
    } else if (s.kind === 'derived' && lastValue) key = `${s.derived}|${lastValue}`;
    if (key === undefined) return undefined;
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    return `${key}#${n}`;
  });
}

/** Per row, its concept (the n-th row of a concept when a table has several). */
function rowKeys(t: ResolvedTable): (string | undefined)[] {
  const seen = new Map<string, number>();
  return t.rows.map((r) => {
    if (!r) return undefined;
    const n = (seen.get(r.concept) ?? 0) + 1;
    seen.set(r.concept, n);
    return `${r.concept}#${n}`;
  });
}

/** Every figure cell of a table by row and column key. */
function cells(t: ResolvedTable): Map<string, { r: number; i: number }> {
  const cols = columnKeys(t.specs);
  const out = new Map<string, { r: number; i: number }>();
  rowKeys(t).forEach((rk, r) => {
    if (rk) cols.forEach((ck, i) => ck && out.set(`${rk}|${ck}`, { r, i }));
  });
  return out;
}

/**
 * A figure cell left blank where the table's twin in the other language (same role) prints the
 * figure: no fact is lost (the other language states it), but the release has a hole. A warning at
 * the blank cell naming the printed one.
 */
export function checkBlankCells(input: Pick<CheckInput, 'tables' | 'rmap' | 'file'>): CheckResult {
  const { file } = input;
  const role = new Map(input.rmap.tables.map((m) => [m.id, m.role]));
  const diagnostics: Diagnostic[] = [];
  for (const t of input.tables) {
    const twin = input.tables.find((x) => x.table.lang !== t.table.lang && role.get(x.id) === role.get(t.id));
    if (!twin || !role.get(t.id)) continue;
    const theirs = cells(twin);
    for (const [key, { r, i }] of cells(t)) {
      const o = theirs.get(key);
      if (t.figures[r][i]?.kind !== 'empty' || !o) continue;
      const printed = twin.figures[o.r][o.i];
      if (printed.kind !== 'number' && printed.kind !== 'dash') continue;
      const row = t.table.rows[r];
      const blank = row.cells[i] ?? { line: row.line, column: 1 };
      const there = twin.table.rows[o.r].cells[o.i];
      const header = (t.specs[i] as { header: string }).header;
      diagnostics.push(
        diag(
          'release:blankCell',
          'warning',
          `${t.id} row "${normalizeLabel(row.label.text).text}" column "${header}" is blank, where ${twin.id} prints ${there.text} (line ${there.line}); the fact comes from there.`,
          {
            source: { file, line: blank.line, column: blank.column },
            related: [{ file, line: there.line, column: there.column }],
            expected: there.text,
            actual: '(blank)',
          },
        ),
      );
    }
  }
  return { diagnostics };
}
