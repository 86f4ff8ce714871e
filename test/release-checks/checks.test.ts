import fs from 'node:fs';
import path from 'node:path';
import { RELEASE_CHECKS, runReleaseChecks, checkDuplicates, type CheckInput } from '../../src/checks';
import { findFooting } from '../../src/checks/footing';
import { parseQ, type Q } from '../../src/util/exact';
import { parseRelease } from '../../src/release';
import { loadReleaseMap } from '../../src/mapping/release-map';
import { loadTaxonomySource } from '../../src/mapping/taxonomy-source';
import { mapRelease } from '../../src/mapping/map-release';
import { diag } from '../../src/model';
import type { MappedFact, Occurrence } from '../../src/mapping/types';

const RELEASE = path.join(__dirname, '..', '..', 'releases', 'iij-2004-02-12-3q-fy2003.txt');
const REPORT = path.join(__dirname, '..', '..', 'instances', 'iij-20031231.report.json');

function bundledInput(): CheckInput {
  const { release } = parseRelease(fs.readFileSync(RELEASE, 'utf8'), RELEASE);
  const rmap = loadReleaseMap();
  const tax = loadTaxonomySource();
  const m = mapRelease(release, rmap, tax, { lang: 'both' });
  return {
    file: RELEASE,
    tables: m.tables,
    facts: m.facts,
    calculations: tax.calculations,
    rmap,
    found: m.found,
    lang: 'both',
  };
}

describe('the release checks stage', () => {
  const input = bundledInput();

  it('runs one list, the checks on every mapped release first, then those needing a clean mapping', () => {
    expect(RELEASE_CHECKS.map((c) => `${c.when}:${c.name}`)).toEqual([
      'mapped:duplicates',
      'mapped:completeness',
      'mapped:periods the release states',
      'mapped:blank cells the other language prints',
      'clean:percent figures',
      'clean:derived figures across languages',
      'clean:USD translations',
    ]);
  });

  it("adds up the checks' counts as the committed conversion report states them, and finds what it lists", () => {
    const report = JSON.parse(fs.readFileSync(REPORT, 'utf8'));
    const r = runReleaseChecks(input, []);
    const { duplicateOccurrencesChecked: _d, ...counts } = report.checks;
    expect(r.counts).toEqual(counts);
    // key order too: the report's bytes depend on it
    expect(Object.keys(r.counts)).toEqual(Object.keys(counts));
    const codes = (ds: { code: string }[]) => ds.map((d) => d.code).sort();
    const fromChecks = new Set<string>(r.diagnostics.map((d) => d.code));
    expect(codes(r.diagnostics)).toEqual(
      codes(report.findings.filter((f: { code: string }) => fromChecks.has(f.code))),
    );
  });

  it('is pure: the same input gives the same findings and counts twice, and the input is not changed', () => {
    const before = JSON.stringify(input.facts);
    const a = runReleaseChecks(input, []);
    const b = runReleaseChecks(input, []);
    expect(b).toEqual(a);
    expect(JSON.stringify(input.facts)).toBe(before);
  });

  it('skips the figure checks after an error, and runs the others', () => {
    const error = diag('release:unmappedRow', 'error', 'x', { source: { file: RELEASE, line: 1, column: 1 } });
    const r = runReleaseChecks(input, [error]);
    expect(r.counts).toEqual({ percentChecked: 0, percentUnverifiable: 0, usdChecked: 0 });
    expect(r.diagnostics.some((d) => d.code === 'release:inconsistentDuplicate')).toBe(true);
    expect(r.diagnostics.some((d) => d.code === 'release:percentMismatch')).toBe(false);
  });
});

describe('the footing algorithm (one for shares and USD figures)', () => {
  const calcs = [
    { role: 'r', total: 'T', items: ['A', 'B', 'C', 'D', 'E'].map((concept) => ({ concept, weight: 1 })) },
  ];
  const column = (total: string): Record<string, Q> => ({
    A: parseQ('31.5'),
    B: parseQ('17.3'),
    C: parseQ('0.5'),
    D: parseQ('2.3'),
    E: parseQ('1.0'),
    T: parseQ(total),
  });
  const foot = (col: Record<string, Q>, near = () => true) =>
    findFooting(
      'B',
      'B',
      calcs,
      (c) => (c in col ? c : undefined),
      near,
      (c) => col[c],
    );

  it('finds the summation whose printed parts add up exactly to the printed total', () => {
    const f = foot(column('52.6'));
    expect(f?.rel.total).toBe('T');
    expect(f?.parts.map((p) => p.x)).toEqual(['A', 'B', 'C', 'D', 'E']);
  });
  it('finds none when the parts do not add up, or when a figure is not within one unit', () => {
    expect(foot(column('52.7'))).toBeUndefined();
    expect(foot(column('52.6'), () => false)).toBeUndefined();
  });
});

describe('duplicates', () => {
  const occ = (line: number, value: string, decimals: number, lang: 'en' | 'ja' = 'en'): Occurrence => ({
    table: 'en-operations-quarter',
    tableTitle: 'T',
    lang,
    row: 'Revenues',
    column: 'Dec 31, 2003',
    line,
    col: 2,
    printed: value,
    value,
    decimals,
  });
  const fact = (provenance: Occurrence[]): MappedFact =>
    ({
      id: 'f',
      name: 'Revenues',
      concept: '{x}Revenues',
      entity: { scheme: 's', identifier: 'i' },
      period: { type: 'instant', instant: '2003-12-31' },
      value: provenance[0].value,
      decimals: provenance[0].decimals,
      source: { file: 't.txt', line: provenance[0].line, column: 2 },
      provenance,
    }) as MappedFact;
  const input = (facts: MappedFact[], lang: 'en' | 'ja' | 'both' = 'both') =>
    ({ file: 't.txt', facts, rmap: loadReleaseMap(), lang }) as CheckInput;

  it('reports a duplicate no rounding of the fact explains, at its place with the fact’s place', () => {
    const r = checkDuplicates(input([fact([occ(10, '2198668000', -3), occ(20, '2275000000', -6)])]));
    expect(r.diagnostics).toMatchObject([
      {
        code: 'release:inconsistentDuplicate',
        severity: 'inconsistency',
        source: { line: 20 },
        related: [{ line: 10 }],
      },
    ]);
    expect(checkDuplicates(input([fact([occ(10, '2198668000', -3), occ(20, '2199000000', -6)])])).diagnostics).toEqual(
      [],
    );
  });
  it('leaves out facts of a part not converted (figures taken from the other language)', () => {
    const f = fact([occ(10, '2198668000', -3), occ(20, '2275000000', -6)]);
    expect(checkDuplicates(input([f], 'ja')).diagnostics).toEqual([]);
  });
});
