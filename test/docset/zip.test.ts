import zlib from 'node:zlib';
import { readZip, looksLikeZip } from '../../src/docset/zip';
import { zipStore } from '../../src/util/zip';
import { craftZip } from './craft-zip';

const codes = (r: ReturnType<typeof readZip>) => r.diagnostics.map((d) => d.code);

describe('readZip: the archives filers deliver', () => {
  it('reads deflated and stored entries, with their names normalised, and skips directories', () => {
    const zip = craftZip([
      { name: 'XBRLData/', data: '' },
      { name: 'XBRLData/Summary/a.htm', data: '<html>a</html>'.repeat(50) },
      { name: 'XBRLData/./Attachment/manifest.xml', data: '<manifest/>', method: 0 },
    ]);
    const r = readZip(zip, 'f.zip');
    expect(r.diagnostics).toEqual([]);
    expect(r.entries.map((e) => e.name)).toEqual(['XBRLData/Summary/a.htm', 'XBRLData/Attachment/manifest.xml']);
    expect(Buffer.from(r.entries[0].data).toString()).toBe('<html>a</html>'.repeat(50));
  });

  it('reads what the project’s own writer (stored entries) writes', () => {
    const r = readZip(zipStore([{ name: 'p/reports/x.xhtml', data: Buffer.from('x') }]), 'p.xbri');
    expect(r.entries).toEqual([{ name: 'p/reports/x.xhtml', data: Buffer.from('x') }]);
  });

  it('decodes Shift_JIS names that carry no UTF-8 flag (Japanese archivers)', () => {
    const zip = craftZip([{ name: 'x', data: 'a', flags: 0 }]);
    // plant the Shift_JIS bytes of 決算.htm (same length as the placeholder in both headers)
    const sjis = Buffer.from([0x8c, 0x88, 0x8e, 0x5a, 0x2e, 0x68, 0x74, 0x6d]);
    const planted = craftZip([{ name: 'xxxxxxxx', data: 'a', flags: 0 }]);
    for (let i = planted.indexOf('xxxxxxxx'); i >= 0; i = planted.indexOf('xxxxxxxx', i + 1)) sjis.copy(planted, i);
    expect(readZip(zip, 'f.zip').entries[0].name).toBe('x');
    expect(readZip(planted, 'f.zip').entries[0].name).toBe('決算.htm');
  });

  it.each([['../evil.htm'], ['XBRLData/../../evil.htm'], ['/etc/passwd'], ['C:/Windows/evil.htm'], ['..\\evil.htm']])(
    'zip slip: %s → zip:unsafePath, nothing read',
    (name) => {
      const r = readZip(
        craftZip([
          { name: 'ok.htm', data: 'ok' },
          { name, data: 'x' },
        ]),
        'f.zip',
      );
      expect(codes(r)).toEqual(['zip:unsafePath']);
      expect(r.entries).toEqual([]);
      expect(r.diagnostics[0].message).toContain(JSON.stringify(name));
    },
  );

  it('a symbolic link (Unix mode in the external attributes) → zip:symlink', () => {
    const link = { name: 'XBRLData/link', data: '/etc/passwd', method: 0, extAttr: (0o120777 << 16) >>> 0 };
    expect(codes(readZip(craftZip([link]), 'f.zip'))).toEqual(['zip:symlink']);
    // the same entry made on MS-DOS carries no Unix mode: a file
    expect(codes(readZip(craftZip([{ ...link, madeBy: 0x0014, extAttr: 0 }]), 'f.zip'))).toEqual([]);
  });

  it('zip bomb, honest header: a declared ratio above the limit is refused before inflating', () => {
    const zeros = new Uint8Array(16 * 2 ** 20);
    const r = readZip(craftZip([{ name: 'bomb.htm', data: zeros }]), 'f.zip');
    expect(codes(r)).toEqual(['zip:tooLarge']);
    expect(r.diagnostics[0].message).toMatch(/compression ratio above 200/);
  });

  it('zip bomb, lying header: the inflated bytes are counted, and inflation stops past the declared size', () => {
    // 32 MiB of zeros whose compressed stream is damaged near its end: stopping early is the only
    // way to report the size rather than the damage (inflating it all would reach the damage).
    const raw = Buffer.from(zlib.deflateRawSync(new Uint8Array(32 * 2 ** 20)));
    expect(raw.length).toBeGreaterThan(16 * 1024 + 1024);
    raw.fill(0xff, raw.length - 1024);
    const r = readZip(craftZip([{ name: 'bomb.htm', raw, declaredSize: 1000, crc: 0 }]), 'f.zip');
    expect(codes(r)).toEqual(['zip:invalid']);
    expect(r.diagnostics[0].message).toMatch(/inflates past the 1000 bytes it declares/);
    // the same damaged stream declared at its full size is inflated up to the damage
    const full = readZip(craftZip([{ name: 'bomb.htm', raw, declaredSize: 32 * 2 ** 20, crc: 0 }]), 'f.zip', {
      maxRatio: 2000,
    });
    expect(full.diagnostics[0].message).toMatch(/damaged/);
  });

  it('per-entry and total limits: declared or actual bytes over the limit → zip:tooLarge', () => {
    const big = { name: 'a.htm', data: 'x'.repeat(5000) };
    expect(codes(readZip(craftZip([big]), 'f.zip', { maxEntryBytes: 4000 }))).toEqual(['zip:tooLarge']);
    const two = craftZip([big, { ...big, name: 'b.htm' }]);
    expect(codes(readZip(two, 'f.zip', { maxTotalBytes: 8000 }))).toEqual(['zip:tooLarge']);
    expect(codes(readZip(two, 'f.zip', { maxTotalBytes: 10000 }))).toEqual([]);
    expect(codes(readZip(two, 'f.zip', { maxEntries: 1 }))).toEqual(['zip:tooLarge']);
  });

  it('damaged archives → zip:invalid: not a zip, truncated, CRC mismatch, duplicate names, overlapping entries', () => {
    expect(codes(readZip(Buffer.from('<html/>'), 'f.zip'))).toEqual(['zip:invalid']);
    const ok = craftZip([{ name: 'a.htm', data: 'hello world '.repeat(100) }]);
    expect(codes(readZip(ok.subarray(0, 40), 'f.zip'))).toEqual(['zip:invalid']);
    const badData = Buffer.from(ok);
    badData[40] ^= 0xff;
    expect(codes(readZip(badData, 'f.zip'))).toEqual(['zip:invalid']);
    expect(codes(readZip(craftZip([{ name: 'a.htm', data: 'a', crc: 1 }]), 'f.zip'))).toEqual(['zip:invalid']);
    expect(
      codes(
        readZip(
          craftZip([
            { name: 'a.htm', data: 'a' },
            { name: 'a.htm', data: 'b' },
          ]),
          'f.zip',
        ),
      ),
    ).toEqual(['zip:invalid']);
    // the overlapped-file bomb: two central directory records pointing at one local entry
    const one = craftZip([
      { name: 'a.htm', data: 'a' },
      { name: 'b.htm', data: 'b' },
    ]);
    const cd = one.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    one.writeUInt32LE(0, cd + 42);
    expect(codes(readZip(one, 'f.zip'))).toEqual(['zip:invalid']);
  });

  it('unsupported: encrypted entries, other compression methods', () => {
    expect(codes(readZip(craftZip([{ name: 'a', data: 'a', flags: 0x801 }]), 'f.zip'))).toEqual(['zip:unsupported']);
    expect(codes(readZip(craftZip([{ name: 'a', data: 'a', method: 14, raw: Buffer.from('a') }]), 'f.zip'))).toEqual([
      'zip:unsupported',
    ]);
  });

  it('ZIP64: sizes and offsets from the ZIP64 extra fields, the directory from the ZIP64 end record', () => {
    const entries = [
      { name: 'XBRLData/Summary/a.htm', data: '<html>a</html>'.repeat(50) },
      { name: 'XBRLData/manifest.xml', data: '<manifest/>', method: 0 },
    ];
    const zip = craftZip(entries, {});
    expect(zip.includes(Buffer.from([0x50, 0x4b, 0x06, 0x06]))).toBe(true); // a ZIP64 end record, as crafted
    const r = readZip(zip, 'f.zip');
    expect(r.diagnostics).toEqual([]);
    expect(r.entries.map((e) => [e.name, Buffer.from(e.data).toString()])).toEqual(
      entries.map((e) => [e.name, e.data]),
    );
  });

  it('ZIP64 under the same guards: a missing extra field, a locator pointing astray, too many entries, zip slip, a bomb', () => {
    const one = [{ name: 'a.htm', data: 'hello '.repeat(100) }];
    const refused = (zip: Buffer, limits = {}) => {
      const r = readZip(zip, 'f.zip', limits);
      expect(r.entries).toEqual([]);
      return r.diagnostics.map((d) => `${d.code} ${d.message}`);
    };
    expect(refused(craftZip(one, { noExtra: true }))).toEqual([
      expect.stringMatching(/^zip:invalid .*no ZIP64 extra field/),
    ]);
    expect(refused(craftZip(one, { endOffset: 3 }))).toEqual([expect.stringMatching(/^zip:invalid .*ZIP64 end/)]);
    expect(refused(craftZip(one, { endOffset: 2 ** 40 }))).toEqual([expect.stringMatching(/^zip:invalid/)]);
    expect(refused(craftZip(one, { count: 2 ** 40 }))).toEqual([expect.stringMatching(/^zip:tooLarge .*entries/)]);
    expect(refused(craftZip([{ name: '../evil.htm', data: 'x' }], {}))).toEqual([
      expect.stringMatching(/^zip:unsafePath/),
    ]);
    expect(refused(craftZip([{ name: 'bomb.htm', data: new Uint8Array(16 * 2 ** 20) }], {}))).toEqual([
      expect.stringMatching(/^zip:tooLarge .*compression ratio/),
    ]);
  });

  it('never throws on random bytes after a ZIP signature (fuzz)', () => {
    const base = craftZip([
      { name: 'a.htm', data: 'hello world '.repeat(200) },
      { name: 'b/c.xml', data: '<x/>' },
    ]);
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const base64 = craftZip(
      [
        { name: 'a.htm', data: 'hello world '.repeat(200) },
        { name: 'b/c.xml', data: '<x/>' },
      ],
      {},
    );
    for (let i = 0; i < 1000; i++) {
      const b = Buffer.from(i % 2 ? base64 : base);
      for (let k = 0; k < 4; k++) b[Math.floor(rnd() * b.length)] = Math.floor(rnd() * 256);
      const r = readZip(b, 'f.zip');
      expect(r.entries.length === 0 || r.diagnostics.length === 0).toBe(true);
    }
  });

  it('looksLikeZip tells archives from documents by their first bytes', () => {
    expect(looksLikeZip(craftZip([]))).toBe(true);
    expect(looksLikeZip(craftZip([{ name: 'a', data: 'a' }]))).toBe(true);
    expect(looksLikeZip(Buffer.from('<?xml'))).toBe(false);
  });
});

