import { ARCROLE, ROLE, type Fact, type Period, type Report, factId } from '../model';
import { oimUnit, prefixer } from '../xbrl/aspects';
import { toCsv } from '../util/csv';
import { oimNamespaces } from './to-xbrl-json';
import { dimensionEntries, typedMember } from '../xbrl/dimensions';

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
export function toXbrlCsv(report: Report, names: XbrlCsvNames): Map<string, string> {
  const q = prefixer(report.namespaces);
  const { namespaces, entity } = oimNamespaces(report);
  const entities = new Set(report.facts.map(entity));
  const oneEntity = entities.size <= 1;
  const dimColumns = dimensionColumns(report, q);
  const { rows, links, noted } = factRows(report, q, entity, oneEntity, dimColumns);
  const notes = report.footnotes.filter((n) => noted.has(n.id));
  const factColumns: Record<string, unknown> = {
    id: {},
    concept: {},
    period: {},
    unit: {},
    decimals: {},
    language: {},
  };
  if (!oneEntity) factColumns.entity = {};
  for (const c of dimColumns.values()) factColumns[c] = {};
  const dims: Record<string, string> = { concept: '$concept', period: '$period', unit: '$unit', language: '$language' };
  for (const [dim, c] of dimColumns) dims[q(dim)] = `$${c}`;
  if (!oneEntity) dims.entity = '$entity';
  factColumns.value = { dimensions: dims, decimals: '$decimals' };
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

/**
 * One column per taxonomy-defined dimension the report uses (none when it has none, so reports
 * without dimensions keep their columns): dimension → column name (`dim_` and its local name, numbered
 * when two dimensions share one), in the order of the dimensions' QNames.
 */
function dimensionColumns(report: Report, q: (c: string) => string): Map<string, string> {
  const dims = new Set<string>();
  for (const f of report.facts) for (const [d] of dimensionEntries(f)) dims.add(d);
  const out = new Map<string, string>();
  const used = new Set<string>();
  for (const d of [...dims].sort((a, b) => (q(a) < q(b) ? -1 : q(a) > q(b) ? 1 : 0))) {
    const base = `dim_${q(d).slice(q(d).indexOf(':') + 1)}`;
    let name = base;
    for (let i = 2; used.has(name); i++) name = `${base}_${i}`;
    used.add(name);
    out.set(d, name);
  }
  return out;
}

/** A fact's cells in the dimension columns: an explicit member's QName, a typed member's text, empty when the fact has no value for it. */
function dimensionCells(f: Fact, columns: Map<string, string>, q: (c: string) => string): string[] {
  if (!columns.size) return [];
  const own = new Map(dimensionEntries(f));
  return [...columns.keys()].map((d) => {
    const m = own.get(d);
    if (m === undefined) return '';
    const t = typedMember(m);
    return t ? csvValue(t.text) : q(m);
  });
}

/** The facts table: its header and a row per fact; the facts' footnote links and the notes they use. */
function factRows(
  report: Report,
  q: (c: string) => string,
  entity: (f: Fact) => string,
  oneEntity: boolean,
  dimColumns: Map<string, string>,
): { rows: string[][]; links: Record<string, string[]>; noted: Set<string> } {
  const rows: string[][] = [
    [
      'id',
      'concept',
      ...(oneEntity ? [] : ['entity']),
      'period',
      'unit',
      'decimals',
      'language',
      ...dimColumns.values(),
      'value',
    ],
  ];
  const links: Record<string, string[]> = {};
  const noted = new Set<string>();
  for (const f of report.facts) {
    const unit = f.unit ? (oimUnit(f.unit, q) ?? '') : '';
    const decimals = f.value !== null && typeof f.decimals === 'number' ? String(f.decimals) : '';
    rows.push([
      factId(f),
      q(f.concept),
      ...(oneEntity ? [] : [entity(f)]),
      csvPeriod(f.period),
      unit,
      decimals,
      f.language?.toLowerCase() ?? '',
      ...dimensionCells(f, dimColumns, q),
      csvValue(f.value),
    ]);
    if (f.footnotes?.length) {
      links[csvFactId('facts', factId(f), 'value')] = f.footnotes.map((n) => csvFactId('notes', n, 'note'));
      for (const n of f.footnotes) noted.add(n);
    }
  }
  return { rows, links, noted };
}
