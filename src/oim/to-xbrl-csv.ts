import { ARCROLE, ROLE, type Period, type Report, factId } from '../model';
import { dimensionsOf, isClarkName, oimUnit, prefixer } from '../xbrl/aspects';
import { compareText } from '../util/compare-text';
import { toCsv } from '../util/csv';
import { oimNamespaces } from './to-xbrl-json';

export const XBRL_CSV_DOCUMENT_TYPE = 'https://xbrl.org/2021/xbrl-csv';

/**
 * A period in xBRL-CSV's short forms (xBRL-CSV 1.0 §4.6.6): a duration as inclusive dates
 * `2003-10-01..2003-12-31`; an instant as the end of its day, `2003-12-31@end` (a bare date would
 * be a one-day duration); forever as no period at all (an empty cell).
 */
export function csvPeriod(p: Period): string {
  if (p.type === 'instant') return `${p.instant}@end`;
  if (p.type === 'duration') return `${p.start}..${p.end}`;
  return '';
}

/** A fact value as a CSV cell: `#nil`, `#empty`, and a leading `#` doubled (xBRL-CSV 1.0 §4.6.1). */
export function csvValue(v: string | null): string {
  if (v === null) return '#nil';
  if (v === '') return '#empty';
  return v.startsWith('#') ? `#${v}` : v;
}

/** The fact id xBRL-CSV gives a cell: `<table>.r_<row id>.<column>` (as Arelle forms it). */
export const csvFactId = (table: string, rowId: string, column: string): string => `${table}.r_${rowId}.${column}`;

export interface XbrlCsvNames {
  /** The metadata file; the tables are named after it. */
  metadata: string;
  facts: string;
  notes: string;
}

export function xbrlCsvNames(base: string): XbrlCsvNames {
  return {
    metadata: `${base}.xbrl-csv.json`,
    facts: `${base}.xbrl-csv.facts.csv`,
    notes: `${base}.xbrl-csv.notes.csv`,
  };
}

/**
 * Report → xBRL-CSV 1.0: a metadata JSON and two CSV tables. `facts` is one long table, a row per
 * fact (id, concept, period, unit, decimals, language, value), the layout bulk loaders want: one
 * fixed set of columns for every fact, no pivoting; `notes` holds the footnotes, linked to the facts
 * by the report's `links`. Each fact appears exactly once, so the report equals the xBRL-JSON.
 */
/** One column per dimension any fact uses (`dim_<local name>`, numbered when two local names clash), in QName order. */
function dimensionColumns(report: Report, q: (c: string) => string): { dimension: string; column: string }[] {
  const all = new Set<string>();
  for (const f of report.facts) for (const [d] of dimensionsOf(f)) all.add(d);
  const used = new Set<string>();
  return [...all]
    .sort((a, b) => compareText(q(a), q(b)))
    .map((dimension) => {
      const base = `dim_${q(dimension)
        .split(':')
        .pop()!
        .replace(/[^A-Za-z0-9_.-]/g, '_')}`;
      let column = base;
      for (let i = 2; used.has(column); i++) column = `${base}_${i}`;
      used.add(column);
      return { dimension, column };
    });
}

/** The facts table's columns: the core ones, the entity when facts name several, one per dimension; the value column's dimensions point at them. */
function columnsOf(
  oneEntity: boolean,
  dimCols: { dimension: string; column: string }[],
  q: (c: string) => string,
): Record<string, unknown> {
  const factColumns: Record<string, unknown> = {
    id: {},
    concept: {},
    period: {},
    unit: {},
    decimals: {},
    language: {},
  };
  if (!oneEntity) factColumns.entity = {};
  for (const c of dimCols) factColumns[c.column] = {};
  const dims: Record<string, string> = { concept: '$concept', period: '$period', unit: '$unit', language: '$language' };
  if (!oneEntity) dims.entity = '$entity';
  // An empty cell: the fact has no value for that dimension.
  for (const c of dimCols) dims[q(c.dimension)] = `$${c.column}`;
  factColumns.value = { dimensions: dims, decimals: '$decimals' };
  return factColumns;
}

export function toXbrlCsv(report: Report, names: XbrlCsvNames): Map<string, string> {
  const q = prefixer(report.namespaces);
  const { namespaces, entity } = oimNamespaces(report);
  const entities = new Set(report.facts.map(entity));
  const oneEntity = entities.size <= 1;
  const dimCols = dimensionColumns(report, q);
  const header = [
    'id',
    'concept',
    ...(oneEntity ? [] : ['entity']),
    ...dimCols.map((c) => c.column),
    'period',
    'unit',
    'decimals',
    'language',
    'value',
  ];
  const rows: string[][] = [header];
  const links: Record<string, string[]> = {};
  const noted = new Set<string>();
  for (const f of report.facts) {
    const unit = f.unit ? (oimUnit(f.unit, q) ?? '') : '';
    const decimals = f.value !== null && typeof f.decimals === 'number' ? String(f.decimals) : '';
    rows.push([
      factId(f),
      q(f.concept),
      ...(oneEntity ? [] : [entity(f)]),
      ...dimCols.map((c) => {
        const m = f.dimensions?.[c.dimension];
        return m === undefined ? '' : isClarkName(m) ? q(m) : csvValue(m);
      }),
      csvPeriod(f.period),
      unit,
      decimals,
      f.language?.toLowerCase() ?? '',
      csvValue(f.value),
    ]);
    if (f.footnotes?.length) {
      links[csvFactId('facts', factId(f), 'value')] = f.footnotes.map((n) => csvFactId('notes', n, 'note'));
      for (const n of f.footnotes) noted.add(n);
    }
  }
  const notes = report.footnotes.filter((n) => noted.has(n.id));
  const factColumns = columnsOf(oneEntity, dimCols, q);
  const factsTemplate: Record<string, unknown> = { rowIdColumn: 'id', columns: factColumns };
  if (oneEntity && report.facts.length) factsTemplate.dimensions = { entity: [...entities][0] };
  const documentInfo: Record<string, unknown> = {
    documentType: XBRL_CSV_DOCUMENT_TYPE,
    namespaces,
    taxonomy: [...report.taxonomy],
  };
  const tableTemplates: Record<string, unknown> = { facts: factsTemplate };
  const tables: Record<string, unknown> = { facts: { url: names.facts, template: 'facts' } };
  const metadata: Record<string, unknown> = { documentInfo, tableTemplates, tables };
  let notesCsv: string | undefined;
  if (notes.length) {
    documentInfo.linkTypes = { footnote: ARCROLE.factFootnote };
    documentInfo.linkGroups = { _: ROLE.link };
    tableTemplates.notes = {
      rowIdColumn: 'id',
      columns: { id: {}, language: {}, note: { dimensions: { concept: 'xbrl:note', language: '$language' } } },
    };
    tables.notes = { url: names.notes, template: 'notes' };
    metadata.links = { footnote: { _: links } };
    notesCsv = toCsv([
      ['id', 'language', 'note'],
      ...notes.map((n) => [n.id, n.language.toLowerCase(), csvValue(n.text)]),
    ]);
  }
  const out = new Map<string, string>([
    [names.metadata, `${JSON.stringify(metadata, null, 2)}\n`],
    [names.facts, toCsv(rows)],
  ]);
  if (notesCsv !== undefined) out.set(names.notes, notesCsv);
  return out;
}
