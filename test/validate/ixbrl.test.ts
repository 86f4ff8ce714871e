import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { validate } from '../../src/validate';
import { readInlineXbrl } from '../../src/ixbrl/from-ixbrl';
import type { Fact } from '../../src/model';

const PKG = path.join(__dirname, '../fixtures/validate/taxonomy');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iij-ixread-'));
let n = 0;

const IX11 = 'http://www.xbrl.org/2013/inlineXBRL';
const IX10 = 'http://www.xbrl.org/2008/inlineXBRL';
const TR4 = 'http://www.xbrl.org/inlineXBRL/transformation/2020-02-12';
const T = '{https://example.com/tiny/2020}';

interface DocOptions {
  ix?: string;
  ixt?: string;
  header?: boolean;
  lang?: string;
  resources?: string;
  hidden?: string;
  headerStyle?: string;
  head?: string;
  name?: string;
}

/**
 * A small Inline XBRL document over the tiny test taxonomy: contexts d (2003 Q4), i0 (Sep 30),
 * i1 (Dec 31); units JPY, shares, pure; `body` is the visible XHTML.
 */
function doc(body: string, o: DocOptions = {}): string {
  const file = path.join(dir, o.name ?? `case${++n}.xhtml`);
  const ctx = (id: string, period: string) =>
    `<xbrli:context id="${id}"><xbrli:entity><xbrli:identifier scheme="http://www.sec.gov/CIK">1</xbrli:identifier></xbrli:entity><xbrli:period>${period}</xbrli:period></xbrli:context>`;
  const resources =
    o.resources ??
    `${ctx('d', '<xbrli:startDate>2003-10-01</xbrli:startDate><xbrli:endDate>2003-12-31</xbrli:endDate>')}
      ${ctx('i0', '<xbrli:instant>2003-09-30</xbrli:instant>')}${ctx('i1', '<xbrli:instant>2003-12-31</xbrli:instant>')}
      <xbrli:unit id="JPY"><xbrli:measure>iso4217:JPY</xbrli:measure></xbrli:unit><xbrli:unit id="shares"><xbrli:measure>xbrli:shares</xbrli:measure></xbrli:unit><xbrli:unit id="pure"><xbrli:measure>xbrli:pure</xbrli:measure></xbrli:unit>`;
  const header =
    o.header === false
      ? ''
      : `<div style="${o.headerStyle ?? 'display:none'}"><ix:header>
    ${o.hidden ? `<ix:hidden>${o.hidden}</ix:hidden>` : ''}
    <ix:references><link:schemaRef xlink:type="simple" xlink:href="https://example.com/tiny/2020/tiny.xsd"/></ix:references>
    <ix:resources>${resources}</ix:resources>
  </ix:header></div>`;
  fs.writeFileSync(
    file,
    `<?xml version="1.0" encoding="UTF-8"?>
${o.head ?? ''}<html xmlns="http://www.w3.org/1999/xhtml" xmlns:ix="${o.ix ?? IX11}" xmlns:ixt="${o.ixt ?? TR4}"
  xmlns:xbrli="http://www.xbrl.org/2003/instance" xmlns:link="http://www.xbrl.org/2003/linkbase" xmlns:xlink="http://www.w3.org/1999/xlink"
  xmlns:iso4217="http://www.xbrl.org/2003/iso4217" xmlns:t="https://example.com/tiny/2020" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xml:lang="${o.lang ?? 'en'}">
<head><title>test</title></head>
<body>
${header}
${body}
</body></html>
`,
  );
  return file;
}

const nf = (name: string, text: string, attrs = '', ctx = 'd', unit = 'JPY') =>
  `<ix:nonFraction name="t:${name}" contextRef="${ctx}" unitRef="${unit}" decimals="-6" scale="6" format="ixt:num-dot-decimal"${attrs ? ` ${attrs}` : ''}>${text}</ix:nonFraction>`;
const read = (...files: string[]) => readInlineXbrl(files);
const values = (files: string | string[]) => {
  const r = read(...(typeof files === 'string' ? [files] : files));
  return Object.fromEntries(
    (r.report?.facts ?? []).map((f: Fact) => [
      `${f.concept.replace(T, '')}${f.contextId === 'd' ? '' : `@${f.contextId}`}`,
      f.value,
    ]),
  );
};
const codes = (files: string | string[], calc: 'c11r' | 'c10' | 'none' = 'c11r') =>
  validate(files, { packages: [PKG], calc })
    .diagnostics.filter((d) => d.severity !== 'info')
    .map((d) => d.code);

