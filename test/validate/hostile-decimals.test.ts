/**
 * Decimals, precision and scale as a stranger writes them: every reader reads them through the one
 * lexical check (a coded error, never an exception), and the arithmetic they drive costs what the
 * values' digits cost, not what a `decimals` claims (issue: the validator threw `RangeError: The
 * number NaN cannot be converted to a BigInt` on `decimals="x"` and spent minutes on
 * `decimals="1000000"`).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { validate } from '../../src/validate';
import { checkLexical, readAccuracy } from '../../src/xbrl/lexical';
import { scaleDecimal } from '../../src/ixbrl/transformations';

const ROOT = path.join(__dirname, '..', '..');
const CLI = path.join(ROOT, 'dist', 'src', 'cli', 'main.js');
const TEMPLATE = fs.readFileSync(
  path.join(ROOT, 'test', 'fixtures', 'validate', 'decimals', 'calc-template.xml'),
  'utf8',
);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'iij-decimals-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

let n = 0;
/** The calculation fixture with DedicatedAccessServicesRevenue's decimals and value replaced. */
function instance(decimals: string, value = '3404000000'): string {
  const file = path.join(tmp, `calc-${n++}.xml`);
  fs.writeFileSync(file, TEMPLATE.replace('DECIMALS', decimals).replace('>VALUE<', `>${value}<`));
  return file;
}
const codes = (file: string) => validate(file).diagnostics.map((d) => d.code);

describe('the one lexical check', () => {
  test.each(['x', 'a b', '-3.5', '2.5', 'AAAA', '1e3', '', ' ', '+', '- 3', 'inf', '0x10'])(
    'decimals "%s" is xbrl.4.6.5:decimals, kept as NaN',
    (raw) => {
      const r = readAccuracy('decimals', raw);
      expect(r.issue?.code).toBe('xbrl.4.6.5:decimals');
      expect(r.value).toBeNaN();
    },
  );
  test.each([
    ['-6', -6],
    [' 3 ', 3],
    ['+2', 2],
    ['INF', 'INF'],
    ['2147483647', 2147483647],
    ['9'.repeat(40), Number.MAX_SAFE_INTEGER],
    [`-${'9'.repeat(40)}`, -Number.MAX_SAFE_INTEGER],
  ])('decimals "%s" reads as %s', (raw, value) => {
    expect(readAccuracy('decimals', raw)).toEqual({ value });
  });
  test('precision is a non-negative integer or INF (xbrl.4.6.4:precision)', () => {
    expect(readAccuracy('precision', '-3').issue?.code).toBe('xbrl.4.6.4:precision');
    expect(readAccuracy('precision', '0')).toEqual({ value: 0 });
    expect(checkLexical('scale', '2.5')?.code).toBe('xmlSchema:valueError');
    expect(checkLexical('decimal', ' -1.50 ')).toBeUndefined();
    // A name of Object.prototype is no type of the check.
    expect(checkLexical('constructor', 'x')).toBeUndefined();
  });
});

describe('XBRL XML: a decimals outside its space is a coded error, without --schema', () => {
  test.each(['x', 'a b', '-3.5', '2.5', 'AAAA', '1e3', ''])('decimals="%s"', (raw) => {
    const ds = validate(instance(raw)).diagnostics;
    const d = ds.find((x) => x.code === 'xbrl.4.6.5:decimals');
    expect(d).toMatchObject({ severity: 'error', actual: raw, expected: 'an integer or INF' });
    expect(d?.source?.line).toBe(8);
    // The fact takes no part in a calculation verdict: no inconsistency is made up from it.
    expect(ds.filter((x) => x.severity === 'inconsistency')).toEqual([]);
  });
  test('a negative precision is xbrl.4.6.4:precision', () => {
    const file = instance('-6').replace('.xml', '-p.xml');
    fs.writeFileSync(
      file,
      fs.readFileSync(instance('-6'), 'utf8').replace('decimals="-6">3404', 'precision="-3">3404'),
    );
    expect(codes(file)).toContain('xbrl.4.6.4:precision');
  });
});

describe('decimals beyond what the value carries cost the value, not the decimals', () => {
  test.each(['100000', '1000000', '2147483647', '9'.repeat(30)])('decimals="%s" is checked exactly and fast', (d) => {
    const t0 = Date.now();
    expect(codes(instance(d))).toEqual([]);
    // 3,404,000,001 with any decimals ≥ 0 is 1 above the figure the others add up to (±0.5 million each): still consistent.
    expect(codes(instance(d, '3404000001'))).toEqual([]);
    // 3,406,000,000 is not: the contributors' tolerance is 4 × 0.5 million = 2 million below the total's +0.5 million.
    expect(codes(instance(d, '3406600000'))).toContain('calc11e:inconsistentCalculationUsingRounding');
    expect(Date.now() - t0).toBeLessThan(5000);
  });
  test.each(['-100000', '-2147483648'])('decimals="%s" hides every digit: excess digits, fast', (d) => {
    const t0 = Date.now();
    expect(codes(instance(d))).toEqual(['calc11e:excessDigits']);
    expect(Date.now() - t0).toBeLessThan(2000);
  });
  test('--calc c10 rounds with the same bounds', () => {
    const t0 = Date.now();
    const r = validate(instance('1000000'), { calc: 'c10' });
    expect(r.diagnostics).toEqual([]);
    expect(Date.now() - t0).toBeLessThan(2000);
  });
});

