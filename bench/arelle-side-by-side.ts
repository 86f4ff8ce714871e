/**
 * Whole-process reading and validation of filings, ours beside Arelle's, in one run: for each file
 * named, `iij-xbrl validate --jobs 1 FILE` and Arelle's `-f FILE -v` (offline), taking turns,
 * `BENCH_RUNS` times each (default 3); medians of wall time, CPU time (user + system, from the
 * processes' rusage) and peak RSS, and the ratios Arelle / ours. A development aid, never run by
 * tests or CI: Arelle is a Python program this project does not ship.
 *
 *   ARELLE_SRC=<dir holding arelleCmdLine.py> [ARELLE_PYTHON=python3] \
 *     node dist/bench/arelle-side-by-side.js FILE…
 *
 * Offline, neither loads a taxonomy the filing names on the web: both read the document, its
 * contexts, units and facts (with their transformations) and run what rules they can without it.
 */
import { childUsage } from './child-usage';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const CLI = path.join(__dirname, '..', 'src', 'cli', 'main.js');

const measure = childUsage;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function main(): void {
  const src = process.env.ARELLE_SRC;
  const files = process.argv.slice(2);
  if (!src || !files.length) {
    console.error('usage: ARELLE_SRC=<dir holding arelleCmdLine.py> node dist/bench/arelle-side-by-side.js FILE…');
    process.exitCode = 2;
    return;
  }
  const load = () =>
    os
      .loadavg()
      .map((x) => x.toFixed(1))
      .join(' ');
  console.log(
    `machine: ${os.cpus().length} × ${os.cpus()[0]?.model}, Node ${process.version}, load average ${load()}; medians of ${RUNS}`,
  );
  console.log(
    'file                                   MB |  ours wall  CPU  MiB | Arelle wall   CPU   MiB | ratio wall  CPU',
  );
  for (const file of files) {
    const abs = path.resolve(file);
    const ours: ReturnType<typeof measure>[] = [];
    const arelle: ReturnType<typeof measure>[] = [];
    const log = path.join(os.tmpdir(), `iij-sbs-${process.pid}.json`);
    for (let i = 0; i < RUNS; i++) {
      ours.push(measure([process.execPath, CLI, 'validate', '--jobs', '1', abs]));
      arelle.push(
        measure([
          process.env.ARELLE_PYTHON ?? 'python3',
          path.join(src, 'arelleCmdLine.py'),
          '--internetConnectivity=offline',
          '-f',
          abs,
          '-v',
          '--logFile',
          log,
        ]),
      );
    }
    fs.rmSync(log, { force: true });
    const m = (rs: ReturnType<typeof measure>[]) => ({
      wall: median(rs.map((r) => r.wallS)),
      cpu: median(rs.map((r) => r.cpuS)),
      rss: median(rs.map((r) => r.rssMiB)),
    });
    const [o, a] = [m(ours), m(arelle)];
    const mb = fs.statSync(abs).size / 1e6;
    console.log(
      `${path.basename(file).slice(0, 36).padEnd(36)} ${mb.toFixed(1).padStart(5)} | ${o.wall.toFixed(2).padStart(9)} ${o.cpu.toFixed(2).padStart(5)} ${o.rss.toFixed(0).padStart(4)} | ${a.wall.toFixed(2).padStart(11)} ${a.cpu.toFixed(2).padStart(5)} ${a.rss.toFixed(0).padStart(5)} | ${(a.wall / o.wall).toFixed(1).padStart(9)}× ${(a.cpu / o.cpu).toFixed(1).padStart(4)}×`,
    );
  }
  console.log(`load average at the end ${load()}`);
}

main();
