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
import { spawnSync } from 'node:child_process';
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
 * fresh processes): 17 % less CPU time without it. Their young generation also keeps the size it
 * starts with (`--semi-space-growth-factor=1`, read by V8 each time it would grow it): more, smaller
 * scavenges over memory already mapped, instead of fresh pages for a larger one — 10 % less CPU and
 * wall time for `convert` again (its allocation is mostly short-lived; reading a filing is not, and
 * `validate` keeps V8's growth).
 */
const SHORT_COMMANDS = new Set(['convert', 'package', 'mapping']);
const SHORT_FLAGS = ['--no-opt', '--semi-space-growth-factor=1'];

/**
 * Commands whose work grows with their input. On inputs up to SMALL_INPUT bytes they run with a
 * higher tiering budget (`--interrupt-budget`, V8's count of bytecode executed before a function
 * is considered for optimisation: 132 KiB by default), so that only what is really hot is
 * optimised: measured on filings of 1–2 MB (interleaved fresh processes of `validate`), a third less
 * CPU time; on denser synthetic instances up to 10 MB, 10–20 % less. Larger inputs (a 50 MB page,
 * a million facts) keep V8's defaults, which serve them best.
 */
const INPUT_COMMANDS = new Set(['validate', 'extract', 'series']);
export const SMALL_INPUT = 16 * 2 ** 20;
const SMALL_FLAGS = '--interrupt-budget=3000000';

/**
 * Inputs from LARGE_INPUT bytes (a million facts is some 120 MB): the command runs in a child Node
 * process started with a first limit of 1 GiB for V8's old generation (`--initial-old-space-size`, a
 * limit, not memory taken: V8 starts with a small one and marks and compacts the whole heap each time
 * the facts read so far outgrow it). Measured on validating a 124 MB instance of a million facts
 * (interleaved fresh processes): no full collection instead of three, 12 % less CPU time and 9 % less
 * wall time, a second Node start included. The limit is fixed, so that the build's code cache fits it.
 */
export const LARGE_INPUT = 32 * 2 ** 20;
export const LARGE_FLAGS = ['--initial-old-space-size=1024'];

/** How V8 is tuned for a run, each with its flags and its code cache (V8 keys caches by flags). */
export type Tuning = 'short' | 'small' | 'default' | 'large';

/** Bytes of the named inputs (files; directories and manifests by the files under them), stopping past `limit`. */
function inputBytes(operands: string[], limit: number): number {
  let total = 0;
  let entries = 0;
  const walk = (p: string): void => {
    const st = fs.statSync(p, { throwIfNoEntry: false });
    if (!st || total > limit || ++entries > 10_000) {
      if (entries > 10_000) total = Infinity;
      return;
    }
    if (st.isFile()) total += st.size;
    else if (st.isDirectory()) for (const name of fs.readdirSync(p)) walk(path.join(p, name));
  };
  for (const o of operands) {
    if (o === '-') return Infinity; // standard input: size unknown
    walk(/(^|[\\/])manifest[^\\/]*\.xml$/i.test(o) ? path.dirname(o) : o);
  }
  return total;
}

/**
 * The tuning for a command line (`IIJ_XBRL_TUNE` names one outright: the build, to write each
 * cache). Arguments that name no file or directory (options, their values) are not counted, nor is
 * the output named by `-o`/`--out`.
 */
export function tuningFor(argv: string[], env = process.env): Tuning {
  const forced = env.IIJ_XBRL_TUNE;
  if (forced === 'short' || forced === 'small' || forced === 'default' || forced === 'large') return forced;
  const command = argv[2] ?? '';
  if (SHORT_COMMANDS.has(command)) return 'short';
  if (!INPUT_COMMANDS.has(command)) return 'default';
  // the output directory or file (`-o`, `--out`) is not input
  const operands = argv
    .slice(3)
    .filter((a, i, all) => (a === '-' || !a.startsWith('-')) && !['-o', '--out'].includes(all[i - 1] ?? ''));
  try {
    const bytes = inputBytes(operands, LARGE_INPUT);
    // (standard input, or a tree of more than 10,000 entries: of a size not known, V8's defaults)
    return bytes <= SMALL_INPUT ? 'small' : bytes < LARGE_INPUT || bytes === Infinity ? 'default' : 'large';
  } catch {
    return 'default'; // unreadable: the command reports it, with V8's defaults
  }
}

/**
 * Sets V8's flags for the command line's tuning (public `v8.setFlagsFromString`, before any of the
 * program's code runs) and returns it.
 */
export function tuneForCommand(argv = process.argv): Tuning {
  const tuning = tuningFor(argv);
  if (tuning === 'short') for (const flag of SHORT_FLAGS) v8.setFlagsFromString(flag);
  else if (tuning === 'small') v8.setFlagsFromString(SMALL_FLAGS);
  return tuning;
}

/**
 * The large tuning's flags are V8's heap configuration, read only when Node starts: the command line
 * runs again in a child process started with them (same arguments, standard streams and environment,
 * IIJ_XBRL_SIZED set), and this process takes its exit code or its signal. True when the child ran it;
 * false for any other tuning, in that child, or when no child could start (the command then runs
 * here, with the heap as it is).
 */
export function relaunchSized(tuning: Tuning, argv = process.argv): boolean {
  if (tuning !== 'large' || process.env.IIJ_XBRL_SIZED) return false;
  // (Node's own flags pass on, but not a debugger's: its port is this process's)
  const own = process.execArgv.filter((a) => !/^--inspect/.test(a));
  const r = spawnSync(process.execPath, [...own, ...LARGE_FLAGS, ...argv.slice(1)], {
    stdio: 'inherit',
    env: { ...process.env, IIJ_XBRL_SIZED: '1' },
  });
  if (r.error) return false;
  if (r.signal) process.kill(process.pid, r.signal);
  process.exitCode = r.status ?? 1;
  return true;
}

/**
 * The cache file of a tuning: `program-short.cache`, `program-small.cache`, `program.cache`,
 * `program-large.cache` (each written by the build from one run: `convert`, `validate` of its outputs
 * three times); IIJ_XBRL_CODE_CACHE names another (tests: a missing, corrupt or stale one).
 */
const CACHES: Record<Tuning, string> = {
  short: 'program-short.cache',
  small: 'program-small.cache',
  default: 'program.cache',
  large: 'program-large.cache',
};
const cacheFile = (tuning: Tuning): string => process.env.IIJ_XBRL_CODE_CACHE || path.join(DIR, CACHES[tuning]);

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
export function runBundle(tuning: Tuning = 'default'): boolean {
  (Module as { enableCompileCache?: () => unknown }).enableCompileCache?.();
  if (process.env.IIJ_XBRL_NO_BUNDLE || !current()) return false;
  const source = read(BUNDLE)?.toString('latin1'); // the build writes it in ASCII (scripts/bundle.js)
  if (source === undefined) return false;
  const writing = !!process.env.IIJ_XBRL_WRITE_CODE_CACHE;
  const cachedData = writing ? undefined : read(cacheFile(tuning));
  const wrapped = `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
  const script = new vm.Script(wrapped, { filename: BUNDLE, cachedData });
  if (writing) {
    process.on('exit', () => {
      const file = cacheFile(tuning);
      fs.writeFileSync(`${file}.${process.pid}.tmp`, script.createCachedData());
      fs.renameSync(`${file}.${process.pid}.tmp`, file);
    });
  }
  const mod = { exports: {} as unknown, filename: BUNDLE, id: BUNDLE };
  const run = script.runInThisContext({ displayErrors: true }) as (...args: unknown[]) => void;
  run.call(mod.exports, mod.exports, createRequire(BUNDLE), mod, BUNDLE, DIR);
  return true;
}
