import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { convert } from '../../src/convert';
import { fromXbrlXml } from '../../src/instance/from-xbrl-xml';
import { fromXbrlJson } from '../../src/oim/from-xbrl-json';
import { toXbrlJson } from '../../src/oim/to-xbrl-json';
import type { Fact } from '../../src/model';

const RELEASE = path.join(__dirname, '../../releases/iij-2004-02-12-3q-fy2003.txt');

/** The aspects and value of a fact, as OIM defines them (ids, lines and context ids aside). */
const essence = (f: Fact) => ({
  id: f.id,
  concept: f.concept,
  entity: f.entity,
  period: f.period,
  unit: f.unit,
  value: f.value,
  decimals: f.decimals,
  language: f.language,
  footnotes: f.footnotes ?? [],
});

describe('round trip: converter facts → XML → facts → xBRL-JSON → facts', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iij-rt-'));
  const r = convert(RELEASE, { out: dir });
  const fromXml = fromXbrlXml(path.join(dir, 'iij-20031231.xml'));
  const jsonFile = path.join(dir, 'again.json');
  fs.writeFileSync(jsonFile, JSON.stringify(toXbrlJson({ ...fromXml.report!, namespaces: r.report!.namespaces })));
  const fromJson = fromXbrlJson(jsonFile);

  it('reads back without problems', () => {
    expect(fromXml.diagnostics).toEqual([]);
    expect(fromJson.diagnostics).toEqual([]);
  });
  it('gives the same facts at every step', () => {
    const original = r.facts.map(essence);
    expect(fromXml.report!.facts.map(essence)).toEqual(original);
    // OIM omits the unit xbrli:pure (a numeric fact without a unit is pure); the validator restores it from the DTS.
    const pure = '{http://www.xbrl.org/2003/instance}pure';
    const noPure = original.map((f) =>
      f.unit?.numerators[0] === pure && !f.unit.denominators.length ? { ...f, unit: undefined } : f,
    );
    expect(fromJson.report!.facts.map(essence)).toEqual(noPure);
  });
  it('keeps the footnotes', () => {
    const notes = (fs: { id: string; language: string; text: string }[]) =>
      fs.map((f) => ({ id: f.id, language: f.language, text: f.text }));
    expect(notes(fromXml.report!.footnotes)).toEqual(notes(r.report!.footnotes));
    expect(notes(fromJson.report!.footnotes)).toEqual(notes(r.report!.footnotes));
  });
});
