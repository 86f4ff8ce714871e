import { diag, type Diagnostic } from '../model';
import { firstInvalidUtf8 } from '../util/encoding';

export type Encoding = 'utf-8' | 'shift_jis';

export interface DecodeResult {
  text?: string;
  encoding?: Encoding;
  diagnostics: Diagnostic[];
}

/** Line (1-based) and column of a byte offset, counting LF as line end. */
function position(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset; i++)
    if (bytes[i] === 0x0a) {
      line++;
      start = i + 1;
    }
  return { line, column: offset - start + 1 };
}

/** Offset of the first byte that breaks Shift_JIS / CP932 lead-trail structure, or -1. */
function firstInvalidShiftJis(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    if (c < 0x80 || (c >= 0xa1 && c <= 0xdf)) {
      i++;
      continue;
    }
    if ((c >= 0x81 && c <= 0x9f) || (c >= 0xe0 && c <= 0xfc)) {
      const d = b[i + 1];
      if (d === undefined || d < 0x40 || d === 0x7f || d > 0xfc) return i;
      i += 2;
      continue;
    }
    return i;
  }
  return -1;
}

/** Shift_JIS / CP932 bytes → text; iconv-lite (and its tables) load only for such a release. */
function decodeCp932(bytes: Uint8Array): string {
  const iconv = require('iconv-lite') as typeof import('iconv-lite');
  return iconv.decode(Buffer.from(bytes), 'cp932');
}

/**
 * Bytes → text. Japanese releases arrive as UTF-8 (with or without BOM) or Shift_JIS/CP932, with
 * LF or CRLF; all of them decode to the same LF text so outputs are byte-identical.
 */
export function decodeRelease(bytes: Uint8Array, file: string, encoding?: Encoding | 'auto'): DecodeResult {
  const at = (offset: number) => ({ file, ...position(bytes, offset) });
  if (bytes.length === 0) {
    return {
      diagnostics: [
        diag(
          'release:emptyInput',
          'error',
          'The release file is empty; expected a release text with tab-separated tables.',
          { source: { file, line: 1, column: 1 }, expected: 'text', actual: '0 bytes' },
        ),
      ],
    };
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    return {
      diagnostics: [
        diag('release:binaryInput', 'error', 'The release file contains NUL bytes: it looks binary, expected text.', {
          source: at(nul),
          expected: 'text (UTF-8 or Shift_JIS)',
          actual: 'byte 0x00',
        }),
      ],
    };
  }
  let enc: Encoding;
  if (encoding && encoding !== 'auto') enc = encoding;
  else enc = firstInvalidUtf8(bytes) < 0 ? 'utf-8' : firstInvalidShiftJis(bytes) < 0 ? 'shift_jis' : 'utf-8';
  const bad = enc === 'utf-8' ? firstInvalidUtf8(bytes) : firstInvalidShiftJis(bytes);
  if (bad >= 0) {
    const hex = Array.from(bytes.subarray(bad, bad + 4))
      .map((x) => x.toString(16).padStart(2, '0'))
      .join(' ');
    return {
      diagnostics: [
        diag(
          'release:undecodableBytes',
          'error',
          `Bytes that are not valid ${enc === 'utf-8' ? 'UTF-8' : 'Shift_JIS'} (and no other supported encoding decodes the file).`,
          { source: at(bad), expected: 'UTF-8 or Shift_JIS/CP932 text', actual: `bytes ${hex}` },
        ),
      ],
    };
  }
  let text = enc === 'utf-8' ? Buffer.from(bytes).toString('utf8') : decodeCp932(bytes);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  text = text.replace(/\r\n?/g, '\n');
  return { text, encoding: enc, diagnostics: [] };
}
