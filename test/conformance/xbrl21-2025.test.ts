/**
 * Verdicts of the XBRL 2.1 conformance suite (2025-07-16 edition, vendored in conformance/) that
 * were wrong and are fixed: each variation is run as `npm run conformance` runs it, and must give
 * the suite's verdict with the code Arelle reports for the condition.
 */
import path from 'node:path';
import { readSuite, runVariation, suiteIndex, codeMatches, type Variation } from '../../bench/conformance';
import { validate } from '../../src/validate';

const SUITE = path.join(__dirname, '..', '..', 'conformance', 'XBRL-CONF-2025-07-16');
const all: Variation[] = readSuite(suiteIndex(SUITE) as string);
const variation = (testcase: string, id: string): Variation => {
  const v = all.find((x) => x.testcase === testcase && x.id === id);
  if (!v) throw new Error(`no variation ${testcase} ${id}`);
  return v;
};

/** [test case, variation, expected verdict, a code we must report ('' for a valid one)] */
const CASES: [string, string, 'valid' | 'invalid', string][] = [
  // XBRL 2.1 §4.11.1.2 / §3.5.3: a standard role only on the element it is defined for
  ['309-FootnoteRoles-testcase', 'V-01', 'valid', ''],
  ['309-FootnoteRoles-testcase', 'V-02', 'invalid', 'xbrl.4.11.1.2'],
  ['309-FootnoteRoles-testcase', 'V-03', 'invalid', 'xbrl.3.5.3'],
  ['309-FootnoteRoles-testcase', 'V-04', 'invalid', 'xbrl.4.11.1.2'],
  ['309-FootnoteRoles-testcase', 'V-07', 'invalid', 'xbrl.4.11.1.2'],
  ['221-StandardRoles', 'V-01', 'valid', ''],
  ['221-StandardRoles', 'V-02', 'invalid', 'xbrl.3.5.3'],
  ['221-StandardRoles', 'V-03', 'invalid', 'xbrl.5.2.2.2.2'],
  ['221-StandardRoles', 'V-05', 'invalid', 'xbrl.5.2.3.2.1'],
  // XBRL 2.1 §4.11.1.1: a footnote link's locators are link:loc
  ['301-idScope', 'V-18', 'invalid', 'xbrl.4.11.1.1:customLocator'],
  // xml:lang in scope from the link or the root (XML 1.0 §2.12), missing altogether
  ['311-footnotes-testcase', 'V-01', 'valid', ''],
  ['311-footnotes-testcase', 'V-02', 'valid', ''],
  ['311-footnotes-testcase', 'V-03', 'valid', ''],
  ['311-footnotes-testcase', 'V-04', 'invalid', 'xbrl.4.11.1.2.1:footnoteLang'],
  // XML Schema Part 1 §3.8.6: Unique Particle Attribution, as Arelle checks it
  ['uniqueParticleAttribution-testcase', 'V-01', 'valid', ''],
  ['uniqueParticleAttribution-testcase', 'V-02', 'valid', ''],
  ['uniqueParticleAttribution-testcase', 'V-03', 'invalid', 'xmlSchema:uniqueParticleAttribution'],
  ['uniqueParticleAttribution-testcase', 'V-04', 'valid', ''],
  ['uniqueParticleAttribution-testcase', 'V-05', 'valid', ''],
  ['uniqueParticleAttribution-testcase', 'V-06', 'invalid', 'xmlSchema:uniqueParticleAttribution'],
  // XML Schema Part 2 §F.1.1: only XML Schema's own escapes in a pattern facet
  ['401-datatypes', 'v401-05', 'invalid', 'xmlSchema:patternEscapeDisallowed'],
  ['401-datatypes', 'v401-06', 'valid', ''],
  // XBRL 2.1 §5.2.2.2.1: a label has an xml:lang in scope
  ['216-label-validation-testcase', 'V-04', 'invalid', 'xbrl.5.2.2.2.1:labelLang'],
  // XBRL 2.1 §5.2.5.2.1: a calculation weight is never 0, under Calculations 1.1's arcrole too
  ['208-balance', 'V-10_11', 'invalid', 'xbrl.5.2.5.2.1:zeroWeight'],
  // XBRL 2.1 §5.1.4.3: Dimensions arcroles keep their cyclesAllowed (dimension-domain: none)
  ['204-arcCycles', 'V-31', 'valid', ''],
  ['204-arcCycles', 'V-32', 'invalid', 'xbrl.5.1.4.3:cycles'],
  // XBRL 2.1 §3.5.3.8.1: an extended link holds locators, resources, arcs, titles and documentation only
  ['114-lax-validation-testcase', 'V-05', 'invalid', 'xbrl.3.5.3.8.1:resourceType'],
  // XBRL 2.1 §3.5.4: a locator of a custom link points at an element that exists (id, element() child sequence)
  ['202-xlinkLocator', 'V-02b', 'valid', ''],
  ['202-xlinkLocator', 'V-02c', 'invalid', 'xbrl.3.5.4:hrefIdNotFound'],
  ['202-xlinkLocator', 'V-02d', 'invalid', 'xbrl.3.5.4:hrefIdNotFound'],
  ['202-xlinkLocator', 'V-09', 'valid', ''],
  ['202-xlinkLocator', 'V-13', 'valid', ''],
];

