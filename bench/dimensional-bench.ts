/**
 * Dimensional validator benchmark: a synthetic XBRL Dimensions instance (3 hypercubes, 6 explicit
 * dimensions with defaults and 1 typed dimension; 2 % of the facts planted dimensionally invalid)
 * validated by the CLI (`iij-xbrl validate FILE --format json`) in a fresh process, beside the non-dimensional synthetic instance of the same
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
 *        (BENCH_RUNS fresh processes per figure of ours, the median by CPU time; default 1; Arelle runs once)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generate } from './validate-bench';
import { writeDimensionalInstance, writeDimensionalTaxonomy } from './dimensional-fixture';
import { childUsage } from './child-usage';

const RUNS = Number(process.env.BENCH_RUNS ?? 1);
const CLI = path.join(__dirname, '..', 'src', 'cli', 'main.js');

/** One fresh process of ours (the CLI, as a user runs it): its whole wall, CPU and peak RSS, and what it found. */
type Run = {
  wallS: number;
  cpuS: number;
  facts: number;
  invalid: number;
  xbrldie: number;
  errors: number;
  maxRssMiB: number;
};

/** `iij-xbrl validate FILE --format json` in fresh processes (BENCH_RUNS), the median by CPU time. */
function measure(file: string, dir: string): Run {
  const out = path.join(dir, 'report.json');
  const runs = Array.from({ length: RUNS }, (): Run => {
    const usage = childUsage([process.execPath, CLI, 'validate', file, '--format', 'json', '--calc', 'c11r'], out);
    const report = JSON.parse(fs.readFileSync(out, 'utf8')) as {
      factCount: number;
      summary: { errors: number };
      diagnostics: { code: string }[];
    };
    const codes = report.diagnostics.map((d) => d.code);
    return {
      wallS: usage.wallS,
      cpuS: usage.cpuS,
      maxRssMiB: usage.rssMiB,
      facts: report.factCount,
      invalid: codes.filter((c) => c === 'xbrldie:PrimaryItemDimensionallyInvalidError').length,
      xbrldie: codes.filter((c) => c.startsWith('xbrldie:')).length,
      errors: report.summary.errors,
    };
  }).sort((a, b) => a.cpuS - b.cpuS);
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
  const a = measure(flat, dir);
  const b = measure(dim, dir);
  const ok = b.invalid === planted && b.errors === planted;
  console.log(`iij-xbrl validate FILE --format json (whole process, median of ${RUNS} by CPU time)`);
  console.log('instance          facts    wall s    CPU s   peak RSS MiB   dimensionally invalid (planted / found)');
  console.log(
    `non-dimensional  ${String(a.facts).padStart(8)}  ${fmt(a.wallS, 2, 7)}  ${fmt(a.cpuS, 2, 7)}  ${fmt(a.maxRssMiB, 0, 13)}`,
  );
  console.log(
    `dimensional      ${String(b.facts).padStart(8)}  ${fmt(b.wallS, 2, 7)}  ${fmt(b.cpuS, 2, 7)}  ${fmt(b.maxRssMiB, 0, 13)}   ${planted} / ${b.invalid}${ok ? '' : '  MISMATCH'}`,
  );
  console.log(
    `ratio dimensional / non-dimensional: ${(b.wallS / a.wallS).toFixed(2)} in wall time, ${(b.cpuS / a.cpuS).toFixed(2)} in CPU time (target ≤ 1.3); peak RSS ${b.maxRssMiB <= 1024 ? '≤' : '>'} 1 GiB`,
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

if (require.main === module) main();
