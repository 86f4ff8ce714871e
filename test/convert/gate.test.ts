import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { convert, convertBytes } from '../../src/convert';
import { validate } from '../../src/validate';
import type { Diagnostic } from '../../src/model';

const ROOT = path.join(__dirname, '..', '..');
const RELEASE = path.join(ROOT, 'releases', 'iij-2004-02-12-3q-fy2003.txt');
const CLI = path.join(ROOT, 'dist', 'src', 'cli', 'main.js');
const TEXT = fs.readFileSync(RELEASE, 'utf8');
const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'iij-gate-'));
const cli = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd: ROOT });
const at = (d: Diagnostic) => `${d.source?.line}:${d.source?.column}`;
const editLine = (n: number, f: (s: string) => string) =>
  TEXT.split('\n')
    .map((l, i) => (i === n - 1 ? f(l) : l))
    .join('\n');
const run = (text: string, lang: 'en' | 'ja' | 'both' = 'both') =>
  convertBytes(Buffer.from(text, 'utf8'), RELEASE, { lang });

describe('the bundled release: only what it cannot defend', () => {
  const r = run(TEXT);
  const of = (sev: string) => r.diagnostics.filter((d) => d.severity === sev);

  test('inconsistencies are the real discrepancies: the two Cost of SI figures (both languages) and 表8 D&A +9.8%', () => {
    expect(of('inconsistency').map((d) => `${d.code}@${at(d)}`)).toEqual([
      'release:inconsistentDuplicate@98:37',
      'release:percentMismatch@117:19',
      'release:inconsistentDuplicate@440:29',
      'release:inconsistentDuplicate@440:49',
    ]);
    expect(of('error')).toEqual([]);
  });

  test('warnings: the Dec 30, 2002 header and every derived figure the two languages print differently, with both places', () => {
    const lang = of('warning').filter((d) => d.code === 'release:derivedLanguageMismatch');
    expect(lang.map((d) => `${d.expected}/${d.actual}`)).toEqual([
      '249.2%/249.0%',
      '863.5%/866.7%',
      '(66.5%)/(66.6%)',
      '6.5%/9.8%',
    ]);
    for (const d of lang) {
      expect(d.source!.line).toBeGreaterThan(400); // English part
      expect(d.related![0].line).toBeLessThan(300); // Japanese part
    }
    expect(of('warning').some((d) => d.code === 'release:periodEndNotMonthEnd' && /Dec 30, 2002/.test(d.message))).toBe(
      true,
    );
  });

  test("footing adjustments are info with the adjustment: the balance sheet's 31.5 + 17.3 + 0.5 + 2.3 + 1.0 = 52.6", () => {
    const foot = of('info').filter((d) => d.code === 'release:footingAdjustment');
    expect(foot.length).toBeGreaterThanOrEqual(30);
    const cash = foot.find((d) => d.source!.line === 668);
    expect(cash?.message).toContain('31.5 + 17.3 + 0.5 + 2.3 + 1.0 = 52.6');
    expect(foot.filter((d) => /USD column foots/.test(d.message)).length).toBe(3);
  });
});

describe('what the checks catch', () => {
  test('a typo in the English statement of operations is reported at its line, by the calculation gate and the duplicates check', () => {
    const r = run(editLine(584, (l) => l.replace('3,204,046', '3,204,946')));
    const fresh = r.diagnostics.filter(
      (d) => d.severity === 'inconsistency' && (d.source?.line === 584 || d.related?.some((x) => x.line === 584)),
    );
    expect(fresh.map((d) => d.code)).toEqual(
      expect.arrayContaining(['release:inconsistentDuplicate', 'release:percentMismatch']),
    );
    const calc = r.diagnostics.filter((d) => d.code === 'calc11e:inconsistentCalculationUsingRounding');
    expect(calc.length).toBeGreaterThan(0);
    expect(calc[0].message).toMatch(/In the release: .*line \d+/);
    expect(calc[0].source!.file).toBe(RELEASE);
  });

  test("a total row's share changed from 100.0 to 170.0 is an inconsistency", () => {
    const r = run(editLine(591, (l) => l.replace('<u>100.0</u>', '<u>170.0</u>')));
    const d = r.diagnostics.find((x) => x.code === 'release:percentMismatch' && x.source?.line === 591);
    expect(d?.actual).toBe('170.0');
  });

  test("a share that breaks its column's footing stays an inconsistency", () => {
    // Cash 31.5 (exact 31.56): with 31.4 the column no longer foots to 52.6.
    const r = run(editLine(668, (l) => l.replace('31.5%', '31.4%')));
    expect(r.diagnostics.some((d) => d.code === 'release:percentMismatch' && d.source?.line === 668)).toBe(true);
  });
});

