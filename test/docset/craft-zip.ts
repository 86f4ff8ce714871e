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

/** Builds a ZIP archive byte by byte, so that tests can plant what a hostile archive holds. */
export function craftZip(entries: CraftEntry[]): Buffer {
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
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(comp.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(e.madeBy ?? 0x0314, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(flags, 8);
    dir.writeUInt16LE(method, 10);
    dir.writeUInt32LE(crc, 16);
    dir.writeUInt32LE(comp.length, 20);
    dir.writeUInt32LE(size, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(e.extAttr ?? (e.name.endsWith('/') ? 0o040755 << 16 : 0o100644 << 16) >>> 0, 38);
    dir.writeUInt32LE(offset, 42);
    parts.push(local, name, comp);
    central.push(dir, name);
    offset += local.length + name.length + comp.length;
  }
  const size = central.reduce((s, b) => s + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(size, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, ...central, end]);
}
