import { diag, type Diagnostic } from '../model';
import zlib from 'node:zlib';
import { crc32 as crc32Js } from '../util/zip';

/**
 * A guarded ZIP reader for the archives filers deliver (EDINET and TDnet zips, XBRL Report
 * Packages). The central directory is read record by record (names, sizes, attributes); the DEFLATE
 * data is inflated by Node's zlib with `maxOutputLength` (it stops one byte past what an entry
 * declares or the archive has left), and every guard holds the bytes actually inflated, not the
 * sizes the headers claim:
 *
 * - `zip:unsafePath`: an absolute name (`/x`, `C:x`), a `..` segment or a NUL: nothing is extracted
 *   outside the place the archive is unpacked to (zip slip);
 * - `zip:symlink`: an entry whose Unix mode (external attributes) is a symbolic link;
 * - `zip:tooLarge`: too many entries, an entry or the archive beyond the size limits, or an entry
 *   declaring more than `maxRatio` times its compressed size (zip bomb); an entry inflating past the
 *   size it declares is `zip:invalid`: inflation stops there, so memory stays bounded whatever the
 *   headers claim;
 * - `zip:invalid`: not a ZIP, truncated, overlapping entries (the overlapped-file bomb), duplicate
 *   names, an entry inflating to another size than declared, a CRC-32 mismatch;
 * - `zip:unsupported`: encrypted entries, archives spanning several disks, compression other than
 *   stored and deflate.
 *
 * ZIP64 (APPNOTE 6.3.10 §4.3.14–4.3.15, §4.5.3): the end record's and a central record's fields
 * that are all ones are read from the ZIP64 end record and the entry's ZIP64 extra field, under the
 * same guards (every offset inside the archive, no field missing, sizes within the limits).
 *
 * Any of these refuses the whole archive: a filing is read complete or not at all.
 */
export interface ZipLimits {
  maxEntries: number;
  /** Inflated bytes of one entry. */
  maxEntryBytes: number;
  /** Inflated bytes of all entries together. */
  maxTotalBytes: number;
  /** Declared inflated ÷ compressed size, for entries declaring more than `ratioGrace` bytes. */
  maxRatio: number;
  ratioGrace: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 10_000,
  maxEntryBytes: 256 * 2 ** 20,
  maxTotalBytes: 512 * 2 ** 20,
  // Real filings compress 10–40 times (HTML with repeated styles); deflate's ceiling is about 1032.
  maxRatio: 200,
  ratioGrace: 2 ** 20,
};

export interface ZipFileEntry {
  /** `/`-separated, normalised (no `.` or empty segments). */
  name: string;
  data: Uint8Array;
}

export type ZipCode = 'zip:invalid' | 'zip:symlink' | 'zip:tooLarge' | 'zip:unsafePath' | 'zip:unsupported';

class ZipProblem extends Error {
  constructor(
    readonly code: ZipCode,
    message: string,
    readonly entry?: string,
  ) {
    super(message);
  }
}

interface CdRecord {
  name: string;
  rawName: string;
  madeBy: number;
  flags: number;
  method: number;
  crc: number;
  csize: number;
  usize: number;
  extAttr: number;
  localOffset: number;
}

/** Node's native CRC-32 (Node ≥ 20.15: 7 times faster than the table in JS), else the project's. */
const crc32: (data: Uint8Array) => number =
  (zlib as unknown as { crc32?: (data: Uint8Array) => number }).crc32 ?? crc32Js;
const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;
const S_IFREG = 0o100000;
const S_IFDIR = 0o040000;

/** True when the bytes start like a ZIP archive (a local file header, or the end record of an empty one). */
export function looksLikeZip(head: Uint8Array): boolean {
  return head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && (head[2] === 3 || head[2] === 5);
}

