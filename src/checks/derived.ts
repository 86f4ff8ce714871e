import type { ColumnSpec } from '../mapping/resolve-column';
import type { ResolvedTable } from '../mapping/types';
import { cmp, intQ, mul, parseQ, sub } from '../util/exact';
import { around, asNum, divide, type Interval, type Num } from './intervals';

const ONE = intQ(1);
const HUNDRED = intQ(100);

/** Concepts a share column ("% of Total Revenues", 対営業収益 %, a balance sheet's %) divides by. */
const DENOMINATORS = ['Revenues', 'Assets'];

/** One derived figure: the printed percent and what the stated figures allow. */
export interface DerivedResult {
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

const specKey = (s: ColumnSpec | undefined) =>
  s && s.kind === 'value' ? `${s.currency ?? 'JPY'}:${s.start ?? ''}_${s.end}` : '?';

/** The denominator row of a share column: the total revenues / total assets row, else the row printing 100.0. */
function denominatorRow(t: ResolvedTable, i: number): number {
  for (const name of DENOMINATORS) {
    const r = t.rows.findIndex((x) => x?.concept === name);
    if (r >= 0 && asNum(t.figures[r][i])) return r;
  }
  return t.figures.findIndex((fr) => {
    const f = asNum(fr[i]);
    return !!f && cmp(parseQ(f.digits), HUNDRED) === 0 && !f.negative;
  });
}

/** The value column a derived column `i` derives from (the nearest JPY value column to its left), or −1. */
function baseColumn(specs: ColumnSpec[], i: number, isValue: (k: number) => boolean): number {
  for (let k = i - 1; k >= 0; k--) if (isValue(k)) return k;
  return -1;
}

/** Recomputes one derived column of one table: a percent change or a share of the total. */
function deriveColumn(t: ResolvedTable, i: number): DerivedResult[] {
  const { specs, figures } = t;
  const s = specs[i];
  if (s.kind !== 'derived') return [];
  const isValue = (k: number) => specs[k].kind === 'value' && (specs[k] as { currency?: string }).currency !== 'USD';
  const currentCol = specs.findIndex((_, k) => isValue(k));
  const base = baseColumn(specs, i, isValue);
  if (base < 0) return [];
  const totalRow = s.derived === 'share' ? denominatorRow(t, i) : -1;
  const n = (f: Num) => `${f.negative ? '-' : ''}${f.digits}`;
  const out: DerivedResult[] = [];
  figures.forEach((fr, r) => {
    const p = asNum(fr[i]);
    if (!p) return;
    const concept = t.rows[r]?.concept;
    const key = concept && `${concept}|${s.derived}|${specKey(specs[currentCol])}|${specKey(specs[base])}`;
    const at = { t, r, i, base, printed: p, key };
    if (s.derived === 'change') {
      const cur = asNum(fr[currentCol]);
      const prior = asNum(fr[base]);
      if (!cur || !prior || base === currentCol) return void out.push({ ...at, explain: '' });
      const q = divide(around(cur), around(prior));
      const pct: Interval | undefined = q && [mul(sub(q[0], ONE), HUNDRED), mul(sub(q[1], ONE), HUNDRED)];
      out.push({ ...at, pct, explain: `(${n(cur)} − ${n(prior)}) / ${n(prior)}` });
    } else {
      const x = asNum(fr[base]);
      const y = totalRow >= 0 ? asNum(figures[totalRow][base]) : undefined;
      if (!x || !y) return void out.push({ ...at, explain: '' });
      // The denominator's own share is x / x: exactly 100 whatever the rounding of x.
      const q = r === totalRow ? ([ONE, ONE] as Interval) : divide(around(x), around(y));
      const pct: Interval | undefined = q && [mul(q[0], HUNDRED), mul(q[1], HUNDRED)];
      out.push({ ...at, pct, explain: r === totalRow ? `${n(x)} / ${n(x)}` : `${n(x)} / ${y.digits}` });
    }
  });
  return out;
}

const DERIVED = new WeakMap<ResolvedTable[], DerivedResult[][]>();

/**
 * Every derived column of every table recomputed from the figures it derives from, one array per
 * derived column in the release's order (kept per list of tables: two checks read them).
 */
export function derivedColumns(tables: ResolvedTable[]): DerivedResult[][] {
  let all = DERIVED.get(tables);
  if (!all) {
    all = tables.flatMap((t) => t.specs.map((_, i) => deriveColumn(t, i)).filter((c) => c.length > 0));
    DERIVED.set(tables, all);
  }
  return all;
}
