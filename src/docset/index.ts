import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { diag, type Diagnostic, type Report } from '../model';
import { compareText } from '../util/compare-text';
import { EDINET_MANIFEST_NS, readManifest } from './manifest';
import { packageReports, packageTopLevel } from './report-package';
import { DEFAULT_ZIP_LIMITS, looksLikeZip, readZip, type ZipLimits } from './zip';

export { readZip, looksLikeZip, DEFAULT_ZIP_LIMITS, type ZipLimits } from './zip';
export { readManifest, EDINET_MANIFEST_NS } from './manifest';

/**
 * Filings as filers deliver them → the document sets (reports) they hold, each a list of files on
 * disk for the readers:
 *
 * - an EDINET/TDnet `manifest*.xml`: one set per `instance`, its `ixbrl` documents in order;
 * - a directory: every manifest under it, then the Inline XBRL documents no manifest lists, one
 *   set per directory (TDnet's `XBRLData/Summary`), and each XBRL 2.1 `.xbrl` instance; a directory
 *   laid out as a report package is read as one;
 * - a ZIP archive (EDINET, TDnet `XBRLData`, any `.zip`), read by the guarded reader (zip.ts) and
 *   unpacked into a temporary directory, then as a directory; `.xbri`, `.xbr` and a `.zip` with a
 *   top-level directory holding `reports/` or `META-INF/reportPackage.json` are XBRL Report Packages.
 *
 * Messages name files as the user knows them (`filing.zip/XBRLData/Summary/x.htm`, as Arelle does):
 * `relabel` rewrites the temporary paths. `close()` removes the temporary directory.
 */
export interface DocumentSet {
  /** The set in messages: its manifest and instance, its directory or its package report. */
  name: string;
  /** A file name stem for outputs (the manifest's preferredFilename, the first document's name). */
  base: string;
  files: string[];
}

export interface Filing {
  input: string;
  sets: DocumentSet[];
  diagnostics: Diagnostic[];
  /** The name a path on disk goes by for the user (temporary paths of an archive → `archive.zip/entry`). */
  display(p: string): string;
  close(): void;
}

export interface FilingOptions {
  /** Refuse archives (compressed or inflated) larger than this; default 512 MiB. */
  maxBytes?: number;
  zip?: Partial<ZipLimits>;
}

const IX_NS_RE = /http:\/\/www\.xbrl\.org\/(2013|2008)\/inlineXBRL["']/;
const INLINE_EXT = /\.(x?html?)$/i;

function head(file: string, n = 4096): Buffer {
  const fd = fs.openSync(file, 'r');
  try {
    const b = Buffer.alloc(n);
    return b.subarray(0, fs.readSync(fd, b, 0, n, 0));
  } finally {
    fs.closeSync(fd);
  }
}

/** A directory, a ZIP archive or a manifest: what `openFiling` reads (a single document is not). */
export function isFilingContainer(input: string): boolean {
  try {
    const st = fs.statSync(input);
    if (st.isDirectory()) return true;
    // Only a regular file is opened to look at its head (a FIFO or a device would block or never end).
    if (!st.isFile()) return false;
    if (/\.(zip|xbri|xbr)$/i.test(input)) return true;
    const h = head(input);
    return looksLikeZip(h) || isManifestHead(h.toString('utf8'));
  } catch {
    return false;
  }
}

const isManifestHead = (text: string) =>
  text.includes(EDINET_MANIFEST_NS) && /<(\w+:)?manifest[\s>]/.test(text.replace(/<\?[^>]*\?>|<!--[\s\S]*?-->/g, ''));

/** Opens a filing (see above). Never throws on content; an unreadable input is a diagnostic. */
export function openFiling(input: string, options: FilingOptions = {}): Filing {
  const filing: Filing = { input, sets: [], diagnostics: [], display: (p) => p, close: () => {} };
  let st: fs.Stats;
  try {
    st = fs.statSync(input);
  } catch (e) {
    filing.diagnostics.push(
      diag('io:fileNotFound', 'error', `Cannot read ${input}: ${(e as NodeJS.ErrnoException).code}.`, {
        source: { file: input, line: 1, column: 1 },
      }),
    );
    return filing;
  }
  if (st.isDirectory()) {
    const root = path.resolve(input);
    filing.display = (p) => (p.startsWith(root) ? path.join(input, path.relative(root, p)) : p);
    readDirectory(root, filing, path.extname(input));
  } else if (looksLikeZip(head(input)) || /\.(zip|xbri|xbr)$/i.test(input))
    openArchive(input, st.size, filing, options);
  else readManifestSets(input, filing, undefined);
  return filing;
}

function openArchive(input: string, size: number, filing: Filing, options: FilingOptions): void {
  const max = options.maxBytes ?? DEFAULT_ZIP_LIMITS.maxTotalBytes;
  const at = { file: input, line: 1, column: 1 };
  if (size > max) {
    filing.diagnostics.push(
      diag('io:fileTooLarge', 'error', `${input} is more than ${max} bytes (option maxBytes).`, { source: at }),
    );
    return;
  }
  const zip = readZip(fs.readFileSync(input), input, { maxTotalBytes: max, ...options.zip });
  filing.diagnostics.push(...zip.diagnostics);
  if (zip.diagnostics.length) return;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'iij-xbrl-'));
  filing.close = () => fs.rmSync(tmp, { recursive: true, force: true });
  filing.display = (p) =>
    p.startsWith(`${tmp}${path.sep}`) ? `${input}/${path.relative(tmp, p).split(path.sep).join('/')}` : p;
  for (const e of zip.entries) {
    const target = path.join(tmp, ...e.name.split('/'));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, e.data);
  }
  readDirectory(tmp, filing, path.extname(input).toLowerCase(), tmp);
}

