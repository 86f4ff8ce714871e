/**
 * Bytes of an XML document → text, as its XML declaration says (XML 1.0 §4.3.3, Appendix F): UTF-8
 * (the default; strict, an invalid byte is `xml:invalidEncoding` at its offset), UTF-16 by its
 * byte-order mark, and the legacy encodings common in Japanese filings (Shift_JIS, EUC-JP,
 * ISO-2022-JP, windows-31j) and Latin-1 through iconv-lite; any other is `xml:unsupportedEncoding`.
 * Also the nesting budget: an element depth beyond `maxDepth` is `xml:limitExceeded` before any
 * parser (or reader recursion) sees the document.
 */
import { diag, type Diagnostic, type LimitCode } from '../model';
import fs from 'node:fs';
import { isAscii } from 'node:buffer';
import { checkInputFile, readInputBytes } from '../util/confine';
import { decodeUtf8, placeOfByte } from '../util/encoding';
import { limitExceeded, limitsOf, type Limits } from '../util/limits';

const LEGACY: Record<string, string> = {
  shift_jis: 'Shift_JIS',
  'shift-jis': 'Shift_JIS',
  sjis: 'Shift_JIS',
  'x-sjis': 'Shift_JIS',
  'windows-31j': 'windows-31j',
  cp932: 'windows-31j',
  'euc-jp': 'EUC-JP',
  'iso-2022-jp': 'ISO-2022-JP',
  'iso-8859-1': 'ISO-8859-1',
  latin1: 'ISO-8859-1',
  'windows-1252': 'windows-1252',
};

/** The `encoding` of an XML declaration at the start of `b` (read as ASCII), lower-cased, or undefined. */
export function declaredEncoding(b: Uint8Array): string | undefined {
  const head = Buffer.from(b.buffer, b.byteOffset, Math.min(b.byteLength, 200)).toString('latin1');
  const m = /^(?:\uFEFF|\u00EF\u00BB\u00BF)?<\?xml\s[^?>]*?encoding\s*=\s*["']([A-Za-z][A-Za-z0-9._-]*)["']/.exec(head);
  return m?.[1].toLowerCase();
}

/** Whether bytes starting a document are UTF-8 by their XML declaration (none, utf-8 or us-ascii), with no UTF-16 byte-order mark. */
function isUtf8Document(b: Uint8Array): boolean {
  if ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff)) return false;
  const declared = declaredEncoding(b);
  return declared === undefined || declared === 'utf-8' || declared === 'utf8' || declared === 'us-ascii';
}

