import { NS, clark, diag, type Diagnostic, type Entity, type Period, type Release, type Row, type Table, type Unit } from '../model';
import { labelKey, normalizeLabel, readNumber, type Figure } from '../release';
import { addDays } from '../xbrl/dates';
import { FootnoteRegistry, findNote } from './footnotes';
import type { MapRow, MapTable, MapTableKind, ReleaseMap } from './release-map';
import { resolveColumns, tableKind, type TableKind } from './resolve-column';
import { readScale } from './scale';
import type { SourceConcept, TaxonomySource } from './taxonomy-source';
import type { LangCoverage, MapResult, MappedFact, Occurrence, ResolvedTable } from './types';
import { isNumericKind, isScaledKind, unitFor } from './units';
import { periodKey, unitId as unitKey } from '../xbrl/aspects';
import { documentInfoFacts, fiscalFocus } from './document-info';
import { checkCompleteness, type FiscalPeriod } from './completeness';
import { closestLabels, knownLabels } from './suggest';
import type { MapOptions } from './types';
import { abs, add, cmp, halfUnit, parseQ, shiftDecimal, sub } from '../util/exact';

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
  quarterStatement: 'quarter', cashFlows: 'quarter', cumulativeStatement: 'yearToDate', balanceSheet: 'instant', metrics: undefined,
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
export function matchTable(table: Table, maps: MapTable[]): { map?: MapTable; titleIndex: number; matches: MapTable[]; titled: MapTable[] } {
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
  return { map: matches.length === 1 ? matches[0].m : undefined, titleIndex: matches[0]?.idx ?? -1, matches: matches.map((x) => x.m), titled };
}

/** The header cell over column `i` (spanning from the left) that reads `text`. */
function headerCell(table: Table, i: number, text: string): { line: number; column: number } | undefined {
  for (const row of table.headerRows) {
    for (let j = i; j >= 0; j--) {
      const c = row.cells[j];
      if (c && c.text !== '') { if (c.text === text) return c; break; }
    }
  }
  return undefined;
}

const NOTE_LINE = /^([¹²³⁴⁵⁶⁷⁸⁹]|Note\s*\(\d+\)|注記\s*\(\d+\))/;
/** A preamble line that is running text or a note, not part of a table's heading block. */
export function isProse(t: string): boolean {
  return t.length > 100 || (t.length > 60 && /[。.]$/.test(t)) || NOTE_LINE.test(t);
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
  return candidates.find((r) => r.section !== undefined && labelKey(r.section) === section)
    ?? candidates.find((r) => r.section === undefined);
}

/** Intervals [v − ½·10^−d, v + ½·10^−d] of two stated figures share a point (and equal decimals mean equal values). */
export function consistent(a: { value: string; decimals: number }, b: { value: string; decimals: number }): boolean {
  const va = parseQ(a.value);
  const vb = parseQ(b.value);
  if (a.decimals === b.decimals) return cmp(va, vb) === 0;
  return cmp(abs(sub(va, vb)), add(halfUnit(a.decimals), halfUnit(b.decimals))) <= 0;
}

/**
 * Tables + mapping + taxonomy → facts. Every figure cell becomes a fact, a provenance entry of one,
 * or a derived figure; anything else is a coded error at the cell.
 */
