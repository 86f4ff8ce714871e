import { compareText } from '../src/util/compare-text';

describe('compareText', () => {
  it('orders by UTF-16 code units, as the default sort does', () => {
    const words = ['pure', 'USD', 'JPYPershares', 'JPYPerUSD', 'shares', 'yk', 'kk', 'ik', 'Ä', 'a'];
    expect([...words].sort(compareText)).toEqual([...words].sort());
    expect(compareText('USD', 'pure')).toBeLessThan(0);
    expect(compareText('pure', 'USD')).toBeGreaterThan(0);
    expect(compareText('2003-12-31', '2003-12-31')).toBe(0);
  });

  it("gives an order that a locale-aware comparison would not (so no output depends on the machine's locale)", () => {
    // A locale-aware comparison puts lowercase "pure" before "USD"; a Lithuanian one puts "yk" before "kk".
    expect('pure'.localeCompare('USD', 'en')).toBeLessThan(0);
    expect('yk'.localeCompare('kk', 'lt')).toBeLessThan(0);
    expect(compareText('pure', 'USD')).toBeGreaterThan(0);
    expect(compareText('yk', 'kk')).toBeGreaterThan(0);
  });
});
