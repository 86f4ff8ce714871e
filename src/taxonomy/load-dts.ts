import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { diag, NS, type Concept, type Diagnostic, type DiagnosticCode, type Dts, type LinkbaseInfo, type RoleType } from '../model';
import { STANDARD_URL, builtinType } from './builtin-types';
import { checkLax } from './rules/lax';
import { findPackages, resolveThroughCatalogs, type TaxonomyPackage } from './catalog';
import { readLinkbase, type RawLinkbase } from './read-linkbase';
import { readSchema, type ElementDecl, type TypeDecl } from './read-schema';
import { buildConcepts } from './resolve-concepts';
import { buildNetworks } from './resolve-networks';
import { parseXmlFile, type XElement } from '../xml/read-xml';
import { checkConceptDeclarations, checkRoleTypes } from './rules/declarations';
import { checkLinkbaseRef, checkLinkbaseRefRole } from './rules/linkbase-ref';
import { checkLinks } from './rules/links';
import { checkCycles, checkEssenceAlias, checkRoleRefs } from './rules/relationships';
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
 *
 * Note: longer than 60 lines on purpose for now: discovery, reading and the DTS-level checks share
 * the queue and the diagnostics, and the conformance work is changing this body; split it after that lands.
 */
export function loadDts(entryHrefs: readonly string[], options: LoadDtsOptions = {}): LoadDtsResult {
  const diagnostics: Diagnostic[] = [];
  const pk = findPackages(options.packages ?? defaultPackageDirs());
  diagnostics.push(...pk.diagnostics);
  const packages = pk.packages;
  const baseUrl = pathToFileURL(path.resolve(options.baseFile ?? path.join(process.cwd(), 'x'))).href;

  const elements: ElementDecl[] = [];
  const types = new Map<string, TypeDecl>();
  const roleTypes: RoleType[] = [];
  const arcroleTypes: RoleType[] = [];
  const linkbases: RawLinkbase[] = [];
  const schemas: NonNullable<Dts['schemas']> = [];
  const attributeDecls: { name: string; type: string }[] = [];
  const lax: { element?: string; attribute?: string; value: string; source: { file: string; line: number; column: number } }[] = [];
  const documents: string[] = [];
  const seen = new Set<string>();
  const queue: Pending[] = [];
  /** Schemas included without a targetNamespace take the including schema's (chameleon include). */
  const chameleon = new Map<string, string>();

  const enqueue = (href: string, base: string, ref: Pending['ref'], entry: boolean, expect: Pending['expect'], linkbaseRole?: string): void => {
    let url: string;
    try { url = new URL(href.trim(), base).href; } catch {
      diagnostics.push(diag(entry ? options.entryCode ?? DTS_CODES.schemaRefHref : DTS_CODES.ioError, 'error', `invalid href "${href}"`, { source: ref }));
      return;
    }
    url = url.replace(/#.*$/, '');
    if (seen.has(url)) return;
    seen.add(url);
    queue.push({ url, ref, entry, expect, linkbaseRole });
  };
  for (const h of entryHrefs) enqueue(h, baseUrl, undefined, true, options.entryExpect ?? 'schema');
  for (const h of options.linkbaseHrefs ?? []) enqueue(h, baseUrl, undefined, false, 'linkbase');

  const localPath = (url: string): string | undefined => {
    if (url.startsWith('file:')) return fileURLToPath(url);
    return resolveThroughCatalogs(url, packages);
  };

  while (queue.length) {
    const p = queue.shift()!;
    if (STANDARD_URL.test(p.url) && !resolveThroughCatalogs(p.url, packages)) { documents.push(p.url); continue; }
    const file = localPath(p.url);
    const code = p.entry ? options.entryCode ?? DTS_CODES.schemaRefHref : DTS_CODES.ioError;
    if (!file || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      const why = file ? `file not found: ${file}` : 'no taxonomy package catalog maps this URL (pass --package DIR)';
      diagnostics.push(diag(code, 'error', `cannot load ${p.url}: ${why}`, { source: p.ref, params: { href: p.url } }));
      continue;
    }
    const { root, diagnostics: ds } = parseXmlFile(file);
    diagnostics.push(...ds);
    if (!root) continue;
    documents.push(p.url);
    const onRef = (href: string, e: XElement, expect: Pending['expect']) => {
      const ref = { file, line: e.line, column: e.column };
      if (e.name === `{${NS.xs}}include` && root.attrs.targetNamespace) chameleon.set(new URL(href, p.url).href.replace(/#.*$/, ''), root.attrs.targetNamespace);
      if (e.name === `{${NS.link}}linkbaseRef`) diagnostics.push(...checkLinkbaseRef(e, ref));
      enqueue(href, p.url, ref, false, expect, e.name === `{${NS.link}}linkbaseRef` ? e.attrs[`{${NS.xlink}}role`] : undefined);
    };
    if (root.name === `{${NS.xs}}schema`) {
      const s = readSchema(root, p.url, file, onRef, chameleon.get(p.url));
      elements.push(...s.elements);
      for (const t of s.types) types.set(t.name, t);
      roleTypes.push(...s.roleTypes);
      arcroleTypes.push(...s.arcroleTypes);
      linkbases.push(...s.embeddedLinkbases);
      diagnostics.push(...s.diagnostics);
      attributeDecls.push(...s.attributes);
      lax.push(...s.lax);
      schemas.push({ url: p.url, file, targetNamespace: s.targetNamespace });
    } else if (root.name === `{${NS.link}}linkbase` && p.expect !== 'schema') {
      const lb = readLinkbase(root, p.url, file, onRef);
      linkbases.push(lb);
      diagnostics.push(...checkLinkbaseRefRole(p.linkbaseRole, lb, p.ref));
    } else {
      diagnostics.push(diag(p.entry ? code : DTS_CODES.notSchema, 'error',
        `${p.url} is a ${root.local} document, expected ${p.expect === 'schema' ? 'an xsd:schema' : 'a schema or linkbase'}`,
        { source: p.ref ?? { file, line: root.line, column: root.column } }));
    }
  }

  const { concepts, byId, diagnostics: cd } = buildConcepts(elements, types);
  diagnostics.push(...cd);
  const nets = buildNetworks(linkbases, byId);
  diagnostics.push(...nets.diagnostics);
  const linkbaseInfo: LinkbaseInfo[] = linkbases.map((l) => l.info);
  diagnostics.push(
    ...checkConceptDeclarations(elements, types, concepts as Map<string, Concept>),
    ...checkRoleTypes(roleTypes, arcroleTypes),
    ...checkRoleRefs(linkbaseInfo, roleTypes, arcroleTypes),
    ...checkCycles(nets.relationships, arcroleTypes),
    ...checkEssenceAlias(nets.relationships, concepts as Map<string, Concept>),
    ...checkLinks(linkbases, nets.relationships, nets.labels),
  );
  const defaults = schemaDefaults(elements, types);
  const dts: Dts = {
    entryPoints: [...entryHrefs],
    documents,
    concepts: concepts as Map<string, Concept>,
    relationships: nets.relationships,
    labels: nets.labels,
    roleTypes,
    arcroleTypes,
    linkbases: linkbaseInfo,
    schemas,
  };
  if (defaults) dts.defaults = defaults;
  const attributeTypes = new Map(attributeDecls.flatMap((a) => { const x = builtinType(a.type)?.xsd; return x ? [[a.name, x] as [string, string]] : []; }));
  if (attributeTypes.size) dts.attributeTypes = attributeTypes;
  diagnostics.push(...checkLax(lax, dts));
  return { dts, diagnostics, packages };
}