describe('readZip under seeded mutation', () => {
  it('never throws: 3,000 mutated archives each read whole or refused with zip: codes, none inflating past its limit', () => {
    const base = craftZip([
      { name: 'XBRLData/Summary/a.htm', data: '<html><body>売上高 1,234</body></html>'.repeat(40) },
      { name: 'XBRLData/Attachment/manifest.xml', data: '<manifest/>', method: 0 },
      { name: 'XBRLData/Attachment/b.htm', data: 'x'.repeat(3000) },
    ]);
    let seed = 11;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const seen = new Set<string>();
    for (let i = 0; i < 3000; i++) {
      let b = Buffer.from(base);
      for (let k = 1 + rnd(4); k > 0; k--) {
        const op = rnd(3);
        if (op === 0) b[rnd(b.length)] = rnd(256);
        else if (op === 1) b = b.subarray(0, rnd(b.length));
        else b[rnd(b.length)] ^= 1 << rnd(8);
      }
      const r = readZip(b, 'f.zip', { maxTotalBytes: 8000 });
      if (r.diagnostics.length) {
        expect(r.entries).toEqual([]);
        for (const d of r.diagnostics) seen.add(d.code);
      } else expect(r.entries.reduce((s, e) => s + e.data.length, 0)).toBeLessThanOrEqual(8000);
    }
    expect([...seen].every((c) => c.startsWith('zip:'))).toBe(true);
    expect(seen.has('zip:invalid')).toBe(true);
  });
});
