import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { checkInputFile, filePathOf, inputScope, type InputScope } from '../util/confine';
import { diag, NS, type Concept, type Diagnostic, type DiagnosticCode, type Dts, type LinkbaseInfo, type RoleType } from '../model';
import { STANDARD_URL, builtinType } from './builtin-types';
import { checkLax } from './rules/lax';
import { findPackages, resolveThroughCatalogs, type TaxonomyPackage } from './catalog';
import { readLinkbase, type RawLinkbase } from './read-linkbase';
import { readSchema, type ElementDecl, type SchemaResult, type TypeDecl } from './read-schema';
import { buildConcepts } from './resolve-concepts';
import { buildNetworks } from './resolve-networks';
import { parseXmlFile, type XElement } from '../xml/read-xml';
import { checkConceptDeclarations, checkRoleTypes } from './rules/declarations';
import { checkLinkbaseRef, checkLinkbaseRefRole } from './rules/linkbase-ref';
import { checkLinks } from './rules/links';
import { checkCycles, checkEssenceAlias, checkRoleRefs } from './rules/relationships';
import { checkDimensions } from './rules/dimensions';
import { checkSummationArcs } from './rules/calculation-arcs';
import { schemaDefaults } from './schema-defaults';
import { defaultPackageDirs } from './package-dirs';

export { defaultPackageDirs };

export interface LoadDtsOptions {
  /** The instance (or other file) relative hrefs are resolved against. Default: the current directory. */
  baseFile?: string;
  /** Taxonomy package directories (each a package, or a folder of packages). Default: the project's taxonomy/. */
  packages?: string[];
  /** Code for an entry href that does not resolve (default `xbrl.4.2.2:schemaRefHref`). */
  entryCode?: DiagnosticCode;
  /** What the entry documents must be (default: schemas, as a schemaRef requires). */
  entryExpect?: 'schema' | 'linkbase' | 'any';
  /** linkbaseRef hrefs of an instance (resolved like the entries). */
  linkbaseHrefs?: readonly string[];
  /**
   * Confine discovery to the base file's directory, the packages and these directories (a reader of
   * untrusted input sets it; catalog-mapped files are always allowed): other local files are refused.
   */
  confineTo?: readonly string[];
  /** Where each entry href is written (the instance's schemaRef), by position: diagnostics about an entry point there. */
  entrySources?: readonly ({ file: string; line: number; column: number } | undefined)[];
}

export interface LoadDtsResult {
  dts: Dts;
  diagnostics: Diagnostic[];
  packages: TaxonomyPackage[];
}

export const DTS_CODES = {
  schemaRefHref: 'xbrl.4.2.2:schemaRefHref',
  ioError: 'IOerror',
  notSchema: 'taxonomy:notASchemaOrLinkbase',
} as const;

interface Pending { url: string; ref: { file: string; line: number; column: number } | undefined; entry: boolean; expect: 'schema' | 'linkbase' | 'any'; linkbaseRole?: string }

/**
 * Loads the DTS discovered from `entryHrefs` (XBRL 2.1 §3: schemaRef → imports/includes →
 * linkbaseRefs → locator targets). Absolute URLs are mapped to local files through the taxonomy
 * packages' catalogs; xbrl.org and w3.org schemas are built in and never fetched.
 */
export function loadDts(entryHrefs: readonly string[], options: LoadDtsOptions = {}): LoadDtsResult {
  const pk = findPackages(options.packages ?? defaultPackageDirs());
  const d = new Discovery(options, pk.packages);
  d.diagnostics.push(...pk.diagnostics);
  const baseUrl = pathToFileURL(path.resolve(options.baseFile ?? path.join(process.cwd(), 'x'))).href;
  entryHrefs.forEach((h, i) => d.enqueue(h, baseUrl, options.entrySources?.[i], true, options.entryExpect ?? 'schema'));
  for (const h of options.linkbaseHrefs ?? []) d.enqueue(h, baseUrl, undefined, false, 'linkbase');
  d.run();
  return { dts: resolveDts(entryHrefs, d), diagnostics: d.diagnostics, packages: d.packages };
}

/**
 * Global attribute declarations (Clark name → built-in type) of schemas an instance names only in its
 * `xsi:schemaLocation`: hints for XML Schema validation, read as Arelle reads them, for lax validation
 * of attributes; they do not join the DTS (XBRL 2.1 §3), and nothing is reported about a hint that
 * cannot be read (a hint is not a reference). Confined as the DTS is (`confineTo`).
 */
export function hintedAttributeTypes(hrefs: readonly string[], options: LoadDtsOptions = {}): Map<string, string> {
  const d = new Discovery(options, findPackages(options.packages ?? defaultPackageDirs()).packages);
  const baseUrl = pathToFileURL(path.resolve(options.baseFile ?? path.join(process.cwd(), 'x'))).href;
  for (const h of hrefs) d.enqueue(h, baseUrl, undefined, false, 'schema');
  d.run();
  return attributeTypesOf(d.attributeDecls);
}

