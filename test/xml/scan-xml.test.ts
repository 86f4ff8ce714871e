import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fromXbrlXml } from '../../src/instance/from-xbrl-xml';
import { factId } from '../../src/model';
import { toXbrlJson } from '../../src/oim/to-xbrl-json';
import { scanXml } from '../../src/xml/scan-xml';

const INSTANCE = path.join(__dirname, '../../instances/iij-20031231.xml');

describe('the fast instance scanner', () => {
  it('reads the bundled instance exactly as the saxes parser does', () => {
    const fast = fromXbrlXml(INSTANCE);
    const slow = fromXbrlXml(INSTANCE, INSTANCE, { parser: 'saxes' });
    expect(fast.diagnostics).toEqual([]);
    // Columns differ by design: the scanner points at '<', saxes reports where it finished reading the tag name.
    const noColumn = (r: typeof fast.report) =>
      JSON.parse(JSON.stringify(r, (k, v) => (k === 'column' ? undefined : v)));
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
    expect(
      scanXml(
        xml,
        () => undefined,
        () => undefined,
      ),
    ).toBe(false);
  });

  it('handles comments, processing instructions, entities and character references', () => {
    const kids: { text: string; attrs: Record<string, string>; line: number }[] = [];
    const ok = scanXml(
      '<?xml version="1.0"?>\n<!-- c -->\n<r xmlns="urn:a">\n  <e a="&lt;&#65;&#x42;">x &amp; y</e>\n</r>',
      () => undefined,
      (e) => kids.push(e),
    );
    expect(ok).toBe(true);
    expect(kids).toMatchObject([{ text: 'x & y', attrs: { a: '<AB' }, line: 4 }]);
  });

  it('reads facts as leaves (no element built) exactly as saxes reads them: ids, nil, xml:lang, foreign attributes, entities, comments, tuples, facts before their context', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iij-scan-'));
    const f = path.join(dir, 'leaves.xml');
    fs.writeFileSync(
      f,
      [
        '<xbrli:xbrl xmlns:xbrli="http://www.xbrl.org/2003/instance" xmlns:link="http://www.xbrl.org/2003/linkbase" xmlns:xlink="http://www.w3.org/1999/xlink"',
        '  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:iso4217="http://www.xbrl.org/2003/iso4217" xmlns:a="urn:a" xmlns:o="urn:other">',
        '  <link:schemaRef xlink:type="simple" xlink:href="a.xsd"/>',
        '  <a:Early contextRef="c1" unitRef="u1" decimals="-3" id="early">1000</a:Early>',
        '  <a:Text contextRef="c1" xml:lang="ja" o:note="x &amp; y">A &lt;b&gt; &#x41;</a:Text>',
        '  <a:Nil contextRef="c1" unitRef="u1" xsi:nil="true"/>',
        '  <a:Commented contextRef="c1" unitRef="u1" decimals="0">1<!-- two -->2</a:Commented>',
        '  <a:Tuple><a:Inner contextRef="c1" unitRef="u1" decimals="INF">3</a:Inner></a:Tuple>',
        '  <a:Spaced contextRef="c1" unitRef="u1" precision="4" >  42 </a:Spaced >',
        '  <xbrli:context id="c1"><xbrli:entity><xbrli:identifier scheme="urn:s">e</xbrli:identifier></xbrli:entity><xbrli:period><xbrli:instant>2003-12-31</xbrli:instant></xbrli:period></xbrli:context>',
        '  <xbrli:unit id="u1"><xbrli:measure>iso4217:JPY</xbrli:measure></xbrli:unit>',
        '  <a:Late contextRef="c1" unitRef="u1" decimals="-3">2000</a:Late>',
        '</xbrli:xbrl>',
      ].join('\n'),
    );
    const fast = fromXbrlXml(f);
    const slow = fromXbrlXml(f, f, { parser: 'saxes' });
    const noColumn = (r: unknown) => JSON.parse(JSON.stringify(r, (k, v) => (k === 'column' ? undefined : v)));
    expect(noColumn(fast.report)).toEqual(noColumn(slow.report));
    expect(fast.diagnostics).toEqual(slow.diagnostics);
    // The fast path reads it (the scanner does not decline it and leave it to saxes), leaves included.
    let leaves = 0;
    expect(
      scanXml(
        fs.readFileSync(f, 'latin1'),
        () => undefined,
        () => undefined,
        {
          onLeaf: () => {
            leaves++;
            return true;
          },
        },
      ),
    ).toBe(true);
    expect(leaves).toBe(6); // schemaRef and five facts; the fact with a comment, the tuple, context and unit go the element way
    const byName = new Map(fast.report!.facts.map((x) => [x.concept.replace('{urn:a}', ''), x]));
    expect([...byName.keys()]).toEqual(['Early', 'Text', 'Nil', 'Commented', 'Tuple', 'Inner', 'Spaced', 'Late']);
    expect(byName.get('Early')).toMatchObject({
      id: 'early',
      value: '1000',
      decimals: -3,
      contextId: 'c1',
      unit: { numerators: ['{http://www.xbrl.org/2003/iso4217}JPY'] },
      period: { type: 'instant', instant: '2003-12-31' },
      source: { line: 4 },
    });
    expect(byName.get('Text')).toMatchObject({
      value: 'A <b> A',
      language: 'ja',
      attributes: { '{urn:other}note': 'x & y' },
    });
    expect(byName.get('Nil')).toMatchObject({ value: null });
    expect(byName.get('Commented')).toMatchObject({ value: '12', decimals: 0 });
    expect(byName.get('Inner')).toMatchObject({ value: '3', decimals: 'INF', tupleParent: expect.any(String) });
    expect(byName.get('Spaced')).toMatchObject({ value: '42', precision: 4 });
    // Repeated attribute values are one string each: the facts of one context share its id string.
    expect(byName.get('Early')!.contextId).toBe(byName.get('Late')!.contextId);
    // A fact without an id attribute has none (on both paths); it goes by its line where a name is needed.
    expect(byName.get('Late')!.id).toBeUndefined();
    expect(byName.get('Commented')!.id).toBeUndefined();
    expect(factId(byName.get('Late')!)).toBe('line12');
    expect(factId(byName.get('Early')!)).toBe('early');
    // …and in the xBRL-JSON written from it, as before.
    expect(
      Object.keys(
        (
          toXbrlJson({ ...fast.report!, namespaces: { a: 'urn:a', iso4217: 'http://www.xbrl.org/2003/iso4217' } }) as {
            facts: Record<string, unknown>;
          }
        ).facts,
      ),
    ).toEqual(expect.arrayContaining(['early', 'line5', 'line12']));
  });

  it('offers leaves to onLeaf with their attributes, and gives the element when onLeaf declines', () => {
    const seen: string[] = [];
    const elements: string[] = [];
    const ok = scanXml(
      '<r xmlns="urn:r" xmlns:p="urn:p"><a p:x="1" y="&lt;">t &amp; u</a><b/><c><d/></c><e>x</e></r>',
      () => undefined,
      (e) => elements.push(e.local),
      {
        onLeaf: (v) => {
          seen.push(
            `${v.name} ${v.text} ${v.attrNames
              .slice(0, v.attrCount)
              .map((n, i) => `${n}=${v.attrValues[i]}`)
              .join(' ')}`.trim(),
          );
          return v.local !== 'e';
        },
      },
    );
    expect(ok).toBe(true);
    expect(seen).toEqual(['{urn:r}a t & u {urn:p}x=1 y=<', '{urn:r}b', '{urn:r}e x']);
    expect(elements).toEqual(['c', 'e']);
  });

  it.each([
    ['an unknown entity in a leaf', '<x><y>&nbsp;</y></x>'],
    ['"]]>" in a leaf', '<x><y>a]]>b</y></x>'],
    ['a mismatched end tag of a leaf', '<x><y>a</yy></x>'],
    ['an unknown entity between leaves', '<x><y/>&foo;<z/></x>'],
  ])('declines %s when reading leaves', (_name, xml) => {
    expect(
      scanXml(
        xml,
        () => undefined,
        () => undefined,
        { onLeaf: () => true },
      ),
    ).toBe(false);
  });

  it('falls back to saxes for a malformed instance and reports its line', () => {
    const f = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'iij-scan-')), 'bad.xml');
    fs.writeFileSync(f, '<xbrli:xbrl xmlns:xbrli="http://www.xbrl.org/2003/instance">\n<a>\n</b>\n</xbrli:xbrl>');
    expect(fromXbrlXml(f).diagnostics[0]).toMatchObject({ code: 'xml:notWellFormed', source: { line: 3 } });
  });
});