/** A package by its extension or layout, else manifests, loose Inline XBRL document sets and XML instances. */
function readDirectory(root: string, filing: Filing, extension: string, archiveRoot?: string): void {
  const isPackageExt = extension === '.xbri' || extension === '.xbr';
  if (isPackageExt || packageTopLevel(root)) {
    const r = packageReports(root, isPackageExt ? extension : '.zip', filing.input);
    filing.diagnostics.push(...r.diagnostics);
    for (const rep of r.reports)
      filing.sets.push({
        name: `${filing.input} (${rep.name})`,
        base: path.basename(rep.files[0]).replace(/\.[^.]+$/, ''),
        files: rep.files,
      });
    return;
  }
  const files = walk(root);
  const listed = new Set<string>();
  for (const f of files.filter(
    (x) => /^manifest.*\.xml$/i.test(path.basename(x)) && isManifestHead(head(x).toString('utf8')),
  ))
    for (const doc of readManifestSets(f, filing, archiveRoot)) listed.add(doc);
  const loose = new Map<string, string[]>();
  for (const f of files) {
    if (listed.has(f)) continue;
    if (INLINE_EXT.test(f) && IX_NS_RE.test(head(f, 65536).toString('utf8'))) {
      const dir = path.dirname(f);
      loose.set(dir, [...(loose.get(dir) ?? []), f]);
    } else if (/\.xbrl$/i.test(f)) filing.sets.push({ name: filing.display(f), base: stem(f), files: [f] });
  }
  for (const [dir, docs] of loose) filing.sets.push({ name: filing.display(dir), base: stem(docs[0]), files: docs });
  filing.sets.sort((a, b) => compareText(a.name, b.name));
  if (!filing.sets.length && !filing.diagnostics.length)
    filing.diagnostics.push(
      diag('docset:noReport', 'error', `${filing.input} holds no manifest, Inline XBRL document or XBRL instance.`, {
        source: { file: filing.input, line: 1, column: 1 },
      }),
    );
}

const stem = (f: string) => path.basename(f).replace(/(-|_)?ixbrl\.x?html?$|\.[^.]+$/i, '') || path.basename(f);

/** Every file under `dir`, sorted; symbolic links are not followed. */
function walk(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => compareText(a.name, b.name))) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...walk(p));
    else if (e.isFile()) out.push(p);
  }
  return out;
}

/** The sets a manifest lists; returns the documents it names. Inside an archive a document must stay inside it. */
function readManifestSets(file: string, filing: Filing, archiveRoot: string | undefined): string[] {
  const display = filing.display(file);
  const m = readManifest(file, display);
  filing.diagnostics.push(...m.diagnostics);
  const named: string[] = [];
  for (const inst of m.instances) {
    const at = { file: display, line: 1, column: 1 };
    const outside = archiveRoot && inst.documents.find((d) => !d.startsWith(`${archiveRoot}${path.sep}`));
    if (outside) {
      filing.diagnostics.push(
        diag('zip:unsafePath', 'error', `${display} names a document outside the archive: ${outside}.`, { source: at }),
      );
      continue;
    }
    const missing = inst.documents.filter((d) => !fs.existsSync(d));
    named.push(...inst.documents);
    if (missing.length || !inst.documents.length) {
      filing.diagnostics.push(
        diag(
          'docset:missingDocument',
          'error',
          missing.length
            ? `${display}: instance ${inst.id} lists ${missing.map((d) => filing.display(d)).join(', ')}, not found.`
            : `${display}: instance ${inst.id} lists no ixbrl document.`,
          { source: at, expected: 'the documents the manifest lists', actual: missing.join(', ') || 'none' },
        ),
      );
      continue;
    }
    filing.sets.push({
      name: `${display}#${inst.id}`,
      base: (inst.preferredFilename || inst.id).replace(/\.[^.]+$/, ''),
      files: inst.documents,
    });
  }
  return named;
}

/** Rewrites temporary paths in diagnostics to the names the user knows (see `Filing.display`). */
export function relabelDiagnostics(ds: Diagnostic[], filing: Filing): Diagnostic[] {
  const map = (s: string) => filing.display(s);
  const text = (s: string) => s.replace(/(\/[^\s:'"(),]+)/g, (p) => filing.display(p));
  return ds.map((d) => ({
    ...d,
    message: text(d.message),
    ...(d.source && { source: { ...d.source, file: map(d.source.file) } }),
    ...(d.related && { related: d.related.map((r) => ({ ...r, file: map(r.file) })) }),
  }));
}

/** The report with its facts' sources named as the user knows them. */
export function relabelReport(report: Report, filing: Filing): Report {
  return {
    ...report,
    file: report.file && filing.display(report.file),
    facts: report.facts.map((f) =>
      f.source ? { ...f, source: { ...f.source, file: filing.display(f.source.file) } } : f,
    ),
  };
}