describe('XBRL 2.1 conformance suite 2025-07-16: fixed verdicts', () => {
  it.each(CASES)('%s %s: %s %s', (testcase, id, expected, code) => {
    const v = variation(testcase, id);
    expect(v.expected).toBe(expected);
    const o = runVariation(v);
    expect(o.actual).toBe(expected);
    if (code) expect(o.codes).toContain(code);
    expect(o.pass).toBe(true);
  });
});

describe('208-balance: validate() alone (as `iij-xbrl validate` runs it) reports a DTS whose weights break §5.1.1.2 or §5.2.5.2.1', () => {
  const invalid = all.filter((v) => v.testcase === '208-balance' && v.expected === 'invalid');
  it('holds the invalid variations of the suite', () => expect(invalid).toHaveLength(8));
  it.each(invalid.map((v) => [v.id, v] as const))('%s', (_id, v) => {
    const codes = validate(v.entries[0].file).diagnostics.filter((d) => d.severity === 'error').map((d) => d.code);
    expect(codes.some((c) => /balanceCalcWeightIllegal|zeroWeight/.test(c))).toBe(true);
  });
  it.each(all.filter((v) => v.testcase === '208-balance' && v.expected === 'valid').map((v) => [v.id, v] as const))(
    '%s (valid)',
    (_id, v) => {
      expect(validate(v.entries[0].file).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    },
  );
});

describe('suite codes', () => {
  it('matches the same code, the same condition under another prefix, and the generic schema error', () => {
    expect(codeMatches('xbrldte:HypercubeElementIsNotAbstractError', 'xbrldte:HypercubeElementIsNotAbstractError')).toBe(true);
    expect(codeMatches('xbrldte:HypercubeElementIsNotAbstractError', 'xdt.2.2.1:HypercubeElementIsNotAbstractError')).toBe(true);
    expect(codeMatches('sche:XmlSchemaError', 'xmlSchema:valueError')).toBe(true);
    expect(codeMatches('sche:XmlSchemaError', 'xbrl.5.1.1.3:itemType')).toBe(false);
    expect(codeMatches('xbrldte:HypercubeElementIsNotAbstractError', 'xbrldte:DimensionElementIsNotAbstractError')).toBe(false);
  });
  it('reads the Dimensions suite: <result/> is valid, <result><error> invalid with its code', () => {
    const xdt = readSuite(suiteIndex(path.join(SUITE, '..', 'XBRL-XDT-CONF-2025-09-09')) as string);
    expect(xdt).toHaveLength(347);
    const v01 = xdt.find((v) => v.testcase === '101-TestCase-HypercubeElementIsNotAbstractError' && v.id === 'V-01');
    const v02 = xdt.find((v) => v.testcase === '101-TestCase-HypercubeElementIsNotAbstractError' && v.id === 'V-02');
    expect(v01).toMatchObject({ expected: 'valid', expectedCodes: [], section: '100-xbrldte' });
    expect(v02).toMatchObject({ expected: 'invalid', expectedCodes: ['xbrldte:HypercubeElementIsNotAbstractError'] });
    expect(all).toHaveLength(606);
  });
});