describe('Inline XBRL: facts as displayed → values', () => {
  it('num-dot-decimal with scale 6, read into the facts every rule checks', () => {
    const f = doc(`<p>${nf('ServiceA', '7,123')} ${nf('ServiceB', '5,223')} ${nf('Revenues', '12,345')}</p>`);
    expect(values(f)).toEqual({ ServiceA: '7123000000', ServiceB: '5223000000', Revenues: '12345000000' });
    const r = read(f).report!;
    expect(r.facts[0]).toMatchObject({
      decimals: -6,
      unit: { numerators: ['{http://www.xbrl.org/2003/iso4217}JPY'], denominators: [] },
      period: { type: 'duration', start: '2003-10-01', end: '2003-12-31' },
    });
    expect(r.taxonomy).toEqual(['https://example.com/tiny/2020/tiny.xsd']);
    expect(codes(f)).toEqual([]);
  });
  it('the calculation, duplicate and roll-forward rules apply to inline facts', () => {
    expect(codes(doc(nf('ServiceA', '7,123') + nf('ServiceB', '5,224') + nf('Revenues', '12,345')))).toEqual([
      'calc11e:inconsistentCalculationUsingRounding',
    ]);
    expect(codes(doc(nf('ServiceA', '7,123') + nf('ServiceA', '7,124')), 'none')).toEqual(['arelle:duplicateFacts']);
    const cash = (ctx: string, v: string) =>
      `<ix:nonFraction name="t:Cash" contextRef="${ctx}" unitRef="JPY" decimals="-3" scale="3" format="ixt:num-dot-decimal">${v}</ix:nonFraction>`;
    const change = `<ix:nonFraction name="t:NetChangeInCash" contextRef="d" unitRef="JPY" decimals="-3" scale="3" format="ixt:num-dot-decimal">357,660</ix:nonFraction>`;
    expect(codes(doc(cash('i0', '11,782,935') + change + cash('i1', '12,150,595')))).toEqual([
      'iij:rollforwardInconsistency',
    ]);
  });
  it('sign="-" negates; a thousands figure duplicates a millions figure consistently', () => {
    const thousands = `<ix:nonFraction name="t:OperatingIncome" contextRef="d" unitRef="JPY" decimals="-3" scale="3" format="ixt:num-dot-decimal" sign="-">566,520</ix:nonFraction>`;
    const f = doc(`(${nf('OperatingIncome', '567', 'sign="-"')}) (${thousands})`);
    expect(read(f).report!.facts.map((x) => x.value)).toEqual(['-567000000', '-566520000']);
    expect(codes(f, 'none')).toEqual([]);
  });
  it('fixed-zero and TR3 zerodash read a dash as zero; scale -2 reads a percent as a ratio', () => {
    const f = doc(`${nf('ServiceA', '-', 'format="ixt:fixed-zero"').replace(' format="ixt:num-dot-decimal"', '')}
      <ix:nonFraction name="t:ServiceB" contextRef="d" unitRef="JPY" decimals="-6" format="ixt3:zerodash" xmlns:ixt3="http://www.xbrl.org/inlineXBRL/transformation/2015-02-26">—</ix:nonFraction>
      <ix:nonFraction name="t:GrowthRate" contextRef="d" unitRef="pure" decimals="3" scale="-2" format="ixt:num-dot-decimal">5.9</ix:nonFraction>%`);
    expect(values(f)).toEqual({ ServiceA: '0', ServiceB: '0', GrowthRate: '0.059' });
  });
  it('no format: the text is the number; nil facts have no value', () => {
    const f =
      doc(`<ix:nonFraction name="t:SharesOutstanding" contextRef="i1" unitRef="shares" decimals="0">48800</ix:nonFraction>
      <ix:nonFraction name="t:Bandwidth" contextRef="i1" unitRef="pure" xsi:nil="true"/>`);
    expect(values(f)).toEqual({ 'SharesOutstanding@i1': '48800', 'Bandwidth@i1': null });
  });
  it('a nested ix:nonFraction: both facts take the inner text', () => {
    const f = doc(
      `<ix:nonFraction name="t:Revenues" contextRef="d" unitRef="JPY" decimals="-6" scale="6" format="ixt:num-dot-decimal">${nf('ServiceA', '7,123')}</ix:nonFraction>`,
    );
    expect(values(f)).toEqual({ Revenues: '7123000000', ServiceA: '7123000000' });
  });
  it('hidden facts are facts', () => {
    const f = doc('<p>nothing shown</p>', {
      hidden: '<ix:nonNumeric name="t:CompanyName" contextRef="d">Internet Initiative Japan Inc.</ix:nonNumeric>',
    });
    expect(values(f)).toEqual({ CompanyName: 'Internet Initiative Japan Inc.' });
    expect(read(f).report!.facts[0].language).toBe('en');
  });
  it('nonNumeric: continuation chains, ix:exclude, nested markup flattened, language in scope', () => {
    const f =
      doc(`<p xml:lang="ja"><ix:nonNumeric name="t:CompanyName" contextRef="d" continuedAt="c1">Internet <b>Initiative</b><ix:exclude> (page 1)</ix:exclude></ix:nonNumeric></p>
      <p>between</p><ix:continuation id="c1" continuedAt="c2"> Japan</ix:continuation><p><ix:continuation id="c2"> Inc.</ix:continuation></p>`);
    const fact = read(f).report!.facts[0];
    expect(fact).toMatchObject({ value: 'Internet Initiative Japan Inc.', language: 'ja' });
    expect(codes(f)).toEqual([]);
  });
  it('escape="true" keeps the XHTML markup of the value', () => {
    const f = doc(
      '<ix:nonNumeric name="t:CompanyName" contextRef="d" escape="true" continuedAt="k">A &amp; <b class="x">B</b><br/></ix:nonNumeric><ix:continuation id="k"> <i>C</i></ix:continuation>',
    );
    expect(values(f)).toEqual({ CompanyName: 'A &amp; <b class="x">B</b><br/> <i>C</i>' });
  });
  it('footnotes linked with ix:relationship', () => {
    const f = doc(`${nf('ServiceA', '7,123', 'id="fa"')}${nf('ServiceB', '5,223', 'id="fb"')}
      <ix:footnote id="fn1" xml:lang="ja">注記 <b>1</b></ix:footnote>
      <ix:relationship fromRefs="fa fb" toRefs="fn1"/>`);
    const r = read(f).report!;
    expect(r.footnotes).toMatchObject([
      { id: 'fn1', language: 'ja', text: '注記 1', role: 'http://www.xbrl.org/2003/role/footnote' },
    ]);
    expect(r.facts.map((x) => x.footnotes)).toEqual([['fn1'], ['fn1']]);
    expect(codes(f, 'none')).toEqual([]);
  });
  it('dates: Japanese, Japanese era, English month names', () => {
    const d = (v: string, fmt: string) =>
      `<ix:nonNumeric name="t:PeriodEndDate" contextRef="d" format="ixt:${fmt}">${v}</ix:nonNumeric>`;
    const f = doc(
      d('2003年12月31日', 'date-year-month-day') +
        d('平成15年12月31日', 'date-jpn-era-year-month-day') +
        d('December 31, 2003', 'date-monthname-day-year-en') +
        d('31 Dec 2003', 'date-day-monthname-year-en') +
        d('２００３年１２月３１日', 'date-year-month-day') +
        d('12/31/2003', 'date-month-day-year'),
    );
    expect(read(f).report!.facts.map((x) => x.value)).toEqual(Array(6).fill('2003-12-31'));
    expect(codes(f, 'none')).toEqual([]);
  });
  it('reads Inline XBRL 1.0: footnoteRefs, footnoteID, the 2008 transformation namespace', () => {
    const f = doc(
      `<ix:nonFraction name="t:ServiceA" contextRef="d" unitRef="JPY" decimals="0" format="ixt:numcommadot" footnoteRefs="n1">1,234.5</ix:nonFraction>
      <ix:footnote footnoteID="n1" xml:lang="en">Note</ix:footnote>`,
      { ix: IX10, ixt: 'http://www.xbrl.org/2008/inlineXBRL/transformation' },
    );
    const r = read(f).report!;
    expect(r.facts[0]).toMatchObject({ value: '1234.5', footnotes: ['n1'] });
    expect(r.footnotes[0]).toMatchObject({ id: 'n1', text: 'Note' });
  });
  it('an XHTML 1.1 DOCTYPE is accepted (nothing is loaded)', () => {
    const f = doc(nf('ServiceA', '1'), {
      head: '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.1//EN" "http://www.w3.org/TR/xhtml11/DTD/xhtml11.dtd">\n',
    });
    expect(values(f)).toEqual({ ServiceA: '1000000' });
  });
});

