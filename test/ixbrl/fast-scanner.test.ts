import fs from 'node:fs';
import { readInlineXbrl } from '../../src/ixbrl/from-ixbrl';
import { ixDoc } from './ix-doc';

/**
 * The Inline XBRL reader's fast scanner against saxes: every result (facts with their lines and
 * columns, invalid facts, footnotes, diagnostics, contexts, units) must be the same.
 */
const BODY = `<div xml:lang="ja"><p id="p1" class="a\tb
c">Revenue <span style="font-weight:bold">&#165;<ix:nonFraction name="t:Revenue" contextRef="d" unitRef="JPY" decimals="-6" scale="6" format="ixt:num-dot-decimal" id="f1">1,234</ix:nonFraction></span></p></div>
<div style="display: none"><p>hidden &amp; kept</p></div>
<table><tr><td><ix:nonNumeric name="t:Policy" contextRef="d" escape="true" id="f2" continuedAt="c1"><div class="x"><p>Text&#160;&lt;one&gt;<br/><span></span></p><img src="a.png" alt='q"q'/></div></ix:nonNumeric></td></tr></table>
<ix:continuation id="c1"><b>continued</b> <ix:exclude>page 3</ix:exclude>text</ix:continuation>
<ix:nonNumeric name="t:Name" contextRef="i1" id="f3">  Spaced\tvalue  </ix:nonNumeric>
<ix:nonFraction name="t:Bad" contextRef="d" unitRef="JPY" decimals="0" format="ixt:num-dot-decimal" id="f4">abc</ix:nonFraction>
<ix:nonFraction name="t:Missing" contextRef="nope" unitRef="JPY" decimals="0" id="f5">5</ix:nonFraction>
<p id="p1">a repeated id</p>
<ix:footnote id="n1" xml:lang="en">A <i>footnote</i></ix:footnote>
<ix:relationship fromRefs="f1 f3" toRefs="n1"/>
<![CDATA[raw <text>]]><!-- a comment --><?pi data?>`;

function both(file: string) {
  const fast = readInlineXbrl([file]);
  const slow = readInlineXbrl([file], { parser: 'saxes' });
  return { fast, slow };
}

describe('the fast XHTML scanner reads as saxes does', () => {
  it('a document using what the scanner accepts: facts, escaped markup, continuations, footnotes, diagnostics', () => {
    const { fast, slow } = both(ixDoc(BODY));
    expect(fast.report?.facts.length).toBe(3);
    expect(fast.report?.invalidFacts?.length).toBe(2);
    expect(fast.diagnostics.map((d) => d.code)).toContain('xml.3.3.1:idMustBeUnique');
    expect(fast.report).toEqual(slow.report);
    expect(fast.diagnostics).toEqual(slow.diagnostics);
    expect([...fast.contexts]).toEqual([...slow.contexts]);
    expect([...fast.units]).toEqual([...slow.units]);
  });

  it('CRLF line ends (Companies House pages): the same facts, lines and columns as saxes gives', () => {
    const lf = fs.readFileSync(ixDoc(BODY), 'utf8');
    const crlf = ixDoc('', { raw: lf.replace(/\n/g, '\r\n') });
    const { fast, slow } = both(crlf);
    expect(fast.report).toEqual(slow.report);
    expect(fast.diagnostics).toEqual(slow.diagnostics);
    const revenue = fast.report?.facts.find((f) => f.concept.endsWith('}Revenue'));
    const line = lf.split('\n').findIndex((l) => l.includes('name="t:Revenue"')) + 1;
    expect(revenue?.source?.line).toBe(line);
    expect(revenue?.value).toBe('1234000000');
  });

  it('thousands of ids (the id table grows): a repeat of the first is found, and a continuedAt naming a plain element', () => {
    const spans = Array.from({ length: 3000 }, (_, i) => `<span id="s${i}">${i}</span>`).join('\n');
    const body = `${spans}
<ix:nonNumeric name="t:Note" contextRef="d" id="n1" continuedAt="s5">note</ix:nonNumeric>
<p id="s0">the first id again</p>`;
    const { fast, slow } = both(ixDoc(body));
    const dup = fast.diagnostics.filter((d) => d.code === 'xml.3.3.1:idMustBeUnique');
    expect(dup.map((d) => d.message)).toEqual([
      'id "s0" is used twice in this document (first on {http://www.w3.org/1999/xhtml}span).',
    ]);
    expect(dup[0].related?.[0].line).toBe((dup[0].source?.line ?? 0) - 3001);
    expect(fast.diagnostics.map((d) => d.code)).toContain('ix11.11.1.2:continuationTarget');
    expect(fast.diagnostics).toEqual(slow.diagnostics);
    expect(fast.report).toEqual(slow.report);
  });

  it('a lone carriage return is a line end too', () => {
    const lf = fs.readFileSync(ixDoc(BODY), 'utf8');
    const { fast, slow } = both(ixDoc('', { raw: lf.replace(/\n/g, '\r') }));
    expect(fast.report).toEqual(slow.report);
    expect(fast.diagnostics).toEqual(slow.diagnostics);
  });
});
