import { toCsv } from '../util/csv';
import type { FeedRecord, VendorFeed } from './to-vendor-feed';

export const SPREADSHEET_COLUMNS = [
  'id',
  'concept',
  'label_en',
  'label_ja',
  'fiscal_period',
  'fiscal_year',
  'period',
  'period_type',
  'start',
  'end',
  'instant',
  'unit',
  'decimals',
  'value',
  'language',
  'convenience_translation',
  'jpy_per_usd',
  'rate_date',
  'footnotes',
  'source',
] as const;

/** A plain decimal number (`-1234`, `+0.5`, `1e3`): a spreadsheet reads it as a number, so it stays as it is. */
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * A cell a spreadsheet cannot run: text starting with `=`, `+`, `-`, `@`, a tab or a carriage return
 * (OWASP, CSV injection) gets a leading apostrophe, which spreadsheets show as text and do not
 * evaluate. Numbers, negative ones included, stay numbers.
 */
export function neutraliseCell(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) && !NUMBER.test(cell) ? `'${cell}` : cell;
}

/**
 * The vendor feed as one flat CSV for spreadsheets: a row per fact, the feed's columns that fit in a
 * cell (labels qualified where ambiguous, the fiscal-period key, USD translations flagged with their
 * rate). UTF-8 with a byte-order mark and CRLF line ends, so Excel opens the Japanese labels as
 * they are; values stay plain decimal strings (no separators, no scaling). Every cell goes through
 * `neutraliseCell`, so a footnote or label written as a formula stays text.
 */
export function toSpreadsheetCsv(feed: Pick<VendorFeed, 'facts'>): string {
  const records = feed.facts;
  // A dimensions column (`Axis=Member; …`) only when some fact has dimensions: feeds without keep their columns.
  const dims = records.some((r) => r.dimensions);
  const at = SPREADSHEET_COLUMNS.indexOf('unit');
  const withDims = (cells: string[], d: string) => (dims ? [...cells.slice(0, at), d, ...cells.slice(at)] : cells);
  const rows: string[][] = [withDims([...SPREADSHEET_COLUMNS], 'dimensions')];
  for (const r of records) {
    const src = r.provenance[0];
    const d = Object.entries(r.dimensions ?? {})
      .map(([k, v]) => `${k}=${v}`)
      .join('; ');
    rows.push(withDims(cellsOf(r, src), d).map(neutraliseCell));
  }
  return `\uFEFF${toCsv(rows, '\r\n')}`;
}

/** One record's cells in SPREADSHEET_COLUMNS order. */
function cellsOf(r: FeedRecord, src: FeedRecord['provenance'][number] | undefined): string[] {
  return [
    r.id,
    r.concept,
    r.qualifiedLabel.en ?? '',
    r.qualifiedLabel.ja ?? '',
    r.fiscalPeriod.key,
    r.fiscalPeriod.fiscalYear === null ? '' : String(r.fiscalPeriod.fiscalYear),
    r.fiscalPeriod.period,
    r.periodType,
    r.start ?? '',
    r.end ?? '',
    r.instant ?? '',
    r.unit ?? '',
    r.decimals === null ? '' : String(r.decimals),
    r.value ?? '',
    r.language ?? '',
    r.translation ? 'yes' : '',
    r.translation?.rate ?? '',
    r.translation?.rateDate ?? '',
    r.footnotes.map((f) => f.text).join(' | '),
    src ? `${[src.table, src.row, src.column].filter(Boolean).join(' / ')} (line ${src.line})` : '',
  ];
}
