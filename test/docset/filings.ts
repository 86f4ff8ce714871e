import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { craftZip } from './craft-zip';

/**
 * Small filings built the way EDINET and TDnet deliver them (the layout and manifest format of
 * real filings: `XBRLData/Summary`, `XBRLData/Attachment/manifest.xml`, `XBRL/PublicDoc/
 * manifest_PublicDoc.xml`), with documents over the tiny test taxonomy so that every rule can
 * run offline. The Attachment set keeps its ix:header in the first document only: the others use
 * its contexts, units and footnotes.
 */
export const PKG = path.join(__dirname, '../fixtures/validate/taxonomy');
export const T = '{https://example.com/tiny/2020}';

const ctx = (id: string, period: string) =>
  `<xbrli:context id="${id}"><xbrli:entity><xbrli:identifier scheme="http://www.sec.gov/CIK">1</xbrli:identifier></xbrli:entity><xbrli:period>${period}</xbrli:period></xbrli:context>`;
const HEADER = `<div style="display:none"><ix:header>
<ix:references><link:schemaRef xlink:type="simple" xlink:href="https://example.com/tiny/2020/tiny.xsd"/></ix:references>
<ix:resources>${ctx('d', '<xbrli:startDate>2003-10-01</xbrli:startDate><xbrli:endDate>2003-12-31</xbrli:endDate>')}
${ctx('i1', '<xbrli:instant>2003-12-31</xbrli:instant>')}
<xbrli:unit id="JPY"><xbrli:measure>iso4217:JPY</xbrli:measure></xbrli:unit></ix:resources>
</ix:header></div>`;

/** An Inline XBRL document; `header: false` leaves out the ix:header (another document of the set holds it). */
export function inlineDoc(body: string, header = true): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:ix="http://www.xbrl.org/2013/inlineXBRL"
  xmlns:ixt="http://www.xbrl.org/inlineXBRL/transformation/2020-02-12" xmlns:xbrli="http://www.xbrl.org/2003/instance"
  xmlns:link="http://www.xbrl.org/2003/linkbase" xmlns:xlink="http://www.w3.org/1999/xlink"
  xmlns:iso4217="http://www.xbrl.org/2003/iso4217" xmlns:t="https://example.com/tiny/2020" xml:lang="ja">
<head><title>filing</title></head>
<body>
${header ? HEADER : ''}
${body}
</body></html>
`;
}

export const nf = (name: string, text: string, attrs = '') =>
  `<ix:nonFraction name="t:${name}" contextRef="d" unitRef="JPY" decimals="-6" scale="6" format="ixt:num-dot-decimal"${attrs ? ` ${attrs}` : ''}>${text}</ix:nonFraction>`;

/** An XBRL 2.1 instance over the tiny taxonomy. */
export const xmlInstance = (revenues = '12345000000') => `<?xml version="1.0" encoding="UTF-8"?>
<xbrli:xbrl xmlns:xbrli="http://www.xbrl.org/2003/instance" xmlns:link="http://www.xbrl.org/2003/linkbase"
  xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:iso4217="http://www.xbrl.org/2003/iso4217" xmlns:t="https://example.com/tiny/2020">
<link:schemaRef xlink:type="simple" xlink:href="https://example.com/tiny/2020/tiny.xsd"/>
${ctx('d', '<xbrli:startDate>2003-10-01</xbrli:startDate><xbrli:endDate>2003-12-31</xbrli:endDate>')}
<xbrli:unit id="JPY"><xbrli:measure>iso4217:JPY</xbrli:measure></xbrli:unit>
<t:Revenues contextRef="d" unitRef="JPY" decimals="-6">${revenues}</t:Revenues>
</xbrli:xbrl>
`;

export function manifest(instances: { id: string; preferred: string; docs: string[] }[]): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<manifest xmlns="http://disclosure.edinet-fsa.go.jp/2013/manifest">
  <tocComposition>
    <title xml:lang="ja">決算短信添付資料</title>
    <item ref="${instances[0]?.id ?? ''}" extrole="http://example.com/role" in="presentation" />
  </tocComposition>
  <list>
${instances
  .map(
    (i) =>
      `    <instance id="${i.id}" type="Attachment" preferredFilename="${i.preferred}">\n${i.docs.map((d) => `      <ixbrl>${d}</ixbrl>`).join('\n')}\n    </instance>`,
  )
  .join('\n')}
  </list>
</manifest>
`;
}

