import Decimal from 'decimal.js';
import {
  add,
  cmp,
  div,
  formatScaled,
  halfUnit,
  mul,
  parseQ,
  pow10Q,
  shiftDecimal,
  sub,
  toFixedQ,
} from '../src/util/exact';

/** The bigint fractions of the release checks against decimal.js, which they replace, on seeded random figures. */
let seed = 12345;
const rand = (n: number) => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return seed % n;
};
function figure(): string {
  const int = String(rand(10 ** (1 + rand(9))));
  const places = rand(4);
  const frac = places ? `.${String(rand(10 ** places)).padStart(places, '0')}` : '';
  return `${rand(3) === 0 ? '-' : ''}${int}${frac}`;
}
/** Decimal with enough precision that its results are exact (or rounded far beyond what is printed). */
const D = Decimal.clone({ precision: 200 });

test('parse, add, subtract, multiply and compare are exact', () => {
  for (let k = 0; k < 2000; k++) {
    const [a, b] = [figure(), figure()];
    const [qa, qb] = [parseQ(a), parseQ(b)];
    expect(cmp(add(qa, qb), parseQ(new D(a).plus(b).toFixed()))).toBe(0);
    expect(cmp(sub(qa, qb), parseQ(new D(a).minus(b).toFixed()))).toBe(0);
    expect(cmp(mul(qa, qb), parseQ(new D(a).times(b).toFixed()))).toBe(0);
    expect(cmp(qa, qb)).toBe(new D(a).cmp(b));
  }
});

test('toFixedQ rounds half away from zero, as decimal.js toFixed does', () => {
  for (let k = 0; k < 2000; k++) {
    const [a, b] = [figure(), figure()];
    if (new D(b).isZero()) continue;
    const places = rand(4);
    const q = div(parseQ(a), parseQ(b));
    expect(toFixedQ(q, places)).toBe(new D(a).div(b).toFixed(places));
    expect(toFixedQ(q, places, true)).toBe(new D(a).div(b).toDecimalPlaces(places).toFixed(places));
  }
  expect(toFixedQ(parseQ('0.005'), 2)).toBe('0.01');
  expect(toFixedQ(parseQ('-0.005'), 2)).toBe('-0.01');
  expect(toFixedQ(parseQ('-0.001'), 2)).toBe('-0.00');
  expect(toFixedQ(parseQ('-0.001'), 2, true)).toBe('0.00');
});

test('half units and powers of ten for any number of places', () => {
  for (let p = -12; p <= 12; p++) {
    expect(cmp(halfUnit(p), parseQ(new D(10).pow(-p).div(2).toFixed()))).toBe(0);
    expect(cmp(pow10Q(p), parseQ(new D(10).pow(p).toFixed()))).toBe(0);
  }
});

test('shiftDecimal writes value × 10^power as decimal.js toFixed() does', () => {
  for (let k = 0; k < 2000; k++) {
    const a = figure();
    const power = rand(13) - 6;
    let expected = new D(a).times(new D(10).pow(power));
    if (expected.isZero()) expected = new D(0);
    expect(shiftDecimal(a, power)).toBe(expected.toFixed());
  }
  expect(shiftDecimal('-0', 6)).toBe('0');
  expect(shiftDecimal('007.50', 0)).toBe('7.5');
  expect(shiftDecimal('25.83', 6)).toBe('25830000');
  expect(() => parseQ('1e3')).toThrow();
});

describe('formatScaled', () => {
  test.each([
    [123456n, 2, '1234.56'],
    [-5n, 3, '-0.005'],
    [1000n, 2, '10'],
    [0n, 4, '0'],
    [-120n, 0, '-120'],
    [7n, 0, '7'],
    [10n, 1, '1'],
  ])('%s × 10^-%d = %s', (n, scale, text) => expect(formatScaled(n, scale)).toBe(text));
});
