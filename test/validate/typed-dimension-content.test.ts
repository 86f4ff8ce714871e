import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { validate } from '../../src/validate';
import { simpleValueIssue, xsdPattern } from '../../src/taxonomy/simple-type';

/**
 * XBRL Dimensions 1.0 §3.1.4.4.3: a typed member's content must be an instance of the typedDomainRef's
 * element — that element, and valid for its declared type (xbrldie:IllegalTypedDimensionContentError).
 */
const fixture = path.join(__dirname, '..', 'fixtures', 'validate', 'typed-dimensions', 'typed.xsd');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'xdt-typed-'));
fs.copyFileSync(fixture, path.join(tmp, 'typed.xsd'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

let n = 0;
/** The diagnostics of an instance whose one context holds `member` (a typedMember's content) for `dim` in its segment. */
function check(dim: string, member: string) {
  const file = path.join(tmp, `i${n++}.xml`);
  fs.writeFileSync(
    file,
    `<?xml version="1.0"?>
<xbrli:xbrl xmlns:xbrli="http://www.xbrl.org/2003/instance" xmlns:link="http://www.xbrl.org/2003/linkbase" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:xbrldi="http://xbrl.org/2006/xbrldi" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:t="http://example.com/typed">
  <link:schemaRef xlink:type="simple" xlink:href="typed.xsd"/>
  <xbrli:unit id="u"><xbrli:measure>xbrli:pure</xbrli:measure></xbrli:unit>
  <xbrli:context id="c"><xbrli:entity><xbrli:identifier scheme="http://example.com">E</xbrli:identifier><xbrli:segment><xbrldi:typedMember dimension="t:${dim}">${member}</xbrldi:typedMember></xbrli:segment></xbrli:entity><xbrli:period><xbrli:instant>2024-03-31</xbrli:instant></xbrli:period></xbrli:context>
  <t:Sales contextRef="c" unitRef="u" decimals="0">1</t:Sales>
</xbrli:xbrl>
`,
  );
  return validate(file).diagnostics.filter((d) => d.severity === 'error');
}
const codes = (dim: string, member: string) => check(dim, member).map((d) => d.code);
const ILLEGAL = 'xbrldie:IllegalTypedDimensionContentError';

describe('typed dimension content against its schema type', () => {
  test('xs:integer: an integer is valid, "abc" is not (with what was expected and found, at the member)', () => {
    expect(codes('DimYear', '<t:Year>2024</t:Year>')).toEqual([]);
    expect(codes('DimYear', '<t:Year> -7 </t:Year>')).toEqual([]);
    const bad = check('DimYear', '<t:Year>abc</t:Year>');
    expect(bad.map((d) => d.code)).toEqual([ILLEGAL]);
    expect(bad[0]).toMatchObject({
      expected: 'an xs:integer ({http://www.w3.org/2001/XMLSchema}integer)',
      actual: 'abc',
      contexts: ['c'],
      source: { file: expect.stringMatching(/\.xml$/), line: 5 },
    });
    expect(codes('DimYear', '<t:Year>12.5</t:Year>')).toEqual([ILLEGAL]);
  });

  test('a pattern facet on an anonymous restriction', () => {
    expect(codes('DimCode', '<t:Code>ABC-12</t:Code>')).toEqual([]);
    expect(codes('DimCode', '<t:Code>  ABC-12 </t:Code>')).toEqual([]); // xs:token collapses whitespace first
    expect(codes('DimCode', '<t:Code>abc-12</t:Code>')).toEqual([ILLEGAL]);
    expect(codes('DimCode', '<t:Code>ABC-123</t:Code>')).toEqual([ILLEGAL]);
  });

  test('bounds of a named type and of the type it restricts both apply', () => {
    expect(codes('DimMonth', '<t:Month>12</t:Month>')).toEqual([]);
    expect(codes('DimMonth', '<t:Month>13</t:Month>')).toEqual([ILLEGAL]); // above monthNumber's maxInclusive
    expect(codes('DimMonth', '<t:Month>0</t:Month>')).toEqual([ILLEGAL]); // below smallInt's minInclusive
    expect(codes('DimMonth', '<t:Month>twelve</t:Month>')).toEqual([ILLEGAL]);
  });

  test('complex element content: the declared child elements are valid; text or other elements are not', () => {
    expect(codes('DimPlace', '<t:Place><t:Street>Main St</t:Street><t:City>Tokyo</t:City></t:Place>')).toEqual([]);
    expect(codes('DimPlace', '<t:Place>Main St, Tokyo</t:Place>')).toEqual([ILLEGAL]);
    const stray = check('DimPlace', '<t:Place><t:Street>Main St</t:Street><t:Year>2024</t:Year></t:Place>');
    expect(stray.map((d) => d.code)).toEqual([ILLEGAL]);
    expect(stray[0].message).toContain('Year');
    // A simple type given element content.
    expect(codes('DimYear', '<t:Year><t:Street>1</t:Street></t:Year>')).toEqual([ILLEGAL]);
  });

  test('a complex type with simple content: its base simple type applies, its attribute is allowed', () => {
    expect(codes('DimDay', '<t:Day calendar="gregorian">2024-03-31</t:Day>')).toEqual([]);
    expect(codes('DimDay', '<t:Day>2024-02-30</t:Day>')).toEqual([ILLEGAL]);
  });

  test('nil content only where the element is nillable; the wrong element is still reported as before', () => {
    expect(codes('DimYear', '<t:Year xsi:nil="true"/>')).toEqual([ILLEGAL]);
    expect(codes('DimYear', '<t:Month>3</t:Month>')).toEqual([ILLEGAL]);
  });
});

describe('simple types and XML Schema patterns', () => {
  test('built-in integer ranges, lengths, enumerations compared by value, digits', () => {
    // Dates whose day does not exist in their month (Date.parse reads 2024-02-30 as 1 March).
    expect(simpleValueIssue({ xsd: 'date' }, '2024-02-29')).toBeUndefined();
    for (const d of ['2024-02-30', '2023-02-29', '1900-02-29', '2024-04-31'])
      expect(simpleValueIssue({ xsd: 'date' }, d)).toBe('an xs:date');
    expect(simpleValueIssue({ xsd: 'byte' }, '127')).toBeUndefined();
    expect(simpleValueIssue({ xsd: 'byte' }, '128')).toMatch(/xs:byte/);
    expect(simpleValueIssue({ xsd: 'unsignedShort' }, '-1')).toBeDefined();
    expect(simpleValueIssue({ xsd: 'negativeInteger' }, '-1')).toBeUndefined();
    expect(simpleValueIssue({ xsd: 'negativeInteger' }, '0')).toMatch(/negativeInteger/);
    expect(simpleValueIssue({ xsd: 'nonPositiveInteger' }, 'abc')).toBe('an xs:nonPositiveInteger'); // never a throw
    expect(simpleValueIssue({ xsd: 'string', facets: [{ maxLength: 3 }] }, 'abcd')).toBe('at most 3 characters');
    expect(simpleValueIssue({ xsd: 'string', facets: [{ length: 2 }] }, '日本')).toBeUndefined();
    expect(simpleValueIssue({ xsd: 'decimal', facets: [{ enumeration: ['1.0', '2'] }] }, '1')).toBeUndefined();
    expect(simpleValueIssue({ xsd: 'decimal', facets: [{ enumeration: ['1.0', '2'] }] }, '3')).toMatch(/one of/);
    expect(simpleValueIssue({ xsd: 'double', facets: [{ enumeration: ['1.0E0'] }] }, '1')).toBeUndefined();
    expect(simpleValueIssue({ xsd: 'QName', facets: [{ enumeration: ['a:x'] }] }, 'b:x')).toBeUndefined();
    expect(
      simpleValueIssue({ xsd: 'decimal', facets: [{ totalDigits: 3, fractionDigits: 1 }] }, '12.50'),
    ).toBeUndefined();
    expect(simpleValueIssue({ xsd: 'decimal', facets: [{ fractionDigits: 1 }] }, '1.25')).toMatch(/fraction/);
    expect(simpleValueIssue({ xsd: 'decimal', facets: [{ minExclusive: '0' }] }, '0')).toBe('a value > 0');
    // Patterns of one step are alternatives; steps must all be met.
    expect(simpleValueIssue({ xsd: 'string', facets: [{ pattern: ['a+', 'b+'] }] }, 'bb')).toBeUndefined();
    expect(simpleValueIssue({ xsd: 'string', facets: [{ pattern: ['a+'] }, { pattern: ['b+'] }] }, 'aa')).toMatch(
      /matching "b\+"/,
    );
  });

  test('XML Schema regular expressions: anchored, ^ and $ literal, \\i \\c \\d, and unsupported ones passed over', () => {
    expect(xsdPattern('\\d{3}')!.test('123')).toBe(true);
    expect(xsdPattern('\\d{3}')!.test('1234')).toBe(false); // anchored
    expect(xsdPattern('\\d{3}')!.test('١٢٣')).toBe(true); // \d is any Unicode decimal digit
    expect(xsdPattern('a$b')!.test('a$b')).toBe(true);
    expect(xsdPattern('^a')!.test('^a')).toBe(true);
    expect(xsdPattern('\\i\\c*')!.test('x-1')).toBe(true);
    expect(xsdPattern('\\i\\c*')!.test('1x')).toBe(false);
    expect(xsdPattern('[\\-a]+')!.test('-a')).toBe(true);
    expect(xsdPattern('.')!.test('\n')).toBe(false);
    expect(xsdPattern('[a-z-[aeiou]]')).toBeUndefined(); // class subtraction
    expect(xsdPattern('\\p{IsBasicLatin}+')).toBeUndefined(); // block escape
    expect(xsdPattern('\\p{Lu}+')!.test('ÀB')).toBe(true);
  });
});
