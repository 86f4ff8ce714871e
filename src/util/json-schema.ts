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
    v = precompiled(name, text) ?? compileNow(text);
    cache.set(name, v);
  }
  return v;
}

function precompiled(name: string, text: string): ValidateFunction | undefined {
  const base = name.replace(/\.json$/, '');
  let mod: (ValidateFunction & { schemaText?: string }) | undefined;
  try {
    // A template literal with a fixed prefix and suffix: the build's bundler takes every generated
    // validator into the bundle (and into its code cache) from this one line; compiled, dist/schemas/.
    mod = require(`../../schemas/${base}.js`);
  } catch {
    // Run from the sources (tests): the build's dist/schemas/, when it has been built.
    const file = path.join(packageRoot(), 'dist', 'schemas', `${base}.js`);
    if (fs.existsSync(file)) mod = require(file);
  }
  if (!mod) return undefined;
  // Generated from this very schema text (the module carries it: 34 kB for all schemas, compared in
  // microseconds, where a hash needed node:crypto loaded at each start).
  return mod.schemaText === text ? mod : undefined;
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
