import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fromXbrlXml } from '../../src/instance/from-xbrl-xml';
import { scanXml } from '../../src/xml/scan-xml';

const INSTANCE = path.join(__dirname, '../../instances/iij-20031231.xml');

describe('the fast instance scanner', () => {
  it('reads the bundled instance exactly as the saxes parser does', () => {
    const fast = fromXbrlXml(INSTANCE);
    const slow = fromXbrlXml(INSTANCE, INSTANCE, { parser: 'saxes' });
    expect(fast.diagnostics).toEqual([]);
    // Columns differ by design: the scanner points at '<', saxes reports where it finished reading the tag name.
    const noColumn = (r: typeof fast.report) => JSON.parse(JSON.stringify(r, (k, v) => (k === 'column' ? undefined : v)));
    expect(noColumn(fast.report)).toEqual(noColumn(slow.report));
    expect(noColumn([...fast.contexts] as never)).toEqual(noColumn([...slow.contexts] as never));
  });

  it.each([
    ['a DOCTYPE', '<!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>'],
    ['CDATA', '<x><y><![CDATA[a]]></y></x>'],
    ['an unknown entity', '<x><y>&nbsp;</y></x>'],
    ['mismatched tags', '<x><y></z></x>'],
    ['an unbound prefix', '<x><p:y/></x>'],
    ['a duplicate attribute', '<x><y a="1" a="2"/></x>'],
    ['text after the root', '<x/>junk'],
    ['an unclosed root', '<x><y/>'],
  ])('declines %s (saxes then judges it)', (_name, xml) => {
    expect(scanXml(xml, () => undefined, () => undefined)).toBe(false);
  });

  it('handles comments, processing instructions, entities and character references', () => {
    const kids: { text: string; attrs: Record<string, string>; line: number }[] = [];
    const ok = scanXml('<?xml version="1.0"?>\n<!-- c -->\n<r xmlns="urn:a">\n  <e a="&lt;&#65;&#x42;">x &amp; y</e>\n</r>', () => undefined, (e) => kids.push(e));
    expect(ok).toBe(true);
    expect(kids).toMatchObject([{ text: 'x & y', attrs: { a: '<AB' }, line: 4 }]);
  });

  it('falls back to saxes for a malformed instance and reports its line', () => {
    const f = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'iij-scan-')), 'bad.xml');
    fs.writeFileSync(f, '<xbrli:xbrl xmlns:xbrli="http://www.xbrl.org/2003/instance">\n<a>\n</b>\n</xbrli:xbrl>');
    expect(fromXbrlXml(f).diagnostics[0]).toMatchObject({ code: 'xmlSchema:syntax', source: { line: 3 } });
  });
});
