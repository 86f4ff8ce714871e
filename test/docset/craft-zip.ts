import zlib from 'node:zlib';
import { crc32 } from '../../src/util/zip';

/** One entry of a crafted archive; every header field can be set to lie. */
export interface CraftEntry {
  name: string;
  data?: Uint8Array | string;
  /** 8: deflate (default), 0: stored. */
  method?: number;
  /** The uncompressed size the headers declare (default: the true size). */
  declaredSize?: number;
  crc?: number;
  flags?: number;
  /** Version made by: high byte 3 = Unix (default), 0 = MS-DOS. */
  madeBy?: number;
  extAttr?: number;
  /** The compressed bytes as stored, instead of deflating `data`. */
  raw?: Uint8Array;
}

/** ZIP64 (APPNOTE §4.3.14–4.3.15, §4.5.3): all-ones 32-bit fields, ZIP64 extra fields and the ZIP64 end record and locator. */
export interface Zip64Options {
  /** Leave the ZIP64 extra field out of the central records (a lie: the fields call for it). */
  noExtra?: boolean;
  /** Where the locator says the ZIP64 end record is (default: where it is). */
  endOffset?: number;
  /** Total entries the ZIP64 end record declares (default: the true count). */
  count?: number;
}

const u64 = (n: number) => {
  const b = Buffer.alloc(8);
  b.writeBigUInt64LE(BigInt(n));
  return b;
};

/** Builds a ZIP archive byte by byte, so that tests can plant what a hostile archive holds; `zip64` writes it as ZIP64. */
export function craftZip(entries: CraftEntry[], zip64?: Zip64Options): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const data = typeof e.data === 'string' ? Buffer.from(e.data, 'utf8') : Buffer.from(e.data ?? new Uint8Array());
    const method = e.method ?? 8;
    const comp = e.raw ? Buffer.from(e.raw) : method === 8 ? zlib.deflateRawSync(data) : data;
    const name = Buffer.from(e.name, 'utf8');
    const size = e.declaredSize ?? data.length;
    const crc = e.crc ?? crc32(data);
    const flags = e.flags ?? 0x800;
    const localExtra = zip64
      ? Buffer.concat([Buffer.from([1, 0, 16, 0]), u64(size), u64(comp.length)])
      : Buffer.alloc(0);
    const dirExtra =
      zip64 && !zip64.noExtra
        ? Buffer.concat([Buffer.from([1, 0, 24, 0]), u64(size), u64(comp.length), u64(offset)])
        : Buffer.alloc(0);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(zip64 ? 0xffffffff : comp.length, 18);
    local.writeUInt32LE(zip64 ? 0xffffffff : size, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(localExtra.length, 28);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(e.madeBy ?? 0x0314, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(flags, 8);
    dir.writeUInt16LE(method, 10);
    dir.writeUInt32LE(crc, 16);
    dir.writeUInt32LE(zip64 ? 0xffffffff : comp.length, 20);
    dir.writeUInt32LE(zip64 ? 0xffffffff : size, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt16LE(dirExtra.length, 30);
    dir.writeUInt32LE(e.extAttr ?? (e.name.endsWith('/') ? 0o040755 << 16 : 0o100644 << 16) >>> 0, 38);
    dir.writeUInt32LE(zip64 ? 0xffffffff : offset, 42);
    parts.push(local, name, localExtra, comp);
    central.push(dir, name, dirExtra);
    offset += local.length + name.length + localExtra.length + comp.length;
  }
  const size = central.reduce((s, b) => s + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(zip64 ? 0xffff : entries.length, 8);
  end.writeUInt16LE(zip64 ? 0xffff : entries.length, 10);
  end.writeUInt32LE(zip64 ? 0xffffffff : size, 12);
  end.writeUInt32LE(zip64 ? 0xffffffff : offset, 16);
  if (!zip64) return Buffer.concat([...parts, ...central, end]);
  const record = Buffer.alloc(56);
  record.writeUInt32LE(0x06064b50, 0);
  u64(44).copy(record, 4);
  record.writeUInt16LE(45, 12);
  record.writeUInt16LE(45, 14);
  u64(zip64.count ?? entries.length).copy(record, 24);
  u64(zip64.count ?? entries.length).copy(record, 32);
  u64(size).copy(record, 40);
  u64(offset).copy(record, 48);
  const locator = Buffer.alloc(20);
  locator.writeUInt32LE(0x07064b50, 0);
  u64(zip64.endOffset ?? offset + size).copy(locator, 8);
  locator.writeUInt32LE(1, 16);
  return Buffer.concat([...parts, ...central, record, locator, end]);
}
