import { diag, NS, type Concept, type Diagnostic, type DiagnosticCode, type LinkbaseInfo, type Relationship, type RoleType } from '../../model';
import { standardRoleMisuse } from './standard-roles';

/** XBRL 2.1 rules on relationships and the role/arcrole references of linkbases (codes as Arelle reports them). */
export const RELATIONSHIP_CODES = {
  customCycles: 'xbrl.5.1.4.3:cycles',
  essenceAliasTypes: 'xbrl.5.2.6.2.2:essenceAliasTypes',
  essenceAliasBalance: 'xbrl.5.2.6.2.2:essenceAliasBalance',
  roleRefDuplicate: 'xbrl.3.5.2.4.5:roleRefDuplicate',
  arcroleRefDuplicate: 'xbrl.3.5.2.5.5:arcroleRefDuplicate',
  roleRefNotDefined: 'xbrl.3.5.2.4.5:roleRefNotDefined',
  arcroleRefNotDefined: 'xbrl.3.5.2.5.5:arcroleRefNotDefined',
  roleRefMismatch: 'xbrl.3.5.2.4.5:roleRefMismatch',
  arcroleRefMismatch: 'xbrl.3.5.2.5.5:arcroleRefMismatch',
  missingRoleRef: 'xbrl.3.5.2.4:missingRoleRef',
  missingArcroleRef: 'xbrl.3.5.2.5:missingArcroleRef',
  custRoleUsedOn: 'xbrl.5.1.3.4:custRoleUsedOn',
  custArcroleUsedOn: 'xbrl.5.1.4.5:custArcroleUsedOn',
} as const;

const A = 'http://www.xbrl.org/2003/arcrole/';
/** Cycles allowed per standard arcrole, and the code of a forbidden cycle, in the section Arelle names (XBRL 2.1 §5.2). */
const STANDARD_CYCLES: Record<string, readonly [string, DiagnosticCode?]> = {
  [`${A}parent-child`]: ['undirected', 'xbrl.5.2.4.2:directedCycles'],
  [`${A}summation-item`]: ['any'],
  [`${A}general-special`]: ['undirected', 'xbrl.5.2.6.2.1:directedCycles'],
  [`${A}essence-alias`]: ['undirected', 'xbrl.5.2.6.2.1:directedCycles'],
  [`${A}similar-tuples`]: ['any'],
  [`${A}requires-element`]: ['any'],
};
/**
 * cyclesAllowed of the arcroleTypes that XBRL Dimensions 1.0 declares in http://www.xbrl.org/2005/xbrldt-2005.xsd,
 * a standard schema the loader does not read: a base set of these arcroles is held to them (§5.1.4.3) all the same.
 */
const D = 'http://xbrl.org/int/dim/arcrole/';
const XDT_CYCLES: Record<string, string> = {
  [`${D}hypercube-dimension`]: 'none', [`${D}dimension-domain`]: 'none', [`${D}domain-member`]: 'undirected',
  [`${D}all`]: 'undirected', [`${D}notAll`]: 'undirected', [`${D}dimension-default`]: 'none',
};
const STANDARD_ROLE = /^http:\/\/www\.xbrl\.org\/2003\/role\//;
const STANDARD_ARCROLE = /^http:\/\/www\.xbrl\.org\/2003\/arcrole\//;
const STANDARD_LINKS = new Set(['definitionLink', 'calculationLink', 'presentationLink', 'labelLink', 'referenceLink', 'footnoteLink', 'label', 'reference', 'footnote',
  'definitionArc', 'calculationArc', 'presentationArc', 'labelArc', 'referenceArc', 'footnoteArc'].map((l) => `{${NS.link}}${l}`));
/** XBRL 2.1 §3.5.2.4–5 apply to the standard links, resources and arcs (inside standard links); custom ones are left to their own specifications. */
const standardUse = (u: { element: string; parent?: string }): boolean => STANDARD_LINKS.has(u.element) && (u.parent === undefined || STANDARD_LINKS.has(u.parent));
const local = (c: string): string => c.slice(c.indexOf('}') + 1);

