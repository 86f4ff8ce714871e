/**
 * Build step (`npm run build`): compiles every JSON Schema in schemas/ into a standalone ajv
 * validator module under dist/schemas/, so a run of the CLI loads plain functions instead of
 * compiling schemas (ajv's compile/validate split, done once at build time). Each module carries
 * the schema text it was generated from; json-schema.ts uses it only when the schema is unchanged,
 * and compiles at run time otherwise.
 */
import fs from 'node:fs';
import path from 'node:path';
import Ajv, { _ } from 'ajv';
import Ajv2020 from 'ajv/dist/2020';
import standaloneCode from 'ajv/dist/standalone';
import addFormats from 'ajv-formats';
import { packageRoot } from './paths';

/**
 * The ajv instance for a schema: draft 2020-12 or draft-07 by its `$schema`, formats from ajv-formats
 * (generated modules take them through util/json-formats, which adds a last-value memo).
 */
export function ajvFor(schema: { $schema?: string }, standalone: boolean): Ajv {
  const options = {
    allErrors: true,
    strict: false,
    ...(standalone ? { code: { source: true, formats: _`require("../src/util/json-formats").formats` } } : {}),
  };
  const ajv = String(schema.$schema ?? '').includes('2020-12') ? new Ajv2020(options) : new Ajv(options);
  addFormats(ajv);
  return ajv;
}

/** Writes dist/schemas/<name>.js for every schemas/<name>.json; returns the files written. */
export function writeStandaloneValidators(root = packageRoot(), outDir = path.join(root, 'dist', 'schemas')): string[] {
  fs.mkdirSync(outDir, { recursive: true });
  const written: string[] = [];
  for (const name of fs
    .readdirSync(path.join(root, 'schemas'))
    .filter((n) => n.endsWith('.json'))
    .sort()) {
    const text = fs.readFileSync(path.join(root, 'schemas', name), 'utf8');
    const schema = JSON.parse(text);
    const ajv = ajvFor(schema, true);
    const code = standaloneCode(ajv, ajv.compile(schema));
    const out = path.join(outDir, name.replace(/\.json$/, '.js'));
    fs.writeFileSync(out, `${code}\nmodule.exports.schemaText = ${JSON.stringify(text)};\n`);
    written.push(out);
  }
  return written;
}

if (require.main === module) writeStandaloneValidators();
