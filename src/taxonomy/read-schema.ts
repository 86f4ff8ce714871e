import { diag, NS, type Diagnostic, type Facets, type RoleType, type SourceRef } from '../model';
import { readLinkbase, type RawLinkbase } from './read-linkbase';
import { childElements, firstChild, resolveQName, type XElement } from '../xml/read-xml';
import { resolveHref, withXmlBase } from './xml-base';
import { uniqueParticles } from './particles';

export interface ElementDecl {
  name: string;
  namespace: string;
  localName: string;
  /** `docUrl#id` when the declaration has an id. */
  key?: string;
  /** `docUrl#element(/1/n)`: the XPointer element scheme form of the same address. */
  pointerKey?: string;
  id?: string;
  type?: string;
  substitutionGroup?: string;
  abstract: boolean;
  nillable: boolean;
  periodType?: string;
  balance?: string;
  /** The anonymous complex type's content, for tuple rules. */
  content?: ContentInfo;
  /** The anonymous simple type's facets (or its simple content's), per restriction step, nearest first. */
  facets?: Facets[];
  /** The element's `default` (or `fixed`) value, applied to empty content. */
  defaultValue?: string;
  /** `xbrldt:typedDomainRef`, resolved against the declaration's base, and as written. */
  typedDomainRef?: { href: string; written: string };
  /** Attributes in the xbrli, link or xlink namespaces written on the declaration (other than periodType/balance). */
  source: SourceRef;
}

/** What tuple rules need to know of a complex type: the elements and attributes it declares. */
export interface ContentInfo {
  /** Clark names of `xs:element ref=…` particles. */
  refs: string[];
  /** Local element declarations (`xs:element name=…`) inside the type: not allowed in tuples. */
  locals: string[];
  /** Clark names of attributes (`ref=` resolved; `name=` unqualified). */
  attributes: string[];
  mixed: boolean;
  simpleContent: boolean;
  /** An element wildcard (`xs:any`) among the particles. */
  any?: boolean;
  /** Unqualified attributes with a `default` or `fixed` value (schema defaulting). */
  attributeDefaults?: Record<string, string>;
}

export interface TypeDecl {
  name: string;
  base?: string;
  enumeration?: string[];
  /** Facets per restriction step of this type (nested anonymous bases included), nearest first. */
  facets?: Facets[];
  content?: ContentInfo;
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
  /** Global attribute declarations: name (Clark) → type (Clark). */
  attributes: { name: string; type: string }[];
  /** `id`s of the document's elements other than top-level element declarations (a typedDomainRef may point at one). */
  otherIds: string[];
  /** Content to validate laxly once every schema is read: appinfo elements and foreign attributes on declarations. */
  lax: { element?: string; attribute?: string; value: string; source: SourceRef }[];
  /** Fragments that identify an element of this schema: every id, and element(/1/…) child sequences to depth 3 (XBRL 2.1 §3.5.4). */
  anchors?: string[];
}

const XS = NS.xs;
const LINK = NS.link;
const XLINK = NS.xlink;

const COUNT_FACETS = ['length', 'minLength', 'maxLength', 'totalDigits', 'fractionDigits'] as const;
const BOUND_FACETS = ['minInclusive', 'maxInclusive', 'minExclusive', 'maxExclusive'] as const;

/** The constraining facets written in one xs:restriction, or undefined when it has none. */
function facetsOf(r: XElement): Facets | undefined {
  const f: Facets = {};
  for (const c of r.children) {
    if (c.ns !== XS || c.attrs.value === undefined) continue;
    const v = c.attrs.value;
    if (c.local === 'pattern') (f.pattern ??= []).push(v);
    else if (c.local === 'enumeration') (f.enumeration ??= []).push(v);
    else if ((COUNT_FACETS as readonly string[]).includes(c.local) && /^\s*\d+\s*$/.test(v))
      f[c.local as (typeof COUNT_FACETS)[number]] = Number(v);
    else if ((BOUND_FACETS as readonly string[]).includes(c.local)) f[c.local as (typeof BOUND_FACETS)[number]] = v.trim();
  }
  return Object.keys(f).length ? f : undefined;
}

