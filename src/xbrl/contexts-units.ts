import { NS, type Fact, type Unit } from '../model';
import { contextIds, dimensionsOf, isClarkName, unitId } from './aspects';
import { compareText } from '../util/compare-text';

/**
 * The part of an XML element builder the context and unit writer needs (xmlbuilder2's `ele`/`txt`,
 * or the Inline XBRL writer's own tree), so that the XBRL 2.1 instance and the Inline XBRL header
 * write contexts and units through one function: same ids, same order, same markup.
 */
export interface XmlSink {
  ele(namespace: string, qualifiedName: string, attributes?: Record<string, string>): XmlSink;
  txt(content: string): XmlSink;
}

/**
 * Appends one `xbrli:context` per context the facts use (see `contextIds`: one per period for a
 * report of one entity without dimensions) and one `xbrli:unit` per unit, sorted by id. Explicit
 * dimensions are written in the scenario; typed dimensions need their typed element, which a
 * `Fact` does not keep: `typedDimensions` tells a writer beforehand.
 */
export function writeContextsAndUnits(
  parent: XmlSink,
  facts: readonly Fact[],
  q: (clarkName: string) => string,
  idOf: (f: Fact) => string = contextIds(facts),
): void {
  const contexts = new Map<string, Fact>();
  const units = new Map<string, Unit>();
  for (const f of facts) {
    const cid = idOf(f);
    if (!contexts.has(cid)) contexts.set(cid, f);
    if (f.unit) units.set(unitId(f.unit), f.unit);
  }
  for (const [id, f] of [...contexts].sort(([a], [b]) => compareText(a, b))) {
    const c = parent.ele(NS.xbrli, 'xbrli:context', { id });
    c.ele(NS.xbrli, 'xbrli:entity')
      .ele(NS.xbrli, 'xbrli:identifier', { scheme: f.entity.scheme })
      .txt(f.entity.identifier);
    const p = c.ele(NS.xbrli, 'xbrli:period');
    if (f.period.type === 'instant') p.ele(NS.xbrli, 'xbrli:instant').txt(f.period.instant);
    else if (f.period.type === 'duration') {
      p.ele(NS.xbrli, 'xbrli:startDate').txt(f.period.start);
      p.ele(NS.xbrli, 'xbrli:endDate').txt(f.period.end);
    } else p.ele(NS.xbrli, 'xbrli:forever');
    const dims = dimensionsOf(f);
    if (dims.length) {
      const sc = c.ele(NS.xbrli, 'xbrli:scenario');
      for (const [d, m] of dims) sc.ele(NS.xbrldi, 'xbrldi:explicitMember', { dimension: q(d) }).txt(q(m));
    }
  }
  for (const [id, u] of [...units].sort(([a], [b]) => compareText(a, b))) {
    const e = parent.ele(NS.xbrli, 'xbrli:unit', { id });
    if (u.denominators.length === 0) for (const m of u.numerators) e.ele(NS.xbrli, 'xbrli:measure').txt(q(m));
    else {
      const d = e.ele(NS.xbrli, 'xbrli:divide');
      const n = d.ele(NS.xbrli, 'xbrli:unitNumerator');
      for (const m of u.numerators) n.ele(NS.xbrli, 'xbrli:measure').txt(q(m));
      const dn = d.ele(NS.xbrli, 'xbrli:unitDenominator');
      for (const m of u.denominators) dn.ele(NS.xbrli, 'xbrli:measure').txt(q(m));
    }
  }
}

/** Dimensions whose member is not a QName (typed dimensions, or unresolved members): what the XML writer cannot write. */
export function typedDimensions(facts: readonly Fact[]): string[] {
  const out = new Set<string>();
  for (const f of facts) for (const [d, m] of dimensionsOf(f)) if (!isClarkName(m)) out.add(d);
  return [...out].sort(compareText);
}
