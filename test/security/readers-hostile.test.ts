/**
 * XML, Inline XBRL and xBRL-JSON readers on hostile input (issue: hostile input). Every case here
 * threw, hung, overflowed the stack or passed silently on the old readers; now each is a coded finding.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { validate } from '../../src/validate';
import { canonicalXml, deepText, type XElement } from '../../src/xml/read-xml';
import { sEqualForm } from '../../src/xbrl/read-contexts-units';

const INSTANCES = path.join(__dirname, '../../instances');
const XML = fs.readFileSync(path.join(INSTANCES, 'iij-20031231.xml'), 'utf8');
const IX = fs.readFileSync(path.join(INSTANCES, 'iij-20031231-en.xhtml'), 'utf8');
const JSON_REPORT = fs.readFileSync(path.join(INSTANCES, 'iij-20031231.json'), 'utf8');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iij-hostile-'));
let n = 0;
function check(content: string | Buffer, ext: string, options = {}) {
  const f = path.join(dir, `case-${n++}${ext}`);
  fs.writeFileSync(f, content);
  const r = validate(f, options);
  return { codes: [...new Set(r.diagnostics.map((d) => d.code))], r };
}
const nested = (depth: number) => '<x:a xmlns:x="urn:x">'.repeat(depth) + 'v' + '</x:a>'.repeat(depth);
const withSegment = (doc: string, content: string) =>
  doc.replace(
    /<xbrli:identifier([^>]*)>([^<]*)<\/xbrli:identifier>/,
    (m) => `${m}<xbrli:segment>${content}</xbrli:segment>`,
  );
const withSchemaRef = (doc: string, href: string) => doc.replace(/(schemaRef[^>]*href=")[^"]*/, `$1${href}`);

describe('nesting depth is a budget, not a stack overflow', () => {
  test('a context segment nested 5,000 deep: xml:limitExceeded naming --max-depth', () => {
    const { codes, r } = check(withSegment(XML, nested(5000)), '.xml');
    expect(codes).toEqual(['xml:limitExceeded']);
    expect(r.diagnostics[0].message).toMatch(/--max-depth/);
  });
  test('the same in Inline XBRL: ixread:limitExceeded', () => {
    expect(check(withSegment(IX, nested(5000)), '.xhtml').codes).toEqual(['ixread:limitExceeded']);
  });
  test('ix:nonNumeric nested 40,000 deep is refused at once (was 4 GB and a V8 crash)', () => {
    const open = '<ix:nonNumeric name="iij:X" contextRef="c">';
    const t = Date.now();
    const { codes } = check(
      IX.replace('</body>', `${open.repeat(40000)}${'</ix:nonNumeric>'.repeat(40000)}</body>`),
      '.xhtml',
    );
    expect(codes).toEqual(['ixread:limitExceeded']);
    expect(Date.now() - t).toBeLessThan(5000);
  });
  test('raised to the ceiling (2,000), a segment 1,990 deep reads without overflow', () => {
    const { codes } = check(withSegment(XML, nested(1990)), '.xml', { limits: { maxDepth: 5000 } });
    expect(codes.filter((c) => c.endsWith('limitExceeded'))).toEqual([]);
  });
  test('deepText and canonicalXml are iterative: 100,000 levels', () => {
    let e: XElement = {
      name: '{u}a',
      ns: 'u',
      local: 'a',
      attrs: {},
      children: [],
      text: 'v',
      line: 1,
      column: 1,
      nsMap: {},
    };
    for (let i = 0; i < 100_000; i++) e = { ...e, children: [e], text: '' };
    expect(deepText(e)).toBe('v');
    expect(canonicalXml(e).length).toBeGreaterThan(100_000);
    expect(sEqualForm(e)).toBe('<{u}a>'.repeat(100_001) + '"v"' + '</>'.repeat(100_001));
  });
  test('s-equal forms: attributes in any order, numbers by value, NaN equal to nothing, children in document order', () => {
    const el = (name: string, attrs: Record<string, string>, kids: XElement[], text = ''): XElement => ({
      name,
      ns: 'u',
      local: name,
      attrs,
      children: kids,
      text,
      line: 1,
      column: 1,
      nsMap: {},
    });
    const a = el('{u}s', { b: '1.50', a: 'x' }, [el('{u}m', {}, [], '2'), el('{u}n', {}, [], 'NaN')]);
    const b = el('{u}s', { a: 'x', b: '1.5' }, [el('{u}m', {}, [], '2.0'), el('{u}n', {}, [], 'NaN')]);
    expect(sEqualForm(a)).toBe('<{u}s a="x" b=#1.5><{u}m>#2</><{u}n>NaN0</></>');
    expect(sEqualForm(b, { n: 0 })).toBe(sEqualForm(a, { n: 0 }));
    expect(sEqualForm(a, { n: 0 })).not.toBe(sEqualForm(a, { n: 1 }));
  });
});

