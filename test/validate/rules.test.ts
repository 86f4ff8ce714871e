import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { validate } from '../../src/validate';

const PKG = path.join(__dirname, '../fixtures/validate/taxonomy');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iij-validate-'));
let n = 0;

/** A small instance over the tiny test taxonomy: contexts d (2003 Q4), i0 (Sep 30), i1 (Dec 31); units JPY, shares, pure. */
function instance(facts: string, extra = ''): string {
  const file = path.join(dir, `case${++n}.xml`);
  fs.writeFileSync(
    file,
    `<?xml version="1.0" encoding="UTF-8"?>
<xbrli:xbrl xmlns:xbrli="http://www.xbrl.org/2003/instance" xmlns:link="http://www.xbrl.org/2003/linkbase" xmlns:xlink="http://www.w3.org/1999/xlink"
  xmlns:iso4217="http://www.xbrl.org/2003/iso4217" xmlns:t="https://example.com/tiny/2020" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <link:schemaRef xlink:type="simple" xlink:href="https://example.com/tiny/2020/tiny.xsd"/>
  <xbrli:context id="d"><xbrli:entity><xbrli:identifier scheme="http://www.sec.gov/CIK">1</xbrli:identifier></xbrli:entity><xbrli:period><xbrli:startDate>2003-10-01</xbrli:startDate><xbrli:endDate>2003-12-31</xbrli:endDate></xbrli:period></xbrli:context>
  <xbrli:context id="i0"><xbrli:entity><xbrli:identifier scheme="http://www.sec.gov/CIK">1</xbrli:identifier></xbrli:entity><xbrli:period><xbrli:instant>2003-09-30</xbrli:instant></xbrli:period></xbrli:context>
  <xbrli:context id="i1"><xbrli:entity><xbrli:identifier scheme="http://www.sec.gov/CIK">1</xbrli:identifier></xbrli:entity><xbrli:period><xbrli:instant>2003-12-31</xbrli:instant></xbrli:period></xbrli:context>
  <xbrli:unit id="JPY"><xbrli:measure>iso4217:JPY</xbrli:measure></xbrli:unit>
  <xbrli:unit id="shares"><xbrli:measure>xbrli:shares</xbrli:measure></xbrli:unit>
  <xbrli:unit id="pure"><xbrli:measure>xbrli:pure</xbrli:measure></xbrli:unit>
  ${extra}
  ${facts}
</xbrli:xbrl>
`,
  );
  return file;
}

const codes = (file: string, calc: 'c11r' | 'c10' = 'c11r') =>
  validate(file, { packages: [PKG], calc })
    .diagnostics.filter((d) => d.severity !== 'info')
    .map((d) => d.code);

const A = (v: string, d = '-6') => `<t:ServiceA contextRef="d" unitRef="JPY" decimals="${d}">${v}</t:ServiceA>`;
const B = (v: string, d = '-6') => `<t:ServiceB contextRef="d" unitRef="JPY" decimals="${d}">${v}</t:ServiceB>`;
const R = (v: string, d = '-6', id = '') =>
  `<t:Revenues ${id ? `id="${id}" ` : ''}contextRef="d" unitRef="JPY" decimals="${d}">${v}</t:Revenues>`;

