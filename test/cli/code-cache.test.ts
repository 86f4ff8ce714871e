/**
 * The CLI's code cache (dist/code-cache.bin, written by `npm run build`) changes nothing but time:
 * with the build's cache, with none, with a corrupt file and with a stale one (every module given
 * another module's bytecode), the conversion writes the same bytes as the committed outputs.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';

const ROOT = path.join(__dirname, '..', '..');
const CLI = path.join(ROOT, 'dist', 'src', 'cli', 'main.js');
const RELEASE = path.join(ROOT, 'releases', 'iij-2004-02-12-3q-fy2003.txt');
const BUILT = path.join(ROOT, 'dist', 'code-cache.bin');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'iij-code-cache-test-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function convertWith(cache: string | undefined, name: string): Map<string, Buffer> {
  const out = path.join(tmp, name);
  const env = { ...process.env };
  delete env.IIJ_XBRL_WRITE_CODE_CACHE;
  if (cache) env.IIJ_XBRL_CODE_CACHE = cache;
  const p = spawnSync(process.execPath, [CLI, 'convert', RELEASE, '--out', out, '--quiet'], {
    encoding: 'utf8',
    cwd: ROOT,
    env,
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

test('the build wrote a cache for the modules a conversion loads', () => {
  const entries = v8.deserialize(fs.readFileSync(BUILT)) as Map<string, Buffer>;
  expect([...entries.keys()]).toEqual(
    expect.arrayContaining([
      path.join('dist', 'src', 'convert.js'),
      path.join('dist', 'src', 'mapping', 'map-release.js'),
    ]),
  );
});

test("same outputs with the build's cache, without one, with a corrupt one and with a stale one", () => {
  expectCommitted(convertWith(undefined, 'built'));
  expectCommitted(convertWith(path.join(tmp, 'missing.bin'), 'missing'));
  const corrupt = path.join(tmp, 'corrupt.bin');
  fs.writeFileSync(corrupt, 'not a code cache');
  expectCommitted(convertWith(corrupt, 'corrupt'));
  const entries = [...(v8.deserialize(fs.readFileSync(BUILT)) as Map<string, Buffer>)];
  const stale = path.join(tmp, 'stale.bin');
  fs.writeFileSync(stale, v8.serialize(new Map(entries.map(([k], i) => [k, entries[(i + 1) % entries.length][1]]))));
  expectCommitted(convertWith(stale, 'stale'));
});

test('relative requires resolved at build time; a cached file that is gone is resolved as Node resolves it', () => {
  const entries = v8.deserialize(fs.readFileSync(BUILT)) as Map<string, Buffer>;
  const resolved = JSON.parse((entries.get('\0resolved') as Buffer).toString()) as Record<string, string>;
  const cli = path.join(path.sep, 'dist', 'src', 'cli');
  expect(resolved[`${cli}\0./convert-command`]).toBe(path.join(cli, 'convert-command.js'));
  expect(resolved[`${path.join(path.sep, 'dist', 'src')}\0./mapping/map-release`]).toBe(
    path.join(path.sep, 'dist', 'src', 'mapping', 'map-release.js'),
  );
  // Nothing outside the build's own modules: package requires are resolved as Node resolves them.
  expect(
    Object.keys(resolved).every((k) => k.startsWith(`${path.sep}dist${path.sep}`) && k.split('\0')[1].startsWith('.')),
  ).toBe(true);
  const gone = path.join(tmp, 'gone.bin');
  entries.set(
    '\0resolved',
    Buffer.from(
      JSON.stringify(Object.fromEntries(Object.keys(resolved).map((k) => [k, path.join(path.sep, 'dist', 'gone.js')]))),
    ),
  );
  fs.writeFileSync(gone, v8.serialize(entries));
  expectCommitted(convertWith(gone, 'gone'));
});
