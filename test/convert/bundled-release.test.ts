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
    expect([...both.outputs.keys()].sort()).toEqual(['iij-20031231.facts.json', 'iij-20031231.json', 'iij-20031231.report.json', 'iij-20031231.xml']);
    for (const [name, content] of both.outputs) {
      expect(fs.readFileSync(path.join(ROOT, 'instances', name), 'utf8')).toBe(content);
    }
  });

  it('is deterministic', () => {
    const again = convertBytes(bytes, RELEASE, { lang: 'both' });
    for (const [name, content] of both.outputs) expect(again.outputs.get(name)).toBe(content);
  });

  it('converts to the same bytes from Shift_JIS and from CRLF input', () => {
    const text = bytes.toString('utf8');
    // Shift_JIS has no superscript digits or en dash: a Shift_JIS release writes ※1 and a hyphen.
    const sup: Record<string, string> = { '¹': '1', '²': '2', '³': '3', '⁴': '4', '⁵': '5', '⁶': '6', '⁷': '7', '⁸': '8' };
    const sjisText = text.replace(/[¹²³⁴⁵⁶⁷⁸]/g, (c) => `※${sup[c]}`).replace(/–/g, '-');
    expect(iconv.decode(iconv.encode(sjisText, 'cp932'), 'cp932')).toBe(sjisText);
    const sjis = convertBytes(iconv.encode(sjisText, 'cp932'), RELEASE, { lang: 'both' });
    const crlf = convertBytes(Buffer.from(text.replace(/\n/g, '\r\n'), 'utf8'), RELEASE, { lang: 'both' });
    expect(sjis.encoding).toBe('shift_jis');
    for (const [name, content] of both.outputs) {
      expect(sjis.outputs.get(name)).toBe(content);
      expect(crlf.outputs.get(name)).toBe(content);
    }
  });
});
