import fs from 'node:fs';
import path from 'node:path';
import type { ValidateFunction } from 'ajv';
import { diag, type Diagnostic, type DiagnosticCode } from '../model';
import { packageRoot } from './paths';

// Note: one compiled validator per schema for the life of the process: a bounded cache (one entry per file in schemas/).
const cache = new Map<string, ValidateFunction>();

/**
 * The validator of a schema in `schemas/`: the module `npm run build` generated from it (dist/schemas/,
 * standalone ajv code, no compilation at run time) when it was generated from this very schema text;
 * otherwise compiled now, once per process.
 */
export function schemaValidator(name: string): ValidateFunction {
  let v = cache.get(name);
  if (!v) {
    const root = packageRoot();
    const text = fs.readFileSync(path.join(root, 'schemas', name), 'utf8');
    v = precompiled(path.join(root, 'dist', 'schemas', name.replace(/\.json$/, '.js')), text) ?? compileNow(text);
    cache.set(name, v);
  }
  return v;
}

function precompiled(file: string, text: string): ValidateFunction | undefined {
  if (!fs.existsSync(file)) return undefined;
  const mod = require(file) as ValidateFunction & { schemaHash?: string };
  // Lazy: crypto only when a precompiled module exists.
  const { schemaHash } = require('./schema-hash') as typeof import('./schema-hash');
  return mod.schemaHash === schemaHash(text) ? mod : undefined;
}

function compileNow(text: string): ValidateFunction {
  // Lazy: ajv and its compiler load only when a schema has no up-to-date generated module.
  const { ajvFor } = require('./schema-codegen') as typeof import('./schema-codegen');
  const schema = JSON.parse(text);
  return ajvFor(schema, false).compile(schema);
}

/** Validates `data` against `schemas/<name>`; one diagnostic per ajv error, with its JSON pointer. */
export function checkSchema(
  name: string,
  data: unknown,
  file: string,
  code: DiagnosticCode = 'schema:invalid',
): Diagnostic[] {
  const v = schemaValidator(name);
  if (v(data)) return [];
  return (v.errors ?? []).map((e) =>
    diag(code, 'error', `${file}${e.instancePath || '/'}: ${e.message ?? 'invalid'} (schema ${name}${e.schemaPath})`, {
      source: { file, line: 1, column: 1 },
      params: { instancePath: e.instancePath, schemaPath: e.schemaPath },
    }),
  );
}
