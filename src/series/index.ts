import fs from 'node:fs';
import Decimal from 'decimal.js';
import { diag, factId, type Diagnostic, type Fact, type Period } from '../model';
import { loadReleaseMap } from '../mapping/release-map';
import { loadTaxonomySource } from '../mapping/taxonomy-source';
import { readInstance } from '../validate';
import { compareText } from '../util/compare-text';
import { dimensionEntries, typedMember } from '../xbrl/dimensions';

/** One value of the long table, with where it was read from. */
export interface SeriesRow {
  concept: string;
  labelEn: string;
  labelJa: string;
  fiscalYear: number;
  /** Q1…Q4 for a quarter (and the instant at its end), H1/9M/FY for a period from the fiscal year's start. */
  fiscalPeriod: string;
  start?: string;
  end?: string;
  instant?: string;
  /** The fact's dimensions, `Axis=Member` (typed: `Axis=value`) by local names, `;`-separated; absent for a fact without. */
  dimensions?: string;
  unit: string;
  decimals: string;
  value: string;
  /** The release the value was read from, and its line; without a vendor feed beside the instance, the instance file and the fact's line in it. */
  source: string;
  line: number;
}

export interface Restatement {
  concept: string;
  period: string;
  unit: string;
  taken: SeriesRow;
  others: SeriesRow[];
}
export interface Series {
  rows: SeriesRow[];
  restatements: Restatement[];
  diagnostics: Diagnostic[];
}

const local = (clark: string) => clark.slice(clark.indexOf('}') + 1);
const unitText = (f: Fact) =>
  f.unit
    ? `${f.unit.numerators.map(local).join('*')}${f.unit.denominators.length ? `/${f.unit.denominators.map(local).join('*')}` : ''}`
    : '';
const periodText = (p: Period) =>
  p.type === 'instant' ? p.instant : p.type === 'duration' ? `${p.start}..${p.end}` : 'forever';
/** A fact's dimensions as text (local names) and as a key (full names), or undefined without any. */
function dimensionsOf(f: Fact): { text: string; key: string } | undefined {
  const dims = dimensionEntries(f);
  if (!dims.length) return undefined;
  return {
    text: dims.map(([d, m]) => `${local(d)}=${typedMember(m)?.text ?? local(m)}`).join(';'),
    key: JSON.stringify(dims),
  };
}
const monthIndex = (d: string) => Number(d.slice(0, 4)) * 12 + Number(d.slice(5, 7)) - 1;

/** Fiscal year and period of a fact's period, for a fiscal year ending in month `fyEnd`. */
export function fiscalOf(p: Period, fyEnd: number): { year: number; period: string } | undefined {
  const end = p.type === 'instant' ? p.instant : p.type === 'duration' ? p.end : undefined;
  if (!end) return undefined;
  const m = Number(end.slice(5, 7));
  const year = m > fyEnd ? Number(end.slice(0, 4)) : Number(end.slice(0, 4)) - 1;
  const q = Math.floor(((m - fyEnd - 1 + 12) % 12) / 3) + 1;
  if (p.type !== 'duration') return { year, period: `Q${q}` };
  const months = monthIndex(p.end) - monthIndex(p.start) + 1;
  if (months === 3) return { year, period: `Q${q}` };
  return { year, period: ({ 6: 'H1', 9: '9M', 12: 'FY' } as Record<number, string>)[months] ?? `${months}M` };
}

/** Fact id → release file and line, from the vendor feed written beside the instance (`x.xml` → `x.facts.json`). */
function feedProvenance(file: string): Map<string, { release: string; line: number; value: string }[]> | undefined {
  const feed = file.replace(/\.(xml|json)$/, '.facts.json');
  if (feed === file || !fs.existsSync(feed)) return undefined;
  const data = JSON.parse(fs.readFileSync(feed, 'utf8')) as {
    release: { file: string };
    facts: { id: string; provenance: { line: number; value: string }[] }[];
  };
  return new Map(
    data.facts.map((f) => [
      f.id,
      f.provenance.map((o) => ({ release: data.release.file, line: o.line, value: o.value })),
    ]),
  );
}

/**
 * Several converted releases → one long table of numeric facts. The same fact (concept, period,
 * unit) in two releases with values no rounding reconciles is a restatement: listed with every
 * source, the later release's value taken (releases ordered by their ReleaseDate, then as given).
 */
