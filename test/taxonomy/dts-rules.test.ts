import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadDts } from '../../src/taxonomy/load-dts';
import { findCycle } from '../../src/taxonomy/rules/relationships';

/** XBRL 2.1 DTS rules that run when a DTS is loaded: each case is a tiny schema (+ linkbase) written to a temp dir. */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iij-dts-'));
let n = 0;

const HEAD = `<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xbrli="http://www.xbrl.org/2003/instance" xmlns:link="http://www.xbrl.org/2003/linkbase"
  xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:t="http://example.com/t" targetNamespace="http://example.com/t" elementFormDefault="qualified">
  <xs:import namespace="http://www.xbrl.org/2003/instance" schemaLocation="http://www.xbrl.org/2003/xbrl-instance-2003-12-31.xsd"/>`;

function schema(body: string, linkbase?: string): string {
  const k = ++n;
  const lb = linkbase ? `<xs:annotation><xs:appinfo><link:linkbaseRef xlink:type="simple" xlink:href="lb${k}.xml" xlink:arcrole="http://www.w3.org/1999/xlink/properties/linkbase"/></xs:appinfo></xs:annotation>` : '';
  if (linkbase) {
    fs.writeFileSync(path.join(dir, `lb${k}.xml`), `<?xml version="1.0" encoding="UTF-8"?>
<link:linkbase xmlns:link="http://www.xbrl.org/2003/linkbase" xmlns:xlink="http://www.w3.org/1999/xlink">${linkbase.replace(/SCHEMA/g, `s${k}.xsd`)}</link:linkbase>`);
  }
  const file = path.join(dir, `s${k}.xsd`);
  fs.writeFileSync(file, `${HEAD}${lb}${body}</xs:schema>`);
  return file;
}

const codes = (file: string) => loadDts([file], { baseFile: file, packages: [] }).diagnostics.map((d) => d.code);
const item = (name: string, attrs = 'xbrli:periodType="duration"', type = 'xbrli:monetaryItemType') =>
  `<xs:element name="${name}" id="${name}" type="${type}" substitutionGroup="xbrli:item" ${attrs}/>`;
const ITEMS = item('A') + item('B') + item('C');
const loc = (l: string) => `<link:loc xlink:type="locator" xlink:href="SCHEMA#${l}" xlink:label="${l}"/>`;
const arc = (el: string, arcrole: string, from: string, to: string, extra = '') =>
  `<link:${el} xlink:type="arc" xlink:arcrole="${arcrole}" xlink:from="${from}" xlink:to="${to}" ${extra}/>`;
const AR = 'http://www.xbrl.org/2003/arcrole/';
const link = (el: string, body: string, role = 'http://www.xbrl.org/2003/role/link') =>
  `<link:${el} xlink:type="extended" xlink:role="${role}">${loc('A')}${loc('B')}${loc('C')}${body}</link:${el}>`;

describe('concept declarations', () => {
  test('an item needs a periodType', () => expect(codes(schema(item('A', '')))).toContain('xbrl.5.1.1.1:itemPeriodType'));
  test('balance only on monetary items', () => {
    expect(codes(schema(item('A', 'xbrli:periodType="instant" xbrli:balance="debit"', 'xbrli:stringItemType')))).toContain('xbrl.5.1.1.2:itemBalance');
    expect(codes(schema(item('A', 'xbrli:periodType="instant" xbrli:balance="debit"')))).toEqual([]);
  });
  const tuple = (content: string, attrs = '') => `${ITEMS}<xs:element name="T" id="T" substitutionGroup="xbrli:tuple" ${attrs}><xs:complexType${content}</xs:complexType></xs:element>`;
  test('a well-formed tuple is accepted', () => expect(codes(schema(tuple('><xs:sequence><xs:element ref="t:A"/><xs:element ref="t:B" minOccurs="0"/></xs:sequence>')))).toEqual([]));
  test('tuples: no periodType, no XBRL attributes, no mixed content, no local or non-item children', () => {
    expect(codes(schema(tuple('><xs:sequence><xs:element ref="t:A"/></xs:sequence>', 'xbrli:periodType="instant"')))).toContain('xbrl.4.9:tuplePeriodType');
    expect(codes(schema(tuple('><xs:sequence><xs:element ref="t:A"/></xs:sequence><xs:attribute ref="xbrli:periodType"/>')))).toContain('xbrl.4.9:tupleAttribute');
    expect(codes(schema(tuple(' mixed="true"><xs:sequence><xs:element ref="t:A"/></xs:sequence>')))).toContain('xbrl.4.9:tupleMixedContent');
    expect(codes(schema(tuple('><xs:sequence><xs:element name="local" type="xs:string"/></xs:sequence>')))).toContain('xbrl.4.9:tupleElementItemOrTuple');
    expect(codes(schema(`<xs:element name="Plain" type="xs:string"/>${tuple('><xs:sequence><xs:element ref="t:Plain"/></xs:sequence>')}`))).toContain('xbrl.4.9:tupleElementItemOrTuple');
  });
  test('xs:redefine and an empty targetNamespace are refused', () => {
    const base = schema(ITEMS);
    expect(codes(schema(`<xs:redefine schemaLocation="${path.basename(base)}"/>`))).toContain('xbrl.5.6.1:Redefine');
    const f = path.join(dir, 'empty-tns.xsd');
    fs.writeFileSync(f, HEAD.replace('targetNamespace="http://example.com/t"', 'targetNamespace=""') + '</xs:schema>');
    expect(codes(f)).toContain('xbrl.5.1:emptyTargetNamespace');
  });
});

