import { diag, NS, type Clark, type Concept, type Diagnostic, type DiagnosticCode, type Relationship } from '../../model';
import type { RawLinkbase } from '../read-linkbase';
import { locatorTarget } from '../resolve-networks';
import {
  XDT_ARCROLE as A,
  domainMembers,
  isDimension,
  isHypercube,
  isPrimaryItem,
  isTypedDimension,
  isUsable,
  nextRole,
  xdtIndex,
  type XdtIndex,
} from '../xdt';

/**
 * XBRL Dimensions 1.0 taxonomy rules (`xbrldte:*`), decided as the specification and Arelle's
 * ValidateXbrlDimensions decide them: declarations (hypercubes and dimensions abstract, typedDomainRef),
 * the source and target of each dimensional arcrole, one default per dimension, targetRole resolution,
 * directed cycles and primary item polymorphism in each DRS; xbrldt attribute values the XDT schema rejects.
 */
export function checkDimensions(
  concepts: Map<Clark, Concept>,
  relationships: readonly Relationship[],
  linkbases: readonly RawLinkbase[],
  ids: { byId: Map<string, string>; otherIds: Set<string> },
): Diagnostic[] {
  const out: Diagnostic[] = [];
  out.push(...checkArcAttributes(linkbases));
  for (const c of concepts.values()) out.push(...checkDeclaration(c, concepts, ids));
  const index = xdtIndex(relationships);
  if (index.empty) return out;
  out.push(...checkEnds(index, concepts), ...checkDefaults(index), ...checkDrs(index, concepts));
  return out;
}

const err = (code: DiagnosticCode, message: string, at: { source?: Diagnostic['source'] }, concept?: Clark) =>
  diag(code, 'error', message, { source: at.source, ...(concept ? { concept } : {}) });

/** Hypercubes and dimensions are abstract; typedDomainRef only on dimensions, resolving to a global, non-abstract element declaration of the DTS. */
function checkDeclaration(
  c: Concept,
  concepts: Map<Clark, Concept>,
  ids: { byId: Map<string, string>; otherIds: Set<string> },
): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (isHypercube(c) && !c.abstract)
    out.push(err('xbrldte:HypercubeElementIsNotAbstractError', `Hypercube ${c.name} must be abstract.`, c, c.name));
  if (isDimension(c) && !c.abstract)
    out.push(err('xbrldte:DimensionElementIsNotAbstractError', `Dimension ${c.name} must be abstract.`, c, c.name));
  const ref = c.typedDomainRef;
  if (!ref) return out;
  if (!isDimension(c)) {
    out.push(err('xbrldte:TypedDomainRefError', `${c.name} has a typedDomainRef but is not a dimension.`, c, c.name));
    return out;
  }
  const hash = ref.href.indexOf('#');
  if (hash < 0 || hash === ref.href.length - 1) {
    out.push(
      err('xbrldte:TypedDimensionURIError', `Dimension ${c.name}: typedDomainRef "${ref.written}" has no fragment identifier.`, c, c.name),
    );
    return out;
  }
  const target = locatorTarget(ref.href, ids.byId);
  const decl = target ? concepts.get(target) : undefined;
  if (target && decl && !decl.abstract) {
    c.typedDomain = target;
    return out;
  }
  if (decl?.abstract || ids.otherIds.has(ref.href))
    out.push(
      err(
        'xbrldte:TypedDimensionError',
        `Dimension ${c.name}: typedDomainRef "${ref.written}" must identify a global, non-abstract element declaration.`,
        c,
        c.name,
      ),
    );
  else
    out.push(
      err('xbrldte:OutOfDTSSchemaError', `Dimension ${c.name}: typedDomainRef "${ref.written}" resolves to no element declaration of the DTS.`, c, c.name),
    );
  return out;
}

const DEFINITION_ARC = `{${NS.link}}definitionArc`;
const BOOLEAN = /^\s*(true|false|1|0)\s*$/;

