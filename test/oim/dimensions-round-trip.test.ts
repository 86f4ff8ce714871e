import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Report } from '../../src/model';
import { validate } from '../../src/validate';
import { toXbrlJson } from '../../src/oim/to-xbrl-json';
import { toXbrlCsv, xbrlCsvNames } from '../../src/oim/to-xbrl-csv';
import { toXbrlXml } from '../../src/instance/to-xbrl-xml';
import { dimensionContainer } from '../../src/taxonomy/xdt';
import { DIM_NS, writeDimensionalTaxonomy } from '../../bench/dimensional-fixture';
import { instanceHead } from '../fixtures/instance-head';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'xdt-rt-'));
writeDimensionalTaxonomy(tmp);
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const ex = (dim: string, member: string) =>
  `<xbrldi:explicitMember dimension="d:${dim}">${member}</xbrldi:explicitMember>`;
const typed = (v: string) =>
  `<xbrldi:typedMember dimension="d:DimT"><d:TypedKey>${v}</d:TypedKey></xbrldi:typedMember>`;
const context = (id: string, seg: string) =>
  `<xbrli:context id="${id}"><xbrli:entity><xbrli:identifier scheme="http://example.com">E</xbrli:identifier>${seg ? `<xbrli:segment>${seg}</xbrli:segment>` : ''}</xbrli:entity><xbrli:period><xbrli:instant>2024-03-31</xbrli:instant></xbrli:period></xbrli:context>`;

/** Each fact as concept, value and its members (dimension → member, sorted): what a round trip must keep. */
const members = (r: Report) =>
  r.facts.map((f) => `${f.concept} ${f.value} ${JSON.stringify(Object.entries(f.dimensions ?? {}).sort())}`).sort();
const errors = (ds: { severity: string; code: string; message: string }[]) =>
  ds.filter((d) => d.severity === 'error').map((d) => `${d.code}: ${d.message}`);

test('XML → xBRL-JSON → xBRL-CSV → XML keeps every explicit and typed member', () => {
  const xml = path.join(tmp, 'source.xml');
  fs.writeFileSync(
    xml,
    `${instanceHead(DIM_NS, 'dim.xsd')}
  ${context('a', ex('DimA', 'd:DimAM1') + ex('DimB', 'd:DimBM2'))}
  ${context('b', ex('DimC', 'd:DimCM3') + typed('17'))}
  ${context('c', typed('18'))}
  ${context('n', '')}
  <d:Revenue contextRef="a" unitRef="u" decimals="0">1</d:Revenue>
  <d:Cost contextRef="n" unitRef="u" decimals="0">2</d:Cost>
  <d:Units contextRef="b" unitRef="u" decimals="0">3</d:Units>
  <d:Price contextRef="c" unitRef="u" decimals="0">4</d:Price>
</xbrli:xbrl>
`,
  );
  const r1 = validate(xml);
  expect(errors(r1.diagnostics)).toEqual([]);
  const want = members(r1.report!);
  expect(want.join('\n')).toContain(`{${DIM_NS}}TypedKey=17`);
  expect(want.join('\n')).toContain(`{${DIM_NS}}DimAM1`);

  const json = path.join(tmp, 'rt.json');
  fs.writeFileSync(json, JSON.stringify(toXbrlJson(r1.report!)));
  const r2 = validate(json);
  expect(errors(r2.diagnostics)).toEqual([]);
  expect(members(r2.report!)).toEqual(want);

  const names = xbrlCsvNames('rt');
  for (const [name, text] of toXbrlCsv(r2.report!, names)) fs.writeFileSync(path.join(tmp, name), text);
  const csvHeader = fs.readFileSync(path.join(tmp, names.facts), 'utf8').split('\n')[0];
  expect(csvHeader).toContain('dim_DimT');
  const r3 = validate(path.join(tmp, names.metadata));
  expect(errors(r3.diagnostics)).toEqual([]);
  expect(members(r3.report!)).toEqual(want);

  const back = path.join(tmp, 'back.xml');
  fs.writeFileSync(back, toXbrlXml(r3.report!));
  const r4 = validate(back);
  expect(errors(r4.diagnostics)).toEqual([]);
  expect(members(r4.report!)).toEqual(want);
  // A dimensionally invalid member still fails after the trip: the validator sees the members, not just their text.
  fs.writeFileSync(
    back,
    toXbrlXml({
      ...r3.report!,
      facts: r3.report!.facts.map((f) =>
        f.dimensions?.[`{${DIM_NS}}DimA`]
          ? { ...f, dimensions: { ...f.dimensions, [`{${DIM_NS}}DimA`]: `{${DIM_NS}}Orphan` } }
          : f,
      ),
    }),
  );
  expect(validate(back).diagnostics.map((d) => d.code)).toContain('xbrldie:PrimaryItemDimensionallyInvalidError');
});

