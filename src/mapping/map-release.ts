import {
  NS,
  clark,
  diag,
  type Cell,
  type Diagnostic,
  type Entity,
  type Period,
  type Release,
  type ReleaseNote,
  type Row,
  type Table,
  type Unit,
} from '../model';
import { headerCellReading, isProse, labelKey, normalizeLabel, readNumber, type Figure } from '../release';
import { addDays } from '../xbrl/dates';
import { FootnoteRegistry, findNote } from './footnotes';
import type { MapRow, MapTable, MapTableKind, ReleaseMap } from './release-map';
import { resolveColumns, tableKind, type ColumnSpec, type TableKind } from './resolve-column';
import { readScale, type TableScale } from './scale';
import type { SourceConcept, TaxonomySource } from './taxonomy-source';
import type { LangCoverage, MapResult, MappedFact, Occurrence, ResolvedTable } from './types';
import { isNumericKind, isScaledKind, unitFor } from './units';
import { periodKey, unitId as unitKey } from '../xbrl/aspects';
import { documentInfoFacts } from './document-info';
import { closestLabels, knownLabels } from './suggest';
import type { MapOptions } from './types';
import { duplicateClass, shiftDecimal } from '../util/exact';
import { compareText } from '../util/compare-text';

export type { MapOptions };

interface Candidate {
  concept: SourceConcept;
  period: Period;
  unit?: Unit;
  occurrence: Occurrence;
  footnotes: Set<string>;
  order: number;
}

/** The period kind each table kind's heading states (metrics tables are by quarter code). */
const PERIOD_OF: Record<MapTableKind, TableKind | undefined> = {
  quarterStatement: 'quarter',
  cashFlows: 'quarter',
  cumulativeStatement: 'yearToDate',
  balanceSheet: 'instant',
  metrics: undefined,
};

/** The heading block from the title line down: title, period and scale lines (prose and notes above it excluded). */
function headingBlock(table: Table, titleIndex: number): { text: string; line: number }[] {
  let blockStart = table.preamble.length;
  while (blockStart > 0 && !isProse(table.preamble[blockStart - 1].text)) blockStart--;
  return table.preamble.slice(Math.min(titleIndex, blockStart));
}

/**
 * The mapping table for a release table: its title matches, and the period its heading states is
 * the one the mapping table's kind requires (so the quarter and the cumulative statement, titled
 * alike, are told apart by "Three Months" vs "Six|Nine|Twelve Months", 四半期 vs 累計/通期).
 */
export function matchTable(
  table: Table,
  maps: MapTable[],
): { map?: MapTable; titleIndex: number; matches: MapTable[]; titled: MapTable[] } {
  const matches: { m: MapTable; idx: number }[] = [];
  const titled: MapTable[] = [];
  for (const m of maps) {
    if (m.lang !== table.lang) continue;
    const re = new RegExp(m.title);
    const idx = table.preamble.findIndex((p) => re.test(p.text));
    if (idx < 0) continue;
    if (m.subtitle && !table.preamble.some((p) => new RegExp(m.subtitle as string).test(p.text))) continue;
    titled.push(m);
    const want = PERIOD_OF[m.kind];
    if (want && tableKind(table, headingBlock(table, idx)) !== want) continue;
    matches.push({ m, idx });
  }
  return {
    map: matches.length === 1 ? matches[0].m : undefined,
    titleIndex: matches[0]?.idx ?? -1,
    matches: matches.map((x) => x.m),
    titled,
  };
}

const labelIndexes = new WeakMap<MapTable, Map<string, MapRow[]>>();

export function findRow(row: Row, map: MapTable): MapRow | undefined {
  let index = labelIndexes.get(map);
  if (!index) {
    index = new Map();
    for (const r of map.rows) {
      for (const l of Array.isArray(r.label) ? r.label : [r.label]) {
        const k = labelKey(l);
        index.set(k, [...(index.get(k) ?? []), r]);
      }
    }
    labelIndexes.set(map, index);
  }
  const section = row.section?.toLowerCase();
  const candidates = index.get(labelKey(row.label.text)) ?? [];
  return (
    candidates.find((r) => r.section !== undefined && labelKey(r.section) === section) ??
    candidates.find((r) => r.section === undefined)
  );
}

/** Intervals [v − ½·10^−d, v + ½·10^−d] of two stated figures share a point (and equal decimals mean equal values). */
export function consistent(a: { value: string; decimals: number }, b: { value: string; decimals: number }): boolean {
  return duplicateClass([a, b]) !== 'inconsistent'; // decided as the validator decides duplicate facts
}