/** Global attribute declarations with a built-in simple type: Clark name → the type, for lax validation. */
function attributeTypesOf(decls: readonly { name: string; type: string }[]): Map<string, string> {
  return new Map(decls.flatMap((a) => { const x = builtinType(a.type)?.xsd; return x ? [[a.name, x] as [string, string]] : []; }));
}

/** DTS discovery: the queue of documents still to read, what the documents read so far declare, and the diagnostics. */
class Discovery {
  readonly diagnostics: Diagnostic[] = [];
  readonly elements: ElementDecl[] = [];
  readonly types = new Map<string, TypeDecl>();
  readonly roleTypes: RoleType[] = [];
  readonly arcroleTypes: RoleType[] = [];
  readonly linkbases: RawLinkbase[] = [];
  readonly schemas: NonNullable<Dts['schemas']> = [];
  readonly attributeDecls: { name: string; type: string }[] = [];
  readonly lax: { element?: string; attribute?: string; value: string; source: { file: string; line: number; column: number } }[] = [];
  readonly documents: string[] = [];
  /** `url#id` of schema elements other than top-level element declarations. */
  readonly otherIds = new Set<string>();
  /** `url#fragment` of every element a locator of a custom link may point at in the schemas read (ids, short child sequences). */
  readonly anchors = new Map<string, string>();
  /** Documents that could not be loaded (reported once each): the DTS is partial. */
  readonly unloaded: string[] = [];
  private readonly seen = new Set<string>();
  private readonly queue: Pending[] = [];
  /** Schemas included without a targetNamespace take the including schema's (chameleon include). */
  private readonly chameleon = new Map<string, string>();

  private readonly scope: InputScope | undefined;

  constructor(private readonly options: LoadDtsOptions, readonly packages: TaxonomyPackage[]) {
    const dirs = options.packages ?? defaultPackageDirs();
    this.scope = options.confineTo && inputScope([options.baseFile ?? path.join(process.cwd(), 'x')], [...dirs, ...options.confineTo]);
  }

