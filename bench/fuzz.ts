/**
 * Seeded mutation fuzzer for the readers: XBRL 2.1 XML, xBRL-JSON, xBRL-CSV and Inline XBRL. The
 * seeds are the committed reports in instances/; each case applies 1–4 seeded mutations (bytes
 * flipped, ranges deleted, duplicated or moved, hostile tokens inserted, truncation) to one file
 * of a report, and validates it in a worker thread with a per-case timeout. Reports, by reader:
 * exceptions (a throw out of `validate`), hangs (no answer within the timeout; the worker is
 * replaced), uncoded findings (a diagnostic without a `prefix:name` code or with a stack trace in
 * its message) and files opened outside the case's directory and the taxonomy.
 *
 *   node dist/bench/fuzz.js [--n 200] [--seed 1] [--readers xml,json,csv,inline] [--timeout 5000] [--json] [--keep DIR]
 *
 * Exit status 1 when anything was found. `--keep DIR` writes each failing case there.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { packageRoot } from '../src/util/paths';

const ROOT = packageRoot();
const INSTANCES = path.join(ROOT, 'instances');

export type ReaderName = 'xml' | 'json' | 'csv' | 'inline';
/** Each reader's seed report: the file validated and the files (relative names) that make it up. */
const SEEDS: Record<ReaderName, { main: string; files: string[] }[]> = {
  xml: [{ main: 'iij-20031231.xml', files: ['iij-20031231.xml'] }],
  json: [{ main: 'iij-20031231.json', files: ['iij-20031231.json'] }],
  csv: [
    {
      main: 'iij-20031231.xbrl-csv.json',
      files: ['iij-20031231.xbrl-csv.json', 'iij-20031231.xbrl-csv.facts.csv', 'iij-20031231.xbrl-csv.notes.csv'],
    },
  ],
  inline: [
    { main: 'iij-20031231-en.xhtml', files: ['iij-20031231-en.xhtml'] },
    { main: 'iij-20031231-ja.xhtml', files: ['iij-20031231-ja.xhtml'] },
  ],
};

