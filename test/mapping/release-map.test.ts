import fs from 'node:fs';
import path from 'node:path';
import { loadReleaseMap } from '../../src/mapping/release-map';
import { loadTaxonomySource } from '../../src/mapping/taxonomy-source';
import { mapRelease } from '../../src/mapping/map-release';
import { labelKey, parseRelease } from '../../src/release';
import { checkSchema } from '../../src/util/json-schema';

const ROOT = path.join(__dirname, '../..');
const release = parseRelease(
  fs.readFileSync(path.join(ROOT, 'releases/iij-2004-02-12-3q-fy2003.txt'), 'utf8'),
  'r',
).release;
const map = loadReleaseMap();
const tax = loadTaxonomySource();

describe('the release mapping', () => {
  it('validates against its schema (and a broken one does not)', () => {
    const raw = JSON.parse(fs.readFileSync(path.join(ROOT, 'mapping/release-map.json'), 'utf8'));
    expect(checkSchema('release-map.schema.json', raw, 'm')).toEqual([]);
    raw.tables[0].rows[1].sign = 'flipped';
    expect(checkSchema('release-map.schema.json', raw, 'm').length).toBeGreaterThan(0);
  });

  it('names only concepts the taxonomy declares', () => {
    for (const t of map.tables) for (const r of t.rows) if (r.concept) expect(tax.concepts.has(r.concept)).toBe(true);
  });

  it('every mapped label occurs in its table of the release (no typos), and every table matches once', () => {
    const resolved = mapRelease(release, map, tax, { lang: 'both' }).tables;
    for (const t of map.tables) {
      expect([t.id, resolved.filter((x) => x.id === t.id).length]).toEqual([t.id, 1]);
      // Tables sharing one row list (three- and nine-month operations) may each lack some of its labels, so a label
      // must occur in one of the tables that use that list.
      const sameRows = resolved.filter((x) =>
        map.tables.some((m) => m.id === x.id && JSON.stringify(m.rows) === JSON.stringify(t.rows)),
      );
      const labels = new Set(sameRows.flatMap((x) => x.table.rows.map((r) => labelKey(r.label.text))));
      for (const r of t.rows) {
        const variants = Array.isArray(r.label) ? r.label : [r.label];
        expect([t.id, variants, variants.some((v) => labels.has(labelKey(v)))]).toEqual([t.id, variants, true]);
      }
    }
  });
});
