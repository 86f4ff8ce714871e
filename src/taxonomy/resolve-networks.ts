import { ARCROLE, diag, NS, type Diagnostic, type Label, type Relationship } from '../model';
import type { RawArc, RawLink, RawLinkbase, RawResource } from './read-linkbase';

export const NETWORK_CODES = {
  locatorHref: 'xbrl.3.5.3.7.2:locatorHref',
  hrefIdNotFound: 'xbrl.3.5.4:hrefIdNotFound',
  arcLabel: 'xbrl.3.5.3.9:arcFromToLabel',
} as const;

const CONCEPT_REFERENCE = 'http://www.xbrl.org/2003/arcrole/concept-reference';
const STANDARD_LINK_ELEMENTS = new Set(['definitionLink', 'calculationLink', 'presentationLink', 'labelLink', 'referenceLink'].map((l) => `{${NS.link}}${l}`));

/**
 * The concept a locator href points at: `doc#id`, the element scheme `doc#element(id)` or
 * `doc#element(/1/n)` (several pointers: the first that resolves), percent-encoded ids decoded.
 */
export function locatorTarget(href: string, byId: Map<string, string>): string | undefined {
  const hash = href.indexOf('#');
  if (hash < 0) return undefined;
  const doc = href.slice(0, hash);
  let frag = href.slice(hash + 1);
  try { frag = decodeURIComponent(frag); } catch { /* keep as written */ }
  // Only the element() scheme is an XBRL 2.1 XPointer (§3.5.4); anything else in the pointer makes it unresolvable.
  if (frag.includes('(') && !/^(element\([^()]*\))+$/.test(frag)) return undefined;
  const pointers = frag.startsWith('element(') ? frag.match(/element\([^)]*\)/g) ?? [] : [frag];
  for (const p of pointers) {
    const inner = p.startsWith('element(') ? p.slice(8, -1) : p;
    const hit = inner.startsWith('/') ? byId.get(`${doc}#element(${inner})`) : byId.get(`${doc}#${inner.split('/')[0]}`);
    if (hit && (!inner.includes('/') || inner.startsWith('/'))) return hit;
  }
  return undefined;
}

/** Whether `href` names a schema that was read and a fragment (id, or element() child sequence to depth 3) that identifies nothing in it. */
function pointsIntoSchemaAtNothing(href: string, anchors: Map<string, string>): boolean {
  const doc = href.slice(0, href.indexOf('#'));
  if (!anchors.has(`${doc}#element(/1)`)) return false;
  if (locatorTarget(href, anchors) !== undefined) return false;
  let frag = href.slice(href.indexOf('#') + 1);
  try { frag = decodeURIComponent(frag); } catch { /* keep as written */ }
  // Only what was recorded can be refuted: bare ids, and child sequences no deeper than 3.
  return /^[^()/]+$/.test(frag) || /^(element\(\/1(\/\d+){0,2}\))+$/.test(frag);
}

/** What buildNetworks gathers link by link: diagnostics, labels, and the candidate relationships of each equivalence key. */
interface NetworkParts {
  diagnostics: Diagnostic[];
  labels: Label[];
  candidates: Map<string, { arc: RawArc; rel?: Relationship; prohibited: boolean }[]>;
  /** Parents that lost a child to a document that could not be loaded. */
  incomplete: { arcrole: string; linkrole: string; from: string }[];
  unloaded: ReadonlySet<string>;
}

/** One extended link with its labels resolved: locators to concepts, resources (its own and remote ones) by label. */
interface ResolvedLink {
  link: RawLink;
  locs: Map<string, string[]>;
  resources: Map<string, RawResource[]>;
  /** Every label of a locator or resource in the link. */
  labelsInLink: Set<string>;
  /** Labels of locators into documents that could not be loaded. */
  lost: Set<string>;
}

/**
 * Resolves locators to concepts and arcs to relationships, applying prohibition and override:
 * among equivalent arcs (same arcrole, link role, link and arc element, from and to) the highest
 * priority wins and a winning `use="prohibited"` removes the relationship.
 */
export function buildNetworks(
  linkbases: RawLinkbase[],
  byId: Map<string, string>,
  anchors?: Map<string, string>,
  unloaded: ReadonlySet<string> = new Set(),
): {
  relationships: Relationship[]; labels: Label[]; diagnostics: Diagnostic[]; incomplete: { arcrole: string; linkrole: string; from: string }[];
} {
  const parts: NetworkParts = { diagnostics: [], labels: [], candidates: new Map(), incomplete: [], unloaded };
  // Label and reference locators may point at resources of other linkbases (e.g. to prohibit an arc to them).
  const resourcesById = new Map<string, RawResource>();
  for (const lb of linkbases) for (const link of lb.links) for (const r of link.resources) if (r.id) resourcesById.set(`${lb.url}#${r.id}`, r);
  for (const lb of linkbases) {
    for (const link of lb.links) {
      const resolved = resolveLink(parts, link, byId, resourcesById, anchors);
      for (const arc of link.arcs) addArc(parts, resolved, arc);
    }
  }
  return { relationships: winningRelationships(parts.candidates), labels: parts.labels, diagnostics: parts.diagnostics, incomplete: parts.incomplete };
}

