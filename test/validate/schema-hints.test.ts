/**
 * Schemas an instance names only in `xsi:schemaLocation` are hints for XML Schema validation, not part
 * of the DTS (XBRL 2.1 §3): their global attribute declarations serve the lax check of a fact's
 * attributes (XBRL 2.1 conformance 314 V-06, as Arelle reads them), and the DTS is left as it is.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { compile, validate, validatorCache } from '../../src/validate';

const SUITE = path.join(__dirname, '..', '..', 'conformance', 'XBRL-CONF-2025-07-16', 'Common', '300-instance');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iij-hints-'));
for (const f of ['314-lax-validation-02.xsd', '314-lax-validation-defs.xsd'])
  fs.copyFileSync(path.join(SUITE, f), path.join(dir, f));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The suite's instance with the given schemaLocation and attribute value on its fact. */
function instance(name: string, schemaLocation: string | undefined, value: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(
    file,
    `<xbrl xmlns="http://www.xbrl.org/2003/instance" xmlns:ex="http://xbrl.org/conformance/example"
  xmlns:link="http://www.xbrl.org/2003/linkbase" xmlns:xlink="http://www.w3.org/1999/xlink"
  xmlns:lax-test="http://abc.com/lax-test" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  ${schemaLocation === undefined ? '' : `xsi:schemaLocation="${schemaLocation}"`}>
  <link:schemaRef xlink:type="simple" xlink:href="314-lax-validation-02.xsd"/>
  <context id="c1"><entity><identifier scheme="http://xbrl.org/entity/identification/scheme">01</identifier></entity>
    <period><instant>2007-12-31</instant></period></context>
  <ex:a contextRef="c1" lax-test:integerAttribute="${value}">abc</ex:a>
</xbrl>`,
  );
  return file;
}

const HINT = 'http://abc.com/lax-test 314-lax-validation-defs.xsd';
const codes = (r: { diagnostics: { code: string; severity: string }[] }) =>
  r.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code);

test("an attribute declared in a hinted schema is checked against its type, through every entry (validate, a compiled DTS, the CLI's cache)", () => {
  const bad = instance('bad.xml', HINT, 'not an integer');
  const r = validate(bad);
  expect(codes(r)).toEqual(['xmlSchema:valueError']);
  expect(r.diagnostics[0]).toMatchObject({ source: { line: 8 }, expected: 'integer', actual: 'not an integer' });
  expect(codes(compile('314-lax-validation-02.xsd', { baseFile: bad }).validate(bad))).toEqual([
    'xmlSchema:valueError',
  ]);
  expect(codes(validatorCache().validate(bad))).toEqual(['xmlSchema:valueError']);
  // the hint is not part of the DTS
  expect(r.dts?.documents.some((d) => d.endsWith('314-lax-validation-defs.xsd'))).toBe(false);
  expect(codes(validate(instance('good.xml', HINT, '42')))).toEqual([]);
});

test('without the hint, with a hint to nothing, or a remote one (never fetched), the attribute is not judged and nothing is reported', () => {
  expect(validate(instance('none.xml', undefined, 'not an integer')).diagnostics).toEqual([]);
  expect(validate(instance('missing.xml', 'http://abc.com/lax-test no-such.xsd', 'x')).diagnostics).toEqual([]);
  expect(validate(instance('remote.xml', 'http://abc.com/lax-test http://abc.com/defs.xsd', 'x')).diagnostics).toEqual(
    [],
  );
});
