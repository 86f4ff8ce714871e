/**
 * Inline XBRL reader benchmark: the committed documents of the bundled release read in process
 * once warm (each document alone, as `validate` reads it; both parsers), and the whole
 * `iij-xbrl validate <document>` process. Medians of several runs; prints the machine.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readInlineXbrl } from '../src/ixbrl/from-ixbrl';

const root = path.join(__dirname, '..', '..');
const docs = ['en', 'ja'].map((l) => path.join(root, 'instances', `iij-20031231-${l}.xhtml`));
const cli = path.join(root, 'dist', 'src', 'cli', 'main.js');
const runs = Number(process.env.BENCH_RUNS ?? 9);
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};

function inProcess(parser: 'auto' | 'saxes'): { ms: number; cpu: number; facts: number } {
  let facts = 0;
  for (const d of docs) readInlineXbrl([d], { parser });
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    const c0 = process.cpuUsage();
    facts = 0;
    for (const d of docs) {
      const r = readInlineXbrl([d], { parser });
      if (r.diagnostics.length) throw new Error(`${d}: ${r.diagnostics[0].code} ${r.diagnostics[0].message}`);
      facts += r.report?.facts.length ?? 0;
    }
    const c = process.cpuUsage(c0);
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    cpu.push((c.user + c.system) / 1000);
  }
  return { ms: median(times), cpu: median(cpu), facts };
}

function wholeProcess(doc: string): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, [cli, 'validate', doc], { encoding: 'utf8' });
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    if (r.status !== 0) throw new Error(`validate ${doc} exited ${r.status}: ${r.stdout}`);
  }
  return median(times);
}

const cpuModel = os.cpus()[0]?.model ?? 'unknown CPU';
console.log(
  `machine: ${os.cpus().length} × ${cpuModel}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
);
const kib = docs.reduce((s, d) => s + fs.statSync(d).size, 0) / 1024;
for (const parser of ['auto', 'saxes'] as const) {
  const r = inProcess(parser);
  console.log(
    `Inline XBRL reader (${parser === 'auto' ? 'fast scanner' : 'saxes'}), both documents in process: median ${r.ms.toFixed(1)} ms wall, ${r.cpu.toFixed(1)} ms CPU (${kib.toFixed(0)} KiB of XHTML, ${r.facts} tagged facts)`,
  );
}
console.log(
  `iij-xbrl validate ${path.basename(docs[0])}, whole process (${runs} runs): median ${wholeProcess(docs[0]).toFixed(0)} ms`,
);
