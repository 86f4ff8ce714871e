/**
 * Lexical forms of XML Schema types that every stage reads (shared by the taxonomy reader, the
 * instance readers and the validator). Every attribute or value whose lexical space is checked is
 * read through `checkLexical`, which names the code to report and what was expected.
 */
import type { DiagnosticCode } from '../model';

const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d;
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;

/**
 * An xs:decimal lexical form, surrounding XML whitespace allowed: `[+-]?(\d+(\.\d*)?|\.\d+)`.
 * Note: by hand rather than by regular expression; every numeric fact passes here several times.
 */
export function isDecimalLexical(s: string): boolean {
  let i = 0;
  let n = s.length;
  while (i < n && isSpace(s.charCodeAt(i))) i++;
  while (n > i && isSpace(s.charCodeAt(n - 1))) n--;
  if (i < n && (s.charCodeAt(i) === 0x2b || s.charCodeAt(i) === 0x2d)) i++;
  let digits = 0;
  while (i < n && isDigit(s.charCodeAt(i))) {
    i++;
    digits++;
  }
  if (i < n && s.charCodeAt(i) === 0x2e) {
    i++;
    while (i < n && isDigit(s.charCodeAt(i))) {
      i++;
      digits++;
    }
  }
  return digits > 0 && i === n;
}

/** Digits without a sign or a leading zero (or "0" alone): already the canonical form of the integer. */
export function isCanonicalInteger(s: string): boolean {
  const n = s.length;
  if (n === 0 || (s.charCodeAt(0) === 0x30 && n > 1)) return false;
  for (let i = 0; i < n; i++) if (!isDigit(s.charCodeAt(i))) return false;
  return true;
}

/** `-?\d+`, without whitespace or a plus sign: what BigInt() reads exactly as written. */
export function isPlainInteger(s: string): boolean {
  const n = s.length;
  let i = n > 0 && s.charCodeAt(0) === 0x2d ? 1 : 0;
  if (i === n) return false;
  for (; i < n; i++) if (!isDigit(s.charCodeAt(i))) return false;
  return true;
}

/** A value outside its lexical space: the code to report and what the space is. */
export interface LexicalIssue {
  code: DiagnosticCode;
  expected: string;
}

const INTEGER = /^[+-]?\d+$/;
const FLOAT = /^(\+?INF|-INF|NaN|[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?)$/;
const DATE = /^(-?\d{4,})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(Z|[+-]\d{2}:\d{2})?$/;
const DATETIME = /^-?\d{4,}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/;
const MONTH_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
/** An xs:date whose day exists in its month (Date.parse takes 2024-02-30 for 1 March; the 29th of February only in leap years). */
function validDate(s: string): boolean {
  const m = DATE.exec(s);
  if (!m) return false;
  const day = Number(m[3]);
  const month = Number(m[2]);
  if (day <= 28 || (month !== 2 && day <= MONTH_DAYS[month - 1])) return true;
  if (month !== 2 || day > 29) return false;
  const y = BigInt(m[1]);
  return y % 4n === 0n && (y % 100n !== 0n || y % 400n === 0n);
}
/** xbrli:dateUnion: an xs:date or an xs:dateTime. */
export const dateUnion = (s: string): boolean => validDate(s) || DATETIME.test(s);

/** The lexical spaces `checkLexical` knows: XBRL's accuracy attributes, Inline XBRL's scale, XML Schema built-ins. */
const SPACES: Record<string, { test: (s: string) => boolean; code: DiagnosticCode; expected: string }> = {
  // XBRL 2.1 §4.6.5 / §4.6.4 (xbrli:decimalsType, xbrli:precisionType): unions of an integer type and INF.
  decimals: { test: (s) => s === 'INF' || INTEGER.test(s), code: 'xbrl.4.6.5:decimals', expected: 'an integer or INF' },
  precision: {
    test: (s) => s === 'INF' || /^\+?\d+$/.test(s),
    code: 'xbrl.4.6.4:precision',
    expected: 'a non-negative integer or INF',
  },
  scale: { test: (s) => INTEGER.test(s), code: 'xmlSchema:valueError', expected: 'an integer' },
  decimal: { test: isDecimalLexical, code: 'xmlSchema:valueError', expected: 'an xs:decimal' },
  float: { test: (s) => FLOAT.test(s), code: 'xmlSchema:valueError', expected: 'an xs:float' },
  integer: { test: (s) => INTEGER.test(s), code: 'xmlSchema:valueError', expected: 'an xs:integer' },
  nonNegativeInteger: {
    test: (s) => /^\+?\d+$/.test(s) || /^-0+$/.test(s),
    code: 'xmlSchema:valueError',
    expected: 'a non-negative integer',
  },
  positiveInteger: {
    test: (s) => /^\+?0*[1-9]\d*$/.test(s),
    code: 'xmlSchema:valueError',
    expected: 'a positive integer',
  },
  date: { test: validDate, code: 'xmlSchema:valueError', expected: 'an xs:date' },
  dateTime: { test: (s) => DATETIME.test(s), code: 'xmlSchema:valueError', expected: 'an xs:dateTime' },
  dateUnion: { test: dateUnion, code: 'xmlSchema:valueError', expected: 'an xs:date or xs:dateTime' },
  gYear: {
    test: (s) => /^-?\d{4,}(Z|[+-]\d{2}:\d{2})?$/.test(s),
    code: 'xmlSchema:valueError',
    expected: 'an xs:gYear',
  },
  boolean: { test: (s) => /^(true|false|1|0)$/.test(s), code: 'xmlSchema:valueError', expected: 'an xs:boolean' },
};
for (const t of ['double']) SPACES[t] = SPACES.float;
for (const t of ['long', 'int', 'short', 'byte']) SPACES[t] = SPACES.integer;
for (const t of ['unsignedLong', 'unsignedInt', 'unsignedShort', 'unsignedByte']) SPACES[t] = SPACES.nonNegativeInteger;

/**
 * The one lexical check: `raw` (XML whitespace around it collapsed) against the lexical space of
 * `type`; undefined when it is in it, or when the type's space is not checked (strings, QNames…).
 * Never throws, whatever `raw` is.
 */
export function checkLexical(type: string | undefined, raw: string): LexicalIssue | undefined {
  const space = type === undefined ? undefined : Object.hasOwn(SPACES, type) ? SPACES[type] : undefined;
  if (!space || space.test(raw.trim())) return undefined;
  return { code: space.code, expected: space.expected };
}

/**
 * A `decimals` or `precision` attribute (or OIM property) as the model keeps it: `INF`, an integer,
 * or NaN with the issue to report when it is not in its lexical space. An integer too large for a
 * double is kept as ±Number.MAX_SAFE_INTEGER, which says the same (the arithmetic clamps it).
 */
export function readAccuracy(
  type: 'decimals' | 'precision',
  raw: string,
): { value: number | 'INF'; issue?: LexicalIssue } {
  if (isPlainInteger(raw) && (type === 'decimals' || raw.charCodeAt(0) !== 0x2d) && raw.length < 16)
    return { value: Number(raw) }; // the usual `-6`, without a regular expression
  const issue = checkLexical(type, raw);
  if (issue) return { value: NaN, issue };
  const t = raw.trim();
  if (t === 'INF') return { value: 'INF' };
  const n = Number(t);
  return { value: Number.isSafeInteger(n) ? n : Math.sign(n) * Number.MAX_SAFE_INTEGER };
}
