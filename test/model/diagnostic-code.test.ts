import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import { diag } from '../../src/model';

/** Type-checks a snippet against src/model/diagnostic.ts with the TypeScript compiler; returns its error messages. */
function typeErrors(snippet: string): string[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iij-code-'));
  const file = path.join(dir, 'probe.ts');
  const model = path.join(__dirname, '..', '..', 'src', 'model', 'diagnostic').replace(/\\/g, '/');
  fs.writeFileSync(file, `import { diag } from '${model}';\n${snippet}\n`);
  const program = ts.createProgram([file], {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.CommonJS,
    types: [],
  });
  const out = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
  fs.rmSync(dir, { recursive: true, force: true });
  return out;
}

test('diag() takes the codes the project emits; a misspelt code is a compile error', () => {
  expect(diag('calc11e:inconsistentCalculationUsingRounding', 'inconsistency', 'x').code).toBe(
    'calc11e:inconsistentCalculationUsingRounding',
  );
  expect(typeErrors(`diag('calc11e:inconsistentCalculationUsingRounding', 'inconsistency', 'x');`)).toEqual([]);
  const errors = typeErrors(`diag('calc11e:inconsistentCalculationUsingRoundin', 'inconsistency', 'x');`);
  expect(errors).toHaveLength(1);
  expect(errors[0]).toMatch(
    /"calc11e:inconsistentCalculationUsingRoundin"' is not assignable to parameter of type 'DiagnosticCode'/,
  );
});