/**
 * Tables + mapping + taxonomy → facts. Every figure cell becomes a fact, a provenance entry of one,
 * or a derived figure; anything else is a coded error at the cell.
 */
export function mapRelease(release: Release, rmap: ReleaseMap, tax: TaxonomySource, opts: MapOptions): MapResult {
  const run = new ReleaseMapper(release, rmap, tax, opts);
  for (const table of release.tables) if (run.wanted(table.lang)) run.mapTable(table);
  return run.finish();
}

/** A mapped release table while its rows are read: what every row and cell of it needs. */
interface TableRun {
  table: Table;
  map: MapTable;
  title: string;
  figures: Figure[][];
  specs: ColumnSpec[];
  /** Power of ten per currency, from the heading block's scale line. */
  scale: TableScale;
  /** Per column: the footnote marks of its last header line. */
  columnMarks: string[][];
  cov: LangCoverage;
  seenRows: Set<MapRow>;
  rowInfo: ResolvedTable['rows'];
}

/** A mapped row while its cells are read: its concept, mapping row, label and the notes its marks point to. */
interface RowRun {
  t: TableRun;
  mrow: MapRow;
  concept: SourceConcept;
  label: string;
  rowNotes: ReleaseNote[];
}

/** One mapping run over a release: the state mapRelease accumulates, table by table. */
class ReleaseMapper {
  readonly file: string;
  readonly diagnostics: Diagnostic[] = [];
  private readonly entity: Entity;
  private readonly notes: FootnoteRegistry;
  private readonly candidates: Candidate[] = [];
  private readonly resolved: ResolvedTable[] = [];
  private readonly coverage: Record<string, LangCoverage> = {};
  private readonly foundRows = new Map<string, Set<MapRow>>();

  constructor(
    private readonly release: Release,
    private readonly rmap: ReleaseMap,
    private readonly tax: TaxonomySource,
    private readonly opts: MapOptions,
  ) {
    this.file = release.file;
    this.entity = { scheme: rmap.entity.scheme, identifier: rmap.entity.identifier };
    this.notes = new FootnoteRegistry(this.file);
  }

  readonly wanted = (lang: 'en' | 'ja'): boolean => this.opts.lang === 'both' || this.opts.lang === lang;

  private at(line: number, column: number) {
    return { file: this.file, line, column };
  }

  /** One release table: matched to its mapping table, its columns resolved, each row and cell mapped. */
  mapTable(table: Table): void {
    const cov = (this.coverage[table.lang] ??= { cells: 0, facts: 0, provenance: 0, derived: 0, unaccounted: 0 });
    const figures: Figure[][] = table.rows.map((r) => r.cells.map((c) => readNumber(c.text)));
    for (const fr of figures)
      for (const f of fr) if (f.kind === 'number' || f.kind === 'dash' || f.kind === 'invalid') cov.cells++;
    const { map, titleIndex, matches, titled } = matchTable(table, this.rmap.tables);
    if (!map) {
      this.unmappedTable(table, matches, titled);
      for (const fr of figures) for (const f of fr) if (f.kind !== 'empty') cov.unaccounted++;
      return;
    }
    const seenRows = this.foundRows.get(map.id) ?? new Set<MapRow>();
    this.foundRows.set(map.id, seenRows);
    const title = table.preamble[titleIndex].text;
    // The table's heading block (title, period and scale lines) describes it; prose or notes above
    // it may mention "millions" or "四半期" and must not count.
    const context = headingBlock(table, titleIndex);
    const specs = resolveColumns(table, this.rmap.fiscalYearEndMonth, context);
    const rowInfo: ResolvedTable['rows'] = table.rows.map(() => undefined);
    this.resolved.push({ table, id: map.id, title, specs, figures, rows: rowInfo });
    this.checkColumns(table, specs, figures);
    const columnMarks = table.columns.map((c) => normalizeLabel(c.headers[c.headers.length - 1] ?? '').marks);
    const t: TableRun = {
      table,
      map,
      title,
      figures,
      specs,
      scale: readScale(context),
      columnMarks,
      cov,
      seenRows,
      rowInfo,
    };
    table.rows.forEach((row, r) => this.mapRow(t, row, r));
  }