describe('xBRL-JSON, xBRL-CSV and Inline XBRL', () => {
  const INSTANCES = path.join(ROOT, 'instances');
  test('xBRL-JSON decimals 2147483647', () => {
    const j = JSON.parse(fs.readFileSync(path.join(INSTANCES, 'iij-20031231.json'), 'utf8'));
    const key = Object.keys(j.facts).find((k) => j.facts[k].decimals === -3);
    j.facts[key as string].decimals = 2147483647;
    const file = path.join(tmp, 'm.json');
    fs.writeFileSync(file, JSON.stringify(j));
    const t0 = Date.now();
    expect(() => validate(file)).not.toThrow();
    expect(Date.now() - t0).toBeLessThan(5000);
  });
  test('xBRL-CSV decimals cell 2147483648', () => {
    const dir = fs.mkdtempSync(path.join(tmp, 'csv-'));
    for (const f of ['json', 'facts.csv', 'notes.csv'])
      fs.copyFileSync(path.join(INSTANCES, `iij-20031231.xbrl-csv.${f}`), path.join(dir, `iij-20031231.xbrl-csv.${f}`));
    const facts = path.join(dir, 'iij-20031231.xbrl-csv.facts.csv');
    const rows = fs.readFileSync(facts, 'utf8').split('\n');
    const i = rows.findIndex((r) => r.includes(',iso4217:JPY,-3,'));
    rows[i] = rows[i].replace(',iso4217:JPY,-3,', ',iso4217:JPY,2147483648,');
    fs.writeFileSync(facts, rows.join('\n'));
    const t0 = Date.now();
    const r = validate(path.join(dir, 'iij-20031231.xbrl-csv.json'));
    expect(r.report?.facts.some((f) => f.decimals === 2147483648)).toBe(true);
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(Date.now() - t0).toBeLessThan(5000);
  });
  const XHTML = fs.readFileSync(path.join(INSTANCES, 'iij-20031231-en.xhtml'), 'utf8');
  const ixbrl = (from: RegExp, to: string) => {
    const file = path.join(tmp, `m-${n++}.xhtml`);
    fs.writeFileSync(file, XHTML.replace(from, to));
    return file;
  };
  test.each(['2.5', 'AAAA', '1e3', ''])('Inline XBRL decimals="%s" is xbrl.4.6.5:decimals', (raw) => {
    const ds = validate(ixbrl(/decimals="-3"/, `decimals="${raw}"`)).diagnostics;
    expect(ds.find((d) => d.code === 'xbrl.4.6.5:decimals')).toMatchObject({ actual: raw });
    expect(ds.filter((d) => d.severity === 'inconsistency')).toEqual([]);
  });
  test.each(['2147483647', '1000000'])('Inline XBRL decimals="%s": no finding, fast', (raw) => {
    const t0 = Date.now();
    const ds = validate(ixbrl(/decimals="-3"/, `decimals="${raw}"`)).diagnostics;
    expect(ds.filter((d) => d.severity === 'error' || d.severity === 'inconsistency')).toEqual([]);
    expect(Date.now() - t0).toBeLessThan(5000);
  });
  test.each([
    ['2.5', 'xmlSchema:valueError'],
    ['x', 'xmlSchema:valueError'],
    ['2147483647', 'ixread:scaleOutOfRange'],
  ])('Inline XBRL scale="%s" is %s', (raw, code) => {
    expect(validate(ixbrl(/scale="3"/, `scale="${raw}"`)).diagnostics.map((d) => d.code)).toContain(code);
  });
  test('scaleDecimal on 0.000…1 of 300,000 digits is linear (was 176 s in its trailing-zero regex)', () => {
    const t0 = Date.now();
    const v = scaleDecimal(`0.${'0'.repeat(300_000)}1`, 3, false) as string;
    expect(v.length).toBe(300_000);
    expect(v.endsWith('01')).toBe(true);
    expect(scaleDecimal('12.3400', 2, true)).toBe('-1234');
    expect(Date.now() - t0).toBeLessThan(1000);
  });
});

describe('the CLI: exit status, no stack trace', () => {
  test('decimals="x": exit 1 with the coded error', () => {
    const p = spawnSync(process.execPath, [CLI, 'validate', instance('x')], { encoding: 'utf8' });
    expect(p.status).toBe(1);
    expect(p.stdout + p.stderr).toContain('xbrl.4.6.5:decimals');
    expect(p.stdout + p.stderr).not.toMatch(/internal error|RangeError|\n\s+at /);
  });
  test('decimals="1000000": exit 0', () => {
    const p = spawnSync(process.execPath, [CLI, 'validate', instance('1000000')], { encoding: 'utf8' });
    expect(p.status).toBe(0);
  });
});

/** Seeded mutations of the decimals attribute: none throws, every lexically invalid one is reported. */
test('60 seeded decimals mutations: no exception, every invalid one coded', () => {
  let seed = 20251205;
  const rand = (k: number) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % k;
  };
  const ALPHABET = ['0', '1', '9', '-', '+', '.', 'e', 'E', 'x', ' ', 'I', 'N', 'F', '\t'];
  const raws = Array.from({ length: 60 }, () =>
    Array.from({ length: rand(8) }, () => ALPHABET[rand(ALPHABET.length)]).join(''),
  );
  let exceptions = 0;
  for (const raw of raws) {
    try {
      const ds = validate(instance(raw)).diagnostics;
      if (readAccuracy('decimals', raw).issue) expect(ds.map((d) => d.code)).toContain('xbrl.4.6.5:decimals');
    } catch (e) {
      if ((e as Error).name === 'JestAssertionError') throw e;
      exceptions++;
    }
  }
  expect(exceptions).toBe(0);
});
