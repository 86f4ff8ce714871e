import { diag, type Diagnostic, type Table } from '../model';
import type { MapTableKind } from '../mapping/release-map';
import type { ColumnSpec } from '../mapping/resolve-column';
import type { ResolvedTable } from '../mapping/types';
import { headerCellReading } from '../release';
import { fiscalYearStart, startOfMonthsEnding } from '../mapping/fiscal-calendar';
import { monthEnd } from '../xbrl/dates';
import type { CheckInput, CheckResult } from './types';

type Value = Extract<ColumnSpec, { kind: 'value' }>;
type Role = 'current' | 'priorYear' | 'priorQuarter';
interface Expected {
  role: Role;
  start?: string;
  end: string;
}

/**
 * The columns a table of each kind states, in order: the release's period, the same period a year
 * earlier, and (for quarters and balance sheets) the quarter before. A column states one of them, in
 * this order; a table may stop early.
 */
const SHAPE: Record<MapTableKind, Role[]> = {
  quarterStatement: ['current', 'priorYear', 'priorQuarter'],
  cashFlows: ['current', 'priorYear', 'priorQuarter'],
  metrics: ['current', 'priorYear', 'priorQuarter'],
  cumulativeStatement: ['current', 'priorYear'],
  balanceSheet: ['current', 'priorYear', 'priorQuarter'],
};
const ROLE_WORDS: Record<Role, string> = {
  current: "the release's period",
  priorYear: 'the same period a year earlier',
  priorQuarter: 'the quarter before',
};

/** `months` months before the month end `end` (a month end). */
const back = (end: string, months: number) => {
  const m = Number(end.slice(0, 4)) * 12 + Number(end.slice(5, 7)) - 1 - months;
  return monthEnd(Math.floor(m / 12), (m % 12) + 1);
};
const show = (p: { start?: string; end: string }) => (p.start ? `${p.start}..${p.end}` : p.end);
const same = (a: { start?: string; end: string }, b: { start?: string; end: string }) =>
  (a.start ?? '') === (b.start ?? '') && a.end === b.end;

/** The periods a table of `kind` states, in order, for a release whose period ends on `end`. */
function expected(kind: MapTableKind, end: string, fyEndMonth: number): Expected[] {
  const at = { current: end, priorYear: back(end, 12), priorQuarter: back(end, 3) };
  return SHAPE[kind].map((role) => {
    const e = at[role];
    if (kind === 'balanceSheet') return { role, end: e };
    if (kind === 'cumulativeStatement') return { role, start: fiscalYearStart(e, fyEndMonth), end: e };
    return { role, start: startOfMonthsEnding(e, 3), end: e };
  });
}

/** The header cell over column `i` that reads `text`; else the last header row's cell over it, else the table's first line. */
function headerCell(table: Table, i: number, text: string | undefined): { line: number; column: number } {
  const last = table.headerRows[table.headerRows.length - 1]?.cells[i];
  return headerCellReading(table, i, text) ?? last ?? { line: table.firstLine, column: 1 };
}

/** A table's value columns as groups of one period each (a USD and a JPY column of the same period are one group). */
function groups(t: ResolvedTable): { spec: Value; i: number }[][] {
  const out: { spec: Value; i: number }[][] = [];
  t.specs.forEach((s, i) => {
    if (s.kind !== 'value' || s.conflict) return;
    const g = out[out.length - 1];
    const cur = (x: Value) => x.currency ?? 'JPY';
    if (g && same(g[0].spec, s) && !g.some((c) => cur(c.spec) === cur(s))) g.push({ spec: s, i });
    else out.push([{ spec: s, i }]);
  });
  return out;
}

/**
 * Every value column of every table states a period the release's own words allow: not after the
 * document's period end, the one the table's shape expects at its place (the release's period, the
 * same period a year earlier, the quarter before), and the same as its twin in the other language.
 * Anything else is an error at the header cell that states the period.
 */
