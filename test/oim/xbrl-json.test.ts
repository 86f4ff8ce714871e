/** facts ⇄ xBRL-JSON (OIM 1.0): periods, units, nils, languages, footnotes, and every reader diagnostic. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { toXbrlJson } from '../../src/oim/to-xbrl-json';
import { fromXbrlJson } from '../../src/oim/from-xbrl-json';
import { NS, type Fact, type Report } from '../../src/model';

const IIJ = 'https://xbrl.iij.ad.jp/taxonomy/2004-03-31/iij';
const ENTRY = 'https://xbrl.iij.ad.jp/taxonomy/2004-03-31/iij.xsd';
const CIK = { scheme: 'http://www.sec.gov/CIK', identifier: '0001090633' };
const JPY = { numerators: [`{${NS.iso4217}}JPY`], denominators: [] };
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'iij-oim-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const fact = (id: string, local: string, extra: Partial<Fact>): Fact => ({
  id,
  concept: `{${IIJ}}${local}`,
  entity: CIK,
  period: { type: 'duration', start: '2003-10-01', end: '2003-12-31' },
  value: '1',
  ...extra,
});

const report: Report = {
  taxonomy: [ENTRY],
  namespaces: { iij: IIJ },
  facts: [
    fact('rev', 'Revenues', { value: '3204046000', unit: JPY, decimals: -3, footnotes: ['fn1'] }),
    fact('cash', 'Cash', {
      period: { type: 'instant', instant: '2003-12-31' },
      value: '100',
      unit: JPY,
      decimals: 'INF',
    }),
    fact('eps', 'EarningsPerShare', {
      value: '-25.83',
      unit: { numerators: [JPY.numerators[0]], denominators: [`{${NS.xbrli}}shares`] },
      decimals: 2,
    }),
    fact('n', 'NumberOfContracts', {
      value: '42',
      unit: { numerators: [`{${NS.xbrli}}pure`], denominators: [] },
      decimals: 0,
    }),
    fact('nil', 'OtherRevenue', { value: null, unit: JPY, decimals: -3 }),
    fact('name', 'EntityRegistrantName', { value: 'Internet Initiative Japan Inc.', language: 'EN-US' }),
  ],
  footnotes: [
    { id: 'fn1', language: 'en', text: 'Includes a <b> & "quoted" part.' },
    { id: 'unused', language: 'en', text: 'Linked to no fact.' },
  ],
};

describe('toXbrlJson', () => {
  const doc = toXbrlJson(report) as {
    documentInfo: Record<string, unknown>;
    facts: Record<string, { value: unknown; decimals?: number; dimensions: Record<string, string>; links?: unknown }>;
  };

  test('periods are OIM date-times: an XBRL end date is the next midnight', () => {
    expect(doc.facts.rev.dimensions.period).toBe('2003-10-01T00:00:00/2004-01-01T00:00:00');
    expect(doc.facts.cash.dimensions.period).toBe('2004-01-01T00:00:00');
  });

  test('units: pure is omitted, divisions written with a slash, currencies by prefix', () => {
    expect(doc.facts.rev.dimensions.unit).toBe('iso4217:JPY');
    expect(doc.facts.eps.dimensions.unit).toBe('iso4217:JPY/xbrli:shares');
    expect(doc.facts.n.dimensions).not.toHaveProperty('unit');
  });

  test('decimals: integers only; INF and nil facts carry none; values stay strings', () => {
    expect(doc.facts.rev).toMatchObject({ value: '3204046000', decimals: -3 });
    expect(doc.facts.cash).not.toHaveProperty('decimals');
    expect(doc.facts.nil).toEqual({ value: null, dimensions: expect.any(Object) });
    expect(doc.facts.eps.value).toBe('-25.83');
  });

  test('languages are lower-cased; the entity uses the cik prefix', () => {
    expect(doc.facts.name.dimensions.language).toBe('en-us');
    expect(doc.facts.rev.dimensions.entity).toBe('cik:0001090633');
    expect((doc.documentInfo.namespaces as Record<string, string>).cik).toBe(CIK.scheme);
  });

  test('only footnotes linked to a fact are written, as xbrl:note facts with a footnote link', () => {
    expect(doc.facts.fn1).toEqual({
      value: 'Includes a <b> & "quoted" part.',
      dimensions: { concept: 'xbrl:note', noteId: 'fn1', language: 'en' },
    });
    expect(doc.facts).not.toHaveProperty('unused');
    expect(doc.facts.rev.links).toEqual({ footnote: { _: ['fn1'] } });
    expect(doc.documentInfo.linkTypes).toEqual({ footnote: 'http://www.xbrl.org/2003/arcrole/fact-footnote' });
  });

  test('an entity scheme without a known prefix gets a generated one; namespaces are sorted', () => {
    const other = toXbrlJson({
      ...report,
      facts: [fact('x', 'Revenues', { entity: { scheme: 'http://example.com/ids', identifier: 'A1' } })],
      footnotes: [],
    }) as typeof doc;
    expect(other.facts.x.dimensions.entity).toBe('scheme1:A1');
    const keys = Object.keys(other.documentInfo.namespaces as object);
    expect(keys).toEqual([...keys].sort());
  });
});

describe('fromXbrlJson', () => {
  const write = (name: string, content: unknown) => {
    const f = path.join(tmp, name);
    fs.writeFileSync(f, typeof content === 'string' ? content : JSON.stringify(content));
    return f;
  };
  const base = () =>
    JSON.parse(JSON.stringify(toXbrlJson(report))) as {
      documentInfo: { namespaces: Record<string, string> };
      facts: Record<string, { dimensions: Record<string, string> }>;
    };

  test('round trip: what toXbrlJson writes reads back as the same facts and the linked footnote', () => {
    const r = fromXbrlJson(write('rt.json', toXbrlJson(report)));
    expect(r.diagnostics).toEqual([]);
    const strip = (f: Fact) => ({ ...f, source: undefined });
    const expected = report.facts.map((f) => ({
      ...f,
      // OIM omits pure and has no INF decimals or nil decimals; languages are lower case
      unit: f.unit && f.unit.numerators[0] === `{${NS.xbrli}}pure` ? undefined : f.unit,
      decimals: typeof f.decimals === 'number' && f.value !== null ? f.decimals : undefined,
      language: f.language?.toLowerCase(),
    }));
    expect(JSON.parse(JSON.stringify(r.report!.facts.map(strip)))).toEqual(
      JSON.parse(JSON.stringify(expected.map(strip))),
    );
    expect(r.report!.footnotes.map((n) => n.id)).toEqual(['fn1']);
    expect(r.report!.taxonomy).toEqual([ENTRY]);
  });

  test('a file that is not JSON: xbrlje:invalidJSON at its line and column', () => {
    // a trailing comma: the parser stops at the closing brace on line 4
    const r = fromXbrlJson(write('bad.json', '{\n  "documentInfo": {\n    "taxonomy": [],\n  }\n}'));
    expect(r.report).toBeUndefined();
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]).toMatchObject({ code: 'xbrlje:invalidJSON', source: { line: 4, column: 3 } });
  });

  test('JSON of the wrong shape: xbrlje:invalidJSONStructure with the JSON pointer', () => {
    const doc = base() as unknown as { facts: unknown };
    doc.facts = [];
    const r = fromXbrlJson(write('shape.json', doc));
    expect(r.report).toBeUndefined();
    expect(r.diagnostics[0].code).toBe('xbrlje:invalidJSONStructure');
    expect(r.diagnostics[0].message).toMatch(/\/facts/);
  });

  test('an undeclared prefix: oimce:unboundPrefix, and the fact is dropped', () => {
    const doc = base();
    doc.facts.rev.dimensions.concept = 'nope:Revenues';
    const r = fromXbrlJson(write('prefix.json', doc));
    expect(r.diagnostics.map((d) => d.code)).toEqual(['oimce:unboundPrefix']);
    expect(r.report!.facts.map((f) => f.id)).not.toContain('rev');
  });

  test('a period not aligned to midnight: oimce:invalidPeriodRepresentation', () => {
    const doc = base();
    doc.facts.cash.dimensions.period = '2003-12-31T12:00:00';
    doc.facts.rev.dimensions.period = '2003-10-01T06:00:00/2004-01-01T00:00:00';
    const r = fromXbrlJson(write('period.json', doc));
    expect(r.diagnostics.map((d) => [d.code, d.facts])).toEqual([
      ['oimce:invalidPeriodRepresentation', ['rev']],
      ['oimce:invalidPeriodRepresentation', ['cash']],
    ]);
  });

  test('a unit with products and a division is read into measure lists sorted by Clark name', () => {
    const doc = base();
    doc.facts.eps.dimensions.unit = '(iso4217:JPY*xbrli:shares)/(xbrli:pure*iso4217:USD)';
    const eps = fromXbrlJson(write('unit.json', doc)).report!.facts.find((f) => f.id === 'eps')!;
    expect(eps.unit).toEqual({
      numerators: [`{${NS.xbrli}}shares`, `{${NS.iso4217}}JPY`],
      denominators: [`{${NS.xbrli}}pure`, `{${NS.iso4217}}USD`],
    });
  });

  test('taxonomy-defined dimensions and explicit members are read as Clark names (as the XML and xBRL-CSV readers read them); a file that does not exist is io:fileNotFound', () => {
    const doc = base();
    doc.facts.rev.dimensions['iij:SegmentAxis'] = 'iij:NetworkMember';
    const rev = fromXbrlJson(write('dims.json', doc)).report!.facts.find((f) => f.id === 'rev')!;
    expect(rev.dimensions).toEqual({ [`{${IIJ}}SegmentAxis`]: `{${IIJ}}NetworkMember` });
    expect(fromXbrlJson(path.join(tmp, 'missing.json')).diagnostics[0].code).toBe('io:fileNotFound');
  });
});
