/**
 * The CLI's start-up bundle (dist/bundle/program.js) and its code cache (dist/bundle/program.cache),
 * both written by `npm run build`, change nothing but time: run from the bundle with the build's
 * cache, with none, with a corrupt one and with a stale one (the cache of another source), and from
 * the compiled modules without the bundle, the conversion writes the same bytes as the committed outputs.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';

const ROOT = path.join(__dirname, '..', '..');
const CLI = path.join(ROOT, 'dist', 'src', 'cli', 'main.js');
const RELEASE = path.join(ROOT, 'releases', 'iij-2004-02-12-3q-fy2003.txt');
const BUNDLE = path.join(ROOT, 'dist', 'bundle', 'program.js');
const BUILT = path.join(ROOT, 'dist', 'bundle', 'program.cache');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'iij-bundle-test-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function convertWith(env: NodeJS.ProcessEnv, name: string): Map<string, Buffer> {
  const out = path.join(tmp, name);
  const all = { ...process.env, ...env };
  delete all.IIJ_XBRL_WRITE_CODE_CACHE;
  const p = spawnSync(process.execPath, [CLI, 'convert', RELEASE, '--out', out, '--quiet'], {
    encoding: 'utf8',
    cwd: ROOT,
    env: all,
  });
  expect(p.stderr).toBe('');
  expect(p.status).toBe(0);
  return new Map(fs.readdirSync(out).map((f) => [f, fs.readFileSync(path.join(out, f))]));
}

function expectCommitted(files: Map<string, Buffer>): void {
  expect(files.size).toBe(10);
  for (const [f, bytes] of files)
    expect([f, bytes.equals(fs.readFileSync(path.join(ROOT, 'instances', f)))]).toEqual([f, true]);
}

test('the build wrote the bundle and a code cache V8 accepts for it', () => {
  const source = fs.readFileSync(BUNDLE, 'utf8');
  expect(source).toContain('convertBytes');
  // ASCII only (the program decodes it as Latin-1): the release reader's Japanese patterns are escaped
  expect(source.match(/[^\x00-\x7f]/g)).toBeNull();
  expect(source).toContain('\\u6ce8\\u8a18'); // 注記, in the note patterns
  const wrapped = `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
  const script = new vm.Script(wrapped, { filename: BUNDLE, cachedData: fs.readFileSync(BUILT) });
  expect(script.cachedDataRejected).toBe(false);
  // the same cache for another source is rejected (and then only costs a compilation)
  const other = new vm.Script(`${wrapped};`, { filename: BUNDLE, cachedData: fs.readFileSync(BUILT) });
  expect(other.cachedDataRejected).toBe(true);
});

/** Whether V8, given `flags` as the CLI gives them (v8.setFlagsFromString, at start) and `startFlags` on Node's command line, accepts `cache` for the bundle. */
function accepted(cache: string, flags: string[], startFlags: string[] = []): string {
  return spawnSync(
    process.execPath,
    [
      ...startFlags,
      '-e',
      `const fs = require('fs'), vm = require('vm');
       for (const f of ${JSON.stringify(flags)}) require('v8').setFlagsFromString(f);
       const w = '(function (exports, require, module, __filename, __dirname) {' + fs.readFileSync(${JSON.stringify(BUNDLE)}, 'utf8') + '\\n})';
       process.stdout.write(String(!new vm.Script(w, { filename: ${JSON.stringify(BUNDLE)}, cachedData: fs.readFileSync(${JSON.stringify(cache)}) }).cachedDataRejected));`,
    ],
    { encoding: 'utf8' },
  ).stdout;
}

test('short commands (convert) run without TurboFan, with a young generation that does not grow, and a cache of their own, which V8 accepts under those flags only', () => {
  const short = path.join(ROOT, 'dist', 'bundle', 'program-short.cache');
  expect(accepted(short, ['--no-opt', '--semi-space-growth-factor=1'])).toBe('true');
  expect(accepted(short, ['--no-opt'])).toBe('false');
  expect(accepted(short, [])).toBe('false');
});

test('commands reading input are tuned by its size: small inputs with a higher tiering budget and a cache of their own', () => {
  const { tuningFor, SMALL_INPUT } = require('../../src/cli/bundle') as typeof import('../../src/cli/bundle');
  const small = path.join(ROOT, 'instances', 'iij-20031231.xml');
  const dir = path.join(tmp, 'large-set');
  fs.mkdirSync(dir, { recursive: true });
  const large = path.join(dir, 'large.xhtml');
  fs.closeSync(fs.openSync(large, 'w'));
  fs.truncateSync(large, SMALL_INPUT + 1); // sparse: no disk spent
  fs.writeFileSync(path.join(dir, 'manifest.xml'), '<manifest/>');
  const t = (...args: string[]) => tuningFor(['node', 'iij-xbrl', ...args], {});
  expect([
    t('convert', 'release.txt'),
    t('validate', small),
    t('validate', '--jobs', '1', small, '--format', 'json'),
    t('extract', small, '--to', 'xbrl-json'),
    t('extract', small, '--out', dir),
    t('validate', large),
    t('validate', small, dir),
    t('validate', path.join(dir, 'manifest.xml')),
    t('validate', '-'),
    t('validate', path.join(tmp, 'no-such-file.xml')),
    t('taxonomy', 'check', small),
  ]).toEqual([
    'short',
    'small',
    'small',
    'small',
    'small',
    'default',
    'default',
    'default',
    'default',
    'small',
    'default',
  ]);
  expect(tuningFor(['node', 'iij-xbrl', 'validate', small], { IIJ_XBRL_TUNE: 'default' })).toBe('default');
  const cache = path.join(ROOT, 'dist', 'bundle', 'program-small.cache');
  expect(accepted(cache, ['--interrupt-budget=3000000'])).toBe('true');
  expect(accepted(cache, [])).toBe('false');
  expect(accepted(path.join(ROOT, 'dist', 'bundle', 'program.cache'), [])).toBe('true');
});