describe('roleType and arcroleType declarations', () => {
  const appinfo = (x: string) => `<xs:annotation><xs:appinfo>${x}</xs:appinfo></xs:annotation>${ITEMS}`;
  test('cyclesAllowed must be any, undirected or none', () => {
    expect(codes(schema(appinfo('<link:arcroleType arcroleURI="http://e.com/ar" id="ar" cyclesAllowed="all"><link:usedOn>link:definitionArc</link:usedOn></link:arcroleType>')))).toContain('xbrl.5.1.4:arcroleTypeCyclesAllowed');
  });
  test('URIs must be non-empty URIs; ids NCNames; no duplicate declarations in one schema', () => {
    expect(codes(schema(appinfo('<link:roleType roleURI="" id="r"><link:usedOn>link:presentationLink</link:usedOn></link:roleType>')))).toContain('xbrl.5.1.3:roleTypeMissing');
    expect(codes(schema(appinfo('<link:arcroleType arcroleURI="#a#b" id="r" cyclesAllowed="any"/>')))).toContain('xbrl.5.1.4:arcroleTypeMissing');
    expect(codes(schema(appinfo('<link:roleType roleURI="http://e.com/r" id="not(nc)"/>')))).toContain('xmlSchema:valueError');
    expect(codes(schema(appinfo('<link:roleType roleURI="http://e.com/r" id="r1"/><link:roleType roleURI="http://e.com/r" id="r2"/>')))).toContain('xbrl.5.1.3:roleTypeDuplicate');
  });
});

