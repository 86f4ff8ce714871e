/**
 * Validator benchmark: synthetic instances over the IIJ taxonomy (10k, 100k, 1M facts by default)
 * with planted calculation inconsistencies. Each measurement runs in a child process so that wall
 * time and peak RSS are those of a fresh `validate`, and checks that exactly the planted
 * inconsistencies are found.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fromXbrlXml } from '../src/instance/from-xbrl-xml';
import { compile, readInstance, validate } from '../src/validate';

const IIJ = 'https://xbrl.iij.ad.jp/taxonomy/2004-03-31/iij';
// Revenues = ConnectivityAndValueAddedServices + SI + Equipment; ConnVAS = the four below (Table 1 and both statements).
const PARTS = [
  'DedicatedAccessServicesRevenue',
  'DialUpAccessServicesRevenue',
  'ValueAddedServicesRevenue',
  'OtherConnectivityAndValueAddedServicesRevenue',
];
const FACTS_PER_CONTEXT = 8;
const PLANT_EVERY = 1000;
/** Roles with a Revenues summation: Table 1 and the two statements of operations. */
const REVENUE_NETWORKS = 3;

function generate(file: string, facts: number): number {
  const fd = fs.openSync(file, 'w');
  const w = (s: string) => fs.writeSync(fd, s);
  w(
    `<?xml version="1.0" encoding="UTF-8"?>\n<xbrli:xbrl xmlns:xbrli="http://www.xbrl.org/2003/instance" xmlns:link="http://www.xbrl.org/2003/linkbase" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:iso4217="http://www.xbrl.org/2003/iso4217" xmlns:iij="${IIJ}">\n`,
  );
  w(
    `  <link:schemaRef xlink:type="simple" xlink:href="${IIJ.replace(/iij$/, 'iij.xsd')}"/>\n  <xbrli:unit id="JPY"><xbrli:measure>iso4217:JPY</xbrli:measure></xbrli:unit>\n`,
  );
  const contexts = Math.ceil(facts / FACTS_PER_CONTEXT);
  let planted = 0;
  let buf = '';
  for (let c = 0; c < contexts; c++) {
    const id = `c${c}`;
    buf += `  <xbrli:context id="${id}"><xbrli:entity><xbrli:identifier scheme="http://www.sec.gov/CIK">0001090633</xbrli:identifier></xbrli:entity><xbrli:period><xbrli:startDate>2003-10-01</xbrli:startDate><xbrli:endDate>2003-12-31</xbrli:endDate></xbrli:period><xbrli:scenario><iij:Run>${c}</iij:Run></xbrli:scenario></xbrli:context>\n`;
    const parts = PARTS.map((_, k) => 1000 + ((c * 7 + k * 13) % 5000));
    const conn = parts.reduce((a, b) => a + b, 0);
    const si = 2000 + (c % 900);
    const eq = 1000 + (c % 300);
    let rev = conn + si + eq;
    if (c % PLANT_EVERY === 0) {
      rev += 10;
      planted++;
    }
    const fact = (name: string, v: number) =>
      `  <iij:${name} contextRef="${id}" unitRef="JPY" decimals="-6">${v}000000</iij:${name}>\n`;
    PARTS.forEach((p, k) => {
      buf += fact(p, parts[k]);
    });
    buf +=
      fact('ConnectivityAndValueAddedServicesRevenue', conn) +
      fact('SystemsIntegrationRevenue', si) +
      fact('EquipmentSalesRevenue', eq) +
      fact('Revenues', rev);
    if (buf.length > 1 << 20) {
      w(buf);
      buf = '';
    }
  }
  w(`${buf}</xbrli:xbrl>\n`);
  fs.closeSync(fd);
  return planted;
}

function child(mode: string, file: string): void {
  const t0 = process.hrtime.bigint();
  let facts = 0;
  let planted = 0;
  if (mode === 'load') facts = fromXbrlXml(file).report?.facts.length ?? 0;
  else {
    // Non-dimensional scenario content is legal XBRL 2.1 and only distinguishes the synthetic contexts.
    const r = validate(file, { calc: 'c11r' });
    facts = r.report?.facts.length ?? 0;
    planted = r.diagnostics.filter((d) => d.code === 'calc11e:inconsistentCalculationUsingRounding').length;
  }
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  process.stdout.write(JSON.stringify({ ms, facts, planted, maxRssMiB: process.resourceUsage().maxRSS / 1024 }));
}

const BUNDLED = path.join(__dirname, '..', '..', 'instances', 'iij-20031231.xml');
const CLI = path.join(__dirname, '..', 'src', 'cli', 'main.js');
const BATCH = 100;
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

/** Child: one compiled DTS, the bundled instance validated BATCH times in this one thread. */
function batchChild(): void {
  const v = compile(readInstance(BUNDLED).report!.taxonomy);
  v.validate(BUNDLED); // warm-up
  const t0 = process.hrtime.bigint();
  let facts = 0;
  for (let i = 0; i < BATCH; i++) facts += v.validate(BUNDLED).report?.facts.length ?? 0;
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  process.stdout.write(JSON.stringify({ ms, facts }));
}

