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

/**
 * Functions of src/ are at most 60 lines (from the line of the body's opening brace to that of its
 * closing brace), unless the comment above the function says why ("longer than 60 lines …").
 */
test('no function of src/ is longer than 60 lines without a comment saying why', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ts = require('typescript') as typeof import('typescript');
  const long: string[] = [];
  for (const file of all) {
    const text = fs.readFileSync(file, 'utf8');
    const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    const visit = (n: import('typescript').Node): void => {
      const body = (ts.isFunctionLike(n) && 'body' in n ? n.body : undefined) as import('typescript').Node | undefined;
      if (body) {
        const lines = sf.getLineAndCharacterOfPosition(body.getEnd()).line - sf.getLineAndCharacterOfPosition(body.getStart()).line + 1;
        // The comment above: on the declaration itself, or on the statement declaring it (`const f = () => …`).
        const holder = ts.isArrowFunction(n) || ts.isFunctionExpression(n) ? n.parent?.parent?.parent ?? n : n;
        const comments = (ts.getLeadingCommentRanges(text, holder.getFullStart()) ?? []).map((r) => text.slice(r.pos, r.end)).join('\n');
        if (lines > 60 && !/longer than 60 lines/.test(comments)) {
          long.push(`${path.relative(SRC, file)}:${sf.getLineAndCharacterOfPosition(n.getStart()).line + 1} (${lines} lines)`);
        }
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  expect(long).toEqual([]);
});
