/**
 * A serialised copy of a DTS as `loadDts` returned it, written by the build (`npm run build`) for
 * the entry points of the bundled taxonomy package, so that `convert`'s gate does not read, parse
 * and resolve the taxonomy's XML on every run.
 *
 * The copy is trusted only when everything it was made from is unchanged: it records the SHA-256
 * of every file the load read (package metadata, schemas, linkbases), of the code that did the
 * loading (the modules under src/ loaded when it was written), the package directories, and the
 * V8 version (the serialisation format). When anything differs, or the copy is missing or
 * unreadable, the DTS is loaded from the files as usual: a stale copy costs time, never correctness.
 * A file whose size and modification time both equal those recorded is taken as unchanged without
 * reading it (as make and git's index do); any other is hashed again, and its hash decides. So a
 * run from an unchanged build hashes nothing (node:crypto is not even loaded).
 */
import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import { hasErrors } from '../model';
import { packageRoot } from '../util/paths';
import type { LoadDtsResult } from './load-dts';
import { defaultPackageDirs } from './package-dirs';

/** The loader, needed only when the copy is missing or stale (or being written): loaded then. */
const loadDts: typeof import('./load-dts').loadDts = (entries, options) => (require('./load-dts') as typeof import('./load-dts')).loadDts(entries, options);

const FORMAT = 2;

interface Fingerprint { file: string; sha256: string; size: number; mtimeMs: number }

interface CacheFile {
  format: number;
  key: string;
  inputs: Fingerprint[];
  code: Fingerprint[];
  result: LoadDtsResult;
}

/** Where copies live unless told otherwise: beside the other build outputs. */
export const defaultCacheDir = (): string => path.join(packageRoot(), 'dist', 'dts-cache');

/**
 * The directory holding the running code's `src/` (the package root from source, `dist/` when compiled;
 * from the CLI's bundle, dist/bundle/program.js, the `dist/` beside it).
 */
const codeRoot = path.basename(__dirname) === 'bundle' ? path.dirname(__dirname) : path.resolve(__dirname, '..', '..');
const codeExt = path.extname(__filename);

const sha256 = (bytes: Uint8Array | string): string =>
  (require('node:crypto') as typeof import('node:crypto')).createHash('sha256').update(bytes).digest('hex');

function fileHash(file: string): string {
  try { return sha256(fs.readFileSync(file)); } catch { return 'absent'; }
}

function fingerprint(file: string): Fingerprint {
  const st = fs.statSync(file, { throwIfNoEntry: false });
  return { file, sha256: fileHash(file), size: st?.size ?? -1, mtimeMs: st?.mtimeMs ?? -1 };
}

/** Whether `file` is as recorded: the same size and modification time, or else the same SHA-256. */
function unchanged(fp: Fingerprint, file = fp.file): boolean {
  const st = fs.statSync(file, { throwIfNoEntry: false });
  if (st && st.size === fp.size && st.mtimeMs === fp.mtimeMs) return true;
  return fileHash(file) === fp.sha256;
}

/** A short name for a key (the cache file's): FNV-1a, 2 × 32 bits; any change of the key changes the name. */
function keyName(key: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x01000193) >>> 0;
    b = (b ^ (b >>> 15)) >>> 0;
  }
  return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
}

/**
 * What the DTS depends on besides its files: entry points, package directories, serialisation
 * format, and for relative entry points the directory they are resolved from.
 */
function cacheKey(entries: readonly string[], packages: readonly string[]): string {
  const base = entries.every((e) => /^[a-z][a-z0-9+.-]*:/i.test(e)) ? undefined : process.cwd();
  return JSON.stringify({ format: FORMAT, v8: process.versions.v8, entries, packages: packages.map((p) => path.resolve(p)), base });
}

const cacheFile = (dir: string, key: string): string => path.join(dir, `${keyName(key)}.bin`);