/** Reads every file of the archive, or none with the reason (see above). Directories are not returned. */
export function readZip(
  bytes: Uint8Array,
  file: string,
  limits: Partial<ZipLimits> = {},
): { entries: ZipFileEntry[]; diagnostics: Diagnostic[] } {
  const lim = { ...DEFAULT_ZIP_LIMITS, ...limits };
  try {
    const records = centralDirectory(bytes, lim);
    checkLayout(bytes, records);
    const entries: ZipFileEntry[] = [];
    let total = 0;
    for (const r of records) {
      if (isDirectory(r)) continue;
      const data = inflateEntry(bytes, r, lim, lim.maxTotalBytes - total);
      total += data.length;
      entries.push({ name: r.name, data });
    }
    return { entries, diagnostics: [] };
  } catch (e) {
    if (!(e instanceof ZipProblem)) throw e;
    const where = e.entry === undefined ? '' : ` (entry ${JSON.stringify(e.entry)})`;
    return {
      entries: [],
      diagnostics: [
        diag(e.code, 'error', `${file}: ${e.message}${where}; the archive is not read.`, {
          source: { file, line: 1, column: 1 },
        }),
      ],
    };
  }
}

const u16 = (b: Uint8Array, o: number) => b[o] | (b[o + 1] << 8);
const u32 = (b: Uint8Array, o: number) => (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24)) >>> 0;

/** The end-of-central-directory record: searched backwards over at most a maximal comment. */
function endRecord(b: Uint8Array): number {
  for (let e = b.length - 22; e >= 0 && b.length - e <= 22 + 0xffff; e--) if (u32(b, e) === 0x06054b50) return e;
  throw new ZipProblem('zip:invalid', 'not a ZIP archive (no end of central directory record)');
}

/** An unsigned 64-bit little-endian field; zip:invalid past 2^53 (no archive held in memory is that large). */
function u64(b: Uint8Array, o: number): number {
  const hi = u32(b, o + 4);
  if (hi > 0x1fffff) throw new ZipProblem('zip:invalid', 'a ZIP64 field is larger than any archive');
  return hi * 2 ** 32 + u32(b, o);
}

/** Where the central directory is and how many records it has: from the end record, or from the ZIP64 end record its locator names. */
function directoryPlace(b: Uint8Array, e: number): { count: number; size: number; offset: number; end: number } {
  const place = { count: u16(b, e + 10), size: u32(b, e + 12), offset: u32(b, e + 16), end: e };
  const locator = e - 20;
  // Without a locator the fields are what they say (all ones included: the guards below judge them).
  if (locator < 0 || u32(b, locator) !== 0x07064b50) return place;
  // ZIP64 end of central directory locator: disk, offset of the ZIP64 end record, total disks.
  if (u32(b, locator + 4) !== 0 || u32(b, locator + 16) > 1)
    throw new ZipProblem('zip:unsupported', 'the archive spans several disks');
  const z = u64(b, locator + 8);
  if (z + 56 > locator || u32(b, z) !== 0x06064b50)
    throw new ZipProblem('zip:invalid', 'the ZIP64 end of central directory record is missing or damaged');
  if (u32(b, z + 16) !== 0 || u32(b, z + 20) !== 0 || u64(b, z + 24) !== u64(b, z + 32))
    throw new ZipProblem('zip:unsupported', 'the archive spans several disks');
  return { count: u64(b, z + 32), size: u64(b, z + 40), offset: u64(b, z + 48), end: z };
}

/** The values of a central record's fields that are all ones, from its ZIP64 extended information extra field (in the order the fields come). */
function zip64Fields(b: Uint8Array, p: number, r: CdRecord): void {
  const wanted = [r.usize === 0xffffffff, r.csize === 0xffffffff, r.localOffset === 0xffffffff];
  if (!wanted.some(Boolean)) return;
  const extraStart = p + 46 + u16(b, p + 28);
  const extraEnd = extraStart + u16(b, p + 30);
  for (let x = extraStart; x + 4 <= extraEnd; x += 4 + u16(b, x + 2)) {
    if (u16(b, x) !== 0x0001) continue;
    const end = x + 4 + u16(b, x + 2);
    let q = x + 4;
    const next = () => {
      if (q + 8 > end || end > extraEnd)
        throw new ZipProblem('zip:invalid', 'an entry’s ZIP64 extra field is too short', r.rawName);
      const v = u64(b, q);
      q += 8;
      return v;
    };
    if (wanted[0]) r.usize = next();
    if (wanted[1]) r.csize = next();
    if (wanted[2]) r.localOffset = next();
    return;
  }
  throw new ZipProblem('zip:invalid', 'an entry’s sizes call for ZIP64 but it has no ZIP64 extra field', r.rawName);
}

