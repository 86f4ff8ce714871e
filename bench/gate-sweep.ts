/**
 * Every gate mutation of the bundled release (bench/gate-mutations.ts), each converted in process:
 * how many are reported where they were made, by kind, and those that are not (to
 * test-output/gate-sweep.json). One run: `npm run build && node dist/bench/gate-sweep.js`
 * (`GATE_SWEEP_EVERY=5`: every fifth blank cell only).
 */
import fs from 'node:fs';
import path from 'node:path';
import { convertBytes } from '../src/convert';
import { compile } from '../src/validate';
import { loadTaxonomySource } from '../src/mapping/taxonomy-source';
import { packageRoot } from '../src/util/paths';
import { RELEASE, bundledText, findingKey, gateMutations, reported } from './gate-mutations';

const text = bundledText();
const validator = compile(loadTaxonomySource().entryPoint);
const run = (t: string) => convertBytes(Buffer.from(t, 'utf8'), RELEASE, { validator });
const baseline = new Set(run(text).diagnostics.map(findingKey));
const tally: Record<string, { total: number; reported: number; silent: number }> = {};
const missed: unknown[] = [];
const t0 = Date.now();
// GATE_SWEEP_EVERY=n: every header mutation, every n-th blank cell (a sample, when the machine is busy).
const every = Number(process.env.GATE_SWEEP_EVERY ?? 1);
let blanks = 0;
for (const m of gateMutations(text)) {
  if (m.kind === 'blank' && blanks++ % every !== 0) continue;
  const r = run(m.text);
  const fresh = r.diagnostics.filter((d) => !baseline.has(findingKey(d)));
  const s = (tally[m.kind] ??= { total: 0, reported: 0, silent: 0 });
  s.total++;
  if (reported(m, fresh)) s.reported++;
  else {
    if (r.ok && !fresh.some((d) => d.severity !== 'info')) s.silent++;
    missed.push({
      ...m,
      text: undefined,
      ok: r.ok,
      fresh: fresh.slice(0, 3).map((d) => `${d.code} ${d.source?.line}:${d.source?.column}`),
    });
  }
}
const out = path.join(packageRoot(), 'test-output', `gate-sweep${every > 1 ? `-every-${every}` : ''}.json`);
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, `${JSON.stringify({ tally, missed }, null, 2)}\n`);
console.log(`gate mutations of the bundled release, ${((Date.now() - t0) / 1000).toFixed(0)} s:`);
for (const [k, s] of Object.entries(tally))
  console.log(
    `  ${k}: ${s.reported} of ${s.total} reported where made; ${s.silent} pass silently (exit 0, no finding)`,
  );
console.log(`not reported where made: ${missed.length} (listed in ${path.relative(process.cwd(), out)})`);