/** The base of a named type: restriction/extension base, or xs:string for lists and unions; the facets of its restriction steps. */
function typeBase(t: XElement): { base?: string; enumeration?: string[]; facets?: Facets[] } {
  const facets: Facets[] = [];
  const walk = (e: XElement): { base?: string; enumeration?: string[] } | undefined => {
    for (const c of e.children) {
      if (c.name === `{${XS}}restriction` || c.name === `{${XS}}extension`) {
        const enums = childElements(c, `{${XS}}enumeration`).map((x) => x.attrs.value ?? '');
        const step = c.local === 'restriction' ? facetsOf(c) : undefined;
        if (step) facets.push(step);
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
  const r = walk(t) ?? {};
  return facets.length ? { ...r, facets } : r;
}

/** Collects a complex type's element and attribute particles (descending through groups, extensions, restrictions). */
export function contentOf(t: XElement): ContentInfo {
  const info: ContentInfo = { refs: [], locals: [], attributes: [], mixed: t.attrs.mixed === 'true', simpleContent: false };
  const walk = (e: XElement): void => {
    for (const c of e.children) {
      if (c.ns !== XS) continue;
      if (c.local === 'element') {
        if (c.attrs.ref) info.refs.push(resolveQName(c.attrs.ref, c.nsMap) ?? c.attrs.ref);
        else if (c.attrs.name) info.locals.push(c.attrs.name);
        continue;
      }
      if (c.local === 'attribute') {
        if (c.attrs.ref) info.attributes.push(resolveQName(c.attrs.ref, c.nsMap) ?? c.attrs.ref);
        else if (c.attrs.name) info.attributes.push(c.attrs.name);
        const dv = c.attrs.default ?? c.attrs.fixed;
        if (c.attrs.name && dv !== undefined && c.attrs.use !== 'prohibited') (info.attributeDefaults ??= {})[c.attrs.name] = dv;
        continue;
      }
      if (c.local === 'any') info.any = true;
      if (c.local === 'simpleContent') info.simpleContent = true;
      if (c.local === 'complexContent' && c.attrs.mixed === 'true') info.mixed = true;
      if (c.local !== 'annotation') walk(c);
    }
  };
  walk(t);
  return info;
}

type OnRef = (href: string, e: XElement, expect: 'schema' | 'linkbase' | 'any') => void;

/** What the parts of readSchema share: the result being filled, the document, its target namespace and base, and the reference callback. */
interface SchemaReader { r: SchemaResult; url: string; file: string; tns: string; rootBase: string; onRef: OnRef }

/** The source place of an element of the schema file. */
function sourceOf(file: string, e: XElement): SourceRef {
  return { file, line: e.line, column: e.column };
}

/** Reads one xs:schema: top-level elements and named types, imports/includes, appinfo roleTypes, linkbaseRefs. */
export function readSchema(root: XElement, url: string, file: string, onRef: (href: string, e: XElement, expect: 'schema' | 'linkbase' | 'any') => void, chameleonNs?: string): SchemaResult {
  const tns = root.attrs.targetNamespace ?? chameleonNs ?? '';
  const early: Diagnostic[] = [];
  if (root.attrs.targetNamespace !== undefined && root.attrs.targetNamespace.trim() === '') {
    early.push(diag('xbrl.5.1:emptyTargetNamespace', 'error', 'A taxonomy schema must not have an empty targetNamespace.', { source: { file, line: root.line, column: root.column } }));
  }
  const r: SchemaResult = { targetNamespace: tns || undefined, elements: [], types: [], roleTypes: [], arcroleTypes: [], embeddedLinkbases: [], diagnostics: early, attributes: [], lax: [], otherIds: [] };
  const s: SchemaReader = { r, url, file, tns, rootBase: withXmlBase(root, url), onRef };
  let position = 0;
  for (const c of root.children) {
    position++;
    if (c.name !== `{${XS}}element`) collectIds(c, r.otherIds);
    else for (const k of c.children) collectIds(k, r.otherIds);
    switch (c.name) {
      case `{${XS}}import`:
      case `{${XS}}include`:
        if (c.attrs.schemaLocation) onRef(resolveHref(c.attrs.schemaLocation, withXmlBase(c, s.rootBase)) ?? c.attrs.schemaLocation, c, 'schema');
        break;
      case `{${XS}}annotation`:
        readAppinfo(s, c, s.rootBase);
        break;
      case `{${XS}}redefine`:
        r.diagnostics.push(diag('xbrl.5.6.1:Redefine', 'error', 'xs:redefine must not be used in an XBRL taxonomy schema.', { source: sourceOf(file, c) }));
        if (c.attrs.schemaLocation) onRef(c.attrs.schemaLocation, c, 'schema');
        break;
      case `{${XS}}element`:
        readElementDecl(s, c, position);
        break;
      case `{${XS}}attribute`: {
        const type = c.attrs.type ? resolveQName(c.attrs.type, c.nsMap) : undefined;
        if (c.attrs.name && type) r.attributes.push({ name: `{${tns}}${c.attrs.name}`, type });
        break;
      }
      case `{${XS}}complexType`:
      case `{${XS}}simpleType`:
        if (c.attrs.name) r.types.push({ name: `{${tns}}${c.attrs.name}`, ...typeBase(c), content: c.local === 'complexType' ? contentOf(c) : undefined, source: sourceOf(file, c) });
        break;
      default:
    }
  }
  r.diagnostics.push(...patternEscapes(root, file), ...uniqueParticles(root, file, tns));
  r.anchors = anchorsOf(root);
  return r;
}

/**
 * An XML Schema regular expression allows only its own escapes (XML Schema Part 2 §F.1.1 SingleCharEsc,
 * MultiCharEsc, catEsc, complEsc): `\@` in a pattern facet is an error (Arelle: xmlSchema:patternEscapeDisallowed).
 * The match skips escaped backslashes before the escape.
 */
const ILLEGAL_ESCAPE = /(?:^|[^\\])(?:\\\\)*(\\[^nrt\\|.^?*+{}()[\]pPsSiIcCdDwW-])/g;
function anchorsOf(root: XElement): string[] {
  const out: string[] = [];
  const walk = (e: XElement, path: string, depth: number): void => {
    if (e.attrs.id) out.push(e.attrs.id);
    if (depth <= 3) out.push(`element(${path})`);
    e.children.forEach((c, i) => walk(c, `${path}/${i + 1}`, depth + 1));
  };
  walk(root, '/1', 1);
  return out;
}

function patternEscapes(root: XElement, file: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  const walk = (e: XElement): void => {
    if (e.name === `{${XS}}annotation`) return;
    if (e.name === `{${XS}}pattern` && e.attrs.value !== undefined) {
      const bad = [...e.attrs.value.matchAll(ILLEGAL_ESCAPE)].map((m) => m[1]);
      if (bad.length) out.push(diag('xmlSchema:patternEscapeDisallowed', 'error', `xs:pattern "${e.attrs.value}" uses the escape ${bad.join(', ')}, which XML Schema regular expressions do not have.`, { source: sourceOf(file, e), actual: e.attrs.value }));
    }
    for (const c of e.children) walk(c);
  };
  walk(root);
  return out;
}

/** Reads an xs:annotation's appinfo: linkbaseRefs, roleTypes and arcroleTypes, embedded linkbases, and foreign elements to validate laxly. */
function readAppinfo(s: SchemaReader, ann: XElement, parentBase: string): void {
  const annBase = withXmlBase(ann, parentBase);
  for (const ai of childElements(ann, `{${XS}}appinfo`)) {
    const aiBase = withXmlBase(ai, annBase);
    for (const c of ai.children) {
      if (c.name === `{${LINK}}linkbaseRef`) {
        const href = c.attrs[`{${XLINK}}href`];
        if (href) s.onRef(resolveHref(href, withXmlBase(c, aiBase)) ?? href, c, 'linkbase');
      } else if (c.name === `{${LINK}}roleType` || c.name === `{${LINK}}arcroleType`) {
        readRoleType(s, c);
      } else if (c.name === `{${LINK}}linkbase`) {
        s.r.embeddedLinkbases.push(readLinkbase(c, s.url, s.file, s.onRef));
      } else if (c.ns !== LINK && c.children.length === 0) {
        s.r.lax.push({ element: c.name, value: c.text, source: sourceOf(s.file, c) });
      }
    }
  }
}

/** Reads a link:roleType or link:arcroleType (a diagnostic when it has no roleURI or arcroleURI). */
function readRoleType(s: SchemaReader, c: XElement): void {
  const role = c.name === `{${LINK}}roleType`;
  const uri = c.attrs[role ? 'roleURI' : 'arcroleURI'];
  if (uri === undefined) {
    s.r.diagnostics.push(diag(role ? 'xbrl.5.1.3:roleTypeMissing' : 'xbrl.5.1.4:arcroleTypeMissing', 'error', `${c.local} without ${role ? 'roleURI' : 'arcroleURI'}.`, { source: sourceOf(s.file, c) }));
    return;
  }
  const usedOn = childElements(c, `{${LINK}}usedOn`).map((u) => resolveQName(u.text, u.nsMap) ?? u.text.trim());
  const def = firstChild(c, `{${LINK}}definition`)?.text.trim();
  const rt: RoleType = { roleURI: uri, id: c.attrs.id, definition: def, usedOn, docUrl: s.url, source: sourceOf(s.file, c) };
  if (!role) rt.cyclesAllowed = c.attrs.cyclesAllowed;
  (role ? s.r.roleTypes : s.r.arcroleTypes).push(rt);
}

/** Every `id` attribute in an element and its descendants, in document order (iteratively, any depth). */
function collectIds(root: XElement, into: string[]): void {
  const stack = [root];
  while (stack.length) {
    const e = stack.pop() as XElement;
    if (e.attrs.id !== undefined) into.push(e.attrs.id);
    for (let i = e.children.length - 1; i >= 0; i--) stack.push(e.children[i]);
  }
}

/** An element's `xbrldt:typedDomainRef` as `{ typedDomainRef }` (resolved against `base`), or nothing. */
function typedDomainRef(c: XElement, base: string): Pick<ElementDecl, 'typedDomainRef'> {
  const written = c.attrs[`{${NS.xbrldt}}typedDomainRef`];
  if (written === undefined) return {};
  return { typedDomainRef: { href: resolveHref(written.trim(), base) ?? written, written } };
}

/** Reads a top-level xs:element declaration (the `position`th child of the schema), its appinfo and its foreign attributes. */
function readElementDecl(s: SchemaReader, c: XElement, position: number): void {
  const { r, url, file, tns } = s;
  const name = c.attrs.name;
  if (!name) return;
  const q = (a: string | undefined) => (a ? resolveQName(a, c.nsMap) : undefined);
  const type = q(c.attrs.type);
  const sg = q(c.attrs.substitutionGroup);
  if (c.attrs.type && !type) r.diagnostics.push(diag('xmlSchema:valueError', 'error', `element ${name}: undeclared prefix in type "${c.attrs.type}"`, { source: sourceOf(file, c) }));
  if (c.attrs.substitutionGroup && !sg) r.diagnostics.push(diag('xmlSchema:valueError', 'error', `element ${name}: undeclared prefix in substitutionGroup "${c.attrs.substitutionGroup}"`, { source: sourceOf(file, c) }));
  let typeName = type;
  // Note: an anonymous type (e.g. a tuple's complexType) is represented by its base, if any, and the facets of its restrictions.
  const anonComplex = firstChild(c, `{${XS}}complexType`);
  let facets: Facets[] | undefined;
  if (!typeName) {
    const anon = anonComplex ?? firstChild(c, `{${XS}}simpleType`);
    const t = anon ? typeBase(anon) : undefined;
    if (t?.base) typeName = t.base;
    facets = t?.facets;
  }
  r.elements.push({
    name: `{${tns}}${name}`, namespace: tns, localName: name, id: c.attrs.id, key: c.attrs.id ? `${url}#${c.attrs.id}` : undefined,
    pointerKey: `${url}#element(/1/${position})`,
    type: typeName, substitutionGroup: sg, abstract: c.attrs.abstract === 'true' || c.attrs.abstract === '1',
    nillable: c.attrs.nillable === 'true' || c.attrs.nillable === '1',
    periodType: c.attrs[`{${NS.xbrli}}periodType`], balance: c.attrs[`{${NS.xbrli}}balance`], source: sourceOf(file, c),
    content: anonComplex ? contentOf(anonComplex) : undefined,
    ...(facets ? { facets } : {}),
    defaultValue: c.attrs.default ?? c.attrs.fixed,
    ...typedDomainRef(c, withXmlBase(c, s.rootBase)),
  });
  for (const a of childElements(c, `{${XS}}annotation`)) readAppinfo(s, a, withXmlBase(c, s.rootBase));
  for (const [k, v] of Object.entries(c.attrs)) if (k.startsWith('{') && !k.startsWith(`{${NS.xbrli}}`) && !k.startsWith(`{${NS.xml}}`)) r.lax.push({ attribute: k, value: v, source: sourceOf(file, c) });
}