  private unmappedTable(table: Table, matches: MapTable[], titled: MapTable[]): void {
    const first = table.preamble[table.preamble.length - 1];
    this.diagnostics.push(
      diag(
        matches.length ? 'release:ambiguousTable' : 'release:unmappedTable',
        'error',
        matches.length
          ? `The table matches ${matches.length} mapping tables (${matches.map((m) => m.id).join(', ')}); expected exactly one.`
          : titled.length
            ? `The table's title matches ${titled.map((m) => `${m.id} (${m.kind})`).join(', ')}, but its heading states no period of that kind (${[...new Set(titled.map((m) => PERIOD_OF[m.kind]))].join(' or ')}).`
            : `No mapping table matches this table's title lines; expected one of the titles in mapping/release-map.json.`,
        {
          source: this.at(first?.line ?? table.firstLine, 1),
          actual: table.preamble
            .map((p) => p.text)
            .slice(-3)
            .join(' / '),
          expected: 'a title matched by one mapping table',
        },
      ),
    );
  }

  /** Columns whose period cannot be told, or is told two ways, or ends mid-month. */
  private checkColumns(table: Table, specs: ColumnSpec[], figures: Figure[][]): void {
    specs.forEach((s, i) => {
      const head = table.headerRows[table.headerRows.length - 1]?.cells[i] ?? { line: table.firstLine, column: 1 };
      if (s.kind === 'unresolved' && figures.some((fr) => fr[i].kind !== 'empty')) {
        this.diagnostics.push(
          diag('release:unresolvedPeriod', 'error', `Cannot tell the period of column ${i + 1}: ${s.reason}.`, {
            source: this.at(head.line, head.column),
            actual: s.header || '(empty header)',
            expected: 'a quarter code (3Q03), a date (Dec 31, 2003) or 2003年12月期',
          }),
        );
      }
      if (s.kind === 'value' && s.conflict) {
        const cell = headerCellReading(table, i, s.conflict.header) ?? head;
        this.diagnostics.push(
          diag('release:periodConflict', 'error', `Column ${i + 1}: ${s.conflict.message}.`, {
            source: this.at(cell.line, cell.column),
            related: s.conflict.line ? [this.at(s.conflict.line, 1)] : undefined,
            expected: `a heading and column dates that state the same period`,
            actual: `${s.conflict.text} / ${s.header}`,
          }),
        );
      }
      if (s.kind === 'value' && s.warning) {
        this.diagnostics.push(
          diag('release:periodEndNotMonthEnd', 'warning', `Column ${i + 1}: ${s.warning}.`, {
            source: this.at(head.line, head.column),
            actual: s.header,
          }),
        );
      }
    });
  }

  /** One row: found in the mapping (or reported with the closest known labels), then its cells. */
  private mapRow(t: TableRun, row: Row, r: number): void {
    const mrow = findRow(row, t.map);
    if (mrow) t.seenRows.add(mrow);
    const present = t.figures[r].filter((f) => f.kind !== 'empty').length;
    const label = normalizeLabel(row.label.text).text;
    if (!mrow) {
      this.unmappedRow(t.map, row, label);
      t.cov.unaccounted += present;
      return;
    }
    if (mrow.group || !mrow.concept) {
      if (present) {
        const c = row.cells[t.figures[r].findIndex((f) => f.kind !== 'empty')];
        this.diagnostics.push(
          diag('release:figuresInGroupRow', 'error', `Row "${label}" is mapped as a heading but has figures.`, {
            source: this.at(c.line, c.column),
            actual: c.text,
            expected: 'no figures on a heading row',
          }),
        );
        t.cov.unaccounted += present;
      }
      return;
    }
    const concept = this.tax.concepts.get(mrow.concept);
    if (!concept) {
      this.diagnostics.push(
        diag(
          'mapping:unknownConcept',
          'error',
          `Mapping row "${label}" names concept ${mrow.concept}, which the taxonomy does not declare.`,
          {
            source: this.at(row.line, row.label.column),
            actual: mrow.concept,
            expected: 'a concept of taxonomy/src/concepts.json',
          },
        ),
      );
      return;
    }
    t.rowInfo[r] = { concept: concept.name, sign: mrow.sign === 'negated' ? -1 : 1 };
    const rowNotes = row.footnoteMarks
      .map((mark) => findNote(this.release, t.table, mark))
      .filter((n) => n !== undefined);
    const rr: RowRun = { t, mrow, concept, label, rowNotes };
    row.cells.forEach((cell, i) => {
      if (!this.mapCell(rr, cell, t.figures[r][i], i)) t.cov.unaccounted++;
    });
  }