/** Every file a load read: each package's metadata, then each schema and linkbase document. */
function inputsOf(result: LoadDtsResult): string[] {
  const files = new Set<string>();
  for (const p of result.packages) for (const f of ['catalog.xml', 'taxonomyPackage.xml']) files.add(path.join(p.dir, 'META-INF', f));
  for (const s of result.dts.schemas ?? []) files.add(s.file);
  for (const l of result.dts.linkbases ?? []) files.add(l.file);
  return [...files];
}

/** The modules of this code base loaded so far (the loader and what it uses), by path below the code root without extension. */
function loadedCode(): string[] {
  const src = path.join(codeRoot, 'src') + path.sep;
  return Object.keys(require.cache ?? {})
    .filter((f) => f.startsWith(src) && f.endsWith(codeExt))
    .map((f) => path.relative(codeRoot, f).slice(0, -codeExt.length))
    .sort();
}

const codeFile = (id: string): string => path.join(codeRoot, `${id}${codeExt}`);

/**
 * Loads the DTS of `entries` from the default packages (the bundled taxonomy) and writes its copy
 * into `dir`. Nothing is written when the load found errors (such a DTS is loaded afresh each time,
 * with its diagnostics). Returns the file written, if any.
 */
export function writeDtsCache(entries: readonly string[], dir = defaultCacheDir(), packages = defaultPackageDirs()): string | undefined {
  const result = loadDts(entries, { packages });
  if (hasErrors(result.diagnostics)) return undefined;
  const key = cacheKey(entries, packages);
  const data: CacheFile = {
    format: FORMAT, key, result,
    inputs: inputsOf(result).map((file) => fingerprint(file)),
    code: loadedCode().map((id) => ({ ...fingerprint(codeFile(id)), file: id })),
  };
  fs.mkdirSync(dir, { recursive: true });
  const file = cacheFile(dir, key);
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, v8.serialize(data));
  fs.renameSync(tmp, file);
  return file;
}

/** The copy for `entries` when it is present and current; undefined otherwise (missing, unreadable or stale). */
export function readDtsCache(entries: readonly string[], dir = defaultCacheDir(), packages = defaultPackageDirs()): LoadDtsResult | undefined {
  const key = cacheKey(entries, packages);
  let data: CacheFile;
  try {
    data = v8.deserialize(fs.readFileSync(cacheFile(dir, key))) as CacheFile;
  } catch {
    return undefined;
  }
  if (data?.format !== FORMAT || data.key !== key) return undefined;
  if (!data.inputs.every((i) => unchanged(i))) return undefined;
  if (!data.code.every((c) => unchanged(c, codeFile(c.file)))) return undefined;
  return data.result;
}

/**
 * `loadDts(entries)` from the default packages, through the build's copy when it is current.
 * Same result either way (the copy is what `loadDts` returned when it was written, from the same files and code).
 */
export function loadDtsCached(entries: readonly string[], dir = defaultCacheDir(), packages = defaultPackageDirs()): LoadDtsResult & { cached: boolean } {
  const hit = readDtsCache(entries, dir, packages);
  return hit ? { ...hit, cached: true } : { ...loadDts(entries, { packages }), cached: false };
}

/** Build step: a copy for every entry point the default packages declare. */
export function writeDefaultDtsCaches(): string[] {
  const { findPackages } = require('./catalog') as typeof import('./catalog');
  const written: string[] = [];
  for (const p of findPackages(defaultPackageDirs()).packages) {
    for (const ep of p.entryPoints) {
      const f = writeDtsCache([ep.href]);
      if (f) written.push(f);
    }
  }
  // Copies of earlier builds (other entry points, another key format) would only be shipped, never read.
  const dir = defaultCacheDir();
  for (const f of fs.existsSync(dir) ? fs.readdirSync(dir) : []) if (f.endsWith('.bin') && !written.includes(path.join(dir, f))) fs.rmSync(path.join(dir, f));
  return written;
}

if (require.main === module) writeDefaultDtsCaches();
