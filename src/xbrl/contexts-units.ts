import { NS, type Fact, type Unit } from '../model';
import { contextId, unitId } from './aspects';
import { compareText } from '../util/compare-text';
import { dimensionEntries, typedMember } from './dimensions';

/**
 * The context id of each fact: its period's (`contextId`) when it has no dimensions — the ids of a
 * report without dimensions are unchanged — else that and `_D` with the number of its set of members
 * among the report's sets (in text order), so each distinct set of members has its own context.
 */
export function contextIdOf(facts: readonly Fact[]): (f: Fact) => string {
  const keys = new Set<string>();
  for (const f of facts) if (f.dimensions) keys.add(JSON.stringify(dimensionEntries(f)));
  keys.delete('[]');
  if (!keys.size) return (f) => contextId(f.period);
  const numbers = new Map([...keys].sort(compareText).map((k, i) => [k, i + 1]));
  return (f) => {
    const n = f.dimensions ? numbers.get(JSON.stringify(dimensionEntries(f))) : undefined;
    return n === undefined ? contextId(f.period) : `${contextId(f.period)}_D${n}`;
  };
}

/** Where a context's dimension members are written: `xbrli:segment` (in the entity) or `xbrli:scenario` (after the period). */
export type DimensionContainer = 'segment' | 'scenario';

/** A fact's dimensions as xbrldi members in the container (explicit: the member's QName; typed: its element with its text). */
function writeMembers(parent: XmlSink, f: Fact, q: (clarkName: string) => string, container: DimensionContainer): void {
  const dims = dimensionEntries(f);
  if (!dims.length) return;
  const seg = parent.ele(NS.xbrli, `xbrli:${container}`);
  for (const [dim, member] of dims) {
    const t = typedMember(member);
    if (t)
      seg
        .ele(NS.xbrldi, 'xbrldi:typedMember', { dimension: q(dim) })
        .ele('', q(t.element))
        .txt(t.text);
    else seg.ele(NS.xbrldi, 'xbrldi:explicitMember', { dimension: q(dim) }).txt(q(member));
  }
}

/**
 * The part of an XML element builder the context and unit writer needs (xmlbuilder2's `ele`/`txt`,
 * or the Inline XBRL writer's own tree), so that the XBRL 2.1 instance and the Inline XBRL header
 * write contexts and units through one function: same ids, same order, same markup.
 */
export interface XmlSink {
  ele(namespace: string, qualifiedName: string, attributes?: Record<string, string>): XmlSink;
  txt(content: string): XmlSink;
}

/** Appends one `xbrli:context` per period and one `xbrli:unit` per unit the facts use, sorted by id. */
export function writeContextsAndUnits(
  parent: XmlSink,
  facts: readonly Fact[],
  q: (clarkName: string) => string,
  idOf: (f: Fact) => string = (f) => contextId(f.period),
  container: DimensionContainer = 'segment',
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
    const entity = c.ele(NS.xbrli, 'xbrli:entity');
    entity.ele(NS.xbrli, 'xbrli:identifier', { scheme: f.entity.scheme }).txt(f.entity.identifier);
    if (container === 'segment') writeMembers(entity, f, q, container);
    const p = c.ele(NS.xbrli, 'xbrli:period');
    if (f.period.type === 'instant') p.ele(NS.xbrli, 'xbrli:instant').txt(f.period.instant);
    else if (f.period.type === 'duration') {
      p.ele(NS.xbrli, 'xbrli:startDate').txt(f.period.start);
      p.ele(NS.xbrli, 'xbrli:endDate').txt(f.period.end);
    } else p.ele(NS.xbrli, 'xbrli:forever');
    if (container === 'scenario') writeMembers(c, f, q, container);
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
