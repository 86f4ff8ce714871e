import Decimal from 'decimal.js';
import { NS, clark, diag, type Diagnostic } from '../model';
import { normalizeLabel, signedDigits, type Figure } from '../release';
import type { MappedFact, ResolvedTable } from './types';
import type { ColumnSpec } from './resolve-column';
import type { SourceCalculation } from './taxonomy-source';
import { periodKey } from '../xbrl/aspects';

type Num = Extract<Figure, { kind: 'number' }>;
type Interval = [Decimal, Decimal];

/** Powers of ten and half-units by number of decimal places (a fixed table: places run from -12 to 12). */
const POW = new Map<number, Decimal>();
const pow10 = (e: number): Decimal => { let v = POW.get(e); if (!v) { v = new Decimal(10).pow(e); if (Math.abs(e) <= 12) POW.set(e, v); } return v; };
const half = (places: number) => pow10(-places).div(2);
const asNum = (f: Figure | undefined): Num | undefined => (f && f.kind === 'number' ? f : undefined);

function around(f: Num): Interval {
  const v = new Decimal(signedDigits(f));
  return [v.minus(half(f.places)), v.plus(half(f.places))];
}

/** Range of x / y over two intervals; undefined when y's interval reaches zero. */
function divide(x: Interval, y: Interval): Interval | undefined {
  if (y[0].lte(0) && y[1].gte(0)) return undefined;
  const q = [x[0].div(y[0]), x[0].div(y[1]), x[1].div(y[0]), x[1].div(y[1])];
  return [Decimal.min(...q), Decimal.max(...q)];
}

const overlaps = (a: Interval, b: Interval) => a[0].lte(b[1]) && b[0].lte(a[1]);
const fmt = (d: Decimal) => d.toDecimalPlaces(2).toFixed(2);

export interface CheckCounts {
  percentChecked: number;
  percentUnverifiable: number;
  usdChecked: number;
  /** Figures off by rounding alone that the release adjusted so that a column foots (reported as info). */
  footingAdjustments?: number;
  /** Derived figures printed in both languages and compared. */
  derivedCompared?: number;
}

/** Concepts a share column ("% of Total Revenues", 対営業収益 %, a balance sheet's %) divides by. */
const DENOMINATORS = ['Revenues', 'Assets'];

/** One derived figure: the printed percent and what the stated figures allow. */
interface DerivedResult {
  t: ResolvedTable;
  r: number;
  i: number;
  printed: Num;
  /** Percent interval the stated figures allow; undefined when it cannot be recomputed. */
  pct?: Interval;
  explain: string;
  /** Identity across languages: concept, kind and the periods of the columns it derives from. */
  key?: string;
  /** Column of the figure it derives from (in the same row). */
  base: number;
}

const signed = (f: Num) => new Decimal(signedDigits(f));
const unit = (f: Num) => pow10(-f.places);
const specKey = (s: ColumnSpec | undefined) => (s && s.kind === 'value' ? `${s.currency ?? 'JPY'}:${s.start ?? ''}_${s.end}` : '?');

/** The denominator row of a share column: the total revenues / total assets row, else the row printing 100.0. */
function denominatorRow(t: ResolvedTable, i: number): number {
  for (const name of DENOMINATORS) {
    const r = t.rows.findIndex((x) => x?.concept === name);
    if (r >= 0 && asNum(t.figures[r][i])) return r;
  }
  return t.figures.findIndex((fr) => { const f = asNum(fr[i]); return !!f && new Decimal(f.digits).eq(100) && !f.negative; });
}

