import { readInlineXbrl } from '../../src/ixbrl/from-ixbrl';
import { CONTEXTS, ixDoc } from './ix-doc';

const T = '{https://example.com/tiny/2020}';
const read = (body: string, o = {}) => readInlineXbrl([ixDoc(body, o)]);
const valueOf = (body: string, o = {}) => read(body, o).report?.facts[0]?.value;
const codes = (r: ReturnType<typeof read>) => r.diagnostics.map((d) => d.code);

describe('text values as the specifications give them', () => {
  it('keeps the whitespace of a text fact without format (xs:string preserves it)', () => {
    expect(valueOf('<ix:nonNumeric name="t:Note" contextRef="d">  two\n  words </ix:nonNumeric>')).toBe(
      '  two\n  words ',
    );
  });

  it('strips only the ends before a transformation', () => {
    expect(
      valueOf(
        '<ix:nonNumeric name="t:End" contextRef="d" format="ixt:date-monthname-day-year-en"> December\n 31, 2003 </ix:nonNumeric>',
      ),
    ).toBe('2003-12-31');
  });

  it('writes escaped content as the page renders it: void elements self-closed, every other element with its end tag', () => {
    const v = valueOf(
      '<ix:nonNumeric name="t:Note" contextRef="d" escape="true"><table class="t"><tr><td colspan="2"></td><td>a &amp; b</td></tr></table><span id="s"></span><br/>after<img src="x.png" alt=""/></ix:nonNumeric>',
    );
    expect(v).toBe(
      '<table class="t"><tr><td colspan="2"></td><td>a &amp; b</td></tr></table><span id="s"></span><br/>after<img alt="" src="x.png"/>',
    );
  });

  it('keeps prefixed attributes with their prefix in escaped content', () => {
    expect(
      valueOf(
        '<ix:nonNumeric name="t:Note" contextRef="d" escape="true"><p xml:lang="ja" class="c">注</p></ix:nonNumeric>',
      ),
    ).toBe('<p class="c" xml:lang="ja">注</p>');
  });
});

describe('transformations of every registry', () => {
  it.each([
    ['ixt:date-day-monthname-year-nl', '31 december 2023', '2023-12-31'],
    ['ixt:date-day-monthname-year-de', '1. März 2020', '2020-03-01'],
    ['ixt:date-day-monthname-year-fr', '1er mai 2019', '2019-05-01'],
    ['ixt5:date-day-monthname-year-cy', '3 Chwefror 2020', '2020-02-03'],
    ['ixt:date-jpn-era-year-month-day', '令和２年３月３１日', '2020-03-31'],
    ['ixt:date-jpn-era-year-month-day', '平成元年１月８日', '1989-01-08'],
    ['ixt:date-year-month-day', '２０２０年３月３１日', '2020-03-31'],
    ['ixt:date-jpn-era-year-month', '令和元年５月', '2019-05'],
    ['ixt-sec:exchnameen', 'The Nasdaq Stock Market LLC', 'NASDAQ'],
    ['ixt-sec:stateprovnameen', 'Delaware', 'DE'],
    ['ixt-sec:entityfilercategoryen', 'Large Accelerated Filer', 'Large Accelerated Filer'],
    ['ixt-sec:boolballotbox', '☒', 'true'],
    ['ixt-sec:duryear', '2.5', 'P2Y6M'],
    ['ixt-sec:durwordsen', 'three years', 'P3Y'],
  ])('%s %j → %j', (format, shown, expected) => {
    const r = read(`<ix:nonNumeric name="t:X" contextRef="d" format="${format}">${shown}</ix:nonNumeric>`);
    expect(r.diagnostics).toEqual([]);
    expect(r.report?.facts[0]?.value).toBe(expected);
  });

  it('a numeric SEC transformation gives the number its fact scales', () => {
    const r = read(
      '<ix:nonFraction name="t:Count" contextRef="d" unitRef="JPY" decimals="INF" format="ixt-sec:numwordsen">twenty-one</ix:nonFraction>',
    );
    expect(r.report?.facts[0]?.value).toBe('21');
  });
});

