/**
 * V8 code cache for the CLI's own modules and its dependencies (Node 20 has no built-in compile
 * cache). `npm run build` runs one conversion with IIJ_XBRL_WRITE_CODE_CACHE set; at its exit the
 * bytecode of every module of the package, including the functions that ran, is written to
 * dist/code-cache.bin. Later runs hand each module's entry to V8, which checks it against the
 * module's source, the V8 version and flags and silently compiles afresh when it does not match:
 * a missing or stale cache costs time, never behaviour. The same file keeps where each relative
 * require between the build's modules led (see cacheResolutions).
 *
 * Imported first by main.ts. Modules are compiled as Node compiles them (the CommonJS wrapper, in
 * this context); only modules below the package root are concerned, and not those that use `import()`.
 */
import fs from 'node:fs';
import Module from 'node:module';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';

const root = path.resolve(__dirname, '..', '..', '..');
/** The cache file; IIJ_XBRL_CODE_CACHE names another (tests: a missing, corrupt or stale one). */
const CACHE = process.env.IIJ_XBRL_CODE_CACHE || path.join(root, 'dist', 'code-cache.bin');
const WRITE = 'IIJ_XBRL_WRITE_CODE_CACHE';
/** The cache entry that holds the resolved relative requires (no module path starts with NUL). */
const RESOLVED = '\0resolved';

interface Internals {
  wrap(source: string): string;
  _resolveFilename(request: string, parent: Module, isMain: boolean, options?: unknown): string;
  _cache: Record<string, Module>;
  _extensions: Record<string, unknown>;
  prototype: Module & { _compile(content: string, filename: string): unknown };
}

function readCache(): Map<string, Buffer> {
  try {
    return v8.deserialize(fs.readFileSync(CACHE)) as Map<string, Buffer>;
  } catch {
    return new Map();
  }
}

/** The `require` a module's wrapper receives (what Node passes, for the parts modules use). */
function requireFor(mod: Module, M: Internals): NodeJS.Require {
  const req = ((id: string) => mod.require(id)) as NodeJS.Require;
  req.resolve = Object.assign(
    (request: string, options?: { paths?: string[] }) => M._resolveFilename(request, mod, false, options),
    {
      paths: (request: string) =>
        (Module as unknown as { _resolveLookupPaths(r: string, m: Module): string[] | null })._resolveLookupPaths(
          request,
          mod,
        ),
    },
  );
  req.main = require.main;
  req.cache = M._cache;
  req.extensions = M._extensions as NodeJS.RequireExtensions;
  return req;
}

function install(): void {
  const M = Module as unknown as Internals;
  const writing = !!process.env[WRITE];
  const cache = writing ? new Map<string, Buffer>() : readCache();
  if (!writing && cache.size === 0) return;
  const resolved = cacheResolutions(M, cache, writing);
  const scripts = new Map<string, vm.Script>();
  const original = M.prototype._compile;
  M.prototype._compile = function compile(this: Module, content: string, filename: string) {
    if (!filename.startsWith(root + path.sep) || content.includes('import('))
      return original.call(this, content, filename);
    const key = path.relative(root, filename);
    const source = M.wrap(content.startsWith('#!') ? `//${content}` : content);
    const script = new vm.Script(source, { filename, cachedData: cache.get(key) });
    if (writing) scripts.set(key, script);
    const wrapper = script.runInThisContext({ displayErrors: true }) as (...args: unknown[]) => unknown;
    return wrapper.call(this.exports, this.exports, requireFor(this, M), this, filename, path.dirname(filename));
  };
  if (writing) {
    process.on('exit', () => {
      const out = new Map([...scripts].map(([k, s]) => [k, s.createCachedData()]));
      out.set(RESOLVED, Buffer.from(JSON.stringify(Object.fromEntries(resolved))));
      fs.writeFileSync(`${CACHE}.tmp`, v8.serialize(out));
      fs.renameSync(`${CACHE}.tmp`, CACHE);
    });
  }
}

/**
 * Relative requires between the build's own modules (`./plan` from dist/src/inline-page/index.js), resolved
 * once at build time: a later run takes the file from the cache after one check that it is still a
 * file, instead of the loader's probes (`plan`, `plan.js`, …) and real-path lookups. Anything else,
 * or a file that is gone, is resolved as Node resolves it. Returns the table (filled when writing).
 */
function cacheResolutions(M: Internals, cache: Map<string, Buffer>, writing: boolean): Map<string, string> {
  const dist = path.join(root, 'dist') + path.sep;
  let resolved = new Map<string, string>();
  try {
    if (!writing && cache.has(RESOLVED))
      resolved = new Map(Object.entries(JSON.parse(cache.get(RESOLVED)!.toString()) as Record<string, string>));
  } catch {
    /* a bad entry: resolve as usual */
  }
  const resolve = M._resolveFilename;
  M._resolveFilename = function resolveFilename(request, parent, isMain, options) {
    if (options !== undefined || !request.startsWith('.') || !parent?.path?.startsWith(dist))
      return resolve.call(this, request, parent, isMain, options);
    const key = `${parent.path.slice(root.length)}\0${request}`;
    const hit = writing ? undefined : resolved.get(key);
    if (hit !== undefined && fs.statSync(root + hit, { throwIfNoEntry: false })?.isFile()) return root + hit;
    const file = resolve.call(this, request, parent, isMain, options);
    if (writing && file.startsWith(dist)) resolved.set(key, file.slice(root.length));
    return file;
  };
  return resolved;
}

/** Build step: one conversion of the bundled release (into a temporary directory) writes the cache. */
function writeCodeCache(): void {
  const release = path.join(root, 'releases', 'iij-2004-02-12-3q-fy2003.txt');
  if (!fs.existsSync(release)) return;
  const os = require('node:os') as typeof import('node:os');
  const { spawnSync } = require('node:child_process') as typeof import('node:child_process');
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'iij-code-cache-'));
  try {
    const r = spawnSync(
      process.execPath,
      [path.join(__dirname, 'main.js'), 'convert', release, '--out', out, '--quiet'],
      { env: { ...process.env, [WRITE]: '1' }, stdio: 'ignore' },
    );
    if (r.status !== 0 && r.status !== 1) process.stderr.write(`code cache not written (convert exited ${r.status})\n`);
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}

if (require.main === module) writeCodeCache();
else if (path.extname(__filename) === '.js') install();
