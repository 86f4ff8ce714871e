import fs from 'node:fs';
import path from 'node:path';
import { checkSource, generateTaxonomy } from '../../src/taxonomy/generate';
import { checkSchema } from '../../src/util/json-schema';

const ROOT = path.join(__dirname, '../..');
const src = (f: string) => JSON.parse(fs.readFileSync(path.join(ROOT, 'taxonomy/src', f), 'utf8'));
const concepts = src('concepts.json').concepts;
const roles = src('networks.json').roles;

describe('taxonomy generation', () => {
  it('committed taxonomy files equal a fresh generation (run `iij-xbrl taxonomy build` after editing taxonomy/src)', () => {
    const files = generateTaxonomy(ROOT);
    expect(files.size).toBe(7);
    for (const [rel, content] of files) expect(fs.readFileSync(path.join(ROOT, 'taxonomy', rel), 'utf8')).toBe(content);
  });

  it('is deterministic', () => {
    const a = generateTaxonomy(ROOT);
    const b = generateTaxonomy(ROOT);
    for (const [k, v] of a) expect(b.get(k)).toBe(v);
  });

  it('the source validates against its JSON Schema and passes the cross checks', () => {
    expect(checkSchema('taxonomy-source.schema.json', { taxonomy: src('taxonomy.json'), concepts, roles }, 'src')).toEqual([]);
    expect(checkSource({ concepts, roles })).toEqual([]);
  });

  it('every non-abstract concept is in a presentation network; every concept has en and ja labels', () => {
    const presented = new Set<string>();
    const walk = (n: { concept: string; children?: unknown[] }) => { presented.add(n.concept); (n.children as typeof n[] | undefined)?.forEach(walk); };
    for (const r of roles) r.presentation.forEach(walk);
    for (const c of concepts) {
      expect(presented.has(c.name) || c.abstract).toBe(true);
      expect(c.labels.en.label).toBeTruthy();
      expect(c.labels.ja.label).toBeTruthy();
    }
  });
});

describe('checkSource rejects broken sources', () => {
  const money = (name: string, balance: 'debit' | 'credit') => ({ name, type: 'monetary' as const, periodType: 'duration' as const, balance, labels: { en: { label: name }, ja: { label: name } } });
  const role = (calc: unknown) => ({ id: 'R', uri: 'https://x/R', definition: 'R', presentation: [{ concept: 'A' }], calculation: [calc] });

  it('a weight that contradicts the balances', () => {
    const codes = checkSource({ concepts: [money('A', 'credit'), money('B', 'debit')], roles: [role({ total: 'A', items: [{ concept: 'B', weight: 1 }] })] as never }).map((d) => d.code);
    expect(codes).toEqual(['xbrl.5.1.1.2:balanceCalcWeightIllegalPositive']);
  });
  it('a calculation arc to an undeclared concept', () => {
    const codes = checkSource({ concepts: [money('A', 'credit')], roles: [role({ total: 'A', items: [{ concept: 'Nope', weight: 1 }] })] as never }).map((d) => d.code);
    expect(codes).toEqual(['taxonomy:undeclaredConcept']);
  });
  it('a concept of unknown type, per the schema', () => {
    const bad = [{ ...concepts[0], type: 'money' }];
    expect(checkSchema('taxonomy-source.schema.json', { taxonomy: src('taxonomy.json'), concepts: bad, roles }, 'src').length).toBeGreaterThan(0);
  });
  it('a missing Japanese label', () => {
    const c = { ...money('A', 'credit'), labels: { en: { label: 'A' } } };
    expect(checkSource({ concepts: [c] as never, roles: [] }).map((d) => d.code)).toEqual(['taxonomy:missingLabel']);
  });
});