describe('XBRL 2.1 instance rules', () => {
  const cases: [string, string, string[]][] = [
    ['a valid fact', A('7123000000'), []],
    [
      'undeclared concept',
      '<t:Nope contextRef="d" unitRef="JPY" decimals="0">1</t:Nope>',
      ['xbrl:schemaImportMissing'],
    ],
    [
      'unknown context',
      '<t:ServiceA contextRef="zz" unitRef="JPY" decimals="0">1</t:ServiceA>',
      ['xbrl.4.6.1:itemContextRef'],
    ],
    [
      'unknown unit',
      '<t:ServiceA contextRef="d" unitRef="EUR" decimals="0">1</t:ServiceA>',
      ['xbrl.4.6.2:unitRefUnresolved'],
    ],
    ['numeric fact without unit', '<t:ServiceA contextRef="d" decimals="0">1</t:ServiceA>', ['xbrl.4.6.2:numericUnit']],
    [
      'instant concept in a duration context',
      '<t:Cash contextRef="d" unitRef="JPY" decimals="0">1</t:Cash>',
      ['xbrl.4.7.2:contextPeriodType'],
    ],
    [
      'duration concept in an instant context',
      '<t:ServiceA contextRef="i1" unitRef="JPY" decimals="0">1</t:ServiceA>',
      ['xbrl.4.7.2:contextPeriodType'],
    ],
    ['no decimals', '<t:ServiceA contextRef="d" unitRef="JPY">1</t:ServiceA>', ['xbrl.4.6.3:missingPrecisionDecimals']],
    [
      'decimals and precision',
      '<t:ServiceA contextRef="d" unitRef="JPY" decimals="0" precision="3">1</t:ServiceA>',
      ['xbrl.4.6.3:bothPrecisionAndDecimals'],
    ],
    [
      'decimals on text',
      '<t:CompanyName contextRef="d" decimals="0">IIJ</t:CompanyName>',
      ['xbrl.4.6.3:extraneousPrecisionDecimals'],
    ],
    [
      'monetary in shares',
      '<t:ServiceA contextRef="d" unitRef="shares" decimals="0">1</t:ServiceA>',
      ['xbrl.4.8.2:monetaryFactUnit-notMonetaryMeasure'],
    ],
    [
      'shares in JPY',
      '<t:SharesOutstanding contextRef="i1" unitRef="JPY" decimals="0">1</t:SharesOutstanding>',
      ['xbrl.4.8.2:sharesFactUnit-notSharesMeasure'],
    ],
    ['not a decimal', A('12,345'), ['xmlSchema:valueError']],
    [
      'not an integer',
      '<t:NumberOfContracts contextRef="i1" unitRef="pure" decimals="0">1.5</t:NumberOfContracts>',
      ['xmlSchema:valueError'],
    ],
    ['not a date', '<t:PeriodEndDate contextRef="d">2003-13-31</t:PeriodEndDate>', ['xmlSchema:valueError']],
    [
      'nil with decimals',
      '<t:ServiceA contextRef="d" unitRef="JPY" decimals="0" xsi:nil="true"/>',
      ['xbrl.4.6.3:nilPrecisionDecimals'],
    ],
    [
      'nil on a non-nillable concept',
      '<t:CompanyName contextRef="d" xsi:nil="true"/>',
      ['xmlSchema:nilNonNillableElement'],
    ],
    [
      'duplicate ids',
      `<t:CompanyName id="x" contextRef="d">IIJ</t:CompanyName><t:ServiceA id="x" contextRef="d" unitRef="JPY" decimals="-6">1000000</t:ServiceA>`,
      ['xmlSchema:duplicateId'],
    ],
  ];
  it.each(cases)('%s', (_name, facts, expected) => expect(codes(instance(facts))).toEqual(expected));

  it('rejects a measure in both numerator and denominator, and end before start', () => {
    const extra = `<xbrli:unit id="bad"><xbrli:divide><xbrli:unitNumerator><xbrli:measure>iso4217:JPY</xbrli:measure></xbrli:unitNumerator><xbrli:unitDenominator><xbrli:measure>iso4217:JPY</xbrli:measure></xbrli:unitDenominator></xbrli:divide></xbrli:unit>
      <xbrli:context id="back"><xbrli:entity><xbrli:identifier scheme="http://www.sec.gov/CIK">1</xbrli:identifier></xbrli:entity><xbrli:period><xbrli:startDate>2003-12-31</xbrli:startDate><xbrli:endDate>2003-10-01</xbrli:endDate></xbrli:period></xbrli:context>`;
    expect(codes(instance('', extra)).sort()).toEqual([
      'xbrl.4.7.2:periodStartBeforeEnd',
      'xbrl.4.8.4:measureBothNumDenom',
    ]);
  });
  it('reports the line of the offending fact', () => {
    const d = validate(instance(`\n\n${A('x')}`), { packages: [PKG] }).diagnostics[0];
    expect(d.source?.line).toBe(14);
  });
});

describe('Calculations 1.1 (round to nearest) and Calc 1.0', () => {
  it('XBRL-NOTES §2.3: 7,123 + 5,223 vs 12,345 (millions) is consistent in c11r, inconsistent in c10', () => {
    const f = instance(A('7123000000') + B('5223000000') + R('12345000000'));
    expect(codes(f)).toEqual([]);
    expect(codes(f, 'c10')).toEqual(['xbrl.5.2.5.2:calcInconsistency']);
  });
  it('7,123 + 5,224 vs 12,345 is inconsistent in c11r, with both intervals in the message', () => {
    const r = validate(instance(A('7123000000') + B('5224000000') + R('12345000000')), { packages: [PKG] });
    const d = r.diagnostics.find((x) => x.code === 'calc11e:inconsistentCalculationUsingRounding')!;
    expect(d.severity).toBe('inconsistency');
    expect(d.params).toMatchObject({
      reportedLow: '12344500000',
      reportedHigh: '12345500000',
      computedLow: '12346000000',
      computedHigh: '12348000000',
    });
  });
  it('a total stated in thousands within the sum interval is consistent', () => {
    expect(codes(instance(A('7123000000') + B('5223000000') + R('12345678000', '-3')))).toEqual([]);
  });
  it('weights: operating income = revenues − cost', () => {
    const ok = `${R('100')}<t:CostOfRevenues contextRef="d" unitRef="JPY" decimals="0">30</t:CostOfRevenues><t:OperatingIncome contextRef="d" unitRef="JPY" decimals="0">70</t:OperatingIncome>`;
    expect(codes(instance(ok.replace('decimals="-6">100', 'decimals="0">100')))).toEqual([]);
    expect(codes(instance(ok.replace('decimals="-6">100', 'decimals="0">100').replace('>70<', '>130<')))).toEqual([
      'calc11e:inconsistentCalculationUsingRounding',
    ]);
  });
  it('excess digits make the calculation unchecked', () => {
    expect(codes(instance(A('7123456789') + B('5223000000') + R('99000000000')))).toEqual(['calc11e:excessDigits']);
  });
  it('inconsistent duplicates make it unverifiable', () => {
    expect(codes(instance(A('7123000000') + A('7124000000') + B('5223000000') + R('99000000000')))).toEqual([
      'arelle:duplicateFacts',
      'oime:disallowedDuplicateFacts',
    ]);
  });
  it('--calc none checks nothing', () => {
    expect(
      validate(instance(A('1000000') + B('1000000') + R('9000000000')), { packages: [PKG], calc: 'none' }).diagnostics,
    ).toEqual([]);
  });
});

