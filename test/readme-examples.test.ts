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
