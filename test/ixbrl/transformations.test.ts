import { lookupTransform, scaleDecimal, type Transform } from '../../src/ixbrl/transformations';
import { IXT_NS } from '../../src/xbrl/ix';
import { SEC_NS } from '../../src/ixbrl/sec-transformations';
import arelle from './fixtures/arelle-transformations.json';

const fn = (ns: string, name: string): Transform => {
  const found = lookupTransform(`{${ns}}${name}`);
  if (!found.ok) throw new Error(`${name}: ${found.why}`);
  return found.fn;
};

describe('Inline XBRL transformations (Transformation Registries 1–5)', () => {
  const cases: [string, string, string, string | undefined][] = [
    [IXT_NS.tr4, 'num-dot-decimal', '1,234,567', '1234567'],
    [IXT_NS.tr4, 'num-dot-decimal', '1,234.50', '1234.5'],
    [IXT_NS.tr4, 'num-dot-decimal', '.5', '0.5'],
    [IXT_NS.tr4, 'num-dot-decimal', '1 234\u00a0567', '1234567'],
    [IXT_NS.tr4, 'num-dot-decimal', '(1,234)', undefined],
    [IXT_NS.tr4, 'num-dot-decimal', '1.2.3', undefined],
    [IXT_NS.tr5, 'num-comma-decimal', '1.234,5', '1234.5'],
    [IXT_NS.tr5, 'num-dot-decimal-apos', "1'234'567.25", '1234567.25'],
    [IXT_NS.tr5, 'num-comma-decimal-apos', "1'234,5", '1234.5'],
    [IXT_NS.tr4, 'num-unit-decimal', '5円30銭', '5.3'],
    [IXT_NS.tr4, 'num-unit-decimal', '１，２３４円５銭', '1234.05'],
    [IXT_NS.tr4, 'fixed-zero', 'anything', '0'],
    [IXT_NS.tr4, 'fixed-empty', 'x', ''],
    [IXT_NS.tr4, 'fixed-true', 'yes', 'true'],
    [IXT_NS.tr4, 'fixed-false', 'no', 'false'],
    [IXT_NS.tr4, 'date-year-month-day', '2003年12月31日', '2003-12-31'],
    [IXT_NS.tr4, 'date-year-month-day', '２００３年１２月３１日', '2003-12-31'],
    [IXT_NS.tr4, 'date-year-month-day', '2003-02-29', undefined],
    [IXT_NS.tr4, 'date-year-month-day', '2004/2/29', '2004-02-29'],
    [IXT_NS.tr4, 'date-day-month-year', '31.12.2003', '2003-12-31'],
    [IXT_NS.tr4, 'date-month-day-year', '12/31/03', '2003-12-31'],
    [IXT_NS.tr4, 'date-monthname-day-year-en', 'December 31, 2003', '2003-12-31'],
    [IXT_NS.tr4, 'date-monthname-day-year-en', 'Feb. 12, 2004', '2004-02-12'],
    [IXT_NS.tr4, 'date-day-monthname-year-en', '12 February 2004', '2004-02-12'],
    [IXT_NS.tr4, 'date-monthname-year-en', 'December 2003', '2003-12'],
    [IXT_NS.tr4, 'date-monthname-day-en', 'December 31st', '--12-31'],
    [IXT_NS.tr4, 'date-jpn-era-year-month-day', '平成15年12月31日', '2003-12-31'],
    [IXT_NS.tr4, 'date-jpn-era-year-month-day', '令和元年5月1日', '2019-05-01'],
    [IXT_NS.tr4, 'date-jpn-era-year-month', '平成16年3月', '2004-03'],
    [IXT_NS.tr4, 'date-year-month', '2004年3月', '2004-03'],
    [IXT_NS.tr3, 'numdotdecimal', '1,234.50', '1234.50'],
    [IXT_NS.tr3, 'numcommadecimal', '1.234,5', '1234.5'],
    [IXT_NS.tr3, 'zerodash', '–', '0'],
    [IXT_NS.tr3, 'zerodash', '0', undefined],
    [IXT_NS.tr3, 'dateyearmonthday', '2003年12月31日', '2003-12-31'],
    [IXT_NS.tr3, 'dateerayearmonthdayjp', '平成15年12月31日', '2003-12-31'],
    [IXT_NS.tr3, 'datemonthdayyearen', 'December 31, 2003', '2003-12-31'],
    [IXT_NS.tr3, 'datedaymonthyear', '31/12/2003', '2003-12-31'],
    [IXT_NS.tr2, 'dateyearmonthdaycjk', '2003年12月31日', '2003-12-31'],
    [IXT_NS.tr1, 'numcommadot', '1,234.5', '1234.5'],
    [IXT_NS.tr1, 'numdash', '-', '0'],
    [IXT_NS.tr1, 'dateslashus', '12/31/2003', '2003-12-31'],
    [IXT_NS.ix10, 'numdotcomma', '1.234,5', '1234.5'],
  ];
  it.each(cases)('%s %s %j → %j', (ns, name, input, expected) => expect(fn(ns, name)(input)).toBe(expected));

  it('tells an unknown transformation from one this reader does not implement', () => {
    expect(lookupTransform(`{${IXT_NS.tr4}}num-dot-decimalz`)).toEqual({ ok: false, why: 'name' });
    expect(lookupTransform('{http://example.com/ixt}num-dot-decimal')).toEqual({ ok: false, why: 'namespace' });
    expect(lookupTransform(`{${SEC_NS}}countrynameen`)).toEqual({ ok: false, why: 'notImplemented' });
    expect(lookupTransform(`{${SEC_NS}}nosuchthing`)).toEqual({ ok: false, why: 'name' });
    // TR4 dropped the TR3 names.
    expect(lookupTransform(`{${IXT_NS.tr4}}zerodash`)).toEqual({ ok: false, why: 'name' });
  });
});

