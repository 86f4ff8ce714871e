/** Strict UTF-8: bytes that are not UTF-8 are a coded finding at their place, never U+FFFD. */
import { isAscii, isUtf8 } from 'node:buffer';
import { diag, type Diagnostic, type LimitCode } from '../model';

/**
 * The byte offset of the first byte sequence that is not UTF-8 (RFC 3629), or -1. Linear, no
 * allocation; valid input (nearly all of it) is recognised by Node's vectorised `isUtf8` first.
 */
export function firstInvalidUtf8(b: Uint8Array, start = 0, end = b.length): number {
  if (isUtf8(b.subarray(start, end))) return -1;
  let i = start;
  while (i < end) {
    const c = b[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    let n: number;
    let min: number;
    if (c >= 0xc2 && c <= 0xdf) [n, min] = [1, 0x80];
    else if (c >= 0xe0 && c <= 0xef) [n, min] = [2, 0x800];
    else if (c >= 0xf0 && c <= 0xf4) [n, min] = [3, 0x10000];
    else return i;
    if (i + n >= end) return i;
    let cp = c & (0x3f >> n);
    for (let k = 1; k <= n; k++) {
      const d = b[i + k];
      if ((d & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (d & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += n + 1;
  }
  return -1;
}

/** Line and column (1-based; column in characters) of byte `offset` in UTF-8 bytes valid before it. */
export function placeOfByte(b: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let column = 1;
  for (let i = 0; i < offset; i++) {
    const c = b[i];
    if (c === 0x0a) {
      line++;
      column = 1;
    } else if ((c & 0xc0) !== 0x80) column++;
  }
  return { line, column };
}

/**
 * Decodes UTF-8 bytes (a leading byte-order mark dropped), or reports the first invalid byte with
 * `code` at its line, column and byte offset.
 */
export function decodeUtf8(
  b: Uint8Array,
  file: string,
  code: LimitCode,
): { text: string; diagnostic?: undefined } | { text?: undefined; diagnostic: Diagnostic } {
  // ASCII (most instances) becomes a one-byte string straight from the bytes, without UTF-8 decoding.
  if (isAscii(b)) return { text: Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('latin1') };
  // The native check first (one fast pass); the byte-by-byte search only to place an error.
  const bad = isUtf8(b) ? -1 : firstInvalidUtf8(b);
  if (bad >= 0) {
    const hex = [...b.subarray(bad, Math.min(bad + 4, b.length))].map((x) => x.toString(16).padStart(2, '0'));
    return {
      diagnostic: diag(code, 'error', `${file} is not UTF-8 at byte ${bad} (bytes ${hex.join(' ')}).`, {
        source: { file, ...placeOfByte(b, bad) },
        expected: 'UTF-8',
        actual: `byte offset ${bad}`,
      }),
    };
  }
  const start = b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0;
  return { text: Buffer.from(b.buffer, b.byteOffset + start, b.byteLength - start).toString('utf8') };
}
