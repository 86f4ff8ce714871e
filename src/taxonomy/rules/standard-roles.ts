import { NS } from '../../model';

/**
 * XBRL 2.1's standard roles and the elements each may be used on (XBRL 2.1 §3.5.3.3, §4.3.4,
 * §4.11.1.2, §5.2.2.2.2, §5.2.3.2.1; codes as Arelle reports them, ValidateXbrlDTS.checkLinkRole):
 * a standard role on an element of the link namespace that it is not defined for is an error.
 */
const R = 'http://www.xbrl.org/2003/role/';
const LINK_ROLE = `${R}link`;
const FOOTNOTE_ROLE = `${R}footnote`;
const LABEL_ROLES = [
  'label',
  'terseLabel',
  'verboseLabel',
  'positiveLabel',
  'positiveTerseLabel',
  'positiveVerboseLabel',
  'negativeLabel',
  'negativeTerseLabel',
  'negativeVerboseLabel',
  'zeroLabel',
  'zeroTerseLabel',
  'zeroVerboseLabel',
  'totalLabel',
  'periodStartLabel',
  'periodEndLabel',
  'documentation',
  'definitionGuidance',
  'disclosureGuidance',
  'presentationGuidance',
  'measurementGuidance',
  'commentaryGuidance',
  'exampleGuidance',
].map((r) => R + r);
const REFERENCE_ROLES = [
  'reference',
  'definitionRef',
  'disclosureRef',
  'mandatoryDisclosureRef',
  'recommendedDisclosureRef',
  'unspecifiedDisclosureRef',
  'presentationRef',
  'measurementRef',
  'commentaryRef',
  'exampleRef',
].map((r) => R + r);
const LINKBASE_REF_ROLES = ['calculation', 'definition', 'label', 'presentation', 'reference'].map(
  (r) => `${R}${r}LinkbaseRef`,
);
const STANDARD_ROLES = new Set([...LABEL_ROLES, ...REFERENCE_ROLES, ...LINKBASE_REF_ROLES, LINK_ROLE, FOOTNOTE_ROLE]);

export type StandardRoleCode =
  | 'xbrl.3.5.3'
  | 'xbrl.4.3.4'
  | 'xbrl.4.11.1.2'
  | 'xbrl.5.2.2.2.2'
  | 'xbrl.5.2.3.2.1'
  | 'xbrl.3.5.3.7'
  | 'xbrl.5.1.3';

const EXTENDED = ['definitionLink', 'calculationLink', 'presentationLink', 'labelLink', 'referenceLink', 'footnoteLink'];
const DEFINED: Record<string, readonly [StandardRoleCode, readonly string[]]> = {
  ...Object.fromEntries(EXTENDED.map((l) => [l, ['xbrl.3.5.3', [LINK_ROLE]] as const])),
  label: ['xbrl.5.2.2.2.2', LABEL_ROLES],
  reference: ['xbrl.5.2.3.2.1', REFERENCE_ROLES],
  footnote: ['xbrl.4.11.1.2', [FOOTNOTE_ROLE]],
  linkbaseRef: ['xbrl.4.3.4', LINKBASE_REF_ROLES],
  loc: ['xbrl.3.5.3.7', []],
};

/**
 * The code when `role` is a standard role that `element` (a Clark name, `{ns}local`) may not carry;
 * undefined when the role is custom, the element is not in the link namespace, or the use is right.
 */
export function standardRoleMisuse(element: string, role: string): StandardRoleCode | undefined {
  if (!STANDARD_ROLES.has(role) || !element.startsWith(`{${NS.link}}`)) return undefined;
  const [code, allowed] = DEFINED[element.slice(element.indexOf('}') + 1)] ?? ['xbrl.5.1.3', []];
  return allowed.includes(role) ? undefined : code;
}
