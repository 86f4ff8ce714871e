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

/**
 * A synthetic Inline XBRL document of about `mib` MiB, as SEC filings are written: a few very long
 * lines, a styled <span>/<td> around every number, text blocks with escaped markup, `&#160;`s.
 */
function syntheticDocument(mib: number): string {
  const file = path.join(os.tmpdir(), `iij-synthetic-${mib}mib.xhtml`);
  if (fs.existsSync(file) && fs.statSync(file).size > mib * 2 ** 20) return file;
  const head = `<?xml version="1.0" encoding="UTF-8"?>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:ix="http://www.xbrl.org/2013/inlineXBRL" xmlns:ixt="http://www.xbrl.org/inlineXBRL/transformation/2020-02-12" xmlns:xbrli="http://www.xbrl.org/2003/instance" xmlns:link="http://www.xbrl.org/2003/linkbase" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:iso4217="http://www.xbrl.org/2003/iso4217" xmlns:t="https://example.com/tiny/2020" xml:lang="en"><head><title>synthetic</title></head><body><div style="display:none"><ix:header><ix:references><link:schemaRef xlink:type="simple" xlink:href="tiny.xsd"/></ix:references><ix:resources><xbrli:context id="d"><xbrli:entity><xbrli:identifier scheme="http://www.sec.gov/CIK">1</xbrli:identifier></xbrli:entity><xbrli:period><xbrli:startDate>2020-01-01</xbrli:startDate><xbrli:endDate>2020-12-31</xbrli:endDate></xbrli:period></xbrli:context><xbrli:unit id="usd"><xbrli:measure>iso4217:USD</xbrli:measure></xbrli:unit></ix:resources></ix:header></div>\n`;
  const parts = [head];
  let size = head.length;
  for (let i = 0; size < mib * 2 ** 20; i++) {
    const row =
      `<tr style="height:12pt"><td style="padding:0 4pt;font-family:Times New Roman"><span style="color:#000000;font-size:10pt">Line&#160;item ${i}</span></td>` +
      `<td style="text-align:right"><span style="color:#000000;font-size:10pt">$</span><ix:nonFraction name="t:Amount${i % 500}" contextRef="d" unitRef="usd" decimals="-6" scale="6" format="ixt:num-dot-decimal" id="f${i}">${(i * 7919) % 100000},${String(i % 1000).padStart(3, '0')}</ix:nonFraction></td></tr>` +
      (i % 200 === 0
        ? `<tr><td><ix:nonNumeric name="t:Note${i}" contextRef="d" escape="true"><div><p style="font-size:10pt">Note ${i}: text&#160;block with <b>markup</b> and a table <table><tr><td></td><td>x</td></tr></table></p></div></ix:nonNumeric></td></tr>`
        : '');
    parts.push(i % 1000 === 0 ? `<table>${row}` : i % 1000 === 999 ? `${row}</table>\n` : row);
    size += row.length;
  }
  parts.push('</table></body></html>\n');
  fs.writeFileSync(file, parts.join(''));
  return file;
}

/**
 * One document read in a fresh process: wall and CPU time of that first read, MB/s of CPU time
 * (the fairer figure on a shared machine) and of wall time, peak resident memory against the
 * document's size; for documents under 20 MB also the warm figure (the mean of 20 further reads in
 * that process, as a service reading many filings runs), where start-up costs are spent.
 */
function largeDocument(file: string): void {
  const reader = JSON.stringify(path.join(__dirname, '..', 'src', 'ixbrl', 'from-ixbrl.js'));
  const script = `const {readInlineXbrl}=require(${reader});const f=${JSON.stringify(file)};
const t0=process.hrtime.bigint();const c0=process.cpuUsage();const r=readInlineXbrl([f]);const c=process.cpuUsage(c0);
const first={wall:Number(process.hrtime.bigint()-t0)/1e6,cpu:(c.user+c.system)/1000,facts:r.report?r.report.facts.length:-1,maxRss:process.resourceUsage().maxRSS*1024};
let warm;if(require('fs').statSync(f).size<20e6){for(let i=0;i<3;i++)readInlineXbrl([f]);const w0=process.cpuUsage();for(let i=0;i<20;i++)readInlineXbrl([f]);const w=process.cpuUsage(w0);warm=(w.user+w.system)/1000/20;}
console.log(JSON.stringify({...first,warm}))`;
  const out = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (out.status !== 0) throw new Error(out.stderr);
  const r = JSON.parse(out.stdout) as { wall: number; cpu: number; facts: number; maxRss: number; warm?: number };
  const mb = fs.statSync(file).size / 1e6;
  const cells = [
    path.basename(file).padEnd(40),
    mb.toFixed(1).padStart(6),
    String(r.facts).padStart(7),
    r.wall.toFixed(0).padStart(8),
    r.cpu.toFixed(0).padStart(7),
    (mb / (r.cpu / 1000)).toFixed(1).padStart(10),
    (mb / (r.wall / 1000)).toFixed(1).padStart(11),
    `${(r.maxRss / 1e6 / mb).toFixed(2)}×`.padStart(10),
    (r.warm === undefined ? '' : (mb / (r.warm / 1000)).toFixed(1)).padStart(15),
  ];
  console.log(cells.join(' '));
}

const inputs = [
  syntheticDocument(Number(process.env.BENCH_SYNTHETIC_MIB ?? 50)),
  ...(process.env.BENCH_FILINGS ?? '').split(path.delimiter).filter(Boolean),
];
console.log(
  `Inline XBRL reader, each input in a fresh process (load average ${os
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')}; goal ≥ 30 MB/s, peak RSS ≤ 5× the input; more inputs: BENCH_FILINGS=a.htm${path.delimiter}b.htm):`,
);
console.log(
  [
    'input'.padEnd(40),
    'MB'.padStart(6),
    'facts'.padStart(7),
    'wall ms'.padStart(8),
    'CPU ms'.padStart(7),
    'MB/s (CPU)'.padStart(10),
    'MB/s (wall)'.padStart(11),
    'RSS/size'.padStart(10),
    'MB/s (CPU, warm)'.padStart(15),
  ].join(' '),
);
for (const f of inputs) largeDocument(f);
