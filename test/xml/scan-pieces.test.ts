import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fromXbrlXml } from '../../src/instance/from-xbrl-xml';
import { decodeXml, xmlPieces } from '../../src/xml/decode';
import type { XElement } from '../../src/xml/element';
import { scanXml, scanXmlPieces, type LeafElement, type ScanOptions } from '../../src/xml/scan-xml';

/** Everything a scan hands over, as plain data: the root, each child of the root, each leaf. */
function events(run: (onRoot: (e: XElement) => void, onChild: (e: XElement) => void, o: ScanOptions) => boolean) {
  const seen: unknown[] = [];
  const plain = (e: XElement): unknown => ({
    name: e.name,
    attrs: { ...e.attrs },
    text: e.text,
    line: e.line,
    column: e.column,
    children: e.children.map(plain),
  });
  const ok = run(
    (e) => seen.push(['root', e.name, e.line, e.column]),
    (e) => seen.push(['child', plain(e)]),
    {
      internValuesOf: ['contextRef'],
      // Leaves and elements are told apart by the scanner's own choice, which may differ at a cut
      // (a leaf whose end tag is in the next piece comes as an element): both are recorded alike.
      onLeaf: (v: LeafElement) => {
        const attrs: Record<string, string> = {};
        for (let i = 0; i < v.attrCount; i++) attrs[v.attrNames[i]] = v.attrValues[i];
        seen.push(['child', { name: v.name, attrs, text: v.text, line: v.line, column: v.column, children: [] }]);
        return true;
      },
    },
  );
  return { ok, seen };
}

const whole = (text: string) => events((r, c, o) => scanXml(text, r, c, o));
const inPieces = (pieces: string[]) =>
  events((r, c, o) => {
    let i = 0;
    return scanXmlPieces(() => (i < pieces.length ? pieces[i++] : undefined), r, c, o);
  });

/** `text` cut at the given offsets. */
const cutAt = (text: string, cuts: number[]) =>
  [0, ...cuts, text.length].slice(1).map((end, i, ends) => text.slice(i ? ends[i - 1] : 0, end));

const DOC = [
  '<?xml version="1.0" encoding="UTF-8"?>',
  '<!-- a comment with <tags> in it -->',
  '<r:root xmlns:r="urn:r" xmlns="urn:d" a="1">',
  '  <fact contextRef="c1" id="f1">12 &amp; 13 &#x41;&#65;</fact>',
  '  <?pi data <with> a tag?>',
  '  <r:nested x="&lt;y&gt;"><inner contextRef="c1">deep</inner>tail <!-- c < d --> text</r:nested>',
  '  <empty contextRef="c2"/>',
  '  <r:text xml:lang="ja">日本語のテキスト、\nもう一行</r:text>',
  '  <spaced  contextRef = "c1"  >  42 </spaced >',
  '</r:root>',
  '',
].join('\n');

