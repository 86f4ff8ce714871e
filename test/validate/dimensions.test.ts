import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { validate } from '../../src/validate';
import { loadDts } from '../../src/taxonomy/load-dts';
import { DIM_NS, writeDimensionalInstance, writeDimensionalTaxonomy } from '../../bench/dimensional-fixture';
import { instanceHead } from '../fixtures/instance-head';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'xdt-'));
const xsd = writeDimensionalTaxonomy(tmp);
const codes = (ds: { code: string }[], prefix = 'xbrld') => ds.map((d) => d.code).filter((c) => c.startsWith(prefix));

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** An instance with one context holding `content` in its segment and one Revenue fact (Cube1's primary item). */
function instance(name: string, segment: string, scenario = '', concept = 'Revenue'): string {
  const file = path.join(tmp, name);
  fs.writeFileSync(
    file,
    `${instanceHead(DIM_NS, 'dim.xsd')}
  <xbrli:context id="c"><xbrli:entity><xbrli:identifier scheme="http://example.com">E</xbrli:identifier>${segment ? `<xbrli:segment>${segment}</xbrli:segment>` : ''}</xbrli:entity><xbrli:period><xbrli:instant>2024-03-31</xbrli:instant></xbrli:period>${scenario ? `<xbrli:scenario>${scenario}</xbrli:scenario>` : ''}</xbrli:context>
  <d:${concept} contextRef="c" unitRef="u" decimals="0">1</d:${concept}>
</xbrli:xbrl>
`,
  );
  return file;
}
const ex = (dim: string, member: string) =>
  `<xbrldi:explicitMember dimension="d:${dim}">${member}</xbrldi:explicitMember>`;

describe('XBRL Dimensions instance rules', () => {
  test('a generated instance: exactly the planted dimensionally invalid facts are found', () => {
    const file = path.join(tmp, 'gen.xml');
    const { facts, planted } = writeDimensionalInstance(file, 'dim.xsd', 2000);
    const r = validate(file);
    expect(r.report!.facts.length).toBe(facts);
    expect(planted).toBe(facts / 50);
    expect(r.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code)).toEqual(
      Array(planted).fill('xbrldie:PrimaryItemDimensionallyInvalidError'),
    );
  });

  test('usable members and defaults are valid; a member outside the domain, or an extra dimension in a closed cube, is not', () => {
    expect(codes(validate(instance('ok.xml', ex('DimA', 'd:DimAM3'))).diagnostics)).toEqual([]);
    expect(codes(validate(instance('defaults.xml', '')).diagnostics)).toEqual([]);
    expect(codes(validate(instance('orphan.xml', ex('DimA', 'd:Orphan'))).diagnostics)).toEqual([
      'xbrldie:PrimaryItemDimensionallyInvalidError',
    ]);
    expect(codes(validate(instance('extra.xml', ex('DimA', 'd:DimAM1') + ex('DimE', 'd:DimEM1'))).diagnostics)).toEqual(
      ['xbrldie:PrimaryItemDimensionallyInvalidError'],
    );
    // Cube3 is in the scenario: a member in the segment is not looked at (the scenario's defaults apply), one in the scenario is.
    expect(codes(validate(instance('segment.xml', ex('DimE', 'd:Orphan'), '', 'Budget')).diagnostics)).toEqual([]);
    expect(codes(validate(instance('scenario.xml', '', ex('DimE', 'd:Orphan'), 'Budget')).diagnostics)).toEqual([
      'xbrldie:PrimaryItemDimensionallyInvalidError',
    ]);
    expect(codes(validate(instance('scenariook.xml', '', ex('DimE', 'd:DimEM1'), 'Budget')).diagnostics)).toEqual([]);
  });

  test("a context's own members: defaults written, repeats, undeclared members, wrong kind, typed content", () => {
    const one = (name: string, seg: string, scen = '') => {
      const d = validate(instance(name, seg, scen)).diagnostics.filter(
        (x) => x.code !== 'xbrldie:PrimaryItemDimensionallyInvalidError',
      );
      return d.filter((x) => x.code.startsWith('xbrldie:'));
    };
    const dflt = one('dflt.xml', ex('DimA', 'd:DimADomain'));
    expect(dflt.map((d) => d.code)).toEqual(['xbrldie:DefaultValueUsedInInstanceError']);
    expect(dflt[0].source).toEqual({ file: path.join(tmp, 'dflt.xml'), line: 5, column: expect.any(Number) });
    expect(one('rep.xml', ex('DimA', 'd:DimAM1'), ex('DimA', 'd:DimAM2')).map((d) => d.code)).toEqual([
      'xbrldie:RepeatedDimensionInInstanceError',
    ]);
    expect(one('undef.xml', ex('DimA', 'd:NoSuchMember')).map((d) => d.code)).toEqual([
      'xbrldie:ExplicitMemberUndefinedQNameError',
    ]);
    expect(one('noprefix.xml', ex('DimA', 'zz:M')).map((d) => d.code)).toEqual([
      'xbrldie:ExplicitMemberUndefinedQNameError',
    ]);
    expect(one('kind.xml', ex('DimT', 'd:DimAM1')).map((d) => d.code)).toEqual([
      'xbrldie:ExplicitMemberNotExplicitDimensionError',
    ]);
    const typed = (content: string) => `<xbrldi:typedMember dimension="d:DimT">${content}</xbrldi:typedMember>`;
    expect(one('typedok.xml', typed('<d:TypedKey>4</d:TypedKey>'))).toEqual([]);
    expect(one('typedbad.xml', typed('<d:Revenue>4</d:Revenue>')).map((d) => d.code)).toEqual([
      'xbrldie:IllegalTypedDimensionContentError',
    ]);
    expect(
      one('typedexplicit.xml', typed('<d:TypedKey>4</d:TypedKey>').replace('DimT', 'DimA')).map((d) => d.code),
    ).toEqual(['xbrldie:TypedMemberNotTypedDimensionError']);
  });

  test('typed members keep their element name: two elements with the same text are different members', () => {
    const r = validate(
      instance(
        'typedname.xml',
        '<xbrldi:typedMember dimension="d:DimT"><d:TypedKey>4</d:TypedKey></xbrldi:typedMember>',
      ),
    );
    const dims = r.report!.facts[0].dimensions!;
    expect(dims[`{${DIM_NS}}DimT`]).toBe(`{${DIM_NS}}TypedKey=4`);
  });

  test('verdicts shared between contexts of the same members still tell apart other content, container and prefix scope', () => {
    // Facts of several contexts, interleaved: c2 adds other content to c1's members (Cube1 is closed), c3 and c4 write
    // one member in the segment and in the scenario, c5 and c6 write the same text "q:DimAM1" with q bound on the context
    // to the taxonomy's namespace and to another one.
    const ctx = (id: string, segment: string, scenario = '', ns = '') =>
      `<xbrli:context id="${id}"${ns ? ` xmlns:q="${ns}"` : ''}><xbrli:entity><xbrli:identifier scheme="http://example.com">E</xbrli:identifier>${segment ? `<xbrli:segment>${segment}</xbrli:segment>` : ''}</xbrli:entity><xbrli:period><xbrli:instant>2024-03-31</xbrli:instant></xbrli:period>${scenario ? `<xbrli:scenario>${scenario}</xbrli:scenario>` : ''}</xbrli:context>`;
    const fact = (c: string) => `<d:Revenue contextRef="${c}" unitRef="u" decimals="0">1</d:Revenue>`;
    const file = path.join(tmp, 'shared-verdicts.xml');
    fs.writeFileSync(
      file,
      `${instanceHead(DIM_NS, 'dim.xsd')}
  ${ctx('c1', ex('DimA', 'd:DimAM1'))}
  ${ctx('c2', `${ex('DimA', 'd:DimAM1')}<o:Note xmlns:o="http://example.com/other">x</o:Note>`)}
  ${ctx('c3', ex('DimE', 'd:DimEM1'))}
  ${ctx('c4', '', ex('DimE', 'd:DimEM1'))}
  ${ctx('c5', ex('DimA', 'q:DimAM1'), '', DIM_NS)}
  ${ctx('c6', ex('DimA', 'q:DimAM1'), '', 'http://example.com/elsewhere')}
  ${['c1', 'c2', 'c1', 'c3', 'c4', 'c5', 'c6', 'c2', 'c5'].map(fact).join('\n  ')}
</xbrli:xbrl>
`,
    );
    const r = validate(file);
    const invalid = r.diagnostics.filter((d) => d.code === 'xbrldie:PrimaryItemDimensionallyInvalidError');
    expect(invalid.map((d) => d.contexts)).toEqual([['c2'], ['c3'], ['c6'], ['c2']]);
    expect(codes(r.diagnostics, 'xbrldie:ExplicitMember')).toEqual(['xbrldie:ExplicitMemberUndefinedQNameError']);
    const members = r.report!.facts.map((f) => f.dimensions?.[`{${DIM_NS}}DimA`]);
    expect(members.slice(5, 7)).toEqual([`{${DIM_NS}}DimAM1`, '{http://example.com/elsewhere}DimAM1']);
  });
});

