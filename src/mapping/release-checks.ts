import { NS, clark, diag, type Diagnostic } from '../model';
import { normalizeLabel, signedDigits, type Figure } from '../release';
import type { MappedFact, ResolvedTable } from './types';
import type { ColumnSpec } from './resolve-column';
import type { SourceCalculation } from './taxonomy-source';
import { periodKey } from '../xbrl/aspects';
import { abs, add, cmp, div, halfUnit, intQ, mul, parseQ, pow10Q, sign, sub, toFixedQ, type Q } from '../util/exact';

type Num = Extract<Figure, { kind: 'number' }>;
/** A closed interval of exact fractions (bigint numerator and denominator: no rounding anywhere). */
type Interval = [Q, Q];

const ONE = intQ(1);
const HUNDRED = intQ(100);
const THOUSAND = intQ(1000);
const ZERO = intQ(0);
const asNum = (f: Figure | undefined): Num | undefined => (f && f.kind === 'number' ? f : undefined);

/** Every value a printed figure may stand for (kept per figure: most figures are used by several derived columns). */
const AROUND = new WeakMap<Num, Interval>();
function around(f: Num): Interval {
  let iv = AROUND.get(f);
  if (!iv) {
    iv = aroundValue(signed(f), f.places);
    AROUND.set(f, iv);
  }
  return iv;
}

/** [v − ½·10^−places, v + ½·10^−places]: every value a figure printed to `places` decimals may stand for. */
function aroundValue(v: Q, places: number): Interval {
  const h = halfUnit(places);
  return [sub(v, h), add(v, h)];
}

/** Range of x / y over two intervals; undefined when y's interval reaches zero. */
function divide(x: Interval, y: Interval): Interval | undefined {
  const [x0, x1] = x;
  const [y0, y1] = y;
  if (sign(y0) <= 0 && sign(y1) >= 0) return undefined;
  // x / y is monotonic in each argument on these intervals: the bounds come from the corners the signs pick.
  if (sign(y0) > 0) return [div(x0, sign(x0) >= 0 ? y1 : y0), div(x1, sign(x1) >= 0 ? y0 : y1)];
  return [div(x1, sign(x1) >= 0 ? y1 : y0), div(x0, sign(x0) >= 0 ? y0 : y1)];
}

const overlaps = (a: Interval, b: Interval) => cmp(a[0], b[1]) <= 0 && cmp(b[0], a[1]) <= 0;
/** Two decimal places, half away from zero; a negative figure that rounds to zero is written `0.00`. */
const fmt = (d: Q) => toFixedQ(d, 2, true);

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

const SIGNED = new WeakMap<Num, Q>();
/** The printed figure's value, signed (kept per figure). */
function signed(f: Num): Q {
  let q = SIGNED.get(f);
  if (!q) {
    q = parseQ(signedDigits(f));
    SIGNED.set(f, q);
  }
  return q;
}
const unit = (f: Num) => pow10Q(-f.places);
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

/** Recomputes one derived column of one table. */
function deriveColumn(t: ResolvedTable, i: number, counts: CheckCounts): DerivedResult[] {
  const { specs, figures } = t;
  const s = specs[i];
  if (s.kind !== 'derived') return [];
  const isValue = (k: number) => specs[k].kind === 'value' && (specs[k] as { currency?: string }).currency !== 'USD';
  const currentCol = specs.findIndex((_, k) => isValue(k));
  let base = -1;
  for (let k = i - 1; k >= 0; k--)
    if (isValue(k)) {
      base = k;
      break;
    }
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
      if (!cur || !prior || base === currentCol) {
        out.push({ t, r, i, base, printed: p, explain: '', key });
        return;
      }
      const q = divide(around(cur), around(prior));
      out.push({
        t,
        r,
        i,
        base,
        printed: p,
        key,
        pct: q && [mul(sub(q[0], ONE), HUNDRED), mul(sub(q[1], ONE), HUNDRED)],
        explain: `(${n(cur)} − ${n(prior)}) / ${n(prior)}`,
      });
    } else {
      const x = asNum(fr[base]);
      const y = totalRow >= 0 ? asNum(figures[totalRow][base]) : undefined;
      if (!x || !y) {
        out.push({ t, r, i, base, printed: p, explain: '', key });
        return;
      }
      // The denominator's own share is x / x: exactly 100 whatever the rounding of x.
      const q = r === totalRow ? ([ONE, ONE] as Interval) : divide(around(x), around(y));
      out.push({
        t,
        r,
        i,
        base,
        printed: p,
        key,
        pct: q && [mul(q[0], HUNDRED), mul(q[1], HUNDRED)],
        explain: r === totalRow ? `${n(x)} / ${n(x)}` : `${n(x)} / ${y.digits}`,
      });
    }
  });
  for (const d of out)
    if (d.pct) counts.percentChecked++;
    else counts.percentUnverifiable++;
  return out;
}

