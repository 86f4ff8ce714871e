import { NS, splitClark, type Clark, type Fact, type Period, type Unit } from '../model';
import { addDays } from './dates';

/**
 * The shared XBRL vocabulary of aspects: how periods and units are keyed, named and written.
 * Every stage (mapping, writers, readers, validator) takes these from here, so one period or unit
 * has one spelling everywhere.
 */

/** A period as a short stable key: `I2003-12-31`, `D2003-10-01_2003-12-31`, `F`. */
export const periodKey = (p: Period): string =>
  p.type === 'instant' ? `I${p.instant}` : p.type === 'duration' ? `D${p.start}_${p.end}` : 'F';

/** A period as people read it: `2003-12-31`, `2003-10-01..2003-12-31`, `forever`. */
export const periodText = (p: Period): string =>
  p.type === 'instant' ? p.instant : p.type === 'duration' ? `${p.start}..${p.end}` : 'forever';

/** A context id (an NCName) generated from the period alone (one entity, no dimensions). */
export const contextId = (p: Period): string => (p.type === 'forever' ? 'Forever' : periodKey(p));

/** Dimension aspects of a fact: explicit (member a Clark name) and typed (member its text); segment or scenario content that is not dimensional (keys not Clark names) is left out. */
export function dimensionsOf(f: Pick<Fact, 'dimensions'>): [Clark, string][] {
  if (!f.dimensions) return [];
  return Object.entries(f.dimensions)
    .filter(([d]) => d.startsWith('{'))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}
export const isClarkName = (s: string): boolean => /^\{[^}]*\}[^{}\s]+$/.test(s);

/**
 * Context ids for a report's facts: facts of the first fact's entity without dimensions keep
 * `contextId(period)` (every context of a report of one entity without dimensions, as before);
 * other entity and dimension combinations of a period are numbered after it (`D2003-10-01_2003-12-31_2`),
 * in the order of their sorted keys, so the ids do not depend on the order of the facts.
 */
export function contextIds(facts: readonly Fact[]): (f: Fact) => string {
  const first = facts[0]?.entity;
  const keyOf = (f: Fact) => {
    const other = first && (f.entity.scheme !== first.scheme || f.entity.identifier !== first.identifier);
    const dims = dimensionsOf(f);
    return other || dims.length ? JSON.stringify([f.entity.scheme, f.entity.identifier, dims]) : '';
  };
  const byPeriod = new Map<string, Set<string>>();
  for (const f of facts) {
    const k = keyOf(f);
    if (!k) continue;
    const id = contextId(f.period);
    const set = byPeriod.get(id) ?? new Set<string>();
    set.add(k);
    byPeriod.set(id, set);
  }
  const numbers = new Map<string, number>();
  for (const [id, keys] of byPeriod) [...keys].sort().forEach((k, i) => numbers.set(`${id} ${k}`, i + 2));
  return (f) => {
    const id = contextId(f.period);
    const k = keyOf(f);
    return k ? `${id}_${numbers.get(`${id} ${k}`)}` : id;
  };
}

/** A unit id (an NCName) from its measures' local names: `JPY`, `JPYPershares`, `pure`. */
export function unitId(u: Unit): string {
  const local = (c: string) => splitClark(c).local;
  const num = u.numerators.map(local).join('_');
  return u.denominators.length ? `${num}Per${u.denominators.map(local).join('_')}` : num;
}

/** Prefix for each namespace a writer may meet; the report's own map wins. */
export function prefixer(namespaces: Record<string, string>): (clarkName: string) => string {
  const byNs = new Map<string, string>();
  for (const [p, ns] of Object.entries({ xbrli: NS.xbrli, iso4217: NS.iso4217, xbrldi: NS.xbrldi, ...namespaces }))
    byNs.set(ns, p);
  return (c: string) => {
    const { ns, local } = splitClark(c);
    const p = byNs.get(ns);
    if (p === undefined) throw new Error(`no prefix bound for namespace ${ns}`);
    return `${p}:${local}`;
  };
}

/** XBRL dates mean the end of the day; OIM writes that moment as the next day's midnight. */
export function oimPeriod(p: Period): string | undefined {
  if (p.type === 'instant') return `${addDays(p.instant, 1)}T00:00:00`;
  if (p.type === 'duration') return `${p.start}T00:00:00/${addDays(p.end, 1)}T00:00:00`;
  return undefined;
}

/** OIM unit string (measures sorted, `*` and `/`); undefined for `xbrli:pure`, which OIM omits. */
export function oimUnit(u: Unit, q: (c: string) => string): string | undefined {
  const side = (ms: string[]) => {
    const s = ms.map(q).sort();
    return s.length > 1 ? `(${s.join('*')})` : s[0];
  };
  if (u.denominators.length === 0 && u.numerators.length === 1 && u.numerators[0] === `{${NS.xbrli}}pure`)
    return undefined;
  return u.denominators.length ? `${side(u.numerators)}/${side(u.denominators)}` : side(u.numerators);
}

/** Prefixes OIM documents use for entity identifier schemes we know. */
export const ENTITY_PREFIXES: Record<string, string> = { 'http://www.sec.gov/CIK': 'cik' };