describe('the number of contexts is a budget', () => {
  // The committed instance has 10 contexts; each copy below adds one (an unused context is legal).
  const moreContexts = (doc: string, k: number) =>
    doc.replace(/(<xbrli:context id=")([^"]+)("[\s\S]*?<\/xbrli:context>)/, (m, a, id, b) =>
      [m, ...Array.from({ length: k }, (_, i) => `${a}extra${i}${b}`)].join('\n'),
    );
  test('an XML instance with more contexts than --max-contexts is xml:limitExceeded at the first one over, naming the option', () => {
    const { codes, r } = check(moreContexts(XML, 5), '.xml', { limits: { maxContexts: 12 } });
    expect(codes).toEqual(['xml:limitExceeded']);
    const d = r.diagnostics[0];
    expect(d.message).toMatch(/Number of contexts: 13 exceeds the limit of 12 \(raise it with --max-contexts <n>\)/);
    expect(d.source?.line).toBeGreaterThan(1);
    expect(d.actual).toBe('13');
  });
  test('at the limit it reads as before; Inline XBRL counts the contexts of its header', () => {
    expect(check(moreContexts(XML, 5), '.xml', { limits: { maxContexts: 15 } }).codes).not.toContain(
      'xml:limitExceeded',
    );
    const ixContexts = (IX.match(/<xbrli:context /g) ?? []).length;
    expect(ixContexts).toBeGreaterThan(1);
    expect(check(IX, '.xhtml', { limits: { maxContexts: ixContexts - 1 } }).codes).toEqual(['ixread:limitExceeded']);
    expect(check(IX, '.xhtml', { limits: { maxContexts: ixContexts } }).codes).not.toContain('ixread:limitExceeded');
  });
});

describe('references are confined and never thrown', () => {
  test.each([
    ['//evil.example/x.xsd', 'io:remoteNotFetched'],
    ['%E0%A4%A', 'io:invalidReference'],
    ['../../../../../../etc/passwd', 'io:outsideInput'],
  ])('schemaRef %s → %s (XML and Inline XBRL)', (href, code) => {
    expect(check(withSchemaRef(XML, href), '.xml').codes).toContain(code);
    expect(check(withSchemaRef(IX, href), '.xhtml').codes).toContain(code);
  });
  test('the message never holds a refused file', () => {
    const { r } = check(withSchemaRef(XML, '../../../../../../etc/passwd'), '.xml');
    expect(r.diagnostics.map((d) => d.message).join('\n')).not.toMatch(/root:/);
  });
});

