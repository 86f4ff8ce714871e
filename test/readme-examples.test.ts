import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.join(__dirname, '..');
const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const blocks = [...readme.matchAll(/```python\n([\s\S]*?)```/g)].map((m) => m[1]);
const python = spawnSync('python3', ['--version']).status === 0;
const hasPandas = python && spawnSync('python3', ['-c', 'import pandas']).status === 0;
const run = (code: string) => spawnSync('python3', ['-c', code], { cwd: ROOT, encoding: 'utf8' });

describe("README's Python examples on the committed flat CSV", () => {
  it('has the pandas example and its standard-library twin, five lines each', () => {
    expect(blocks.length).toBe(2);
    expect(blocks[0]).toMatch(/import pandas/);
    expect(blocks[1]).toMatch(/import csv/);
    expect(blocks[0].trim().split('\n').length).toBe(5);
  });
  (python ? it : it.skip)('the standard-library example prints the Revenues of FY2003 Q3 in yen', () => {
    const r = run(blocks[1]);
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe('9633155000');
  });
  // pandas is not a dependency of this project; where it is installed, the README's pandas lines run too.
  (hasPandas ? it : it.skip)('the pandas example prints the same figure', () => {
    const r = run(blocks[0]);
    expect(r.stdout.trim()).toBe('9633155000');
  });
});

/**
 * Every shell example is run as written: a line annotated `# exit N` must exit N. The two
 * commands of "Two commands" (`npm ci`, `npm test`) and the benchmark are what CI itself runs.
 */
describe("README's shell examples", () => {
  const lines = [...readme.matchAll(/```sh\n([\s\S]*?)```/g)]
    .flatMap((m) => m[1].split('\n'))
    .map((l) => l.trim())
    .filter(Boolean);
  const runnable = lines.filter((l) => /# exit \d/.test(l));
  const ciOnly = /^(npm ci|npm test|npm run bench|npm run conformance|apt-get|sudo)/;
  // "Adding next quarter's release" works on a release the reader brings: test/shapes/suggest.test.ts
  // runs those lines on a derived release with renamed rows.
  const runElsewhere = /next-quarter|^git diff /;
  it('every shell line is either annotated with its exit code or one of the commands CI runs', () => {
    expect(lines.filter((l) => !/# exit \d/.test(l) && !ciOnly.test(l) && !runElsewhere.test(l))).toEqual([]);
    expect(runnable.length).toBeGreaterThanOrEqual(6);
  });
  it.each(runnable)('%s', (line) => {
    const expected = Number(/# exit (\d)/.exec(line)![1]);
    const cmd = line.replace(/\s+#.*$/, '');
    const r = spawnSync('sh', ['-c', cmd], { cwd: ROOT, encoding: 'utf8' });
    if (r.status !== expected)
      throw new Error(
        `${cmd}\nexit ${r.status}, expected ${expected}\n${r.stdout.slice(-2000)}\n${r.stderr.slice(-2000)}`,
      );
  });
});

/** The library example is type-checked against the package's published types, then run. */
describe("README's TypeScript example", () => {
  const ts = require('typescript') as typeof import('typescript');
  const code = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]);
  it('compiles against the package entry and runs', () => {
    expect(code.length).toBe(1);
    const dir = path.join(ROOT, 'test-output');
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, 'readme-example.ts');
    fs.writeFileSync(
      file,
      code[0].replace(/from 'iij-xbrl'/g, `from ${JSON.stringify(path.join(ROOT, 'dist', 'src', 'index'))}`),
    );
    const program = ts.createProgram([file], {
      strict: true,
      noEmit: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.CommonJS,
      types: ['node'],
      skipLibCheck: true,
      esModuleInterop: true,
    });
    const problems = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    expect(problems).toEqual([]);
    const js = ts.transpileModule(fs.readFileSync(file, 'utf8'), {
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
    }).outputText;
    const r = spawnSync(process.execPath, ['-e', js], { cwd: ROOT, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(
      /instances\/iij-20031231\.xml 0 4 false \[\s*'f-EntityRegistrantName-D2003-10-01_2003-12-31',/,
    );
  });
});
