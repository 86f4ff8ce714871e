import Decimal from 'decimal.js';
import { NS, clark, diag, type Diagnostic } from '../model';
import { normalizeLabel, signedDigits, type Figure } from '../release';
import type { MappedFact, ResolvedTable } from './types';
import { periodKey } from '../xbrl/aspects';

type Num = Extract<Figure, { kind: 'number' }>;
type Interval = [Decimal, Decimal];

const half = (places: number) => new Decimal(10).pow(-places).div(2);
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
}

/**
 * Recomputes every percent change and share-of-total figure of every table from the figures it
 * is derived from, with interval arithmetic: a figure printed to the million may be anything
 * within ±0.5 million, and a percent printed to one decimal anything within ±0.05.
 */
export function checkPercentFigures(tables: ResolvedTable[], file: string, counts: CheckCounts): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const t of tables) {
    const { specs, figures, table } = t;
    const isValue = (i: number) => specs[i].kind === 'value' && (specs[i] as { currency?: string }).currency !== 'USD';
    const currentCol = specs.findIndex((_, i) => isValue(i));
    specs.forEach((s, i) => {
      if (s.kind !== 'derived') return;
      let base = -1;
      for (let k = i - 1; k >= 0; k--) if (isValue(k)) { base = k; break; }
      if (base < 0) return;
      // Share columns: the denominator row is the one whose share reads 100.0 (total revenues / total assets).
      const totalRow = s.derived === 'share'
        ? figures.findIndex((fr) => { const f = asNum(fr[i]); return !!f && new Decimal(f.digits).eq(100) && !f.negative; })
        : -1;
      table.rows.forEach((row, r) => {
        const p = asNum(figures[r][i]);
        if (!p) return;
        let ratio: Interval | undefined;
        let explain: string;
        if (s.derived === 'change') {
          const cur = asNum(figures[r][currentCol]);
          const prior = asNum(figures[r][base]);
          if (!cur || !prior || base === currentCol) { counts.percentUnverifiable++; return; }
          const q = divide(around(cur), around(prior));
          ratio = q && [q[0].minus(1), q[1].minus(1)];
          explain = `(${cur.negative ? '-' : ''}${cur.digits} − ${prior.negative ? '-' : ''}${prior.digits}) / ${prior.negative ? '-' : ''}${prior.digits}`;
        } else {
          const x = asNum(figures[r][base]);
          const y = totalRow >= 0 ? asNum(figures[totalRow][base]) : undefined;
          if (!x || !y) { counts.percentUnverifiable++; return; }
          ratio = divide(around(x), around(y));
          explain = `${x.negative ? '-' : ''}${x.digits} / ${y.digits}`;
        }
        if (!ratio) { counts.percentUnverifiable++; return; }
        counts.percentChecked++;
        const pct: Interval = [ratio[0].mul(100), ratio[1].mul(100)];
        const printed = around(p);
        if (!overlaps(pct, printed)) {
          const cell = row.cells[i];
          const label = normalizeLabel(row.label.text).text;
          out.push(diag('release:percentMismatch', 'inconsistency',
            `${t.id} row "${label}" column "${s.header}": printed ${cell.text}, but ${explain} gives ${fmt(pct[0])}%…${fmt(pct[1])}% for any rounding of the stated figures.`,
            { source: { file, line: cell.line, column: cell.column },
              related: [{ file, line: row.cells[base].line, column: row.cells[base].column }],
              expected: `${fmt(pct[0])}%…${fmt(pct[1])}%`, actual: cell.text }));
        }
      });
    });
  }
  return out;
}

/**
 * Every USD convenience figure against its JPY figure and the stated rate: JPY ÷ rate must fall
 * within the USD figure's rounding, each side taken as the interval its printed digits allow.
 */
export function checkUsdTranslations(facts: MappedFact[], ratesNs: string, file: string, counts: CheckCounts): Diagnostic[] {
  const out: Diagnostic[] = [];
  const usd = clark(NS.iso4217, 'USD');
  const jpy = clark(NS.iso4217, 'JPY');
  const rateFact = facts.find((f) => f.unit && f.unit.numerators[0] === jpy && f.unit.denominators[0] === usd);
  if (!rateFact || rateFact.value === null) return out;
  const rd = typeof rateFact.decimals === 'number' ? rateFact.decimals : 10;
  const rv = new Decimal(rateFact.value);
  const rate: Interval = [rv.minus(half(rd)), rv.plus(half(rd))];
  const byKey = new Map<string, MappedFact>();
  for (const f of facts) {
    if (f.unit && f.unit.numerators.length === 1 && f.unit.numerators[0] === jpy && f.unit.denominators.length === 0) {
      byKey.set(`${f.name}|${periodKey(f.period)}`, f);
    }
  }
  for (const f of facts) {
    if (!f.unit || f.unit.numerators[0] !== usd || f.unit.denominators.length || f.value === null) continue;
    const j = byKey.get(`${f.name}|${periodKey(f.period)}`);
    if (!j || j.value === null) continue;
    counts.usdChecked++;
    const jd = j.decimals as number;
    const ud = f.decimals as number;
    const jv = new Decimal(j.value);
    const uv = new Decimal(f.value);
    const q = divide([jv.minus(half(jd)), jv.plus(half(jd))], rate);
    if (!q) continue;
    const stated: Interval = [uv.minus(half(ud)), uv.plus(half(ud))];
    if (!overlaps(q, stated)) {
      const o = f.provenance[0];
      out.push(diag('release:usdTranslationMismatch', 'inconsistency',
        `${f.name} (${o.table} row "${o.row}"): USD ${o.printed} thousand, but JPY ${j.provenance[0].printed} at ${rateFact.value} JPY/USD gives USD ${q[0].div(1000).toFixed(1)}…${q[1].div(1000).toFixed(1)} thousand.`,
        { source: { file, line: o.line, column: o.col }, related: [{ file, line: j.provenance[0].line, column: j.provenance[0].col }],
          concept: f.name, expected: `${q[0].toFixed(0)}…${q[1].toFixed(0)}`, actual: f.value }));
    }
  }
  void ratesNs;
  return out;
}
