import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { validate } from '../../src/validate';

/** Instance rules found through the XBRL 2.1 conformance suite: each case is a schema + instance in a temp dir. */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iij-inst-'));
let n = 0;

fs.writeFileSync(
  path.join(dir, 't.xsd'),
  `<?xml version="1.0" encoding="UTF-8"?>
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
`,
);

const ctx = (id: string, entity = '1') =>
  `<xbrli:context id="${id}"><xbrli:entity><xbrli:identifier scheme="http://example.com">${entity}</xbrli:identifier></xbrli:entity><xbrli:period><xbrli:instant>2003-12-31</xbrli:instant></xbrli:period></xbrli:context>`;

function instance(body: string, head = '<link:schemaRef xlink:type="simple" xlink:href="t.xsd"/>', sub = ''): string {
  const folder = path.join(dir, sub);
  fs.mkdirSync(folder, { recursive: true });
  const file = path.join(folder, `i${++n}.xml`);
  fs.writeFileSync(
    file,
    `<?xml version="1.0" encoding="UTF-8"?>
<xbrli:xbrl xmlns:xbrli="http://www.xbrl.org/2003/instance" xmlns:link="http://www.xbrl.org/2003/linkbase" xmlns:xlink="http://www.w3.org/1999/xlink"
  xmlns:iso4217="http://www.xbrl.org/2003/iso4217" xmlns:t="http://example.com/t">
  ${head}
  ${ctx('c')}<xbrli:unit id="u"><xbrli:measure>iso4217:JPY</xbrli:measure></xbrli:unit><xbrli:unit id="p"><xbrli:measure>xbrli:pure</xbrli:measure></xbrli:unit>
  ${body}
</xbrli:xbrl>
`,
  );
  return file;
}

// A suite: schemas may sit above an instance's directory.
const run = (file: string) => validate(file, { packages: [], calc: 'c10', allowDirs: [dir] });
const codes = (file: string) =>
  run(file)
    .diagnostics.filter((d) => d.severity !== 'info')
    .map((d) => d.code);

describe('tuples', () => {
  test('a tuple with items inside is valid and its items are validated', () => {
    expect(
      codes(
        instance(
          '<t:Person><t:Name contextRef="c">Ann</t:Name><t:Amount contextRef="c" unitRef="u" decimals="0">5</t:Amount></t:Person>',
        ),
      ),
    ).toEqual([]);
    const bad = instance(
      '<t:Person><t:Name contextRef="c">Ann</t:Name><t:Amount contextRef="c" unitRef="u" decimals="0">five</t:Amount></t:Person>',
    );
    const d = run(bad).diagnostics.find((x) => x.code === 'xmlSchema:valueError');
    expect(d?.source?.line).toBe(6);
  });
  test('a tuple must not carry a contextRef; an item must not hold child elements', () => {
    expect(codes(instance('<t:Person contextRef="c"><t:Name contextRef="c">Ann</t:Name></t:Person>'))).toContain(
      'xbrl.4.9:tupleAttribute',
    );
    expect(codes(instance('<t:Name contextRef="c"><t:Name contextRef="c">Ann</t:Name></t:Name>'))).toContain(
      'xmlSchema:valueError',
    );
  });
  test('items in two tuples are not duplicates of each other', () => {
    const two =
      '<t:Person><t:Name contextRef="c">Ann</t:Name></t:Person><t:Person><t:Name contextRef="c">Bob</t:Name></t:Person>';
    const r = validate(instance(two), { packages: [] });
    expect(r.diagnostics.filter((d) => d.code === 'arelle:duplicateFacts')).toEqual([]);
  });
});

describe('lexical forms and robustness', () => {
  test('float forms such as .0E0 and +.5e-3 are valid; 1.2.3 is not', () => {
    expect(
      codes(
        instance(
          '<t:Ratio contextRef="c" unitRef="p" decimals="2">.0000E0</t:Ratio><t:Ratio id="r2" contextRef="c" unitRef="p" precision="3">+.5e-3</t:Ratio>',
        ),
      ),
    ).toEqual([]);
    expect(codes(instance('<t:Ratio contextRef="c" unitRef="p" decimals="2">1.2.3</t:Ratio>'))).toEqual([
      'xmlSchema:valueError',
    ]);
  });
  test('a numeric value like 12.3.4 gives a coded error with its line, never an exception (precision, duplicates, calculations)', () => {
    const facts =
      '<t:Amount contextRef="c" unitRef="u" precision="3">12.3.4</t:Amount>\n<t:Amount contextRef="c" unitRef="u" precision="3">12.3.4</t:Amount>';
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
    expect(
      codes(instance('', '<link:schemaRef xlink:type="simple" xlink:href="t.xsd" xml:base="../"/>', 'sub')),
    ).toEqual([]);
    expect(
      codes(instance('', '<link:schemaRef xlink:type="simple" xlink:href="t.xsd" xml:base="nowhere/"/>')),
    ).toContain('xbrl.4.2.2:schemaRefHref');
  });
  test('a duplicate roleRef in the instance is an error', () => {
    const ref = '<link:roleRef roleURI="http://e.com/r" xlink:type="simple" xlink:href="t.xsd#r"/>';
    expect(codes(instance('', `<link:schemaRef xlink:type="simple" xlink:href="t.xsd"/>${ref}${ref}`))).toContain(
      'xbrl.3.5.2.4.5:roleRefDuplicate',
    );
  });
});

