import { lookupTransform, scaleDecimal, type Transform } from '../../src/ixbrl/transformations';
import { IXT_NS } from '../../src/xbrl/ix';

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
    expect(lookupTransform(`{${IXT_NS.tr4}}date-day-monthname-year-de`)).toEqual({ ok: false, why: 'notImplemented' });
    // TR4 dropped the TR3 names.
    expect(lookupTransform(`{${IXT_NS.tr4}}zerodash`)).toEqual({ ok: false, why: 'name' });
  });
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
