/**
 * The public corpus (test/corpus/<source>/, see its README): every document read by the library and
 * compared fact by fact with the facts Arelle read from it, recorded beside it as
 * `<document>.arelle.json.gz` (scripts/arelle-fact-dump.py; never run here). Per document set the
 * fact count is pinned, and every fact must be identical to Arelle's — concept, value, entity, period,
 * dimensions, unit, decimals, language, validity — except the differences listed in KNOWN_DIFFERENCES
 * (each with its reason, also in the README's "Reading others' filings"). Today that list is empty.
 */
import path from 'node:path';
import {
  compareCorpus,
  compareSet,
  corpusDocuments,
  readArelleDump,
  type Field,
  type Norm,
  type SetComparison,
} from '../../bench/corpus-compare';

const ROOT = __dirname;

/** Facts per document set (document, then the set inside a zip). */
const FACT_COUNTS: Record<string, number> = {
  'dk-dba/fr89-valid.xhtml': 202,
  'edinet/valid01.zip edinet_data/XBRL/AuditDoc/manifest_AuditDoc.xml#jpaud': 1,
  'edinet/valid01.zip edinet_data/XBRL/AuditDoc/manifest_AuditDoc.xml#jpaud_1': 1,
  'edinet/valid01.zip edinet_data/XBRL/AuditDoc/manifest_AuditDoc.xml#jpaud_2': 1,
  'edinet/valid01.zip edinet_data/XBRL/PublicDoc/manifest_PublicDoc.xml#jpcrp020000': 1367,
  'edinet/valid05.zip edinet_data/XBRL/AuditDoc/manifest_AuditDoc.xml#jpaud': 5,
  'edinet/valid05.zip edinet_data/XBRL/PublicDoc/manifest_PublicDoc.xml#jpcrp040300': 442,
  'edinet/valid12.zip edinet_data/XBRL/AuditDoc/manifest_AuditDoc.xml#jpaud': 1,
  'edinet/valid12.zip edinet_data/XBRL/AuditDoc/manifest_AuditDoc.xml#jpaud_1': 1,
  'edinet/valid12.zip edinet_data/XBRL/AuditDoc/manifest_AuditDoc.xml#jpaud_2': 1,
  'edinet/valid12.zip edinet_data/XBRL/PublicDoc/manifest_PublicDoc.xml#jpsps100000': 131,
  'edinet/valid20.zip edinet_data/XBRL/AuditDoc/manifest_AuditDoc.xml#jpaud': 21,
  'edinet/valid20.zip edinet_data/XBRL/AuditDoc/manifest_AuditDoc.xml#jpaud_1': 15,
  'edinet/valid20.zip edinet_data/XBRL/PublicDoc/manifest_PublicDoc.xml#jpcrp030000': 1959,
  'ie-ros/valid-101.htm': 17,
  'ie-ros/valid-ifrs.htm': 17,
  'sec/amzn-20210331.htm': 773,
  'tdnet/cash_flow2-ifrs_q4.htm': 75,
  'tdnet/results_forecast-jp-noncons-2014.xbrl': 162,
  'tdnet/results_forecast2-range.htm': 139,
  'tdnet/summary-ifrs-cons-2013-q4.xbrl': 258,
  'tdnet/summary-jp-cons-2013-q4.xbrl': 298,
  'tdnet/summary-us-cons-2013-q4.xbrl': 242,
  'tdnet/summary2-ifrs-cons-2013-q4.htm': 301,
  'tdnet/summary2-jp-noncons-2014-q4.htm': 198,
  'tdnet/summary2-us-cons-2014-q4.htm': 239,
  'uk-ch/Prod223_2911_00390616_20201231.html': 219,
  'uk-ch/Prod223_2911_05078870_20200930.html': 670,
  'uk-ch/Prod223_2911_SC312961_20200930.html': 81,
  'uk-hmrc/audited_group_company-valid.xbrl': 27,
};

/**
 * Facts we read differently from Arelle on purpose: `set` as in FACT_COUNTS, the fact by id (or concept
 * and line when it has none), the field, and why. Empty: every fact of the corpus is read as Arelle reads it.
 */
const KNOWN_DIFFERENCES: { set: string; fact: string; field: Field; reason: string }[] = [];

const setKey = (c: Pick<SetComparison, 'document' | 'set'>) =>
  c.set === path.basename(c.document) ? c.document : `${c.document} ${c.set}`;
const factKey = (n: Norm) => n.id ?? `${n.concept}@${n.line}`;

