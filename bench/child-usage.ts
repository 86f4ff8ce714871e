import { spawnSync } from 'node:child_process';

/** A child process's whole-process figures: wall time, CPU time (user + system), peak RSS. */
export type ChildUsage = { wallS: number; cpuS: number; rssMiB: number };

/**
 * Runs `argv` (program first) under a small Python parent that reads the child's resource usage
 * (Linux reports ru_maxrss in KiB; the figures cover the child's own children too). Wall time is taken
 * around the child inside the parent, so that the parent's own start is not counted. Standard output
 * goes to the file `stdoutTo`, or is discarded; standard error is kept for the
 * error thrown when the parent cannot run. Python is `ARELLE_PYTHON`, else `python3`.
 */
export function childUsage(argv: string[], stdoutTo?: string): ChildUsage {
  const parent = [
    'import json, resource, subprocess, sys, time',
    'out = open(sys.argv[1], "wb") if sys.argv[1] else subprocess.DEVNULL',
    't0 = time.perf_counter()',
    'subprocess.call(sys.argv[2:], stdout=out)',
    'wall = time.perf_counter() - t0',
    'u = resource.getrusage(resource.RUSAGE_CHILDREN)',
    'print(json.dumps({"wallS": wall, "cpuS": u.ru_utime + u.ru_stime, "rssMiB": u.ru_maxrss / 1024}))',
  ].join('\n');
  const r = spawnSync(process.env.ARELLE_PYTHON ?? 'python3', ['-c', parent, stdoutTo ?? '', ...argv], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  if (r.status !== 0) throw new Error(`could not run ${argv[0]}: ${r.error?.message ?? ''} ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop() ?? '{}') as ChildUsage;
}
