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
import v8 from 'node:v8';
import vm from 'node:vm';

const DIR = path.resolve(__dirname, '..', '..', 'bundle');
export const BUNDLE = path.join(DIR, 'program.js');

/**
 * Commands whose whole work is one release or two pages (well under a second): V8's optimising
 * compiler (TurboFan) costs them more than it returns — it compiles hot functions on a second
 * thread just before the process ends. Measured on `convert` of the bundled release (interleaved
 * fresh processes): 17 % less CPU time without it. Commands whose work grows with their input
 * (`validate`, `extract`, `series`) keep it: a million facts need optimised code.
 */
const SHORT_COMMANDS = new Set(['convert', 'package', 'mapping']);

/**
 * For a short command, turns TurboFan off (public `v8.setFlagsFromString`, before any of the
 * program's code runs); returns whether it did. V8 keys its code cache by its flags, so short
 * commands have a cache of their own.
 */
export function tuneForCommand(argv = process.argv): boolean {
  const short = SHORT_COMMANDS.has(argv[2] ?? '');
  if (short) v8.setFlagsFromString('--no-opt');
  return short;
}

/**
 * The cache file: `program-short.cache` for short commands, `program.cache` for the others (each
 * written by the build from one run: `convert`, `validate`); IIJ_XBRL_CODE_CACHE names another
 * (tests: a missing, corrupt or stale one).
 */
const cacheFile = (short: boolean): string =>
  process.env.IIJ_XBRL_CODE_CACHE || path.join(DIR, short ? 'program-short.cache' : 'program.cache');

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
export function runBundle(short = false): boolean {
  (Module as { enableCompileCache?: () => unknown }).enableCompileCache?.();
  if (process.env.IIJ_XBRL_NO_BUNDLE || !current()) return false;
  const source = read(BUNDLE)?.toString('latin1'); // the build writes it in ASCII (scripts/bundle.js)
  if (source === undefined) return false;
  const writing = !!process.env.IIJ_XBRL_WRITE_CODE_CACHE;
  const cachedData = writing ? undefined : read(cacheFile(short));
  const wrapped = `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
  const script = new vm.Script(wrapped, { filename: BUNDLE, cachedData });
  if (writing) {
    process.on('exit', () => {
      const file = cacheFile(short);
      fs.writeFileSync(`${file}.${process.pid}.tmp`, script.createCachedData());
      fs.renameSync(`${file}.${process.pid}.tmp`, file);
    });
  }
  const mod = { exports: {} as unknown, filename: BUNDLE, id: BUNDLE };
  const run = script.runInThisContext({ displayErrors: true }) as (...args: unknown[]) => void;
  run.call(mod.exports, mod.exports, createRequire(BUNDLE), mod, BUNDLE, DIR);
  return true;
}