/** A directed cycle (DFS) or, when `undirected` cycles are forbidden too, any cycle of the undirected graph (union-find). */
export function findCycle(edges: [string, string][], noUndirected: boolean): string[] | undefined {
  const unique = [...new Map(edges.map((e) => [`${e[0]}\u0000${e[1]}`, e])).values()];
  if (noUndirected) {
    const parent = new Map<string, string>();
    const find = (x: string): string => { let r = x; while (parent.has(r) && parent.get(r) !== r) r = parent.get(r)!; parent.set(x, r); return r; };
    for (const [a, b] of unique) {
      const ra = find(a);
      const rb = find(b);
      if (ra === rb) return [a, b];
      parent.set(ra, rb);
    }
    return undefined;
  }
  const next = new Map<string, string[]>();
  for (const [a, b] of unique) next.set(a, [...(next.get(a) ?? []), b]);
  const state = new Map<string, 1 | 2>();
  for (const start of next.keys()) {
    if (state.has(start)) continue;
    const stack: { n: string; i: number }[] = [{ n: start, i: 0 }];
    state.set(start, 1);
    while (stack.length) {
      const top = stack[stack.length - 1];
      const kids = next.get(top.n) ?? [];
      if (top.i >= kids.length) { state.set(top.n, 2); stack.pop(); continue; }
      const k = kids[top.i++];
      if (state.get(k) === 1) return [...stack.slice(stack.findIndex((s) => s.n === k)).map((s) => s.n), k];
      if (!state.has(k)) { state.set(k, 1); stack.push({ n: k, i: 0 }); }
    }
  }
  return undefined;
}

/** Cycles per base set (arcrole, link role, link element, arc element) as the arcrole allows them. */
export function checkCycles(relationships: Relationship[], arcroleTypes: RoleType[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const sets = new Map<string, Relationship[]>();
  for (const r of relationships) {
    const k = `${r.arcrole}\u0000${r.linkrole}\u0000${r.linkElement ?? ''}\u0000${r.arcElement ?? ''}`;
    const list = sets.get(k);
    if (list) list.push(r); else sets.set(k, [r]);
  }
  for (const rels of sets.values()) {
    const r0 = rels[0];
    const std = STANDARD_CYCLES[r0.arcrole];
    const allowed = std?.[0] ?? arcroleTypes.find((t) => t.roleURI === r0.arcrole)?.cyclesAllowed ?? XDT_CYCLES[r0.arcrole] ?? 'any';
    if (allowed === 'any') continue;
    const stdElements = [r0.linkElement, r0.arcElement].every((e) => e === undefined || e.startsWith(`{${NS.link}}`));
    if (!stdElements) continue;
    const cycle = findCycle(rels.map((r) => [r.from, r.to]), allowed === 'none');
    if (!cycle) continue;
    const code = std?.[1] ?? RELATIONSHIP_CODES.customCycles;
    const at = rels.find((r) => r.from === cycle[cycle.length - 2] && r.to === cycle[cycle.length - 1]) ?? r0;
    out.push(diag(code, 'error', `Relationships of arcrole ${r0.arcrole} in link role ${r0.linkrole} form a${allowed === 'none' ? 'n undirected' : ' directed'} cycle (cyclesAllowed="${allowed}"): ${cycle.map(local).join(' – ')}.`, { source: at.source }));
  }
  return out;
}

/** Essence-alias pairs must share type and period type, and balance where both have one (§5.2.6.2.2). */
export function checkEssenceAlias(relationships: Relationship[], concepts: Map<string, Concept>): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const r of relationships) {
    if (r.arcrole !== `${A}essence-alias`) continue;
    const a = concepts.get(r.from);
    const b = concepts.get(r.to);
    if (!a || !b) continue;
    if (a.type !== b.type || a.periodType !== b.periodType) out.push(diag(RELATIONSHIP_CODES.essenceAliasTypes, 'error', `Essence-alias ${a.localName} → ${b.localName} joins concepts of different types or period types.`, { source: r.source }));
    if (a.balance && b.balance && a.balance !== b.balance) out.push(diag(RELATIONSHIP_CODES.essenceAliasBalance, 'error', `Essence-alias ${a.localName} → ${b.localName} joins a ${a.balance} and a ${b.balance} concept.`, { source: r.source }));
  }
  return out;
}