  private unmappedRow(map: MapTable, row: Row, label: string): void {
    const near = closestLabels(label, knownLabels(map, this.rmap));
    const hint = near.length
      ? `Closest known labels: ${near.map((n) => `"${n.label}" (${n.concept}, ${n.lang} ${n.table}, distance ${n.distance.toFixed(2)})`).join('; ')}. Run \`iij-xbrl mapping suggest\` for ready-to-paste entries.`
      : 'No known label is close; run `iij-xbrl mapping suggest` for a ready-to-paste entry (a new concept).';
    this.diagnostics.push(
      diag(
        'release:unmappedRow',
        'error',
        `Row "${label}" of ${map.id} has no mapping${row.section ? ` (section "${row.section}")` : ''}${near.length ? `; did you mean "${near[0].label}" (${near[0].concept})?` : '.'}`,
        {
          source: this.at(row.line, row.label.column),
          actual: label,
          expected: `a row of mapping table ${map.id}`,
          hint,
          concept: near[0]?.concept,
        },
      ),
    );
  }

  /** One figure cell of a mapped row: a candidate fact, a derived figure, or nothing. False: the figure is unaccounted for. */
  private mapCell(rr: RowRun, cell: Cell, f: Figure, i: number): boolean {
    const { t, concept, label } = rr;
    const s = t.specs[i];
    if (f.kind === 'empty') return true;
    if (f.kind === 'invalid') {
      this.diagnostics.push(
        diag('release:invalidNumber', 'error', `Cell "${cell.text}" in row "${label}" is not a figure (${f.reason}).`, {
          source: this.at(cell.line, cell.column),
          actual: cell.text,
          expected: 'a figure such as 3,204, (566,520), 25.83, (5.9%) or -',
        }),
      );
      return false;
    }
    if (s.kind === 'derived') {
      t.cov.derived++;
      return true;
    }
    if (s.kind === 'unresolved' || !isNumericKind(concept.type)) return false;
    if (f.kind === 'number' && f.percent) {
      this.diagnostics.push(
        diag('release:unexpectedPercent', 'error', `A percent figure in a value column (row "${label}").`, {
          source: this.at(cell.line, cell.column),
          actual: cell.text,
          expected: 'an amount',
        }),
      );
      return false;
    }
    const currency = s.currency ?? 'JPY';
    const power = this.powerOf(t, rr, cell, currency);
    if (power === undefined) return false;
    const period = this.periodOf(rr, s, cell, i);
    if (!period) return false;
    // The figure's value: its digits, signed as printed and as mapped, times the scale (exact string arithmetic; zero is `0`).
    const places = f.kind === 'dash' ? 0 : f.places;
    const value =
      f.kind === 'dash'
        ? '0'
        : shiftDecimal(`${f.negative !== (rr.mrow.sign === 'negated') ? '-' : ''}${f.digits}`, power);
    const fnIds = new Set<string>();
    for (const n of rr.rowNotes) fnIds.add(this.notes.idFor(n));
    for (const mark of t.columnMarks[i]) {
      const n = findNote(this.release, t.table, mark);
      if (n) fnIds.add(this.notes.idFor(n));
    }
    this.candidates.push({
      concept,
      period,
      unit: unitFor(concept.type, currency, this.tax.namespace),
      footnotes: fnIds,
      order: this.candidates.length,
      occurrence: {
        table: t.map.id,
        tableTitle: t.title,
        lang: t.table.lang,
        row: label,
        column: s.header,
        line: cell.line,
        col: cell.column,
        printed: cell.text,
        value,
        decimals: places - power,
      },
    });
    return true;
  }

  /** The power of ten a cell's figure is printed in: the table's scale for amounts, 0 for the rest; undefined (reported) when it cannot be told. */
  private powerOf(t: TableRun, rr: RowRun, cell: Cell, currency: 'JPY' | 'USD'): number | undefined {
    const kind = rr.concept.type;
    if (isScaledKind(kind)) {
      const p = t.scale[currency];
      if (p === undefined) {
        this.diagnostics.push(
          diag(
            'release:missingScale',
            'error',
            `Table ${t.map.id} states no scale for ${currency} amounts (expected e.g. "(JPY in millions)" or "(Expressed in Thousands of …)").`,
            {
              source: this.at(cell.line, cell.column),
              actual: cell.text,
              expected: `a ${currency} scale line above the table`,
            },
          ),
        );
      }
      return p;
    }
    if (currency === 'USD' && kind !== 'perShare' && kind !== 'perAds') {
      this.diagnostics.push(
        diag('release:unexpectedCurrency', 'error', `A ${kind} figure in a USD column (row "${rr.label}").`, {
          source: this.at(cell.line, cell.column),
          actual: cell.text,
        }),
      );
      return undefined;
    }
    return 0;
  }

