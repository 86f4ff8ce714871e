import { diag, NS, type Concept, type Diagnostic, type RoleType } from '../../model';
import type { ContentInfo, ElementDecl, TypeDecl } from '../read-schema';

/** XBRL 2.1 §5.1 rules on concept, roleType and arcroleType declarations (codes as Arelle reports them). */
export const DECLARATION_CODES = {
  itemPeriodType: 'xbrl.5.1.1.1:itemPeriodType',
  itemBalance: 'xbrl.5.1.1.2:itemBalance',
  tuplePeriodType: 'xbrl.4.9:tuplePeriodType',
  tupleBalance: 'xbrl.4.9:tupleBalance',
  tupleAttribute: 'xbrl.4.9:tupleAttribute',
  tupleMixedContent: 'xbrl.4.9:tupleMixedContent',
  tupleSimpleContent: 'xbrl.4.9:tupleSimpleContent',
  tupleElementUndefined: 'xbrl.4.9:tupleElementUndefined',
  tupleElementItemOrTuple: 'xbrl.4.9:tupleElementItemOrTuple',
  idNotNCName: 'xmlSchema:valueError',
} as const;

/** roleType (§5.1.3) and arcroleType (§5.1.4) codes. */
const ROLE_TYPE_CODES = {
  roleType: { missing: 'xbrl.5.1.3:roleTypeMissing', inequality: 'xbrl.5.1.3:roleTypes-inequality', duplicate: 'xbrl.5.1.3:roleTypeDuplicate' },
  arcroleType: { missing: 'xbrl.5.1.4:arcroleTypeMissing', inequality: 'xbrl.5.1.4:arcroleTypes-inequality', duplicate: 'xbrl.5.1.4:arcroleTypeDuplicate' },
} as const;

const RESERVED_NS = new Set<string>([NS.xbrli, NS.link, NS.xlink, 'http://www.xbrl.org/2003/XLink']);
const NCNAME = /^[A-Za-z_\u00C0-\uFFFF][\w.\-\u00B7\u00C0-\uFFFF]*$/;
const nsOf = (clark: string): string => (clark.startsWith('{') ? clark.slice(1, clark.indexOf('}')) : '');

