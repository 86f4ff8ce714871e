import { convertBytes } from '../../src/convert';
import { compile } from '../../src/validate';
import { loadTaxonomySource } from '../../src/mapping/taxonomy-source';
import { loadReleaseMap } from '../../src/mapping/release-map';
import { mapRelease } from '../../src/mapping/map-release';
import { parseRelease } from '../../src/release';
import { checkPeriods } from '../../src/checks/periods';
import { RELEASE, bundledText, findingKey, gateMutations, reported, type Mutation } from '../../bench/gate-mutations';

/**
 * The gate's two silent paths, closed: a column header moved to another period is an error at that
 * header's line and column; a figure cell left blank where the other language prints the figure is
 * a warning naming both places. A seeded sample of every header and every blank mutation
 * (`node dist/bench/gate-sweep.js` runs all of them).
 */
const HEADERS = 16;
const BLANKS = 24;

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}
function sample<T>(xs: T[], n: number, next: () => number): T[] {
  const chosen = new Set<number>();
  while (chosen.size < Math.min(n, xs.length)) chosen.add(Math.floor(next() * xs.length));
  return [...chosen].sort((a, b) => a - b).map((i) => xs[i]);
}

const text = bundledText();
const validator = compile(loadTaxonomySource().entryPoint);
const run = (t: string) => convertBytes(Buffer.from(t, 'utf8'), RELEASE, { validator });
const baseline = new Set(run(text).diagnostics.map(findingKey));
const all = gateMutations(text);
const next = rng(20040212);
const headers = sample(
  all.filter((m) => m.kind === 'header'),
  HEADERS,
  next,
);
const blanks = sample(
  all.filter((m) => m.kind === 'blank'),
  BLANKS,
  next,
);

/** Whether the other language prints the cell's figure: its table has a twin (same role) with a row of the same concept. */
function twinPrints(m: Mutation): boolean {
  const rmap = loadReleaseMap();
  const role = new Map(rmap.tables.map((t) => [t.id, t.role]));
  const { tables } = mapRelease(parseRelease(text, RELEASE).release, rmap, loadTaxonomySource(), { lang: 'both' });
  for (const t of tables)
    for (const [r, row] of t.table.rows.entries()) {
      if (!row.cells.some((c) => c.line === m.line && c.column === m.column)) continue;
      const twin = tables.find((x) => x.table.lang !== t.table.lang && role.get(x.id) === role.get(t.id));
      const concept = t.rows[r]?.concept;
      return !!twin && !!concept && twin.rows.some((x) => x?.concept === concept);
    }
  return false;
}

test('the sweep covers every period header cell (4 moves each) and every figure cell of the bundled release', () => {
  expect(all.filter((m) => m.kind === 'header')).toHaveLength(300);
  expect(all.filter((m) => m.kind === 'blank')).toHaveLength(1829);
});

test.each(headers.map((m) => [`${m.line}:${m.column} ${m.before} → ${m.after}`, m] as const))(
  'a header moved to another period is an error at the header: %s',
  (_name, m) => {
    const r = run(m.text);
    const fresh = r.diagnostics.filter((d) => !baseline.has(findingKey(d)));
    expect(r.ok).toBe(false);
    expect(reported(m, fresh)).toBe(true);
  },
);

test.each(blanks.map((m) => [`${m.line}:${m.column} "${m.before}"`, m] as const))(
  'a blank figure cell the other language prints is reported at the cell: %s',
  (_name, m) => {
    if (!twinPrints(m)) return; // a table or row of one language only: nothing states the figure twice
    const r = run(m.text);
    const fresh = r.diagnostics.filter((d) => !baseline.has(findingKey(d)));
    expect(reported(m, fresh)).toBe(true);
    const blank = fresh.find((d) => d.code === 'release:blankCell' || d.code === 'release:derivedLanguageMismatch');
    if (blank?.code === 'release:blankCell') {
      expect(blank).toMatchObject({ severity: 'warning', source: { line: m.line, column: m.column } });
      expect(blank.related?.length).toBe(1);
    }
  },
);

test('the issue’s cases: 3Q03 → 4Q03, Dec 31, 2003 → Mar 31, 2004, 2003年12月期 → 2004年3月期, and 表1 営業収益合計 3Q03 blank', () => {
  const at = (before: string, after: string, line?: number) =>
    all.find((m) => m.before === before && m.after === after && (line === undefined || m.line === line)) as Mutation;
  for (const m of [at('3Q03', '4Q03'), at('Dec 31, 2003', 'Mar 31, 2004'), at('2003年12月期', '2004年3月期')]) {
    const r = run(m.text);
    const d = r.diagnostics.find((x) => x.source?.line === m.line && x.source?.column === m.column);
    expect(d).toMatchObject({ code: 'release:periodAfterEnd', severity: 'error' });
    expect(d?.message).toMatch(/after the release's period \(ending 2003-12-31\)/);
  }
  const line = text.split('\n').findIndex((l) => l.startsWith('営業収益合計\t9,633')) + 1;
  const r = run(at('9,633', '', line).text);
  expect(r.ok).toBe(true);
  const d = r.diagnostics.find((x) => x.code === 'release:blankCell');
  expect(d).toMatchObject({ severity: 'warning', source: { line, column: 8 } });
  expect(d?.message).toMatch(/is blank, where en-table-01 prints 9,633/);
  // --strict refuses inconsistencies, not holes (the figure is stated once, in the other language):
  // the bundled release fails it for its 4 inconsistencies alone, blank cell or not
  const strict = (t: string) => convertBytes(Buffer.from(t), RELEASE, { validator, strict: true }).diagnostics;
  const gate = (ds: { code: string; actual?: string }[]) => ds.find((x) => x.code === 'convert:strictGate')?.actual;
  const blanked = strict(at('9,633', '', line).text);
  expect(gate(blanked)).toBe('4');
  expect(gate(blanked)).toBe(gate(strict(text)));
  expect(blanked.find((x) => x.code === 'release:blankCell')?.severity).toBe('warning');
});

test('a table stating other periods than its twin in the other language is an error at the English header', () => {
  const rmap = loadReleaseMap();
  const tax = loadTaxonomySource();
  const m = mapRelease(parseRelease(text, RELEASE).release, rmap, tax, { lang: 'both' });
  const input = { file: RELEASE, tables: m.tables, facts: m.facts, rmap };
  expect(checkPeriods(input).diagnostics).toEqual([]);
  // 表3 without its last column (2Q03): a shape of its own, but not its twin's
  const tables = m.tables.map((t) =>
    t.id === 'ja-table-03'
      ? { ...t, specs: t.specs.map((s, i) => (i === 2 ? { ...s, kind: 'unresolved' as const, reason: 'x' } : s)) }
      : t,
  );
  const d = checkPeriods({ ...input, tables }).diagnostics;
  expect(d).toHaveLength(1);
  const en = m.tables.find((t) => t.id === 'en-table-03')!;
  expect(d[0]).toMatchObject({
    code: 'release:periodLanguageMismatch',
    severity: 'error',
    source: { line: en.table.headerRows[0].line, column: en.table.headerRows[0].cells[2].column },
    expected: 'no such column',
  });
});