function centralDirectory(b: Uint8Array, lim: ZipLimits): CdRecord[] {
  const { count, size, offset, end: e } = directoryPlace(b, endRecord(b));
  if (count > lim.maxEntries)
    throw new ZipProblem('zip:tooLarge', `${count} entries, more than the limit of ${lim.maxEntries}`);
  if (offset + size > e) throw new ZipProblem('zip:invalid', 'the central directory lies outside the archive');
  const out: CdRecord[] = [];
  let p = offset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > e || u32(b, p) !== 0x02014b50)
      throw new ZipProblem('zip:invalid', `central directory record ${i + 1} is damaged`);
    const nameLen = u16(b, p + 28);
    const flags = u16(b, p + 8);
    const raw = b.subarray(p + 46, p + 46 + nameLen);
    const rawName = decodeName(raw, flags);
    const r: CdRecord = {
      rawName,
      name: safeName(rawName),
      madeBy: u16(b, p + 4),
      flags,
      method: u16(b, p + 10),
      crc: u32(b, p + 16),
      csize: u32(b, p + 20),
      usize: u32(b, p + 24),
      extAttr: u32(b, p + 38),
      localOffset: u32(b, p + 42),
    };
    if (p + 46 + nameLen + u16(b, p + 30) + u16(b, p + 32) > e)
      throw new ZipProblem('zip:invalid', `central directory record ${i + 1} is damaged`);
    zip64Fields(b, p, r);
    checkEntry(r, lim);
    out.push(r);
    p += 46 + nameLen + u16(b, p + 30) + u16(b, p + 32);
  }
  return out;
}

/** UTF-8 when flagged or valid; names without the flag from Japanese tools are often Shift_JIS. */
function decodeName(raw: Uint8Array, flags: number): string {
  if (flags & 0x800 || raw.every((c) => c < 0x80)) return Buffer.from(raw).toString('utf8');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(raw);
  } catch {
    // Loaded here only: iconv-lite and its tables cost start-up time that plain names never need.
    const iconv = require('iconv-lite') as typeof import('iconv-lite');
    return iconv.decode(Buffer.from(raw), 'cp932');
  }
}

/** The name as a relative `/`-separated path, or zip:unsafePath (zip slip). */
function safeName(raw: string): string {
  const name = raw.replace(/\\/g, '/');
  if (name.includes('\0')) throw new ZipProblem('zip:unsafePath', 'an entry name holds a NUL character', raw);
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name))
    throw new ZipProblem('zip:unsafePath', 'an entry has an absolute name', raw);
  const parts = name.split('/').filter((s) => s !== '' && s !== '.');
  if (parts.includes('..')) throw new ZipProblem('zip:unsafePath', 'an entry name climbs out with ".."', raw);
  return parts.join('/') + (name.endsWith('/') && parts.length ? '/' : '');
}

const unixMode = (r: CdRecord) => ([3, 19].includes(r.madeBy >> 8) ? r.extAttr >>> 16 : 0);
const isDirectory = (r: CdRecord) =>
  r.name.endsWith('/') || (unixMode(r) & S_IFMT) === S_IFDIR || (r.madeBy >> 8 === 0 && (r.extAttr & 0x10) !== 0);