/** A second schema with a calculation and definition linkbase: Total = A + B; EssenceE ~ AliasE; Req requires A. */
fs.writeFileSync(
  path.join(dir, 'c.xsd'),
  `<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xbrli="http://www.xbrl.org/2003/instance" xmlns:c="http://example.com/c"
  targetNamespace="http://example.com/c" elementFormDefault="qualified">
  <xs:import namespace="http://www.xbrl.org/2003/instance" schemaLocation="http://www.xbrl.org/2003/xbrl-instance-2003-12-31.xsd"/>
  ${['Total', 'A', 'B', 'EssenceE', 'AliasE', 'Req'].map((n) => `<xs:element name="${n}" id="${n}" type="xbrli:monetaryItemType" substitutionGroup="xbrli:item" xbrli:periodType="instant"/>`).join('\n  ')}
  <xs:element name="D" id="D" type="c:defaultDecimals" substitutionGroup="xbrli:item" xbrli:periodType="instant" default="7"/>
  <xs:complexType name="defaultDecimals"><xs:simpleContent><xs:restriction base="xbrli:monetaryItemType"><xs:attribute name="decimals" type="xbrli:decimalsType" default="0"/></xs:restriction></xs:simpleContent></xs:complexType>
  <xs:element name="Group" id="Group" substitutionGroup="xbrli:tuple"><xs:complexType><xs:sequence><xs:element ref="c:A" minOccurs="0"/><xs:element ref="c:B" minOccurs="0"/></xs:sequence></xs:complexType></xs:element>
  <xs:element name="Region" type="xs:string"/>
  <xs:element name="Count" type="xs:integer"/>
  <xs:attribute name="size" type="xs:integer"/>
</xs:schema>
`,
);
const LB = (arcs: string) => `<?xml version="1.0" encoding="UTF-8"?>
<link:linkbase xmlns:link="http://www.xbrl.org/2003/linkbase" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:c="http://example.com/c">
  ${arcs}
</link:linkbase>`;
const locs = ['Total', 'A', 'B', 'EssenceE', 'AliasE', 'Req', 'D']
  .map((n) => `<link:loc xlink:type="locator" xlink:href="c.xsd#${n}" xlink:label="${n}"/>`)
  .join('');
const calcArc = (from: string, to: string, extra = '') =>
  `<link:calculationArc xlink:type="arc" xlink:arcrole="http://www.xbrl.org/2003/arcrole/summation-item" xlink:from="${from}" xlink:to="${to}" weight="1" ${extra}/>`;

function cInstance(body: string, linkbase: string, contexts = ''): string {
  const k = ++n;
  fs.writeFileSync(path.join(dir, `lb${k}.xml`), LB(linkbase));
  return instance(
    `${contexts}${body}`,
    `<link:schemaRef xlink:type="simple" xlink:href="c.xsd"/><link:linkbaseRef xlink:type="simple" xlink:arcrole="http://www.w3.org/1999/xlink/properties/linkbase" xlink:href="lb${k}.xml"/>`,
  ).replace(/(xmlns:t="http:\/\/example.com\/t")/, '$1');
}
const cfact = (name: string, v: string, ctxId = 'c') =>
  `<c:${name} xmlns:c="http://example.com/c" contextRef="${ctxId}" unitRef="u" decimals="0">${v}</c:${name}>`;
const calc = (extra = '') =>
  `<link:calculationLink xlink:type="extended" xlink:role="http://www.xbrl.org/2003/role/link">${locs}${calcArc('Total', 'A')}${calcArc('Total', 'B')}${extra}</link:calculationLink>`;