describe('an Inline XBRL document set', () => {
  it('shares contexts, units, continuations and footnotes across documents', () => {
    const a = doc(
      `<ix:nonNumeric name="t:CompanyName" contextRef="d" continuedAt="k">Internet Initiative</ix:nonNumeric>${nf('ServiceA', '7,123', 'id="fa"')}`,
      { name: 'set-a.xhtml' },
    );
    const b = doc(
      `<ix:continuation id="k"> Japan</ix:continuation>${nf('ServiceB', '5,223')}${nf('Revenues', '12,345')}
      <ix:footnote id="n" xml:lang="en">x</ix:footnote><ix:relationship fromRefs="fa" toRefs="n"/>`,
      { header: false, name: 'set-b.xhtml' },
    );
    const r = read(a, b);
    expect(r.diagnostics).toEqual([]);
    expect(values([a, b])).toEqual({
      CompanyName: 'Internet Initiative Japan',
      ServiceA: '7123000000',
      ServiceB: '5223000000',
      Revenues: '12345000000',
    });
    expect(r.report!.facts[1].footnotes).toEqual(['n']);
    expect(r.report!.facts[2].source).toMatchObject({ file: b });
    expect(codes([a, b])).toEqual([]);
    // The calculation binds across documents: an inconsistency spanning both is found.
    const c = doc(nf('Revenues', '99,999'), { header: false, name: 'set-c.xhtml' });
    expect(codes([a, b, c], 'none')).toEqual(['arelle:duplicateFacts']);
  });
  it('ids are unique across the set', () => {
    const a = doc(nf('ServiceA', '1', 'id="x"'), { name: 'dup-a.xhtml' });
    const b = doc(nf('ServiceB', '1', 'id="x"'), { header: false, name: 'dup-b.xhtml' });
    const d = read(a, b).diagnostics;
    expect(d.map((x) => x.code)).toEqual(['ix11.10.1.2:uniqueIxId']);
    expect(d[0].source).toMatchObject({ file: b, line: 8 });
    expect(d[0].related).toMatchObject([{ file: a, line: 14 }]);
  });
  it('refuses to read a non-inline file into a set', () => {
    const xml = path.join(dir, 'plain.xml');
    fs.writeFileSync(xml, '<xbrli:xbrl xmlns:xbrli="http://www.xbrl.org/2003/instance"/>');
    expect(codes([doc(nf('ServiceA', '1')), xml])).toEqual(['io:notInlineXbrl']);
  });
});