describe('the container xBRL-XML members are written in (OIM does not record segment or scenario)', () => {
  const all = (contextElement?: string) => ({
    arcrole: 'http://xbrl.org/int/dim/arcrole/all',
    linkrole: 'r',
    from: 'a',
    to: 'b',
    order: 1,
    ...(contextElement ? { xdt: { contextElement } } : {}),
  });
  test('the one container the DTS hypercubes use; the scenario when none or both', () => {
    expect(dimensionContainer({ relationships: [] })).toBe('scenario');
    expect(dimensionContainer({ relationships: [all('segment'), all(' segment ')] })).toBe('segment');
    expect(dimensionContainer({ relationships: [all('scenario')] })).toBe('scenario');
    expect(dimensionContainer({ relationships: [all('segment'), all('scenario')] })).toBe('scenario');
  });

  test('a DTS whose hypercubes are all in the scenario: XML → xBRL-JSON → XML keeps the facts valid', () => {
    const dir = path.join(tmp, 'scenario-only');
    writeDimensionalTaxonomy(dir);
    const def = path.join(dir, 'dim-def.xml');
    fs.writeFileSync(
      def,
      fs.readFileSync(def, 'utf8').replace(/contextElement="segment"/g, 'contextElement="scenario"'),
    );
    const xml = path.join(dir, 'source.xml');
    fs.writeFileSync(
      xml,
      `${instanceHead(DIM_NS, 'dim.xsd')}
  <xbrli:context id="a"><xbrli:entity><xbrli:identifier scheme="http://example.com">E</xbrli:identifier></xbrli:entity><xbrli:period><xbrli:instant>2024-03-31</xbrli:instant></xbrli:period><xbrli:scenario>${ex('DimA', 'd:DimAM1')}</xbrli:scenario></xbrli:context>
  <d:Revenue contextRef="a" unitRef="u" decimals="0">1</d:Revenue>
</xbrli:xbrl>
`,
    );
    const r1 = validate(xml);
    expect(errors(r1.diagnostics)).toEqual([]);
    expect(dimensionContainer(r1.dts!)).toBe('scenario');
    const json = path.join(dir, 'rt.json');
    fs.writeFileSync(json, JSON.stringify(toXbrlJson(r1.report!)));
    const r2 = validate(json);
    expect(errors(r2.diagnostics)).toEqual([]);
    const back = path.join(dir, 'back.xml');
    fs.writeFileSync(back, toXbrlXml(r2.report!, { dimensionContainer: dimensionContainer(r2.dts!) }));
    expect(fs.readFileSync(back, 'utf8')).toMatch(/<xbrli:scenario>\s*<xbrldi:explicitMember/);
    const r3 = validate(back);
    expect(errors(r3.diagnostics)).toEqual([]);
    expect(members(r3.report!)).toEqual(members(r1.report!));
    // The members are where the cubes look: an orphan member is caught in the scenario; in the segment (where the
    // writer put members for every DTS before) the scenario cube never sees it, and the fact passes with DimA's default.
    const orphan = {
      ...r2.report!,
      facts: r2.report!.facts.map((f) => ({ ...f, dimensions: { [`{${DIM_NS}}DimA`]: `{${DIM_NS}}Orphan` } })),
    };
    fs.writeFileSync(back, toXbrlXml(orphan, { dimensionContainer: 'scenario' }));
    expect(validate(back).diagnostics.map((d) => d.code)).toContain('xbrldie:PrimaryItemDimensionallyInvalidError');
    fs.writeFileSync(back, toXbrlXml(orphan));
    expect(errors(validate(back).diagnostics)).toEqual([]);
  });
});