describe('calculations with tuples, equivalent arcs and linkbaseRefs in the instance (Calculations 1.0)', () => {
  test('an instance linkbaseRef adds its calculation linkbase to the DTS', () => {
    expect(codes(cInstance(cfact('Total', '3') + cfact('A', '1') + cfact('B', '2'), calc()))).toEqual([]);
    expect(codes(cInstance(cfact('Total', '4') + cfact('A', '1') + cfact('B', '2'), calc()))).toEqual([
      'xbrl.5.2.5.2:calcInconsistency',
    ]);
  });
  test('a total binds contributors inside tuples below its parent', () => {
    const inTuple = `<c:Group xmlns:c="http://example.com/c">${cfact('A', '1')}${cfact('B', '2')}</c:Group>`;
    expect(codes(cInstance(cfact('Total', '3') + inTuple, calc()))).toEqual([]);
    expect(codes(cInstance(cfact('Total', '5') + inTuple, calc()))).toEqual(['xbrl.5.2.5.2:calcInconsistency']);
  });
  test('precision="0" agrees with no sum (Calculations 1.0)', () => {
    const p0 = (name: string, v: string) =>
      `<c:${name} xmlns:c="http://example.com/c" contextRef="c" unitRef="u" precision="0">${v}</c:${name}>`;
    expect(codes(cInstance(p0('Total', '3') + cfact('A', '1') + cfact('B', '2'), calc()))).toEqual([
      'xbrl.5.2.5.2:calcInconsistency',
    ]);
  });
  test('an equivalent arc counts once; a prohibiting arc with equal attributes (by value) removes it', () => {
    expect(
      codes(
        cInstance(cfact('Total', '3') + cfact('A', '1') + cfact('B', '2'), calc(calcArc('Total', 'B', 'order="1.0"'))),
      ),
    ).toEqual(['xlink:dupArcs']);
    const prohibit = `<link:calculationLink xlink:type="extended" xlink:role="http://www.xbrl.org/2003/role/link">${locs}${calcArc('Total', 'B', 'order="1.0" use="prohibited" priority="1"')}</link:calculationLink>`;
    expect(codes(cInstance(cfact('Total', '1') + cfact('A', '1') + cfact('B', '2'), calc() + prohibit))).toEqual([]);
  });
});

describe('essence-alias, requires-element, s-equality and schema defaults', () => {
  const def = (arcrole: string, from: string, to: string) =>
    `<link:definitionLink xlink:type="extended" xlink:role="http://www.xbrl.org/2003/role/link">${locs}<link:definitionArc xlink:type="arc" xlink:arcrole="http://www.xbrl.org/2003/arcrole/${arcrole}" xlink:from="${from}" xlink:to="${to}"/></link:definitionLink>`;
  test('essence and alias facts in one context must agree', () => {
    expect(
      codes(cInstance(cfact('EssenceE', '5') + cfact('AliasE', '5'), def('essence-alias', 'EssenceE', 'AliasE'))),
    ).toEqual([]);
    expect(
      codes(cInstance(cfact('EssenceE', '5') + cfact('AliasE', '6'), def('essence-alias', 'EssenceE', 'AliasE'))),
    ).toEqual(['xbrl.5.2.6.2.2:essenceAliasUnitsInconsistency']);
  });
  test('a concept that requires another needs a fact of it', () => {
    expect(codes(cInstance(cfact('Req', '5'), def('requires-element', 'Req', 'A')))).toEqual([
      'xbrl.5.2.6.2.4:requiresElementInconsistency',
    ]);
  });
  const scen = (id: string, content: string) =>
    `<xbrli:context id="${id}"><xbrli:entity><xbrli:identifier scheme="http://example.com">1</xbrli:identifier></xbrli:entity><xbrli:period><xbrli:instant>2003-12-31</xbrli:instant></xbrli:period><xbrli:scenario>${content}</xbrli:scenario></xbrli:context>`;
  test('scenario content is compared by value: 1.0 = +1, attributes in any order; a different attribute breaks the binding', () => {
    const facts = cfact('Total', '3', 's1') + cfact('A', '1', 's1') + cfact('B', '2', 's2');
    const region = (v: string, attrs: string) => `<c:Region xmlns:c="http://example.com/c" ${attrs}>${v}</c:Region>`;
    expect(
      codes(
        cInstance(facts, calc(), scen('s1', region('1.0', 'a="x" b="2"')) + scen('s2', region('+1', 'b="2.0" a="x"'))),
      ),
    ).toEqual([]);
    expect(
      codes(cInstance(facts, calc(), scen('s1', region('1', 'a="x"')) + scen('s2', region('1', 'a="y"')))),
    ).toEqual(['xbrl.5.2.5.2:calcInconsistency']);
  });
  test('scenario content declared with a simple type must be of that type (lax validation)', () => {
    const count = (v: string) =>
      cInstance(cfact('A', '1', 's1'), calc(), scen('s1', `<c:Count xmlns:c="http://example.com/c">${v}</c:Count>`));
    expect(codes(count('12'))).toEqual([]);
    expect(codes(count('twelve'))).toEqual(['xmlSchema:valueError']);
  });
  test('a fact attribute declared globally with a simple type must match it (lax validation)', () => {
    const attr = (v: string) =>
      cInstance(
        `<c:A xmlns:c="http://example.com/c" contextRef="c" unitRef="u" decimals="0" c:size="${v}">1</c:A>`,
        calc(),
      );
    expect(codes(attr('3'))).toEqual([]);
    expect(codes(attr('big'))).toEqual(['xmlSchema:valueError']);
  });
  test('a scenario must not hold an item', () => {
    expect(
      codes(cInstance(cfact('A', '1', 's1'), calc(), scen('s1', '<c:A xmlns:c="http://example.com/c">1</c:A>'))),
    ).toContain('xbrl.4.7.4:scenarioItemOrTuple');
  });
  test('schema defaults fill in empty content and absent decimals', () => {
    const file = cInstance('<c:D xmlns:c="http://example.com/c" contextRef="c" unitRef="u"></c:D>', calc());
    const r = run(file);
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.report?.facts.find((f) => f.concept === '{http://example.com/c}D')).toMatchObject({
      value: '7',
      decimals: 0,
    });
  });
});

