import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { convert } from '../../src/convert';
import { validateSchema } from '../../src/validate';

/** XML Schema validation (libxml2 as WebAssembly) of our own outputs and of broken instances. */
const ROOT = path.join(__dirname, '..', '..');
const XML = path.join(ROOT, 'instances', 'iij-20031231.xml');
const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'iij-xsd-'));
const broken = (edit: (s: string) => string) => {
  const f = path.join(tmp(), 'x.xml');
  fs.writeFileSync(f, edit(fs.readFileSync(XML, 'utf8')));
  return f;
};
const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;

describe('XML Schema validation', () => {
  test('the bundled instance is schema-valid, and so are the single-language outputs', async () => {
    expect(await validateSchema(XML)).toEqual([]);
    for (const lang of ['en', 'ja'] as const) {
      const out = tmp();
      const r = convert(path.join(ROOT, 'releases', 'iij-2004-02-12-3q-fy2003.txt'), { out, lang });
      const xml = r.written.find((w) => w.endsWith('.xml'))!;
      expect(await validateSchema(xml)).toEqual([]);
    }
  });

  test('a value outside its type is reported at its line', async () => {
    const f = broken((s) => s.replace('>9633155000<', '>96x33155000<'));
    const d = await validateSchema(f);
    expect(d.map((x) => x.code)).toEqual(['xmlSchema:validityError']);
    expect(d[0].source!.line).toBe(lineOf(fs.readFileSync(f, 'utf8'), '96x33155000'));
    expect(d[0].message).toMatch(/monetary/);
  });

  test('a content-model violation (a context without its entity) is reported', async () => {
    const d = await validateSchema(broken((s) => s.replace(/<xbrli:entity>[\s\S]*?<\/xbrli:entity>/, '')));
    expect(d.some((x) => x.code === 'xmlSchema:validityError' && /period|entity/.test(x.message))).toBe(true);
  });

  test('the CLI runs it with --schema: exit 1 on the broken instance, 0 on the bundled one', () => {
    const cli = (...a: string[]) =>
      spawnSync(process.execPath, [path.join(ROOT, 'dist', 'src', 'cli', 'main.js'), 'validate', ...a], {
        encoding: 'utf8',
      });
    expect(cli(XML, '--schema').status).toBe(0);
    const bad = cli(
      broken((s) => s.replace('>9633155000<', '>96x33155000<')),
      '--schema',
      '--calc',
      'none',
    );
    expect(bad.status).toBe(1);
    expect(bad.stdout).toMatch(/xmlSchema:validityError/);
  });

  test('formats without an XML Schema pass are left alone', async () => {
    expect(await validateSchema(path.join(ROOT, 'instances', 'iij-20031231.json'))).toEqual([]);
  });
});