describe('malformed Inline XBRL → coded errors with line and column', () => {
  const first = (f: string) => read(f).diagnostics[0];
  const cases: [string, string, string, DocOptions][] = [
    [
      'unknown transformation name',
      nf('ServiceA', '1', 'format="ixt:num-dot-decimalz"').replace(' format="ixt:num-dot-decimal"', ''),
      'ix11.10.1.2:invalidTransformation',
      {},
    ],
    [
      'a transformation namespace that is no registry this reader knows',
      nf('ServiceA', '1').replace('ixt:num-dot-decimal', 't:numdot'),
      'ixread:unsupportedTransformation',
      {},
    ],
    [
      'a name a known registry lacks',
      nf('ServiceA', '1').replace('ixt:num-dot-decimal', 'ixt:num-dot-decimalz'),
      'ix11.10.1.2:invalidTransformation',
      {},
    ],
    ['a value its transformation refuses', nf('ServiceA', '1.2.3'), 'ix11.10.1.1:transformValueError', {}],
    [
      'a date its transformation refuses',
      '<ix:nonNumeric name="t:PeriodEndDate" contextRef="d" format="ixt:date-year-month-day">2003年2月30日</ix:nonNumeric>',
      'ix11.11.1.1:transformValueError',
      {},
    ],
    [
      'a scale that is not an integer',
      nf('ServiceA', '1', 'scale="x"').replace(' scale="6"', ''),
      'xmlSchema:valueError',
      {},
    ],
    ['a sign other than "-"', nf('ServiceA', '1', 'sign="+"'), 'xmlSchema:valueError', {}],
    [
      'a negative number without format',
      '<ix:nonFraction name="t:ServiceA" contextRef="d" unitRef="JPY" decimals="0">-5</ix:nonFraction>',
      'ix11.10.1.2:nonFractionNegative',
      {},
    ],
    [
      'an unresolved continuation',
      '<ix:nonNumeric name="t:CompanyName" contextRef="d" continuedAt="nowhere">IIJ</ix:nonNumeric>',
      'ix11.11.1.2:continuationMissing',
      {},
    ],
    [
      'continuedAt naming something else',
      '<ix:nonNumeric name="t:CompanyName" contextRef="d" continuedAt="p1">IIJ</ix:nonNumeric><p id="p1">x</p>',
      'ix11.11.1.2:continuationTarget',
      {},
    ],
    [
      'a continuation cycle',
      '<ix:nonNumeric name="t:CompanyName" contextRef="d" continuedAt="a">IIJ</ix:nonNumeric><ix:continuation id="a" continuedAt="b">1</ix:continuation><ix:continuation id="b" continuedAt="a">2</ix:continuation>',
      'ix11.4.1.2:continuationCycle',
      {},
    ],
    [
      'an orphan continuation',
      '<ix:continuation id="lost">x</ix:continuation>',
      'ix11.4.1.2:continuationNotReferenced',
      {},
    ],
    ['duplicate ids', nf('ServiceA', '1', 'id="x"') + nf('ServiceB', '1', 'id="x"'), 'xml.3.3.1:idMustBeUnique', {}],
    [
      'a unit id used twice',
      '',
      'xml.3.3.1:idMustBeUnique',
      {
        resources:
          '<xbrli:unit id="u"><xbrli:measure>iso4217:JPY</xbrli:measure></xbrli:unit><xbrli:unit id="u"><xbrli:measure>iso4217:USD</xbrli:measure></xbrli:unit>',
      },
    ],
    [
      'a contextRef without its context',
      nf('ServiceA', '1').replace('contextRef="d"', 'contextRef="zz"'),
      'ix11.10.1.2:contextReference',
      {},
    ],
    [
      'a unitRef without its unit',
      nf('ServiceA', '1').replace('unitRef="JPY"', 'unitRef="EUR"'),
      'ix11.10.1.2:unitReference',
      {},
    ],
    [
      'nested facts with different scales',
      `<ix:nonFraction name="t:Revenues" contextRef="d" unitRef="JPY" decimals="-6" scale="3" format="ixt:num-dot-decimal">${nf('ServiceA', '1')}</ix:nonFraction>`,
      'ix11.10.1.2:nestedNonFractionProperties',
      {},
    ],
    ['a nonFraction holding other markup', nf('ServiceA', '<b>1</b>'), 'ix11.10.1.2:nonFractionChildren', {}],
    ['an empty nonFraction', nf('ServiceA', ''), 'ix11.10.1.1:nonFraction', {}],
    ['an exclude outside text facts', '<p><ix:exclude>x</ix:exclude></p>', 'ix11.5.1.1:excludeMisplaced', {}],
    [
      'a relationship to nothing',
      `${nf('ServiceA', '1', 'id="a"')}<ix:relationship fromRefs="a" toRefs="gone"/>`,
      'ix11.13.1.2:relationshipToRef',
      {},
    ],
    ['a footnote without language', '<ix:footnote id="n">x</ix:footnote>', 'ix11.6.1.2:footnoteLang', { lang: '' }],
    [
      'a fraction',
      '<ix:fraction name="t:ServiceA" contextRef="d" unitRef="JPY"><ix:numerator>1</ix:numerator><ix:denominator>2</ix:denominator></ix:fraction>',
      'ixread:fractionNotSupported',
      {},
    ],
    [
      'an SEC transformation this reader does not implement',
      '<ix:nonNumeric xmlns:ixt-sec="http://www.sec.gov/inlineXBRL/transformation/2015-08-31" name="t:PeriodEndDate" contextRef="d" format="ixt-sec:countrynameen">Japan</ix:nonNumeric>',
      'ixread:unsupportedTransformation',
      {},
    ],
    ['no ix:header', nf('ServiceA', '1'), 'ix11.8.1.3:headerMissing', { header: false }],
    ['a header shown on the page', '', 'ix11.8.1.2:headerDisplayNone', { headerStyle: 'color:red' }],
  ];
  it.each(cases)('%s', (_name, body, code, o) => {
    // (Every row has its options: jest would pass a 'done' callback as a missing last argument.)
    const f = doc(`\n\n${body}`, o);
    const d = read(f).diagnostics.find((x) => x.code === code);
    expect(d).toBeDefined();
    expect(d!.source?.file).toBe(f);
    // Element-level errors point at the element concerned: the fact, or the second of two with one id,
    // the continuation closing a cycle, the inner of two nested facts.
    if (code.includes('headerMissing')) return;
    const text = fs.readFileSync(f, 'utf8');
    const condition = code.slice(code.indexOf(':') + 1);
    const last = (needle: string) => text.lastIndexOf('<', text.lastIndexOf(needle));
    const anchors: Record<string, () => number> = {
      idMustBeUnique: () => last(body ? 'id="x"' : 'id="u"'),
      continuationCycle: () => last('id="b"'),
      nestedNonFractionProperties: () => last('<ix:nonFraction'),
      continuationNotReferenced: () => text.indexOf('<ix:continuation'),
      relationshipToRef: () => text.indexOf('<ix:relationship'),
      headerDisplayNone: () => text.indexOf('<ix:header'),
      excludeMisplaced: () => text.indexOf('<ix:exclude'),
    };
    const startAt = (anchors[condition] ?? (() => text.search(/<ix:(nonFraction|nonNumeric|footnote|fraction)/)))();
    const before = text.slice(0, startAt);
    expect(d!.source).toMatchObject({ line: before.split('\n').length, column: startAt - before.lastIndexOf('\n') });
  });
  it('gives the exact line and column of the fact whose transformation is unknown', () => {
    const f = doc(`<p>\n  <span>x</span> ${nf('ServiceA', '1').replace('num-dot-decimal', 'bogus')}</p>`);
    expect(first(f)).toMatchObject({
      code: 'ix11.10.1.2:invalidTransformation',
      source: { file: f, line: 15, column: 18 },
      actual: 'ixt:bogus',
    });
  });
  it('an Inline XBRL 1.0 document gets 1.0 section numbers', () => {
    const f = doc(nf('ServiceA', '1').replace('num-dot-decimal', 'bogus'), { ix: IX10 });
    expect(first(f).code).toBe('ix10.9.1.2:invalidTransformation');
  });
  it('refuses entity declarations', () => {
    const f = doc(nf('ServiceA', '1'), { head: '<!DOCTYPE html [<!ENTITY x "y">]>\n' });
    expect(read(f).diagnostics.map((d) => d.code)).toEqual(['xml:doctypeNotAllowed']);
  });
  it('a document over the size limit is refused before it is read', () => {
    expect(readInlineXbrl([doc(nf('ServiceA', '1'))], { maxBytes: 100 }).diagnostics.map((d) => d.code)).toEqual([
      'io:fileTooLarge',
    ]);
  });
  it('broken XHTML gets its line', () => {
    const f = path.join(dir, 'broken.xhtml');
    fs.writeFileSync(f, '<html xmlns="http://www.w3.org/1999/xhtml">\n<body>\n<p></body></html>');
    expect(read(f).diagnostics[0]).toMatchObject({ code: 'xml:notWellFormed', source: { line: 3 } });
  });
});