/** Batch: BATCH copies of the bundled instance, in one thread with one compiled DTS, and through the CLI on all cores. */
function batch(dir: string): void {
  const r = spawnSync(process.execPath, [__filename, '--child', 'batch', ''], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`batch: ${r.stderr}`);
  const one = JSON.parse(r.stdout) as { ms: number; facts: number };
  console.log(
    `batch, one thread, one compiled DTS: ${BATCH} × bundled instance (${one.facts / BATCH} facts) in ${(one.ms / 1000).toFixed(2)} s = ${((BATCH / one.ms) * 1000).toFixed(1)} instances/s per core`,
  );
  const files = Array.from({ length: BATCH }, (_, i) => {
    const f = path.join(dir, `copy-${i}.xml`);
    fs.copyFileSync(BUNDLED, f);
    return f;
  });
  const t0 = process.hrtime.bigint();
  const cli = spawnSync(process.execPath, [CLI, 'validate', ...files], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (cli.status !== 0) throw new Error(`batch CLI: exit ${cli.status} ${cli.stderr}`);
  const total = cli.stdout.trim().split('\n').pop();
  console.log(
    `batch, whole \`iij-xbrl validate\` process on ${os.availableParallelism()} cores: ${BATCH} files in ${(ms / 1000).toFixed(2)} s = ${((BATCH / ms) * 1000).toFixed(1)} instances/s (${total})`,
  );
  for (const f of files) fs.rmSync(f);
}

function main(): void {
  const arg = process.argv.indexOf('--sizes');
  const sizes = arg > 0 ? process.argv[arg + 1].split(',').filter(Boolean).map(Number) : [10_000, 100_000, 1_000_000];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iij-vbench-'));
  console.log(
    `machine: ${os.cpus().length} × ${os.cpus()[0]?.model}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, load average ${os
      .loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')}`,
  );
  if (!process.argv.includes('--no-batch')) batch(dir);
  console.log(`validator, median of ${RUNS} fresh processes per figure:`);
  const bare = Array.from({ length: RUNS }, () => {
    const t0 = process.hrtime.bigint();
    spawnSync(process.execPath, ['-e', '0']);
    return Number(process.hrtime.bigint() - t0) / 1e6;
  }).sort((a, b) => a - b)[Math.floor(RUNS / 2)];
  console.log(`bare \`node -e 0\`: ${bare.toFixed(0)} ms (machine speed for comparison)`);
  console.log(
    'load and load+validate: in the process, after start-up; process s: the whole load+validate process (start-up, module loading, exit)',
  );
  console.log(
    'facts      MB    load: s     facts/s   RSS MiB | load+validate: s  facts/s   RSS MiB | process s | planted found',
  );
  let ok = true;
  for (const n of sizes) {
    const file = path.join(dir, `synthetic-${n}.xml`);
    const planted = generate(file, n);
    const mb = fs.statSync(file).size / 2 ** 20;
    type Run = { ms: number; wallMs: number; facts: number; planted: number; maxRssMiB: number };
    const once = (mode: string): Run => {
      const t0 = process.hrtime.bigint();
      // Node's default heap settings, as the CLI runs with.
      const r = spawnSync(process.execPath, [__filename, '--child', mode, file], {
        encoding: 'utf8',
        maxBuffer: 1 << 20,
      });
      const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
      if (r.status !== 0) throw new Error(`${mode} ${n}: ${r.stderr}`);
      return { ...(JSON.parse(r.stdout) as Run), wallMs };
    };
    // Each figure: the median of RUNS fresh processes (wall time and peak RSS taken separately).
    const run = (mode: string): Run => {
      const rs = Array.from({ length: RUNS }, () => once(mode));
      const med = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
      return {
        ms: med(rs.map((r) => r.ms)),
        wallMs: med(rs.map((r) => r.wallMs)),
        maxRssMiB: med(rs.map((r) => r.maxRssMiB)),
        facts: rs[0].facts,
        planted: Math.min(...rs.map((r) => r.planted)) === Math.max(...rs.map((r) => r.planted)) ? rs[0].planted : -1,
      };
    };
    const load = run('load');
    const full = run('validate');
    const expected = planted * REVENUE_NETWORKS;
    ok &&= full.planted === expected;
    console.log(
      `${String(load.facts).padEnd(9)} ${mb.toFixed(0).padStart(4)}  ${(load.ms / 1000).toFixed(2).padStart(8)}  ${((load.facts / load.ms) * 1000).toFixed(0).padStart(9)}  ${load.maxRssMiB.toFixed(0).padStart(7)} | ${(full.ms / 1000).toFixed(2).padStart(15)}  ${((full.facts / full.ms) * 1000).toFixed(0).padStart(7)}  ${full.maxRssMiB.toFixed(0).padStart(7)} | ${(full.wallMs / 1000).toFixed(2).padStart(10)} | ${expected} ${full.planted}${full.planted === expected ? '' : '  MISMATCH'}`,
    );
    fs.rmSync(file);
  }
  fs.rmSync(dir, { recursive: true, force: true });
  if (!ok) {
    console.error('validate-bench: the planted inconsistencies were not found exactly');
    process.exitCode = 1;
  }
}

if (process.argv[2] === '--child' && process.argv[3] === 'batch') batchChild();
else if (process.argv[2] === '--child') child(process.argv[3], process.argv[4]);
else if (require.main === module) main();

export { generate };