  /** Queues the document `href` points at (resolved against `base`, fragment dropped) unless it was queued before. */
  enqueue(href: string, base: string, ref: Pending['ref'], entry: boolean, expect: Pending['expect'], linkbaseRole?: string): void {
    let url: string;
    if (/^[/\\]{2}/.test(href.trim())) {
      this.diagnostics.push(diag('io:remoteNotFetched', 'error', `"${href}" is a protocol-relative (network) reference; nothing is fetched`, { source: ref }));
      return;
    }
    try { url = new URL(href.trim(), base).href; } catch {
      this.diagnostics.push(diag(entry ? this.options.entryCode ?? DTS_CODES.schemaRefHref : DTS_CODES.ioError, 'error', `invalid href "${href}"`, { source: ref }));
      return;
    }
    url = url.replace(/#.*$/, '');
    if (this.seen.has(url)) return;
    this.seen.add(url);
    this.queue.push({ url, ref, entry, expect, linkbaseRole });
  }

  /** Reads the queued documents, and those they reference, until none is left. */
  run(): void {
    while (this.queue.length) this.read(this.queue.shift()!);
  }

  /** The local file of a URL: a file: URL's path (confined, see `confineTo`), or what the packages' catalogs map it to; a diagnostic when refused. */
  private localPath(url: string, ref: Pending['ref']): string | Diagnostic | undefined {
    if (url.startsWith('file:')) {
      const p = filePathOf(url);
      if (p === undefined) return diag('io:invalidReference', 'error', `"${url}" does not name a local file`, { source: ref });
      const c = checkInputFile(p, this.scope, ref, p);
      return 'diagnostic' in c && c.diagnostic.code !== 'io:fileNotFound' ? c.diagnostic : p;
    }
    const mapped = resolveThroughCatalogs(url, this.packages);
    if (mapped === undefined) return undefined;
    const c = checkInputFile(mapped, undefined, ref, mapped);
    return 'diagnostic' in c && c.diagnostic.code !== 'io:fileNotFound' ? c.diagnostic : mapped;
  }

  /** Reads one queued document: a schema or a linkbase (queueing what it references), or a diagnostic for a missing file or another kind of document. */
  private read(p: Pending): void {
    const { diagnostics, options } = this;
    if (STANDARD_URL.test(p.url) && !resolveThroughCatalogs(p.url, this.packages)) { this.documents.push(p.url); return; }
    const file = this.localPath(p.url, p.ref);
    if (typeof file === 'object') { diagnostics.push(file); return; }
    const code = p.entry ? options.entryCode ?? DTS_CODES.schemaRefHref : DTS_CODES.ioError;
    if (!file || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      const why = file ? `file not found: ${file}` : 'no taxonomy package catalog maps this URL (pass --package DIR)';
      diagnostics.push(diag(code, 'error', `cannot load ${p.url}: ${why}`, { source: p.ref, params: { href: p.url } }));
      this.unloaded.push(p.url);
      return;
    }
    const { root, diagnostics: ds } = parseXmlFile(file);
    diagnostics.push(...ds);
    if (!root) return;
    this.documents.push(p.url);
    const onRef = (href: string, e: XElement, expect: Pending['expect']) => {
      const ref = { file, line: e.line, column: e.column };
      if (e.name === `{${NS.xs}}include` && root.attrs.targetNamespace) this.chameleon.set(new URL(href, p.url).href.replace(/#.*$/, ''), root.attrs.targetNamespace);
      if (e.name === `{${NS.link}}linkbaseRef`) diagnostics.push(...checkLinkbaseRef(e, ref));
      this.enqueue(href, p.url, ref, false, expect, e.name === `{${NS.link}}linkbaseRef` ? e.attrs[`{${NS.xlink}}role`] : undefined);
    };
    if (root.name === `{${NS.xs}}schema`) {
      this.addSchema(readSchema(root, p.url, file, onRef, this.chameleon.get(p.url)), p.url, file);
    } else if (root.name === `{${NS.link}}linkbase` && p.expect !== 'schema') {
      const lb = readLinkbase(root, p.url, file, onRef);
      this.linkbases.push(lb);
      diagnostics.push(...checkLinkbaseRefRole(p.linkbaseRole, lb, p.ref));
    } else {
      diagnostics.push(diag(p.entry ? code : DTS_CODES.notSchema, 'error',
        `${p.url} is a ${root.local} document, expected ${p.expect === 'schema' ? 'an xsd:schema' : 'a schema or linkbase'}`,
        { source: p.ref ?? { file, line: root.line, column: root.column } }));
    }
  }

  /** Adds what one schema declares (and its diagnostics). */
  private addSchema(s: SchemaResult, url: string, file: string): void {
    this.elements.push(...s.elements);
    for (const t of s.types) this.types.set(t.name, t);
    this.roleTypes.push(...s.roleTypes);
    this.arcroleTypes.push(...s.arcroleTypes);
    this.linkbases.push(...s.embeddedLinkbases);
    this.diagnostics.push(...s.diagnostics);
    this.attributeDecls.push(...s.attributes);
    for (const a of s.anchors ?? []) this.anchors.set(`${url}#${a}`, `${url}#${a}`);
    this.lax.push(...s.lax);
    for (const id of s.otherIds) this.otherIds.add(`${url}#${id}`);
    this.schemas.push({ url, file, targetNamespace: s.targetNamespace });
  }
}

/** Builds the DTS from what discovery read: concepts, relationships and labels, with the DTS-level checks' diagnostics added to discovery's. */
function resolveDts(entryHrefs: readonly string[], d: Discovery): Dts {
  const { diagnostics, elements, types, roleTypes, arcroleTypes, linkbases } = d;
  const { concepts, byId, diagnostics: cd } = buildConcepts(elements, types);
  diagnostics.push(...cd);
  const nets = buildNetworks(linkbases, byId, d.anchors, new Set(d.unloaded));
  diagnostics.push(...nets.diagnostics);
  const linkbaseInfo: LinkbaseInfo[] = linkbases.map((l) => l.info);
  diagnostics.push(
    ...checkConceptDeclarations(elements, types, concepts as Map<string, Concept>),
    ...checkRoleTypes(roleTypes, arcroleTypes),
    ...checkRoleRefs(linkbaseInfo, roleTypes, arcroleTypes),
    ...checkCycles(nets.relationships, arcroleTypes),
    ...checkSummationArcs(nets.relationships, concepts as Map<string, Concept>),
    ...checkEssenceAlias(nets.relationships, concepts as Map<string, Concept>),
    ...checkLinks(linkbases, nets.relationships, nets.labels),
    ...checkDimensions(concepts as Map<string, Concept>, nets.relationships, linkbases, { byId, otherIds: d.otherIds }),
  );
  const defaults = schemaDefaults(elements, types);
  const dts: Dts = {
    entryPoints: [...entryHrefs],
    documents: d.documents,
    concepts: concepts as Map<string, Concept>,
    relationships: nets.relationships,
    labels: nets.labels,
    roleTypes,
    arcroleTypes,
    linkbases: linkbaseInfo,
    schemas: d.schemas,
  };
  if (defaults) dts.defaults = defaults;
  if (d.unloaded.length) dts.unloaded = [...d.unloaded];
  if (nets.incomplete.length) dts.incomplete = nets.incomplete;
  const attributeTypes = attributeTypesOf(d.attributeDecls);
  if (attributeTypes.size) dts.attributeTypes = attributeTypes;
  diagnostics.push(...checkLax(d.lax, dts));
  return dts;
}
