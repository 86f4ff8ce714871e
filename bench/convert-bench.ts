/**
 * Converter benchmark: the whole `iij-xbrl convert` process (what a user waits for), median of
 * several runs, and in-process throughput once warm. Prints the machine it ran on.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { convertBytes } from '../src/convert';
import { toInlineXbrl } from '../src/ixbrl';
import { loadInlineAssets } from '../src/ixbrl/inspector';
import { decodeRelease, parseRelease } from '../src/release';
import { loadReleaseMap } from '../src/mapping/release-map';
import { loadTaxonomySource } from '../src/mapping/taxonomy-source';
import { mapRelease } from '../src/mapping/map-release';

const root = path.join(__dirname, '..', '..');
const release = path.join(root, 'releases', 'iij-2004-02-12-3q-fy2003.txt');
const cli = path.join(root, 'dist', 'src', 'cli', 'main.js');
const runs = Number(process.env.BENCH_RUNS ?? 9);

const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

function wholeProcess(): number[] {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'iij-bench-'));
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, [cli, 'convert', release, '--out', out, '--quiet'], { encoding: 'utf8' });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (r.status !== 0) throw new Error(`convert failed: ${r.stderr}`);
    times.push(ms);
  }
  fs.rmSync(out, { recursive: true, force: true });
  return times;
}

function baseline(): number[] {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    execFileSync(process.execPath, ['-e', '0']);
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return times;
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
console.log(`machine: ${os.cpus().length} × ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`);
const node = median(baseline());
const whole = wholeProcess();
console.log(`convert, whole process (${runs} runs): median ${median(whole).toFixed(0)} ms, min ${Math.min(...whole).toFixed(0)} ms, max ${Math.max(...whole).toFixed(0)} ms (bare \`node -e 0\`: ${node.toFixed(0)} ms)`);
const ip = inProcess();
console.log(`convert, in process once warm: ${ip.ms.toFixed(1)} ms per release = ${(ip.cells / ip.ms * 1000).toFixed(0)} figure cells/s, ${(ip.facts / ip.ms * 1000).toFixed(0)} facts/s (${ip.facts} facts, ${ip.cells} cells)`);

/** The Inline XBRL writer alone: both documents from the mapped facts, in process, once warm (assets read once, as convert does per run). */
function inlineWriter(): { ms: number; cpu: number; bytes: number } {
  const parsed = parseRelease(decodeRelease(fs.readFileSync(release), release).text as string, release);
  const tax = loadTaxonomySource();
  const mapped = mapRelease(parsed.release, loadReleaseMap(), tax, { lang: 'both' });
  const input = { release: parsed.release, tables: mapped.tables, facts: mapped.facts, footnotes: mapped.footnotes, diagnostics: mapped.diagnostics, taxonomy: tax, lang: 'both' as const, base: 'iij-20031231' };
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
console.log(`Inline XBRL writer, both documents in process: median ${ix.ms.toFixed(1)} ms wall, ${ix.cpu.toFixed(1)} ms CPU (${(ix.bytes / 1024).toFixed(0)} KiB of XHTML)`);
