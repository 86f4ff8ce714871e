import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildSeries, seriesCsv } from '../../src/series';
import { instanceHead } from '../fixtures/instance-head';

const NS = 'http://example.com/xdt-series';

test('series keys facts by their dimensions: one concept and period in two members is two rows, not a restatement', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xdt-series-'));
  const ctx = (id: string, seg: string) =>
    `<xbrli:context id="${id}"><xbrli:entity><xbrli:identifier scheme="http://example.com">E</xbrli:identifier>${seg}</xbrli:entity><xbrli:period><xbrli:instant>2003-12-31</xbrli:instant></xbrli:period></xbrli:context>`;
  const member = (m: string) =>
    `<xbrli:segment><xbrldi:explicitMember dimension="d:TierAxis">d:${m}</xbrldi:explicitMember></xbrli:segment>`;
  const typed = (el: string, v: string) =>
    `<xbrli:segment><xbrldi:typedMember dimension="d:KeyAxis"><d:${el}>${v}</d:${el}></xbrldi:typedMember></xbrli:segment>`;
  const file = path.join(dir, 'i.xml');
  fs.writeFileSync(
    file,
    `${instanceHead(NS, 'd.xsd')}
  ${ctx('a', member('Low'))}${ctx('b', member('High'))}${ctx('n', '')}${ctx('x', typed('x', '1'))}${ctx('y', typed('y', '1'))}
  <d:Contracts contextRef="a" unitRef="u" decimals="0">76</d:Contracts>
  <d:Contracts contextRef="b" unitRef="u" decimals="0">381</d:Contracts>
  <d:Contracts contextRef="n" unitRef="u" decimals="0">457</d:Contracts>
  <d:Contracts contextRef="x" unitRef="u" decimals="0">5</d:Contracts>
  <d:Contracts contextRef="y" unitRef="u" decimals="0">6</d:Contracts>
</xbrli:xbrl>
`,
  );
  const s = buildSeries([file]);
  fs.rmSync(dir, { recursive: true, force: true });
  expect(s.restatements).toEqual([]);
  expect(s.rows.map((r) => `${r.dimensions ?? ''} ${r.value}`)).toEqual([
    ' 457',
    'KeyAxis=1 5',
    'KeyAxis=1 6',
    'TierAxis=High 381',
    'TierAxis=Low 76',
  ]);
  const csv = seriesCsv(s).split('\n');
  expect(csv[0]).toContain(',instant,dimensions,unit,');
  expect(csv).toContain(
    'Contracts,,,2003,Q3,,,2003-12-31,TierAxis=Low,pure,0,76,' + s.rows[4].source + ',' + s.rows[4].line + ',',
  );
});
