import fs from 'node:fs';
import path from 'node:path';
import { compile, validate } from '../../src';
import { readInstance } from '../../src/validate';

const root = path.join(__dirname, '..', '..');
const xml = path.join(root, 'instances', 'iij-20031231.xml');
const json = path.join(root, 'instances', 'iij-20031231.json');
const codes = (ds: { code: string; severity: string }[]) =>
  ds
    .filter((d) => d.severity !== 'info')
    .map((d) => d.code)
    .sort();

describe('compile once, validate many', () => {
  const entry = readInstance(xml).report!.taxonomy;
  const v = compile(entry);

  test('a compiled validator gives the same verdict as a one-off validate', () => {
    for (const f of [xml, json]) {
      const once = validate(f);
      const many = v.validate(f);
      expect(many.fatal).toBe(false);
      expect(many.report!.facts.length).toBe(once.report!.facts.length);
      expect(many.report!.facts.length).toBeGreaterThan(400);
      expect(codes(many.diagnostics)).toEqual(codes(once.diagnostics));
    }
  });

  test('the compiled validator is reused: it is frozen and its DTS is the same object across calls', () => {
    expect(Object.isFrozen(v)).toBe(true);
    expect(v.validate(xml).dts).toBe(v.dts);
    expect(v.validate(json).dts).toBe(v.dts);
  });

  test('validateReport checks a report in memory and finds a planted inconsistency', () => {
    const report = readInstance(xml).report!;
    const clean = v.validateReport(report, { file: 'mem' });
    expect(clean.filter((d) => d.severity === 'inconsistency')).toEqual([]);
    const rev = report.facts.find((f) => f.concept.endsWith('}Revenues') && f.unit?.numerators[0].endsWith('JPY'))!;
    const planted = {
      ...report,
      facts: report.facts.map((f) => (f === rev ? { ...f, value: (BigInt(f.value!) + 900000000n).toString() } : f)),
    };
    const found = v.validateReport(planted, { file: 'mem' });
    expect(
      found.some((d) => d.code === 'calc11e:inconsistentCalculationUsingRounding' && d.facts?.includes(rev.id!)),
    ).toBe(true);
    // Revenues is the same summation in several statements: reported in each of their link roles (one check, not one per copy, when it holds).
    const roles = found
      .filter((d) => d.code === 'calc11e:inconsistentCalculationUsingRounding' && d.facts?.[0] === rev.id)
      .map((d) => d.params?.linkrole);
    expect(new Set(roles).size).toBe(roles.length);
    expect(roles.length).toBeGreaterThanOrEqual(2);
  });

  test('rules are pure: skipping the XBRL 2.1 rule does not change what calculations find, and the input is not mutated', () => {
    const report = readInstance(json).report!;
    const before = JSON.stringify(report.facts);
    const all = v.validateReport(report, { file: json }).filter((d) => d.code.startsWith('calc'));
    const skipped = v.validateReport(report, { file: json, skip: ['xbrl21'] }).filter((d) => d.code.startsWith('calc'));
    expect(skipped).toEqual(all);
    expect(JSON.stringify(report.facts)).toBe(before);
    // the xBRL-JSON has unit-less (pure) numeric facts: normalisation must have given them a unit
    expect(report.facts.some((f) => !f.unit)).toBe(true);
  });

  test('an instance naming another DTS is validated against its own, not the compiled one', () => {
    const dir = fs.mkdtempSync(path.join(require('node:os').tmpdir(), 'iij-compile-'));
    const other = path.join(dir, 'x.xml');
    fs.writeFileSync(
      other,
      fs.readFileSync(xml, 'utf8').replace(/xlink:href="[^"]+\.xsd"/, 'xlink:href="missing.xsd"'),
    );
    const r = v.validate(other);
    expect(r.diagnostics.some((d) => d.code === 'xbrl.4.2.2:schemaRefHref')).toBe(true);
  });
});

describe('validatorCache: many instances, one compilation per DTS', () => {
  test('instances naming the same taxonomy share one compiled DTS; verdicts equal one-off validate()', async () => {
    const { validatorCache } = await import('../../src');
    const cache = validatorCache();
    for (const f of [xml, json, xml])
      expect(codes(cache.validate(f).diagnostics)).toEqual(codes(validate(f).diagnostics));
    expect(cache.compiled).toBe(1);
    const dir = fs.mkdtempSync(path.join(require('node:os').tmpdir(), 'iij-cache-'));
    const other = path.join(dir, 'x.xml');
    fs.writeFileSync(
      other,
      fs.readFileSync(xml, 'utf8').replace(/xlink:href="[^"]+\.xsd"/, 'xlink:href="missing.xsd"'),
    );
    expect(cache.validate(other).diagnostics.some((d) => d.code === 'xbrl.4.2.2:schemaRefHref')).toBe(true);
    expect(cache.compiled).toBe(2);
  });
});