/** A URI reference as XML Schema's anyURI allows it in practice: non-empty, no spaces, at most one `#`. */
export const validUri = (u: string): boolean => u.trim() !== '' && !/\s/.test(u) && (u.match(/#/g) ?? []).length <= 1;

function tupleContent(c: Concept, content: ContentInfo, concepts: Map<string, Concept>, out: Diagnostic[]): void {
  const at = { source: c.source, concept: c.localName };
  for (const a of content.attributes) {
    if (RESERVED_NS.has(nsOf(a))) out.push(diag(DECLARATION_CODES.tupleAttribute, 'error', `Tuple ${c.localName} must not declare attribute ${a} from an XBRL namespace.`, at));
  }
  if (content.mixed) out.push(diag(DECLARATION_CODES.tupleMixedContent, 'error', `Tuple ${c.localName} must not have mixed content.`, at));
  if (content.simpleContent) out.push(diag(DECLARATION_CODES.tupleSimpleContent, 'error', `Tuple ${c.localName} must not have simple content.`, at));
  for (const l of content.locals) {
    out.push(diag(DECLARATION_CODES.tupleElementItemOrTuple, 'error', `Tuple ${c.localName} declares child element ${l} locally; children must reference global items or tuples.`, at));
  }
  for (const r of content.refs) {
    const child = concepts.get(r);
    const head = r === `{${NS.xbrli}}item` || r === `{${NS.xbrli}}tuple`;
    if (!child && !head) out.push(diag(DECLARATION_CODES.tupleElementUndefined, 'error', `Tuple ${c.localName}: child element ${r} is not declared as an item or tuple.`, at));
    else if (child && child.substitutionGroup === 'other') out.push(diag(DECLARATION_CODES.tupleElementItemOrTuple, 'error', `Tuple ${c.localName}: child element ${child.localName} is neither an item nor a tuple.`, at));
  }
}

/** Concept declarations: items need a periodType, balance only on monetary items, tuple content models. */
export function checkConceptDeclarations(elements: ElementDecl[], types: Map<string, TypeDecl>, concepts: Map<string, Concept>): Diagnostic[] {
  const out: Diagnostic[] = [];
  const decls = new Map(elements.map((e) => [e.name, e]));
  for (const c of concepts.values()) {
    const e = decls.get(c.name);
    if (!e) continue;
    const at = { source: c.source, concept: c.localName };
    if (c.substitutionGroup === 'item') {
      if (e.periodType !== 'instant' && e.periodType !== 'duration') out.push(diag(DECLARATION_CODES.itemPeriodType, 'error', `Item ${c.localName} must have xbrli:periodType instant or duration${e.periodType ? `, not "${e.periodType}"` : ''}.`, at));
      if (e.balance !== undefined && (c.kind !== 'monetary' || !['debit', 'credit'].includes(e.balance))) {
        out.push(diag(DECLARATION_CODES.itemBalance, 'error', `Item ${c.localName} ${c.kind === 'monetary' ? `has an invalid balance "${e.balance}"` : 'is not monetary and may not have a balance'}.`, at));
      }
    } else if (c.substitutionGroup === 'tuple') {
      if (e.periodType !== undefined) out.push(diag(DECLARATION_CODES.tuplePeriodType, 'error', `Tuple ${c.localName} must not have xbrli:periodType.`, at));
      if (e.balance !== undefined) out.push(diag(DECLARATION_CODES.tupleBalance, 'error', `Tuple ${c.localName} must not have xbrli:balance.`, at));
      const content = e.content ?? (e.type ? types.get(e.type)?.content : undefined);
      if (content) tupleContent(c, content, concepts, out);
    }
  }
  return out;
}

/** roleType/arcroleType declarations: URIs, ids, cyclesAllowed, duplicates in one schema, unequal duplicates across schemas, usedOn repeats. */
export function checkRoleTypes(roleTypes: RoleType[], arcroleTypes: RoleType[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const [list, el] of [[roleTypes, 'roleType'], [arcroleTypes, 'arcroleType']] as const) {
    const codes = ROLE_TYPE_CODES[el];
    const attr = el === 'roleType' ? 'roleURI' : 'arcroleURI';
    const byUri = new Map<string, RoleType[]>();
    for (const t of list) {
      const at = { source: t.source };
      if (!validUri(t.roleURI)) out.push(diag(codes.missing, 'error', `${el} has an empty or invalid ${attr} "${t.roleURI}".`, at));
      if (t.id !== undefined && !NCNAME.test(t.id)) out.push(diag(DECLARATION_CODES.idNotNCName, 'error', `${el} ${t.roleURI}: id "${t.id}" is not an NCName.`, at));
      if (el === 'arcroleType' && !['any', 'undirected', 'none'].includes(t.cyclesAllowed ?? '')) {
        out.push(diag('xbrl.5.1.4:arcroleTypeCyclesAllowed', 'error', `arcroleType ${t.roleURI}: cyclesAllowed must be any, undirected or none, not "${t.cyclesAllowed ?? ''}".`, at));
      }
      if (new Set(t.usedOn).size !== t.usedOn.length) out.push(diag(codes.inequality, 'error', `${el} ${t.roleURI} lists the same usedOn element twice.`, at));
      const same = byUri.get(t.roleURI) ?? [];
      for (const o of same) {
        if (o.docUrl === t.docUrl) out.push(diag(codes.duplicate, 'error', `${el} ${t.roleURI} is declared twice in one schema.`, { source: t.source, related: o.source ? [o.source] : undefined }));
        else if (!sEqualRoleType(o, t)) out.push(diag(codes.inequality, 'error', `${el} ${t.roleURI} is declared differently in two schemas.`, { source: t.source, related: o.source ? [o.source] : undefined }));
      }
      byUri.set(t.roleURI, [...same, t]);
    }
  }
  return out;
}

function sEqualRoleType(a: RoleType, b: RoleType): boolean {
  const set = (x: string[]) => [...new Set(x)].sort().join(' ');
  return (a.definition ?? '') === (b.definition ?? '') && set(a.usedOn) === set(b.usedOn)
    && (a.cyclesAllowed ?? '') === (b.cyclesAllowed ?? '') && (a.id ?? '') === (b.id ?? '');
}