/** Within one unit of the printed figure's last digit of some value the stated figures allow. */
const withinOneUnit = (d: DerivedResult) => !!d.pct && within(signed(d.printed), d.pct, unit(d.printed));
/** v lies in [lo − u, hi + u]. */
const within = (v: Q, [lo, hi]: Interval, u: Q) => cmp(v, sub(lo, u)) >= 0 && cmp(v, add(hi, u)) <= 0;

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
    const value = (x: DerivedResult) => mul(signed(x.printed), intQ(d.t.rows[x.r]!.sign));
    const sum = parts.reduce((acc, p) => add(acc, mul(value(p.x!), parseQ(String(p.it.weight)))), ZERO);
    if (cmp(sum, value(total)) === 0) {
      const terms = parts.map((p, k) => {
        const v = mul(value(p.x!), parseQ(String(p.it.weight)));
        return `${sign(v) < 0 ? '− ' : k ? '+ ' : ''}${toFixedQ(abs(v), p.x!.printed.places)}`;
      });
      return `${terms.join(' ')} = ${toFixedQ(value(total), total.printed.places)} (${rel.total}) as printed`;
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
export function checkPercentFigures(
  tables: ResolvedTable[],
  file: string,
  counts: CheckCounts,
  calcs: SourceCalculation[] = [],
): Diagnostic[] {
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
        out.push(
          foot
            ? diag(
                'release:footingAdjustment',
                'info',
                `${where}: printed ${cell.text} where ${d.explain} gives ${range}; adjusted by one unit so that the column foots: ${foot}.`,
                { source: { file, line: cell.line, column: cell.column }, related, expected: range, actual: cell.text },
              )
            : diag(
                'release:percentMismatch',
                'inconsistency',
                `${where}: printed ${cell.text}, but ${d.explain} gives ${range} for any rounding of the stated figures.`,
                { source: { file, line: cell.line, column: cell.column }, related, expected: range, actual: cell.text },
              ),
        );
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
  for (const d of all) {
    if (!d.key) continue;
    const g = byKey.get(d.key);
    if (g) g.push(d);
    else byKey.set(d.key, [d]);
  }
  for (const group of byKey.values()) {
    const ja = group.find((d) => d.t.table.lang === 'ja');
    const en = group.find((d) => d.t.table.lang === 'en');
    if (!ja || !en) continue;
    counts.derivedCompared = (counts.derivedCompared ?? 0) + 1;
    if (cmp(signed(ja.printed), signed(en.printed)) === 0) continue;
    const cell = (d: DerivedResult) => d.t.table.rows[d.r].cells[d.i];
    const label = normalizeLabel(en.t.table.rows[en.r].label.text).text;
    out.push(
      diag(
        'release:derivedLanguageMismatch',
        'warning',
        `${en.t.id} row "${label}": the English part prints ${cell(en).text}, the Japanese part (${ja.t.id}) ${cell(ja).text} for the same derived figure.`,
        {
          source: { file, line: cell(en).line, column: cell(en).column },
          related: [{ file, line: cell(ja).line, column: cell(ja).column }],
          expected: cell(en).text,
          actual: cell(ja).text,
        },
      ),
    );
  }
  return out;
}

/** A USD figure with what its JPY figure at the stated rate allows. */
interface UsdResult {
  f: MappedFact;
  j: MappedFact;
  exact: Interval;
  stated: Interval;
}

/**
 * Every USD convenience figure against its JPY figure and the stated rate: JPY ÷ rate must fall
 * within the USD figure's rounding, each side taken as the interval its printed digits allow.
 * A USD figure one unit off that makes its USD column foot to the printed USD total is a footing
 * adjustment (`info`), as for percentages.
 */
export function checkUsdTranslations(
  facts: MappedFact[],
  file: string,
  counts: CheckCounts,
  calcs: SourceCalculation[] = [],
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const usd = clark(NS.iso4217, 'USD');
  const jpy = clark(NS.iso4217, 'JPY');
  const rateFact = facts.find((f) => f.unit && f.unit.numerators[0] === jpy && f.unit.denominators[0] === usd);
  if (!rateFact || rateFact.value === null) return out;
  const rd = typeof rateFact.decimals === 'number' ? rateFact.decimals : 10;
  const rate = aroundValue(parseQ(rateFact.value), rd);
  const single = (f: MappedFact, m: string) =>
    !!f.unit &&
    f.unit.numerators.length === 1 &&
    f.unit.numerators[0] === m &&
    f.unit.denominators.length === 0 &&
    f.value !== null;
  const jpyByKey = new Map<string, MappedFact>();
  for (const f of facts) if (single(f, jpy)) jpyByKey.set(`${f.name}|${periodKey(f.period)}`, f);
  const results = new Map<string, UsdResult>();
  for (const f of facts) {
    if (!single(f, usd)) continue;
    const j = jpyByKey.get(`${f.name}|${periodKey(f.period)}`);
    if (!j) continue;
    const jd = j.decimals as number;
    const exact = divide(aroundValue(parseQ(j.value as string), jd), rate);
    if (!exact) continue;
    counts.usdChecked++;
    results.set(`${f.name}|${periodKey(f.period)}`, {
      f,
      j,
      exact,
      stated: aroundValue(parseQ(f.value as string), f.decimals as number),
    });
  }
  for (const u of results.values()) {
    if (overlaps(u.exact, u.stated)) continue;
    const o = u.f.provenance[0];
    const range = `USD ${toFixedQ(div(u.exact[0], THOUSAND), 1)}…${toFixedQ(div(u.exact[1], THOUSAND), 1)} thousand`;
    const where = `${u.f.name} (${o.table} row "${o.row}")`;
    const foot = usdFooting(u, results, calcs);
    if (foot) counts.footingAdjustments = (counts.footingAdjustments ?? 0) + 1;
    const extra = {
      source: { file, line: o.line, column: o.col },
      related: [{ file, line: u.j.provenance[0].line, column: u.j.provenance[0].col }],
      concept: u.f.name,
      expected: `${toFixedQ(u.exact[0], 0)}…${toFixedQ(u.exact[1], 0)}`,
      actual: u.f.value as string,
    };
    out.push(
      foot
        ? diag(
            'release:footingAdjustment',
            'info',
            `${where}: USD ${o.printed} thousand where JPY ${u.j.provenance[0].printed} at ${rateFact.value} JPY/USD gives ${range}; adjusted by one unit so that the USD column foots: ${foot}.`,
            extra,
          )
        : diag(
            'release:usdTranslationMismatch',
            'inconsistency',
            `${where}: USD ${o.printed} thousand, but JPY ${u.j.provenance[0].printed} at ${rateFact.value} JPY/USD gives ${range}.`,
            extra,
          ),
    );
  }
  return out;
}

/** A USD column of parts that sums exactly to its printed USD total, every part within one unit of its translation. */
function usdFooting(u: UsdResult, results: Map<string, UsdResult>, calcs: SourceCalculation[]): string | undefined {
  const near = (x: UsdResult) => within(parseQ(x.f.value as string), x.exact, pow10Q(-(x.f.decimals as number)));
  if (!near(u)) return undefined;
  const pk = periodKey(u.f.period);
  const at = (c: string) => results.get(`${c}|${pk}`);
  for (const rel of calcs) {
    if (rel.total !== u.f.name && !rel.items.some((it) => it.concept === u.f.name)) continue;
    const total = at(rel.total);
    const parts = rel.items.map((it) => ({ it, x: at(it.concept) })).filter((p) => p.x);
    if (!total || parts.length < 2 || ![total, ...parts.map((p) => p.x!)].every(near)) continue;
    const sum = parts.reduce(
      (acc, p) => add(acc, mul(parseQ(p.x!.f.value as string), parseQ(String(p.it.weight)))),
      ZERO,
    );
    if (cmp(sum, parseQ(total.f.value as string)) === 0) {
      return `the parts of ${rel.total} sum to its printed USD ${total.f.provenance[0].printed} thousand`;
    }
  }
  return undefined;
}
