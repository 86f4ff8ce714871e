import { diag, NS, type Diagnostic, type RoleType, type SourceRef } from '../model';
import { readLinkbase, type RawLinkbase } from './read-linkbase';
import { childElements, firstChild, resolveQName, type XElement } from '../xml/read-xml';

export interface ElementDecl {
  name: string;
  namespace: string;
  localName: string;
  /** `docUrl#id` when the declaration has an id. */
  key?: string;
  id?: string;
  type?: string;
  substitutionGroup?: string;
  abstract: boolean;
  nillable: boolean;
  periodType?: string;
  balance?: string;
  source: SourceRef;
}

export interface TypeDecl {
  name: string;
  base?: string;
  enumeration?: string[];
  source: SourceRef;
}

export interface SchemaResult {
  targetNamespace?: string;
  elements: ElementDecl[];
  types: TypeDecl[];
  roleTypes: RoleType[];
  arcroleTypes: RoleType[];
  embeddedLinkbases: RawLinkbase[];
  diagnostics: Diagnostic[];
}

const XS = NS.xs;
const LINK = NS.link;
const XLINK = NS.xlink;

/** The base of a named type: restriction/extension base, or xs:string for lists and unions. */
function typeBase(t: XElement): { base?: string; enumeration?: string[] } {
  const walk = (e: XElement): { base?: string; enumeration?: string[] } | undefined => {
    for (const c of e.children) {
      if (c.name === `{${XS}}restriction` || c.name === `{${XS}}extension`) {
        const enums = childElements(c, `{${XS}}enumeration`).map((x) => x.attrs.value ?? '');
        const base = c.attrs.base ? resolveQName(c.attrs.base, c.nsMap) : undefined;
        if (base) return { base, enumeration: enums.length ? enums : undefined };
        const inner = firstChild(c, `{${XS}}simpleType`);
        if (inner) return walk(inner);
      }
      if (c.name === `{${XS}}list` || c.name === `{${XS}}union`) return { base: `{${XS}}string` };
      if (c.name === `{${XS}}simpleContent` || c.name === `{${XS}}complexContent`) return walk(c);
    }
    return undefined;
  };
  return walk(t) ?? {};
}

/** Reads one xs:schema: top-level elements and named types, imports/includes, appinfo roleTypes, linkbaseRefs. */
export function readSchema(root: XElement, url: string, file: string, onRef: (href: string, e: XElement, expect: 'schema' | 'linkbase' | 'any') => void): SchemaResult {
  const tns = root.attrs.targetNamespace ?? '';
  const r: SchemaResult = { targetNamespace: tns || undefined, elements: [], types: [], roleTypes: [], arcroleTypes: [], embeddedLinkbases: [], diagnostics: [] };
  const src = (e: XElement): SourceRef => ({ file, line: e.line, column: e.column });
  const appinfo = (ann: XElement) => {
    for (const ai of childElements(ann, `{${XS}}appinfo`)) {
      for (const c of ai.children) {
        if (c.name === `{${LINK}}linkbaseRef`) {
          const href = c.attrs[`{${XLINK}}href`];
          if (href) onRef(href, c, 'linkbase');
        } else if (c.name === `{${LINK}}roleType` || c.name === `{${LINK}}arcroleType`) {
          const role = c.name === `{${LINK}}roleType`;
          const uri = c.attrs[role ? 'roleURI' : 'arcroleURI'];
          if (!uri) continue;
          const usedOn = childElements(c, `{${LINK}}usedOn`).map((u) => resolveQName(u.text, u.nsMap) ?? u.text.trim());
          const def = firstChild(c, `{${LINK}}definition`)?.text.trim();
          (role ? r.roleTypes : r.arcroleTypes).push({ roleURI: uri, id: c.attrs.id, definition: def, usedOn, source: src(c) });
        } else if (c.name === `{${LINK}}linkbase`) {
          r.embeddedLinkbases.push(readLinkbase(c, url, file, onRef));
        }
      }
    }
  };
  for (const c of root.children) {
    switch (c.name) {
      case `{${XS}}import`:
      case `{${XS}}include`:
        if (c.attrs.schemaLocation) onRef(c.attrs.schemaLocation, c, 'schema');
        break;
      case `{${XS}}annotation`:
        appinfo(c);
        break;
      case `{${XS}}element`: {
        const name = c.attrs.name;
        if (!name) break;
        const q = (a: string | undefined) => (a ? resolveQName(a, c.nsMap) : undefined);
        const type = q(c.attrs.type);
        const sg = q(c.attrs.substitutionGroup);
        if (c.attrs.type && !type) r.diagnostics.push(diag('xmlSchema:valueError', 'error', `element ${name}: undeclared prefix in type "${c.attrs.type}"`, { source: src(c) }));
        if (c.attrs.substitutionGroup && !sg) r.diagnostics.push(diag('xmlSchema:valueError', 'error', `element ${name}: undeclared prefix in substitutionGroup "${c.attrs.substitutionGroup}"`, { source: src(c) }));
        let typeName = type;
        // Note: an anonymous type (e.g. a tuple's complexType) is represented by its base, if any.
        if (!typeName) {
          const anon = firstChild(c, `{${XS}}complexType`) ?? firstChild(c, `{${XS}}simpleType`);
          if (anon) typeBase(anon).base && (typeName = typeBase(anon).base);
        }
        r.elements.push({
          name: `{${tns}}${name}`, namespace: tns, localName: name, id: c.attrs.id, key: c.attrs.id ? `${url}#${c.attrs.id}` : undefined,
          type: typeName, substitutionGroup: sg, abstract: c.attrs.abstract === 'true' || c.attrs.abstract === '1',
          nillable: c.attrs.nillable === 'true' || c.attrs.nillable === '1',
          periodType: c.attrs[`{${NS.xbrli}}periodType`], balance: c.attrs[`{${NS.xbrli}}balance`], source: src(c),
        });
        for (const a of childElements(c, `{${XS}}annotation`)) appinfo(a);
        break;
      }
      case `{${XS}}complexType`:
      case `{${XS}}simpleType`:
        if (c.attrs.name) r.types.push({ name: `{${tns}}${c.attrs.name}`, ...typeBase(c), source: src(c) });
        break;
      default:
    }
  }
  return r;
}
