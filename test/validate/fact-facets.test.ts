import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { validate } from '../../src/validate';

/**
 * A fact's value against its concept's type, facets included (the instance's XML Schema validity,
 * XBRL 2.1 §4.6): an enumeration (as dei's yesNoItemType), a pattern, bounds, and the facets of the
 * type a type restricts. Arelle reports these as xmlSchema:valueError; so do we, with what the type takes.
 */
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'fact-facets-'));
fs.copyFileSync(
  path.join(__dirname, '..', 'fixtures', 'validate', 'fact-facets', 'facets.xsd'),
  path.join(tmp, 'facets.xsd'),
);
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

let n = 0;
function check(fact: string) {
  const file = path.join(tmp, `i${n++}.xml`);
  fs.writeFileSync(
    file,
    `<?xml version="1.0"?>
<xbrli:xbrl xmlns:xbrli="http://www.xbrl.org/2003/instance" xmlns:link="http://www.xbrl.org/2003/linkbase" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:t="http://example.com/facets">
  <link:schemaRef xlink:type="simple" xlink:href="facets.xsd"/>
  <xbrli:context id="c"><xbrli:entity><xbrli:identifier scheme="http://example.com">E</xbrli:identifier></xbrli:entity><xbrli:period><xbrli:startDate>2024-01-01</xbrli:startDate><xbrli:endDate>2024-12-31</xbrli:endDate></xbrli:period></xbrli:context>
  <xbrli:unit id="u"><xbrli:measure>xbrli:pure</xbrli:measure></xbrli:unit>
  ${fact}
</xbrli:xbrl>
`,
  );
  return validate(file, { calc: 'none' }).diagnostics.filter((d) => d.code === 'xmlSchema:valueError');
}
const flag = (v: string) => check(`<t:Flag contextRef="c">${v}</t:Flag>`);
const code = (v: string) => check(`<t:Code contextRef="c">${v}</t:Code>`);
const share = (v: string, concept = 'Share') =>
  check(`<t:${concept} contextRef="c" unitRef="u" decimals="2">${v}</t:${concept}>`);

describe('fact values against their types’ facets', () => {
  test('an enumeration: Yes and No (a token, so surrounding whitespace collapses); anything else is an error saying what the type takes', () => {
    expect(flag('Yes')).toEqual([]);
    expect(flag(' No\n')).toEqual([]);
    const bad = flag('Maybe');
    expect(bad).toHaveLength(1);
    expect(bad[0]).toMatchObject({
      severity: 'error',
      actual: 'Maybe',
      expected: 'one of "Yes", "No"',
      source: { line: 6 },
    });
    expect(bad[0].message).toMatch(/Flag's type \{http:\/\/example\.com\/facets\}yesNoItemType/);
    expect(flag('yes')).toHaveLength(1);
    expect(check('<t:Flag contextRef="c" xsi:nil="true"/>')).toEqual([]); // nil: no value to check
  });

  test('a pattern', () => {
    expect(code('ABC-12')).toEqual([]);
    expect(code('abc-12').map((d) => d.expected)).toEqual(['a value matching "[A-Z]{3}-\\d{2}"']);
  });

  test('bounds, and the facets of the restricted type with the restricting one’s', () => {
    expect(share('0')).toEqual([]);
    expect(share('99.50')).toEqual([]);
    expect(share('100.01').map((d) => d.expected)).toEqual(['a value ≤ 100']);
    expect(share('-1').map((d) => d.expected)).toEqual(['a value ≥ 0']);
    expect(share('40', 'WholeShare')).toEqual([]);
    expect(share('40.5', 'WholeShare').map((d) => d.expected)).toEqual(['at most 0 fraction digits']);
    expect(share('140', 'WholeShare').map((d) => d.expected)).toEqual(['a value ≤ 100']);
  });

  test('a value outside the built-in lexical space is reported once, as before', () => {
    expect(share('ten').map((d) => d.expected)).toEqual(['decimal']);
  });
});
