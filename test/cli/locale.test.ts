/**
 * The machine's locale changes nothing in the outputs: a conversion under Lithuanian, Swedish and
 * Japanese locales (whose collation orders differ from English: `y` after `i`, `v`/`w`, kana)
 * writes the committed files byte for byte, and the default collator there really is that locale.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');
const CLI = path.join(ROOT, 'dist', 'src', 'cli', 'main.js');
const RELEASE = path.join(ROOT, 'releases', 'iij-2004-02-12-3q-fy2003.txt');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'iij-locale-test-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

test.each(['lt_LT', 'sv_SE', 'ja_JP'])('convert under %s writes the committed outputs', (locale) => {
  const env = { ...process.env, LANG: `${locale}.UTF-8`, LC_ALL: `${locale}.UTF-8` };
  const probe = spawnSync(
    process.execPath,
    ['-e', 'process.stdout.write(new Intl.Collator().resolvedOptions().locale)'],
    { encoding: 'utf8', env },
  );
  expect(probe.stdout).toBe(locale.replace('_', '-'));
  const out = path.join(tmp, locale);
  const p = spawnSync(process.execPath, [CLI, 'convert', RELEASE, '--out', out, '--quiet'], {
    encoding: 'utf8',
    cwd: ROOT,
    env,
  });
  expect(p.status).toBe(0);
  const files = fs.readdirSync(out);
  expect(files).toHaveLength(10);
  for (const f of files)
    expect([f, fs.readFileSync(path.join(out, f)).equals(fs.readFileSync(path.join(ROOT, 'instances', f)))]).toEqual([
      f,
      true,
    ]);
});
