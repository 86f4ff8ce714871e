import path from 'node:path';
import { convert } from '../../src/convert';
import { toSpreadsheetCsv } from '../../src/feed/to-spreadsheet-csv';
import { toVendorFeed, type VendorFeed } from '../../src/feed/to-vendor-feed';
import { loadTaxonomySource } from '../../src/mapping/taxonomy-source';
import type { MappedFact } from '../../src/mapping/types';
import { parseCsv } from '../../src/util/csv';

const RELEASE = path.join(__dirname, '../../releases/iij-2004-02-12-3q-fy2003.txt');
const r = convert(RELEASE);
const feed = JSON.parse(r.outputs.get('iij-20031231.facts.json')!) as VendorFeed;
const IIJ = 'https://xbrl.iij.ad.jp/taxonomy/2004-03-31/iij';

describe('dimensions in the vendor feed and the spreadsheet CSV', () => {
  test('a report without dimensions has no dimensions field or column (the bundled outputs are unchanged)', () => {
    expect(feed.facts.some((f) => 'dimensions' in f)).toBe(false);
    expect(parseCsv(r.outputs.get('iij-20031231.csv') ?? toSpreadsheetCsv(feed)).records[0].fields).not.toContain(
      'dimensions',
    );
  });

  test('a fact with dimensions gets them in the feed, and the spreadsheet a dimensions column before unit', () => {
    const tax = loadTaxonomySource();
    const fact = {
      id: 'f1',
      name: 'Revenues',
      concept: `{${IIJ}}Revenues`,
      entity: { scheme: 'http://www.sec.gov/CIK', identifier: '1' },
      period: { type: 'instant', instant: '2003-12-31' },
      value: '1',
      dimensions: { [`{${IIJ}}SegmentAxis`]: `{${IIJ}}NetworkMember`, [`{${IIJ}}KeyAxis`]: `{${IIJ}}Key=17` },
      provenance: [],
    } as unknown as MappedFact;
    const out = toVendorFeed([fact], {
      release: { file: 'x.txt' },
      taxonomy: tax,
      namespaces: { iij: IIJ },
      entryPoint: tax.entryPoint,
      footnotes: [],
      fiscalYearEndMonth: 3,
    });
    expect(out.facts[0].dimensions).toEqual({ 'iij:KeyAxis': '17', 'iij:SegmentAxis': 'iij:NetworkMember' });
    const rows = parseCsv(toSpreadsheetCsv(out).replace(/^\uFEFF/, '')).records.map((x) => x.fields);
    const at = rows[0].indexOf('dimensions');
    expect(rows[0][at + 1]).toBe('unit');
    expect(rows[1][at]).toBe('iij:KeyAxis=17; iij:SegmentAxis=iij:NetworkMember');
  });
});