describe('facts that cannot be read as valid are kept as invalid, never as valid facts', () => {
  it('a value its transformation refuses', () => {
    const r = read(
      '<ix:nonNumeric name="t:End" contextRef="d" format="ixt:date-year-month-day" id="e">2003年2月30日</ix:nonNumeric>' +
        '<ix:nonNumeric name="t:Ok" contextRef="d">x</ix:nonNumeric>',
    );
    expect(codes(r)).toEqual(['ix11.11.1.1:transformValueError']);
    expect(r.report?.facts.map((f) => f.concept)).toEqual([`${T}Ok`]);
    expect(r.report?.invalidFacts).toEqual([
      expect.objectContaining({
        id: 'e',
        concept: `${T}End`,
        text: '2003年2月30日',
        format: 'ixt:date-year-month-day',
        contextId: 'd',
        error: 'ix11.11.1.1:transformValueError',
      }),
    ]);
  });

  it('a number its transformation refuses', () => {
    const r = read(
      '<ix:nonFraction name="t:Sales" contextRef="d" unitRef="JPY" decimals="0" format="ixt:num-dot-decimal">1.2.3</ix:nonFraction>',
    );
    expect(r.report?.facts).toEqual([]);
    expect(r.report?.invalidFacts?.map((f) => [f.text, f.unitId, f.error])).toEqual([
      ['1.2.3', 'JPY', 'ix11.10.1.1:transformValueError'],
    ]);
  });

  it('a fact whose context does not exist gets no invented period or entity', () => {
    const r = read(
      '<ix:nonNumeric name="t:Name" contextRef="nowhere">IIJ</ix:nonNumeric><ix:nonFraction name="t:Sales" contextRef="d" unitRef="USD" decimals="0">5</ix:nonFraction>',
    );
    expect(codes(r)).toEqual(['ix11.11.1.2:contextReference', 'ix11.10.1.2:unitReference']);
    expect(r.report?.facts).toEqual([]);
    const invalid = r.report?.invalidFacts ?? [];
    expect(invalid.map((f) => [f.concept, f.text, f.error])).toEqual([
      [`${T}Name`, 'IIJ', 'ix11.11.1.2:contextReference'],
      [`${T}Sales`, '5', 'ix11.10.1.2:unitReference'],
    ]);
    for (const f of invalid) expect(f).not.toHaveProperty('period');
    for (const f of invalid) expect(f).not.toHaveProperty('entity');
  });

  it('an unknown registry is unsupported, and its fact kept as invalid', () => {
    const r = read(
      '<ix:nonNumeric xmlns:q="http://example.com/ixt" name="t:X" contextRef="d" format="q:fancy">x</ix:nonNumeric>',
    );
    expect(codes(r)).toEqual(['ixread:unsupportedTransformation']);
    expect(r.diagnostics[0].message).toMatch(/http:\/\/example.com\/ixt is not a transformation registry/);
    expect(r.report?.invalidFacts?.[0].error).toBe('ixread:unsupportedTransformation');
  });
});

describe('contexts as declared', () => {
  it('an explicitMember whose prefix is not declared is reported', () => {
    const dims = `<xbrli:context id="x"><xbrli:entity><xbrli:identifier scheme="http://www.sec.gov/CIK">1</xbrli:identifier><xbrli:segment><xbrldi:explicitMember dimension="t:Axis">nope:Member</xbrldi:explicitMember></xbrli:segment></xbrli:entity><xbrli:period><xbrli:instant>2003-12-31</xbrli:instant></xbrli:period></xbrli:context>`;
    const r = read('<ix:nonNumeric name="t:N" contextRef="x">a</ix:nonNumeric>', { resources: CONTEXTS + dims });
    expect(codes(r)).toEqual(['xmlSchema:valueError']);
    expect(r.diagnostics[0].source?.line).toBeGreaterThan(1);
  });

  it('a context without id is reported and not stored', () => {
    const noId = `<xbrli:context><xbrli:entity><xbrli:identifier scheme="http://www.sec.gov/CIK">1</xbrli:identifier></xbrli:entity><xbrli:period><xbrli:instant>2003-12-31</xbrli:instant></xbrli:period></xbrli:context>`;
    const r = read('<ix:nonNumeric name="t:N" contextRef="d">a</ix:nonNumeric>', { resources: CONTEXTS + noId });
    expect(codes(r)).toEqual(['xmlSchema:attributesRequired']);
    expect([...r.contexts.keys()]).toEqual(['d', 'i1']);
  });
});
