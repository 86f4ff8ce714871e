import type { Release, Row, Table } from '../model';
import { labelKey, normalizeLabel } from '../release';
import type { MapRow, MapTable, MapTableKind, ReleaseMap } from './release-map';
import { tableKind } from './resolve-column';
import type { TaxonomySource } from './taxonomy-source';
import { compareText } from '../util/compare-text';

/** Edit distance between two strings (code points), divided by the longer length: 0 same … 1 nothing shared. */
export function normalizedDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  if (x.length === 0 && y.length === 0) return 0;
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++)
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[y.length] / Math.max(x.length, y.length);
}

export interface KnownLabel {
  label: string;
  concept: string;
  lang: 'en' | 'ja';
  table: string;
  section?: string;
}

/** Labels worth suggesting for a row of `map`: its own rows and those of the tables of the same role in either language. */
export function knownLabels(map: MapTable, rmap: ReleaseMap): KnownLabel[] {
  const related = rmap.tables.filter(
    (t) =>
      t === map || (map.role !== undefined && t.role === map.role) || (map.kind !== 'metrics' && t.kind === map.kind),
  );
  return related.flatMap((t) =>
    t.rows
      .filter((r) => r.concept && !r.group)
      .flatMap((r) =>
        (Array.isArray(r.label) ? r.label : [r.label]).map((label) => ({
          label,
          concept: r.concept as string,
          lang: t.lang,
          table: t.id,
          section: r.section,
        })),
      ),
  );
}

/** Up to `n` known labels closest to `label` (normalised edit distance ≤ `limit`), closest first. */
export function closestLabels(
  label: string,
  known: KnownLabel[],
  n = 3,
  limit = 0.5,
): (KnownLabel & { distance: number })[] {
  const k = labelKey(label);
  const best = new Map<string, KnownLabel & { distance: number }>();
  for (const c of known) {
    const distance = normalizedDistance(k, labelKey(c.label));
    if (distance > limit) continue;
    const prior = best.get(c.concept);
    if (!prior || distance < prior.distance) best.set(c.concept, { ...c, distance });
  }
  return [...best.values()].sort((a, b) => a.distance - b.distance || compareText(a.label, b.label)).slice(0, n);
}

