import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import { loadDts } from '../../src/taxonomy/load-dts';
import { loadDtsCached, readDtsCache, writeDtsCache } from '../../src/taxonomy/dts-cache';
import { compile } from '../../src/validate';

/**
 * The serialised DTS (written by the build for the bundled taxonomy) is used only while every file
 * and module it was made from is unchanged; otherwise the DTS is loaded from the files, with the
 * same verdict as without any copy.
 */
const root = path.join(__dirname, '..', '..');
const ENTRY = 'https://xbrl.iij.ad.jp/taxonomy/2004-03-31/iij.xsd';
const instance = path.join(root, 'instances', 'iij-20031231.xml');

function copyTaxonomy(): { pkg: string; cache: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iij-dts-cache-'));
  const pkg = path.join(dir, 'taxonomy');
  fs.cpSync(path.join(root, 'taxonomy'), pkg, { recursive: true });
  return { pkg, cache: path.join(dir, 'cache') };
}

/** Maps as entry lists, arrays and objects as plain ones: the copy's come from another realm than the test's (jest's sandbox). */
function plain(x: unknown): unknown {
  const tag = Object.prototype.toString.call(x);
  if (tag === '[object Map]') return { map: [...(x as Map<unknown, unknown>)].map(([k, v]) => [plain(k), plain(v)]) };
  if (Array.isArray(x)) return x.map(plain);
  if (x && typeof x === 'object') return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, plain(v)]));
  return x;
}

const verdict = (pkg: string, cache?: string) => {
  const v = compile(ENTRY, { packages: [pkg], loaded: cache ? loadDtsCached([ENTRY], cache, [pkg]) : undefined });
  return v.validate(instance).diagnostics.map((d) => `${d.severity} ${d.code} ${d.message}`);
};

test('a current copy is the DTS loadDts returns', () => {
  const { pkg, cache } = copyTaxonomy();
  expect(readDtsCache([ENTRY], cache, [pkg])).toBeUndefined();
  expect(writeDtsCache([ENTRY], cache, [pkg])).toBeDefined();
  const hit = loadDtsCached([ENTRY], cache, [pkg]);
  expect(hit.cached).toBe(true);
  const { cached: _c, ...copy } = hit;
  expect(plain(copy)).toStrictEqual(plain(loadDts([ENTRY], { packages: [pkg] })));
  expect(verdict(pkg, cache)).toEqual(verdict(pkg));
});

test('a changed taxonomy file makes the copy stale: loaded from the files, same verdict as without a copy', () => {
  const { pkg, cache } = copyTaxonomy();
  writeDtsCache([ENTRY], cache, [pkg]);
  const before = verdict(pkg, cache);
  const cal = path.join(pkg, 'iij-2004-03-31', 'iij-cal.xml');
  const text = fs.readFileSync(cal, 'utf8');
  const changed = text.replace(/weight="1(\.0)?"/, 'weight="-1"');
  expect(changed).not.toBe(text);
  fs.writeFileSync(cal, changed);
  expect(readDtsCache([ENTRY], cache, [pkg])).toBeUndefined();
  expect(loadDtsCached([ENTRY], cache, [pkg]).cached).toBe(false);
  const after = verdict(pkg, cache);
  expect(after).toEqual(verdict(pkg));
  expect(after).not.toEqual(before);
  expect(after.some((d) => d.includes('calc'))).toBe(true);
});

test('size and modification time first, then the content: a file touched but unchanged keeps the copy; a same-size edit makes it stale', () => {
  const { pkg, cache } = copyTaxonomy();
  writeDtsCache([ENTRY], cache, [pkg]);
  const cal = path.join(pkg, 'iij-2004-03-31', 'iij-cal.xml');
  const later = new Date(Date.now() + 60_000);
  fs.utimesSync(cal, later, later);
  expect(readDtsCache([ENTRY], cache, [pkg])).toBeDefined();
  const text = fs.readFileSync(cal, 'utf8');
  const same = text.replace(/weight="1\.0"|weight="1"/, (m) => (m === 'weight="1"' ? 'weight="2"' : 'weight="2.0"'));
  expect(same).not.toBe(text);
  expect(Buffer.byteLength(same)).toBe(Buffer.byteLength(text));
  fs.writeFileSync(cal, same);
  expect(readDtsCache([ENTRY], cache, [pkg])).toBeUndefined();
});

test('another package directory, a changed loader module, another format or a corrupt file: not used', () => {
  const { pkg, cache } = copyTaxonomy();
  const file = writeDtsCache([ENTRY], cache, [pkg]) as string;
  expect(readDtsCache([ENTRY], cache, [pkg, pkg])).toBeUndefined();
  expect(readDtsCache(['https://example.com/other.xsd'], cache, [pkg])).toBeUndefined();
  const data = v8.deserialize(fs.readFileSync(file));
  fs.writeFileSync(file, v8.serialize({ ...data, code: [...data.code, { file: 'src/taxonomy/load-dts', sha256: '0'.repeat(64) }] }));
  expect(readDtsCache([ENTRY], cache, [pkg])).toBeUndefined();
  fs.writeFileSync(file, v8.serialize({ ...data, format: 0 }));
  expect(readDtsCache([ENTRY], cache, [pkg])).toBeUndefined();
  fs.writeFileSync(file, 'not a serialised DTS');
  expect(readDtsCache([ENTRY], cache, [pkg])).toBeUndefined();
  fs.writeFileSync(file, v8.serialize(data));
  expect(readDtsCache([ENTRY], cache, [pkg])).toBeDefined();
});

test('compile() of the bundled taxonomy (built code, default packages) takes the build\'s copy: the DTS loader is never loaded, and the verdict is the same', () => {
  const { execFileSync } = require('node:child_process') as typeof import('node:child_process');
  const script = `
    const v = require(${JSON.stringify(path.join(root, 'dist', 'src', 'validate'))});
    const r = v.compile(${JSON.stringify(ENTRY)}).validate(${JSON.stringify(instance)});
    const loader = Object.keys(require.cache).some((f) => f.endsWith('load-dts.js'));
    process.stdout.write(JSON.stringify({ loader, concepts: r.dts.concepts.size, codes: r.diagnostics.filter((d) => d.severity !== 'info').map((d) => d.code).sort() }));`;
  const built = JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }));
  expect(built.loader).toBe(false);
  const fromFiles = compile(ENTRY).validate(instance);
  expect(built.concepts).toBe(fromFiles.dts!.concepts.size);
  expect(built.codes).toEqual(fromFiles.diagnostics.filter((d) => d.severity !== 'info').map((d) => d.code).sort());
});