test('very large inputs run in a child process whose heap is sized at its start, with a cache V8 accepts there; output and exit code pass through', () => {
  const { tuningFor, relaunchSized, LARGE_INPUT, LARGE_FLAGS } =
    require('../../src/cli/bundle') as typeof import('../../src/cli/bundle');
  // A well-formed document over the threshold (mostly spaces), read quickly: not an instance.
  const big = path.join(tmp, 'spaces.xml');
  const fd = fs.openSync(big, 'w');
  fs.writeSync(fd, '<x>');
  fs.writeSync(fd, Buffer.alloc(LARGE_INPUT, 0x20));
  fs.writeSync(fd, '</x>');
  fs.closeSync(fd);
  expect(tuningFor(['node', 'iij-xbrl', 'validate', big], {})).toBe('large');
  expect(tuningFor(['node', 'iij-xbrl', 'convert', big], {})).toBe('short');
  expect(tuningFor(['node', 'iij-xbrl', 'validate', '-'], {})).toBe('default');
  expect(relaunchSized('default')).toBe(false);
  // the flags count only at Node's start (given later, V8 rejects the cache: they are part of its key)
  const cache = path.join(ROOT, 'dist', 'bundle', 'program-large.cache');
  expect(accepted(cache, [], LARGE_FLAGS)).toBe('true');
  expect(accepted(cache, [])).toBe('false');
  // Each process of the run notes its marker and flags (a module preloaded by NODE_OPTIONS): the CLI, then its child.
  const probe = path.join(tmp, 'probe.js');
  const seen = path.join(tmp, 'seen.txt');
  fs.writeFileSync(
    probe,
    `require('fs').appendFileSync(${JSON.stringify(seen)}, (process.env.IIJ_XBRL_SIZED ?? '-') + ' ' + process.execArgv.join(' ') + '\\n');`,
  );
  const run = (env: NodeJS.ProcessEnv) =>
    spawnSync(process.execPath, [CLI, 'validate', big], {
      encoding: 'utf8',
      env: { ...process.env, NODE_OPTIONS: `--require ${probe}`, ...env },
    });
  const relaunched = run({});
  const lines = () =>
    fs
      .readFileSync(seen, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => l.trim());
  expect(lines()).toEqual(['-', `1 ${LARGE_FLAGS.join(' ')}`]);
  fs.rmSync(seen);
  const here = run({ IIJ_XBRL_SIZED: '1' });
  expect(lines()).toEqual(['1']);
  expect(relaunched.stdout).toContain('xbrl:notAnInstance');
  expect([relaunched.status, relaunched.stdout, relaunched.stderr]).toEqual([here.status, here.stdout, here.stderr]);
  expect(relaunched.status).toBe(1);
});

test("same outputs from the bundle with the build's cache, without one, with a corrupt one, a stale one, and without the bundle", () => {
  expectCommitted(convertWith({}, 'built'));
  expectCommitted(convertWith({ IIJ_XBRL_CODE_CACHE: path.join(tmp, 'missing.cache') }, 'missing'));
  const corrupt = path.join(tmp, 'corrupt.cache');
  fs.writeFileSync(corrupt, 'not a code cache');
  expectCommitted(convertWith({ IIJ_XBRL_CODE_CACHE: corrupt }, 'corrupt'));
  const stale = path.join(tmp, 'stale.cache');
  fs.writeFileSync(stale, new vm.Script('(function () { return 1; })').createCachedData());
  expectCommitted(convertWith({ IIJ_XBRL_CODE_CACHE: stale }, 'stale'));
  expectCommitted(convertWith({ IIJ_XBRL_NO_BUNDLE: '1' }, 'modules'));
});

test('a bundle older than the compiled program is not run: the modules are', () => {
  const program = path.join(ROOT, 'dist', 'src', 'cli', 'program.js');
  const saved = fs.statSync(BUNDLE);
  // files are swapped in by rename, so that CLI tests running meanwhile never see a half-made bundle
  const swapIn = (content: Buffer | string, time: Date) => {
    const t = `${BUNDLE}.${process.pid}.tmp`;
    fs.writeFileSync(t, content);
    fs.utimesSync(t, time, time);
    fs.renameSync(t, BUNDLE);
  };
  const original = fs.readFileSync(BUNDLE);
  try {
    // a bundle that would fail if it ran, dated before the program
    swapIn('process.exit(42);', new Date(fs.statSync(program).mtimeMs - 60_000));
    expectCommitted(convertWith({}, 'older'));
  } finally {
    swapIn(original, saved.mtime);
  }
});

test('no private Node APIs: nothing of src/ patches the module loader', () => {
  const src = path.join(ROOT, 'src');
  const files = (dir: string): string[] =>
    fs
      .readdirSync(dir, { withFileTypes: true })
      .flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]));
  const hooks = files(src).filter((f) =>
    /_compile|_resolveFilename|_extensions|Module\._load/.test(fs.readFileSync(f, 'utf8')),
  );
  expect(hooks).toEqual([]);
});