describe('--strict is the publishing gate', () => {
  test('on the bundled release it exits 1 and writes or overwrites nothing', () => {
    const out = tmp();
    fs.writeFileSync(path.join(out, 'iij-20031231.xml'), 'old');
    const p = cli('convert', RELEASE, '--out', out, '--strict');
    expect(p.status).toBe(1);
    expect(p.stdout).toContain('convert:strictGate');
    expect(fs.readdirSync(out)).toEqual(['iij-20031231.xml']);
    expect(fs.readFileSync(path.join(out, 'iij-20031231.xml'), 'utf8')).toBe('old');
  });
});

describe('output I/O faults: coded, exit 2, no output changed', () => {
  test('--out names a file', () => {
    const dir = tmp();
    const file = path.join(dir, 'not-a-dir');
    fs.writeFileSync(file, 'x');
    const p = cli('convert', RELEASE, '--out', file);
    expect(p.status).toBe(2);
    expect(p.stderr).toMatch(/io:outNotADirectory/);
    expect(p.stderr).not.toMatch(/internal error|at .*\.js:\d+/);
    expect(fs.readdirSync(dir)).toEqual(['not-a-dir']);
  });

  test('an output path occupied by a directory: the other outputs keep their old content, no temp files', () => {
    const out = tmp();
    for (const n of ['iij-20031231.xml', 'iij-20031231.json']) fs.writeFileSync(path.join(out, n), `old ${n}`);
    fs.mkdirSync(path.join(out, 'iij-20031231.report.json'));
    const p = cli('convert', RELEASE, '--out', out);
    expect(p.status).toBe(2);
    expect(p.stderr).toMatch(/io:targetIsADirectory/);
    expect(fs.readdirSync(out).sort()).toEqual(['iij-20031231.json', 'iij-20031231.report.json', 'iij-20031231.xml']);
    expect(fs.readFileSync(path.join(out, 'iij-20031231.xml'), 'utf8')).toBe('old iij-20031231.xml');
  });

  test('a missing output directory is created', () => {
    const out = path.join(tmp(), 'a', 'b');
    expect(cli('convert', RELEASE, '--out', out, '-q').status).toBe(0);
    expect(fs.readdirSync(out).length).toBeGreaterThanOrEqual(4);
  });
});

describe('single-language conversions validate clean', () => {
  test.each(['en', 'ja'] as const)('--lang %s', (lang) => {
    const out = tmp();
    const r = convert(RELEASE, { out, lang });
    expect(r.ok).toBe(true);
    for (const f of r.written.filter((w) => /\.(xml|json)$/.test(w) && !/facts|report/.test(w))) {
      const v = validate(f);
      expect(v.diagnostics.filter((d) => d.severity === 'error' || d.severity === 'inconsistency')).toEqual([]);
      expect(v.report!.facts.length).toBeGreaterThan(480);
    }
    if (lang === 'ja') {
      const taken = r.diagnostics.filter((d) => d.code === 'release:factFromOtherLanguage');
      expect(taken.map((d) => d.concept).sort()).toEqual([
        'CapitalLeaseAcquisitions',
        'CapitalLeaseAcquisitions',
        'CapitalLeaseAcquisitions',
        'DepreciationAndAmortizationExcludingNoteIssuanceCost',
        'DepreciationAndAmortizationExcludingNoteIssuanceCost',
        'DepreciationAndAmortizationExcludingNoteIssuanceCost',
      ]);
    }
  });
});

describe('completeness', () => {
  test('a release cut off after the Japanese balance sheet fails, each missing table named where it was expected', () => {
    const cut = TEXT.split('\n').slice(0, 265).join('\n');
    const r = run(cut);
    expect(r.ok).toBe(false);
    const missing = r.diagnostics.filter((d) => d.code === 'mapping:missingTable');
    expect(missing.map((d) => /Table (\S+)/.exec(d.message)![1]).sort()).toEqual([
      'en-cash-flows',
      'en-table-09',
      'en-table-10',
      'ja-cash-flows',
    ]);
    for (const d of missing) expect(d.source!.line).toBeGreaterThan(200);
  });
});
