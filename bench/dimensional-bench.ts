/**
 * Dimensional validator benchmark: a synthetic XBRL Dimensions instance (3 hypercubes, 6 explicit
 * dimensions with defaults and 1 typed dimension; 2 % of the facts planted dimensionally invalid)
 * loaded and validated in a fresh process, beside the non-dimensional synthetic instance of the same
 * size (validate-bench's), so the ratio of the two is measured in one run on one machine. Checks that
 * exactly the planted facts are reported. Target: dimensional ≤ 1.3 × non-dimensional, peak RSS ≤ 1 GiB.
 *
 * With Arelle's source named by ARELLE_SRC (the directory holding arelleCmdLine.py), the same run also
 * validates the dimensional instance with Arelle (`-v`, its XBRL Dimensions checks on, offline: the
 * fixture's taxonomy is local files, the standard schemas come from Arelle's own cache) and prints
 * wall, CPU (user + system) and peak RSS of both processes, checks that Arelle reports the same number
 * of xbrldie errors, and prints the ratio (target: ≥ 30 × in CPU time, the fair measure on a shared machine).
 * ARELLE_PYTHON names the interpreter (default python3); PYTHONPATH and the rest of the environment
 * are passed on as they are. Without ARELLE_SRC Arelle is skipped, and the bench says so.
 *
 * Usage: [ARELLE_SRC=dir] node dist/bench/dimensional-bench.js [--facts N]
 *        (BENCH_RUNS fresh processes per figure of ours, median; default 1; Arelle runs once)
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { validate } from '../src/validate';
import { generate } from './validate-bench';
import { writeDimensionalInstance, writeDimensionalTaxonomy } from './dimensional-fixture';
import { childUsage } from './child-usage';

const RUNS = Number(process.env.BENCH_RUNS ?? 1);

function child(file: string): void {
  const t0 = process.hrtime.bigint();
  const r = validate(file, { calc: 'c11r' });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const invalid = r.diagnostics.filter((d) => d.code === 'xbrldie:PrimaryItemDimensionallyInvalidError').length;
  const xbrldie = r.diagnostics.filter((d) => d.code.startsWith('xbrldie:')).length;
  const errors = r.diagnostics.filter((d) => d.severity === 'error').length;
  const cpu = process.cpuUsage();
  process.stdout.write(
    JSON.stringify({
      ms,
      facts: r.report?.facts.length ?? 0,
      invalid,
      xbrldie,
      errors,
      cpuS: (cpu.user + cpu.system) / 1e6,
      maxRssMiB: process.resourceUsage().maxRSS / 1024,
    }),
  );
}

/** One fresh process of ours: in-process load+validate time, and the whole process's wall, CPU and peak RSS. */
type Run = {
  ms: number;
  wallS: number;
  cpuS: number;
  facts: number;
  invalid: number;
  xbrldie: number;
  errors: number;
  maxRssMiB: number;
};

function measure(file: string): Run {
  const runs = Array.from({ length: RUNS }, () => {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, [__filename, '--dimensional-child', file], { encoding: 'utf8' });
    const wallS = Number(process.hrtime.bigint() - t0) / 1e9;
    if (r.status !== 0) throw new Error(`${file}: ${r.stderr}`);
    return { ...(JSON.parse(r.stdout) as Omit<Run, 'wallS'>), wallS };
  }).sort((a, b) => a.ms - b.ms);
  return runs[Math.floor(runs.length / 2)];
}

type Arelle = { wallS: number; cpuS: number; maxRssMiB: number; xbrldie: number; codes: Map<string, number> };

/**
 * Runs Arelle's command line on `file` under the Python parent of child-usage (wall, CPU, peak RSS of
 * the child alone), and counts Arelle's xbrldie errors
 * in its JSON log. Arelle is a separate process, so the figures are the whole process, as ours are.
 */
function arelle(src: string, file: string, dir: string): Arelle {
  const log = path.join(dir, 'arelle-log.json');
  const cmd = [
    path.join(src, 'arelleCmdLine.py'),
    '--internetConnectivity=offline',
    '-f',
    file,
    '-v',
    '--logFile',
    log,
  ];
  const usage = childUsage([process.env.ARELLE_PYTHON ?? 'python3', ...cmd]);
  if (!fs.existsSync(log)) throw new Error(`Arelle did not run: no log ${log}`);
  const entries = (JSON.parse(fs.readFileSync(log, 'utf8')) as { log: { level?: string; code?: string }[] }).log;
  const codes = new Map<string, number>();
  for (const e of entries)
    if (e.level !== 'info' && e.level !== 'debug') codes.set(e.code ?? '', (codes.get(e.code ?? '') ?? 0) + 1);
  const xbrldie = [...codes].filter(([c]) => c.startsWith('xbrldie:')).reduce((n, [, k]) => n + k, 0);
  return { wallS: usage.wallS, cpuS: usage.cpuS, maxRssMiB: usage.rssMiB, xbrldie, codes };
}

