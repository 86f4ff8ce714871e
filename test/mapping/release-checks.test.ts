import { consistent } from '../../src/mapping/map-release';

describe('consistent(): duplicates within rounding', () => {
  it.each([
    [{ value: '3204000000', decimals: -6 }, { value: '3204046000', decimals: -3 }, true],
    [{ value: '2198000000', decimals: -6 }, { value: '2198668000', decimals: -3 }, false],
    [{ value: '3204000000', decimals: -6 }, { value: '3205000000', decimals: -6 }, false],
    [{ value: '-49000000', decimals: -6 }, { value: '-48710000', decimals: -3 }, true],
  ])('%o ~ %o → %s', (a, b, ok) => expect(consistent(a, b)).toBe(ok));
});
