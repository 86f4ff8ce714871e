import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { convert, convertBytes } from '../../src/convert';

const ROOT = path.join(__dirname, '../..');
const RELEASE = path.join(ROOT, 'releases/iij-2004-02-12-3q-fy2003.txt');
const bytes = fs.readFileSync(RELEASE);
const both = convert(RELEASE, { lang: 'both' });

describe('the bundled release', () => {
  it('converts without errors', () => {
    expect(both.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(both.ok).toBe(true);
  });

  it('accounts for every figure cell of both parts (zero unaccounted)', () => {
    for (const lang of ['en', 'ja']) {
      const c = both.coverage[lang];
      expect(c.cells).toBeGreaterThan(500);
      expect(c.unaccounted).toBe(0);
      expect(c.facts + c.provenance + c.derived).toBe(c.cells);
    }
  });

  it('committed instances/ equal a fresh conversion, byte for byte', () => {
    expect([...both.outputs.keys()].sort()).toEqual([
      'iij-20031231-en.xhtml',
      'iij-20031231-ja.xhtml',
      'iij-20031231.facts.csv',
      'iij-20031231.facts.json',
      'iij-20031231.json',
      'iij-20031231.report.json',
      'iij-20031231.xbrl-csv.facts.csv',
      'iij-20031231.xbrl-csv.json',
      'iij-20031231.xbrl-csv.notes.csv',
      'iij-20031231.xml',
    ]);
    for (const [name, content] of both.outputs) {
      expect(fs.readFileSync(path.join(ROOT, 'instances', name), 'utf8')).toBe(content);
    }
  });

  it('is deterministic', () => {
    const again = convertBytes(bytes, RELEASE, { lang: 'both' });
    for (const [name, content] of both.outputs) expect(again.outputs.get(name)).toBe(content);
  });

  it('converts to the same bytes from UTF-8, UTF-8 with BOM, Shift_JIS and CRLF input', () => {
    // Shift_JIS has no superscript digits or en dash: a Shift_JIS release writes ※1 and a hyphen.
    const sup: Record<string, string> = {
      '¹': '1',
      '²': '2',
      '³': '3',
      '⁴': '4',
      '⁵': '5',
      '⁶': '6',
      '⁷': '7',
      '⁸': '8',
    };
    const text = bytes
      .toString('utf8')
      .replace(/[¹²³⁴⁵⁶⁷⁸]/g, (c) => `※${sup[c]}`)
      .replace(/–/g, '-');
    expect(iconv.decode(iconv.encode(text, 'cp932'), 'cp932')).toBe(text);
    const base = convertBytes(Buffer.from(text, 'utf8'), RELEASE, { lang: 'both' });
    expect(base.ok).toBe(true);
    expect(base.facts.length).toBe(both.facts.length);
    const variants = {
      sjis: iconv.encode(text, 'cp932'),
      sjisCrlf: iconv.encode(text.replace(/\n/g, '\r\n'), 'cp932'),
      bom: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]),
      crlf: Buffer.from(text.replace(/\n/g, '\r\n'), 'utf8'),
    };
    for (const [name, input] of Object.entries(variants)) {
      const r = convertBytes(input, RELEASE, { lang: 'both' });
      expect([name, r.encoding]).toEqual([name, name.startsWith('sjis') ? 'shift_jis' : 'utf-8']);
      for (const [file, content] of base.outputs)
        expect([name, file, r.outputs.get(file) === content]).toEqual([name, file, true]);
    }
  });
});
