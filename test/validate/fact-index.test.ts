import { buildFactIndex } from '../../src/validate/fact-index';
import type { Fact } from '../../src/model';

const entity = { scheme: 'http://example.com', identifier: 'E' };
const period = { type: 'instant' as const, instant: '2024-03-31' };
const unit = { numerators: ['{http://www.xbrl.org/2003/instance}pure'], denominators: [] };
const fact = (concept: string, value: string, contextId = 'c'): Fact => ({
  concept,
  value,
  entity,
  period,
  unit,
  contextId,
  source: { file: 'x.xml', line: 1, column: 1 },
});

describe('fact index groups', () => {
  // A group starts as a short list and becomes a map past eight concepts: both must answer alike.
  test.each([3, 8, 9, 20])('a group of %i concepts, with duplicates, in the order first met', (n) => {
    const concepts = Array.from({ length: n }, (_, i) => `{http://example.com/c}C${i}`);
    const facts = [...concepts.map((c, i) => fact(c, String(i))), fact(concepts[0], '7'), fact(concepts[n - 1], '8')];
    facts.push(fact(concepts[0], '9'));
    const index = buildFactIndex(facts);
    expect(index.groups.size).toBe(1);
    const group = [...index.groups.values()][0];
    expect(group.size).toBe(n);
    expect([...group.keys()]).toEqual(concepts);
    expect(group.has(concepts[1])).toBe(true);
    expect(group.has('{http://example.com/c}Other')).toBe(false);
    expect(group.get('{http://example.com/c}Other')).toBeUndefined();
    expect(group.get(concepts[0])!.map((f) => f.value)).toEqual(['0', '7', '9']);
    expect(group.get(concepts[1])!.map((f) => f.value)).toEqual(['1']);
    expect([...group.duplicateSets()].map((s) => s.map((f) => f.value))).toEqual([
      ['0', '7', '9'],
      [String(n - 1), '8'],
    ]);
    expect([...group.values()].map((s) => s.length)).toEqual(
      concepts.map((_, i) => (i === 0 ? 3 : i === n - 1 ? 2 : 1)),
    );
    const seen: string[] = [];
    group.forEach((_, k) => seen.push(k));
    expect(seen).toEqual(concepts);
    expect(index.find(concepts[1], facts[0], period)!.map((f) => f.value)).toEqual(['1']);
  });

  test('entities whose scheme and identifier read alike when joined stay two groups', () => {
    const a = { ...fact('{x}A', '1', 'c1'), entity: { scheme: 's', identifier: 'a|x' } };
    const b = { ...fact('{x}A', '2', 'c2'), entity: { scheme: 's|a', identifier: 'x' } };
    expect(buildFactIndex([a, b]).groups.size).toBe(2);
  });

  test('facts of two contexts with the same aspects share one group; another period gets its own', () => {
    const other = { type: 'instant' as const, instant: '2024-04-01' };
    const facts = [fact('{x}A', '1', 'c1'), fact('{x}A', '2', 'c2'), { ...fact('{x}A', '3', 'c3'), period: other }];
    const index = buildFactIndex(facts);
    expect([...index.groups.values()].map((g) => g.get('{x}A')!.map((f) => f.value))).toEqual([['1', '2'], ['3']]);
  });
});