export function mapRelease(release: Release, rmap: ReleaseMap, tax: TaxonomySource, opts: MapOptions): MapResult {
  const file = release.file;
  const diagnostics: Diagnostic[] = [];
  const entity: Entity = { scheme: rmap.entity.scheme, identifier: rmap.entity.identifier };
  const notes = new FootnoteRegistry(file);
  const candidates: Candidate[] = [];
  const resolved: ResolvedTable[] = [];
  const coverage: Record<string, LangCoverage> = {};
  const foundRows = new Map<string, Set<MapRow>>();
  const wanted = (lang: 'en' | 'ja') => opts.lang === 'both' || opts.lang === lang;

  for (const table of release.tables) {
    if (!wanted(table.lang)) continue;
    const cov = (coverage[table.lang] ??= { cells: 0, facts: 0, provenance: 0, derived: 0, unaccounted: 0 });
    const at = (line: number, column: number) => ({ file, line, column });
    const figures: Figure[][] = table.rows.map((r) => r.cells.map((c) => readNumber(c.text)));
    for (const fr of figures) for (const f of fr) if (f.kind === 'number' || f.kind === 'dash' || f.kind === 'invalid') cov.cells++;

    const { map, titleIndex, matches, titled } = matchTable(table, rmap.tables);
    if (!map) {
      const first = table.preamble[table.preamble.length - 1];
      diagnostics.push(diag(matches.length ? 'release:ambiguousTable' : 'release:unmappedTable', 'error',
        matches.length
          ? `The table matches ${matches.length} mapping tables (${matches.map((m) => m.id).join(', ')}); expected exactly one.`
          : titled.length
            ? `The table's title matches ${titled.map((m) => `${m.id} (${m.kind})`).join(', ')}, but its heading states no period of that kind (${[...new Set(titled.map((m) => PERIOD_OF[m.kind]))].join(' or ')}).`
            : `No mapping table matches this table's title lines; expected one of the titles in mapping/release-map.json.`,
        { source: at(first?.line ?? table.firstLine, 1), actual: table.preamble.map((p) => p.text).slice(-3).join(' / '), expected: 'a title matched by one mapping table' }));
      for (const fr of figures) for (const f of fr) if (f.kind !== 'empty') cov.unaccounted++;
      continue;
    }
    const seenRows = foundRows.get(map.id) ?? new Set<MapRow>();
    foundRows.set(map.id, seenRows);
    const title = table.preamble[titleIndex].text;
    // The table's heading block (title, period and scale lines) describes it; prose or notes above
    // it may mention "millions" or "四半期" and must not count.
    const context = headingBlock(table, titleIndex);
    const scale = readScale(context);
    const specs = resolveColumns(table, rmap.fiscalYearEndMonth, context);
    const rowInfo: ResolvedTable['rows'] = table.rows.map(() => undefined);
    resolved.push({ table, id: map.id, title, specs, figures, rows: rowInfo });

    specs.forEach((s, i) => {
      const head = table.headerRows[table.headerRows.length - 1]?.cells[i] ?? { line: table.firstLine, column: 1 };
      if (s.kind === 'unresolved' && figures.some((fr) => fr[i].kind !== 'empty')) {
        diagnostics.push(diag('release:unresolvedPeriod', 'error', `Cannot tell the period of column ${i + 1}: ${s.reason}.`,
          { source: at(head.line, head.column), actual: s.header || '(empty header)', expected: 'a quarter code (3Q03), a date (Dec 31, 2003) or 2003年12月期' }));
      }
      if (s.kind === 'value' && s.conflict) {
        const cell = headerCell(table, i, s.conflict.header) ?? head;
        diagnostics.push(diag('release:periodConflict', 'error', `Column ${i + 1}: ${s.conflict.message}.`, {
          source: at(cell.line, cell.column), related: s.conflict.line ? [at(s.conflict.line, 1)] : undefined,
          expected: `a heading and column dates that state the same period`, actual: `${s.conflict.text} / ${s.header}` }));
      }
      if (s.kind === 'value' && s.warning) {
        diagnostics.push(diag('release:periodEndNotMonthEnd', 'warning', `Column ${i + 1}: ${s.warning}.`, { source: at(head.line, head.column), actual: s.header }));
      }
    });
    const columnMarks = table.columns.map((c) => normalizeLabel(c.headers[c.headers.length - 1] ?? '').marks);

    table.rows.forEach((row, r) => {
      const mrow = findRow(row, map);
      if (mrow) seenRows.add(mrow);
      const hasFigures = figures[r].some((f) => f.kind !== 'empty');
      const label = normalizeLabel(row.label.text).text;
      if (!mrow) {
        const near = closestLabels(label, knownLabels(map, rmap));
        const hint = near.length
          ? `Closest known labels: ${near.map((n) => `"${n.label}" (${n.concept}, ${n.lang} ${n.table}, distance ${n.distance.toFixed(2)})`).join('; ')}. Run \`iij-xbrl mapping suggest\` for ready-to-paste entries.`
          : 'No known label is close; run `iij-xbrl mapping suggest` for a ready-to-paste entry (a new concept).';
        diagnostics.push(diag('release:unmappedRow', 'error', `Row "${label}" of ${map.id} has no mapping${row.section ? ` (section "${row.section}")` : ''}${near.length ? `; did you mean "${near[0].label}" (${near[0].concept})?` : '.'}`,
          { source: at(row.line, row.label.column), actual: label, expected: `a row of mapping table ${map.id}`, hint, concept: near[0]?.concept }));
        if (hasFigures) cov.unaccounted += figures[r].filter((f) => f.kind !== 'empty').length;
        return;
      }
      if (mrow.group || !mrow.concept) {
        if (hasFigures) {
          const c = row.cells[figures[r].findIndex((f) => f.kind !== 'empty')];
          diagnostics.push(diag('release:figuresInGroupRow', 'error', `Row "${label}" is mapped as a heading but has figures.`,
            { source: at(c.line, c.column), actual: c.text, expected: 'no figures on a heading row' }));
          cov.unaccounted += figures[r].filter((f) => f.kind !== 'empty').length;
        }
        return;
      }
      const concept = tax.concepts.get(mrow.concept);
      if (!concept) {
        diagnostics.push(diag('mapping:unknownConcept', 'error', `Mapping row "${label}" names concept ${mrow.concept}, which the taxonomy does not declare.`,
          { source: at(row.line, row.label.column), actual: mrow.concept, expected: 'a concept of taxonomy/src/concepts.json' }));
        return;
      }
      rowInfo[r] = { concept: concept.name, sign: mrow.sign === 'negated' ? -1 : 1 };
      const rowNotes = row.footnoteMarks.map((mark) => findNote(release, table, mark)).filter((n) => n !== undefined);
      row.cells.forEach((cell, i) => {
        const f = figures[r][i];
        const s = specs[i];
        if (f.kind === 'empty') return;
        if (f.kind === 'invalid') {
          diagnostics.push(diag('release:invalidNumber', 'error', `Cell "${cell.text}" in row "${label}" is not a figure (${f.reason}).`,
            { source: at(cell.line, cell.column), actual: cell.text, expected: 'a figure such as 3,204, (566,520), 25.83, (5.9%) or -' }));
          cov.unaccounted++;
          return;
        }
        if (s.kind === 'derived') { cov.derived++; return; }
        if (s.kind === 'unresolved') { cov.unaccounted++; return; }
        const kind = concept.type;
        if (!isNumericKind(kind)) { cov.unaccounted++; return; }
        if (f.kind === 'number' && f.percent) {
          diagnostics.push(diag('release:unexpectedPercent', 'error', `A percent figure in a value column (row "${label}").`, { source: at(cell.line, cell.column), actual: cell.text, expected: 'an amount' }));
          cov.unaccounted++;
          return;
        }
        const currency = s.currency ?? 'JPY';
        let power = 0;
        if (isScaledKind(kind)) {
          const p = scale[currency];
          if (p === undefined) {
            diagnostics.push(diag('release:missingScale', 'error', `Table ${map.id} states no scale for ${currency} amounts (expected e.g. "(JPY in millions)" or "(Expressed in Thousands of …)").`,
              { source: at(cell.line, cell.column), actual: cell.text, expected: `a ${currency} scale line above the table` }));
            cov.unaccounted++;
            return;
          }
          power = p;
        } else if (currency === 'USD' && kind !== 'perShare' && kind !== 'perAds') {
          diagnostics.push(diag('release:unexpectedCurrency', 'error', `A ${kind} figure in a USD column (row "${label}").`, { source: at(cell.line, cell.column), actual: cell.text }));
          cov.unaccounted++;
          return;
        }
        let period: Period;
        if (concept.periodType === 'instant') {
          if (mrow.period === 'start') {
            if (!s.start) {
              diagnostics.push(diag('mapping:periodMismatch', 'error', `Row "${label}" is mapped to a period start, but column ${i + 1} is an instant.`, { source: at(cell.line, cell.column) }));
              cov.unaccounted++;
              return;
            }
            period = { type: 'instant', instant: addDays(s.start, -1) };
          } else period = { type: 'instant', instant: s.end };
        } else {
          if (!s.start) {
            diagnostics.push(diag('mapping:periodMismatch', 'error', `Concept ${concept.name} is a duration, but column ${i + 1} ("${s.header}") is an instant.`,
              { source: at(cell.line, cell.column), expected: 'a column for a period of time', actual: s.header }));
            cov.unaccounted++;
            return;
          }
          period = { type: 'duration', start: s.start, end: s.end };
        }
        // The figure's value: its digits, signed as printed and as mapped, times the scale (exact string arithmetic; zero is `0`).
        const places = f.kind === 'dash' ? 0 : f.places;
        const value = f.kind === 'dash' ? '0' : shiftDecimal(`${f.negative !== (mrow.sign === 'negated') ? '-' : ''}${f.digits}`, power);
        const unit = unitFor(kind, currency, tax.namespace);
        const fnIds = new Set<string>();
        for (const n of rowNotes) fnIds.add(notes.idFor(n));
        for (const mark of columnMarks[i]) {
          const n = findNote(release, table, mark);
          if (n) fnIds.add(notes.idFor(n));
        }
        candidates.push({
          concept, period, unit, footnotes: fnIds, order: candidates.length,
          occurrence: {
            table: map.id, tableTitle: title, lang: table.lang, row: label, column: s.header,
            line: cell.line, col: cell.column, printed: cell.text, value, decimals: places - power,
          },
        });
      });
    });
  }

  const facts = mergeCandidates(candidates, tax, entity, file, diagnostics, coverage);
  const info = documentInfoFacts(release, rmap, tax, entity, facts, opts, diagnostics);
  facts.push(...info);
  const stated = info.find((f) => f.name === 'FiscalPeriodFocus')?.value;
  const end = info.find((f) => f.name === 'DocumentPeriodEndDate')?.value;
  const focus = (stated && /^(Q[123]|FY)$/.test(stated) ? stated : end ? fiscalFocus(end, rmap.fiscalYearEndMonth).period : undefined) as FiscalPeriod | undefined;
  if (focus) diagnostics.push(...checkCompleteness(rmap, focus, foundRows, facts, wanted, file, resolved));
  // Sort keys computed once per fact; the collator orders as String.prototype.localeCompare does.
  const keys = new Map(facts.map((f) => [f, { order: tax.order.get(f.name) ?? 0, period: periodKey(f.period), unit: f.unit ? unitKey(f.unit) : '' }]));
  const collate = new Intl.Collator().compare;
  facts.sort((a, b) => {
    const ka = keys.get(a)!;
    const kb = keys.get(b)!;
    return ka.order - kb.order || collate(ka.period, kb.period) || collate(ka.unit, kb.unit);
  });
  const seen = new Map<string, number>();
  for (const f of facts) {
    const k = keys.get(f)!;
    const base = `f-${f.name}-${k.period}${k.unit && k.unit !== 'JPY' ? `-${k.unit}` : ''}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    f.id = n === 1 ? base : `${base}-${n}`;
  }
  return { facts, footnotes: notes.list, tables: resolved, coverage, diagnostics };
}

/**
 * One fact per concept, period and unit, from the most precise occurrence (ties: the first);
 * every other occurrence is checked against it and kept as provenance.
 */
function mergeCandidates(cands: Candidate[], tax: TaxonomySource, entity: Entity, file: string,
  diagnostics: Diagnostic[], coverage: Record<string, LangCoverage>): MappedFact[] {
  const groups = new Map<string, Candidate[]>();
  for (const c of cands) {
    const key = `${c.concept.name}|${periodKey(c.period)}|${c.unit ? unitKey(c.unit) : ''}`;
    const g = groups.get(key);
    if (g) g.push(c); else groups.set(key, [c]);
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
      if (c === best) continue;
      if (!consistent(c.occurrence, best.occurrence)) {
        const o = c.occurrence;
        const b = best.occurrence;
        diagnostics.push(diag('release:inconsistentDuplicate', 'inconsistency',
          `${c.concept.name}: ${o.table} row "${o.row}" column "${o.column}" states ${o.printed} (${o.value}, decimals ${o.decimals}), which no rounding of ${b.printed} in ${b.table} row "${b.row}" (${b.value}, decimals ${b.decimals}) can produce.`,
          { source: { file, line: o.line, column: o.col }, related: [{ file, line: b.line, column: b.col }], concept: c.concept.name,
            expected: `${b.value} rounded to decimals ${o.decimals}`, actual: o.value }));
      }
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
