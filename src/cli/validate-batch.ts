import fs from 'node:fs';
import path from 'node:path';
import type { Worker } from 'node:worker_threads';
import type { Diagnostic } from '../model';
import type { CalcMode } from '../validate/context';
import { compareText } from '../util/compare-text';
import type { Limits } from '../util/limits';

export interface BatchOptions {
  calc: CalcMode;
  packages?: string[];
  maxBytes: number;
  /** Reader limits besides maxBytes (util/limits). */
  limits?: Partial<Limits>;
  /** Directories besides the report's own that files it names may be read from. */
  allowDirs?: string[];
}

/** What the CLI prints for one file: plain data, so it crosses from a worker thread unchanged. */
export interface Verdict {
  file: string;
  factCount: number;
  diagnostics: Diagnostic[];
  fatal: boolean;
}

export interface BatchResult {
  verdicts: Verdict[];
  workers: number;
  compiled: number;
}

/** Messages between the CLI and its workers. */
export type ToWorker = { index: number; file: string } | { done: true };
export type FromWorker = { index: number; verdict?: Verdict; error?: string; compiled: number };

/**
 * Validates `files`, in input order in the result. One file or one job: in this thread. Otherwise
 * `jobs` worker threads, each with its own validator cache (a DTS is compiled once per worker);
 * files are handed out one at a time, sorted by the taxonomy they name, so consecutive files
 * share a compiled DTS.
 */
export async function runBatch(
  files: string[],
  options: BatchOptions,
  jobs: number,
  onVerdict: (v: Verdict) => void = () => {},
): Promise<BatchResult> {
  if (files.length <= 1 || jobs <= 1) {
    const { validatorCache } = await import('../validate');
    const cache = validatorCache();
    const verdicts = files.map((file) => {
      const v = verdictOf(file, cache.validate(file, options));
      onVerdict(v);
      return v;
    });
    return { verdicts, workers: 0, compiled: cache.compiled };
  }
  const order = files
    .map((file, index) => ({ index, file, key: taxonomyKey(file) }))
    .sort((a, b) => compareText(a.key, b.key) || a.index - b.index);
  return inWorkers(files.length, order, options, jobs, onVerdict);
}

export function verdictOf(
  file: string,
  r: { diagnostics: Diagnostic[]; report?: { facts: unknown[] }; fatal: boolean },
): Verdict {
  return { file, factCount: r.report?.facts.length ?? 0, diagnostics: r.diagnostics, fatal: r.fatal };
}

/** The schemaRef hrefs or xBRL-JSON taxonomy list near the start of a file, and its directory: a cheap guess at its DTS. */
function taxonomyKey(file: string): string {
  let head = '';
  try {
    if (!fs.statSync(file).isFile()) return ''; // a FIFO or device: never opened (the reader reports it)
    const fd = fs.openSync(file, 'r');
    try {
      const b = Buffer.alloc(16384);
      head = b.subarray(0, fs.readSync(fd, b, 0, b.length, 0)).toString('utf8');
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return '';
  }
  const refs = [...head.matchAll(/schemaRef\b[^>]*?href\s*=\s*["']([^"']+)/g)].map((m) => m[1]);
  const json = /"taxonomy"\s*:\s*\[([^\]]*)\]/.exec(head)?.[1] ?? '';
  return `${refs.join(' ')}${json}|${path.dirname(path.resolve(file))}`;
}

async function inWorkers(
  n: number,
  order: { index: number; file: string }[],
  options: BatchOptions,
  jobs: number,
  onVerdict: (v: Verdict) => void,
): Promise<BatchResult> {
  const { Worker } = await import('node:worker_threads');
  const verdicts: Verdict[] = new Array(n);
  const compiled = new Map<Worker, number>();
  let next = 0;
  let failure: string | undefined;
  const one = (w: Worker) =>
    new Promise<void>((resolve, reject) => {
      const feed = () => {
        if (next < order.length && failure === undefined) {
          const { index, file } = order[next++];
          w.postMessage({ index, file } satisfies ToWorker);
        } else w.postMessage({ done: true } satisfies ToWorker);
      };
      w.on('message', (m: FromWorker) => {
        compiled.set(w, m.compiled);
        if (m.error !== undefined) failure ??= m.error;
        else if (m.verdict) {
          verdicts[m.index] = m.verdict;
          onVerdict(m.verdict);
        }
        feed();
      });
      w.on('error', reject);
      w.on('exit', () => resolve());
      feed();
    });
  const workers = Array.from(
    { length: jobs },
    () => new Worker(path.join(__dirname, 'validate-worker.js'), { workerData: options }),
  );
  await Promise.all(workers.map(one));
  // A bug in a worker, not a user error: main.ts reports it as an internal error.
  if (failure !== undefined) throw new Error(failure);
  return { verdicts, workers: jobs, compiled: [...compiled.values()].reduce((s, c) => s + c, 0) };
}