/** Resolves a link's locators (to concepts, or to remote resources) and indexes its resources by label; a diagnostic for each locator of a standard link that points at no concept. */
function resolveLink(parts: NetworkParts, link: RawLink, byId: Map<string, string>, resourcesById: Map<string, RawResource>, anchors?: Map<string, string>): ResolvedLink {
  const locs = new Map<string, string[]>();
  const standard = STANDARD_LINK_ELEMENTS.has(link.element);
  const labelsInLink = new Set([...link.locs.map((l) => l.label), ...link.resources.map((r) => r.label)]);
  const remote: RawResource[] = [];
  const lost = new Set<string>();
  for (const l of link.locs) {
    const concept = locatorTarget(l.href, byId);
    const resource = concept ? undefined : resourcesById.get(l.href);
    if (resource) { remote.push({ ...resource, label: l.label }); continue; }
    if (!concept && parts.unloaded.has(l.href.replace(/#.*$/, ''))) { lost.add(l.label); continue; } // its document was reported as not loadable
    if (!concept) {
      const hash = l.href.indexOf('#');
      const isStd = /^https?:\/\/(www\.)?(xbrl\.org|w3\.org)\//.test(l.href);
      // Custom links may point at anything (documents, resources); standard ones need concepts (§5.2).
      if (!isStd && standard) parts.diagnostics.push(diag(NETWORK_CODES.locatorHref, 'error', `locator "${l.label}" points to ${hash < 0 ? 'a document without a fragment' : 'no concept'}: ${l.href}`, { source: l.source }));
      // A custom link may point at any element, but at one that exists (§3.5.4): checked in the schemas read, for ids and short child sequences.
      else if (!standard && anchors && hash > 0 && pointsIntoSchemaAtNothing(l.href, anchors)) parts.diagnostics.push(diag(NETWORK_CODES.hrefIdNotFound, 'error', `locator "${l.label}" points to no element of its schema: ${l.href}`, { source: l.source }));
      continue;
    }
    const arr = locs.get(l.label);
    if (arr) arr.push(concept); else locs.set(l.label, [concept]);
  }
  const resources = new Map<string, RawResource[]>();
  for (const r of [...link.resources, ...remote]) {
    const arr = resources.get(r.label);
    if (arr) arr.push(r); else resources.set(r.label, [r]);
  }
  return { link, locs, resources, labelsInLink, lost };
}

/** Adds one arc of a link: labels for a concept-label arc, candidate relationships for an arc between concepts; a diagnostic when an end has nothing with its label. */
function addArc(parts: NetworkParts, { link, locs, resources, labelsInLink, lost }: ResolvedLink, arc: RawArc): void {
  const froms = locs.get(arc.from);
  if (!froms) {
    if (!labelsInLink.has(arc.from)) parts.diagnostics.push(diag(NETWORK_CODES.arcLabel, 'error', `arc from "${arc.from}": no locator or resource with that label in this link`, { source: arc.source }));
    return;
  }
  if (arc.arcrole === ARCROLE.conceptLabel || arc.arcrole === CONCEPT_REFERENCE) {
    const tos = resources.get(arc.to);
    if (!tos) { parts.diagnostics.push(diag(NETWORK_CODES.arcLabel, 'error', `arc to "${arc.to}": no resource with that label in this link`, { source: arc.source })); return; }
    if (arc.arcrole !== ARCROLE.conceptLabel || arc.use === 'prohibited') return;
    for (const f of froms) for (const r of tos) {
      parts.labels.push({ concept: f, role: r.role ?? 'http://www.xbrl.org/2003/role/label', lang: r.lang ?? '', text: r.text.trim(), source: r.source });
    }
    return;
  }
  const tos = locs.get(arc.to);
  if (!tos && lost.has(arc.to)) {
    for (const from of froms) parts.incomplete.push({ arcrole: arc.arcrole, linkrole: link.role, from });
    return;
  }
  if (!tos) {
    if (!labelsInLink.has(arc.to)) parts.diagnostics.push(diag(NETWORK_CODES.arcLabel, 'error', `arc to "${arc.to}": no locator or resource with that label in this link`, { source: arc.source }));
    return;
  }
  for (const f of froms) for (const t of tos) {
    const key = `${arc.arcrole}\u0000${link.role}\u0000${link.element}\u0000${arc.element}\u0000${f}\u0000${t}\u0000${arc.equivalenceKey}`;
    const rel: Relationship = { arcrole: arc.arcrole, linkrole: link.role, from: f, to: t, order: arc.order, linkElement: link.element, arcElement: arc.element, source: arc.source };
    if (arc.weight !== undefined) rel.weight = arc.weight;
    if (arc.preferredLabel) rel.preferredLabel = arc.preferredLabel;
    if (arc.xdt) rel.xdt = arc.xdt;
    const list = parts.candidates.get(key);
    const entry = { arc, rel, prohibited: arc.use === 'prohibited' };
    if (list) list.push(entry); else parts.candidates.set(key, [entry]);
  }
}

/** The relationships that survive override and prohibition: of each equivalence key's candidates, the highest priority, unless one of those prohibits. */
function winningRelationships(candidates: NetworkParts['candidates']): Relationship[] {
  const relationships: Relationship[] = [];
  for (const list of candidates.values()) {
    const top = Math.max(...list.map((x) => x.arc.priority));
    const winners = list.filter((x) => x.arc.priority === top);
    if (winners.some((x) => x.prohibited)) continue;
    // Equivalent relationships of equal priority are one relationship (counted once in a calculation).
    relationships.push(winners[0].rel!);
  }
  return relationships;
}

export const LINK_ELEMENTS = {
  presentation: `{${NS.link}}presentationLink`,
  calculation: `{${NS.link}}calculationLink`,
  definition: `{${NS.link}}definitionLink`,
  label: `{${NS.link}}labelLink`,
} as const;