/** Recomputes one derived column of one table. */
function deriveColumn(t: ResolvedTable, i: number, counts: CheckCounts): DerivedResult[] {
  const { specs, figures } = t;
  const s = specs[i];
  if (s.kind !== 'derived') return [];
  const isValue = (k: number) => specs[k].kind === 'value' && (specs[k] as { currency?: string }).currency !== 'USD';
  const currentCol = specs.findIndex((_, k) => isValue(k));
  let base = -1;
  for (let k = i - 1; k >= 0; k--) if (isValue(k)) { base = k; break; }
  if (base < 0) return [];
  const totalRow = s.derived === 'share' ? denominatorRow(t, i) : -1;
  const out: DerivedResult[] = [];
  figures.forEach((fr, r) => {
    const p = asNum(fr[i]);
    if (!p) return;
    const concept = t.rows[r]?.concept;
    const key = concept && `${concept}|${s.derived}|${specKey(specs[currentCol])}|${specKey(specs[base])}`;
    const n = (f: Num) => `${f.negative ? '-' : ''}${f.digits}`;
    if (s.derived === 'change') {
      const cur = asNum(fr[currentCol]);
      const prior = asNum(fr[base]);
      if (!cur || !prior || base === currentCol) { out.push({ t, r, i, base, printed: p, explain: '', key }); return; }
      const q = divide(around(cur), around(prior));
      out.push({ t, r, i, base, printed: p, key, pct: q && [q[0].minus(1).mul(100), q[1].minus(1).mul(100)], explain: `(${n(cur)} − ${n(prior)}) / ${n(prior)}` });
    } else {
      const x = asNum(fr[base]);
      const y = totalRow >= 0 ? asNum(figures[totalRow][base]) : undefined;
      if (!x || !y) { out.push({ t, r, i, base, printed: p, explain: '', key }); return; }
      // The denominator's own share is x / x: exactly 100 whatever the rounding of x.
      const q = r === totalRow ? [new Decimal(1), new Decimal(1)] as Interval : divide(around(x), around(y));
      out.push({ t, r, i, base, printed: p, key, pct: q && [q[0].mul(100), q[1].mul(100)], explain: r === totalRow ? `${n(x)} / ${n(x)}` : `${n(x)} / ${y.digits}` });
    }
  });
  for (const d of out) if (d.pct) counts.percentChecked++; else counts.percentUnverifiable++;
  return out;
}

/** Within one unit of the printed figure's last digit of some value the stated figures allow. */
const withinOneUnit = (d: DerivedResult) => !!d.pct && signed(d.printed).gte(d.pct[0].minus(unit(d.printed))) && signed(d.printed).lte(d.pct[1].plus(unit(d.printed)));

/**
 * A footing adjustment: the release moved a share by one unit of its last digit so that a column of
 * parts adds up to its printed subtotal (31.5 + 17.3 + 0.5 + 2.3 + 1.0 = 52.6). Explained when the
 * figure belongs to a summation (as a part or as the total) whose printed parts, weighted and signed
 * as facts, sum exactly to the printed total, each of them within one unit of its exact value.
 */
function footing(d: DerivedResult, column: DerivedResult[], calcs: SourceCalculation[]): string | undefined {
  const concept = d.t.rows[d.r]?.concept;
  if (!concept || !withinOneUnit(d)) return undefined;
  const at = (c: string) => column.find((x) => d.t.rows[x.r]?.concept === c);
  for (const rel of calcs) {
    if (rel.total !== concept && !rel.items.some((it) => it.concept === concept)) continue;
    const total = at(rel.total);
    const parts = rel.items.map((it) => ({ it, x: at(it.concept) })).filter((p) => p.x);
    if (!total || parts.length < 2 || ![total, ...parts.map((p) => p.x!)].every(withinOneUnit)) continue;
    const value = (x: DerivedResult) => signed(x.printed).mul(d.t.rows[x.r]!.sign);
    const sum = parts.reduce((acc, p) => acc.plus(value(p.x!).mul(p.it.weight)), new Decimal(0));
    if (sum.eq(value(total))) {
      const terms = parts.map((p, k) => { const v = value(p.x!).mul(p.it.weight); return `${v.isNeg() ? '− ' : k ? '+ ' : ''}${v.abs().toFixed(p.x!.printed.places)}`; });
      return `${terms.join(' ')} = ${value(total).toFixed(total.printed.places)} (${rel.total}) as printed`;
    }
  }
  return undefined;
}

/**
 * Recomputes every percent change and share-of-total figure of every table from the figures it
 * is derived from, with interval arithmetic: a figure printed to the million may be anything
 * within ±0.5 million, and a percent printed to one decimal anything within ±0.05. A share the
 * release adjusted so that its column foots is `info` (`release:footingAdjustment`); what neither
 * rounding nor footing explains is an inconsistency. A derived figure printed differently in the
 * Japanese and English parts is a warning with both places.
 */
