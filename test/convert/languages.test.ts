import path from 'node:path';
import { convert } from '../../src/convert';
import type { MappedFact } from '../../src/mapping/types';

const RELEASE = path.join(__dirname, '../../releases/iij-2004-02-12-3q-fy2003.txt');
const en = convert(RELEASE, { lang: 'en' });
const ja = convert(RELEASE, { lang: 'ja' });
const both = convert(RELEASE, { lang: 'both' });
const key = (f: MappedFact) => `${f.name}|${JSON.stringify(f.period)}|${JSON.stringify(f.unit)}|${f.language ?? ''}`;

describe('Japanese and English parts', () => {
  it('each converts on its own, with zero unaccounted cells', () => {
    for (const r of [en, ja, both]) expect(r.ok).toBe(true);
    expect(en.coverage.en.unaccounted).toBe(0);
    expect(ja.coverage.ja.unaccounted).toBe(0);
    expect(Object.keys(en.coverage)).toEqual(['en']);
    expect(Object.keys(ja.coverage)).toEqual(['ja']);
  });

  it('yield the same facts (value and decimals) wherever both report an item', () => {
    const byKey = new Map(en.facts.map((f) => [key(f), f]));
    let shared = 0;
    for (const f of ja.facts) {
      const e = byKey.get(key(f));
      if (!e) continue;
      shared++;
      expect([key(f), f.value, f.decimals]).toEqual([key(f), e.value, e.decimals]);
    }
    expect(shared).toBeGreaterThan(450);
  });

  it('both = one fact set whose provenance lists Japanese and English occurrences', () => {
    const keys = new Set([...en.facts, ...ja.facts].map(key));
    expect(both.facts.map(key).sort()).toEqual([...keys].sort());
    const revenue = both.facts.find(
      (f) =>
        f.name === 'Revenues' &&
        f.period.type === 'duration' &&
        f.period.start === '2003-10-01' &&
        f.unit?.numerators[0].endsWith('JPY'),
    )!;
    expect(revenue.value).toBe('9633155000');
    expect(revenue.decimals).toBe(-3);
    expect(new Set(revenue.provenance.map((p) => p.lang))).toEqual(new Set(['en', 'ja']));
    expect(revenue.provenance.map((p) => p.line).sort((a, b) => a - b)).toEqual([47, 141, 372, 591]);
  });

  it('reports cross-language and in-language findings with both places', () => {
    const dup = both.diagnostics.filter((d) => d.code === 'release:inconsistentDuplicate');
    // 表6/Table 6 print the cost of SI as 2,275 (2Q03) while both statements say 2,275,704 thousand; Table 6 says 2,198 for 3Q03.
    expect(dup.map((d) => d.source?.line).sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual([98, 440, 440]);
    for (const d of dup) expect(d.related?.length).toBe(1);
    const pct = both.diagnostics.filter((d) => d.code === 'release:percentMismatch');
    expect(pct.some((d) => d.source?.line === 117)).toBe(true); // 表8: D&A +9.8% where 1,004 vs 943 gives +6.5%
  });
});
