import { NS, splitClark, type Period, type Unit } from '../model';

/** Prefix for each namespace a writer may meet; the report's own map wins. */
export function prefixer(namespaces: Record<string, string>): (clarkName: string) => string {
  const byNs = new Map<string, string>();
  for (const [p, ns] of Object.entries({ xbrli: NS.xbrli, iso4217: NS.iso4217, xbrldi: NS.xbrldi, ...namespaces })) byNs.set(ns, p);
  return (c: string) => {
    const { ns, local } = splitClark(c);
    const p = byNs.get(ns);
    if (p === undefined) throw new Error(`no prefix bound for namespace ${ns}`);
    return `${p}:${local}`;
  };
}

export const contextId = (p: Period): string =>
  p.type === 'instant' ? `I${p.instant}` : p.type === 'duration' ? `D${p.start}_${p.end}` : 'Forever';

export function unitId(u: Unit): string {
  const local = (c: string) => splitClark(c).local;
  const num = u.numerators.map(local).join('_');
  return u.denominators.length ? `${num}Per${u.denominators.map(local).join('_')}` : num;
}
