import { diag, NS, type Concept, type Diagnostic, type Facets } from '../model';
import { builtinType, isBuiltinNamespace } from './builtin-types';
import type { ElementDecl, TypeDecl } from './read-schema';

const ITEM = `{${NS.xbrli}}item`;
const TUPLE = `{${NS.xbrli}}tuple`;

/**
 * Turns element declarations into Concepts: substitution groups followed to xbrli:item/tuple
 * (through custom heads and the xbrldt built-ins), type chains followed to a built-in type.
 */
export function buildConcepts(elements: ElementDecl[], types: Map<string, TypeDecl>): {
  concepts: Map<string, Concept>; byId: Map<string, string>; diagnostics: Diagnostic[];
} {
  const diagnostics: Diagnostic[] = [];
  const decls = new Map<string, ElementDecl>();
  for (const e of elements) if (!decls.has(e.name)) decls.set(e.name, e);
  const sgOf = (name: string | undefined): Concept['substitutionGroup'] => {
    const seen = new Set<string>();
    let cur = name;
    while (cur && !seen.has(cur)) {
      if (cur === ITEM) return 'item';
      if (cur === TUPLE) return 'tuple';
      if (cur === `{${NS.xbrldt}}dimensionItem` || cur === `{${NS.xbrldt}}hypercubeItem`) return 'item';
      seen.add(cur);
      cur = decls.get(cur)?.substitutionGroup;
    }
    return 'other';
  };
  const concepts = new Map<string, Concept>();
  const byId = new Map<string, string>();
  for (const e of decls.values()) {
    if (isBuiltinNamespace(e.namespace)) continue;
    if (e.key) byId.set(e.key, e.name);
    if (e.pointerKey) byId.set(e.pointerKey, e.name);
    const chain: string[] = [];
    let t = e.type;
    let bt = t ? builtinType(t) : undefined;
    let enumeration: string[] | undefined;
    const facets: Facets[] = [...(e.facets ?? [])];
    const contents = e.content ? [e.content] : [];
    const seen = new Set<string>();
    while (t && !seen.has(t)) {
      seen.add(t);
      chain.push(t);
      bt = builtinType(t);
      if (bt) break;
      const td = types.get(t);
      if (!td) break;
      enumeration ??= td.enumeration;
      if (td.facets) facets.push(...td.facets);
      if (td.content) contents.push(td.content);
      t = td.base;
    }
    // Continue the chain through built-ins so it ends at an xs primitive.
    let b = bt?.base;
    while (b) { chain.push(b); b = builtinType(b)?.base; }
    const sg = sgOf(e.substitutionGroup);
    if (sg === 'item' && !bt && e.type) {
      diagnostics.push(diag('xbrl.5.1.1.3:itemType', 'error', `concept ${e.localName}: type ${e.type} does not derive from a known xbrli item type`, { source: e.source, concept: e.name }));
    }
    const c: Concept = {
      name: e.name, namespace: e.namespace, localName: e.localName, id: e.id,
      type: e.type ?? '', typeChain: chain, kind: bt?.kind ?? 'other', numeric: bt?.numeric ?? false,
      substitutionGroup: sg, abstract: e.abstract, nillable: e.nillable, source: e.source, xsd: bt?.xsd,
    };
    if (enumeration) c.enumeration = enumeration;
    if (facets.length) c.facets = facets;
    // Element content: the nearest complex type says whether it is mixed; particles of extended bases count too.
    if (contents.length && !contents[0].simpleContent && sg === 'other')
      c.elementContent = {
        mixed: contents[0].mixed,
        elements: contents.flatMap((k) => [...k.refs, ...k.locals]),
        ...(contents.some((k) => k.any) ? { any: true } : {}),
      };
    if (e.periodType === 'instant' || e.periodType === 'duration') c.periodType = e.periodType;
    if (e.balance === 'debit' || e.balance === 'credit') c.balance = e.balance;
    const xdt = xdtKind(e.substitutionGroup, decls);
    if (xdt) c.xdt = xdt;
    if (e.typedDomainRef) c.typedDomainRef = e.typedDomainRef;
    concepts.set(e.name, c);
  }
  return { concepts, byId, diagnostics };
}

const HYPERCUBE_ITEM = `{${NS.xbrldt}}hypercubeItem`;
const DIMENSION_ITEM = `{${NS.xbrldt}}dimensionItem`;

/** Whether a substitution group leads to xbrldt:hypercubeItem or xbrldt:dimensionItem (XBRL Dimensions 1.0 §2.2, §2.5). */
function xdtKind(sg: string | undefined, decls: Map<string, ElementDecl>): Concept['xdt'] {
  const seen = new Set<string>();
  for (let cur = sg; cur && !seen.has(cur); cur = decls.get(cur)?.substitutionGroup) {
    if (cur === HYPERCUBE_ITEM) return 'hypercube';
    if (cur === DIMENSION_ITEM) return 'dimension';
    seen.add(cur);
  }
  return undefined;
}
