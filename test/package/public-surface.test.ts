/**
 * The public entry exports exactly what the README's "Library" section documents: the table's
 * functions are the entry's values (CommonJS build and ES module wrapper alike), its types the rest
 * of what `src/index.ts` exports. A name added to the entry without a line in the README, or
 * documented and not exported, fails here.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { documentedSurface } from './surface';

const ROOT = path.join(__dirname, '../..');

/** What a TypeScript entry exports, split into values and type-only names, by the compiler's own view. */
function exportedSurface(entry: string): { values: string[]; types: string[] } {
  const program = ts.createProgram([entry], { strict: true, noEmit: true, skipLibCheck: true, types: ['node'] });
  const checker = program.getTypeChecker();
  const module = checker.getSymbolAtLocation(program.getSourceFile(entry)!)!;
  const values: string[] = [];
  const types: string[] = [];
  for (const s of checker.getExportsOfModule(module)) {
    const target = s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s) : s;
    const typeOnly = s.declarations?.some((d) =>
      ts.isExportSpecifier(d) ? d.isTypeOnly || d.parent.parent.isTypeOnly : false,
    );
    (target.flags & ts.SymbolFlags.Value && !typeOnly ? values : types).push(s.name);
  }
  return { values: values.sort(), types: types.sort() };
}

const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const documented = documentedSurface(readme);

describe('the public surface', () => {
  it('the README documents some functions and types', () => {
    expect(documented.values).toContain('convert');
    expect(documented.values).toContain('validate');
    expect(documented.types).toContain('Diagnostic');
  });

  it('the entry (src/index.ts, as its built declarations) exports exactly the documented functions and types', () => {
    expect(exportedSurface(path.join(ROOT, 'dist', 'src', 'index.d.ts'))).toEqual(documented);
  });

  it('the CommonJS build exports exactly the documented functions', () => {
    const names = Object.keys(require(path.join(ROOT, 'dist', 'src', 'index.js')) as object).filter(
      (n) => n !== '__esModule',
    );
    expect(names.sort()).toEqual(documented.values);
  });

  it('the ES module entry exports exactly the documented functions, the same objects as the CommonJS one', () => {
    const esm = path.join(ROOT, 'esm', 'index.mjs');
    const cjs = path.join(ROOT, 'dist', 'src', 'index.js');
    const code = `import * as m from ${JSON.stringify(esm)}; import { createRequire } from 'node:module';
      const c = createRequire(import.meta.url)(${JSON.stringify(cjs)});
      const names = Object.keys(m).sort();
      console.log(JSON.stringify({ names, same: names.every((n) => m[n] === c[n]) }));`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', code], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({ names: documented.values, same: true });
  });

  it('package.json points both conditions at entries with types', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      exports: Record<string, Record<string, { types: string; default: string }>>;
    };
    for (const condition of ['import', 'require']) {
      const e = pkg.exports['.'][condition];
      expect(fs.existsSync(path.join(ROOT, e.default))).toBe(true);
      expect(fs.existsSync(path.join(ROOT, e.types))).toBe(true);
    }
  });
});
