import { NS, splitClark, type Period, type Unit } from '../model';
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

export const isClarkName = (s: string): boolean => /^\{[^}]*\}[^{}\s]+$/.test(s);

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
