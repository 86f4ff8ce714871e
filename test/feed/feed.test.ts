import path from 'node:path';
import { convert } from '../../src/convert';
import { fiscalPeriod } from '../../src/feed/fiscal-period';
import { SPREADSHEET_COLUMNS } from '../../src/feed/to-spreadsheet-csv';
import { parseCsv } from '../../src/util/csv';

const RELEASE = path.join(__dirname, '../../releases/iij-2004-02-12-3q-fy2003.txt');
const r = convert(RELEASE);
const feed = JSON.parse(r.outputs.get('iij-20031231.facts.json')!);
type Rec = Record<string, any>;
const facts: Rec[] = feed.facts;

describe('fiscal-period key', () => {
  const d = (start: string, end: string) => ({ type: 'duration' as const, start, end });
  it('names quarters, cumulative periods, years and quarter-end instants of a March year end', () => {
    expect(fiscalPeriod(d('2003-10-01', '2003-12-31'), 3)).toEqual({
      key: 'FY2003 Q3',
      fiscalYear: 2003,
      period: 'Q3',
    });
    expect(fiscalPeriod(d('2004-01-01', '2004-03-31'), 3).key).toBe('FY2003 Q4');
    expect(fiscalPeriod(d('2003-04-01', '2003-09-30'), 3).key).toBe('FY2003 6M');
    expect(fiscalPeriod(d('2003-04-01', '2003-12-31'), 3).key).toBe('FY2003 9M');
    expect(fiscalPeriod(d('2002-04-01', '2003-03-31'), 3).key).toBe('FY2002');
    expect(fiscalPeriod({ type: 'instant', instant: '2003-12-31' }, 3)).toEqual({
      key: 'FY2003 Q3 end',
      fiscalYear: 2003,
      period: 'Q3 end',
      asOf: '2003-12-31',
    });
    expect(fiscalPeriod({ type: 'instant', instant: '2003-03-31' }, 3).key).toBe('FY2002 Q4 end');
    expect(fiscalPeriod({ type: 'instant', instant: '2003-11-15' }, 3)).toMatchObject({
      key: 'as of 2003-11-15',
      period: 'asOf',
    });
    expect(fiscalPeriod(d('2003-10-01', '2003-10-15'), 3)).toMatchObject({
      key: '2003-10-01..2003-10-15',
      period: 'other',
    });
  });
  it('follows the configured year end (December: calendar quarters)', () => {
    expect(fiscalPeriod(d('2003-10-01', '2003-12-31'), 12).key).toBe('FY2003 Q4');
    expect(fiscalPeriod(d('2003-01-01', '2003-06-30'), 12).key).toBe('FY2003 6M');
  });
  it('every fact of the bundled release has one, and the release columns get the expected keys', () => {
    expect(facts.every((f) => typeof f.fiscalPeriod.key === 'string' && f.fiscalPeriod.period !== 'other')).toBe(true);
    const keys = new Set(facts.map((f) => f.fiscalPeriod.key));
    for (const k of [
      'FY2003 Q3',
      'FY2002 Q3',
      'FY2003 Q2',
      'FY2003 9M',
      'FY2002 9M',
      'FY2003 Q3 end',
      'FY2003 Q2 end',
      'FY2002 Q3 end',
    ])
      expect([k, keys.has(k)]).toEqual([k, true]);
  });
});

describe('feed labels', () => {
  it('no two concepts share a qualified label, in English or Japanese', () => {
    for (const lang of ['en', 'ja']) {
      const byLabel = new Map<string, Set<string>>();
      for (const f of facts) {
        const l = f.qualifiedLabel[lang];
        if (!byLabel.has(l)) byLabel.set(l, new Set());
        byLabel.get(l)!.add(f.concept);
      }
      expect([lang, [...byLabel].filter(([, cs]) => cs.size > 1)]).toEqual([lang, []]);
    }
  });
  it('the ambiguous plain labels are qualified by their parents; unique ones stay as they are', () => {
    const of = (c: string) => facts.find((f) => f.concept === `iij:${c}`)!;
    expect(of('DedicatedAccessServicesRevenue').label.en).toBe(of('ContractBandwidthDedicatedAccessServices').label.en);
    expect(of('DedicatedAccessServicesRevenue').qualifiedLabel.en).not.toBe(
      of('ContractBandwidthDedicatedAccessServices').qualifiedLabel.en,
    );
    expect(of('OtherDedicatedAccessServicesRevenue').qualifiedLabel.ja).toMatch(/^その他 \(.+\)$/);
    expect(of('Revenues').qualifiedLabel).toEqual(of('Revenues').label);
  });
});

describe('USD convenience translations', () => {
  const usd = facts.filter((f) => f.unit === 'iso4217:USD');
  it('every USD fact is marked as a translation at 107.13 JPY/USD of 2003-12-31, and nothing else is', () => {
    expect(usd.length).toBeGreaterThan(50);
    for (const f of usd)
      expect(f.translation).toMatchObject({ from: 'iso4217:JPY', rate: '107.13', rateDate: '2003-12-31' });
    expect(facts.filter((f) => f.unit !== 'iso4217:USD').every((f) => f.translation === null)).toBe(true);
  });
  it('points at the JPY fact it translates (same concept and period) and at the rate fact', () => {
    const byId = new Map(facts.map((f) => [f.id, f]));
    for (const f of usd) {
      const jpy = byId.get(f.translation.sourceFact);
      expect([f.id, jpy?.concept, jpy?.unit, jpy?.start ?? jpy?.instant]).toEqual([
        f.id,
        f.concept,
        'iso4217:JPY',
        f.start ?? f.instant,
      ]);
      expect(byId.get(f.translation.rateFact)!.unit).toBe('iso4217:JPY/iso4217:USD');
    }
  });
});

describe('flat spreadsheet CSV', () => {
  const text = r.outputs.get('iij-20031231.facts.csv')!;
  const parsed = parseCsv(text);
  it('is UTF-8 with a byte-order mark and CRLF line ends, one row per fact', () => {
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.split('\r\n').length - 1).toBe(facts.length + 1);
    expect(parsed.error).toBeUndefined();
    expect(parsed.records[0].fields).toEqual([...SPREADSHEET_COLUMNS]);
    expect(parsed.records.length).toBe(facts.length + 1);
  });
  it('carries the feed: ids, qualified labels, fiscal period, values, translation flags', () => {
    const col = (n: string) => SPREADSHEET_COLUMNS.indexOf(n as never);
    parsed.records.slice(1).forEach((rec, i) => {
      const f = facts[i];
      expect([
        rec.fields[col('id')],
        rec.fields[col('label_ja')],
        rec.fields[col('fiscal_period')],
        rec.fields[col('value')],
        rec.fields[col('convenience_translation')],
      ]).toEqual([f.id, f.qualifiedLabel.ja ?? '', f.fiscalPeriod.key, f.value ?? '', f.translation ? 'yes' : '']);
    });
  });
});
