import { zipStore } from '../util/zip';

export const XBRI_DOCUMENT_TYPE = 'https://xbrl.org/report-package/2023/xbri';

/**
 * One Inline XBRL document as an XBRL Report Package (Report Packages 1.0, `.xbri`): a top-level
 * directory named after the package, `META-INF/reportPackage.json` with the xbri document type,
 * and the report under `reports/`. An xbri package holds one report, so each language gets its own.
 * The taxonomy is referenced by its absolute URL, as in the document, not copied in.
 */
export function toReportPackage(doc: { name: string; content: string }): { name: string; bytes: Uint8Array } {
  const base = doc.name.replace(/\.x?html?$/, '');
  const meta = `${JSON.stringify({ documentInfo: { documentType: XBRI_DOCUMENT_TYPE } }, null, 2)}\n`;
  const bytes = zipStore([
    { name: `${base}/META-INF/reportPackage.json`, data: Buffer.from(meta, 'utf8') },
    { name: `${base}/reports/${doc.name}`, data: Buffer.from(doc.content, 'utf8') },
  ]);
  return { name: `${base}.xbri`, bytes };
}
