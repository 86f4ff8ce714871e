import type { Clark, Concept, Dts, Relationship } from '../model';
import {
  XDT_ARCROLE as A,
  domainMembers,
  isClosed,
  isTypedDimension,
  nextRole,
  xdtIndex,
  type XdtIndex,
} from '../taxonomy/xdt';

/**
 * The dimensional relationship sets (DRS) of a DTS, compiled once for every instance validated against
 * it (XBRL Dimensions 1.0 §2): per primary item, its base sets (has-hypercube relationships grouped by
 * link role, inherited ones included); per hypercube, its dimensions with their usable members; the
 * default member of each dimension. Checking a fact is then a few map lookups.
 */
export interface CubeDimension {
  dimension: Clark;
  typed: boolean;
  /** Explicit dimensions: the usable members of its domain in the DRS (unusable ones removed). */
  usable?: ReadonlySet<Clark>;
}

export interface HasCube {
  cube: Clark;
  /** notAll: the fact must not be valid in this hypercube. */
  negated: boolean;
  closed: boolean;
  container: 'segment' | 'scenario';
  dimensions: readonly CubeDimension[];
}

/** A primary item's base sets: in each, every has-hypercube relationship must be met; a fact needs one base set met. */
export type BaseSets = readonly (readonly HasCube[])[];

export interface Drs {
  /** Whether the DTS has any dimensional relationship (when not, no fact needs checking). */
  readonly any: boolean;
  readonly defaults: ReadonlyMap<Clark, Clark>;
  /** The base sets of a primary item; empty when it has no hypercube (then every context is valid for it). */
  baseSets(concept: Clark): BaseSets;
}

const compiled = new WeakMap<Dts, Drs>();

/** The DTS's DRS, compiled on first use and kept with the DTS (one compile per compiled validator). */
export function drsOf(dts: Dts): Drs {
  let d = compiled.get(dts);
  if (!d) compiled.set(dts, (d = compileDrs(dts)));
  return d;
}

const NO_BASE_SETS: BaseSets = Object.freeze([]);

export function compileDrs(dts: Dts): Drs {
  const index = xdtIndex(dts.relationships);
  const defaults = new Map<Clark, Clark>();
  for (const r of index.all(A.dimensionDefault)) if (!defaults.has(r.from)) defaults.set(r.from, r.to);
  const cubes = new Map<Relationship, HasCube>();
  const domains = new Map<string, ReadonlySet<Clark>>();
  const byItem = new Map<Clark, BaseSets>();
  const hasCube = (r: Relationship): HasCube => {
    let h = cubes.get(r);
    if (!h) cubes.set(r, (h = compileCube(index, dts.concepts, r, domains)));
    return h;
  };
  return Object.freeze({
    any: !index.empty,
    defaults,
    baseSets(concept: Clark): BaseSets {
      if (index.empty) return NO_BASE_SETS;
      let b = byItem.get(concept);
      if (!b) {
        const groups = [...hasHypercubes(index, concept).values()].map((rels) => rels.map(hasCube));
        byItem.set(concept, (b = groups.length ? groups : NO_BASE_SETS));
      }
      return b;
    },
  });
}

/** One has-hypercube relationship: its hypercube's dimensions (in the targetRole's link role, if any) with their usable members. */
function compileCube(
  index: XdtIndex,
  concepts: Map<Clark, Concept>,
  has: Relationship,
  domains: Map<string, ReadonlySet<Clark>>,
): HasCube {
  const dimRole = nextRole(has);
  const dimensions = index.from(A.hypercubeDimension, dimRole, has.to).map((hd): CubeDimension => {
    const typed = isTypedDimension(concepts.get(hd.to));
    if (typed) return { dimension: hd.to, typed };
    const domRole = nextRole(hd);
    const key = `${domRole}\u0000${hd.to}`;
    let usable = domains.get(key);
    if (!usable) {
      const m = domainMembers(index, index.from(A.dimensionDomain, domRole, hd.to), domRole);
      for (const u of m.unusable) m.usable.delete(u);
      domains.set(key, (usable = m.usable));
    }
    return { dimension: hd.to, typed, usable };
  });
  return {
    cube: has.to,
    negated: has.arcrole === A.notAll,
    closed: isClosed(has),
    container: has.xdt?.contextElement?.trim() === 'scenario' ? 'scenario' : 'segment',
    dimensions,
  };
}

/**
 * A primary item's has-hypercube relationships by link role: its own, in every link role, and those of
 * the items it is a domain member of (in the link role of that domain-member relationship, reached
 * through consecutive relationships), as Arelle's findPriItemElrHcRels.
 */
function hasHypercubes(index: XdtIndex, item: Clark): Map<string, Relationship[]> {
  const byRole = new Map<string, Relationship[]>();
  const seen = new Set<string>();
  const stack: [Clark, string | undefined][] = [[item, undefined]];
  while (stack.length) {
    const [c, role] = stack.pop()!;
    const key = `${role ?? ''}\u0000${c}`;
    if (seen.has(key)) continue;
    seen.add(key);
    for (const arcrole of [A.all, A.notAll])
      for (const r of role === undefined ? index.fromAny(arcrole, c) : index.from(arcrole, role, c)) {
        const list = byRole.get(r.linkrole);
        if (list) list.push(r);
        else byRole.set(r.linkrole, [r]);
      }
    for (const dm of index.domainMembersTo(c))
      if (role === undefined || role === nextRole(dm)) stack.push([dm.from, dm.linkrole]);
  }
  return byRole;
}
