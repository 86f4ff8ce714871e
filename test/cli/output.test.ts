/**
 * What a person reads from the CLI: a summary first, then errors, inconsistencies and warnings;
 * info only with --show-info; JSON for convert as for validate; usage when convert has no
 * argument; a fatal I/O problem alone; one code and one exit status per fault in every command.
 * Spawns dist/src/cli/main.js (built by `npm test`).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');
const CLI = path.join(ROOT, 'dist', 'src', 'cli', 'main.js');
const RELEASE = path.join('releases', 'iij-2004-02-12-3q-fy2003.txt');
const XML = path.join('instances', 'iij-20031231.xml');
const cli = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd: ROOT });
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'iij-out-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const lines = (s: string) => s.split('\n').filter((l) => l !== '');
/** The severity of each finding line (`file:line:col severity code …`), in the order printed. */
const severities = (s: string) =>
  lines(s)
    .map((l) => /^\S+:\d+:\d+ (error|inconsistency|warning|info) /.exec(l)?.[1])
    .filter((x): x is string => x !== undefined);

describe('npm run convert on the bundled release', () => {
  const script = (
    JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: { convert: string } }
  ).scripts.convert;
  // the script's own command line, writing to a temporary directory instead of instances/
  const args = script.replace(/^node dist\/src\/cli\/main\.js /, '').split(' ');
  const out = path.join(tmp, 'instances');
  const r = cli(...args.map((a) => (a === 'instances' ? out : a)));

  it('is the command the README runs', () => {
    expect(script).toBe(`node dist/src/cli/main.js convert ${RELEASE} --out instances`);
    expect(r.status).toBe(0);
  });
  it('prints at most 40 lines, nothing on stderr', () => {
    expect(lines(r.stdout).length).toBeLessThanOrEqual(40);
    expect(r.stderr).toBe('');
  });
  it('starts with the summary: counts per severity, then the outputs written', () => {
    const [head, coverage, wrote] = lines(r.stdout);
    expect(head).toBe(
      `${RELEASE}: 500 facts, 18 footnotes; 0 errors, 4 inconsistencies, 5 warnings, 37 info (not shown; --show-info)`,
    );
    expect(coverage).toMatch(/^ {2}coverage: ja 898 figure cells = .*; en 931 figure cells = /);
    expect(wrote).toMatch(new RegExp(`^ {2}wrote 10 files to ${out.replace(/[/\\.]/g, '\\$&')}: iij-20031231\\.xml, `));
    expect(fs.readdirSync(out).length).toBe(10);
  });
  it('then the inconsistencies, then the warnings; no info', () => {
    expect(severities(r.stdout)).toEqual([...Array(4).fill('inconsistency'), ...Array(5).fill('warning')]);
  });
  it('--show-info adds the 37 info findings after the warnings', () => {
    const all = cli('convert', RELEASE, '--out', path.join(tmp, 'info'), '--show-info');
    expect(all.status).toBe(0);
    expect(severities(all.stdout)).toEqual([
      ...Array(4).fill('inconsistency'),
      ...Array(5).fill('warning'),
      ...Array(37).fill('info'),
    ]);
    expect(lines(all.stdout)[0]).toMatch(/37 info$/);
  });
});

