/**
 * Start-up from one bundled file with V8's code cache, through public APIs (Node 20 has no
 * `module.enableCompileCache`, which arrived in 22.1; where Node has it, it is enabled as well).
 *
 * The bundle (dist/bundle/program.js, written by the build with esbuild) is compiled as Node compiles
 * a CommonJS module — the module wrapper, in this context — by `vm.Script`, given the cache
 * (dist/bundle/program.cache) as `cachedData`. V8 checks the cache against the source, its version
 * and its flags and compiles afresh when it does not match (`cachedDataRejected`): a missing or
 * stale cache costs time, never behaviour. `IIJ_XBRL_WRITE_CODE_CACHE` set: at exit, the code of
 * every function that ran is written to the cache (the build does this with one conversion).
 */
import fs from 'node:fs';
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';

const DIR = path.resolve(__dirname, '..', '..', 'bundle');
export const BUNDLE = path.join(DIR, 'program.js');
/** The cache file; IIJ_XBRL_CODE_CACHE names another (tests: a missing, corrupt or stale one). */
const cacheFile = (): string => process.env.IIJ_XBRL_CODE_CACHE || path.join(DIR, 'program.cache');

function read(file: string): Buffer | undefined {
  try {
    return fs.readFileSync(file);
  } catch {
    return undefined;
  }
}

/**
 * Whether the bundle is at least as new as the compiled program it was made from (tsc writes every
 * module at each compilation): after a compilation without the bundling step, the modules run.
 */
function current(): boolean {
  const bundle = fs.statSync(BUNDLE, { throwIfNoEntry: false });
  const program = fs.statSync(path.join(__dirname, 'program.js'), { throwIfNoEntry: false });
  return !!bundle && !!program && bundle.mtimeMs >= program.mtimeMs;
}

/** Runs the bundled program; false when there is none, it is older than the modules, or IIJ_XBRL_NO_BUNDLE is set. */
export function runBundle(): boolean {
  (Module as { enableCompileCache?: () => unknown }).enableCompileCache?.();
  if (process.env.IIJ_XBRL_NO_BUNDLE || !current()) return false;
  const source = read(BUNDLE)?.toString('utf8');
  if (source === undefined) return false;
  const writing = !!process.env.IIJ_XBRL_WRITE_CODE_CACHE;
  const cachedData = writing ? undefined : read(cacheFile());
  const wrapped = `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
  const script = new vm.Script(wrapped, { filename: BUNDLE, cachedData });
  if (writing) {
    process.on('exit', () => {
      const file = cacheFile();
      fs.writeFileSync(`${file}.${process.pid}.tmp`, script.createCachedData());
      fs.renameSync(`${file}.${process.pid}.tmp`, file);
    });
  }
  const mod = { exports: {} as unknown, filename: BUNDLE, id: BUNDLE };
  const run = script.runInThisContext({ displayErrors: true }) as (...args: unknown[]) => void;
  run.call(mod.exports, mod.exports, createRequire(BUNDLE), mod, BUNDLE, DIR);
  return true;
}
