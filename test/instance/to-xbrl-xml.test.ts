/**
 * The instance writer against a general XML builder (xmlbuilder2, which wrote instances before):
 * byte-identical output on a report with the awkward cases the bundled release lacks — nil facts,
 * characters to escape in text and attributes, empty and multi-line text, forever and divided units.
 */
import { create } from 'xmlbuilder2';
import { toXbrlXml } from '../../src/instance/to-xbrl-xml';
import { fromXbrlXml } from '../../src/instance/from-xbrl-xml';
import { ARCROLE, NS, ROLE, factId, type Report } from '../../src/model';
import { contextId, prefixer, unitId } from '../../src/xbrl/aspects';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Reference: the same document built with xmlbuilder2. */
function withBuilder(report: Report): string {
  const q = prefixer(report.namespaces);
  const nsAttrs: Record<string, string> = {
    'xmlns:xbrli': NS.xbrli,
    'xmlns:link': NS.link,
    'xmlns:xlink': NS.xlink,
    'xmlns:iso4217': NS.iso4217,
  };
  for (const [p, ns] of Object.entries(report.namespaces)) nsAttrs[`xmlns:${p}`] = ns;
  const doc = create({ version: '1.0', encoding: 'UTF-8' });
  const root = doc.ele(NS.xbrli, 'xbrli:xbrl', nsAttrs);
  for (const href of report.taxonomy)
    root.ele(NS.link, 'link:schemaRef', { 'xlink:type': 'simple', 'xlink:href': href });
  const contexts = new Map<string, Report['facts'][number]>();
  const units = new Map<string, NonNullable<Report['facts'][number]['unit']>>();
  for (const f of report.facts) {
    if (!contexts.has(contextId(f.period))) contexts.set(contextId(f.period), f);
    if (f.unit) units.set(unitId(f.unit), f.unit);
  }
  // Contexts and units in code-unit order (never the locale's: `USD` before `pure`).
  const byId = ([a]: [string, unknown], [b]: [string, unknown]) => (a < b ? -1 : a > b ? 1 : 0);
  for (const [id, f] of [...contexts].sort(byId)) {
    const c = root.ele(NS.xbrli, 'xbrli:context', { id });
    c.ele(NS.xbrli, 'xbrli:entity')
      .ele(NS.xbrli, 'xbrli:identifier', { scheme: f.entity.scheme })
      .txt(f.entity.identifier);
    const p = c.ele(NS.xbrli, 'xbrli:period');
    if (f.period.type === 'instant') p.ele(NS.xbrli, 'xbrli:instant').txt(f.period.instant);
    else if (f.period.type === 'duration') {
      p.ele(NS.xbrli, 'xbrli:startDate').txt(f.period.start);
      p.ele(NS.xbrli, 'xbrli:endDate').txt(f.period.end);
    } else p.ele(NS.xbrli, 'xbrli:forever');
  }
  for (const [id, u] of [...units].sort(byId)) {
    const e = root.ele(NS.xbrli, 'xbrli:unit', { id });
    if (u.denominators.length === 0) for (const m of u.numerators) e.ele(NS.xbrli, 'xbrli:measure').txt(q(m));
    else {
      const d = e.ele(NS.xbrli, 'xbrli:divide');
      const n = d.ele(NS.xbrli, 'xbrli:unitNumerator');
      for (const m of u.numerators) n.ele(NS.xbrli, 'xbrli:measure').txt(q(m));
      const dn = d.ele(NS.xbrli, 'xbrli:unitDenominator');
      for (const m of u.denominators) dn.ele(NS.xbrli, 'xbrli:measure').txt(q(m));
    }
  }
  for (const f of report.facts) {
    const attrs: Record<string, string> = { id: factId(f), contextRef: contextId(f.period) };
    if (f.unit) attrs.unitRef = unitId(f.unit);
    if (f.decimals !== undefined && f.value !== null) attrs.decimals = String(f.decimals);
    if (f.language) attrs['xml:lang'] = f.language;
    const e = root.ele(f.concept.slice(1, f.concept.indexOf('}')), q(f.concept), attrs);
    if (f.value === null) e.att(NS.xsi, 'xsi:nil', 'true');
    else e.txt(f.value);
  }
  const link = root.ele(NS.link, 'link:footnoteLink', { 'xlink:type': 'extended', 'xlink:role': ROLE.link });
  for (const f of report.facts)
    if (f.footnotes?.length)
      link.ele(NS.link, 'link:loc', {
        'xlink:type': 'locator',
        'xlink:href': `#${f.id}`,
        'xlink:label': `loc_${f.id}`,
      });
  for (const fn of report.footnotes)
    link
      .ele(NS.link, 'link:footnote', {
        'xlink:type': 'resource',
        'xlink:label': fn.id,
        'xlink:role': ROLE.footnote,
        'xml:lang': fn.language,
        id: fn.id,
      })
      .txt(fn.text);
  for (const f of report.facts)
    for (const id of f.footnotes ?? [])
      link.ele(NS.link, 'link:footnoteArc', {
        'xlink:type': 'arc',
        'xlink:arcrole': ARCROLE.factFootnote,
        'xlink:from': `loc_${f.id}`,
        'xlink:to': id,
      });
  return doc.end({ prettyPrint: true, indent: '  ' }) + '\n';
}

