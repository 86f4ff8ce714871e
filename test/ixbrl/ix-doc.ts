import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Small Inline XBRL documents for the reader's tests: contexts d (2003 Q4) and i1 (2003-12-31), unit JPY. */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iij-ixread-'));
let n = 0;

export const CONTEXTS = `<xbrli:context id="d"><xbrli:entity><xbrli:identifier scheme="http://www.sec.gov/CIK">1</xbrli:identifier></xbrli:entity><xbrli:period><xbrli:startDate>2003-10-01</xbrli:startDate><xbrli:endDate>2003-12-31</xbrli:endDate></xbrli:period></xbrli:context>
<xbrli:context id="i1"><xbrli:entity><xbrli:identifier scheme="http://www.sec.gov/CIK">1</xbrli:identifier></xbrli:entity><xbrli:period><xbrli:instant>2003-12-31</xbrli:instant></xbrli:period></xbrli:context>
<xbrli:unit id="JPY"><xbrli:measure>iso4217:JPY</xbrli:measure></xbrli:unit>`;

export function ixDoc(body: string, o: { resources?: string; prolog?: string; raw?: string } = {}): string {
  const file = path.join(dir, `case${++n}.xhtml`);
  const text =
    o.raw ??
    `${o.prolog ?? '<?xml version="1.0" encoding="UTF-8"?>\n'}<html xmlns="http://www.w3.org/1999/xhtml" xmlns:ix="http://www.xbrl.org/2013/inlineXBRL"
  xmlns:ixt="http://www.xbrl.org/inlineXBRL/transformation/2020-02-12" xmlns:ixt5="http://www.xbrl.org/inlineXBRL/transformation/2022-02-16"
  xmlns:ixt-sec="http://www.sec.gov/inlineXBRL/transformation/2015-08-31" xmlns:xbrldi="http://xbrl.org/2006/xbrldi"
  xmlns:xbrli="http://www.xbrl.org/2003/instance" xmlns:link="http://www.xbrl.org/2003/linkbase" xmlns:xlink="http://www.w3.org/1999/xlink"
  xmlns:iso4217="http://www.xbrl.org/2003/iso4217" xmlns:t="https://example.com/tiny/2020" xml:lang="en">
<head><title>test</title></head>
<body>
<div style="display:none"><ix:header>
<ix:references><link:schemaRef xlink:type="simple" xlink:href="https://example.com/tiny/2020/tiny.xsd"/></ix:references>
<ix:resources>${o.resources ?? CONTEXTS}</ix:resources>
</ix:header></div>
${body}
</body></html>
`;
  fs.writeFileSync(file, text);
  return file;
}