/** The fixture taxonomy with its definition linkbase edited by `edit`, in its own directory. */
function malformed(name: string, edit: (def: string, xsd: string) => [string, string]): string {
  const dir = path.join(tmp, name);
  fs.mkdirSync(dir);
  const [def, schema] = edit(fs.readFileSync(path.join(tmp, 'dim-def.xml'), 'utf8'), fs.readFileSync(xsd, 'utf8'));
  fs.writeFileSync(path.join(dir, 'dim-def.xml'), def);
  fs.writeFileSync(path.join(dir, 'dim.xsd'), schema);
  return path.join(dir, 'dim.xsd');
}

describe('XBRL Dimensions taxonomy rules on a malformed DRS: coded diagnostics with a place, never a throw', () => {
  const check = (file: string) =>
    loadDts([file], { baseFile: file, packages: [] }).diagnostics.filter((d) => d.code.startsWith('xbrldte:'));

  test('the fixture taxonomy itself is clean', () => {
    expect(check(xsd)).toEqual([]);
  });

  test('a directed cycle from a member back to its domain', () => {
    const file = malformed('cycle', (def, s) => [
      def.replace(
        '</link:definitionLink>',
        '<link:definitionArc xlink:type="arc" xlink:arcrole="http://xbrl.org/int/dim/arcrole/domain-member" xlink:from="DimAM2" xlink:to="DimADomain"/></link:definitionLink>',
      ),
      s,
    ]);
    const ds = check(file);
    expect(ds.map((d) => d.code)).toEqual(['xbrldte:DRSDirectedCycleError']);
    expect(ds[0].source).toEqual({
      file: path.join(path.dirname(file), 'dim-def.xml'),
      line: expect.any(Number),
      column: expect.any(Number),
    });
  });

  test('a typedDomainRef to nothing, a typed dimension with a domain, a hypercube that is not abstract', () => {
    const file = malformed('typed', (def, s) => [
      def.replace(
        '</link:definitionLink>',
        '<link:loc xlink:type="locator" xlink:href="dim.xsd#d_DimT" xlink:label="DimTx"/><link:definitionArc xlink:type="arc" xlink:arcrole="http://xbrl.org/int/dim/arcrole/dimension-domain" xlink:from="DimTx" xlink:to="DimADomain"/></link:definitionLink>',
      ),
      s
        .replace('#d_TypedKey', '#d_Nothing')
        .replace(
          'name="Cube1" type="xbrli:stringItemType" abstract="true"',
          'name="Cube1" type="xbrli:stringItemType"',
        ),
    ]);
    const ds = check(file);
    expect(ds.map((d) => d.code).sort()).toEqual([
      'xbrldte:DimensionDomainSourceError',
      'xbrldte:HypercubeElementIsNotAbstractError',
      'xbrldte:OutOfDTSSchemaError',
    ]);
    for (const d of ds)
      expect(d.source).toEqual({
        file: expect.stringContaining(path.join(tmp, 'typed')),
        line: expect.any(Number),
        column: expect.any(Number),
      });
  });
});

