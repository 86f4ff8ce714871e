import fs from 'node:fs';
import path from 'node:path';
import { diag, type Diagnostic } from '../model';
import { compareText } from '../util/compare-text';

/**
 * XBRL Report Packages 1.0: which reports a package holds. The package is a directory here (an
 * archive is unpacked first): one top-level directory (the STLD) with `META-INF/reportPackage.json`
 * and `reports/`. A file directly in `reports/` is a report; the files of one subdirectory of
 * `reports/` are one report when all are Inline XBRL (a document set), else one report each.
 * `.xbri` holds exactly one Inline XBRL report, `.xbr` one XBRL 2.1 or xBRL-JSON report, `.zip`
 * any. Error codes as the specification (and Arelle's ReportPackageValidator) name them: `rpe:…`.
 */
export const RP_DOCUMENT_TYPES: Record<string, string> = {
  '.xbri': 'https://xbrl.org/report-package/2023/xbri',
  '.xbr': 'https://xbrl.org/report-package/2023/xbr',
  '.zip': 'https://xbrl.org/report-package/2023',
};
const INLINE = new Set(['.xhtml', '.html', '.htm']);
const NON_INLINE = new Set(['.xbrl', '.json']);
const ext = (f: string) => path.extname(f).toLowerCase();

export interface PackageReport {
  /** Path of the report's first file relative to `reports/`, for names. */
  name: string;
  files: string[];
  inline: boolean;
}

/** The top-level directory of a package when the directory holds one that looks like a package (`META-INF/reportPackage.json` or `reports/`). */
export function packageTopLevel(root: string): string | undefined {
  const top = fs.readdirSync(root, { withFileTypes: true });
  const dirs = top.filter((e) => e.isDirectory());
  if (fs.existsSync(path.join(root, 'META-INF', 'reportPackage.json'))) return root;
  if (dirs.length !== 1) return undefined;
  const stld = path.join(root, dirs[0].name);
  const isPackage =
    fs.existsSync(path.join(stld, 'META-INF', 'reportPackage.json')) || fs.existsSync(path.join(stld, 'reports'));
  return isPackage ? stld : undefined;
}

/** The reports of the package at `root` (extension `extension`, as given by its file name), or the `rpe:` problem that stops it. */
export function packageReports(
  root: string,
  extension: string,
  display: string,
): { reports: PackageReport[]; diagnostics: Diagnostic[] } {
  const fail = (code: string, message: string) => ({
    reports: [],
    diagnostics: [
      diag(`rpe:${code}`, 'error', `${display}: ${message}`, { source: { file: display, line: 1, column: 1 } }),
    ],
  });
  const kind = RP_DOCUMENT_TYPES[extension.toLowerCase()];
  if (!kind)
    return fail(
      'unsupportedFileExtension',
      `a report package is .xbri, .xbr or .zip, not ${extension || 'a directory'}.`,
    );
  const stld = packageTopLevel(root);
  if (!stld) return fail('invalidDirectoryStructure', 'a report package holds exactly one top-level directory.');
  const meta = metadata(stld, kind, extension, fail);
  if (meta) return meta;
  const reportsDir = path.join(stld, 'reports');
  if (!fs.existsSync(reportsDir)) return fail('missingReportsDirectory', 'the package has no reports directory.');
  const reports = reportsIn(reportsDir);
  if (!reports.length) return fail('missingReport', 'the reports directory holds no report.');
  if (extension !== '.zip') {
    const inline = extension === '.xbri';
    if (reports.length > 1)
      return fail('multipleReports', `an ${extension} package holds one report, not ${reports.length}.`);
    if (reports[0].inline !== inline)
      return fail(
        'incorrectReportType',
        `an ${extension} package holds ${inline ? 'an Inline XBRL' : 'an XBRL 2.1 or xBRL-JSON'} report.`,
      );
  }
  return { reports, diagnostics: [] };
}

/** `META-INF/reportPackage.json`: valid JSON, a known document type matching the file extension (required for .xbri and .xbr). */
function metadata(
  stld: string,
  kind: string,
  extension: string,
  fail: (code: string, message: string) => { reports: PackageReport[]; diagnostics: Diagnostic[] },
) {
  const file = path.join(stld, 'META-INF', 'reportPackage.json');
  if (!fs.existsSync(file))
    return extension === '.zip'
      ? undefined
      : fail('documentTypeFileExtensionMismatch', `an ${extension} package needs META-INF/reportPackage.json.`);
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
  } catch {
    return fail('invalidJSON', 'META-INF/reportPackage.json is not valid JSON.');
  }
  const info = (json as { documentInfo?: unknown })?.documentInfo;
  if (!info || typeof info !== 'object' || Array.isArray(info))
    return fail('invalidJSONStructure', "META-INF/reportPackage.json: 'documentInfo' must be an object.");
  const type = (info as { documentType?: unknown }).documentType;
  if (typeof type !== 'string')
    return fail('invalidJSONStructure', "META-INF/reportPackage.json: 'documentInfo.documentType' must be a string.");
  if (!Object.values(RP_DOCUMENT_TYPES).includes(type))
    return fail('unsupportedReportPackageVersion', `document type ${type} is not supported.`);
  if (type !== kind)
    return fail(
      'documentTypeFileExtensionMismatch',
      `document type ${type} does not match the extension ${extension}.`,
    );
  return undefined;
}

function reportsIn(dir: string): PackageReport[] {
  const out: PackageReport[] = [];
  const isReport = (f: string) => INLINE.has(ext(f)) || NON_INLINE.has(ext(f));
  const entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => compareText(a.name, b.name));
  for (const e of entries) {
    if (e.isFile() && isReport(e.name))
      out.push({ name: e.name, files: [path.join(dir, e.name)], inline: INLINE.has(ext(e.name)) });
    if (!e.isDirectory()) continue;
    const sub = fs
      .readdirSync(path.join(dir, e.name), { withFileTypes: true })
      .filter((f) => f.isFile() && isReport(f.name))
      .map((f) => f.name)
      .sort(compareText);
    if (sub.length && sub.every((f) => INLINE.has(ext(f))))
      out.push({ name: `${e.name}/${sub[0]}`, files: sub.map((f) => path.join(dir, e.name, f)), inline: true });
    else
      for (const f of sub)
        out.push({ name: `${e.name}/${f}`, files: [path.join(dir, e.name, f)], inline: INLINE.has(ext(f)) });
  }
  return out;
}
