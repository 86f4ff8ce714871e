import { diag, NS, type Diagnostic, type SourceRef } from '../../model';
import type { XElement } from '../../xml/read-xml';
import type { RawLinkbase } from '../read-linkbase';

export const LINKBASE_REF_CODES = {
  arcrole: 'xbrl.4.3.3:linkbaseRefArcrole',
  links: 'xbrl.4.3.4:linkbaseRefLinks',
} as const;

const LINKBASE_ARCROLE = 'http://www.w3.org/1999/xlink/properties/linkbase';
const ROLE_PREFIX = 'http://www.xbrl.org/2003/role/';
/** linkbaseRef roles that restrict what the linkbase may hold (XBRL 2.1 §4.3.4). */
const ROLE_LINK: Record<string, string> = {
  [`${ROLE_PREFIX}labelLinkbaseRef`]: 'labelLink',
  [`${ROLE_PREFIX}referenceLinkbaseRef`]: 'referenceLink',
  [`${ROLE_PREFIX}definitionLinkbaseRef`]: 'definitionLink',
  [`${ROLE_PREFIX}calculationLinkbaseRef`]: 'calculationLink',
  [`${ROLE_PREFIX}presentationLinkbaseRef`]: 'presentationLink',
};

/** A linkbaseRef's own attributes: the arcrole is fixed (§4.3.3). */
export function checkLinkbaseRef(e: XElement, source: SourceRef): Diagnostic[] {
  const arcrole = e.attrs[`{${NS.xlink}}arcrole`];
  if (arcrole === LINKBASE_ARCROLE) return [];
  return [diag(LINKBASE_REF_CODES.arcrole, 'error', `linkbaseRef needs xlink:arcrole="${LINKBASE_ARCROLE}"${arcrole ? `, not "${arcrole}"` : ''}.`, { source })];
}

/** A linkbaseRef with a typed role (e.g. labelLinkbaseRef) must point at a linkbase holding only that kind of link. */
export function checkLinkbaseRefRole(role: string | undefined, lb: RawLinkbase, source: SourceRef | undefined): Diagnostic[] {
  const want = role ? ROLE_LINK[role] : undefined;
  if (!want) return [];
  const wrong = lb.links.filter((l) => l.element !== `{${NS.link}}${want}`);
  if (!wrong.length) return [];
  const local = wrong[0].element.slice(wrong[0].element.indexOf('}') + 1);
  return [diag(LINKBASE_REF_CODES.links, 'error', `linkbaseRef with role ${role} points at ${lb.url}, which holds a ${local}; only ${want} is allowed.`, { source: source ?? wrong[0].source })];
}