/** xbrldt:closed and usable are booleans, contextElement segment or scenario, targetRole a URI with a roleRef in its linkbase. */
function checkArcAttributes(linkbases: readonly RawLinkbase[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const lb of linkbases) {
    const roleRefs = new Set(lb.info.roleRefs.map((r) => r.uri));
    for (const link of lb.links)
      for (const arc of link.arcs) {
        const x = arc.xdt;
        if (!x) continue;
        const bad = (what: string) =>
          out.push(err('sche:XmlSchemaError', `xbrldt:${what} on ${arc.element} is not valid against the XBRL Dimensions schema.`, arc));
        if (x.closed !== undefined && !BOOLEAN.test(x.closed)) bad(`closed="${x.closed}" (a boolean)`);
        if (x.usable !== undefined && !BOOLEAN.test(x.usable)) bad(`usable="${x.usable}" (a boolean)`);
        if (x.contextElement !== undefined && !/^\s*(segment|scenario)\s*$/.test(x.contextElement))
          bad(`contextElement="${x.contextElement}" (segment or scenario)`);
        if (x.targetRole === undefined || arc.element !== DEFINITION_ARC) continue;
        if ((x.targetRole.match(/#/g) ?? []).length > 1 || x.targetRole.trim() === '') {
          bad(`targetRole="${x.targetRole}" (a URI)`);
          continue;
        }
        const role = x.targetRole.trim();
        if (role !== 'http://www.xbrl.org/2003/role/link' && !roleRefs.has(role))
          out.push(
            err('xbrldte:TargetRoleNotResolvedError', `xbrldt:targetRole ${role} has no roleRef in its linkbase ${lb.url}.`, arc),
          );
      }
  }
  return out;
}

/** What each dimensional arcrole's source and target must be (§2.2–2.7). */
const ENDS: [string, DiagnosticCode, (c: Concept | undefined) => boolean, DiagnosticCode, (c: Concept | undefined) => boolean, string][] = [
  [A.hypercubeDimension, 'xbrldte:HypercubeDimensionSourceError', isHypercube, 'xbrldte:HypercubeDimensionTargetError', isDimension, 'hypercube → dimension'],
  [A.all, 'xbrldte:HasHypercubeSourceError', isPrimaryItem, 'xbrldte:HasHypercubeTargetError', isHypercube, 'primary item → hypercube'],
  [A.notAll, 'xbrldte:HasHypercubeSourceError', isPrimaryItem, 'xbrldte:HasHypercubeTargetError', isHypercube, 'primary item → hypercube'],
  [A.dimensionDomain, 'xbrldte:DimensionDomainSourceError', (c) => isDimension(c) && !isTypedDimension(c), 'xbrldte:DimensionDomainTargetError', isPrimaryItem, 'explicit dimension → domain member'],
  [A.dimensionDefault, 'xbrldte:DimensionDefaultSourceError', (c) => isDimension(c) && !isTypedDimension(c), 'xbrldte:DimensionDefaultTargetError', isPrimaryItem, 'explicit dimension → domain member'],
  [A.domainMember, 'xbrldte:DomainMemberSourceError', isPrimaryItem, 'xbrldte:DomainMemberTargetError', isPrimaryItem, 'domain member → domain member'],
];

/** Sources and targets of the dimensional arcroles; has-hypercube arcs name their context element. */
function checkEnds(index: XdtIndex, concepts: Map<Clark, Concept>): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const [arcrole, srcCode, srcOk, tgtCode, tgtOk, what] of ENDS) {
    const name = arcrole.slice(arcrole.lastIndexOf('/') + 1);
    for (const r of index.all(arcrole)) {
      if (!srcOk(concepts.get(r.from)))
        out.push(err(srcCode, `${name} relationship from ${r.from} to ${r.to} in ${r.linkrole}: expected ${what}; the source is not.`, r, r.from));
      if (!tgtOk(concepts.get(r.to)))
        out.push(err(tgtCode, `${name} relationship from ${r.from} to ${r.to} in ${r.linkrole}: expected ${what}; the target is not.`, r, r.to));
      if ((arcrole === A.all || arcrole === A.notAll) && r.xdt?.contextElement === undefined)
        out.push(
          err('xbrldte:HasHypercubeMissingContextElementAttributeError', `${name} relationship from ${r.from} to ${r.to} has no xbrldt:contextElement.`, r, r.from),
        );
    }
  }
  return out;
}

/** At most one default member per dimension, over all link roles. */
function checkDefaults(index: XdtIndex): Diagnostic[] {
  const out: Diagnostic[] = [];
  const first = new Map<Clark, Relationship>();
  for (const r of index.all(A.dimensionDefault)) {
    const f = first.get(r.from);
    if (!f) first.set(r.from, r);
    else if (f.to !== r.to)
      out.push(
        diag('xbrldte:TooManyDefaultMembersError', 'error', `Dimension ${r.from} has two defaults: ${f.to} and ${r.to}.`, {
          source: r.source,
          related: f.source ? [f.source] : undefined,
          concept: r.from,
        }),
      );
  }
  return out;
}

/**
 * Each has-hypercube relationship's DRS: no directed cycle through a dimension's domain back to the
 * hypercube, the dimension or a member on the path (DRSDirectedCycleError), and no usable domain member
 * that is one of the relationship's primary items (PrimaryItemPolymorphismError). Each (dimension, link
 * role) domain is walked once.
 */