export function checkPeriods(input: Pick<CheckInput, 'tables' | 'facts' | 'rmap' | 'file'>): CheckResult {
  const { file, rmap } = input;
  const end = input.facts.find((f) => f.name === 'DocumentPeriodEndDate')?.value;
  const diagnostics: Diagnostic[] = [];
  if (!end) return { diagnostics };
  const kinds = new Map(rmap.tables.map((m) => [m.id, m]));
  const flagged = new Set<ResolvedTable>();
  for (const t of input.tables) {
    const m = kinds.get(t.id);
    if (!m) continue;
    const found = tablePeriods(t, m.kind, expected(m.kind, end, rmap.fiscalYearEndMonth), end, file);
    if (found.length) flagged.add(t);
    diagnostics.push(...found);
  }
  diagnostics.push(...twins(input, flagged));
  return { diagnostics };
}

/** One table's columns against the periods its kind states, in order: an error at each header cell stating another. */
function tablePeriods(t: ResolvedTable, kind: MapTableKind, want: Expected[], end: string, file: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  groups(t).forEach((g, k) => {
    const s = g[0].spec;
    const e = want[k];
    if (e && same(s, e)) return;
    const cell = headerCell(t.table, g[0].i, s.stated);
    const place = `${cell.line}:${cell.column}`;
    if (seen.has(place)) return;
    seen.add(place);
    const after = s.end > end;
    const message = after
      ? `${t.id} column "${s.header}" states ${show(s)}, which ends after the release's period (ending ${end}).`
      : e
        ? `${t.id} column "${s.header}" states ${show(s)}; a ${kind} table states ${ROLE_WORDS[e.role]} (${show(e)}) in this place.`
        : `${t.id} column "${s.header}" states ${show(s)}; a ${kind} table states no more than ${want.length} periods (${want.map(show).join(', ')}).`;
    out.push(
      diag(after ? 'release:periodAfterEnd' : 'release:unexpectedPeriod', 'error', message, {
        source: { file, line: cell.line, column: cell.column },
        expected: e ? show(e) : `one of ${want.map(show).join(', ')}`,
        actual: `${show(s)} ("${s.stated ?? s.header}")`,
      }),
    );
  });
  return out;
}

/** A table and its twin in the other language (same role) stating different periods, where neither is already reported. */
function twins(input: Pick<CheckInput, 'tables' | 'rmap' | 'file'>, flagged: Set<ResolvedTable>): Diagnostic[] {
  const { file, rmap } = input;
  const role = new Map(rmap.tables.map((m) => [m.id, m.role]));
  const out: Diagnostic[] = [];
  for (const en of input.tables) {
    if (en.table.lang !== 'en' || flagged.has(en) || !role.get(en.id)) continue;
    const ja = input.tables.find((t) => t.table.lang === 'ja' && role.get(t.id) === role.get(en.id));
    if (!ja || flagged.has(ja)) continue;
    const [a, b] = [groups(en), groups(ja)];
    let at = -1;
    for (let k = 0; k < Math.max(a.length, b.length) && at < 0; k++)
      if (!a[k] || !b[k] || !same(a[k][0].spec, b[k][0].spec)) at = k;
    if (at < 0) continue;
    // The English part is the filing: the finding is at its header, the Japanese one related (or the reverse when only the Japanese table has the column).
    const [here, there] = a[at]
      ? [
          { t: en, g: a[at] },
          { t: ja, g: b[at] },
        ]
      : [
          { t: ja, g: b[at] },
          { t: en, g: a[at] },
        ];
    const cell = headerCell(here.t.table, here.g[0].i, here.g[0].spec.stated);
    const other = there.g && headerCell(there.t.table, there.g[0].i, there.g[0].spec.stated);
    const theirs = there.g ? show(there.g[0].spec) : 'no such column';
    out.push(
      diag(
        'release:periodLanguageMismatch',
        'error',
        `${here.t.id} column "${here.g[0].spec.header}" states ${show(here.g[0].spec)}, but its twin in the other language (${there.t.id}) states ${theirs} in this place.`,
        {
          source: { file, line: cell.line, column: cell.column },
          related: other ? [{ file, line: other.line, column: other.column }] : undefined,
          expected: theirs,
          actual: show(here.g[0].spec),
        },
      ),
    );
  }
  return out;
}