describe('relationships', () => {
  test('summation-item cycles are allowed; parent-child directed cycles are not', () => {
    const calc = link('calculationLink', arc('calculationArc', `${AR}summation-item`, 'A', 'B', 'weight="1"') + arc('calculationArc', `${AR}summation-item`, 'B', 'A', 'weight="1"'));
    expect(codes(schema(ITEMS, calc))).toEqual([]);
    const pres = link('presentationLink', arc('presentationArc', `${AR}parent-child`, 'A', 'B') + arc('presentationArc', `${AR}parent-child`, 'B', 'A'));
    expect(codes(schema(ITEMS, pres))).toContain('xbrl.5.2.4.2:directedCycles');
  });
  test('a custom arcrole with cyclesAllowed="none" refuses undirected cycles', () => {
    const decl = `<xs:annotation><xs:appinfo><link:arcroleType arcroleURI="http://e.com/ar" id="ar" cyclesAllowed="none"><link:usedOn>link:definitionArc</link:usedOn></link:arcroleType></xs:appinfo></xs:annotation>`;
    const ref = `<link:arcroleRef arcroleURI="http://e.com/ar" xlink:type="simple" xlink:href="SCHEMA#ar"/>`;
    const body = (arcs: string) => `${ref}${link('definitionLink', arcs)}`;
    const diamond = arc('definitionArc', 'http://e.com/ar', 'A', 'B') + arc('definitionArc', 'http://e.com/ar', 'A', 'C') + arc('definitionArc', 'http://e.com/ar', 'B', 'C');
    expect(codes(schema(decl + ITEMS, body(diamond)))).toContain('xbrl.5.1.4.3:cycles');
    expect(codes(schema(decl + ITEMS, body(arc('definitionArc', 'http://e.com/ar', 'A', 'B'))))).toEqual([]);
  });
  test('findCycle: directed and undirected', () => {
    expect(findCycle([['a', 'b'], ['b', 'c'], ['c', 'a']], false)).toEqual(['a', 'b', 'c', 'a']);
    expect(findCycle([['a', 'b'], ['a', 'c'], ['b', 'c']], false)).toBeUndefined();
    expect(findCycle([['a', 'b'], ['a', 'c'], ['b', 'c']], true)).toBeDefined();
  });
  test('duplicate roleRef / arcroleRef in one linkbase', () => {
    const decl = `<xs:annotation><xs:appinfo><link:roleType roleURI="http://e.com/r" id="r"><link:usedOn>link:presentationLink</link:usedOn></link:roleType></xs:appinfo></xs:annotation>`;
    const ref = `<link:roleRef roleURI="http://e.com/r" xlink:type="simple" xlink:href="SCHEMA#r"/>`;
    expect(codes(schema(decl + ITEMS, ref + ref))).toContain('xbrl.3.5.2.4.5:roleRefDuplicate');
    expect(codes(schema(decl + ITEMS, ref + link('presentationLink', '', 'http://e.com/r')))).toEqual([]);
    expect(codes(schema(decl + ITEMS, link('presentationLink', '', 'http://e.com/r')))).toContain('xbrl.3.5.2.4:missingRoleRef');
  });
  test('essence-alias concepts must share type and period type', () => {
    const items = item('A') + item('B', 'xbrli:periodType="instant"') + item('C');
    const def = link('definitionLink', arc('definitionArc', `${AR}essence-alias`, 'A', 'B'));
    expect(codes(schema(items, def))).toContain('xbrl.5.2.6.2.2:essenceAliasTypes');
  });
  test('a typed linkbaseRef must point at that kind of link', () => {
    const f = schema(ITEMS, link('presentationLink', ''));
    const text = fs.readFileSync(f, 'utf8').replace('<link:linkbaseRef ', '<link:linkbaseRef xlink:role="http://www.xbrl.org/2003/role/labelLinkbaseRef" ');
    fs.writeFileSync(f, text);
    expect(codes(f)).toContain('xbrl.4.3.4:linkbaseRefLinks');
  });
  test('locators: element-scheme pointers and percent-encoded ids resolve; xml:base is applied', () => {
    const pointer = `<link:presentationLink xlink:type="extended" xlink:role="http://www.xbrl.org/2003/role/link">
      <link:loc xlink:type="locator" xlink:href="SCHEMA#element(/1/3)" xlink:label="x"/><link:loc xlink:type="locator" xlink:href="SCHEMA#%42" xlink:label="y"/>
      ${arc('presentationArc', `${AR}parent-child`, 'x', 'y')}</link:presentationLink>`;
    const r = loadDts([schema(ITEMS, pointer)], { packages: [] });
    expect(r.diagnostics.map((d) => d.code)).toEqual([]);
    expect(r.dts.relationships.map((x) => [x.from, x.to])).toEqual([['{http://example.com/t}A', '{http://example.com/t}B']]);
    fs.mkdirSync(path.join(dir, 'sub'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'sub', 'lbx.xml'), `<link:linkbase xmlns:link="http://www.xbrl.org/2003/linkbase" xmlns:xlink="http://www.w3.org/1999/xlink"/>`);
    const based = schema(`<xs:annotation><xs:appinfo><link:linkbaseRef xml:base="sub/" xlink:type="simple" xlink:href="lbx.xml" xlink:arcrole="http://www.w3.org/1999/xlink/properties/linkbase"/></xs:appinfo></xs:annotation>${ITEMS}`);
    expect(codes(based)).toEqual([]);
  });
  test('preferredLabel must name a label role of the target concept', () => {
    const labels = `<link:labelLink xlink:type="extended" xlink:role="http://www.xbrl.org/2003/role/link">${loc('B')}
      <link:label xlink:type="resource" xlink:label="lb" xlink:role="http://www.xbrl.org/2003/role/terseLabel" xml:lang="en">b</link:label>
      ${arc('labelArc', `${AR}concept-label`, 'B', 'lb')}</link:labelLink>`;
    const pres = (role: string) => link('presentationLink', arc('presentationArc', `${AR}parent-child`, 'A', 'B', `preferredLabel="http://www.xbrl.org/2003/role/${role}"`));
    expect(codes(schema(ITEMS, labels + pres('terseLabel')))).toEqual([]);
    expect(codes(schema(ITEMS, labels + pres('verboseLabel')))).toContain('xbrl.5.2.4.2.1:preferredLabelMissing');
  });
  test('standard arcroles only on their own arcs; label arcs to remote resources only prohibit', () => {
    expect(codes(schema(ITEMS, link('definitionLink', arc('definitionArc', `${AR}parent-child`, 'A', 'B'))))).toContain('xbrl.5.1.4.5:custArcroleUsedOn');
    const k = n + 1;
    const remote = (use: string) => `<link:labelLink xlink:type="extended" xlink:role="http://www.xbrl.org/2003/role/link">${loc('A')}
      <link:label xlink:type="resource" xlink:label="lb" id="lbA" xml:lang="en">a</link:label>${arc('labelArc', `${AR}concept-label`, 'A', 'lb')}</link:labelLink>
      <link:labelLink xlink:type="extended" xlink:role="http://www.xbrl.org/2003/role/link">${loc('A')}
      <link:loc xlink:type="locator" xlink:href="lb${k}.xml#lbA" xlink:label="far"/>${arc('labelArc', `${AR}concept-label`, 'A', 'far', `use="${use}" priority="1"`)}</link:labelLink>`;
    expect(codes(schema(ITEMS, remote('prohibited')))).toEqual([]);
    expect(codes(schema(ITEMS, remote('optional')))).toContain('xbrl.5.2.2.3:labelArcRemoteResource');
  });
  test('label resources: xml:lang must be a language code, xml:space default or preserve', () => {
    const lab = (attrs: string) => `<link:labelLink xlink:type="extended" xlink:role="http://www.xbrl.org/2003/role/link">${loc('A')}
      <link:label xlink:type="resource" xlink:label="lb" ${attrs}>a</link:label>${arc('labelArc', `${AR}concept-label`, 'A', 'lb')}</link:labelLink>`;
    expect(codes(schema(ITEMS, lab('xml:lang="en-US" xml:space="preserve"')))).toEqual([]);
    expect(codes(schema(ITEMS, lab('xml:lang="x-startrek-klingonian"')))).toEqual(['xmlSchema:valueError']);
    expect(codes(schema(ITEMS, lab('xml:lang="en" xml:space="sometimes"')))).toEqual(['xmlSchema:valueError']);
  });
  test('only link:loc fires discovery: a custom locator to a broken schema leaves it out of the DTS', () => {
    const broken = path.join(dir, 'broken.xsd');
    fs.writeFileSync(broken, `${HEAD}${item('Bad', '')}</xs:schema>`);
    const custom = (el: string) => `<c:customLink xmlns:c="http://e.com/c" xlink:type="extended" xlink:role="http://www.xbrl.org/2003/role/link"><${el} xlink:type="locator" xlink:href="broken.xsd" xlink:label="x"/></c:customLink>`;
    expect(codes(schema(ITEMS, custom('c:loc xmlns:c="http://e.com/c"')))).toEqual([]);
    expect(codes(schema(ITEMS, custom('link:loc')))).toContain('xbrl.5.1.1.1:itemPeriodType');
  });
  test('lax validation: appinfo content and foreign attributes declared with a simple type must match it', () => {
    const defs = path.join(dir, 'defs.xsd');
    fs.writeFileSync(defs, `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="http://e.com/lax"><xs:element name="count" type="xs:integer"/><xs:attribute name="size" type="xs:integer"/></xs:schema>`);
    const body = (appinfo: string, attr: string) => `<xs:import namespace="http://e.com/lax" schemaLocation="defs.xsd"/><xs:annotation><xs:appinfo>${appinfo}</xs:appinfo></xs:annotation>
      <xs:element name="A" id="A" type="xbrli:monetaryItemType" substitutionGroup="xbrli:item" xbrli:periodType="instant" xmlns:lax="http://e.com/lax" ${attr}/>`;
    expect(codes(schema(body('<lax:count xmlns:lax="http://e.com/lax">12</lax:count>', 'lax:size="3"')))).toEqual([]);
    expect(codes(schema(body('<lax:count xmlns:lax="http://e.com/lax">twelve</lax:count>', '')))).toEqual(['xmlSchema:valueError']);
    expect(codes(schema(body('', 'lax:size="big"')))).toEqual(['xmlSchema:valueError']);
  });
});