/**
 * Every function of Transformation Registries 1–5 against the reference processor: the fixture holds,
 * per function, what Arelle's own functions returned for a pool of inputs (dates in every registry
 * language, Japanese era and full-width forms, numbers) and the inputs they refused. Generated once
 * with Arelle; the test never runs it.
 */
describe('Transformation Registries 1–5 agree with the reference processor', () => {
  const table = arelle as unknown as Record<string, { ok: [string, string][]; refused: string[] }>;
  const names = Object.keys(table);
  it('covers every function of every registry', () => {
    expect(names.length).toBeGreaterThan(250);
    expect(names.filter((n) => !lookupTransform(n).ok)).toEqual([]);
  });
  it.each(names)('%s', (name) => {
    const found = lookupTransform(name);
    if (!found.ok) throw new Error(`${name}: ${found.why}`);
    const got = (s: string) => found.fn(s.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, ''));
    expect(table[name].ok.map(([input]) => [input, got(input)])).toEqual(table[name].ok);
    expect(table[name].refused.filter((input) => got(input) !== undefined)).toEqual([]);
  });
});

describe('the SEC transformation registry', () => {
  const sec = (name: string) => fn(SEC_NS, name);
  const cases: [string, string, string | undefined][] = [
    ['duryear', '2.5', 'P2Y6M'],
    ['duryear', '0', 'P0Y'],
    ['duryear', '-1.25', '-P1Y3M'],
    ['durmonth', '18', 'P18M'],
    ['durmonth', '1.5', 'P1M15D'],
    ['durweek', '2', 'P14D'],
    ['durday', '1.5', 'P1DT12H'],
    ['durhour', '36', 'PT36H'],
    ['duryear', 'two', undefined],
    ['durwordsen', 'five years', 'P5Y'],
    ['durwordsen', 'Two years, three months and 4 days', 'P2Y3M4D'],
    ['durwordsen', 'one hundred twenty days', 'P120D'],
    ['durwordsen', 'zero years', 'P0D'],
    ['durwordsen', 'five', undefined],
    ['numwordsen', 'no', '0'],
    ['numwordsen', 'None', '0'],
    ['numwordsen', 'twenty-one', '21'],
    ['numwordsen', 'One hundred and five', '105'],
    ['numwordsen', 'two million, three hundred thousand', '2300000'],
    ['numwordsen', 'twelve', '12'],
    ['numwordsen', 'lots', undefined],
    ['datequarterend', 'first quarter 2021', '2021-03-31'],
    ['datequarterend', '2020 Q4', '2020-12-31'],
    ['datequarterend', 'second quarter of 2024', '2024-06-30'],
    ['boolballotbox', '☐', 'false'],
    ['boolballotbox', '☒', 'true'],
    ['boolballotbox', '☑', 'true'],
    ['boolballotbox', 'x', undefined],
    ['yesnoballotbox', '☒', 'Yes'],
    ['exchnameen', 'The Nasdaq Stock Market LLC', 'NASDAQ'],
    ['exchnameen', 'New York Stock Exchange', 'NYSE'],
    ['exchnameen', 'NYSE American LLC', 'NYSEAMER'],
    ['exchnameen', 'Nasdaq Global Select Market', 'NASDAQ'],
    ['exchnameen', 'London Stock Exchange', undefined],
    ['stateprovnameen', 'Delaware', 'DE'],
    ['stateprovnameen', 'New  York', 'NY'],
    ['stateprovnameen', 'British Columbia', 'BC'],
    ['stateprovnameen', 'Bavaria', undefined],
    ['entityfilercategoryen', 'Large Accelerated Filer', 'Large Accelerated Filer'],
    ['entityfilercategoryen', 'Non-accelerated Filer', 'Non-accelerated Filer'],
    ['entityfilercategoryen', 'non accelerated filer', 'Non-accelerated Filer'],
    ['numinf', 'unlimited', 'INF'],
    ['numnan', 'n/a', 'NaN'],
  ];
  it.each(cases)('%s %j → %j', (name, input, expected) => expect(sec(name)(input)).toBe(expected));
});

