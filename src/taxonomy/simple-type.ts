/**
 * Values against XML Schema simple types: the built-in's lexical space (xbrl/lexical's one check), the
 * built-in integer types' value ranges, and the constraining facets of each restriction step of the
 * declared type (pattern, enumeration, lengths, bounds, digits; XML Schema Part 2 §4.3). Used where the
 * validator meets a value of a declared type outside a fact (XBRL Dimensions typed members).
 */
import type { Concept, Facets } from '../model';
import { cmp, parseQ, type Q } from '../util/exact';
import { checkLexical } from '../xbrl/lexical';

/** What a simple type needs of its concept: the built-in whose lexical space applies, and the facets of its restrictions. */
export type SimpleType = Pick<Concept, 'xsd' | 'facets'>;

const DECIMALS = new Set([
  'decimal',
  'integer',
  'nonNegativeInteger',
  'positiveInteger',
  'nonPositiveInteger',
  'negativeInteger',
  'long',
  'int',
  'short',
  'byte',
  'unsignedLong',
  'unsignedInt',
  'unsignedShort',
  'unsignedByte',
]);

/** Value ranges of the built-in integer types (XML Schema Part 2 §3.3), those their lexical check leaves open. */
const RANGES: Record<string, [bigint | undefined, bigint | undefined]> = {
  nonPositiveInteger: [undefined, 0n],
  negativeInteger: [undefined, -1n],
  long: [-(2n ** 63n), 2n ** 63n - 1n],
  int: [-(2n ** 31n), 2n ** 31n - 1n],
  short: [-32768n, 32767n],
  byte: [-128n, 127n],
  unsignedLong: [0n, 2n ** 64n - 1n],
  unsignedInt: [0n, 2n ** 32n - 1n],
  unsignedShort: [0n, 65535n],
  unsignedByte: [0n, 255n],
};

/** The value after the type's whiteSpace facet: strings keep it, normalizedString replaces it, everything else collapses. */
function normalize(xsd: string | undefined, raw: string): string {
  if (xsd === 'string') return raw;
  const replaced = raw.replace(/[\t\n\r]/g, ' ');
  return xsd === 'normalizedString' ? replaced : replaced.replace(/ +/g, ' ').trim();
}

/** A decimal value as an exact fraction, or undefined when it is not one (a float's exponent, a date). */
function decimalOf(s: string): Q | undefined {
  try {
    return parseQ(s.trim());
  } catch {
    return undefined;
  }
}

/** Digits of a decimal's canonical form: all significant ones, and those after the point. */
function digits(s: string): { total: number; fraction: number } {
  const body = s.trim().replace(/^[+-]/, '');
  const [int, frac = ''] = body.split('.');
  const f = frac.replace(/0+$/, '');
  const i = int.replace(/^0+/, '');
  return { total: Math.max(1, i.length + f.length), fraction: f.length };
}

/**
 * Why `raw` is not a value of the simple type `t` (what was expected), or undefined when it is. Facets it
 * cannot evaluate (a pattern JavaScript cannot express, bounds of dates and durations) are passed over.
 */
export function simpleValueIssue(t: SimpleType, raw: string): string | undefined {
  const v = normalize(t.xsd, raw);
  const lexical = checkLexical(t.xsd, v);
  if (lexical) return lexical.expected;
  const numeric = t.xsd !== undefined && DECIMALS.has(t.xsd);
  const range = t.xsd !== undefined && Object.hasOwn(RANGES, t.xsd) ? RANGES[t.xsd] : undefined;
  if (range) {
    // nonPositiveInteger and negativeInteger have no lexical check of their own: the integer form first.
    if (!/^[+-]?\d+$/.test(v)) return `an xs:${t.xsd}`;
    const n = BigInt(v.replace(/^\+/, ''));
    if ((range[0] !== undefined && n < range[0]) || (range[1] !== undefined && n > range[1]))
      return `an xs:${t.xsd} (${range[0] ?? '−∞'} to ${range[1] ?? '∞'})`;
  }
  for (const f of t.facets ?? []) {
    const issue = facetIssue(f, v, numeric, t.xsd);
    if (issue) return issue;
  }
  return undefined;
}