/** `Dial-up access services` → `DialUpAccessServices`; a label with no Latin letters gives undefined. */
export function conceptNameFor(label: string): string | undefined {
  const words = normalizeLabel(label)
    .text.replace(/[()（）:：,.+&'"]/g, ' ')
    .split(/[\s\-/]+/)
    .filter((w) => /^[A-Za-z0-9]+$/.test(w));
  if (words.length === 0) return undefined;
  const name = words.map((w) => w[0].toUpperCase() + w.slice(1)).join('');
  return /^[A-Z]/.test(name) ? name : `Item${name}`;
}

export interface RowSuggestion {
  table: string;
  line: number;
  row: MapRow;
  /** How the concept was found: same figures elsewhere in the release, a close label, or a new concept. */
  basis: 'sameFigures' | 'closeLabel' | 'newConcept';
  note: string;
}

export interface TableSuggestion {
  line: number;
  table: MapTable;
}

export interface ConceptProposal {
  name: string;
  labels: { en?: string; ja?: string };
  line: number;
}

export interface Suggestions {
  tables: TableSuggestion[];
  rows: RowSuggestion[];
  concepts: ConceptProposal[];
}

/** A row's figures as printed, the fingerprint that identifies the same line item in another table or language. */
const fingerprint = (row: Row): string | undefined => {
  const cells = row.cells.map((c) => c.text).filter((t) => /\d/.test(t));
  return cells.length >= 2 ? cells.join('|') : undefined;
};

interface Placed {
  table: Table;
  map?: MapTable;
  row: Row;
  mapped?: MapRow;
}

/**
 * Ready-to-paste mapping entries for every table and row the mapping does not know. A row whose
 * figures another, mapped row of the release prints identically (the same line item in the other
 * language) takes that row's concept; else the closest known label's concept, when close enough;
 * else a new concept, named from the English label (the other language's row with the same
 * figures supplies it for a Japanese row), to be added to the taxonomy.
 */
export function suggestMappings(
  release: Release,
  rmap: ReleaseMap,
  tax: TaxonomySource,
  match: (t: Table) => MapTable | undefined,
  findRow: (row: Row, map: MapTable) => MapRow | undefined,
): Suggestions {
  const placed: Placed[] = release.tables.flatMap((table) => {
    const map = match(table);
    return table.rows.map((row) => ({ table, map, row, mapped: map ? findRow(row, map) : undefined }));
  });
  const byFigures = new Map<string, Placed[]>();
  for (const p of placed) {
    const f = fingerprint(p.row);
    if (f) byFigures.set(f, [...(byFigures.get(f) ?? []), p]);
  }
  const out: Suggestions = { tables: [], rows: [], concepts: [] };
  const proposed = new Map<string, ConceptProposal>();
  const conceptFor = (p: Placed, map: MapTable | undefined): Omit<RowSuggestion, 'table' | 'line'> | undefined => {
    const label = normalizeLabel(p.row.label.text).text;
    if (!p.row.cells.some((c) => /\d/.test(c.text)))
      return { row: { label, group: true }, basis: 'closeLabel', note: 'a heading row (no figures)' };
    const twins = (byFigures.get(fingerprint(p.row) ?? '') ?? []).filter((o) => o !== p && o.mapped?.concept);
    if (twins.length) {
      const t = twins[0];
      return {
        row: { label, concept: t.mapped!.concept },
        basis: 'sameFigures',
        note: `same figures as "${normalizeLabel(t.row.label.text).text}" (line ${t.row.line})`,
      };
    }
    const near = map ? closestLabels(label, knownLabels(map, rmap), 1, 0.34)[0] : undefined;
    if (near)
      return {
        row: { label, concept: near.concept },
        basis: 'closeLabel',
        note: `close to "${near.label}" (${near.lang}, distance ${near.distance.toFixed(2)})`,
      };
    return undefined;
  };
  const propose = (p: Placed): RowSuggestion['row'] => {
    const label = normalizeLabel(p.row.label.text).text;
    const other = (byFigures.get(fingerprint(p.row) ?? '') ?? []).find((o) => o !== p && o.table.lang !== p.table.lang);
    const en = p.table.lang === 'en' ? label : other ? normalizeLabel(other.row.label.text).text : undefined;
    const ja = p.table.lang === 'ja' ? label : other ? normalizeLabel(other.row.label.text).text : undefined;
    let name = (en && conceptNameFor(en)) ?? `ProposedConceptLine${p.row.line}`;
    if (tax.concepts.has(name)) name = `${name}New`;
    if (!proposed.has(name)) proposed.set(name, { name, labels: { en, ja }, line: p.row.line });
    return { label, concept: name };
  };
  for (const table of release.tables) {
    const rows = placed.filter((p) => p.table === table);
    const map = rows[0]?.map ?? match(table);
    if (!map) {
      out.tables.push({
        line: table.firstLine,
        table: newTable(
          table,
          rows.map((p) => conceptFor(p, undefined)?.row ?? propose(p)),
        ),
      });
      continue;
    }
    for (const p of rows) {
      if (p.mapped) continue;
      const s = conceptFor(p, map);
      out.rows.push(
        s
          ? { table: map.id, line: p.row.line, ...s }
          : {
              table: map.id,
              line: p.row.line,
              row: propose(p),
              basis: 'newConcept',
              note: 'no known row prints these figures or a close label; add the concept to taxonomy/src/concepts.json',
            },
      );
    }
  }
  out.concepts = [...proposed.values()];
  return out;
}

const KIND_OF: Record<string, MapTableKind> = {
  quarter: 'quarterStatement',
  yearToDate: 'cumulativeStatement',
  instant: 'balanceSheet',
  byQuarterCode: 'metrics',
};

function newTable(table: Table, rows: MapRow[]): MapTable {
  const titleLine =
    [...table.preamble].reverse().find((p) => /^(Table \d+\.|表 ?\d+\.)/.test(p.text)) ??
    table.preamble[table.preamble.length - 1];
  const title = titleLine ? `^${titleLine.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}` : '^';
  const kind = KIND_OF[tableKind(table) ?? 'byQuarterCode'] ?? 'metrics';
  return { id: `${table.lang}-table-line-${table.firstLine}`, lang: table.lang, kind, title, rows };
}
