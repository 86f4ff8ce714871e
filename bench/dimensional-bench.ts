/**
 * Dimensional validator benchmark: a synthetic XBRL Dimensions instance (3 hypercubes, 6 explicit
 * dimensions with defaults and 1 typed dimension; 2 % of the facts planted dimensionally invalid)
 * loaded and validated in a fresh process, beside the non-dimensional synthetic instance of the same
 * size (validate-bench's), so the ratio of the two is measured in one run on one machine. Checks that
 * exactly the planted facts are reported. Target: dimensional ≤ 1.3 × non-dimensional, peak RSS ≤ 1 GiB.
 *
 * Usage: node dist/bench/dimensional-bench.js [--facts N]   (BENCH_RUNS fresh processes per figure, median; default 1)
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { validate } from '../src/validate';
import { generate } from './validate-bench';
import { writeDimensionalInstance, writeDimensionalTaxonomy } from './dimensional-fixture';

const RUNS = Number(process.env.BENCH_RUNS ?? 1);

function child(file: string): void {
  const t0 = process.hrtime.bigint();
  const r = validate(file, { calc: 'c11r' });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const invalid = r.diagnostics.filter((d) => d.code === 'xbrldie:PrimaryItemDimensionallyInvalidError').length;
  const errors = r.diagnostics.filter((d) => d.severity === 'error').length;
  process.stdout.write(
    JSON.stringify({
      ms,
      facts: r.report?.facts.length ?? 0,
      invalid,
      errors,
      maxRssMiB: process.resourceUsage().maxRSS / 1024,
    }),
  );
}

type Run = { ms: number; facts: number; invalid: number; errors: number; maxRssMiB: number };

function measure(file: string): Run {
  const runs = Array.from({ length: RUNS }, () => {
    const r = spawnSync(process.execPath, [__filename, '--dimensional-child', file], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${file}: ${r.stderr}`);
    return JSON.parse(r.stdout) as Run;
  }).sort((a, b) => a.ms - b.ms);
  return runs[Math.floor(runs.length / 2)];
}

function main(): void {
  const arg = process.argv.indexOf('--facts');
  const n = arg > 0 ? Number(process.argv[arg + 1]) : 1_000_000;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iij-dbench-'));
  console.log(
    `machine: ${os.cpus().length} × ${os.cpus()[0]?.model}, Node ${process.version}, load average ${os
      .loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')}`,
  );
  const flat = path.join(dir, 'flat.xml');
  generate(flat, n);
  writeDimensionalTaxonomy(dir);
  const dim = path.join(dir, 'dimensional.xml');
  const { planted } = writeDimensionalInstance(dim, 'dim.xsd', n);
  const a = measure(flat);
  const b = measure(dim);
  const ok = b.invalid === planted && b.errors === planted;
  console.log('instance          facts     load+validate s   peak RSS MiB   dimensionally invalid (planted / found)');
  console.log(
    `non-dimensional  ${String(a.facts).padStart(8)}  ${(a.ms / 1000).toFixed(2).padStart(15)}  ${a.maxRssMiB.toFixed(0).padStart(13)}`,
  );
  console.log(
    `dimensional      ${String(b.facts).padStart(8)}  ${(b.ms / 1000).toFixed(2).padStart(15)}  ${b.maxRssMiB.toFixed(0).padStart(13)}   ${planted} / ${b.invalid}${ok ? '' : '  MISMATCH'}`,
  );
  console.log(
    `ratio dimensional / non-dimensional: ${(b.ms / a.ms).toFixed(2)} (target ≤ 1.3); peak RSS ${b.maxRssMiB <= 1024 ? '≤' : '>'} 1 GiB`,
  );
  fs.rmSync(dir, { recursive: true, force: true });
  if (!ok) {
    console.error('dimensional-bench: the planted dimensionally invalid facts were not found exactly');
    process.exitCode = 1;
  }
}

if (process.argv[2] === '--dimensional-child') child(process.argv[3]);
else if (require.main === module) main();