const IIJ = 'https://xbrl.iij.ad.jp/taxonomy/2004-03-31/iij';
const JPY = `{${NS.iso4217}}JPY`;
const fact = (id: string, extra: object) =>
  ({
    id,
    concept: `{${IIJ}}X`,
    entity: { scheme: 'http://www.sec.gov/CIK', identifier: 'A&B<"\'>' },
    period: { type: 'instant', instant: '2003-12-31' },
    value: '1',
    ...extra,
  }) as Report['facts'][number];
const awkward: Report = {
  taxonomy: ['iij.xsd?a=1&b="2"'],
  namespaces: { iij: IIJ },
  facts: [
    fact('nil', { value: null, unit: { numerators: [JPY], denominators: [] }, decimals: -3 }),
    fact('text', { value: 'a&b<c>d"e\'f\tg\nh ]]> i  ', language: 'en' }),
    fact('empty', { value: '' }),
    fact('forever', { period: { type: 'forever' }, footnotes: ['fn'] }),
    fact('eps', {
      period: { type: 'duration', start: '2003-10-01', end: '2003-12-31' },
      value: '-25.83',
      decimals: 2,
      unit: { numerators: [JPY], denominators: [`{${NS.xbrli}}shares`] },
    }),
    fact('ratio', { value: '0.5', decimals: 1, unit: { numerators: [`{${NS.xbrli}}pure`], denominators: [] } }),
    fact('usd', { value: '7', decimals: 0, unit: { numerators: [`{${NS.iso4217}}USD`], denominators: [] } }),
  ],
  footnotes: [{ id: 'fn', language: 'ja', text: '注 & <記> "引用"' }],
};

test('byte-identical to the XML builder it replaces, on the cases the bundled release lacks', () => {
  expect(toXbrlXml(awkward)).toBe(withBuilder(awkward));
});

test('what it writes reads back: escaped text, nil and the footnote survive', () => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'iij-xml-')), 'x.xml');
  fs.writeFileSync(file, toXbrlXml(awkward));
  const r = fromXbrlXml(file);
  expect(r.diagnostics).toEqual([]);
  const byId = new Map(r.report!.facts.map((f) => [f.id, f]));
  // A text fact keeps its whitespace, trailing spaces included (xs:string preserves it): the round trip is exact.
  expect(byId.get('text')!.value).toBe('a&b<c>d"e\'f\tg\nh ]]> i  ');
  expect(byId.get('nil')!.value).toBeNull();
  expect(byId.get('forever')!.footnotes).toEqual(['fn']);
  expect(r.report!.footnotes[0].text).toBe('注 & <記> "引用"');
  expect(r.report!.taxonomy).toEqual(['iij.xsd?a=1&b="2"']);
});
