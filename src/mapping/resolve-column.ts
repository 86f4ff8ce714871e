import { fiscalQuarter, fiscalYearStart, startOfMonthsEnding } from './fiscal-calendar';
import { monthEnd } from '../xbrl/dates';
import type { Column, Table } from '../model';

export type TableKind = 'quarter' | 'yearToDate' | 'instant' | 'byQuarterCode';

/** What a value column is; a period is kept as a duration, instants are taken at its end. */
export type ColumnSpec =
  | {
      kind: 'value';
      currency?: 'JPY' | 'USD';
      start?: string;
      end: string;
      header: string;
      /** The header text the period was read from (`3Q03`, `Dec 31, 2003`, 前年同四半期比較). */
      stated?: string;
      warning?: string;
      conflict?: PeriodConflict;
    }
  | { kind: 'derived'; derived: 'change' | 'share'; header: string }
  | { kind: 'unresolved'; header: string; reason: string };

/** Two statements of the period that cannot both hold: the column's dates and the words at `line`. */
export interface PeriodConflict {
  message: string;
  line?: number;
  text: string;
  header: string;
}

/** The period a table's heading states in words, and where. */
export interface PeriodWords {
  kind?: TableKind;
  /** Length of the stated cumulative period (`Nine Months` → 9, 通期 → 12), when stated. */
  months?: number;
  text?: string;
  line?: number;
}

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};
const EN_DATE = /^(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?\s+(\d{1,2}),\s*(\d{4})$/i;
const JA_PERIOD = /^(\d{4})年(\d{1,2})月期(累計|通期)?$/;
const QUARTER = /^([1-4])Q(\d{2})$/;
const DERIVED = /%|change|chg|比/i;
const CHANGE = /yoy|qoq|chg|change|前年|前期|対前/i;
const PRIOR_YEAR_SAME = /前年同四半期/;
const COUNT: Record<string, number> = { three: 3, six: 6, nine: 9, twelve: 12 };

/**
 * The period kind a table's heading states: `As of`/貸借対照表 (instants), `Six|Nine|Twelve Months`,
 * `Fiscal Year Ended`, 累計, 通期 (from the fiscal year's start), `Three Months`/四半期 (a quarter).
 */
export function periodWords(contextLines: { text: string; line?: number }[]): PeriodWords {
  const find = (re: RegExp) => contextLines.find((l) => re.test(l.text));
  const at = (l: { text: string; line?: number }) => ({ text: l.text.trim(), line: l.line });
  let l = find(/\bAs of\b|貸借対照表|BALANCE SHEETS?/i);
  if (l) return { kind: 'instant', ...at(l) };
  l = find(/\b(Six|Nine|Twelve) Months\b/i);
  if (l)
    return {
      kind: 'yearToDate',
      months: COUNT[/\b(Six|Nine|Twelve) Months\b/i.exec(l.text)![1].toLowerCase()],
      ...at(l),
    };
  l = find(/\b(Fiscal )?Years? Ended\b|通期/i);
  if (l) return { kind: 'yearToDate', months: 12, ...at(l) };
  l = find(/累計/);
  if (l) return { kind: 'yearToDate', ...at(l) };
  l = find(/Three Months|四半期/i);
  if (l) return { kind: 'quarter', months: 3, ...at(l) };
  return {};
}

/** The kind of period a table's columns cover, read from its title and subtitle lines. */
export function tableKind(
  table: Table,
  contextLines: { text: string; line?: number }[] = table.preamble,
): TableKind | undefined {
  const w = periodWords(contextLines);
  if (w.kind) return w.kind;
  if (table.columns.some((c) => c.headers.some((h) => QUARTER.test(h)))) return 'byQuarterCode';
  return undefined;
}

/** Months from `start` (a first of month) to `end` (a month end), inclusive. */
export function monthsBetween(start: string, end: string): number {
  return (
    Number(end.slice(0, 4)) * 12 +
    Number(end.slice(5, 7)) -
    (Number(start.slice(0, 4)) * 12 + Number(start.slice(5, 7))) +
    1
  );
}

function currencyOf(leaf: string): 'JPY' | 'USD' | undefined {
  if (/^USD\b/.test(leaf)) return 'USD';
  if (/^JPY\b/.test(leaf)) return 'JPY';
  return undefined;
}

function periodFor(
  end: string,
  kind: TableKind | undefined,
  fyEndMonth: number,
): { start?: string; end: string } | undefined {
  switch (kind) {
    case 'instant':
      return { end };
    case 'quarter':
      return { start: startOfMonthsEnding(end, 3), end };
    case 'yearToDate':
      return { start: fiscalYearStart(end, fyEndMonth), end };
    default:
      return undefined;
  }
}

/** A date as printed, or undefined. Days that are not a month end are snapped to it with a warning. */
function readDate(h: string): { date: string; warning?: string; cumulative?: string } | undefined {
  const m = EN_DATE.exec(h);
  if (m) {
    const month = MONTHS[m[1].toLowerCase().replace('.', '')];
    const year = Number(m[3]);
    const day = Number(m[2]);
    const end = monthEnd(year, month);
    const printed = `${m[3]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    if (printed === end) return { date: end };
    if (day >= 25)
      return {
        date: end,
        warning: `header "${h}" is not a month end; read as the period ended ${end} (IIJ's fiscal periods end at month ends)`,
      };
    return { date: printed };
  }
  const j = JA_PERIOD.exec(h);
  if (j) return { date: monthEnd(Number(j[1]), Number(j[2])), cumulative: j[3] };
  return undefined;
}

/**
 * Resolves every column of a table from its stacked headers and the table's kind. Columns under a
 * Japanese "前年同四半期比較" heading without a date of their own take the current period a year back.
 */
export function resolveColumns(
  table: Table,
  fyEndMonth: number,
  contextLines: { text: string; line?: number }[] = table.preamble,
): ColumnSpec[] {
  const kind = tableKind(table, contextLines);
  const words = periodWords(contextLines);
  const specs: ColumnSpec[] = [];
  let current: { start?: string; end: string } | undefined;
  for (const col of table.columns) specs.push(resolveOne(col));
  return specs;

  function resolveOne(col: Column): ColumnSpec {
    const leaf = col.headers[col.headers.length - 1] ?? '';
    const header = col.headers.join(' | ');
    if (col.headers.length === 0) return { kind: 'unresolved', header, reason: 'the column has no header' };
    if (DERIVED.test(leaf) && !QUARTER.test(leaf))
      return { kind: 'derived', derived: CHANGE.test(leaf) ? 'change' : 'share', header };
    const currency = currencyOf(leaf);
    for (const h of col.headers) {
      const q = QUARTER.exec(h);
      if (q) {
        const p = fiscalQuarter(Number(q[1]), 2000 + Number(q[2]), fyEndMonth);
        current ??= p;
        return { kind: 'value', currency, start: p.start, end: p.end, header, stated: h };
      }
      const d = readDate(h);
      if (d) {
        const p = periodFor(d.date, d.cumulative ? 'yearToDate' : kind, fyEndMonth);
        if (!p)
          return {
            kind: 'unresolved',
            header,
            reason: 'the table states no period kind (three, six, nine or twelve months, as of)',
          };
        current ??= p;
        const conflict = crossCheck(h, p, d.cumulative);
        return { kind: 'value', currency, ...p, header, stated: h, warning: d.warning, conflict };
      }
    }
    const priorYear = col.headers.find((h) => PRIOR_YEAR_SAME.test(h));
    if (current && priorYear) {
      const shift = (s: string) => `${Number(s.slice(0, 4)) - 1}${s.slice(4)}`;
      const end = monthEnd(Number(current.end.slice(0, 4)) - 1, Number(current.end.slice(5, 7)));
      const start = current.start ? shift(current.start) : undefined;
      return { kind: 'value', currency, start, end, header, stated: priorYear };
    }
    return { kind: 'unresolved', header, reason: 'no period (quarter code, date or 年月期) in the headers' };
  }

  /** The column's dates against the heading's words (and the header's own 累計/通期). */
  function crossCheck(h: string, p: { start?: string; end: string }, cumulative?: string): PeriodConflict | undefined {
    const stated = cumulative === '通期' ? 12 : words.months;
    const place = words.text !== undefined ? `"${words.text}"` : 'the heading';
    if (cumulative && words.kind === 'quarter') {
      return {
        message: `column "${h}" is cumulative (${cumulative}) but ${place} states a quarter`,
        line: words.line,
        text: words.text ?? '',
        header: h,
      };
    }
    if (!p.start || stated === undefined || (!cumulative && words.kind !== 'yearToDate')) return undefined;
    const n = monthsBetween(p.start, p.end);
    if (n === stated) return undefined;
    return {
      message: `${cumulative === '通期' ? `column "${h}" says 通期 (the fiscal year)` : `${place} states ${stated} months`}, but column "${h}" ends ${p.end}, ${n} months into the fiscal year that began ${p.start}`,
      line: words.line,
      text: words.text ?? h,
      header: h,
    };
  }
}
