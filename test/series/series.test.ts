import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { convert } from '../../src/convert';
import { buildSeries, seriesCsv } from '../../src/series';
import { BUNDLED, SHAPES, bundledText, deriveShape } from '../fixtures/shapes';

describe('series: converted releases as one long table', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iij-series-'));
  const q2file = path.join(dir, 'iij-2003-11-13-2q-fy2003.txt');
  fs.writeFileSync(
    q2file,
    deriveShape(
      bundledText(),
      SHAPES.find((s) => s.name === '2Q-fy2003')!,
    ),
  );
  const q2 = convert(q2file, { out: path.join(dir, 'q2') });
  const q3 = convert(BUNDLED, { out: path.join(dir, 'q3') });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('merges the 2Q (xBRL-JSON) and 3Q (XML) releases; the shared quarter restated, the later release winning', () => {
    expect([q2.ok, q3.ok]).toEqual([true, true]);
    // Given in the wrong order on purpose: releases are ordered by their release date.
    const s = buildSeries([path.join(dir, 'q3/iij-20031231.xml'), path.join(dir, 'q2/iij-20030930.json')]);
    expect(s.diagnostics).toEqual([]);
    const jul = s.rows.filter(
      (r) => r.concept === 'Revenues' && r.start === '2003-07-01' && r.end === '2003-09-30' && r.unit === 'JPY',
    );
    expect(jul).toHaveLength(1);
    expect(jul[0]).toMatchObject({
      fiscalYear: 2003,
      fiscalPeriod: 'Q2',
      value: '9185259000',
      decimals: '-3',
      source: 'iij-2004-02-12-3q-fy2003.txt',
      labelEn: 'Revenues',
      labelJa: '営業収益',
    });
    expect(bundledText().split('\n')[jul[0].line - 1]).toContain('9,185,259');
    const r = s.restatements.find(
      (x) => x.concept === 'Revenues' && x.period === '2003-07-01..2003-09-30' && x.unit === 'JPY',
    )!;
    expect(r.others.map((o) => [o.value, o.source])).toEqual([['9633155000', 'iij-2003-11-13-2q-fy2003.txt']]);
    expect(fs.readFileSync(q2file, 'utf8').split('\n')[r.others[0].line - 1]).toContain('9,633,155');
    // Values only one release states are kept from it: the six months come from 2Q, the nine from 3Q.
    const cum = s.rows
      .filter((x) => x.concept === 'Revenues' && x.start === '2003-04-01' && x.unit === 'JPY')
      .map((x) => [x.fiscalPeriod, x.source]);
    expect(cum).toEqual([
      ['Q1', 'iij-2003-11-13-2q-fy2003.txt'],
      ['H1', 'iij-2003-11-13-2q-fy2003.txt'],
      ['9M', 'iij-2004-02-12-3q-fy2003.txt'],
    ]);
    // Facts the two releases state alike are not restatements: the exchange rate, the prior-year quarter's balance sheet…
    expect(s.restatements.every((x) => x.others.every((o) => o.value !== x.taken.value))).toBe(true);
    const csv = seriesCsv(s);
    expect(csv.split('\n')[0]).toBe(
      'concept,labelEn,labelJa,fiscalYear,fiscalPeriod,start,end,instant,unit,decimals,value,source,line,restates',
    );
    expect(csv).toContain(',9185259000,iij-2004-02-12-3q-fy2003.txt,141,9633155000 (iij-2003-11-13-2q-fy2003.txt:141)');
  });

  it("without a vendor feed, sources are the instance's own lines (said as info)", () => {
    const lone = path.join(dir, 'lone.xml');
    fs.copyFileSync(path.join(dir, 'q3/iij-20031231.xml'), lone);
    const s = buildSeries([lone]);
    expect(s.diagnostics.map((d) => d.code)).toEqual(['series:noFeed']);
    expect(s.rows.every((r) => r.source === lone && r.line > 1)).toBe(true);
  });
});
