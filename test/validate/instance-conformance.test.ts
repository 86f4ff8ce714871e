import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { validate } from '../../src/validate';

/** Instance rules found through the XBRL 2.1 conformance suite: each case is a schema + instance in a temp dir. */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iij-inst-'));
let n = 0;

fs.writeFileSync(path.join(dir, 't.xsd'), `<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xbrli="http://www.xbrl.org/2003/instance" xmlns:t="http://example.com/t"
  targetNamespace="http://example.com/t" elementFormDefault="qualified">
  <xs:import namespace="http://www.xbrl.org/2003/instance" schemaLocation="http://www.xbrl.org/2003/xbrl-instance-2003-12-31.xsd"/>
  <xs:element name="Amount" id="Amount" type="xbrli:monetaryItemType" substitutionGroup="xbrli:item" xbrli:periodType="instant"/>
  <xs:element name="Ratio" id="Ratio" type="xbrli:floatItemType" substitutionGroup="xbrli:item" xbrli:periodType="instant"/>
  <xs:element name="Name" id="Name" type="xbrli:stringItemType" substitutionGroup="xbrli:item" xbrli:periodType="instant"/>
  <xs:element name="Person" id="Person" substitutionGroup="xbrli:tuple">
    <xs:complexType><xs:sequence><xs:element ref="t:Name"/><xs:element ref="t:Amount" minOccurs="0"/></xs:sequence></xs:complexType>
  </xs:element>
</xs:schema>
`);

const ctx = (id: string, entity = '1') => `<xbrli:context id="${id}"><xbrli:entity><xbrli:identifier scheme="http://example.com">${entity}</xbrli:identifier></xbrli:entity><xbrli:period><xbrli:instant>2003-12-31</xbrli:instant></xbrli:period></xbrli:context>`;

function instance(body: string, head = '<link:schemaRef xlink:type="simple" xlink:href="t.xsd"/>', sub = ''): string {
  const folder = path.join(dir, sub);
  fs.mkdirSync(folder, { recursive: true });
  const file = path.join(folder, `i${++n}.xml`);
  fs.writeFileSync(file, `<?xml version="1.0" encoding="UTF-8"?>
<xbrli:xbrl xmlns:xbrli="http://www.xbrl.org/2003/instance" xmlns:link="http://www.xbrl.org/2003/linkbase" xmlns:xlink="http://www.w3.org/1999/xlink"
  xmlns:iso4217="http://www.xbrl.org/2003/iso4217" xmlns:t="http://example.com/t">
  ${head}
  ${ctx('c')}<xbrli:unit id="u"><xbrli:measure>iso4217:JPY</xbrli:measure></xbrli:unit><xbrli:unit id="p"><xbrli:measure>xbrli:pure</xbrli:measure></xbrli:unit>
  ${body}
</xbrli:xbrl>
`);
  return file;
}

const run = (file: string) => validate(file, { packages: [], calc: 'c10' });
const codes = (file: string) => run(file).diagnostics.filter((d) => d.severity !== 'info').map((d) => d.code);

describe('tuples', () => {
  test('a tuple with items inside is valid and its items are validated', () => {
    expect(codes(instance('<t:Person><t:Name contextRef="c">Ann</t:Name><t:Amount contextRef="c" unitRef="u" decimals="0">5</t:Amount></t:Person>'))).toEqual([]);
    const bad = instance('<t:Person><t:Name contextRef="c">Ann</t:Name><t:Amount contextRef="c" unitRef="u" decimals="0">five</t:Amount></t:Person>');
    const d = run(bad).diagnostics.find((x) => x.code === 'xmlSchema:valueError');
    expect(d?.source?.line).toBe(6);
  });
  test('a tuple must not carry a contextRef; an item must not hold child elements', () => {
    expect(codes(instance('<t:Person contextRef="c"><t:Name contextRef="c">Ann</t:Name></t:Person>'))).toContain('xbrl.4.9:tupleAttribute');
    expect(codes(instance('<t:Name contextRef="c"><t:Name contextRef="c">Ann</t:Name></t:Name>'))).toContain('xmlSchema:valueError');
  });
  test('items in two tuples are not duplicates of each other', () => {
    const two = '<t:Person><t:Name contextRef="c">Ann</t:Name></t:Person><t:Person><t:Name contextRef="c">Bob</t:Name></t:Person>';
    const r = validate(instance(two), { packages: [] });
    expect(r.diagnostics.filter((d) => d.code === 'arelle:duplicateFacts')).toEqual([]);
  });
});

describe('lexical forms and robustness', () => {
  test('float forms such as .0E0 and +.5e-3 are valid; 1.2.3 is not', () => {
    expect(codes(instance('<t:Ratio contextRef="c" unitRef="p" decimals="2">.0000E0</t:Ratio><t:Ratio id="r2" contextRef="c" unitRef="p" precision="3">+.5e-3</t:Ratio>'))).toEqual([]);
    expect(codes(instance('<t:Ratio contextRef="c" unitRef="p" decimals="2">1.2.3</t:Ratio>'))).toEqual(['xmlSchema:valueError']);
  });
  test('a numeric value like 12.3.4 gives a coded error with its line, never an exception (precision, duplicates, calculations)', () => {
    const facts = '<t:Amount contextRef="c" unitRef="u" precision="3">12.3.4</t:Amount>\n<t:Amount contextRef="c" unitRef="u" precision="3">12.3.4</t:Amount>';
    const file = instance(facts);
    for (const calc of ['c11r', 'c10'] as const) {
      const r = validate(file, { packages: [], calc });
      const errs = r.diagnostics.filter((d) => d.code === 'xmlSchema:valueError');
      expect(errs.map((d) => d.source?.line)).toEqual([6, 7]);
      expect(errs[0].actual).toBe('12.3.4');
    }
  });
  test('several entities are legal XBRL 2.1: no warning', () => {
    const file = instance(`${ctx('c2', '2')}<t:Name contextRef="c">a</t:Name><t:Name contextRef="c2">b</t:Name>`);
    expect(run(file).diagnostics).toEqual([]);
  });
});

describe('instance references', () => {
  test('xml:base applies to the schemaRef', () => {
    expect(codes(instance('', '<link:schemaRef xlink:type="simple" xlink:href="t.xsd" xml:base="../"/>', 'sub'))).toEqual([]);
    expect(codes(instance('', '<link:schemaRef xlink:type="simple" xlink:href="t.xsd" xml:base="nowhere/"/>'))).toContain('xbrl.4.2.2:schemaRefHref');
  });
  test('a duplicate roleRef in the instance is an error', () => {
    const ref = '<link:roleRef roleURI="http://e.com/r" xlink:type="simple" xlink:href="t.xsd#r"/>';
    expect(codes(instance('', `<link:schemaRef xlink:type="simple" xlink:href="t.xsd"/>${ref}${ref}`))).toContain('xbrl.3.5.2.4.5:roleRefDuplicate');
  });
});
