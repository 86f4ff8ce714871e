import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * After the read, the instance reader keeps nothing of the document text: V8 cuts substrings of 13
 * or more characters as views of the string they come from, so one long id, value, name or URI kept
 * as such a view would keep the whole text in memory (170 MB for a million facts) for as long as the
 * report lives. Node holds a large decoded document outside the heap (`external` memory), which
 * makes what is kept measurable.
 */
const IIJ = 'https://xbrl.iij.ad.jp/taxonomy/2004-03-31/iij';

function instance(file: string, contexts: number): void {
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<xbrli:xbrl xmlns:xbrli="http://www.xbrl.org/2003/instance" xmlns:link="http://www.xbrl.org/2003/linkbase" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:iso4217="http://www.xbrl.org/2003/iso4217" xmlns:xbrldi="http://xbrl.org/2006/xbrldi" xmlns:iij="${IIJ}" xmlns:other="urn:example:other-attributes">`,
    `  <link:schemaRef xlink:type="simple" xlink:href="${IIJ}.xsd"/>`,
    '  <xbrli:unit id="JapaneseYenUnitWithALongId"><xbrli:measure>iso4217:JPY</xbrli:measure></xbrli:unit>',
  ];
  for (let c = 0; c < contexts; c++) {
    const id = `ContextWithALongIdentifier${c}`;
    out.push(
      `  <xbrli:context id="${id}"><xbrli:entity><xbrli:identifier scheme="http://www.sec.gov/CIK">0001090633</xbrli:identifier><xbrli:segment><xbrldi:explicitMember dimension="iij:SegmentAxisWithALongName">iij:SegmentMemberWithALongName${c % 7}</xbrldi:explicitMember></xbrli:segment></xbrli:entity><xbrli:period><xbrli:startDate>2003-10-01</xbrli:startDate><xbrli:endDate>2003-12-31</xbrli:endDate></xbrli:period><xbrli:scenario><xbrldi:typedMember dimension="iij:TypedAxisWithALongName"><iij:Value>typed value number ${c}</iij:Value></xbrldi:typedMember></xbrli:scenario></xbrli:context>`,
    );
    out.push(
      `  <iij:Revenues id="RevenuesFactWithALongId${c}" contextRef="${id}" unitRef="JapaneseYenUnitWithALongId" decimals="-6" other:note="a foreign attribute value ${c}">${1234567890123000 + c}</iij:Revenues>`,
    );
    out.push(
      `  <iij:EntityRegistrantName contextRef="${id}" xml:lang="en">Internet Initiative Japan Inc., context ${c}</iij:EntityRegistrantName>`,
    );
  }
  out.push(
    '  <link:footnoteLink xlink:type="extended" xlink:role="http://www.xbrl.org/2003/role/link"><link:loc xlink:type="locator" xlink:href="#RevenuesFactWithALongId0" xlink:label="fact"/><link:footnote xlink:type="resource" xlink:label="note" xlink:role="http://www.xbrl.org/2003/role/footnote" xml:lang="en">A footnote with a long text, long enough to be a view.</link:footnote><link:footnoteArc xlink:type="arc" xlink:arcrole="http://www.xbrl.org/2003/arcrole/fact-footnote" xlink:from="fact" xlink:to="note"/></link:footnoteLink>',
  );
  out.push('</xbrli:xbrl>', '');
  fs.writeFileSync(file, out.join('\n'));
}

test('a read instance keeps none of the document text alive (ids, values, names, namespaces, contexts, units, footnotes)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iij-memory-'));
  const file = path.join(dir, 'long-strings.xml');
  instance(file, 8000);
  const size = fs.statSync(file).size / 2 ** 20;
  expect(size).toBeGreaterThan(4);
  const reader = path.join(__dirname, '..', '..', 'dist', 'src', 'instance', 'from-xbrl-xml.js');
  const script = `
    const r = require(${JSON.stringify(reader)}).fromXbrlXml(${JSON.stringify(file)});
    globalThis.kept = r;
    global.gc(); global.gc();
    process.stdout.write(JSON.stringify({ facts: r.report.facts.length, contexts: r.contexts.size, footnotes: r.report.footnotes.length, errors: r.diagnostics.length, externalMiB: process.memoryUsage().external / 2 ** 20 }));`;
  const run = spawnSync(process.execPath, ['--expose-gc', '-e', script], { encoding: 'utf8' });
  expect(run.stderr).toBe('');
  const got = JSON.parse(run.stdout) as {
    facts: number;
    contexts: number;
    footnotes: number;
    errors: number;
    externalMiB: number;
  };
  // It read everything (the long strings are in the report)…
  expect(got).toMatchObject({ facts: 16000, contexts: 8000, footnotes: 1, errors: 0 });
  // …and what it keeps outside the heap is far below the document's size (Node's own is about 1 MiB).
  expect(got.externalMiB).toBeLessThan(size / 4);
  fs.rmSync(dir, { recursive: true, force: true });
});
