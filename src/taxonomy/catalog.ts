import fs from 'node:fs';
import path from 'node:path';
import { diag, NS, type Diagnostic } from '../model';
import { childElements, firstChild, parseXmlFile } from '../xml/read-xml';

/** A taxonomy package unpacked on disk (a folder holding META-INF/). */
export interface TaxonomyPackage {
  dir: string;
  /** `uriStartString` → absolute local directory or file prefix (ends with the separator when the start string does). */
  rewrites: { prefix: string; target: string; line: number }[];
  /** Entry-point document URLs from META-INF/taxonomyPackage.xml. */
  entryPoints: { name?: string; href: string }[];
  identifier?: string;
}

export const PACKAGE_CODES = {
  metadataDirectoryNotFound: 'tpe:metadataDirectoryNotFound',
  invalidMetaDataFile: 'tpe:invalidMetaDataFile',
  invalidCatalogFile: 'tpe:invalidCatalogFile',
  multipleRewrite: 'tpe:multipleRewriteURIsForStartString',
} as const;

/**
 * The DOCTYPE OASIS XML Catalogs publish for catalog files (V1.0 or V1.1), without an internal subset:
 * accepted as the standard declaration it is (its DTD is never loaded). Any other DOCTYPE is judged as
 * in every other document (entity declarations and external DTDs refused).
 */
const oasisCatalogDoctype = (d: string) =>
  /^\s*catalog\s+PUBLIC\s+"-\/\/OASIS\/\/DTD (XML Catalogs V1\.[01]|Entity Resolution XML Catalog V1\.0)\/\/EN"\s+"[^"]*"\s*$/.test(d);

/** Reads one package directory's META-INF/catalog.xml and taxonomyPackage.xml. */
export function readPackage(dir: string): { pkg?: TaxonomyPackage; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const meta = path.join(dir, 'META-INF');
  if (!fs.existsSync(meta)) {
    return { diagnostics: [diag(PACKAGE_CODES.metadataDirectoryNotFound, 'error', `${dir}: no META-INF directory`, { source: { file: dir, line: 1, column: 1 } })] };
  }
  const pkg: TaxonomyPackage = { dir: path.resolve(dir), rewrites: [], entryPoints: [] };
  const catFile = path.join(meta, 'catalog.xml');
  if (fs.existsSync(catFile)) {
    const { root, diagnostics: ds } = parseXmlFile(catFile, catFile, { allowDoctype: oasisCatalogDoctype });
    diagnostics.push(...ds.map((d) => ({ ...d, code: PACKAGE_CODES.invalidCatalogFile })));
    if (root && root.name !== `{${NS.catalog}}catalog`) {
      diagnostics.push(diag(PACKAGE_CODES.invalidCatalogFile, 'error', `root element is ${root.local}, expected catalog in ${NS.catalog}`, { source: { file: catFile, line: root.line, column: root.column } }));
    } else if (root) {
      const seen = new Set<string>();
      for (const r of childElements(root, `{${NS.catalog}}rewriteURI`)) {
        const prefix = r.attrs.uriStartString;
        const rp = r.attrs.rewritePrefix;
        if (!prefix || rp === undefined) {
          diagnostics.push(diag(PACKAGE_CODES.invalidCatalogFile, 'error', 'rewriteURI needs uriStartString and rewritePrefix', { source: { file: catFile, line: r.line, column: r.column } }));
          continue;
        }
        if (seen.has(prefix)) {
          diagnostics.push(diag(PACKAGE_CODES.multipleRewrite, 'error', `two rewriteURI entries for ${prefix}`, { source: { file: catFile, line: r.line, column: r.column } }));
        }
        seen.add(prefix);
        let target = path.resolve(meta, rp);
        if (/[/\\]$/.test(rp) || rp === '..' || rp === '.') target += path.sep;
        pkg.rewrites.push({ prefix, target, line: r.line });
      }
    }
  }
  const tpFile = path.join(meta, 'taxonomyPackage.xml');
  if (fs.existsSync(tpFile)) {
    const { root, diagnostics: ds } = parseXmlFile(tpFile);
    diagnostics.push(...ds.map((d) => ({ ...d, code: PACKAGE_CODES.invalidMetaDataFile })));
    if (root && root.name !== `{${NS.tp}}taxonomyPackage`) {
      diagnostics.push(diag(PACKAGE_CODES.invalidMetaDataFile, 'error', `root element is ${root.local}, expected tp:taxonomyPackage`, { source: { file: tpFile, line: root.line, column: root.column } }));
    } else if (root) {
      pkg.identifier = firstChild(root, `{${NS.tp}}identifier`)?.text.trim();
      const eps = firstChild(root, `{${NS.tp}}entryPoints`);
      for (const ep of eps ? childElements(eps, `{${NS.tp}}entryPoint`) : []) {
        const name = firstChild(ep, `{${NS.tp}}name`)?.text.trim();
        for (const d of childElements(ep, `{${NS.tp}}entryPointDocument`)) if (d.attrs.href) pkg.entryPoints.push({ name, href: d.attrs.href });
      }
    }
  }
  return { pkg, diagnostics };
}

/** Finds packages: each directory is a package (has META-INF/) or holds packages one level down. */
export function findPackages(dirs: string[]): { packages: TaxonomyPackage[]; diagnostics: Diagnostic[] } {
  const packages: TaxonomyPackage[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const dir of dirs) {
    if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
      diagnostics.push(diag('io:packageNotFound', 'error', `taxonomy package directory not found: ${dir}`, { source: { file: dir, line: 1, column: 1 } }));
      continue;
    }
    const candidates = fs.existsSync(path.join(dir, 'META-INF')) ? [dir]
      : fs.readdirSync(dir).map((d) => path.join(dir, d)).filter((d) => fs.existsSync(path.join(d, 'META-INF')));
    if (!candidates.length) diagnostics.push(diag(PACKAGE_CODES.metadataDirectoryNotFound, 'error', `${dir}: no META-INF directory in it or in its subdirectories`, { source: { file: dir, line: 1, column: 1 } }));
    for (const c of candidates) {
      const r = readPackage(c);
      diagnostics.push(...r.diagnostics);
      if (r.pkg) packages.push(r.pkg);
    }
  }
  return { packages, diagnostics };
}

/** Maps a URL to a local file through the packages' catalogs; the longest matching prefix wins. */
export function resolveThroughCatalogs(url: string, packages: readonly TaxonomyPackage[]): string | undefined {
  let best: { prefix: string; target: string } | undefined;
  for (const p of packages) {
    for (const r of p.rewrites) {
      if (url.startsWith(r.prefix) && (!best || r.prefix.length > best.prefix.length)) best = r;
    }
  }
  if (!best) return undefined;
  let rest: string;
  try {
    rest = decodeURIComponent(url.slice(best.prefix.length));
  } catch {
    return undefined; // a broken %-escape maps to nothing
  }
  return path.join(best.target, ...rest.split('/'));
}
