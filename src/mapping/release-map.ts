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
  /** The row may be absent; every other row of a table found is required. */
  optional?: boolean;
}

/** What a table is, whatever the quarter; the period kind its heading must state follows from it. */
export type MapTableKind = 'quarterStatement' | 'cumulativeStatement' | 'balanceSheet' | 'cashFlows' | 'metrics';

export interface MapTable {
  id: string;
  lang: 'en' | 'ja';
  kind: MapTableKind;
  /** Releases (by fiscal period focus) that must contain the table; default all four. */
  requiredIn?: ('Q1' | 'Q2' | 'Q3' | 'FY')[];
  title: string;
  subtitle?: string;
  role?: string;
  rows: MapRow[];
}

export interface DocumentInfoSource {
  /** Regex over the release's text lines; group 1 is the value (or `value` with $1…). */
  pattern: string;
  value?: string;
  /** Regex on the same line whose group 1 is the date the value is at (`exchange on (Dec 31, 2003)`). */
  instantPattern?: string;
}

export interface DocumentInfoRule {
  concept: string;
  type: 'string' | 'date' | 'number';
  language?: string;
  /** A literal; `${periodEnd}` and `${entityIdentifier}` are replaced. */
  value?: string;
  decimals?: number;
  /** Parts of the release that state it (default both). */
  statedIn?: ('en' | 'ja')[];
  sources?: DocumentInfoSource[];
  /** Replaces a value as read (`Q4` → `FY`: the fourth quarter's release is the fiscal year's). */
  valueMap?: Record<string, string>;
}

export interface DocumentInfoConfig {
  entity: { scheme: string; identifier: string };
  fiscalYearEndMonth: number;
  documentInfo: DocumentInfoRule[];
}

export interface ReleaseMap {
  entity: { scheme: string; identifier: string };
  fiscalYearEndMonth: number;
  tables: MapTable[];
  documentInfo: DocumentInfoRule[];
}

function readJson(file: string, schema: string): unknown {
  let data: unknown;
  try {
    data = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new DiagnosticError([
      {
        code: 'mapping:unreadable',
        severity: 'error',
        message: `Cannot read ${file}: ${(e as Error).message}`,
        source: { file, line: 1, column: 1 },
      },
    ]);
  }
  const problems = checkSchema(schema, data, file, 'mapping:schemaInvalid');
  if (problems.length) throw new DiagnosticError(problems);
  return data;
}

/**
 * The row mapping (`mapping/release-map.json`) plus the entity configuration and document
 * information rules (`mapping/document-info.json`), both validated against their JSON Schemas.
 */
export function loadReleaseMap(
  file = path.join(packageRoot(), 'mapping', 'release-map.json'),
  infoFile = path.join(packageRoot(), 'mapping', 'document-info.json'),
): ReleaseMap {
  const map = readJson(file, 'release-map.schema.json') as { tables: MapTable[] };
  const info = readJson(infoFile, 'document-info.schema.json') as DocumentInfoConfig;
  return {
    entity: info.entity,
    fiscalYearEndMonth: info.fiscalYearEndMonth,
    tables: map.tables,
    documentInfo: info.documentInfo,
  };
}
