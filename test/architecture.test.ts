import fs from 'node:fs';
import path from 'node:path';

/**
 * The import rules of docs/ARCHITECTURE.md, checked on the source: every relative import goes to
 * the same room or to a room of a lower layer (no sideways or upward imports), and there is no
 * import cycle between files.
 */
const SRC = path.join(__dirname, '..', 'src');
const LAYER: Record<string, number> = {
  model: 0, xbrl: 0, xml: 0, util: 0,
  release: 1, taxonomy: 1,
  mapping: 2,
  instance: 3, oim: 3, feed: 3, ixbrl: 3,
  validate: 4,
  series: 5,
  'convert.ts': 6,
  cli: 7,
  'index.ts': 8,
};
const SHARED = new Set(['model', 'xbrl', 'xml', 'util']);

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
}
const room = (file: string) => path.relative(SRC, file).split(path.sep)[0];
function imports(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/(?:import|export)[^'";]*?from\s+'(\.[^']+)'|require\('(\.[^']+)'\)|import\('(\.[^']+)'\)|^import\s+'(\.[^']+)'/gm)) {
    const spec = m[1] ?? m[2] ?? m[3] ?? m[4];
    const base = path.resolve(path.dirname(file), spec);
    const target = [`${base}.ts`, path.join(base, 'index.ts'), base].find((p) => fs.existsSync(p) && fs.statSync(p).isFile());
    if (target) out.push(target);
  }
  return out;
}

const all = files(SRC);
const graph = new Map(all.map((f) => [f, imports(f)]));

test('every room of src/ has a layer', () => {
  expect([...new Set(all.map(room))].filter((r) => LAYER[r] === undefined)).toEqual([]);
});

test('imports go only downward or to the shared rooms', () => {
  const bad: string[] = [];
  for (const [f, targets] of graph) {
    for (const t of targets) {
      const [a, b] = [room(f), room(t)];
      if (a === b || SHARED.has(b)) continue;
      if (SHARED.has(a) || LAYER[b] >= LAYER[a]) bad.push(`${path.relative(SRC, f)} → ${path.relative(SRC, t)}`);
    }
  }
  expect(bad).toEqual([]);
});

test('no import cycles between files', () => {
  const state = new Map<string, 1 | 2>();
  const cycles: string[] = [];
  const visit = (f: string, trail: string[]) => {
    if (state.get(f) === 2) return;
    if (state.get(f) === 1) { cycles.push([...trail.slice(trail.indexOf(f)), f].map((x) => path.relative(SRC, x)).join(' → ')); return; }
    state.set(f, 1);
    for (const t of graph.get(f) ?? []) visit(t, [...trail, f]);
    state.set(f, 2);
  };
  for (const f of all) visit(f, []);
  expect(cycles).toEqual([]);
});