/** The first facet of one restriction step that `v` (already normalised) does not meet. */
function facetIssue(f: Facets, v: string, numeric: boolean, xsd: string | undefined): string | undefined {
  if (f.pattern) {
    const res = f.pattern.map(xsdPattern);
    if (res.every((r) => r !== undefined) && !res.some((r) => r!.test(v)))
      return `a value matching ${f.pattern.map((p) => `"${p}"`).join(' or ')}`;
  }
  const q = numeric ? decimalOf(v) : undefined;
  // Enumerations compare values: decimals exactly, floats as numbers; QNames would need the schema's and the
  // instance's prefixes, so they are not compared (never a false report).
  if (f.enumeration && xsd !== 'QName' && xsd !== 'NOTATION') {
    const float = xsd === 'float' || xsd === 'double';
    const same = q
      ? (e: string) => decimalOf(e) !== undefined && cmp(decimalOf(e)!, q) === 0
      : float
        ? (e: string) => Number(e.trim()) === Number(v) || e.trim() === v
        : (e: string) => e === v;
    if (!f.enumeration.some(same)) return `one of ${f.enumeration.map((e) => `"${e}"`).join(', ')}`;
  }
  // Lengths count characters; binary types count octets and QNames are not measured (XML Schema Part 2 §4.3.1).
  if (!numeric && !['hexBinary', 'base64Binary', 'QName', 'NOTATION'].includes(xsd ?? '')) {
    const n = [...v].length;
    if (f.length !== undefined && n !== f.length) return `exactly ${f.length} characters`;
    if (f.minLength !== undefined && n < f.minLength) return `at least ${f.minLength} characters`;
    if (f.maxLength !== undefined && n > f.maxLength) return `at most ${f.maxLength} characters`;
  }
  if (!q) return undefined;
  const bound = (b: string | undefined, ok: (c: number) => boolean, says: string): string | undefined => {
    const x = b === undefined ? undefined : decimalOf(b);
    return x && !ok(cmp(q, x)) ? `a value ${says} ${b}` : undefined;
  };
  const outside =
    bound(f.minInclusive, (c) => c >= 0, '≥') ??
    bound(f.maxInclusive, (c) => c <= 0, '≤') ??
    bound(f.minExclusive, (c) => c > 0, '>') ??
    bound(f.maxExclusive, (c) => c < 0, '<');
  if (outside) return outside;
  const d = digits(v);
  if (f.totalDigits !== undefined && d.total > f.totalDigits) return `at most ${f.totalDigits} digits`;
  if (f.fractionDigits !== undefined && d.fraction > f.fractionDigits)
    return `at most ${f.fractionDigits} fraction digits`;
  return undefined;
}

// XML 1.0 (fifth edition) NameStartChar and NameChar, the classes of \i and \c (XML Schema Part 2 §F.1.1).
const NAME_START = ':A-Z_a-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C\\u200D\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD\\u{10000}-\\u{EFFFF}';
const NAME = `${NAME_START}\\-.0-9\\u00B7\\u0300-\\u036F\\u203F-\\u2040`;
/** XML Schema's multi-character escapes as JavaScript (`u` flag): outside a class, and inside one (undefined: not expressible there). */
const MULTI: Record<string, [string, string | undefined]> = {
  s: ['[ \\t\\n\\r]', ' \\t\\n\\r'],
  S: ['[^ \\t\\n\\r]', undefined],
  d: ['\\p{Nd}', '\\p{Nd}'],
  D: ['\\P{Nd}', '\\P{Nd}'],
  w: ['[^\\p{P}\\p{Z}\\p{C}]', undefined],
  W: ['[\\p{P}\\p{Z}\\p{C}]', '\\p{P}\\p{Z}\\p{C}'],
  i: [`[${NAME_START}]`, NAME_START],
  I: [`[^${NAME_START}]`, undefined],
  c: [`[${NAME}]`, NAME],
  C: [`[^${NAME}]`, undefined],
};

const compiled = new Map<string, RegExp | undefined>();

/**
 * An XML Schema regular expression (Part 2 Appendix F) as an anchored JavaScript one, or undefined when it
 * uses what JavaScript cannot express here (class subtraction, Unicode block escapes `\p{IsBasicLatin}`).
 */
export function xsdPattern(p: string): RegExp | undefined {
  if (compiled.has(p)) return compiled.get(p);
  let out = '';
  let inClass = false;
  let ok = true;
  for (let i = 0; i < p.length && ok; i++) {
    const ch = p[i];
    if (ch === '\\' && i + 1 < p.length) {
      const e = p[++i];
      const multi = Object.hasOwn(MULTI, e) ? MULTI[e] : undefined;
      if (multi) {
        const js = inClass ? multi[1] : multi[0];
        if (js === undefined) ok = false;
        else out += js;
      } else if ((e === 'p' || e === 'P') && p.startsWith('{Is', i + 1)) ok = false;
      else if (e === '-' && !inClass) out += '-';
      else out += `\\${e}`;
    } else if (inClass) {
      if (ch === '[' || (ch === '-' && p[i + 1] === '[')) ok = false;
      else if (ch === ']') inClass = false;
      out += ch;
    } else if (ch === '[') {
      inClass = true;
      out += ch;
      if (p[i + 1] === '^') out += p[++i];
      if (p[i + 1] === ']' || p[i + 1] === '-') out += `\\${p[++i]}`;
    } else if (ch === '.') out += '[^\\n\\r]';
    else if (ch === '^' || ch === '$') out += `\\${ch}`;
    else out += ch;
  }
  let re: RegExp | undefined;
  if (ok) {
    try {
      re = new RegExp(`^(?:${out})$`, 'u');
    } catch {
      re = undefined;
    }
  }
  compiled.set(p, re);
  return re;
}
