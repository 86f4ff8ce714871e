import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { validate } from '../../src/validate';
import { loadDts } from '../../src/taxonomy/load-dts';
import { ixDoc } from '../ixbrl/ix-doc';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iij-dts-edges-'));
const write = (name: string, text: string) => {
  const f = path.join(dir, name);
  fs.mkdirSync(path.dirname(f), { recursive: true });
  fs.writeFileSync(f, text);
  return f;
};
const NS_DECL =
  'xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xbrli="http://www.xbrl.org/2003/instance" xmlns:link="http://www.xbrl.org/2003/linkbase" xmlns:xlink="http://www.w3.org/1999/xlink"';
const item = (name: string) =>
  `<xs:element id="ext_${name}" name="${name}" type="xbrli:monetaryItemType" substitutionGroup="xbrli:item" xbrli:periodType="duration" nillable="true"/>`;
// An empty package: no catalog maps anything.
const NO_PACKAGE = path.dirname(path.dirname(write('empty-package/META-INF/taxonomyPackage.xml', '<tp:taxonomyPackage xmlns:tp="http://xbrl.org/2016/taxonomy-package"/>')));

describe('only specification schemas are built in', () => {
  it('a taxonomy on www.xbrl.org that no package maps: one "cannot load" at the schemaRef, no concept errors', () => {
    const href = 'http://www.xbrl.org/uk/gaap/core/2009-09-01/uk-gaap-full-2009-09-01.xsd';
    const f = ixDoc(
      '<ix:nonNumeric name="t:A" contextRef="d">x</ix:nonNumeric><ix:nonNumeric name="t:B" contextRef="d">y</ix:nonNumeric>',
    ).replace(/$/, '');
    fs.writeFileSync(f, fs.readFileSync(f, 'utf8').replace('https://example.com/tiny/2020/tiny.xsd', href));
    const r = validate(f, { packages: [NO_PACKAGE] });
    const errors = r.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => d.code)).toEqual(['xbrl.4.2.2:schemaRefHref']);
    expect(errors[0].message).toContain(`cannot load ${href}`);
    expect(errors[0].source).toMatchObject({ file: f, line: 10, column: 16 });
    expect(r.diagnostics.map((d) => d.message).filter((m) => /is not declared/.test(m))).toEqual([]);
  });

  it('XBRL 2.1 and the registries stay built in', () => {
    const xsd = write(
      'spec-only.xsd',
      `<xs:schema ${NS_DECL} targetNamespace="http://example.com/ext" elementFormDefault="qualified">
<xs:import namespace="http://www.xbrl.org/2003/instance" schemaLocation="http://www.xbrl.org/2003/xbrl-instance-2003-12-31.xsd"/>
<xs:import namespace="http://www.xbrl.org/dtr/type/non-numeric" schemaLocation="http://www.xbrl.org/dtr/type/nonNumeric-2009-12-16.xsd"/>
<xs:import namespace="http://www.xbrl.org/lrr/role/negated" schemaLocation="http://www.xbrl.org/lrr/role/negated-2009-12-16.xsd"/>
${item('Total')}</xs:schema>`,
    );
    const r = loadDts([xsd], { packages: [NO_PACKAGE] });
    expect(r.diagnostics).toEqual([]);
    expect(r.dts.unloaded).toBeUndefined();
  });
});

describe('taxonomy package catalogs', () => {
  it('accepts the standard OASIS DOCTYPE on catalog.xml', () => {
    write(
      'oasis/META-INF/catalog.xml',
      `<?xml version="1.0"?>
<!DOCTYPE catalog PUBLIC "-//OASIS//DTD XML Catalogs V1.1//EN" "http://www.oasis-open.org/committees/entity/release/1.1/catalog.dtd">
<catalog xmlns="urn:oasis:names:tc:entity:xmlns:xml:catalog"><rewriteURI uriStartString="http://example.com/oasis/" rewritePrefix="../files/"/></catalog>`,
    );
    write('oasis/files/x.xsd', `<xs:schema ${NS_DECL} targetNamespace="http://example.com/ext">${item('Total')}</xs:schema>`);
    const r = loadDts(['http://example.com/oasis/x.xsd'], { packages: [path.join(dir, 'oasis')] });
    expect(r.diagnostics).toEqual([]);
    expect([...r.dts.concepts.keys()]).toEqual(['{http://example.com/ext}Total']);
  });

  it('still refuses a catalog whose DOCTYPE declares entities', () => {
    write(
      'evil/META-INF/catalog.xml',
      `<?xml version="1.0"?>
<!DOCTYPE catalog [<!ENTITY x "y">]>
<catalog xmlns="urn:oasis:names:tc:entity:xmlns:xml:catalog"/>`,
    );
    const r = loadDts([], { packages: [path.join(dir, 'evil')] });
    expect(r.diagnostics.map((d) => d.code)).toEqual(['tpe:invalidCatalogFile']);
  });
});