/** TDnet's XBRLData: a summary (one complete document) and an attachment set of three documents listed by manifest.xml. */
export function tdnetFiles(): Record<string, string> {
  const docs = ['0101010-acbs01-tse-acedjpfr-99990-ixbrl.htm', '0102010-acpl01-tse-acedjpfr-99990-ixbrl.htm'];
  return {
    'XBRLData/Summary/tse-acedjpsm-99990-ixbrl.htm': inlineDoc(
      `<p>${nf('Revenues', '12,345', 'id="sm1"')}</p><p><ix:nonNumeric name="t:CompanyName" contextRef="d">IIJ</ix:nonNumeric></p>`,
    ),
    'XBRLData/Attachment/manifest.xml': manifest([{ id: 'acedjpfr', preferred: 'tse-acedjpfr-99990.xbrl', docs }]),
    'XBRLData/Attachment/index.txt': 'index',
    'XBRLData/Attachment/qualitative.htm': '<html><body><p>qualitative information, no XBRL</p></body></html>',
    [`XBRLData/Attachment/${docs[0]}`]: inlineDoc(
      `<p>${nf('ServiceA', '7,123', 'id="fa"')}</p><p><ix:nonNumeric name="t:CompanyName" contextRef="d" continuedAt="k">Internet Initiative</ix:nonNumeric></p>`,
    ),
    [`XBRLData/Attachment/${docs[1]}`]: inlineDoc(
      `<p><ix:continuation id="k"> Japan</ix:continuation>${nf('ServiceB', '5,223')} ${nf('Revenues', '12,345')}</p>
<ix:footnote id="n" xml:lang="en">Restated.</ix:footnote><ix:relationship fromRefs="fa" toRefs="n"/>`,
      false,
    ),
  };
}

/** EDINET's layout: PublicDoc (header document + body) and AuditDoc, each with its manifest. */
export function edinetFiles(): Record<string, string> {
  const pub = [
    '0000000_header_jpcrp030000-asr-001_X99001-000_ixbrl.htm',
    '0101010_honbun_jpcrp030000-asr-001_X99001-000_ixbrl.htm',
  ];
  const aud = ['jpaud-aar-cn-001_X99001-000_ixbrl.htm'];
  return {
    'XBRL/PublicDoc/manifest_PublicDoc.xml': manifest([
      { id: 'jpcrp030000', preferred: 'jpcrp030000-asr-001_X99001-000.xbrl', docs: pub },
    ]),
    [`XBRL/PublicDoc/${pub[0]}`]: inlineDoc(
      `<p><ix:nonNumeric name="t:CompanyName" contextRef="d">IIJ</ix:nonNumeric></p>`,
    ),
    [`XBRL/PublicDoc/${pub[1]}`]: inlineDoc(
      `<p>${nf('ServiceA', '7,123')} ${nf('ServiceB', '5,223')} ${nf('Revenues', '12,345')}</p>`,
      false,
    ),
    'XBRL/AuditDoc/manifest_AuditDoc.xml': manifest([
      { id: 'jpaud', preferred: 'jpaud-aar-cn-001_X99001-000.xbrl', docs: aud },
    ]),
    [`XBRL/AuditDoc/${aud[0]}`]: inlineDoc(`<p>${nf('Revenues', '12,345')}</p>`),
  };
}

export const tmpDir = (tag: string) => fs.mkdtempSync(path.join(os.tmpdir(), `iij-${tag}-`));

/** Writes the files under `dir` (as a filer's directory). */
export function writeTree(dir: string, files: Record<string, string>): string {
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

/** The files as a ZIP archive (deflated) at `file`. */
export function writeZip(file: string, files: Record<string, string>): string {
  fs.writeFileSync(file, craftZip(Object.entries(files).map(([name, data]) => ({ name, data }))));
  return file;
}
