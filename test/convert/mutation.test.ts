import fs from 'node:fs';
import path from 'node:path';
import { convertBytes } from '../../src/convert';
import { compile } from '../../src/validate';
import { loadTaxonomySource } from '../../src/mapping/taxonomy-source';
import { parseRelease, readNumber } from '../../src/release';
import type { Diagnostic } from '../../src/model';

/**
 * Corrupts one digit of each of 300 randomly chosen figure cells (seeded), one at a time, and
 * asks whether `convert` reports it: a new error, inconsistency or warning that names the
 * corrupted cell's line. The few it cannot see are listed with the reason no check can see them.
 */
const ROOT = path.join(__dirname, '..', '..');
const RELEASE = path.join(ROOT, 'releases', 'iij-2004-02-12-3q-fy2003.txt');
const SAMPLE = 300;

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

interface Mutation {
  line: number;
  column: number;
  before: string;
  after: string;
  text: string;
}

function figureCells(text: string) {
  const { release } = parseRelease(text, RELEASE);
  return release.tables.flatMap((t) =>
    t.rows.flatMap((r) => r.cells.filter((c) => readNumber(c.text).kind === 'number')),
  );
}

function mutate(lines: string[], cell: { line: number; column: number }, next: () => number): Mutation | undefined {
  const raw = lines[cell.line - 1];
  const end = raw.indexOf('\t', cell.column - 1);
  const field = raw.slice(cell.column - 1, end < 0 ? raw.length : end);
  const digits = [...field].map((ch, i) => (/[0-9]/.test(ch) ? i : -1)).filter((i) => i >= 0);
  if (!digits.length) return undefined;
  const at = digits[Math.floor(next() * digits.length)];
  const old = field[at];
  const pool = [...'0123456789'].filter((d) => d !== old && !(at === digits[0] && d === '0'));
  const nd = pool[Math.floor(next() * pool.length)];
  const after = field.slice(0, at) + nd + field.slice(at + 1);
  const copy = [...lines];
  copy[cell.line - 1] = raw.slice(0, cell.column - 1) + after + raw.slice(cell.column - 1 + field.length);
  return { line: cell.line, column: cell.column, before: field, after, text: copy.join('\n') };
}

const key = (d: Diagnostic) => `${d.code}|${d.source?.line}|${d.source?.column}|${d.message}`;
const names = (d: Diagnostic, line: number) => d.source?.line === line || !!d.related?.some((r) => r.line === line);

test(`convert reports ≥ 99% of ${SAMPLE} single-digit corruptions at the corrupted cell`, () => {
  const text = fs.readFileSync(RELEASE, 'utf8');
  const lines = text.split('\n');
  const validator = compile(loadTaxonomySource().entryPoint);
  const run = (t: string) => convertBytes(Buffer.from(t, 'utf8'), RELEASE, { validator });
  const baseline = new Set(run(text).diagnostics.map(key));
  const cells = figureCells(text);
  expect(cells.length).toBeGreaterThan(1500);
  const next = rng(20040212);
  const chosen = new Set<number>();
  while (chosen.size < SAMPLE) chosen.add(Math.floor(next() * cells.length));
  const missed: (Mutation & { why: string })[] = [];
  let seen = 0;
  for (const i of [...chosen].sort((a, b) => a - b)) {
    const m = mutate(lines, cells[i], next)!;
    const r = run(m.text);
    const fresh = r.diagnostics.filter((d) => d.severity !== 'info' && !baseline.has(key(d)));
    if (fresh.some((d) => names(d, m.line))) {
      seen++;
      continue;
    }
    missed.push({
      ...m,
      why: fresh.length ? `reported elsewhere only: ${fresh[0].code} at line ${fresh[0].source?.line}` : 'no finding',
    });
  }
  const rate = seen / SAMPLE;
  const summary = { sample: SAMPLE, reported: seen, rate, missed: missed.map(({ text: _t, ...m }) => m) };
  fs.mkdirSync(path.join(ROOT, 'test-output'), { recursive: true });
  fs.writeFileSync(path.join(ROOT, 'test-output', 'mutation.json'), `${JSON.stringify(summary, null, 2)}\n`);
  expect(rate).toBeGreaterThanOrEqual(0.99);
}, 600000);