describe('the public corpus, read as Arelle reads it', () => {
  const results = compareCorpus(ROOT);

  it('holds the documents of every source, each with its recorded Arelle dump', () => {
    const docs = corpusDocuments(ROOT).map((d) => path.relative(ROOT, d));
    expect(docs.length).toBe(21);
    const sources = new Set(docs.map((d) => d.split('/')[0]));
    expect([...sources].sort()).toEqual(['dk-dba', 'edinet', 'ie-ros', 'sec', 'tdnet', 'uk-ch', 'uk-hmrc']);
    for (const d of corpusDocuments(ROOT)) expect(readArelleDump(d).arelle).toMatch(/^[0-9a-f]{40}$/);
  });

  it('reads every document set with the pinned number of facts, as many as Arelle', () => {
    const counts = Object.fromEntries(results.map((r) => [setKey(r), r.ours]));
    expect(counts).toEqual(FACT_COUNTS);
    for (const r of results) expect([setKey(r), r.ours]).toEqual([setKey(r), r.arelle]);
  });

  it('reads every fact as Arelle does, but for the listed differences: none missing, none extra', () => {
    const found = results.flatMap((r) =>
      r.differences.map((d) => ({ set: setKey(r), fact: factKey(d.arelle), field: d.field })),
    );
    expect(found).toEqual(KNOWN_DIFFERENCES.map(({ set, fact, field }) => ({ set, fact, field })));
    expect(results.flatMap((r) => r.missing.map((m) => `${setKey(r)} ${factKey(m)}`))).toEqual([]);
    expect(results.flatMap((r) => r.extra.map((m) => `${setKey(r)} ${factKey(m)}`))).toEqual([]);
    const total = results.reduce((n, r) => n + r.identical, 0);
    expect(total).toBe(Object.values(FACT_COUNTS).reduce((a, b) => a + b, 0) - KNOWN_DIFFERENCES.length);
  });

  it('covers what fidelity is about: markup, whitespace, nils, dimensions, typed members, ratios, languages, invalid facts, footnotes', () => {
    const facts = corpusDocuments(ROOT).flatMap((d) => readArelleDump(d).sets.flatMap((s) => s.facts));
    const count = (p: (n: Norm) => boolean) => facts.filter(p).length;
    expect(count((n) => typeof n.value === 'string' && n.value.includes('<'))).toBeGreaterThan(400);
    expect(count((n) => typeof n.value === 'string' && n.value !== n.value.trim())).toBeGreaterThan(400);
    expect(count((n) => n.value === null)).toBeGreaterThan(900);
    expect(count((n) => n.dimensions !== undefined)).toBeGreaterThan(4000);
    expect(count((n) => Object.values(n.dimensions ?? {}).some((m) => m.includes('=')))).toBeGreaterThan(10);
    expect(count((n) => (n.unit?.denominators.length ?? 0) > 0)).toBeGreaterThan(400);
    expect(count((n) => n.lang !== undefined && n.unit === undefined)).toBeGreaterThan(50);
    expect(count((n) => n.contextRef !== undefined)).toBe(75);
    expect(count((n) => (n.footnotes?.length ?? 0) > 0)).toBeGreaterThan(100);
  });

  it('tells a fact that differs in any field (the comparison itself can fail)', () => {
    const [doc] = corpusDocuments(ROOT).filter((d) => d.endsWith('summary2-jp-noncons-2014-q4.htm'));
    const arelle = readArelleDump(doc).sets[0].facts;
    const f = arelle.find((n) => n.dimensions && n.unit && n.decimals !== undefined)!;
    const t = arelle.find((n) => n.unit === undefined && typeof n.value === 'string')!;
    const mutations: [Norm, Partial<Norm>, Field][] = [
      [f, { value: `${f.value}1` }, 'value'],
      [f, { entity: { ...f.entity!, identifier: 'x' } }, 'entity'],
      [f, { period: { forever: true } }, 'period'],
      [f, { dimensions: {} }, 'dimensions'],
      [f, { unit: { numerators: ['{x}y'], denominators: [] } }, 'unit'],
      [f, { decimals: '-3' }, 'decimals'],
      [t, { value: ` ${t.value}` }, 'value'],
      [t, { lang: 'xx' }, 'lang'],
      [t, { footnotes: ['fn1'] }, 'footnotes'],
      [t, { invalid: 'ix11.10.1.2:contextReference' }, 'invalid'],
    ];
    for (const [fact, change, field] of mutations) {
      const ours = arelle.map((n) => (n === fact ? { ...n, ...change } : n));
      const c = compareSet(doc, 'x', arelle, ours);
      expect([field, c.identical, c.byField]).toEqual([field, arelle.length - 1, { [field]: 1 }]);
    }
    const dropped = compareSet(doc, 'x', arelle, arelle.slice(1));
    expect([dropped.missing.length, dropped.extra.length]).toEqual([1, 0]);
  });
});