describe('convert', () => {
  it('without an argument prints its usage, exit 2', () => {
    const r = cli('convert');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^Usage: iij-xbrl convert \[options\] \[release\]/);
    expect(r.stderr).toMatch(/--show-info/);
    expect(r.stdout).toBe('');
  });
  it('--out naming a file: that one problem alone, exit 2, no finding of the release printed', () => {
    const file = path.join(tmp, 'a-file');
    fs.writeFileSync(file, 'x');
    const r = cli('convert', RELEASE, '--out', file);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(lines(r.stderr).filter((l) => !l.startsWith('    '))).toEqual([
      expect.stringMatching(/^\S+:1:1 error io:outNotADirectory /),
    ]);
  });
  it('--format json: one document with the summary, what was written and the findings (info with --show-info)', () => {
    const r = cli('convert', RELEASE, '--out', path.join(tmp, 'json'), '--format', 'json');
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout) as {
      documentType: string;
      ok: boolean;
      factCount: number;
      written: string[];
      summary: Record<string, number>;
      diagnostics: { severity: string }[];
    };
    expect(doc.documentType).toBe('https://xbrl.iij.ad.jp/report/conversion/1.0');
    expect([doc.ok, doc.factCount, doc.written.length]).toEqual([true, 500, 10]);
    expect(doc.summary).toEqual({ errors: 0, inconsistencies: 4, warnings: 5, info: 37 });
    expect(doc.diagnostics.map((d) => d.severity)).toEqual(
      severities(cli('convert', RELEASE, '--out', path.join(tmp, 't')).stdout),
    );
    const all = JSON.parse(
      cli('convert', RELEASE, '--out', path.join(tmp, 'json2'), '--format', 'json', '--show-info').stdout,
    ) as {
      diagnostics: unknown[];
    };
    expect(all.diagnostics.length).toBe(46);
  });
  it('--format json with a fatal I/O problem: the document holds that problem alone', () => {
    const r = cli('convert', 'no-such-release.txt', '--format', 'json');
    expect(r.status).toBe(2);
    const doc = JSON.parse(r.stdout) as { ok: boolean; diagnostics: { code: string }[] };
    expect(doc.ok).toBe(false);
    expect(doc.diagnostics.map((d) => d.code)).toEqual(['io:fileNotFound']);
  });
});

describe('one code and one exit status per fault, in every command', () => {
  it('a missing input is io:fileNotFound, exit 2, in convert, validate, parse, mapping suggest, series, package and --schema', () => {
    const missing = path.join(tmp, 'no-such-file');
    const runs = {
      convert: cli('convert', missing),
      validate: cli('validate', missing),
      schema: cli('validate', missing, '--schema'),
      parse: cli('parse', missing),
      mapping: cli('mapping', 'suggest', missing),
      series: cli('series', missing),
      package: cli('package', missing),
    };
    for (const [name, r] of Object.entries(runs)) {
      expect([name, r.status]).toEqual([name, 2]);
      const codes = [...`${r.stdout}${r.stderr}`.matchAll(/ error (\S+) /g)].map((m) => m[1]);
      expect([name, [...new Set(codes)]]).toEqual([name, ['io:fileNotFound']]);
    }
  });
  it('malformed XML is xml:notWellFormed at its line and column (1-based), and the file is not checked: exit 2', () => {
    const bad = path.join(tmp, 'bad.xml');
    fs.writeFileSync(
      bad,
      '<?xml version="1.0"?>\n<xbrli:xbrl xmlns:xbrli="http://www.xbrl.org/2003/instance">\n<a></b>\n',
    );
    const r = cli('validate', bad);
    expect(r.status).toBe(2);
    expect(r.stdout).toMatch(new RegExp(`^${bad.replace(/[/\\.]/g, '\\$&')}:3:7 error xml:notWellFormed `, 'm'));
    expect(r.stdout).not.toMatch(/xmlSchema:syntax/);
    expect(lines(r.stdout)[0]).toMatch(/: 0 facts; not checked \(/);
  });
  it('validate: summary first, info only with --show-info', () => {
    const dup = path.join(tmp, 'dup.xml');
    const text = fs.readFileSync(path.join(ROOT, XML), 'utf8');
    // a consistent duplicate of the first JPY fact: an info finding
    const m = /<iij:Revenues\b[^>]*unitRef="JPY"[^>]*>\d+<\/iij:Revenues>/.exec(text)!;
    fs.writeFileSync(dup, text.replace(m[0], `${m[0]}\n  ${m[0].replace(/ id="[^"]*"/, '')}`));
    const quiet = cli('validate', dup);
    const shown = cli('validate', dup, '--show-info');
    expect([quiet.status, shown.status]).toEqual([0, 0]);
    expect(lines(quiet.stdout)).toEqual([
      expect.stringMatching(
        /: 501 facts; valid \(0 errors, 0 inconsistencies, 0 warnings, 1 info \(not shown; --show-info\)\)$/,
      ),
    ]);
    expect(severities(shown.stdout)).toEqual(['info']);
  });
});
