/**
 * The one exact arithmetic for decimals, rounding and intervals (util/exact): capped decimals
 * decide as uncapped ones do, rounding matches decimal.js half-even, and duplicate consistency is
 * decided once for the mapping and the validator.
 */
import Decimal from 'decimal.js';
import {
  abs,
  add,
  cmp,
  decimalsClamp,
  decimalsOfPrecision,
  digitsOfValues,
  duplicateClass,
  formatQ,
  halfUnit,
  parseQ,
  roundHalfEven,
  sub,
  type Q,
} from '../../src/util/exact';
import { consistent } from '../../src/mapping/map-release';
import { classify } from '../../src/validate/rules/duplicates';
import type { Fact } from '../../src/model';

let seed = 4242;
const rand = (k: number) => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return seed % k;
};
const figure = () => {
  const int = String(rand(10 ** (1 + rand(6))));
  const places = rand(4);
  const frac = places ? `.${String(rand(10 ** places)).padStart(places, '0')}` : '';
  return `${rand(3) === 0 ? '-' : ''}${int}${frac}`;
};

/** |total − Σ parts| ≤ the sum of their half-widths: the Calc 1.1 test, exactly, with given decimals. */
function consistentSum(values: string[], decimals: number[]): boolean {
  let diff: Q = parseQ(values[0]);
  let tol: Q = halfUnit(decimals[0]);
  for (let i = 1; i < values.length; i++) {
    diff = sub(diff, parseQ(values[i]));
    tol = add(tol, halfUnit(decimals[i]));
  }
  return cmp(abs(diff), tol) <= 0;
}

describe('decimalsClamp', () => {
  test('capped decimals give the verdict uncapped ones give (2,000 seeded sums, decimals up to 60 past the digits)', () => {
    let mismatches = 0;
    let capped = 0;
    for (let k = 0; k < 2000; k++) {
      const terms = 2 + rand(25);
      const values = Array.from({ length: terms }, figure);
      // Make some sums close: the total is the sum of the parts, moved by a little.
      if (rand(2)) {
        const s = values.slice(1).reduce((a, v) => add(a, parseQ(v)), { n: 0n, d: 1n } as Q);
        values[0] = formatQ(add(s, parseQ(rand(2) ? '0.0001' : '-1')));
      }
      const decimals = values.map(() => (rand(3) === 0 ? rand(60) : rand(8) - 4));
      const clamp = decimalsClamp(decimals, digitsOfValues(values), terms);
      const clamped = decimals.map(clamp);
      if (clamped.some((d, i) => d !== decimals[i])) capped++;
      if (consistentSum(values, decimals) !== consistentSum(values, clamped)) mismatches++;
    }
    expect(capped).toBeGreaterThan(100);
    expect(mismatches).toBe(0);
  });
  test('a million decimals is capped to a few digits past the value; far below, to past its integer digits', () => {
    const clamp = decimalsClamp([1_000_000, -2], { int: 10, frac: 0 }, 8);
    expect(clamp(1_000_000)).toBeLessThan(10);
    expect(clamp(-2)).toBe(-2);
    expect(clamp(-1_000_000)).toBeGreaterThan(-20);
  });
});

describe('roundHalfEven', () => {
  test('matches decimal.js ROUND_HALF_EVEN on 2,000 seeded figures and decimals', () => {
    for (let k = 0; k < 2000; k++) {
      const v = figure();
      const d = rand(12) - 7;
      const want =
        d >= 0
          ? new Decimal(v).toDecimalPlaces(d, Decimal.ROUND_HALF_EVEN)
          : new Decimal(v)
              .div(new Decimal(10).pow(-d))
              .toDecimalPlaces(0, Decimal.ROUND_HALF_EVEN)
              .mul(new Decimal(10).pow(-d));
      expect(formatQ(roundHalfEven(parseQ(v), d))).toBe(want.isZero() ? '0' : want.toFixed());
    }
  });
  test('decimals a million either way cost nothing', () => {
    const t0 = Date.now();
    expect(formatQ(roundHalfEven(parseQ('1234.5'), 1_000_000))).toBe('1234.5');
    expect(formatQ(roundHalfEven(parseQ('1234.5'), -1_000_000))).toBe('0');
    expect(formatQ(roundHalfEven(parseQ('2.5'), 0))).toBe('2');
    expect(formatQ(roundHalfEven(parseQ('-3.5'), 0))).toBe('-4');
    expect(Date.now() - t0).toBeLessThan(100);
  });
});

test('decimalsOfPrecision: precision − exponent of the first significant digit − 1, exactly', () => {
  expect(decimalsOfPrecision('123.45', 3)).toBe(0);
  expect(decimalsOfPrecision('0.00123', 2)).toBe(4);
  expect(decimalsOfPrecision(' -1000 ', 2)).toBe(-2);
  expect(decimalsOfPrecision('0.000', 2)).toBeUndefined();
});

describe('duplicate consistency, decided once', () => {
  const fact = (value: string, decimals?: number): Fact =>
    ({
      concept: '{e}A',
      value,
      decimals,
      entity: { scheme: 's', identifier: 'e' },
      period: { type: 'forever' },
    }) as Fact;
  test.each([
    [
      [
        ['100', -1],
        ['100', -1],
      ],
      'complete',
    ],
    [
      [
        ['100', -1],
        ['101', -1],
      ],
      'inconsistent',
    ],
    [
      [
        ['1234', 0],
        ['1200', -2],
      ],
      'consistent',
    ],
    [
      [
        ['1250', 0],
        ['1200', -2],
      ],
      'consistent',
    ], // |1250 − 1200| = 50 ≤ 0.5 + 50
    [
      [
        ['1251', 0],
        ['1200', -2],
      ],
      'inconsistent',
    ],
    [
      [
        ['1.5', 1_000_000],
        ['1.50001', undefined],
      ],
      'inconsistent',
    ],
    [
      [
        ['1.5', 1_000_000],
        ['1.5', undefined],
      ],
      'consistent',
    ],
  ] as [[string, number | undefined][], string][])('%j is %s', (figures, cls) => {
    expect(duplicateClass(figures.map(([value, decimals]) => ({ value, decimals })))).toBe(cls);
    expect(
      classify(
        figures.map(([v, d]) => fact(v, d)),
        true,
      ),
    ).toBe(cls);
    if (figures.every(([, d]) => d !== undefined) && figures.length === 2) {
      const [a, b] = figures.map(([value, decimals]) => ({ value, decimals: decimals as number }));
      expect(consistent(a, b)).toBe(cls !== 'inconsistent');
    }
  });
});