export function buildSeries(files: string[]): Series {
  const tax = loadTaxonomySource();
  const fyEnd = loadReleaseMap().fiscalYearEndMonth;
  const diagnostics: Diagnostic[] = [];
  const loaded = files
    .map((file, order) => {
      const r = readInstance(file);
      diagnostics.push(...r.diagnostics.filter((d) => d.severity === 'error'));
      const released = r.report?.facts.find((f) => local(f.concept) === 'ReleaseDate')?.value ?? '';
      return { file, order, facts: r.report?.facts ?? [], released, feed: r.report ? feedProvenance(file) : undefined };
    })
    .sort((a, b) => compareText(a.released, b.released) || a.order - b.order);
  const groups = new Map<string, SeriesRow[]>();
  for (const l of loaded) {
    if (!l.feed)
      diagnostics.push(
        diag('series:noFeed', 'info', `No vendor feed beside ${l.file}: sources are the instance's own lines.`, {
          source: { file: l.file, line: 1, column: 1 },
        }),
      );
    for (const f of l.facts) {
      if (!f.unit || f.value === null) continue;
      const name = local(f.concept);
      const fiscal = fiscalOf(f.period, fyEnd);
      if (!fiscal) continue;
      const prov = l.feed?.get(factId(f))?.find((o) => o.value === f.value) ?? l.feed?.get(factId(f))?.[0];
      const labels = tax.concepts.get(name)?.labels ?? {};
      const row: SeriesRow = {
        concept: name,
        labelEn: labels.en?.label ?? '',
        labelJa: labels.ja?.label ?? '',
        fiscalYear: fiscal.year,
        fiscalPeriod: fiscal.period,
        ...(f.period.type === 'instant'
          ? { instant: f.period.instant }
          : f.period.type === 'duration'
            ? { start: f.period.start, end: f.period.end }
            : {}),
        unit: unitText(f),
        decimals: String(f.decimals ?? ''),
        value: f.value,
        source: prov?.release ?? l.file,
        line: prov?.line ?? f.source?.line ?? 0,
      };
      const dims = dimensionsOf(f);
      if (dims) row.dimensions = dims.text;
      // Facts are the same fact only with the same dimensions: each member has its own series.
      const key = `${name}|${periodText(f.period)}|${row.unit}${dims ? `|${dims.key}` : ''}`;
      groups.set(key, [...(groups.get(key) ?? []), row]);
    }
  }
  const rows: SeriesRow[] = [];
  const restatements: Restatement[] = [];
  for (const [key, g] of groups) {
    const taken = g[g.length - 1];
    rows.push(taken);
    const others = g.slice(0, -1).filter((o) => !agree(o, taken));
    if (others.length) {
      const [concept, period, unit] = key.split('|');
      restatements.push({ concept, period, unit, taken, others });
    }
  }
  const order = (r: SeriesRow) => tax.order.get(r.concept) ?? 0;
  rows.sort(
    (a, b) =>
      order(a) - order(b) ||
      compareText(a.instant ?? a.end ?? '', b.instant ?? b.end ?? '') ||
      compareText(a.start ?? '', b.start ?? '') ||
      compareText(a.unit, b.unit) ||
      compareText(a.dimensions ?? '', b.dimensions ?? ''),
  );
  return { rows, restatements, diagnostics };
}

/** Two stated values that some rounding of one true value produces. */
function agree(a: SeriesRow, b: SeriesRow): boolean {
  const da = Number(a.decimals);
  const db = Number(b.decimals);
  if (Number.isNaN(da) || Number.isNaN(db)) return new Decimal(a.value).eq(b.value);
  const half = (d: number) => new Decimal(10).pow(-d).div(2);
  return new Decimal(a.value)
    .minus(b.value)
    .abs()
    .lte(da === db ? 0 : half(da).plus(half(db)));
}

const COLUMNS: (keyof SeriesRow)[] = [
  'concept',
  'labelEn',
  'labelJa',
  'fiscalYear',
  'fiscalPeriod',
  'start',
  'end',
  'instant',
  'unit',
  'decimals',
  'value',
  'source',
  'line',
];
const csvCell = (v: unknown) => {
  const s = v === undefined ? '' : String(v);
  return /[",\n\r]/.test(s) || (/^[=+\-@]/.test(s) && !/^-?\d/.test(s)) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** The long table as CSV: one line per value, restated values marked with the sources they replace. */
export function seriesCsv(s: Series): string {
  const restated = new Map(s.restatements.map((r) => [r.taken, r.others]));
  // A dimensions column only when some fact has dimensions: tables of reports without keep their columns.
  const columns = s.rows.some((r) => r.dimensions !== undefined)
    ? [...COLUMNS.slice(0, COLUMNS.indexOf('unit')), 'dimensions' as const, ...COLUMNS.slice(COLUMNS.indexOf('unit'))]
    : COLUMNS;
  const head = [...columns, 'restates'].join(',');
  const lines = s.rows.map((r) =>
    [
      ...columns.map((c) => csvCell(r[c])),
      csvCell((restated.get(r) ?? []).map((o) => `${o.value} (${o.source}:${o.line})`).join('; ')),
    ].join(','),
  );
  return `${[head, ...lines].join('\n')}\n`;
}

export function seriesJson(s: Series): string {
  return `${JSON.stringify({ rows: s.rows, restatements: s.restatements }, null, 2)}\n`;
}
