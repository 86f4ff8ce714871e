import { NS, clark, diag, type Diagnostic } from '../model';
import type { MappedFact } from '../mapping/types';
import type { SourceCalculation } from '../mapping/taxonomy-source';
import { periodKey } from '../xbrl/aspects';
import { div, intQ, parseQ, pow10Q, toFixedQ } from '../util/exact';
import { findFooting } from './footing';
import { aroundValue, divide, overlaps, within, type Interval } from './intervals';
import type { CheckInput, CheckResult } from './types';

const THOUSAND = intQ(1000);

/** A USD figure with what its JPY figure at the stated rate allows. */
interface UsdResult {
  f: MappedFact;
  j: MappedFact;
  exact: Interval;
  stated: Interval;
}

const single = (f: MappedFact, m: string) =>
  !!f.unit &&
  f.unit.numerators.length === 1 &&
  f.unit.numerators[0] === m &&
  f.unit.denominators.length === 0 &&
  f.value !== null;

/** Every USD fact with a JPY fact of the same concept and period, keyed `concept|period`, against the rate. */
function translations(facts: MappedFact[], rate: Interval): Map<string, UsdResult> {
  const usd = clark(NS.iso4217, 'USD');
  const jpy = clark(NS.iso4217, 'JPY');
  const jpyByKey = new Map<string, MappedFact>();
  for (const f of facts) if (single(f, jpy)) jpyByKey.set(`${f.name}|${periodKey(f.period)}`, f);
  const results = new Map<string, UsdResult>();
  for (const f of facts) {
    if (!single(f, usd)) continue;
    const j = jpyByKey.get(`${f.name}|${periodKey(f.period)}`);
    if (!j) continue;
    const exact = divide(aroundValue(parseQ(j.value as string), j.decimals as number), rate);
    if (!exact) continue;
    const stated = aroundValue(parseQ(f.value as string), f.decimals as number);
    results.set(`${f.name}|${periodKey(f.period)}`, { f, j, exact, stated });
  }
  return results;
}

/** A USD column of parts that sums exactly to its printed USD total, every part within one unit of its translation. */
function usdFooting(u: UsdResult, results: Map<string, UsdResult>, calcs: SourceCalculation[]): string | undefined {
  const near = (x: UsdResult) => within(parseQ(x.f.value as string), x.exact, pow10Q(-(x.f.decimals as number)));
  const pk = periodKey(u.f.period);
  const value = (x: UsdResult) => parseQ(x.f.value as string);
  const foot = findFooting(u, u.f.name, calcs, (c) => results.get(`${c}|${pk}`), near, value);
  return foot && `the parts of ${foot.rel.total} sum to its printed USD ${foot.total.f.provenance[0].printed} thousand`;
}

/**
 * Every USD convenience figure against its JPY figure and the stated rate: JPY ÷ rate must fall
 * within the USD figure's rounding, each side taken as the interval its printed digits allow.
 * A USD figure one unit off that makes its USD column foot to the printed USD total is a footing
 * adjustment (`info`), as for percentages.
 */
export function checkUsdTranslations(input: Pick<CheckInput, 'facts' | 'file' | 'calculations'>): CheckResult {
  const { facts, file, calculations: calcs } = input;
  const diagnostics: Diagnostic[] = [];
  const [usd, jpy] = [clark(NS.iso4217, 'USD'), clark(NS.iso4217, 'JPY')];
  const rateFact = facts.find((f) => f.unit && f.unit.numerators[0] === jpy && f.unit.denominators[0] === usd);
  if (!rateFact || rateFact.value === null) return { diagnostics, counts: { usdChecked: 0 } };
  const rd = typeof rateFact.decimals === 'number' ? rateFact.decimals : 10;
  const results = translations(facts, aroundValue(parseQ(rateFact.value), rd));
  let footings = 0;
  for (const u of results.values()) {
    if (overlaps(u.exact, u.stated)) continue;
    const o = u.f.provenance[0];
    const range = `USD ${toFixedQ(div(u.exact[0], THOUSAND), 1)}…${toFixedQ(div(u.exact[1], THOUSAND), 1)} thousand`;
    const where = `${u.f.name} (${o.table} row "${o.row}")`;
    const foot = usdFooting(u, results, calcs);
    if (foot) footings++;
    const extra = {
      source: { file, line: o.line, column: o.col },
      related: [{ file, line: u.j.provenance[0].line, column: u.j.provenance[0].col }],
      concept: u.f.name,
      expected: `${toFixedQ(u.exact[0], 0)}…${toFixedQ(u.exact[1], 0)}`,
      actual: u.f.value as string,
    };
    const stated = `JPY ${u.j.provenance[0].printed} at ${rateFact.value} JPY/USD gives ${range}`;
    diagnostics.push(
      foot
        ? diag(
            'release:footingAdjustment',
            'info',
            `${where}: USD ${o.printed} thousand where ${stated}; adjusted by one unit so that the USD column foots: ${foot}.`,
            extra,
          )
        : diag(
            'release:usdTranslationMismatch',
            'inconsistency',
            `${where}: USD ${o.printed} thousand, but ${stated}.`,
            extra,
          ),
    );
  }
  return { diagnostics, counts: { usdChecked: results.size, ...(footings ? { footingAdjustments: footings } : {}) } };
}
