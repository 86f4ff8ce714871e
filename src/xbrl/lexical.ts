/** Lexical forms of XML Schema types that every stage reads (shared by the taxonomy reader and the validator). */

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