describe('duplicate facts', () => {
  const classes = (file: string) =>
    validate(file, { packages: [PKG], calc: 'none' }).diagnostics.map((d) => d.params?.class);
  it('complete, consistent and inconsistent', () => {
    expect(classes(instance(A('7123000000') + A('7123000000')))).toEqual(['complete']);
    expect(classes(instance(A('3204000000') + A('3204046000', '-3')))).toEqual(['consistent']);
    expect(classes(instance(A('3204000000') + A('3204646000', '-3')))).toEqual(['inconsistent']);
    expect(classes(instance(A('3204000000') + A('3205000000')))).toEqual(['inconsistent']);
  });
});

describe('roll-forwards', () => {
  const cash = (ctx: string, v: string) => `<t:Cash contextRef="${ctx}" unitRef="JPY" decimals="-3">${v}</t:Cash>`;
  const change = (v: string) =>
    `<t:NetChangeInCash contextRef="d" unitRef="JPY" decimals="-3">${v}</t:NetChangeInCash>`;
  it('opening + change = closing', () => {
    expect(codes(instance(cash('i0', '11782935000') + change('357660000') + cash('i1', '12140595000')))).toEqual([]);
  });
  it('flags a roll-forward off by more than rounding', () => {
    expect(codes(instance(cash('i0', '11782935000') + change('357660000') + cash('i1', '12150595000')))).toEqual([
      'iij:rollforwardInconsistency',
    ]);
  });
});

describe('hostile and broken input', () => {
  const write = (text: string) => {
    const f = path.join(dir, `raw${++n}.xml`);
    fs.writeFileSync(f, text);
    return f;
  };
  it('refuses entity declarations (billion laughs) without expanding them', () => {
    const lol = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><xbrli:xbrl xmlns:xbrli="http://www.xbrl.org/2003/instance">&lol2;</xbrli:xbrl>`;
    expect(codes(write(lol))).toEqual(['xml:doctypeNotAllowed']);
  });
  it('refuses external entities', () => {
    expect(codes(write(`<?xml version="1.0"?><!DOCTYPE x SYSTEM "file:///etc/passwd"><x/>`))).toEqual([
      'xml:doctypeNotAllowed',
    ]);
  });
  it('malformed XML gets its line', () => {
    const r = validate(write('<a>\n<b>\n</a>'), { packages: [PKG] });
    expect(r.diagnostics.find((d) => d.code === 'xml:notWellFormed')).toMatchObject({ source: { line: 3 } });
  });
  it('a missing schema', () => {
    const f = instance(A('1000000')).replace(/$/, '');
    fs.writeFileSync(f, fs.readFileSync(f, 'utf8').replace('https://example.com/tiny/2020/tiny.xsd', 'missing.xsd'));
    expect(codes(f)).toContain('xbrl.4.2.2:schemaRefHref');
  });
  it('a file over the size limit is refused before it is read', () => {
    const r = validate(instance(A('1000000')), { packages: [PKG], maxBytes: 100 });
    expect(r.diagnostics.map((d) => d.code)).toEqual(['io:fileTooLarge']);
  });
  it('truncated xBRL-JSON', () => {
    const f = path.join(dir, 'bad.json');
    fs.writeFileSync(f, '{"documentInfo": {"documentType": "https://xbrl.org/2021/xbrl-json"');
    expect(codes(f)).toEqual(['xbrlje:invalidJSON']);
    fs.writeFileSync(f, '{"documentInfo": {}, "facts": {"f1": {"value": 12}}}');
    expect(new Set(codes(f))).toEqual(new Set(['xbrlje:invalidJSONStructure']));
  });
});

describe('the bundled instances', () => {
  const root = path.join(__dirname, '../..');
  it.each(['iij-20031231.xml', 'iij-20031231.json'])('%s validates clean with Calc 1.1', (name) => {
    const r = validate(path.join(root, 'instances', name));
    expect(r.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(r.report?.facts.length).toBe(500);
  });
});
