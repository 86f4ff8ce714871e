/**
 * Converter benchmark: the whole `iij-xbrl convert` process (what a user waits for), wall and CPU
 * time medians of several fresh processes, against bare `node -e 0` and against a run without the
 * build's code cache; then in-process throughput once warm. Prints the machine and its load.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { convertBytes } from '../src/convert';
import { toInlineXbrl } from '../src/inline-page';
import { loadInlineAssets } from '../src/inline-page/inspector-data';
import { decodeRelease, parseRelease } from '../src/release';
import { loadReleaseMap } from '../src/mapping/release-map';
import { loadTaxonomySource } from '../src/mapping/taxonomy-source';
import { mapRelease } from '../src/mapping/map-release';

const root = path.join(__dirname, '..', '..');
const release = path.join(root, 'releases', 'iij-2004-02-12-3q-fy2003.txt');
const cli = path.join(root, 'dist', 'src', 'cli', 'main.js');
const runs = Number(process.env.BENCH_RUNS ?? 9);

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};

/** Preloaded into each measured process: reports its own CPU time (user + system) at exit, in ms. */
const reporter = path.join(os.tmpdir(), `iij-bench-cpu-${process.pid}.js`);
fs.writeFileSync(
  reporter,
  "process.on('exit', () => { const c = process.cpuUsage(); require('fs').writeFileSync(process.env.BENCH_CPU_FILE, String((c.user + c.system) / 1000)); });\n",
);

interface Runs {
  wall: number[];
  cpu: number[];
}

/**
 * `runs` fresh processes of each command line (node flags and script, environment), each with its
 * wall and CPU time; the commands take turns, so that other work on the machine affects them alike.
 */
function fresh(commands: { args: string[]; env?: NodeJS.ProcessEnv }[]): Runs[] {
  const cpuFile = path.join(os.tmpdir(), `iij-bench-cpu-${process.pid}.txt`);
  const results: Runs[] = commands.map(() => ({ wall: [], cpu: [] }));
  for (let i = 0; i < runs; i++) {
    commands.forEach(({ args, env }, k) => {
      const t0 = process.hrtime.bigint();
      const p = spawnSync(process.execPath, ['-r', reporter, ...args], {
        encoding: 'utf8',
        env: { ...process.env, ...env, BENCH_CPU_FILE: cpuFile },
      });
      results[k].wall.push(Number(process.hrtime.bigint() - t0) / 1e6);
      if (p.status !== 0) throw new Error(`${args.join(' ')} failed: ${p.stderr}`);
      results[k].cpu.push(Number(fs.readFileSync(cpuFile, 'utf8')));
    });
  }
  fs.rmSync(cpuFile, { force: true });
  return results;
}

function inProcess(): { ms: number; facts: number; cells: number } {
  const bytes = fs.readFileSync(release);
  convertBytes(bytes, release); // warm-up: module loading, schema compilation
  const n = 20;
  const t0 = process.hrtime.bigint();
  let r = convertBytes(bytes, release);
  for (let i = 1; i < n; i++) r = convertBytes(bytes, release);
  const ms = Number(process.hrtime.bigint() - t0) / 1e6 / n;
  const cells = Object.values(r.coverage).reduce((s, c) => s + c.cells, 0);
  return { ms, facts: r.facts.length, cells };
}

const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
console.log(
  `machine: ${os.cpus().length} × ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
);
console.log(
  `load average ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')} (other work on the machine makes wall times noisy; compare CPU times)`,
);
const stats = (xs: number[]) =>
  `median ${median(xs).toFixed(0)} ms (min ${Math.min(...xs).toFixed(0)}, max ${Math.max(...xs).toFixed(0)})`;
const out = fs.mkdtempSync(path.join(os.tmpdir(), 'iij-bench-'));
const convertArgs = [cli, 'convert', release, '--out', out, '--quiet'];
// Bare node; convert (from the build's bundle with its code cache); the same without the cache (a file that
// does not exist) and from the compiled modules without the bundle: what each saves.
const [node, whole, uncached, modules] = fresh([
  { args: ['-e', '0'] },
  { args: convertArgs },
  { args: convertArgs, env: { IIJ_XBRL_CODE_CACHE: path.join(out, 'no-code-cache.bin') } },
  { args: convertArgs, env: { IIJ_XBRL_NO_BUNDLE: '1' } },
]);
fs.rmSync(out, { recursive: true, force: true });
console.log(`bare \`node -e 0\` (${runs} fresh processes): wall ${stats(node.wall)}, CPU ${stats(node.cpu)}`);
console.log(
  `convert, whole process (${runs} fresh processes): wall ${stats(whole.wall)}, CPU ${stats(whole.cpu)}; ` +
    `${(median(whole.wall) / median(node.wall)).toFixed(1)}× bare node's wall, ${(median(whole.wall) - median(node.wall)).toFixed(0)} ms above it`,
);
console.log(
  `convert without the code cache: wall ${stats(uncached.wall)}, CPU ${stats(uncached.cpu)}; the cache saves ${(median(uncached.cpu) - median(whole.cpu)).toFixed(0)} ms CPU (${(median(uncached.cpu) / median(whole.cpu)).toFixed(2)}×)`,
);
console.log(
  `convert from the compiled modules (no bundle, no cache): wall ${stats(modules.wall)}, CPU ${stats(modules.cpu)}; bundle and cache save ${(median(modules.cpu) - median(whole.cpu)).toFixed(0)} ms CPU (${(median(modules.cpu) / median(whole.cpu)).toFixed(2)}×)`,
);
fs.rmSync(reporter, { force: true });
const ip = inProcess();
console.log(
  `convert, in process once warm: ${ip.ms.toFixed(1)} ms per release = ${((ip.cells / ip.ms) * 1000).toFixed(0)} figure cells/s, ${((ip.facts / ip.ms) * 1000).toFixed(0)} facts/s (${ip.facts} facts, ${ip.cells} cells)`,
);

/** The Inline XBRL writer alone: both documents from the mapped facts, in process, once warm (assets read once, as convert does per run). */
function inlineWriter(): { ms: number; cpu: number; bytes: number } {
  const parsed = parseRelease(decodeRelease(fs.readFileSync(release), release).text as string, release);
  const tax = loadTaxonomySource();
  const mapped = mapRelease(parsed.release, loadReleaseMap(), tax, { lang: 'both' });
  const input = {
    release: parsed.release,
    tables: mapped.tables,
    facts: mapped.facts,
    footnotes: mapped.footnotes,
    diagnostics: mapped.diagnostics,
    taxonomy: tax,
    lang: 'both' as const,
    base: 'iij-20031231',
  };
  toInlineXbrl(input);
  const times: number[] = [];
  const cpu: number[] = [];
  let bytes = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    const c0 = process.cpuUsage();
    const docs = toInlineXbrl({ ...input, assets: loadInlineAssets() });
    const c = process.cpuUsage(c0);
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    cpu.push((c.user + c.system) / 1000);
    bytes = docs.reduce((s, d) => s + Buffer.byteLength(d.content), 0);
  }
  return { ms: median(times), cpu: median(cpu), bytes };
}
const ix = inlineWriter();
console.log(
  `Inline XBRL writer, both documents in process: median ${ix.ms.toFixed(1)} ms wall, ${ix.cpu.toFixed(1)} ms CPU (${(ix.bytes / 1024).toFixed(0)} KiB of XHTML)`,
);
