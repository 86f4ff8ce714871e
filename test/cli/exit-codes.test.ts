/**
 * Every documented exit status of the compiled CLI (0 ok, 1 findings / errors in the input, 2 usage
 * or I/O), for convert, validate and taxonomy. Spawns dist/src/cli/main.js (built by `npm test`).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');
const CLI = path.join(ROOT, 'dist', 'src', 'cli', 'main.js');
const RELEASE = path.join(ROOT, 'releases', 'iij-2004-02-12-3q-fy2003.txt');
const XML = path.join(ROOT, 'instances', 'iij-20031231.xml');
const JSON_INSTANCE = path.join(ROOT, 'instances', 'iij-20031231.json');
const TINY = path.join(ROOT, 'test', 'fixtures', 'validate', 'taxonomy', 'tiny', 'tiny.xsd');
const cli = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd: ROOT });
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'iij-cli-'));

/** The bundled instance with Revenues (JPY, 3Q03) raised by 900 million: a calculation inconsistency. */
function plantedInconsistency(): string {
  const text = fs.readFileSync(XML, 'utf8');
  const m = /(<iij:Revenues\b[^>]*unitRef="JPY"[^>]*>)(\d+)(<)/.exec(text);
  if (!m) throw new Error('no JPY Revenues fact in the bundled instance');
  const file = path.join(tmp, 'planted.xml');
  fs.writeFileSync(file, text.replace(m[0], `${m[1]}${BigInt(m[2]) + 900000000n}${m[3]}`));
  return file;
}

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('convert', () => {
  test('0: the bundled release converts', () => {
    const p = cli('convert', RELEASE, '--out', path.join(tmp, 'out'), '--quiet');
    expect(p.status).toBe(0);
    expect(fs.readdirSync(path.join(tmp, 'out')).length).toBeGreaterThanOrEqual(4);
  });
  test('1: an empty release is an error in the input, nothing written', () => {
    const empty = path.join(tmp, 'empty.txt');
    fs.writeFileSync(empty, '');
    const p = cli('convert', empty, '--out', path.join(tmp, 'none'));
    expect(p.status).toBe(1);
    expect(p.stdout).toMatch(/release:emptyInput/);
    expect(fs.existsSync(path.join(tmp, 'none'))).toBe(false);
  });
  test('2: a release that cannot be read, or a bad option', () => {
    const missing = cli('convert', path.join(tmp, 'no-such-release.txt'));
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/io:fileNotFound/);
    expect(cli('convert', RELEASE, '--lang', 'fr').status).toBe(2);
    expect(cli('convert').status).toBe(2); // missing argument
  });
});

describe('validate', () => {
  test('0: the bundled XML and xBRL-JSON are valid', () => {
    const p = cli('validate', XML);
    expect(p.status).toBe(0);
    expect(p.stdout).toMatch(
      /^\S*iij-20031231\.xml: 500 facts; valid \(0 errors, 0 inconsistencies, 0 warnings, \d+ info.*\)\n$/,
    );
    expect(cli('validate', JSON_INSTANCE).status).toBe(0);
  });
  test('1: a calculation inconsistency', () => {
    const p = cli('validate', plantedInconsistency());
    expect(p.status).toBe(1);
    expect(p.stdout).toMatch(/calc11e:inconsistentCalculationUsingRounding/);
  });
  test('2: an unreadable instance, or a bad option', () => {
    const p = cli('validate', path.join(tmp, 'no-such.xml'));
    expect(p.status).toBe(2);
    expect(p.stdout).toMatch(/io:fileNotFound/);
    expect(cli('validate', XML, '--calc', 'c12').status).toBe(2);
    expect(cli('validate', XML, '--jobs', '0').status).toBe(2);
  });

  test('several files: a line per file in input order, a total, exit status the worst, on worker threads', () => {
    const planted = plantedInconsistency();
    const p = cli('validate', XML, planted, JSON_INSTANCE, '--jobs', '2');
    expect(p.status).toBe(1);
    const summaries = p.stdout
      .split('\n')
      .filter((l) => / facts; /.test(l) && !l.startsWith('total'))
      .map((l) => l.replace(/ \(\d+ errors?, .*\)$/, ''));
    expect(summaries).toEqual([
      `${XML}: 500 facts; valid`,
      expect.stringMatching(
        new RegExp(
          `^${planted.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: 500 facts; [1-9]\\d* error\\(s\\) or inconsistencies$`,
        ),
      ),
      `${JSON_INSTANCE}: 500 facts; valid`,
    ]);
    expect(p.stdout).toMatch(
      /^total: 3 files, 1500 facts; 2 valid, 1 with errors or inconsistencies, 0 not checked \(2 worker threads, 2 DTS compilation\(s\)\)$/m,
    );
    const worst = cli('validate', XML, planted, path.join(tmp, 'no-such.xml'), '--jobs', '2');
    expect(worst.status).toBe(2);
  });

  test('several files in one thread: one DTS compiled once for all of them', () => {
    const p = cli('validate', XML, JSON_INSTANCE, XML, '--jobs', '1');
    expect(p.status).toBe(0);
    expect(p.stdout).toMatch(/^total: 3 files, 1500 facts; 3 valid, .*\(one thread, 1 DTS compilation\(s\)\)$/m);
  });

  test('several files as JSON: an array of validation documents', () => {
    const p = cli('validate', XML, JSON_INSTANCE, '--format', 'json');
    expect(p.status).toBe(0);
    const docs = JSON.parse(p.stdout) as { file: string; factCount: number }[];
    expect(docs.map((d) => [d.file, d.factCount])).toEqual([
      [XML, 500],
      [JSON_INSTANCE, 500],
    ]);
  });
});

describe('taxonomy check', () => {
  test('0: the bundled taxonomy', () => {
    expect(cli('taxonomy', 'check').status).toBe(0);
  });
  test('1: a taxonomy with findings (no Japanese labels)', () => {
    const p = cli('taxonomy', 'check', TINY);
    expect(p.status).toBe(1);
    expect(p.stdout).toMatch(/taxonomy:missingStandardLabel/);
  });
  test('2: an entry point that cannot be read, or a bad command', () => {
    const p = cli('taxonomy', 'check', path.join(tmp, 'no-such.xsd'));
    expect(p.status).toBe(2);
    expect(p.stdout).toMatch(/IOerror/);
    expect(cli('taxonomy', 'frobnicate').status).toBe(2);
  });
  // A linkbase given alone is an entry point of a DTS (XBRL 2.1 §3.2): XBRL 2.1 conformance suite, 202-xlinkLocator.
  const SUITE = path.join(ROOT, 'conformance', 'XBRL-CONF-2025-07-16', 'Common', '200-linkbase');
  test('0: a linkbase given alone (202 V-01), its schema discovered from it', () => {
    const p = cli('taxonomy', 'check', path.join(SUITE, '202-01-HrefResolution-label.xml'), '--languages', '');
    expect(p.stdout).not.toMatch(/expected an xsd:schema/);
    expect(p.stdout).toMatch(/: 2 concepts, \d+ relationships, 2 labels; 0 errors/);
    expect(p.status).toBe(0);
  });
  test('1: a linkbase given alone whose locator points at no concept (202 V-02)', () => {
    const p = cli('taxonomy', 'check', path.join(SUITE, '202-02-HrefResolutionCounterExample-label.xml'));
    expect(p.status).toBe(1);
  });
  test('2: an instance is neither a schema nor a linkbase', () => {
    const p = cli('taxonomy', 'check', XML);
    expect(p.stdout).toMatch(/IOerror .* expected a schema or linkbase/);
    expect(p.status).toBe(2);
  });
});
