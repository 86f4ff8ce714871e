import { diag, NS, type Diagnostic, type Label, type Relationship } from '../../model';
import type { RawLinkbase } from '../read-linkbase';

export const LINK_CODES = {
  dupArcs: 'xlink:dupArcs',
  preferredLabelMissing: 'xbrl.5.2.4.2.1:preferredLabelMissing',
  arcroleUsedOn: 'xbrl.5.1.4.5:custArcroleUsedOn',
  remoteResource: 'xbrl.5.2.2.3:labelArcRemoteResource',
  valueError: 'xmlSchema:valueError',
  labelLang: 'xbrl.5.2.2.2.1:labelLang',
  resourceType: 'xbrl.3.5.3.8.1:resourceType',
} as const;

const local = (c: string): string => c.slice(c.indexOf('}') + 1);
const LANGUAGE = /^[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*$/;

const A = 'http://www.xbrl.org/2003/arcrole/';
/** The arc element each standard arcrole belongs on (XBRL 2.1 §5.2). */
const STANDARD_ARC: Record<string, string> = {
  [`${A}parent-child`]: 'presentationArc', [`${A}summation-item`]: 'calculationArc', [`${A}concept-label`]: 'labelArc',
  [`${A}concept-reference`]: 'referenceArc', [`${A}fact-footnote`]: 'footnoteArc', [`${A}general-special`]: 'definitionArc',
  [`${A}essence-alias`]: 'definitionArc', [`${A}similar-tuples`]: 'definitionArc', [`${A}requires-element`]: 'definitionArc',
};

/**
 * Extended-link rules: label/reference arcs to remote resources only prohibit, no two arcs with the same from/to labels in one link (XLink), standard
 * arcroles only on their own arc elements, and a presentation arc's preferredLabel must name a
 * label role the target concept has.
 */
export function checkLinks(linkbases: RawLinkbase[], relationships: Relationship[], labels: Label[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const lb of linkbases) for (const link of lb.links) {
    // An extended link holds locators, resources, arcs, titles and documentation only (Arelle: xbrl.3.5.3.8.1:resourceType).
    for (const u of link.untyped ?? []) out.push(diag(LINK_CODES.resourceType, 'error', `${local(u.element)} in an extended link is neither a locator, a resource, an arc, a title nor documentation (no xlink:type).`, { source: u.source }));
    for (const r of link.resources) {
      // A label has an xml:lang in scope: its own, its link's or its linkbase's (XBRL 2.1 §5.2.2.2.1).
      if (r.element === `{${NS.link}}label` && r.lang === undefined) out.push(diag(LINK_CODES.labelLang, 'error', `Label "${r.label}" has no xml:lang in scope.`, { source: r.source }));
      // xml:lang is an xs:language, xml:space default|preserve (the XML namespace schema).
      if (r.ownLang !== undefined && !LANGUAGE.test(r.ownLang)) out.push(diag(LINK_CODES.valueError, 'error', `xml:lang "${r.ownLang}" is not a language code.`, { source: r.source }));
      if (r.space !== undefined && r.space !== 'default' && r.space !== 'preserve') out.push(diag(LINK_CODES.valueError, 'error', `xml:space must be default or preserve, not "${r.space}".`, { source: r.source }));
    }
    const pairs = new Set<string>();
    const locLabels = new Set(link.locs.map((l) => l.label));
    for (const arc of link.arcs) {
      // A label or reference arc to a resource in another linkbase (through a locator) may only prohibit (§5.2.2.3).
      if ((arc.element === `{${NS.link}}labelArc` || arc.element === `{${NS.link}}referenceArc`) && locLabels.has(arc.to) && arc.use !== 'prohibited') {
        out.push(diag(LINK_CODES.remoteResource, 'error', `${arc.element.slice(arc.element.indexOf('}') + 1)} to the remote resource "${arc.to}" must be use="prohibited".`, { source: arc.source }));
      }
      const k = `${arc.from}\u0000${arc.to}`;
      if (pairs.has(k)) out.push(diag(LINK_CODES.dupArcs, 'error', `Two arcs from "${arc.from}" to "${arc.to}" in one extended link.`, { source: arc.source }));
      pairs.add(k);
      const want = STANDARD_ARC[arc.arcrole];
      if (want && arc.element.startsWith(`{${NS.link}}`) && arc.element !== `{${NS.link}}${want}`) {
        out.push(diag(LINK_CODES.arcroleUsedOn, 'error', `Arcrole ${arc.arcrole} belongs on link:${want}, not on ${arc.element}.`, { source: arc.source }));
      }
    }
  }
  const roles = new Set(labels.map((l) => `${l.concept}\u0000${l.role}`));
  for (const r of relationships) {
    if (r.arcrole !== `${A}parent-child` || !r.preferredLabel) continue;
    if (!roles.has(`${r.to}\u0000${r.preferredLabel}`)) {
      out.push(diag(LINK_CODES.preferredLabelMissing, 'error', `Presentation arc to ${r.to.slice(r.to.indexOf('}') + 1)} prefers label role ${r.preferredLabel}, which that concept has no label for.`, { source: r.source }));
    }
  }
  return out;
}