describe('footnote links', () => {
  const note = (links: string) => instance(`<t:Name id="f1" contextRef="c">a</t:Name>${links}`);
  const link = (body: string) =>
    `<link:footnoteLink xlink:type="extended" xlink:role="http://www.xbrl.org/2003/role/link">${body}</link:footnoteLink>`;
  const loc = '<link:loc xlink:type="locator" xlink:href="#f1" xlink:label="fact"/>';
  const fn = (label: string) =>
    `<link:footnote xlink:type="resource" xlink:label="${label}" xml:lang="en">note</link:footnote>`;
  const arc = (from: string, to: string) =>
    `<link:footnoteArc xlink:type="arc" xlink:arcrole="http://www.xbrl.org/2003/arcrole/fact-footnote" xlink:from="${from}" xlink:to="${to}"/>`;
  test('labels resolve within their own link only', () => {
    expect(codes(note(link(loc + fn('n') + arc('fact', 'n'))))).toEqual([]);
    expect(codes(note(link(loc + arc('fact', 'n')) + link(fn('n'))))).toEqual(
      expect.arrayContaining(['xbrl.3.5.3.9.3:arcResource']),
    );
  });
  test('a fact-footnote arc goes from a fact locator to a footnote; locators stay in this instance', () => {
    expect(codes(note(link(loc + fn('n') + arc('n', 'fact'))))).toEqual(
      expect.arrayContaining(['xbrl.4.11.1.3.1:factFootnoteArcFrom']),
    );
    expect(
      codes(
        note(
          link(
            '<link:loc xlink:type="locator" xlink:href="other.xml#f1" xlink:label="fact"/>' +
              fn('n') +
              arc('fact', 'n'),
          ),
        ),
      ),
    ).toContain('xbrl.4.11.1.1:instanceLoc');
    expect(codes(note(link(loc + fn('n') + arc('fact', 'n') + arc('fact', 'n'))))).toContain('xlink:dupArcs');
  });
});

describe('no content makes validate throw', () => {
  const numeric = [
    '12.3.4',
    '1e',
    '',
    ' ',
    'INF',
    '-INF',
    'NaN',
    '--1',
    '+',
    '.',
    '1,000',
    '１２',
    '0x10',
    '1'.repeat(400),
    '-0.000000000000000000000000000001',
  ];
  const attrs = [
    'decimals="abc"',
    'decimals="1.5"',
    'precision="-1"',
    'precision="x"',
    'decimals="INF"',
    'precision="0"',
    'decimals="2" precision="2"',
    '',
  ];
  test.each(numeric)('value %j with every decimals/precision form', (v) => {
    for (const a of attrs) {
      const file = instance(
        `<t:Amount contextRef="c" unitRef="u" ${a}>${v}</t:Amount><t:Amount contextRef="c" unitRef="u" ${a}>${v}</t:Amount><t:Ratio contextRef="c" unitRef="p" ${a}>${v}</t:Ratio>`,
      );
      for (const calc of ['c11r', 'c10'] as const) {
        const r = validate(file, { packages: [], calc });
        for (const d of r.diagnostics) expect(d.code).toMatch(/^[\w.-]+:[\w-]+$/);
      }
    }
  });
});