/** Decodes an XML document's bytes by its byte-order mark or declared encoding; a diagnostic when it cannot. */
export function decodeXml(
  b: Uint8Array,
  file: string,
  prefix: 'xml' | 'ixread' = 'xml',
): { text: string; diagnostic?: undefined } | { text?: undefined; diagnostic: Diagnostic } {
  const invalid: LimitCode = 'xml:invalidEncoding';
  if (b[0] === 0xff && b[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(b.subarray(2)) };
  if (b[0] === 0xfe && b[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(b.subarray(2)) };
  if (isUtf8Document(b)) return decodeUtf8(b, file, invalid);
  const declared = declaredEncoding(b) ?? '';
  const legacy = LEGACY[declared];
  const iconv = require('iconv-lite') as typeof import('iconv-lite');
  if (!legacy || !iconv.encodingExists(legacy))
    return {
      diagnostic: diag(
        'xml:unsupportedEncoding',
        'error',
        `${file} declares encoding "${declared}", which this reader does not read (UTF-8, UTF-16, Shift_JIS, EUC-JP, ISO-2022-JP, windows-31j, ISO-8859-1).`,
        { source: { file, line: 1, column: 1 }, actual: declared },
      ),
    };
  const text = iconv.decode(Buffer.from(b.buffer, b.byteOffset, b.byteLength), legacy);
  const bad = text.indexOf('\uFFFD');
  if (bad >= 0 && !Buffer.from(b).includes(Buffer.from([0xef, 0xbf, 0xbd]))) {
    const before = text.slice(0, bad).split('\n');
    return {
      diagnostic: diag(invalid, 'error', `${file} has bytes that are not ${legacy} (${prefix} reader).`, {
        source: { file, line: before.length, column: before[before.length - 1].length + 1 },
        expected: legacy,
      }),
    };
  }
  return { text };
}

/** Whether the start tag at `i` (`<` at i) names an element whose local name is `context` (any prefix). */
function isContextTag(text: string, i: number, end: number): boolean {
  let j = i + 1;
  while (j < end) {
    const c = text.charCodeAt(j);
    if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x3e || c === 0x2f) break;
    j++;
  }
  return j - i - 1 >= 7 && text.startsWith('context', j - 7) && (j - 8 === i || text.charCodeAt(j - 8) === 0x3a);
}

/**
 * The first limit of the reading budget an XML text exceeds: element nesting deeper than
 * `maxDepth`, or more than `maxContexts` elements named `context` (XBRL contexts; in Inline XBRL
 * they are the header's), with the value and the line and column where it was exceeded.
 * Linear; skips comments, CDATA, processing instructions, declarations and quoted attribute
 * values, so a `>` or `/>` inside them does not count.
 */
export function overBudget(
  text: string,
  limits: Pick<Limits, 'maxDepth' | 'maxContexts'>,
): { limit: 'maxDepth' | 'maxContexts'; value: number; line: number; column: number } | undefined {
  let depth = 0;
  let contexts = 0;
  const n = text.length;
  const where = (i: number) => {
    const before = text.slice(0, i);
    return { line: before.split('\n').length, column: i - before.lastIndexOf('\n') };
  };
  for (let i = text.indexOf('<'); i >= 0 && i < n; i = text.indexOf('<', i)) {
    const c = text.charCodeAt(i + 1);
    if (c === 0x21 /* ! */) {
      const end = text.startsWith('<!--', i)
        ? text.indexOf('-->', i + 4)
        : text.startsWith('<![CDATA[', i)
          ? text.indexOf(']]>', i + 9)
          : text.indexOf('>', i + 2);
      if (end < 0) return undefined;
      i = end + 1;
    } else if (c === 0x3f /* ? */) {
      const end = text.indexOf('?>', i + 2);
      if (end < 0) return undefined;
      i = end + 2;
    } else if (c === 0x2f /* / */) {
      depth--;
      i += 2;
    } else {
      let j = i + 1;
      let quote = 0;
      for (; j < n; j++) {
        const d = text.charCodeAt(j);
        if (quote) {
          if (d === quote) quote = 0;
        } else if (d === 0x22 || d === 0x27) quote = d;
        else if (d === 0x3e /* > */) break;
      }
      if (text.charCodeAt(j - 1) !== 0x2f && ++depth > limits.maxDepth)
        return { limit: 'maxDepth', value: depth, ...where(i) };
      if (isContextTag(text, i, j) && ++contexts > limits.maxContexts)
        return { limit: 'maxContexts', value: contexts, ...where(i) };
      i = j + 1;
    }
  }
  return undefined;
}

/**
 * Reads an XML document the user or the confinement resolver named: a regular file within
 * `maxBytes`, decoded (see `decodeXml`), no deeper than `maxDepth`. Diagnostics instead of text
 * when any of these fails.
 */
export function readXmlDocument(
  path: string,
  file: string,
  partial?: Partial<Limits>,
  prefix: 'xml' | 'ixread' = 'xml',
  /** False when the caller's own scanner keeps to the depth and contexts budget (and falls back to a reading that checks it). */
  checkDepth = true,
): { text?: string; diagnostics: Diagnostic[] } {
  const limits = limitsOf(partial);
  const read = readInputBytes(path, file, limits.maxBytes);
  if ('diagnostic' in read) return { diagnostics: [read.diagnostic] };
  const bytes = read.bytes;
  const decoded = decodeXml(bytes, file, prefix);
  if (decoded.diagnostic) return { diagnostics: [decoded.diagnostic] };
  const text = decoded.text.charCodeAt(0) === 0xfeff ? decoded.text.slice(1) : decoded.text;
  const over = checkDepth ? budgetProblem(text, file, limits, prefix) : undefined;
  return over ? { diagnostics: [over] } : { text, diagnostics: [] };
}

/** The reading budget's finding for a decoded text (nesting depth and contexts, one linear pass), if it exceeds it. */
export function budgetProblem(
  text: string,
  file: string,
  limits: Limits,
  prefix: 'xml' | 'ixread',
): Diagnostic | undefined {
  const over = overBudget(text, limits);
  if (!over) return undefined;
  return limitExceeded(
    prefix === 'ixread' ? 'ixread:limitExceeded' : 'xml:limitExceeded',
    over.limit === 'maxDepth' ? 'Element nesting depth' : 'Number of contexts',
    over.limit,
    over.value,
    { file, line: over.line, column: over.column },
    limits,
  );
}

export { placeOfByte };

/** Documents from this size are offered in pieces to readers that scan pieces (`xmlPieces`). */
export const PIECES_FROM = 4 * 1024 * 1024;
/** The bytes read at a time: small enough that each piece of text is a young, short-lived string. */
const PIECE_BYTES = 64 * 1024;

/** Whether UTF-8 bytes end inside a multi-byte sequence (its lead byte among the last three). */
function endsInSequence(b: Uint8Array): boolean {
  for (let i = b.length - 1; i >= Math.max(0, b.length - 3); i--) {
    const c = b[i];
    if (c < 0x80) return false;
    if (c >= 0xc0) return i + (c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2) > b.length;
  }
  return false;
}

/**
 * A large UTF-8 (or ASCII) XML document the user named, as pieces of text for a streaming scan
 * (`scanXmlPieces`), so that neither its bytes nor its whole text are held: 64 KiB read at a time
 * into one buffer. Undefined when the document is better read whole by `readXmlDocument` (smaller
 * than `from`, another encoding, or not readable: that read then says why). `next()` gives null
 * when the bytes stop being UTF-8, the file grows past `maxBytes` or a read fails: the caller
 * then reads the document whole, which reports it where it is. The caller closes it.
 */
export function xmlPieces(
  path: string,
  file: string,
  limits: Pick<Limits, 'maxBytes'>,
  from = PIECES_FROM,
): { next: () => string | null | undefined; close: () => void } | undefined {
  const checked = checkInputFile(path, undefined, undefined, file, limits.maxBytes);
  if ('diagnostic' in checked || checked.size < from) return undefined;
  let fd: number;
  try {
    fd = fs.openSync(checked.path, 'r');
  } catch {
    return undefined;
  }
  const buf = Buffer.allocUnsafe(PIECE_BYTES);
  const close = () => fs.closeSync(fd);
  /** Reads after the `kept` bytes at the start of the buffer; their count, or undefined when the read fails. */
  let kept = 0;
  const read = (): number | undefined => {
    try {
      return fs.readSync(fd, buf, kept, PIECE_BYTES - kept, null);
    } catch {
      return undefined;
    }
  };
  const first = read();
  const head = first === undefined ? undefined : buf.subarray(0, first);
  if (!head || !isUtf8Document(head)) {
    close();
    return undefined;
  }
  kept = head.length;
  let total = kept;
  let eof = false;
  let done = false;
  let decoder: InstanceType<typeof TextDecoder> | undefined;
  let inSequence = false;
  const next = (): string | null | undefined => {
    if (done) return undefined;
    let n = kept;
    if (!eof && kept < PIECE_BYTES) {
      const got = read();
      if (got === undefined || (total += got) > limits.maxBytes) return null;
      eof = got === 0;
      n += got;
    }
    if (n === 0) {
      done = true;
      try {
        return decoder ? decoder.decode() : undefined; // a sequence cut at the end throws (fatal)
      } catch {
        return null;
      }
    }
    // Each piece ends just before its last '<' (an ASCII byte, never inside a UTF-8 sequence), so the
    // scan of a piece sees every tag in it whole; the bytes from that '<' on start the next piece.
    let cut = eof ? n : buf.lastIndexOf(0x3c, n - 1);
    if (cut <= 0) cut = n;
    const b = buf.subarray(0, cut);
    let piece: string;
    try {
      // ASCII (most of most instances) straight from the bytes; the rest through a strict UTF-8 decoder
      // that carries a sequence cut between pieces (and drops the byte-order mark at the start).
      if (!inSequence && isAscii(b)) piece = b.toString('latin1');
      else {
        decoder ??= new TextDecoder('utf-8', { fatal: true });
        inSequence = endsInSequence(b);
        piece = decoder.decode(b, { stream: true });
      }
    } catch {
      return null;
    }
    buf.copy(buf, 0, cut, n);
    kept = n - cut;
    return piece;
  };
  return { next, close };
}
