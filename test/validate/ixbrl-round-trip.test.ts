import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Decimal from 'decimal.js';
import { convert } from '../../src/convert';
import { readInlineXbrl } from '../../src/ixbrl/from-ixbrl';
import { validate } from '../../src/validate';
import type { Fact } from '../../src/model';

/**
 * The round trip through Inline XBRL: the converter's facts → the committed iXBRL documents
 * (instances/iij-20031231-en.xhtml, -ja.xhtml) → the validator's Inline XBRL reader → the same
 * facts, once the duplicates every document carries (millions and thousands, tables and
 * statements) are reconciled. Each document carries every fact (those it does not print in
 * ix:hidden), so each one alone must give all of them.
 */
const ROOT = path.join(__dirname, '../..');
const RELEASE = path.join(ROOT, 'releases/iij-2004-02-12-3q-fy2003.txt');
const converted = convert(RELEASE, { lang: 'both' });
const notes = new Map(converted.report!.footnotes.map((n) => [n.id, n]));

const key = (f: Fact) => JSON.stringify([f.concept, f.entity, f.period, f.unit ?? null, f.language ?? null]);
const essence = (f: Fact) => ({
  concept: f.concept,
  entity: f.entity,
  period: f.period,
  unit: f.unit,
  value: f.value,
  decimals: f.decimals,
  language: f.language,
});
const half = (d: number | 'INF' | undefined) =>
  typeof d === 'number' ? new Decimal(10).pow(-d).div(2) : new Decimal(0);

/** One fact per aspect set: the most precise occurrence, after checking every other one agrees with it within rounding. */
function reconcile(facts: Fact[]): Map<string, Fact> {
  const sets = new Map<string, Fact[]>();
  for (const f of facts) {
    const k = key(f);
    const s = sets.get(k);
    if (s) s.push(f);
    else sets.set(k, [f]);
  }
  const out = new Map<string, Fact>();
  for (const [k, set] of sets) {
    const best = set.reduce((a, b) =>
      (typeof b.decimals === 'number' ? b.decimals : -Infinity) >
      (typeof a.decimals === 'number' ? a.decimals : -Infinity)
        ? b
        : a,
    );
    for (const f of set) {
      const agree = best.unit
        ? new Decimal(f.value as string)
            .minus(best.value as string)
            .abs()
            .lte(half(f.decimals).plus(half(best.decimals)))
        : f.value === best.value;
      expect([k, f.id, agree]).toEqual([k, f.id, true]);
    }
    out.set(k, best);
  }
  return out;
}

describe.each(['en', 'ja'] as const)('Inline XBRL round trip, %s document', (lang) => {
  const file = path.join(ROOT, 'instances', `iij-20031231-${lang}.xhtml`);
  const read = readInlineXbrl([file]);
  const facts = read.report!.facts;

  it('reads without a problem, every tagged occurrence a fact', () => {
    expect(read.diagnostics).toEqual([]);
    expect(facts.length).toBeGreaterThan(converted.facts.length);
  });

  it("gives, after reconciling duplicates, exactly convert's facts (concept, entity, period, unit, value, decimals, language)", () => {
    const got = reconcile(facts);
    const want = new Map(converted.facts.map((f) => [key(f), f]));
    expect([...got.keys()].sort()).toEqual([...want.keys()].sort());
    for (const [k, f] of want) expect(essence(got.get(k) as Fact)).toEqual(essence(f));
  });

  it("links every fact to convert's footnotes in the document's language, in every occurrence", () => {
    const byId = new Map(read.report!.footnotes.map((n) => [n.id, n]));
    const texts = (ids: string[] | undefined, lookup: (id: string) => { text: string; language: string } | undefined) =>
      (ids ?? [])
        .map(lookup)
        .filter((n) => n?.language === lang)
        .map((n) => n!.text)
        .sort();
    const want = new Map(converted.facts.map((f) => [key(f), texts(f.footnotes, (id) => notes.get(id))]));
    let linked = 0;
    for (const f of facts) {
      const got = texts(f.footnotes, (id) => byId.get(id));
      expect([f.id, got]).toEqual([f.id, want.get(key(f))]);
      if (got.length) linked++;
    }
    expect(linked).toBeGreaterThan(100);
  });

  it('validates clean: XBRL 2.1, Calc 1.1, duplicates (consistent only), roll-forwards', () => {
    const r = validate(file);
    expect(r.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(
      r.diagnostics.filter((d) => d.code === 'arelle:duplicateFacts').every((d) => d.params?.class !== 'inconsistent'),
    ).toBe(true);
  });

  it('the fast scanner and saxes read the same facts', () => {
    const slow = readInlineXbrl([file], { parser: 'saxes' });
    expect(slow.diagnostics).toEqual([]);
    expect(slow.report).toEqual(read.report);
  });

  it("convert's in-memory document reads the same as the committed one", () => {
    const tmp = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'iij-ixrt-')), `fresh-${lang}.xhtml`);
    fs.writeFileSync(tmp, converted.outputs.get(`iij-20031231-${lang}.xhtml`) as string);
    const fresh = readInlineXbrl([tmp]).report!;
    expect(fresh.facts.map(essence)).toEqual(facts.map(essence));
  });
});
