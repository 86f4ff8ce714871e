import { excessDigits } from '../../src/validate/rules/calculation';
import { isDecimalLexical, toScaled } from '../../src/validate/facts';
import type { Fact } from '../../src/model';

/**
 * The hand-written scans that replaced regular expressions on the per-fact paths, checked against
 * the regular expressions they replaced over many generated strings.
 */
const REFERENCE_DECIMAL = /^[ \t\n\r]*[+-]?(\d+(\.\d*)?|\.\d+)[ \t\n\r]*$/;

/** A deterministic stream of short strings over the characters that matter. */
function* samples(n: number): Generator<string> {
  const alphabet = ['0', '1', '5', '9', '.', '-', '+', ' ', '\t', 'e', 'x', ''];
  let seed = 12345;
  const next = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed;
  };
  for (let i = 0; i < n; i++) {
    let s = '';
    const len = next() % 9;
    for (let k = 0; k < len; k++) s += alphabet[next() % alphabet.length];
    yield s;
  }
}

/** The regex-based excess-digit test this project used before, as the reference. */
function referenceExcess(value: string, d: number): boolean {
  const u = value.trim().replace(/^[+-]/, '');
  const dot = u.indexOf('.');
  const int = dot < 0 ? u : u.slice(0, dot);
  const frac = dot < 0 ? '' : u.slice(dot + 1);
  if (d >= 0) return /[1-9]/.test(frac.slice(d));
  return /[1-9]/.test(frac) || /[1-9]/.test(int.slice(Math.max(0, int.length + d)));
}

describe('per-fact lexical scans', () => {
  test('isDecimalLexical agrees with the xs:decimal regular expression on 20,000 strings', () => {
    let valid = 0;
    for (const s of samples(20000)) {
      expect([s, isDecimalLexical(s)]).toEqual([s, REFERENCE_DECIMAL.test(s)]);
      if (REFERENCE_DECIMAL.test(s)) valid++;
    }
    expect(valid).toBeGreaterThan(500); // the sample holds both kinds
    for (const s of ['1', '-1.', '+.5', ' 12 ', '0.000']) expect(isDecimalLexical(s)).toBe(true);
    for (const s of ['', '.', '-', '1e3', '1 2', '1..2', '\u00a01']) expect(isDecimalLexical(s)).toBe(false);
  });

  test('excessDigits agrees with the substring-and-regex version for every decimals from -8 to 8', () => {
    let flagged = 0;
    for (const s of samples(20000)) {
      if (!REFERENCE_DECIMAL.test(s)) continue;
      for (let d = -8; d <= 8; d++) {
        const f = { value: s, decimals: d } as Fact;
        expect([s, d, excessDigits(f)]).toEqual([s, d, referenceExcess(s, d)]);
        if (referenceExcess(s, d)) flagged++;
      }
    }
    expect(flagged).toBeGreaterThan(1000);
    expect(excessDigits({ value: '3204123456', decimals: -6 } as Fact)).toBe(true);
    expect(excessDigits({ value: '3204000000', decimals: -6 } as Fact)).toBe(false);
    expect(excessDigits({ value: '25.830', decimals: 2 } as Fact)).toBe(false);
    expect(excessDigits({ value: '25.831', decimals: 2 } as Fact)).toBe(true);
  });

  test('toScaled reads signs, whitespace and fractions exactly', () => {
    expect(toScaled('-1200', 0)).toBe(-1200n);
    expect(toScaled(' +12.5 ', 2)).toBe(1250n);
    expect(toScaled('.5', 1)).toBe(5n);
    expect(toScaled('12345678901234567890123', 0)).toBe(12345678901234567890123n);
  });
});
