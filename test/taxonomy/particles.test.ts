import { uniqueParticles } from '../../src/taxonomy/particles';
import { parseXmlText } from '../../src/xml/read-xml';

/**
 * XML Schema's Unique Particle Attribution (Part 1 §3.8.6), as Arelle checks it
 * (xmlSchema:uniqueParticleAttribution): the conformance suite's six content models, then choices,
 * all groups, nested groups, local declarations and wildcards by namespace.
 */
const schema = (content: string, root = 'elementFormDefault="qualified"') =>
  `<schema xmlns="http://www.w3.org/2001/XMLSchema" xmlns:t="http://example.com/t" xmlns:o="http://example.com/o" targetNamespace="http://example.com/t" ${root}>
  <complexType name="c">${content}</complexType>
</schema>`;
const found = (content: string, root?: string) => {
  const { root: r } = parseXmlText(schema(content, root), 's.xsd');
  return uniqueParticles(r!, 's.xsd', 'http://example.com/t').map((d) => [d.code, d.source?.line, d.source?.column]);
};
const el = (ref: string, min?: number, extra = '') =>
  `<element ref="${ref}"${min === undefined ? '' : ` minOccurs="${min}"`}${extra}/>`;
const seq = (...ps: string[]) => `<sequence>${ps.join('')}</sequence>`;
const UPA = 'xmlSchema:uniqueParticleAttribution';

test("the conformance suite's sequences: only nothing required between two T1s is ambiguous", () => {
  const at = (...ps: string[]) => found(seq(...ps)).length;
  expect([
    at(el('t:T1', 0), el('t:T2'), el('t:T1', 0)), // V-01/02: T2 required between
    at(el('t:T1', 0), el('t:T2', 0), el('t:T1')), // V-03
    at(el('t:T1'), el('t:T2'), el('t:T1', 0)), // V-04
    at(el('t:T1'), el('t:T2'), el('t:T1')), // V-05
    at(el('t:T1', 0), el('t:T2', 0), el('t:T1', 0)), // V-06
    at(el('t:T1'), el('t:T2', 0), el('t:T1')), // the first T1 itself required
    at(el('t:T1', 0), el('t:T1')),
  ]).toEqual([0, 1, 0, 0, 1, 0, 1]);
  // at the second T1: line 2, the column of its '<'
  const content = seq(el('t:T1', 0), el('t:T2', 0), el('t:T1'));
  const line2 = schema(content).split('\n')[1];
  expect(found(content)).toEqual([[UPA, 2, line2.lastIndexOf('<element') + 1]]);
});

test('a choice or an all with a name twice; nested groups on their own; local declarations by form', () => {
  expect(found(`<choice>${el('t:A')}${el('t:B')}${el('t:A')}</choice>`)).toHaveLength(1);
  expect(found(`<all>${el('t:A')}${el('t:A')}</all>`)).toHaveLength(1);
  expect(found(`<choice>${el('t:A')}${el('t:B')}</choice>`)).toEqual([]);
  // the nested sequence is required: it separates the two As of the outer sequence
  expect(found(seq(el('t:A', 0), seq(el('t:B')), el('t:A')))).toEqual([]);
  expect(found(seq(el('t:A', 0), `<sequence minOccurs="0">${el('t:B')}</sequence>`, el('t:A')))).toHaveLength(1);
  expect(found(seq(el('t:A', 0), `<choice>${el('t:B', 0)}${el('t:B')}</choice>`))).toHaveLength(1);
  // a local declaration is {tns}name when qualified, {}name when not: t:A and an unqualified A differ
  expect(found(seq(el('t:A', 0), '<element name="A" type="string"/>'))).toHaveLength(1);
  expect(found(seq(el('t:A', 0), '<element name="A" form="unqualified" type="string"/>'))).toEqual([]);
  expect(found(seq(el('t:A', 0), '<element name="A" type="string"/>'), '')).toEqual([]);
});

test('wildcards compete only for the namespaces they take', () => {
  expect(found(seq('<any minOccurs="0"/>', el('t:A')))).toHaveLength(1);
  expect(found(seq('<any namespace="##other" minOccurs="0"/>', el('t:A')))).toEqual([]);
  expect(found(seq('<any namespace="##other" minOccurs="0"/>', el('o:A')))).toHaveLength(1);
  expect(found(seq('<any namespace="##targetNamespace" minOccurs="0"/>', el('t:A')))).toHaveLength(1);
  expect(found(seq('<any namespace="http://example.com/o" minOccurs="0"/>', el('t:A')))).toEqual([]);
  expect(found(seq('<any minOccurs="0"/>', '<any namespace="##other"/>'))).toHaveLength(1);
  expect(found(seq(el('t:A', 0), '<any/>'))).toHaveLength(1);
  expect(found(seq(el('t:A', 0), '<any namespace="##other"/>'))).toEqual([]);
  expect(found(seq(el('t:A'), '<any/>'))).toEqual([]);
});
