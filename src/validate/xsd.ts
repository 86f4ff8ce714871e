import fs from 'node:fs';
import path from 'node:path';
import { diag, type Diagnostic, type Dts } from '../model';
import { packageRoot } from '../util/paths';

/**
 * XML Schema validation of an XBRL 2.1 instance against the XBRL instance schema and the schemas
 * of its DTS, by libxml2 (compiled to WebAssembly: the `xmllint-wasm` package; no native build, no
 * network). Schemas are handed to libxml2 under flat names, every `schemaLocation` rewritten to
 * them: the DTS's own schemas from their files, xbrl.org's standard ones from the offline copies
 * in `schemas/xsd/`. A separate, opt-in pass (`validate --schema`): it is asynchronous (libxml2
 * runs on a worker) and costs about 0.3 s plus the instance's size.
 */
const XBRLI = 'http://www.xbrl.org/2003/instance';
const INSTANCE_XSD = 'http://www.xbrl.org/2003/xbrl-instance-2003-12-31.xsd';

interface SchemaFile {
  fileName: string;
  contents: string;
}

/** The offline copy of a standard schema, if we have one. */
function standardCopy(url: string): string | undefined {
  const m = /^(https?):\/\/(.+)$/.exec(url);
  if (!m) return undefined;
  const p = path.join(packageRoot(), 'schemas', 'xsd', m[1], ...m[2].split('/'));
  return fs.existsSync(p) ? p : undefined;
}

/** Collects the schemas reachable from `roots` by import/include, each under a flat name. */
function collect(
  roots: { url: string; file?: string }[],
  missing: Set<string>,
): { files: SchemaFile[]; names: Map<string, string> } {
  const names = new Map<string, string>();
  const out: SchemaFile[] = [];
  const visit = (url: string, file?: string): string | undefined => {
    const known = names.get(url);
    if (known) return known;
    const source = file ?? (url.startsWith('file:') ? new URL(url).pathname : standardCopy(url));
    if (!source || !fs.existsSync(source)) {
      missing.add(url);
      return undefined;
    }
    const fileName = `s${names.size}.xsd`;
    names.set(url, fileName);
    const entry: SchemaFile = { fileName, contents: '' };
    out.push(entry);
    entry.contents = fs.readFileSync(source, 'utf8').replace(/schemaLocation\s*=\s*"([^"]+)"/g, (all, loc: string) => {
      const target = new URL(loc, url).href;
      const name = visit(target);
      return name ? `schemaLocation="${name}"` : all;
    });
    return fileName;
  };
  for (const r of roots) visit(r.url, r.file);
  return { files: out, names };
}

/** libxml2's message → a coded diagnostic at the instance's line. */
function toDiagnostic(
  e: { message: string; loc?: { fileName: string; lineNumber: number } | null },
  file: string,
): Diagnostic {
  return diag('xmlSchema:validityError', 'error', e.message.replace(/^Schemas validity error : /, 'XML Schema: '), {
    source: { file, line: e.loc?.lineNumber ?? 1, column: 1 },
  });
}

/**
 * Validates the XML instance `file` against the XBRL instance schema and the schemas of `dts`.
 * Returns coded diagnostics; never throws for the instance's content.
 */
export async function validateXmlSchema(
  file: string,
  dts: Dts,
  options: { maxBytes?: number } = {},
): Promise<Diagnostic[]> {
  const missing = new Set<string>();
  const dtsSchemas = (dts.schemas ?? []).filter((s) => s.targetNamespace && s.targetNamespace !== XBRLI);
  const { files: schemas, names } = collect(
    [{ url: INSTANCE_XSD }, ...dtsSchemas.map((s) => ({ url: s.url, file: s.file }))],
    missing,
  );
  const notes = [...missing].map((url) =>
    diag(
      'xmlSchema:schemaUnavailable',
      'warning',
      `Schema ${url} is not available offline; declarations it holds are not checked by XML Schema validation.`,
      { source: { file, line: 1, column: 1 }, actual: url },
    ),
  );
  const imports = [
    { ns: XBRLI, name: names.get(INSTANCE_XSD) },
    ...dtsSchemas.map((s) => ({ ns: s.targetNamespace as string, name: names.get(s.url) })),
  ].filter((i) => i.name);
  const wrapper = `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">${imports.map((i) => `<xs:import namespace="${i.ns}" schemaLocation="${i.name}"/>`).join('')}</xs:schema>`;
  let contents: string;
  try {
    if (fs.statSync(file).size > (options.maxBytes ?? 512 * 2 ** 20))
      return [
        diag('io:fileTooLarge', 'error', `${file} is larger than the size limit.`, {
          source: { file, line: 1, column: 1 },
        }),
      ];
    contents = fs.readFileSync(file, 'utf8');
  } catch (e) {
    return [
      diag(
        (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'io:fileNotFound' : 'io:cannotRead',
        'error',
        `Cannot read ${file}: ${(e as NodeJS.ErrnoException).code}.`,
        {
          source: { file, line: 1, column: 1 },
        },
      ),
    ];
  }
  const { validateXML, memoryPages } = await import('xmllint-wasm');
  try {
    const pages = Math.min(65536, Math.max(256, Math.ceil((contents.length * 12) / (64 * 1024))));
    const r = await validateXML({
      xml: [{ fileName: path.basename(file), contents }],
      schema: [{ fileName: 'wrapper.xsd', contents: wrapper }],
      preload: schemas,
      maxMemoryPages: Math.max(pages, memoryPages.MiB * 256),
    });
    return [...notes, ...r.errors.map((e) => toDiagnostic(e, file))];
  } catch (e) {
    return [
      ...notes,
      diag(
        'xmlSchema:validityError',
        'error',
        `XML Schema validation could not run: ${String((e as Error).message ?? e).split('\n')[0]}`,
        { source: { file, line: 1, column: 1 } },
      ),
    ];
  }
}