  /** The period of a cell's fact: its column's, or the day before its start for opening balances; undefined (reported) when the column does not fit the concept. */
  private periodOf(rr: RowRun, s: Extract<ColumnSpec, { kind: 'value' }>, cell: Cell, i: number): Period | undefined {
    const { concept, label } = rr;
    if (concept.periodType === 'instant') {
      if (rr.mrow.period !== 'start') return { type: 'instant', instant: s.end };
      if (s.start) return { type: 'instant', instant: addDays(s.start, -1) };
      this.diagnostics.push(
        diag(
          'mapping:periodMismatch',
          'error',
          `Row "${label}" is mapped to a period start, but column ${i + 1} is an instant.`,
          { source: this.at(cell.line, cell.column) },
        ),
      );
      return undefined;
    }
    if (s.start) return { type: 'duration', start: s.start, end: s.end };
    this.diagnostics.push(
      diag(
        'mapping:periodMismatch',
        'error',
        `Concept ${concept.name} is a duration, but column ${i + 1} ("${s.header}") is an instant.`,
        { source: this.at(cell.line, cell.column), expected: 'a column for a period of time', actual: s.header },
      ),
    );
    return undefined;
  }

  /** After the last table: facts merged from their candidates, the document facts, facts sorted and named. */
  finish(): MapResult {
    const { rmap, tax, file, diagnostics } = this;
    const facts = mergeCandidates(this.candidates, tax, this.entity, file, this.coverage);
    facts.push(...documentInfoFacts(this.release, rmap, tax, this.entity, facts, this.opts, diagnostics));
    sortAndName(facts, tax);
    return {
      facts,
      footnotes: this.notes.list,
      tables: this.resolved,
      coverage: this.coverage,
      diagnostics,
      found: this.foundRows,
    };
  }
}

/** Facts in taxonomy order, then by period and unit; each named `f-<concept>-<period>[-<unit>]` (a counter after repeats). */
function sortAndName(facts: MappedFact[], tax: TaxonomySource): void {
  // Sort keys computed once per fact.
  const keys = new Map(
    facts.map((f) => [
      f,
      { order: tax.order.get(f.name) ?? 0, period: periodKey(f.period), unit: f.unit ? unitKey(f.unit) : '' },
    ]),
  );
  facts.sort((a, b) => {
    const ka = keys.get(a)!;
    const kb = keys.get(b)!;
    return ka.order - kb.order || compareText(ka.period, kb.period) || compareText(ka.unit, kb.unit);
  });
  const seen = new Map<string, number>();
  for (const f of facts) {
    const k = keys.get(f)!;
    const base = `f-${f.name}-${k.period}${k.unit && k.unit !== 'JPY' ? `-${k.unit}` : ''}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    f.id = n === 1 ? base : `${base}-${n}`;
  }
}

/**
 * One fact per concept, period and unit, from the most precise occurrence (ties: the first); every
 * occurrence is kept as provenance (the release checks compare the others with it).
 */
function mergeCandidates(
  cands: Candidate[],
  tax: TaxonomySource,
  entity: Entity,
  file: string,
  coverage: Record<string, LangCoverage>,
): MappedFact[] {
  const groups = new Map<string, Candidate[]>();
  for (const c of cands) {
    const key = `${c.concept.name}|${periodKey(c.period)}|${c.unit ? unitKey(c.unit) : ''}`;
    const g = groups.get(key);
    if (g) g.push(c);
    else groups.set(key, [c]);
  }
  const facts: MappedFact[] = [];
  for (const g of groups.values()) {
    // Most precise first; among equals the English statement, since the English part is the filing.
    const rank = (c: Candidate) => c.occurrence.decimals * 2 + (c.occurrence.lang === 'en' ? 1 : 0);
    const best = g.reduce((a, b) => (rank(b) > rank(a) ? b : a));
    const footnotes = new Set<string>();
    for (const c of g) {
      for (const id of c.footnotes) footnotes.add(id);
      coverage[c.occurrence.lang][c === best ? 'facts' : 'provenance']++;
    }
    const b = best.occurrence;
    facts.push({
      id: '',
      name: best.concept.name,
      concept: clark(tax.namespace, best.concept.name),
      entity,
      period: best.period,
      unit: best.unit,
      value: b.value,
      decimals: b.decimals,
      footnotes: [...footnotes].sort((x, y) => Number(x.slice(2)) - Number(y.slice(2))),
      source: { file, line: b.line, column: b.col },
      provenance: [...g].sort((x, y) => x.order - y.order).map((c) => c.occurrence),
    });
  }
  return facts;
}

export { NS };