describe('XBRL Dimensions scale', () => {
  test('a 10,000-member domain and a 50-dimension context validate in linear time', () => {
    const dir = path.join(tmp, 'big');
    const file = malformed('big', (def, s) => {
      const n = 10000;
      const locs = Array.from(
        { length: n },
        (_, i) =>
          `<link:loc xlink:type="locator" xlink:href="dim.xsd#d_Big${i}" xlink:label="Big${i}"/><link:definitionArc xlink:type="arc" xlink:arcrole="http://xbrl.org/int/dim/arcrole/domain-member" xlink:from="${i ? `Big${i - 1}` : 'DimADomain'}" xlink:to="Big${i}"/>`,
      ).join('');
      const els = Array.from(
        { length: n },
        (_, i) =>
          `<xs:element id="d_Big${i}" name="Big${i}" type="xbrli:stringItemType" abstract="true" substitutionGroup="xbrli:item" xbrli:periodType="instant"/>`,
      ).join('');
      return [
        def.replace('</link:definitionLink>', `${locs}</link:definitionLink>`),
        s.replace('</xs:schema>', `${els}</xs:schema>`),
      ];
    });
    void file;
    // A chain 10,000 members deep, its deepest member used; 50 typed members in the scenario (Cube1 looks only at the segment).
    const scen = Array.from(
      { length: 50 },
      (_, i) => `<xbrldi:typedMember dimension="d:DimT"><d:TypedKey>${i}</d:TypedKey></xbrldi:typedMember>`,
    ).join('');
    const inst = path.join(dir, 'i.xml');
    fs.writeFileSync(inst, fs.readFileSync(instance('big-src.xml', ex('DimA', 'd:Big9999'), scen), 'utf8'));
    const t0 = Date.now();
    const r = validate(inst);
    expect(Date.now() - t0).toBeLessThan(20000);
    const found = r.diagnostics.map((d) => d.code).filter((c) => c.startsWith('xbrld'));
    expect(found.filter((c) => c === 'xbrldie:RepeatedDimensionInInstanceError')).toHaveLength(49);
    expect(found).not.toContain('xbrldie:PrimaryItemDimensionallyInvalidError');
  });
});
