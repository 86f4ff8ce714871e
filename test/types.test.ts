import { spawnSync } from 'node:child_process';
import path from 'node:path';

/**
 * Jest compiles each test file on its own without checking types (isolatedModules), so a test can
 * drift from the types it exercises unnoticed; this checks src/, test/ and bench/ together.
 */
test('src, tests and benchmarks type-check together', () => {
  const root = path.join(__dirname, '..');
  const tsc = require.resolve('typescript/bin/tsc');
  const r = spawnSync(
    process.execPath,
    [tsc, '-p', path.join(root, 'tsconfig.test.json'), '--noEmit', '--pretty', 'false'],
    { cwd: root, encoding: 'utf8' },
  );
  expect(r.stdout.split('\n').filter((l) => l.includes('error TS'))).toEqual([]);
  expect(r.status).toBe(0);
});
