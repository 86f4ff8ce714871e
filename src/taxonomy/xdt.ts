import type { Clark, Concept, Dts, Relationship } from '../model';

/**
 * XBRL Dimensions 1.0 vocabulary and the relationship index its taxonomy and instance rules share:
 * relationships of the dimensional arcroles by arcrole, link role and source (and by target for
 * domain-member, to find the primary items a hypercube is inherited from).
 */
export const XDT_ARCROLE = {
  all: 'http://xbrl.org/int/dim/arcrole/all',
  notAll: 'http://xbrl.org/int/dim/arcrole/notAll',
  hypercubeDimension: 'http://xbrl.org/int/dim/arcrole/hypercube-dimension',
  dimensionDomain: 'http://xbrl.org/int/dim/arcrole/dimension-domain',
  domainMember: 'http://xbrl.org/int/dim/arcrole/domain-member',
  dimensionDefault: 'http://xbrl.org/int/dim/arcrole/dimension-default',
} as const;

const XDT_ARCROLES = new Set<string>(Object.values(XDT_ARCROLE));

/** A primary item (and a domain member, §2.5.2): an item that is neither a hypercube nor a dimension. */
export const isPrimaryItem = (c: Concept | undefined): boolean => !!c && c.substitutionGroup === 'item' && !c.xdt;
export const isHypercube = (c: Concept | undefined): boolean => c?.xdt === 'hypercube';
export const isDimension = (c: Concept | undefined): boolean => c?.xdt === 'dimension';
export const isTypedDimension = (c: Concept | undefined): boolean => isDimension(c) && c!.typedDomainRef !== undefined;

/** `xbrldt:usable` (default true) and `xbrldt:closed` (default false) as booleans. */
export const isUsable = (r: Relationship): boolean => !/^\s*(false|0)\s*$/.test(r.xdt?.usable ?? 'true');
export const isClosed = (r: Relationship): boolean => /^\s*(true|1)\s*$/.test(r.xdt?.closed ?? 'false');
/**
 * Where an xBRL-XML writer puts a report's dimension members (OIM does not record segment or scenario):
 * the container every has-hypercube relationship of the DTS names in `xbrldt:contextElement`, and the
 * scenario when the DTS has none or names both (xBRL-XML 1.0, §"Dimensions": the specification then
 * prefers the container the facts are dimensionally valid in; this takes the scenario, as Arelle does).
 */
export function dimensionContainer(dts: Pick<Dts, 'relationships'>): 'segment' | 'scenario' {
  const used = new Set<string>();
  for (const r of dts.relationships)
    if (r.arcrole === XDT_ARCROLE.all || r.arcrole === XDT_ARCROLE.notAll) used.add(r.xdt?.contextElement?.trim() ?? '');
  return used.size === 1 && used.has('segment') ? 'segment' : 'scenario';
}

/** The link role consecutive relationships are found in: the arc's targetRole, else its own. */
export const nextRole = (r: Relationship): string => r.xdt?.targetRole?.trim() || r.linkrole;

export interface XdtIndex {
  /** Relationships of an XDT arcrole in a link role from a concept. */
  from(arcrole: string, linkrole: string, from: Clark): readonly Relationship[];
  /** Relationships of an XDT arcrole from a concept, in any link role. */
  fromAny(arcrole: string, from: Clark): readonly Relationship[];
  /** Domain-member relationships to a concept, in any link role. */
  domainMembersTo(to: Clark): readonly Relationship[];
  /** Every relationship of an XDT arcrole. */
  all(arcrole: string): readonly Relationship[];
  readonly empty: boolean;
}

const NONE: readonly Relationship[] = Object.freeze([]);

/** Indexes the DTS's dimensional relationships once (one pass over all relationships). */
export function xdtIndex(relationships: readonly Relationship[]): XdtIndex {
  const byKey = new Map<string, Relationship[]>();
  const byArcrole = new Map<string, Relationship[]>();
  const membersTo = new Map<Clark, Relationship[]>();
  const byArcFrom = new Map<string, Relationship[]>();
  const push = <K>(m: Map<K, Relationship[]>, k: K, r: Relationship) => {
    const list = m.get(k);
    if (list) list.push(r);
    else m.set(k, [r]);
  };
  for (const r of relationships) {
    if (!XDT_ARCROLES.has(r.arcrole)) continue;
    push(byKey, `${r.arcrole}\u0000${r.linkrole}\u0000${r.from}`, r);
    push(byArcrole, r.arcrole, r);
    push(byArcFrom, `${r.arcrole}\u0000${r.from}`, r);
    if (r.arcrole === XDT_ARCROLE.domainMember) push(membersTo, r.to, r);
  }
  for (const list of byKey.values()) list.sort((a, b) => a.order - b.order);
  return {
    from: (arcrole, linkrole, from) => byKey.get(`${arcrole}\u0000${linkrole}\u0000${from}`) ?? NONE,
    fromAny: (arcrole, from) => byArcFrom.get(`${arcrole}\u0000${from}`) ?? NONE,
    domainMembersTo: (to) => membersTo.get(to) ?? NONE,
    all: (arcrole) => byArcrole.get(arcrole) ?? NONE,
    empty: byArcrole.size === 0,
  };
}

/** The domain-member descendants of `from` in `linkrole` (consecutive arcs followed by targetRole): usable and unusable targets. */
export function domainMembers(
  index: XdtIndex,
  first: readonly Relationship[],
  linkrole: string,
): { usable: Set<Clark>; unusable: Set<Clark> } {
  const usable = new Set<Clark>();
  const unusable = new Set<Clark>();
  // Each (member, link role) is expanded once: linear in the relationships, cycles included.
  const seen = new Set<string>();
  const stack: { rels: readonly Relationship[]; role: string }[] = [{ rels: first, role: linkrole }];
  while (stack.length) {
    const { rels, role } = stack.pop()!;
    for (const r of rels) {
      (isUsable(r) ? usable : unusable).add(r.to);
      const next = r.xdt?.targetRole?.trim() || role;
      const key = `${next}\u0000${r.to}`;
      if (seen.has(key)) continue;
      seen.add(key);
      stack.push({ rels: index.from(XDT_ARCROLE.domainMember, next, r.to), role: next });
    }
  }
  return { usable, unusable };
}
