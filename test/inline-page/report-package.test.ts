import fs from 'node:fs';
import path from 'node:path';
import { toReportPackage, XBRI_DOCUMENT_TYPE } from '../../src/inline-page/report-package';

const ROOT = path.join(__dirname, '../..');
const name = 'iij-20031231-ja.xhtml';
const content = fs.readFileSync(path.join(ROOT, 'instances', name), 'utf8');

/** CRC-32 computed bit by bit (independent of the writer's table). */
function crc(data: Buffer): number {
  let c = ~0;
  for (const byte of data) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

/** Reads a ZIP through its central directory, checking each local header against it. */
function unzip(zip: Buffer): Map<string, Buffer> {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  expect(eocd).toBe(zip.length - 22);
  const count = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  const out = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    expect(zip.readUInt32LE(p)).toBe(0x02014b50);
    const method = zip.readUInt16LE(p + 10);
    const sum = zip.readUInt32LE(p + 16);
    const size = zip.readUInt32LE(p + 20);
    const nameLen = zip.readUInt16LE(p + 28);
    const extra = zip.readUInt16LE(p + 30) + zip.readUInt16LE(p + 32);
    const local = zip.readUInt32LE(p + 42);
    const entryName = zip.subarray(p + 46, p + 46 + nameLen).toString('utf8');
    expect(zip.readUInt32LE(local)).toBe(0x04034b50);
    expect(zip.subarray(local + 30, local + 30 + nameLen).toString('utf8')).toBe(entryName);
    const start = local + 30 + nameLen + zip.readUInt16LE(local + 28);
    const data = zip.subarray(start, start + size);
    expect([entryName, method, crc(data)]).toEqual([entryName, 0, sum]);
    out.set(entryName, data);
    p += 46 + nameLen + extra;
  }
  return out;
}

describe('XBRL Report Package (.xbri)', () => {
  const pkg = toReportPackage({ name, content });

  it('holds the report under reports/ and the xbri document type in META-INF/reportPackage.json, in one top-level directory', () => {
    expect(pkg.name).toBe('iij-20031231-ja.xbri');
    const files = unzip(Buffer.from(pkg.bytes));
    expect([...files.keys()]).toEqual([
      'iij-20031231-ja/META-INF/reportPackage.json',
      `iij-20031231-ja/reports/${name}`,
    ]);
    expect(JSON.parse(files.get('iij-20031231-ja/META-INF/reportPackage.json')!.toString('utf8'))).toEqual({
      documentInfo: { documentType: XBRI_DOCUMENT_TYPE },
    });
    expect(files.get(`iij-20031231-ja/reports/${name}`)!.toString('utf8')).toBe(content);
  });

  it('is byte-identical on every run', () => {
    expect(Buffer.from(toReportPackage({ name, content }).bytes).equals(Buffer.from(pkg.bytes))).toBe(true);
  });
});
