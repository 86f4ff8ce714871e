import fs from 'node:fs';
import path from 'node:path';
import { DiagnosticError } from '../model';
import { checkSchema } from '../util/json-schema';
import { packageRoot } from '../util/paths';

export interface MapRow {
  label: string | string[];
  section?: string;
  concept?: string;
  sign?: 'asIs' | 'negated';
  period?: 'start' | 'end';
  group?: boolean;
}

export interface MapTable {
  id: string;
  lang: 'en' | 'ja';
  title: string;
  subtitle?: string;
  role?: string;
  rows: MapRow[];
}

export interface DocumentInfoRule {
  concept: string;
  /** Regex over the release's text lines; group 1 is the value. Absent: `value` is used as is. */
  pattern?: string;
  value?: string;
  type?: 'string' | 'date' | 'number';
  lang?: 'en' | 'ja';
  /** For numbers: regex whose group 1 is the instant date (`exchange on (Dec 31, 2003)`). */
  instantPattern?: string;
  decimals?: number;
}

export interface ReleaseMap {
  entity: { scheme: string; identifier: string };
  fiscalYearEndMonth: number;
  tables: MapTable[];
  documentInfo?: DocumentInfoRule[];
}

export function loadReleaseMap(file = path.join(packageRoot(), 'mapping', 'release-map.json')): ReleaseMap {
  let data: unknown;
  try {
    data = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new DiagnosticError([{ code: 'mapping:unreadable', severity: 'error', message: `Cannot read the mapping file: ${(e as Error).message}`, source: { file, line: 1, column: 1 } }]);
  }
  const problems = checkSchema('release-map.schema.json', data, file, 'mapping:schemaInvalid');
  if (problems.length) throw new DiagnosticError(problems);
  return data as ReleaseMap;
}