/** mulberry32: small, fast, seeded. */
export function rng(seed: number): () => number {
  let s = seed | 0;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Tokens an attacker or a broken exporter puts into reports. */
const TOKENS = [
  '<',
  '>',
  '&',
  '"',
  "'",
  ']]>',
  '<!--',
  '<![CDATA[',
  '</',
  '/>',
  '&amp;',
  '&#0;',
  '&#x110000;',
  '&nosuch;',
  '<!DOCTYPE x [<!ENTITY a "aaaa">]>',
  '-1',
  '0',
  '2147483648',
  '-2147483649',
  '1e309',
  'NaN',
  'INF',
  '-0',
  '99999999999999999999999999999999',
  '../',
  '../../../../../../etc/passwd',
  '/dev/zero',
  '//evil.example/x.xsd',
  '%E0%A4%A',
  'file:///etc/passwd',
  'http://evil.example/',
  'toString',
  '__proto__',
  'constructor',
  '{',
  '}',
  '[',
  ']',
  ',',
  ':',
  '\\u0000',
  '\u0000',
  '\uFEFF',
  '\uD800',
  '#nil',
  '#none',
  '#empty',
  '$rowNumber',
  '@start',
  'xsi:nil="true"',
  'xml:lang=""',
  '\r',
  '\n',
  '\t',
  '=HYPERLINK("x")',
  'ｘ',
  '株式会社',
];

/** Applies 1–4 seeded mutations to `b`. */
export function mutate(b: Buffer, random: () => number): Buffer {
  let out = Buffer.from(b);
  const count = 1 + Math.floor(random() * 4);
  const pos = () => Math.floor(random() * (out.length + 1));
  const len = () => Math.floor(random() ** 3 * 2000) + 1;
  for (let k = 0; k < count; k++) {
    const op = Math.floor(random() * 8);
    const p = pos();
    if (op === 0 && out.length) {
      // flip bits of a few bytes
      for (let i = 0; i < 1 + Math.floor(random() * 4); i++) {
        const q = Math.floor(random() * out.length);
        out[q] ^= 1 << Math.floor(random() * 8);
      }
    } else if (op === 1) out = Buffer.concat([out.subarray(0, p), out.subarray(Math.min(out.length, p + len()))]);
    else if (op === 2) {
      const s = out.subarray(p, p + len());
      const times = random() < 0.1 ? 1 + Math.floor(random() * 50) : 1;
      out = Buffer.concat([out.subarray(0, p), ...Array<Buffer>(times + 1).fill(s), out.subarray(p + s.length)]);
    } else if (op === 3 || op === 4) {
      const t = Buffer.from(TOKENS[Math.floor(random() * TOKENS.length)]);
      out = Buffer.concat([out.subarray(0, p), t, out.subarray(p)]);
    } else if (op === 5) {
      // replace an attribute value or a JSON/CSV value with a token
      const t = Buffer.from(TOKENS[Math.floor(random() * TOKENS.length)]);
      const q = out.indexOf('"', p);
      const r = q < 0 ? -1 : out.indexOf('"', q + 1);
      if (r > q && r - q < 400) out = Buffer.concat([out.subarray(0, q + 1), t, out.subarray(r)]);
    } else if (op === 6) out = out.subarray(0, p);
    else {
      const from = pos();
      const s = Buffer.from(out.subarray(from, from + len()));
      out = Buffer.concat([out.subarray(0, p), s, out.subarray(p)]);
    }
  }
  return out;
}

export interface Finding {
  reader: ReaderName;
  case: number;
  kind: 'exception' | 'hang' | 'uncoded' | 'outside';
  detail: string;
}

export interface FuzzResult {
  n: number;
  seed: number;
  byReader: Record<
    string,
    { cases: number; exceptions: number; hangs: number; uncoded: number; outside: number; slowestMs: number }
  >;
  findings: Finding[];
}

const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');
const path = require('node:path');
const allowed = workerData.allowed.flatMap((d) => [path.resolve(d), fs.realpathSync(d)].map((x) => x + path.sep));
let outside = [];
const watch = (name) => {
  const real = fs[name];
  fs[name] = function (p, ...rest) {
    if (typeof p === 'string' || p instanceof URL) {
      const abs = path.resolve(p instanceof URL ? p.pathname : p);
      if (!allowed.some((a) => (abs + path.sep).startsWith(a))) outside.push(name + ' ' + abs);
    }
    return real.call(this, p, ...rest);
  };
};
for (const n of ['openSync', 'readFileSync', 'readdirSync', 'createReadStream']) watch(n);
const { validatorCache } = require(workerData.validate);
const cache = validatorCache();
parentPort.on('message', (m) => {
  outside = [];
  const t = Date.now();
  let error, codes = [], uncoded = [];
  try {
    const r = cache.validate(m.file, {});
    for (const d of r.diagnostics) {
      if (typeof d.code !== 'string' || !/^[A-Za-z][\\w.-]*:[\\w.-]+$/.test(d.code) || /\\n\\s+at /.test(d.message)) uncoded.push(String(d.code) + ' ' + String(d.message).slice(0, 120));
      codes.push(d.code);
    }
  } catch (e) {
    error = (e && e.stack ? e.stack : String(e)).split('\\n').slice(0, 4).join(' | ');
  }
  parentPort.postMessage({ ms: Date.now() - t, error, uncoded, outside });
});
`;

class Runner {
  private worker?: Worker;
  constructor(private readonly allowed: string[]) {}
  private start(): Worker {
    this.worker = new Worker(WORKER, {
      eval: true,
      workerData: { allowed: this.allowed, validate: path.join(ROOT, 'dist', 'src', 'validate', 'index.js') },
      resourceLimits: { maxOldGenerationSizeMb: 2048 },
    });
    return this.worker;
  }
  /** Validates one file; undefined when it did not answer within `timeout` ms (the worker is replaced). */
  async run(
    file: string,
    timeout: number,
    warmUp: string,
  ): Promise<{ ms: number; error?: string; uncoded: string[]; outside: string[] } | undefined> {
    if (!this.worker) {
      // A fresh worker loads the modules and compiles the DTS on an unmutated seed first, untimed.
      this.start();
      await this.ask(warmUp, 600_000);
    }
    return this.ask(file, timeout);
  }

  private ask(
    file: string,
    timeout: number,
  ): Promise<{ ms: number; error?: string; uncoded: string[]; outside: string[] } | undefined> {
    const w = this.worker ?? this.start();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        w.removeAllListeners('message');
        w.removeAllListeners('error');
        void w.terminate();
        this.worker = undefined;
        resolve(undefined);
      }, timeout);
      w.once('message', (m) => {
        clearTimeout(timer);
        w.removeAllListeners('error');
        resolve(m);
      });
      w.postMessage({ file });
      w.once('error', (e) => {
        clearTimeout(timer);
        w.removeAllListeners('message');
        this.worker = undefined;
        resolve({ ms: timeout, error: `worker died: ${String(e).slice(0, 200)}`, uncoded: [], outside: [] });
      });
    });
  }
  stop(): void {
    void this.worker?.terminate();
  }
}

/** Runs `n` cases per reader from `seed`; `keep` receives failing cases. */
export async function fuzz(
  o: { n: number; seed: number; readers: ReaderName[]; timeout: number; keep?: string },
  log: (s: string) => void = () => {},
): Promise<FuzzResult> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'iij-fuzz-'));
  const runner = new Runner([
    work,
    path.join(ROOT, 'taxonomy'),
    path.join(ROOT, 'schemas'),
    path.join(ROOT, 'dist'),
    path.join(ROOT, 'node_modules'),
    path.join(ROOT, 'package.json'),
  ]);
  const result: FuzzResult = { n: o.n, seed: o.seed, byReader: {}, findings: [] };
  const warm = {} as Record<ReaderName, string>;
  try {
    for (const reader of o.readers) {
      const dir = path.join(work, `${reader}-seed`);
      fs.mkdirSync(dir);
      for (const f of SEEDS[reader][0].files) fs.copyFileSync(path.join(INSTANCES, f), path.join(dir, f));
      warm[reader] = path.join(dir, SEEDS[reader][0].main);
    }
    for (const reader of o.readers) {
      const stats = { cases: 0, exceptions: 0, hangs: 0, uncoded: 0, outside: 0, slowestMs: 0 };
      result.byReader[reader] = stats;
      const random = rng(o.seed * 7919 + reader.length * 104729 + reader.charCodeAt(0));
      for (let i = 0; i < o.n; i++) {
        const seed = SEEDS[reader][Math.floor(random() * SEEDS[reader].length)];
        const dir = path.join(work, `${reader}-${i}`);
        fs.mkdirSync(dir);
        const target = seed.files[Math.floor(random() * seed.files.length)];
        for (const f of seed.files) {
          const bytes = fs.readFileSync(path.join(INSTANCES, f));
          fs.writeFileSync(path.join(dir, f), f === target ? mutate(bytes, random) : bytes);
        }
        const r = await runner.run(path.join(dir, seed.main), o.timeout, warm[reader]);
        stats.cases++;
        const found: Finding[] = [];
        if (!r) found.push({ reader, case: i, kind: 'hang', detail: `no answer within ${o.timeout} ms` });
        else {
          stats.slowestMs = Math.max(stats.slowestMs, r.ms);
          if (r.error) found.push({ reader, case: i, kind: 'exception', detail: r.error });
          for (const u of r.uncoded) found.push({ reader, case: i, kind: 'uncoded', detail: u });
          for (const x of r.outside) found.push({ reader, case: i, kind: 'outside', detail: x });
        }
        for (const f of found) {
          if (f.kind === 'exception') stats.exceptions++;
          else if (f.kind === 'hang') stats.hangs++;
          else if (f.kind === 'uncoded') stats.uncoded++;
          else stats.outside++;
          result.findings.push(f);
          log(`${reader} #${i} ${f.kind}: ${f.detail}`);
        }
        if (found.length && o.keep) {
          const keep = path.join(o.keep, `${reader}-${o.seed}-${i}`);
          fs.mkdirSync(keep, { recursive: true });
          for (const f of seed.files) fs.copyFileSync(path.join(dir, f), path.join(keep, f));
        }
        fs.rmSync(dir, { recursive: true, force: true });
      }
    }
  } finally {
    runner.stop();
    fs.rmSync(work, { recursive: true, force: true });
  }
  return result;
}

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1] : fallback;
}

async function main(): Promise<void> {
  const o = {
    n: Number(arg('n', '200')),
    seed: Number(arg('seed', '1')),
    readers: arg('readers', 'xml,json,csv,inline').split(',') as ReaderName[],
    timeout: Number(arg('timeout', '5000')),
    keep: process.argv.includes('--keep') ? arg('keep', 'fuzz-findings') : undefined,
  };
  const json = process.argv.includes('--json');
  const t = Date.now();
  const r = await fuzz(o, json ? undefined : (s) => process.stdout.write(`${s}\n`));
  if (json) process.stdout.write(`${JSON.stringify(r, null, 2)}\n`);
  else {
    for (const [reader, s] of Object.entries(r.byReader))
      process.stdout.write(
        `${reader}: ${s.cases} cases, ${s.exceptions} exceptions, ${s.hangs} hangs, ${s.uncoded} uncoded, ${s.outside} outside reads, slowest ${s.slowestMs} ms\n`,
      );
    process.stdout.write(`seed ${o.seed}, ${((Date.now() - t) / 1000).toFixed(0)} s\n`);
  }
  process.exitCode = r.findings.length ? 1 : 0;
}

if (require.main === module) void main();
