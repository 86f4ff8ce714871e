/**
 * The gate's mutations of the bundled release: every header cell that states a period moved to
 * another period (±1 quarter, ±1 year), every figure cell left blank. Used by the seeded test
 * (test/convert/gate-mutations.test.ts, a sample) and by `node dist/bench/gate-sweep.js` (all of them).
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseRelease, readNumber } from '../src/release';
import type { Diagnostic } from '../src/model';
import { packageRoot } from '../src/util/paths';

export const RELEASE = path.join(packageRoot(), 'releases', 'iij-2004-02-12-3q-fy2003.txt');

export interface Mutation {
  kind: 'header' | 'blank';
  line: number;
  column: number;
  before: string;
  after: string;
  text: string;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const EN_DATE = /^(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?\s+(\d{1,2}),\s*(\d{4})$/;
const JA_PERIOD = /^(\d{4})年(\d{1,2})月期(累計|通期)?$/;
const QUARTER = /^([1-4])Q(\d{2})$/;
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** A period header moved by `months` (a multiple of 3), or undefined when the text states no period. */
export function shiftHeader(text: string, months: number): string | undefined {
  const q = QUARTER.exec(text);
  if (q) {
    const n = (2000 + Number(q[2])) * 4 + Number(q[1]) - 1 + months / 3;
    return `${(n % 4) + 1}Q${String(Math.floor(n / 4) % 100).padStart(2, '0')}`;
  }
  const at = (y: number, m: number) => {
    const k = y * 12 + m - 1 + months;
    return [Math.floor(k / 12), (k % 12) + 1];
  };
  const e = EN_DATE.exec(text);
  if (e) {
    const [y, m] = at(Number(e[3]), MONTHS.findIndex((x) => e[1].startsWith(x)) + 1);
    return `${MONTHS[m - 1]} ${lastDay(y, m)}, ${y}`;
  }
  const j = JA_PERIOD.exec(text);
  if (j) {
    const [y, m] = at(Number(j[1]), Number(j[2]));
    return `${y}年${m}月期${j[3] ?? ''}`;
  }
  return undefined;
}

function replaceAt(lines: string[], line: number, column: number, before: string, after: string): string {
  const copy = [...lines];
  const raw = copy[line - 1];
  const at = raw.indexOf(before, column - 1);
  copy[line - 1] = raw.slice(0, at) + after + raw.slice(at + before.length);
  return copy.join('\n');
}

/** Every mutation of the release text, in the release's order. */
export function gateMutations(text: string): Mutation[] {
  const { release } = parseRelease(text, RELEASE);
  const lines = text.split('\n');
  const out: Mutation[] = [];
  for (const t of release.tables) {
    for (const c of t.headerRows.flatMap((r) => r.cells))
      for (const months of [3, -3, 12, -12]) {
        const after = shiftHeader(c.text, months);
        if (after === undefined) continue;
        const m = { kind: 'header' as const, line: c.line, column: c.column, before: c.text, after };
        out.push({ ...m, text: replaceAt(lines, c.line, c.column, c.text, after) });
      }
    for (const c of t.rows.flatMap((r) => r.cells)) {
      const k = readNumber(c.text).kind;
      if (k !== 'number' && k !== 'dash') continue;
      const m = { kind: 'blank' as const, line: c.line, column: c.column, before: c.text, after: '' };
      out.push({ ...m, text: replaceAt(lines, c.line, c.column, c.text, '') });
    }
  }
  return out;
}

/**
 * Whether the conversion reports a mutation where it was made: a header moved is an error at the
 * header cell's line and column; a blank cell is a finding (other than info) whose place or a related
 * place is the cell's line. `fresh`: the findings the unmutated release does not have.
 */
export function reported(m: Mutation, fresh: Diagnostic[]): boolean {
  if (m.kind === 'header')
    return fresh.some((d) => d.severity === 'error' && d.source?.line === m.line && d.source?.column === m.column);
  return fresh.some(
    (d) => d.severity !== 'info' && (d.source?.line === m.line || !!d.related?.some((r) => r.line === m.line)),
  );
}

export const findingKey = (d: Diagnostic): string => `${d.code}|${d.source?.line}|${d.source?.column}|${d.message}`;

export const bundledText = (): string => fs.readFileSync(RELEASE, 'utf8');