describe('encodings', () => {
  test('invalid UTF-8 is xml:invalidEncoding at its byte offset (was U+FFFD and valid)', () => {
    const at = Buffer.byteLength(XML.slice(0, XML.indexOf('Internet Initiative')));
    const b = Buffer.from(XML);
    b[at] = 0xff;
    const { codes, r } = check(b, '.xml');
    expect(codes).toEqual(['xml:invalidEncoding']);
    expect(r.diagnostics[0].message).toContain(`byte ${at}`);
  });
  test('invalid UTF-8 in Inline XBRL and xBRL-JSON', () => {
    const ix = Buffer.from(IX);
    ix[IX.indexOf('Internet Initiative')] = 0xc3;
    expect(check(ix, '.xhtml').codes).toEqual(['xml:invalidEncoding']);
    const js = Buffer.from(JSON_REPORT);
    js[JSON_REPORT.indexOf('Internet Initiative')] = 0xfe;
    expect(check(js, '.json').codes).toEqual(['json:invalidEncoding']);
  });
  test('encoding="Shift_JIS" is honoured: the Japanese text reads as Japanese', () => {
    const ja = fs
      .readFileSync(path.join(INSTANCES, 'iij-20031231.xml'), 'utf8')
      .replace('encoding="UTF-8"', 'encoding="Shift_JIS"');
    const { codes, r } = check(iconv.encode(ja, 'Shift_JIS'), '.xml');
    expect(codes.filter((c) => /encoding|syntax/i.test(c))).toEqual([]);
    expect(r.report!.facts.some((f) => f.value === '株式会社インターネットイニシアティブ')).toBe(true);
  });
  test('EUC-JP too; an encoding nobody reads is xml:unsupportedEncoding', () => {
    const { r } = check(iconv.encode(XML.replace('encoding="UTF-8"', 'encoding="EUC-JP"'), 'EUC-JP'), '.xml');
    expect(r.report!.facts.some((f) => f.value === '株式会社インターネットイニシアティブ')).toBe(true);
    expect(check(XML.replace('encoding="UTF-8"', 'encoding="KOI8-R"'), '.xml').codes).toEqual([
      'xml:unsupportedEncoding',
    ]);
  });
  test('JSON nested 100,000 deep is json:limitExceeded', () => {
    const deep = JSON_REPORT.replace(
      '"documentInfo": {',
      `"x": ${'['.repeat(100000)}${']'.repeat(100000)}, "documentInfo": {`,
    );
    expect(check(deep, '.json').codes).toEqual(['json:limitExceeded']);
  });
});

describe('devices and FIFOs named on the command line', () => {
  test('a FIFO is refused without opening it', () => {
    const f = path.join(dir, 'fifo.xml');
    require('node:child_process').execFileSync('mkfifo', [f]);
    expect(validate(f).diagnostics.map((d) => d.code)).toEqual(['io:notARegularFile']);
  });
  test('/dev/zero is refused', () => {
    expect(validate('/dev/zero').diagnostics.map((d) => d.code)).toEqual(['io:notARegularFile']);
  });
});

describe('failures the fuzzer found (npm run fuzz), each once', () => {
  test('xBRL-JSON: a period on no calendar day (2003-13-45) is oimce:invalidPeriodRepresentation (threw RangeError)', () => {
    const bad = JSON_REPORT.replace(
      /"period": "2003-10-01T00:00:00\/2004-01-01T00:00:00"/,
      '"period": "2003-10-01T00:00:00/2003-13-45T00:00:00"',
    );
    expect(bad).not.toBe(JSON_REPORT);
    expect(check(bad, '.json').codes).toContain('oimce:invalidPeriodRepresentation');
    const badStart = JSON_REPORT.replace(
      /"period": "2003-10-01T00:00:00\/2004-01-01T00:00:00"/,
      '"period": "2003-02-30T00:00:00/2004-01-01T00:00:00"',
    );
    expect(check(badStart, '.json').codes).toContain('oimce:invalidPeriodRepresentation');
  });
  test.each(['&#x110000;', '&#0;', '&#99999999999;'])(
    'XML: a character reference %s to no XML Char is a syntax error (threw RangeError)',
    (ref) => {
      expect(check(XML.replace('Internet Initiative', `${ref}Internet`), '.xml').codes).toEqual(['xml:notWellFormed']);
    },
  );
});
