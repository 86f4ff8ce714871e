/**
 * The package as a user gets it: `npm pack` (scripts skipped: `npm test` has just built), the
 * tarball installed into an empty project from the registry, and from there the CLI (`npx iij-xbrl
 * convert` on the bundled release, `validate` on what it wrote), `require`, `import` and the types
 * of both entries. Also the package's size: what runs, not the tests, sources or conformance suite.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import { documentedSurface } from './surface';

const ROOT = path.join(__dirname, '../..');
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const NPX = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const documented = documentedSurface(fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8'));

/** The environment without the `npm_*` variables of the `npm test` that runs this. */
const env: NodeJS.ProcessEnv = Object.fromEntries(
  Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k) && k !== 'INIT_CWD'),
);
const run = (cmd: string, args: string[], cwd: string): SpawnSyncReturns<string> =>
  spawnSync(cmd, args, { cwd, env, encoding: 'utf8', timeout: 120_000 });
const ok = (r: SpawnSyncReturns<string>): string => {
  if (r.status !== 0) throw new Error(`exit ${r.status}\n${r.stdout.slice(-3000)}\n${r.stderr.slice(-3000)}`);
  return r.stdout;
};

interface Packed {
  filename: string;
  entryCount: number;
  unpackedSize: number;
  files: { path: string }[];
}

jest.setTimeout(180_000);

let dir: string;
let project: string;
let packed: Packed;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iij-pack-'));
  project = path.join(dir, 'project');
  fs.mkdirSync(project);
  const out = ok(run(NPM, ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], ROOT));
  packed = (JSON.parse(out) as Packed[])[0];
  fs.writeFileSync(path.join(project, 'package.json'), '{ "name": "probe", "version": "1.0.0", "private": true }\n');
  ok(run(NPM, ['install', '--no-audit', '--no-fund', path.join(dir, packed.filename)], project));
});

afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('the packed package', () => {
  it('holds what runs: at most 400 files and 10 MB unpacked, no tests, sources, benchmarks or conformance suite', () => {
    expect(packed.entryCount).toBeLessThanOrEqual(400);
    expect(packed.unpackedSize).toBeLessThanOrEqual(10 * 1024 * 1024);
    const tops = new Set(packed.files.map((f) => f.path.split('/')[0]));
    expect([...tops].sort()).toEqual(
      [
        'LICENSE',
        'README.md',
        'assets',
        'dist',
        'esm',
        'mapping',
        'package.json',
        'releases',
        'schemas',
        'taxonomy',
      ].sort(),
    );
    expect(packed.files.filter((f) => /^dist\/bench\/|\.test\.|^dist\/test\//.test(f.path))).toEqual([]);
    for (const needed of [
      'dist/src/cli/main.js',
      'dist/src/index.d.ts',
      'esm/index.mjs',
      'taxonomy/META-INF/catalog.xml',
    ])
      expect(packed.files.map((f) => f.path)).toContain(needed);
  });

  it('npx iij-xbrl convert converts the bundled release, and validate finds what it wrote valid', () => {
    const release = path.join(project, 'node_modules', 'iij-xbrl', 'releases', 'iij-2004-02-12-3q-fy2003.txt');
    const convert = run(NPX, ['--no-install', 'iij-xbrl', 'convert', release, '--out', 'out'], project);
    ok(convert);
    const written = fs.readdirSync(path.join(project, 'out')).sort();
    expect(written).toContain('iij-20031231.xml');
    expect(written).toContain('iij-20031231-ja.xhtml');
    const validate = run(
      NPX,
      ['--no-install', 'iij-xbrl', 'validate', 'out/iij-20031231.xml', 'out/iij-20031231.json'],
      project,
    );
    expect(ok(validate)).toMatch(/2 files.*2 valid/s);
    // the installed outputs are the committed ones, byte for byte
    for (const f of ['iij-20031231.xml', 'iij-20031231.json'])
      expect(fs.readFileSync(path.join(project, 'out', f), 'utf8')).toBe(
        fs.readFileSync(path.join(ROOT, 'instances', f), 'utf8'),
      );
  });

  it("require('iij-xbrl') gives the documented functions, and they work", () => {
    const code = `const m = require('iij-xbrl');
      const r = m.validate('out/iij-20031231.xml');
      console.log(JSON.stringify({ names: Object.keys(m).filter((n) => n !== '__esModule').sort(), fatal: r.fatal, facts: r.report.facts.length }));`;
    const r = JSON.parse(ok(run(process.execPath, ['-e', code], project))) as {
      names: string[];
      fatal: boolean;
      facts: number;
    };
    expect(r.names).toEqual(documented.values);
    expect(r.fatal).toBe(false);
    expect(r.facts).toBeGreaterThan(100);
  });

  it("import('iij-xbrl') gives the same functions as an ES module, and they work", () => {
    const code = `const m = await import('iij-xbrl');
      const r = m.validate('out/iij-20031231.json');
      console.log(JSON.stringify({ names: Object.keys(m).filter((n) => n !== 'default').sort(), fatal: r.fatal, facts: r.report.facts.length }));`;
    const r = JSON.parse(ok(run(process.execPath, ['--input-type=module', '-e', code], project))) as {
      names: string[];
      fatal: boolean;
      facts: number;
    };
    expect(r.names).toEqual(documented.values);
    expect(r.fatal).toBe(false);
    expect(r.facts).toBeGreaterThan(100);
  });

  it('TypeScript finds the types of both entries (node16 resolution, CommonJS and ES module consumers)', () => {
    const body = `import { validate, type Diagnostic, type ValidateResult } from 'iij-xbrl';
const r: ValidateResult = validate('out/iij-20031231.xml');
const errors: Diagnostic[] = r.diagnostics.filter((d) => d.severity === 'error');
export const n: number = errors.length;
// @ts-expect-error internal, not exported
import { mapRelease } from 'iij-xbrl';
export const m = mapRelease;
`;
    const files = ['consumer.cts', 'consumer.mts'].map((f) => path.join(project, f));
    for (const f of files) fs.writeFileSync(f, body);
    const program = ts.createProgram(files, {
      strict: true,
      noEmit: true,
      module: ts.ModuleKind.Node16,
      moduleResolution: ts.ModuleResolutionKind.Node16,
      target: ts.ScriptTarget.ES2022,
      skipLibCheck: true,
      typeRoots: [path.join(ROOT, 'node_modules', '@types')],
      types: ['node'],
    });
    const problems = ts
      .getPreEmitDiagnostics(program)
      .map((d) => `${d.file?.fileName ?? ''}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
    expect(problems).toEqual([]);
    // both resolved to the package's own declarations: one for each entry
    const resolved = program.getSourceFiles().map((s) => path.relative(project, s.fileName));
    expect(resolved).toContain(path.join('node_modules', 'iij-xbrl', 'esm', 'index.d.mts'));
    expect(resolved).toContain(path.join('node_modules', 'iij-xbrl', 'dist', 'src', 'index.d.ts'));
  });
});