describe('the fast scanner over a text in pieces', () => {
  it('hands over exactly what it hands over for the whole text, wherever the text is cut in two', () => {
    const expected = whole(DOC);
    expect(expected.ok).toBe(true);
    expect(expected.seen.length).toBe(6);
    for (let cut = 0; cut <= DOC.length; cut++) expect(inPieces(cutAt(DOC, [cut]))).toEqual(expected);
  });

  it('and wherever it is cut into many pieces, one character each included', () => {
    const expected = whole(DOC);
    expect(inPieces([...DOC])).toEqual(expected);
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let round = 0; round < 300; round++) {
      const cuts = Array.from({ length: 1 + Math.floor(random() * 12) }, () => Math.floor(random() * DOC.length));
      expect(
        inPieces(
          cutAt(
            DOC,
            [...new Set(cuts)].sort((a, b) => a - b),
          ),
        ),
      ).toEqual(expected);
    }
  });

  it('declines in pieces what it declines whole', () => {
    for (const bad of [
      '<!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>',
      '<x><y><![CDATA[a]]></y></x>',
      '<x><y>&nbsp;</y></x>',
      '<x><y></z></x>',
      '<x><p:y/></x>',
      '<x/>junk',
      '<x><y/>',
      '<x><!-- never closed </x>',
      '<x><?pi never closed </x>',
    ]) {
      expect(whole(bad).ok).toBe(false);
      for (let cut = 0; cut <= bad.length; cut++) expect(inPieces(cutAt(bad, [cut])).ok).toBe(false);
    }
  });

  it('declines when the pieces stop (a piece is null)', () => {
    const pieces: (string | null)[] = ['<x><y/>', null, '</x>'];
    let i = 0;
    expect(
      scanXmlPieces(
        () => (i < pieces.length ? pieces[i++] : undefined),
        () => undefined,
        () => undefined,
      ),
    ).toBe(false);
  });

  it('reads a comment or a text far longer than a piece in time linear in its length', () => {
    const long = `<x>${'<!--' + 'a<'.repeat(400_000) + '-->'}<y>${'t'.repeat(2_000_000)}</y></x>`;
    let calls = 0;
    const pieces = cutAt(
      long,
      Array.from({ length: Math.floor(long.length / 1000) }, (_, k) => (k + 1) * 1000),
    );
    let i = 0;
    const kids: XElement[] = [];
    const ok = scanXmlPieces(
      () => {
        calls++;
        return i < pieces.length ? pieces[i++] : undefined;
      },
      () => undefined,
      (e) => kids.push(e),
    );
    expect(ok).toBe(true);
    expect(kids[0].text.length).toBe(2_000_000);
    expect(calls).toBe(pieces.length + 1);
  });
});