describe('scale and sign, exactly', () => {
  const cases: [string, number, boolean, string | undefined][] = [
    ['7123', 6, false, '7123000000'],
    ['9633155', 3, true, '-9633155000'],
    ['5.9', -2, false, '0.059'],
    ['0.5', -3, false, '0.0005'],
    ['25.83', 0, false, '25.83'],
    ['1.50', 1, false, '15'],
    ['123456789012345678901234567890.123456789', 6, false, '123456789012345678901234567890123456.789'],
    ['0', 6, true, '0'],
    ['007', 0, false, '7'],
    ['1,234', 0, false, undefined],
    ['', 0, false, undefined],
  ];
  it.each(cases)('%s × 10^%d (negated: %s) = %s', (v, scale, neg, expected) =>
    expect(scaleDecimal(v, scale, neg)).toBe(expected),
  );
});

describe('ixt-sec:numwordsen short path', () => {
  const { NUM_WORDS_PATTERNS } =
    require('../../src/ixbrl/sec-transformations') as typeof import('../../src/ixbrl/sec-transformations');
  const ones =
    'one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen'.split(
      ' ',
    );
  const tens = 'twenty thirty forty fifty sixty seventy eighty ninety'.split(' ');
  const cased = (w: string) => [w, w[0].toUpperCase() + w.slice(1), w.toUpperCase()];
  const inputs = [
    ...[...ones, ...tens, 'zero', 'no', 'none', 'nil', 'hundred', 'thousand', 'million', 'and', 'nought'].flatMap(
      cased,
    ),
    ...tens.flatMap((t) =>
      ['one', 'five', 'nine', 'ten', 'eleven'].flatMap((d) => [
        `${t}-${d}`,
        `${t} ${d}`,
        `${t}\u2013${d}`,
        `${t}  ${d}`,
        `${cased(t)[1]}-${d}`,
      ]),
    ),
    ' five ',
    '\tfive\n',
    'five five',
    'one hundred',
    'twenty-one thousand',
    '',
    ' ',
  ];
  test('accepts only what the registry pattern accepts (it is the registry pattern, restricted)', () => {
    let short = 0;
    for (const text of inputs) {
      if (NUM_WORDS_PATTERNS.short.test(text)) {
        short++;
        expect([text, NUM_WORDS_PATTERNS.full.test(text)]).toEqual([text, true]);
      }
    }
    expect(short).toBeGreaterThan(150);
  });
});

describe('ixt-sec:durwordsen short path', () => {
  const { DUR_WORDS_PATTERNS, SEC } =
    require('../../src/ixbrl/sec-transformations') as typeof import('../../src/ixbrl/sec-transformations');
  const numbers = ['one', 'Five', 'twelve', 'twenty', 'twenty-one', 'Thirty five', 'ninety\u2013nine', 'zero', 'no'];
  const more = ['None', 'nil', 'one hundred', '7', '12', '2025', '12345', 'hundred', 'a', ''];
  const units = ['year', 'years', 'Year', 'month', 'Months', 'day', 'days', 'weeks', 'yr'];
  const inputs = [...numbers, ...more].flatMap((n) =>
    units.flatMap((u) => [
      `${n} ${u}`,
      `${n}-${u}`,
      ` ${n}\t${u}\n`,
      `${n}  ${u},`,
      `${n} ${u} and one day`,
      `${n}${u}`,
    ]),
  );
  test('takes only what the registry pattern takes, with the same parts', () => {
    let short = 0;
    for (const text of inputs) {
      const s = DUR_WORDS_PATTERNS.short.exec(text);
      if (!s) continue;
      short++;
      const f = DUR_WORDS_PATTERNS.full.exec(text);
      expect([text, f?.slice(1, 4)]).toEqual([text, [s[2] && s[1], s[3] && s[1], s[4] && s[1]]]);
    }
    expect(short).toBeGreaterThan(150);
  });
  test('values through the short path', () => {
    expect(
      ['one-year', 'Five Years', '30 days', 'twenty-one months', 'no days', ' 2 years\n'].map(SEC.durwordsen),
    ).toEqual(['P1Y', 'P5Y', 'P30D', 'P21M', 'P0D', 'P2Y']);
    expect(['one year and six months', 'one hundred days', 'five weeks'].map(SEC.durwordsen)).toEqual([
      'P1Y6M',
      'P100D',
      undefined,
    ]);
  });
});