function checkEntry(r: CdRecord, lim: ZipLimits): void {
  const type = unixMode(r) & S_IFMT;
  if (type === S_IFLNK) throw new ZipProblem('zip:symlink', 'an entry is a symbolic link', r.rawName);
  if (type !== 0 && type !== S_IFREG && type !== S_IFDIR)
    throw new ZipProblem('zip:unsupported', 'an entry is neither a file nor a directory', r.rawName);
  if (r.flags & 1) throw new ZipProblem('zip:unsupported', 'an entry is encrypted', r.rawName);
  if (r.method !== 0 && r.method !== 8)
    throw new ZipProblem('zip:unsupported', `compression method ${r.method} (only stored and deflate)`, r.rawName);
  if (r.usize > lim.maxEntryBytes)
    throw new ZipProblem(
      'zip:tooLarge',
      `an entry declares ${r.usize} bytes, more than ${lim.maxEntryBytes}`,
      r.rawName,
    );
  if (r.usize > lim.ratioGrace && r.usize > r.csize * lim.maxRatio)
    throw new ZipProblem('zip:tooLarge', `an entry declares a compression ratio above ${lim.maxRatio}`, r.rawName);
}

/** Entries must not share bytes (overlapping entries multiply one compressed stream) nor repeat a name. */
function checkLayout(b: Uint8Array, records: CdRecord[]): void {
  const names = new Set<string>();
  for (const r of records) {
    const key = r.name.replace(/\/$/, '');
    if (names.has(key)) throw new ZipProblem('zip:invalid', 'two entries have the same name', r.rawName);
    names.add(key);
  }
  const spans = records
    .map((r) => ({ r, start: r.localOffset, end: dataStart(b, r) + r.csize }))
    .sort((x, y) => x.start - y.start);
  for (let i = 1; i < spans.length; i++)
    if (spans[i].start < spans[i - 1].end)
      throw new ZipProblem('zip:invalid', 'entries overlap in the archive', spans[i].r.rawName);
}

function dataStart(b: Uint8Array, r: CdRecord): number {
  const p = r.localOffset;
  if (p + 30 > b.length || u32(b, p) !== 0x04034b50)
    throw new ZipProblem('zip:invalid', 'a local file header is missing', r.rawName);
  const start = p + 30 + u16(b, p + 26) + u16(b, p + 28);
  if (start + r.csize > b.length) throw new ZipProblem('zip:invalid', 'an entry is truncated', r.rawName);
  return start;
}

/** Inflates one entry; stops at the first limit passed. */
function inflateEntry(b: Uint8Array, r: CdRecord, lim: ZipLimits, totalLeft: number): Uint8Array {
  const start = dataStart(b, r);
  const comp = b.subarray(start, start + r.csize);
  let data: Uint8Array;
  if (r.method === 0) data = comp;
  else {
    // Node's zlib, told to stop past the entry's declared size (and what the archive has left):
    // inflation never writes a byte beyond either, whatever the data claims.
    const limit = Math.min(r.usize, totalLeft);
    try {
      data = zlib.inflateRawSync(comp, { maxOutputLength: Math.max(1, limit + 1) });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ERR_BUFFER_TOO_LARGE')
        throw new ZipProblem('zip:invalid', 'the compressed data of an entry is damaged', r.rawName);
      if (totalLeft < r.usize)
        throw new ZipProblem('zip:tooLarge', `the archive inflates past ${lim.maxTotalBytes} bytes`, r.rawName);
      // The declared size passed the size and ratio limits: the actual bytes are held to it.
      throw new ZipProblem('zip:invalid', `an entry inflates past the ${r.usize} bytes it declares`, r.rawName);
    }
  }
  if (data.length > totalLeft)
    throw new ZipProblem('zip:tooLarge', `the archive inflates past ${lim.maxTotalBytes} bytes`, r.rawName);
  if (data.length !== r.usize)
    throw new ZipProblem(
      'zip:invalid',
      `an entry inflates to ${data.length} bytes, not the ${r.usize} it declares`,
      r.rawName,
    );
  if (crc32(data) !== r.crc) throw new ZipProblem('zip:invalid', 'an entry fails its CRC-32 check', r.rawName);
  return data;
}
