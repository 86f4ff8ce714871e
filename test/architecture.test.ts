import fs from 'node:fs';
import path from 'node:path';

/**
 * The import rules of docs/ARCHITECTURE.md, checked on the source: every relative import goes to
 * the same room or to a room of a lower layer (no sideways or upward imports), and there is no
 * import cycle between files.
 */
const SRC = path.join(__dirname, '..', 'src');
const LAYER: Record<string, number> = {
  model: 0,
  xbrl: 0,
  xml: 0,
  util: 0,
  release: 1,
  taxonomy: 1,
  mapping: 2,
  // the release checks: between the mapping, whose results they read, and the writers
  checks: 2.5,
  instance: 3,
  oim: 3,
  feed: 3,
  ixbrl: 3,
  docset: 3,
  'inline-page': 3,
  // convert's list of outputs: every writer above, as one list
  outputs: 3.5,
  validate: 4,
  series: 5,
  extract: 5,
  'convert.ts': 6,
  cli: 7,
  'index.ts': 8,
};
const SHARED = new Set(['model', 'xbrl', 'xml', 'util']);

function files(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) =>
      e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : [],
    );
}
const room = (file: string) => path.relative(SRC, file).split(path.sep)[0];
function imports(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(
    /(?:import|export)[^'";]*?from\s+'(\.[^']+)'|require\('(\.[^']+)'\)|import\('(\.[^']+)'\)|^import\s+'(\.[^']+)'/gm,
  )) {
    const spec = m[1] ?? m[2] ?? m[3] ?? m[4];
    const base = path.resolve(path.dirname(file), spec);
    const target = [`${base}.ts`, path.join(base, 'index.ts'), base].find(
      (p) => fs.existsSync(p) && fs.statSync(p).isFile(),
    );
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
    if (state.get(f) === 1) {
      cycles.push([...trail.slice(trail.indexOf(f)), f].map((x) => path.relative(SRC, x)).join(' → '));
      return;
    }
    state.set(f, 1);
    for (const t of graph.get(f) ?? []) visit(t, [...trail, f]);
    state.set(f, 2);
  };
  for (const f of all) visit(f, []);
  expect(cycles).toEqual([]);
});

/** The rooms that hold converter code: the release's reader, mapping and checks, the writers that need them, the pipeline. */
const CONVERTER = new Set(['release', 'mapping', 'checks', 'feed', 'inline-page', 'outputs', 'convert.ts']);

/** Every room whose files the validator reaches, following imports from `src/validate/`. */
function roomsOfTheValidator(): Set<string> {
  const seen = new Set<string>();
  const queue = all.filter((f) => room(f) === 'validate');
  while (queue.length) {
    const f = queue.pop() as string;
    if (seen.has(f)) continue;
    seen.add(f);
    queue.push(...(graph.get(f) ?? []));
  }
  return new Set([...seen].map(room));
}

/** Imports from a file of `rooms` into converter code; a planted import of the mapping is one (tested below). */
function converterImports(rooms: Set<string>, g: Map<string, string[]>): string[] {
  const bad: string[] = [];
  for (const [f, targets] of g) {
    if (!rooms.has(room(f))) continue;
    for (const t of targets)
      if (CONVERTER.has(room(t))) bad.push(`${path.relative(SRC, f)} → ${path.relative(SRC, t)}`);
  }
  return bad;
}

test('no file in a room the validator imports imports converter code (release, mapping, writers of converted releases, convert.ts)', () => {
  const rooms = roomsOfTheValidator();
  expect([...rooms].filter((r) => CONVERTER.has(r))).toEqual([]);
  expect(rooms.has('ixbrl') && rooms.has('instance') && rooms.has('oim')).toBe(true);
  expect(converterImports(rooms, graph)).toEqual([]);
  // the check catches a planted import: the Inline XBRL reader importing the mapping
  const reader = all.find((f) => f.endsWith(path.join('ixbrl', 'from-ixbrl.ts'))) as string;
  const mapping = all.find((f) => room(f) === 'mapping') as string;
  const planted = new Map(graph);
  planted.set(reader, [...(graph.get(reader) ?? []), mapping]);
  expect(converterImports(rooms, planted)).toEqual([`ixbrl/from-ixbrl.ts → ${path.relative(SRC, mapping)}`]);
});

test('extract (any filing → OIM, XML, flat CSV) and the document sets import no converter code', () => {
  expect(converterImports(new Set(['extract', 'docset']), graph)).toEqual([]);
});

/**
 * Functions of src/ are at most 80 lines as prettier prints them (from the line of the body's opening
 * brace to that of its closing brace), unless the comment above the function says why ("longer than
 * 80 lines …"). The limit was 60 before the tree was formatted: prettier spreads a call that held one
 * 120-character line (a coded diagnostic, typically) over several, and no function grew otherwise.
 */
test('no function of src/ is longer than 80 lines without a comment saying why', () => {
  const ts = require('typescript') as typeof import('typescript');
  const long: string[] = [];
  for (const file of all) {
    const text = fs.readFileSync(file, 'utf8');
    const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    const visit = (n: import('typescript').Node): void => {
      const body = (ts.isFunctionLike(n) && 'body' in n ? n.body : undefined) as import('typescript').Node | undefined;
      if (body) {
        const lines =
          sf.getLineAndCharacterOfPosition(body.getEnd()).line -
          sf.getLineAndCharacterOfPosition(body.getStart()).line +
          1;
        // The comment above: on the declaration itself, or on the statement declaring it (`const f = () => …`).
        const holder = ts.isArrowFunction(n) || ts.isFunctionExpression(n) ? (n.parent?.parent?.parent ?? n) : n;
        const comments = (ts.getLeadingCommentRanges(text, holder.getFullStart()) ?? [])
          .map((r) => text.slice(r.pos, r.end))
          .join('\n');
        if (lines > 80 && !/longer than 80 lines/i.test(comments)) {
          long.push(
            `${path.relative(SRC, file)}:${sf.getLineAndCharacterOfPosition(n.getStart()).line + 1} (${lines} lines)`,
          );
        }
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  expect(long).toEqual([]);
});