const fmt = (x: number, digits: number, width: number) => x.toFixed(digits).padStart(width);
const load = () =>
  os
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(' ');

/** Arelle beside ours on the dimensional instance, when ARELLE_SRC names its source; prints the comparison. */
function sideBySide(file: string, ours: Run, dir: string): boolean {
  const src = process.env.ARELLE_SRC;
  if (!src) {
    console.log('Arelle: skipped (set ARELLE_SRC to the directory holding arelleCmdLine.py to run it side by side)');
    return true;
  }
  console.log(`Arelle: validating the dimensional instance (load average ${load()})…`);
  const a = arelle(src, file, dir);
  const same = a.xbrldie === ours.xbrldie;
  console.log('process           wall s     CPU s   peak RSS MiB   xbrldie errors');
  console.log(
    `iij-xbrl       ${fmt(ours.wallS, 2, 9)} ${fmt(ours.cpuS, 2, 9)}  ${fmt(ours.maxRssMiB, 0, 13)}   ${ours.xbrldie}`,
  );
  console.log(
    `Arelle         ${fmt(a.wallS, 2, 9)} ${fmt(a.cpuS, 2, 9)}  ${fmt(a.maxRssMiB, 0, 13)}   ${a.xbrldie}${same ? '' : '  MISMATCH'}`,
  );
  const other = [...a.codes].filter(([c]) => !c.startsWith('xbrldie:'));
  if (other.length) console.log(`Arelle's other findings: ${other.map(([c, k]) => `${c} × ${k}`).join(', ')}`);
  console.log(
    `Arelle / iij-xbrl: CPU ${(a.cpuS / ours.cpuS).toFixed(1)} ×, wall ${(a.wallS / ours.wallS).toFixed(1)} × (target ≥ 30 × in CPU); load average now ${load()}`,
  );
  return same;
}

function main(): void {
  const arg = process.argv.indexOf('--facts');
  const n = arg > 0 ? Number(process.argv[arg + 1]) : 1_000_000;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iij-dbench-'));
  console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model}, Node ${process.version}, load average ${load()}`);
  const flat = path.join(dir, 'flat.xml');
  generate(flat, n);
  writeDimensionalTaxonomy(dir);
  const dim = path.join(dir, 'dimensional.xml');
  const { planted } = writeDimensionalInstance(dim, 'dim.xsd', n);
  const a = measure(flat);
  const b = measure(dim);
  const ok = b.invalid === planted && b.errors === planted;
  console.log(
    'instance          facts     load+validate s   process CPU s   peak RSS MiB   dimensionally invalid (planted / found)',
  );
  console.log(
    `non-dimensional  ${String(a.facts).padStart(8)}  ${fmt(a.ms / 1000, 2, 15)}  ${fmt(a.cpuS, 2, 14)}  ${fmt(a.maxRssMiB, 0, 13)}`,
  );
  console.log(
    `dimensional      ${String(b.facts).padStart(8)}  ${fmt(b.ms / 1000, 2, 15)}  ${fmt(b.cpuS, 2, 14)}  ${fmt(b.maxRssMiB, 0, 13)}   ${planted} / ${b.invalid}${ok ? '' : '  MISMATCH'}`,
  );
  console.log(
    `ratio dimensional / non-dimensional: ${(b.ms / a.ms).toFixed(2)} in load+validate time, ${(b.cpuS / a.cpuS).toFixed(2)} in process CPU time (target ≤ 1.3); peak RSS ${b.maxRssMiB <= 1024 ? '≤' : '>'} 1 GiB`,
  );
  const same = sideBySide(dim, b, dir);
  fs.rmSync(dir, { recursive: true, force: true });
  if (!ok) {
    console.error('dimensional-bench: the planted dimensionally invalid facts were not found exactly');
    process.exitCode = 1;
  }
  if (!same) {
    console.error("dimensional-bench: Arelle's count of xbrldie errors differs from ours");
    process.exitCode = 1;
  }
}

if (process.argv[2] === '--dimensional-child') child(process.argv[3]);
else if (require.main === module) main();