function checkDrs(index: XdtIndex, concepts: Map<Clark, Concept>): Diagnostic[] {
  const out: Diagnostic[] = [];
  const cycleDone = new Set<string>();
  const domains = new Map<string, Set<Clark>>();
  for (const has of [...index.all(A.all), ...index.all(A.notAll)]) {
    if (!isHypercube(concepts.get(has.to))) continue;
    const dimRole = nextRole(has);
    let primaries: Set<Clark> | undefined;
    for (const hd of index.from(A.hypercubeDimension, dimRole, has.to)) {
      const domRole = nextRole(hd);
      const key = `${domRole}\u0000${hd.to}`;
      const first = index.from(A.dimensionDomain, domRole, hd.to);
      if (!cycleDone.has(`${key}\u0000${has.to}`)) {
        cycleDone.add(`${key}\u0000${has.to}`);
        const cycle = directedCycle(index, first, domRole, [has.to, hd.to]);
        if (cycle)
          out.push(
            err('xbrldte:DRSDirectedCycleError', `DRS of ${has.to} in ${has.linkrole}: the domain of ${hd.to} has a directed cycle back to ${cycle.to}.`, cycle, hd.to),
          );
      }
      let members = domains.get(key);
      if (!members) domains.set(key, (members = domainMembers(index, first, domRole).usable));
      primaries ??= primaryItems(index, has.from, has.linkrole);
      const shared = [...members].find((m) => primaries!.has(m));
      if (shared)
        out.push(
          err(
            'xbrldte:PrimaryItemPolymorphismError',
            `${shared} is both a primary item of ${has.from}'s DRS in ${has.linkrole} and a usable member of dimension ${hd.to}.`,
            has,
            shared,
          ),
        );
    }
  }
  return out;
}

/** The primary item and its usable domain-member descendants (targetRole followed). */
function primaryItems(index: XdtIndex, from: Clark, linkrole: string): Set<Clark> {
  const items = new Set<Clark>([from]);
  const seen = new Set<string>();
  const stack: [Clark, string][] = [[from, linkrole]];
  while (stack.length) {
    const [c, role] = stack.pop()!;
    for (const r of index.from(A.domainMember, role, c)) {
      if (isUsable(r)) items.add(r.to);
      const next = nextRole(r);
      if (seen.has(`${next}\u0000${r.to}`)) continue;
      seen.add(`${next}\u0000${r.to}`);
      stack.push([r.to, next]);
    }
  }
  return items;
}

/** The link roles a domain reaches through targetRole (its own included), as Arelle's domainTargetRoles. */
function domainRoles(index: XdtIndex, first: readonly Relationship[], role: string): string[] {
  const roles = new Set([role]);
  const seen = new Set<string>();
  const stack: [readonly Relationship[], string][] = [[first, role]];
  while (stack.length) {
    const [rels, r0] = stack.pop()!;
    for (const r of rels) {
      const next = r.xdt?.targetRole?.trim() || r0;
      roles.add(next);
      if (seen.has(`${next}\u0000${r.to}`)) continue;
      seen.add(`${next}\u0000${r.to}`);
      stack.push([index.from(A.domainMember, next, r.to), next]);
    }
  }
  return [...roles];
}

/**
 * A usable relationship closing a directed cycle in a domain, the nodes in `onPath` (hypercube, dimension)
 * counting as ancestors: depth first over domain-member relationships in every link role the domain
 * reaches (as Arelle's xdtCycle), each member finished once, so linear in the relationships.
 */
function directedCycle(
  index: XdtIndex,
  first: readonly Relationship[],
  role: string,
  onPath: Clark[],
): Relationship | undefined {
  const roles = domainRoles(index, first, role);
  const gray = new Set<Clark>(onPath);
  const done = new Set<Clark>();
  const out = (c: Clark) => roles.flatMap((ro) => index.from(A.domainMember, ro, c));
  // An explicit stack (a domain may be thousands of members deep): each frame, a member's outgoing relationships and the next to try.
  const stack: { node?: Clark; rels: readonly Relationship[]; i: number }[] = [{ rels: first, i: 0 }];
  while (stack.length) {
    const top = stack[stack.length - 1];
    if (top.i >= top.rels.length) {
      stack.pop();
      if (top.node !== undefined) {
        gray.delete(top.node);
        done.add(top.node);
      }
      continue;
    }
    const r = top.rels[top.i++];
    if (gray.has(r.to)) {
      if (isUsable(r)) return r;
      continue;
    }
    if (done.has(r.to)) continue;
    gray.add(r.to);
    stack.push({ node: r.to, rels: out(r.to), i: 0 });
  }
  return undefined;
}