describe('a large UTF-8 document read in pieces', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iij-pieces-'));
  const write = (name: string, bytes: Buffer | string) => {
    const f = path.join(dir, name);
    fs.writeFileSync(f, bytes);
    return f;
  };
  const all = (f: string, maxBytes = Infinity) => {
    const p = xmlPieces(f, f, { maxBytes }, 0);
    if (!p) return undefined;
    const out: (string | null)[] = [];
    try {
      for (let s = p.next(); s !== undefined; s = p.next()) {
        out.push(s);
        if (s === null) break;
      }
    } finally {
      p.close();
    }
    return out;
  };

  it('gives the text the whole read gives, each piece ending before a tag, multi-byte characters whole', () => {
    // Japanese text (3 bytes a character) in runs longer than a piece, with and without tags between.
    const text = `\uFEFF<r>${'<a>日本語</a>'.repeat(20_000)}<b>${'売上高'.repeat(50_000)}</b>\n</r>`;
    const bytes = Buffer.from(text, 'utf8');
    const read = all(write('ja.xml', bytes))!;
    expect(read).not.toContain(null);
    const pieces = read as string[];
    expect(pieces.length).toBeGreaterThan(5);
    expect(pieces.join('')).toBe(decodeXml(bytes, 'ja.xml').text);
    // Pieces cut where there was a '<' to cut at end just before it (the long text has none: cut anywhere, whole characters).
    const joined = pieces.join('');
    let at = 0;
    let beforeTag = 0;
    for (const p of pieces) {
      at += p.length;
      if (joined[at] === '<') beforeTag++;
    }
    expect(beforeTag).toBeGreaterThanOrEqual(5);
  });

  it('stops (null) at bytes that are not UTF-8; leaves other encodings, files past the limit and small files to the whole read', () => {
    const bad = Buffer.concat([
      Buffer.from(`<r>${'<a>x</a>'.repeat(20_000)}`),
      Buffer.from([0xff, 0x41]),
      Buffer.from('</r>'),
    ]);
    expect(all(write('bad.xml', bad))).toContain(null);
    const cut = Buffer.concat([Buffer.from('<r>日本'), Buffer.from('語').subarray(0, 2)]);
    expect(all(write('cut.xml', cut))).toContain(null);
    // Past the limit before the read: the whole read reports it (io:fileTooLarge).
    expect(all(write('big.xml', `<r>${'<a>x</a>'.repeat(20_000)}</r>`), 100_000)).toBeUndefined();
    expect(all(write('sjis.xml', '<?xml version="1.0" encoding="Shift_JIS"?><r/>'))).toBeUndefined();
    expect(all(write('utf16.xml', Buffer.from('\uFEFF<r/>', 'utf16le')))).toBeUndefined();
    expect(all(path.join(dir, 'missing.xml'))).toBeUndefined();
    expect(xmlPieces(write('small.xml', '<r/>'), 'small.xml', { maxBytes: Infinity })).toBeUndefined();
  });

  it('an instance read in pieces is the instance read whole: facts, contexts, lines, columns and diagnostics', () => {
    const lines = [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<xbrli:xbrl xmlns:xbrli="http://www.xbrl.org/2003/instance" xmlns:link="http://www.xbrl.org/2003/linkbase" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:iso4217="http://www.xbrl.org/2003/iso4217" xmlns:a="urn:a">',
      '  <link:schemaRef xlink:type="simple" xlink:href="a.xsd"/>',
      '  <xbrli:unit id="u1"><xbrli:measure>iso4217:JPY</xbrli:measure></xbrli:unit>',
    ];
    for (let c = 0; c < 2_000; c++) {
      lines.push(
        `  <xbrli:context id="c${c}"><xbrli:entity><xbrli:identifier scheme="http://example.com/entities">E${c}</xbrli:identifier></xbrli:entity><xbrli:period><xbrli:instant>2024-03-31</xbrli:instant></xbrli:period></xbrli:context>`,
        `  <!-- context ${c} < its facts -->`,
      );
      for (let k = 0; k < 12; k++)
        lines.push(
          `  <a:Item${k} contextRef="c${c}" unitRef="u1" decimals="${k % 3 === 0 ? 'x' : '0'}">${c * 12 + k}</a:Item${k}>`,
          `  <a:Note${k} contextRef="c${c}" xml:lang="ja">注記 ${c} &amp; ${k}</a:Note${k}>`,
        );
    }
    lines.push('  <a:Tuple><a:Inner contextRef="c1" unitRef="u1" decimals="0">3</a:Inner></a:Tuple>', '</xbrli:xbrl>');
    const f = write('instance.xml', lines.join('\n'));
    const streamed = fromXbrlXml(f, f, { piecesFrom: 0 });
    const read = fromXbrlXml(f, f, { piecesFrom: Infinity });
    expect(streamed.report?.facts.length).toBe(2_000 * 24 + 2);
    expect(streamed.diagnostics.length).toBe(2_000 * 4); // the invalid decimals, each where it is
    expect(streamed).toEqual(read);
  });

  it('a large instance over the reading budget is declined in pieces and reported by the whole read, where it is', () => {
    const contexts = Array.from(
      { length: 3 },
      (_, c) =>
        `  <xbrli:context id="c${c}"><xbrli:entity><xbrli:identifier scheme="urn:s">e</xbrli:identifier></xbrli:entity><xbrli:period><xbrli:instant>2024-03-31</xbrli:instant></xbrli:period></xbrli:context>`,
    );
    const f = write(
      'budget.xml',
      ['<xbrli:xbrl xmlns:xbrli="http://www.xbrl.org/2003/instance">', ...contexts, '</xbrli:xbrl>'].join('\n'),
    );
    const streamed = fromXbrlXml(f, f, { piecesFrom: 0, limits: { maxContexts: 2 } });
    expect(streamed.diagnostics).toMatchObject([{ code: 'xml:limitExceeded', source: { line: 4 } }]);
    expect(streamed).toEqual(fromXbrlXml(f, f, { piecesFrom: Infinity, limits: { maxContexts: 2 } }));
  });

  it('a large instance the scanner declines is read whole by saxes, with its diagnostics', () => {
    const f = write(
      'doctype.xml',
      `<!DOCTYPE x [<!ENTITY a "b">]>\n<xbrli:xbrl xmlns:xbrli="http://www.xbrl.org/2003/instance">${'\n<!-- pad -->'.repeat(1_000)}</xbrli:xbrl>`,
    );
    const streamed = fromXbrlXml(f, f, { piecesFrom: 0 });
    expect(streamed.diagnostics.map((d) => d.code)).toContain('xml:doctypeNotAllowed');
    expect(streamed).toEqual(fromXbrlXml(f, f, { piecesFrom: Infinity }));
  });
});