describe('the validate command reads Inline XBRL', () => {
  const cli = path.join(__dirname, '../../dist/src/cli/main.js');
  const run = (args: string[]) => {
    try {
      return {
        code: 0,
        out: execFileSync(process.execPath, [cli, 'validate', ...args, '--package', PKG], { encoding: 'utf8' }),
      };
    } catch (e) {
      const err = e as { status: number; stdout: string };
      return { code: err.status, out: err.stdout };
    }
  };
  it('one document, a document set, several documents one by one, and a bad one', () => {
    const a = doc(nf('ServiceA', '7,123'), { name: 'cli-a.xhtml' });
    const b = doc(nf('ServiceB', '5,223') + nf('Revenues', '12,345'), { header: false, name: 'cli-b.xhtml' });
    expect(run([a])).toMatchObject({ code: 0 });
    const set = run([a, b, '--document-set']);
    expect(set.code).toBe(0);
    expect(set.out).toContain(`${a} + ${b}: 3 facts; valid`);
    // Without --document-set each file is a report of its own: b has no header.
    const apart = run([a, b]);
    expect(apart.code).toBe(1);
    expect(apart.out).toContain(`${a}: 1 facts; valid`);
    expect(apart.out).toContain('ix11.8.1.3:headerMissing');
    const bad = run([doc(nf('ServiceA', '1').replace('num-dot-decimal', 'bogus'))]);
    expect(bad.code).toBe(1);
    expect(bad.out).toMatch(/:\d+:\d+ error ix11\.10\.1\.2:invalidTransformation /);
    const xml = path.join(dir, 'cli-plain.xml');
    fs.writeFileSync(xml, '<xbrli:xbrl xmlns:xbrli="http://www.xbrl.org/2003/instance"/>');
    expect(run([a, xml, '--document-set']).code).toBe(2);
  });
});