export function checkPercentFigures(tables: ResolvedTable[], file: string, counts: CheckCounts, calcs: SourceCalculation[] = []): Diagnostic[] {
  const out: Diagnostic[] = [];
  const all: DerivedResult[] = [];
  for (const t of tables) {
    t.specs.forEach((_, i) => {
      const column = deriveColumn(t, i, counts);
      all.push(...column);
      for (const d of column) {
        if (!d.pct || overlaps(d.pct, around(d.printed))) continue;
        const cell = d.t.table.rows[d.r].cells[d.i];
        const label = normalizeLabel(d.t.table.rows[d.r].label.text).text;
        const baseCell = d.t.table.rows[d.r].cells[d.base];
        const related = [{ file, line: baseCell.line, column: baseCell.column }];
        const where = `${d.t.id} row "${label}" column "${(t.specs[i] as { header: string }).header}"`;
        const range = `${fmt(d.pct[0])}%…${fmt(d.pct[1])}%`;
        const foot = (t.specs[i] as { derived?: string }).derived === 'share' ? footing(d, column, calcs) : undefined;
        if (foot) counts.footingAdjustments = (counts.footingAdjustments ?? 0) + 1;
        out.push(foot
          ? diag('release:footingAdjustment', 'info', `${where}: printed ${cell.text} where ${d.explain} gives ${range}; adjusted by one unit so that the column foots: ${foot}.`,
            { source: { file, line: cell.line, column: cell.column }, related, expected: range, actual: cell.text })
          : diag('release:percentMismatch', 'inconsistency', `${where}: printed ${cell.text}, but ${d.explain} gives ${range} for any rounding of the stated figures.`,
            { source: { file, line: cell.line, column: cell.column }, related, expected: range, actual: cell.text }));
      }
    });
  }
  out.push(...compareLanguages(all, file, counts));
  return out;
}

/** The same derived figure (concept, kind, periods) printed differently in Japanese and English. */
function compareLanguages(all: DerivedResult[], file: string, counts: CheckCounts): Diagnostic[] {
  const out: Diagnostic[] = [];
  const byKey = new Map<string, DerivedResult[]>();
  for (const d of all) if (d.key) byKey.set(d.key, [...(byKey.get(d.key) ?? []), d]);
  for (const group of byKey.values()) {
    const ja = group.find((d) => d.t.table.lang === 'ja');
    const en = group.find((d) => d.t.table.lang === 'en');
    if (!ja || !en) continue;
    counts.derivedCompared = (counts.derivedCompared ?? 0) + 1;
    if (signed(ja.printed).eq(signed(en.printed))) continue;
    const cell = (d: DerivedResult) => d.t.table.rows[d.r].cells[d.i];
    const label = normalizeLabel(en.t.table.rows[en.r].label.text).text;
    out.push(diag('release:derivedLanguageMismatch', 'warning',
      `${en.t.id} row "${label}": the English part prints ${cell(en).text}, the Japanese part (${ja.t.id}) ${cell(ja).text} for the same derived figure.`,
      { source: { file, line: cell(en).line, column: cell(en).column }, related: [{ file, line: cell(ja).line, column: cell(ja).column }],
        expected: cell(en).text, actual: cell(ja).text }));
  }
  return out;
}

/** A USD figure with what its JPY figure at the stated rate allows. */
interface UsdResult { f: MappedFact; j: MappedFact; exact: Interval; stated: Interval }

/**
 * Every USD convenience figure against its JPY figure and the stated rate: JPY ÷ rate must fall
 * within the USD figure's rounding, each side taken as the interval its printed digits allow.
 * A USD figure one unit off that makes its USD column foot to the printed USD total is a footing
 * adjustment (`info`), as for percentages.
 */