describe('a partial DTS: rules skip what they cannot judge and say so once', () => {
  it('a calculation total whose other contributor is in a schema that could not be loaded is not judged', () => {
    const usGaap = 'https://xbrl.fasb.org/us-gaap/2024/elts/us-gaap-2024.xsd';
    write(
      'partial/ext.xsd',
      `<xs:schema ${NS_DECL} targetNamespace="http://example.com/ext" elementFormDefault="qualified">
<xs:annotation><xs:appinfo><link:linkbaseRef xlink:type="simple" xlink:href="ext-cal.xml" xlink:role="http://www.xbrl.org/2003/role/calculationLinkbaseRef" xlink:arcrole="http://www.w3.org/1999/xlink/properties/linkbase"/></xs:appinfo></xs:annotation>
<xs:import namespace="http://www.xbrl.org/2003/instance" schemaLocation="http://www.xbrl.org/2003/xbrl-instance-2003-12-31.xsd"/>
<xs:import namespace="http://fasb.org/us-gaap/2024" schemaLocation="${usGaap}"/>
${item('Total')}${item('Part')}${item('Whole')}${item('Half')}</xs:schema>`,
    );
    const loc = (label: string, href: string) =>
      `<link:loc xlink:type="locator" xlink:label="${label}" xlink:href="${href}"/>`;
    const arc = (from: string, to: string) =>
      `<link:calculationArc xlink:type="arc" xlink:arcrole="http://www.xbrl.org/2003/arcrole/summation-item" xlink:from="${from}" xlink:to="${to}" weight="1" order="1"/>`;
    write(
      'partial/ext-cal.xml',
      `<link:linkbase ${NS_DECL}><link:calculationLink xlink:type="extended" xlink:role="http://www.xbrl.org/2003/role/link">
${loc('total', 'ext.xsd#ext_Total')}${loc('part', 'ext.xsd#ext_Part')}${loc('rev', `${usGaap}#us-gaap_Revenues`)}
${loc('whole', 'ext.xsd#ext_Whole')}${loc('half', 'ext.xsd#ext_Half')}
${arc('total', 'part')}${arc('total', 'rev')}${arc('whole', 'half')}
</link:calculationLink></link:linkbase>`,
    );
    const fact = (name: string, v: string) =>
      `<ext:${name} contextRef="d" unitRef="u" decimals="0">${v}</ext:${name}>`;
    const xml = write(
      'partial/instance.xml',
      `<xbrli:xbrl ${NS_DECL} xmlns:ext="http://example.com/ext" xmlns:iso4217="http://www.xbrl.org/2003/iso4217">
<link:schemaRef xlink:type="simple" xlink:href="ext.xsd"/>
<xbrli:context id="d"><xbrli:entity><xbrli:identifier scheme="http://example.com">1</xbrli:identifier></xbrli:entity><xbrli:period><xbrli:startDate>2024-01-01</xbrli:startDate><xbrli:endDate>2024-12-31</xbrli:endDate></xbrli:period></xbrli:context>
<xbrli:unit id="u"><xbrli:measure>iso4217:USD</xbrli:measure></xbrli:unit>
${fact('Total', '100')}${fact('Part', '60')}${fact('Whole', '10')}${fact('Half', '4')}
<us-gaap:Revenues xmlns:us-gaap="http://fasb.org/us-gaap/2024" contextRef="d" unitRef="u" decimals="0">40</us-gaap:Revenues>
</xbrli:xbrl>`,
    );
    const r = validate(xml, { packages: [NO_PACKAGE] });
    const byCode = (code: string) => r.diagnostics.filter((d) => d.code === code);
    // The schema that could not be loaded is reported once, where it is imported; its locators add nothing.
    expect(byCode('IOerror').map((d) => d.source?.line)).toEqual([4]);
    expect(byCode('xbrl.3.5.3.7.2:locatorHref')).toEqual([]);
    // Total = Part + Revenues cannot be judged without Revenues; Whole = Half can, and is inconsistent.
    // The us-gaap fact is not judged either (its concept may well be declared there): one note each.
    expect(byCode('taxonomy:partialDts').map((d) => [d.message.split(' ')[1], d.params?.skipped])).toEqual([
      ['concept(s)', '1'],
      ['calculation', '1'],
    ]);
    expect(r.diagnostics.filter((d) => /is not declared/.test(d.message))).toEqual([]);
    const calc = r.diagnostics.filter((d) => d.severity === 'inconsistency');
    expect(calc).toHaveLength(1);
    expect(calc[0].message).toMatch(/Whole/);
    expect(calc[0].message).not.toMatch(/Total/);
  });
});
