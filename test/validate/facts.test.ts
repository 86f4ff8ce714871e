import type { Fact } from '../../src/model';
import { effectiveDecimals } from '../../src/validate/facts';

const fact = (value: string, precision: number): Fact =>
  ({
    concept: '{http://example.com}A',
    value,
    precision,
    entity: { scheme: 's', identifier: 'e' },
    period: { type: 'instant', instant: '2003-12-31' },
  }) as Fact;

describe('effectiveDecimals from precision (XBRL 2.1 §4.6.6)', () => {
  test.each([
    ['123.45', 3, 0],
    ['0.00123', 2, 4],
    ['-1000', 2, -2],
    // One below a power of ten in more digits than a double holds: a float logarithm rounds it up to 1000 and gives -1.
    ['999.99999999999999999', 3, 0],
    ['0.099999999999999999999', 1, 2],
  ])('%s with precision %d has %d decimals', (value, precision, decimals) => {
    expect(effectiveDecimals(fact(value, precision))).toBe(decimals);
  });
});