/**
 * roleRef/arcroleRef per linkbase: no duplicates, each names a declared type at its href, and every
 * custom role or arcrole a linkbase uses has a reference and is declared usable on that element.
 */
export function checkRoleRefs(linkbases: LinkbaseInfo[], roleTypes: RoleType[], arcroleTypes: RoleType[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const lb of linkbases) {
    for (const [refs, types, kind] of [[lb.roleRefs, roleTypes, 'role'], [lb.arcroleRefs, arcroleTypes, 'arcrole']] as const) {
      const seen = new Set<string>();
      for (const ref of refs) {
        const dup = seen.has(ref.uri);
        seen.add(ref.uri);
        if (dup) { out.push(diag(kind === 'role' ? RELATIONSHIP_CODES.roleRefDuplicate : RELATIONSHIP_CODES.arcroleRefDuplicate, 'error', `${kind}Ref ${ref.uri} appears twice in ${lb.url}.`, { source: ref.source })); continue; }
        if (/^https?:\/\/(www\.)?xbrl\.org\//.test(ref.href)) continue;
        let target: string;
        try { target = new URL(ref.href, lb.url).href; } catch { continue; }
        const declared = types.filter((t) => t.roleURI === ref.uri);
        const atHref = types.find((t) => t.docUrl !== undefined && t.id !== undefined && `${t.docUrl}#${t.id}` === target);
        if (declared.length === 0 && !atHref) out.push(diag(kind === 'role' ? RELATIONSHIP_CODES.roleRefNotDefined : RELATIONSHIP_CODES.arcroleRefNotDefined, 'error', `${kind}Ref ${ref.uri}: no ${kind}Type declares it.`, { source: ref.source }));
        else if (atHref && atHref.roleURI !== ref.uri) out.push(diag(kind === 'role' ? RELATIONSHIP_CODES.roleRefMismatch : RELATIONSHIP_CODES.arcroleRefMismatch, 'error', `${kind}Ref ${ref.uri} points at the ${kind}Type of ${atHref.roleURI}.`, { source: ref.source }));
      }
    }
    const roleRefs = new Set(lb.roleRefs.map((r) => r.uri));
    for (const u of lb.usedRoles) {
      const misuse = standardRoleMisuse(u.element, u.uri);
      if (misuse) out.push(diag(misuse, 'error', `Standard role ${u.uri} is not defined for ${local(u.element)}.`, { source: u.source, actual: u.uri }));
      if (STANDARD_ROLE.test(u.uri) || u.uri === '' || !standardUse(u)) continue;
      if (!roleRefs.has(u.uri)) out.push(diag(RELATIONSHIP_CODES.missingRoleRef, 'error', `Role ${u.uri} is used on ${u.element} without a roleRef in ${lb.url}.`, { source: u.source }));
      const rt = roleTypes.find((t) => t.roleURI === u.uri);
      if (rt && !rt.usedOn.includes(u.element)) out.push(diag(RELATIONSHIP_CODES.custRoleUsedOn, 'error', `Role ${u.uri} is used on ${u.element}, which its roleType does not list in usedOn.`, { source: u.source }));
    }
    const arcroleRefs = new Set(lb.arcroleRefs.map((r) => r.uri));
    for (const u of lb.usedArcroles) {
      if (STANDARD_ARCROLE.test(u.uri) || u.uri === '' || !standardUse(u)) continue;
      if (!arcroleRefs.has(u.uri)) out.push(diag(RELATIONSHIP_CODES.missingArcroleRef, 'error', `Arcrole ${u.uri} is used on ${u.element} without an arcroleRef in ${lb.url}.`, { source: u.source }));
      const at = arcroleTypes.find((t) => t.roleURI === u.uri);
      if (at && !at.usedOn.includes(u.element)) out.push(diag(RELATIONSHIP_CODES.custArcroleUsedOn, 'error', `Arcrole ${u.uri} is used on ${u.element}, which its arcroleType does not list in usedOn.`, { source: u.source }));
    }
  }
  return out;
}
