import fs from 'node:fs';
import path from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { diag, type Diagnostic, type DiagnosticCode } from '../model';
import { packageRoot } from './paths';

const cache = new Map<string, ValidateFunction>();

/** Compiles (once) a schema from `schemas/`; draft 2020-12 or draft-07 by its `$schema`. */
export function schemaValidator(name: string): ValidateFunction {
  let v = cache.get(name);
  if (!v) {
    const schema = JSON.parse(fs.readFileSync(path.join(packageRoot(), 'schemas', name), 'utf8'));
    const ajv = String(schema.$schema ?? '').includes('2020-12')
      ? new Ajv2020({ allErrors: true, strict: false })
      : new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    v = ajv.compile(schema);
    cache.set(name, v);
  }
  return v;
}

/** Validates `data` against `schemas/<name>`; one diagnostic per ajv error, with its JSON pointer. */
export function checkSchema(name: string, data: unknown, file: string, code: DiagnosticCode = 'schema:invalid'): Diagnostic[] {
  const v = schemaValidator(name);
  if (v(data)) return [];
  return (v.errors ?? []).map((e) =>
    diag(code, 'error', `${file}${e.instancePath || '/'}: ${e.message ?? 'invalid'} (schema ${name}${e.schemaPath})`, {
      source: { file, line: 1, column: 1 }, params: { instancePath: e.instancePath, schemaPath: e.schemaPath } }));
}