export function checkUsdTranslations(facts: MappedFact[], file: string, counts: CheckCounts, calcs: SourceCalculation[] = []): Diagnostic[] {
  const out: Diagnostic[] = [];
  const usd = clark(NS.iso4217, 'USD');
  const jpy = clark(NS.iso4217, 'JPY');
  const rateFact = facts.find((f) => f.unit && f.unit.numerators[0] === jpy && f.unit.denominators[0] === usd);
  if (!rateFact || rateFact.value === null) return out;
  const rd = typeof rateFact.decimals === 'number' ? rateFact.decimals : 10;
  const rv = new Decimal(rateFact.value);
  const rate: Interval = [rv.minus(half(rd)), rv.plus(half(rd))];
  const single = (f: MappedFact, m: string) => !!f.unit && f.unit.numerators.length === 1 && f.unit.numerators[0] === m && f.unit.denominators.length === 0 && f.value !== null;
  const jpyByKey = new Map<string, MappedFact>();
  for (const f of facts) if (single(f, jpy)) jpyByKey.set(`${f.name}|${periodKey(f.period)}`, f);
  const results = new Map<string, UsdResult>();
  for (const f of facts) {
    if (!single(f, usd)) continue;
    const j = jpyByKey.get(`${f.name}|${periodKey(f.period)}`);
    if (!j) continue;
    const jd = j.decimals as number;
    const jv = new Decimal(j.value as string);
    const exact = divide([jv.minus(half(jd)), jv.plus(half(jd))], rate);
    if (!exact) continue;
    const uv = new Decimal(f.value as string);
    const ud = f.decimals as number;
    counts.usdChecked++;
    results.set(`${f.name}|${periodKey(f.period)}`, { f, j, exact, stated: [uv.minus(half(ud)), uv.plus(half(ud))] });
  }
  for (const u of results.values()) {
    if (overlaps(u.exact, u.stated)) continue;
    const o = u.f.provenance[0];
    const range = `USD ${u.exact[0].div(1000).toFixed(1)}…${u.exact[1].div(1000).toFixed(1)} thousand`;
    const where = `${u.f.name} (${o.table} row "${o.row}")`;
    const foot = usdFooting(u, results, calcs);
    if (foot) counts.footingAdjustments = (counts.footingAdjustments ?? 0) + 1;
    const extra = { source: { file, line: o.line, column: o.col }, related: [{ file, line: u.j.provenance[0].line, column: u.j.provenance[0].col }],
      concept: u.f.name, expected: `${u.exact[0].toFixed(0)}…${u.exact[1].toFixed(0)}`, actual: u.f.value as string };
    out.push(foot
      ? diag('release:footingAdjustment', 'info', `${where}: USD ${o.printed} thousand where JPY ${u.j.provenance[0].printed} at ${rateFact.value} JPY/USD gives ${range}; adjusted by one unit so that the USD column foots: ${foot}.`, extra)
      : diag('release:usdTranslationMismatch', 'inconsistency', `${where}: USD ${o.printed} thousand, but JPY ${u.j.provenance[0].printed} at ${rateFact.value} JPY/USD gives ${range}.`, extra));
  }
  return out;
}

/** A USD column of parts that sums exactly to its printed USD total, every part within one unit of its translation. */
function usdFooting(u: UsdResult, results: Map<string, UsdResult>, calcs: SourceCalculation[]): string | undefined {
  const within = (x: UsdResult) => {
    const one = pow10(-(x.f.decimals as number));
    const v = new Decimal(x.f.value as string);
    return v.gte(x.exact[0].minus(one)) && v.lte(x.exact[1].plus(one));
  };
  if (!within(u)) return undefined;
  const pk = periodKey(u.f.period);
  const at = (c: string) => results.get(`${c}|${pk}`);
  for (const rel of calcs) {
    if (rel.total !== u.f.name && !rel.items.some((it) => it.concept === u.f.name)) continue;
    const total = at(rel.total);
    const parts = rel.items.map((it) => ({ it, x: at(it.concept) })).filter((p) => p.x);
    if (!total || parts.length < 2 || ![total, ...parts.map((p) => p.x!)].every(within)) continue;
    const sum = parts.reduce((acc, p) => acc.plus(new Decimal(p.x!.f.value as string).mul(p.it.weight)), new Decimal(0));
    if (sum.eq(new Decimal(total.f.value as string))) {
      return `the parts of ${rel.total} sum to its printed USD ${total.f.provenance[0].printed} thousand`;
    }
  }
  return undefined;
}
