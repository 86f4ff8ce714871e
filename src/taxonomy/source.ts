import fs from 'node:fs';
import path from 'node:path';
import { DiagnosticError } from '../model';
import { checkSchema } from '../util/json-schema';

/**
 * The taxonomy's source of truth as stored in `taxonomy/src/*.json`: one set of types and one
 * reader (schema-checked once) for the generator that writes the taxonomy and the converter that
 * maps releases onto it.
 */
export type ConceptKind =
  | 'monetary' | 'shares' | 'perShare' | 'perAds' | 'ads' | 'count' | 'bandwidth' | 'exchangeRate'
  | 'percent' | 'string' | 'date' | 'abstract';

export interface SourceConcept {
  name: string;
  type: ConceptKind;
  periodType: 'instant' | 'duration';
  balance?: 'debit' | 'credit';
  abstract?: boolean;
  nillable?: boolean;
  labels: Record<string, Record<string, string>>;
}

export interface SourceMeta {
  prefix: string; namespace: string; baseUrl: string; entryPoint: string; directory: string;
  package: { identifier: string; name: Record<string, string>; description: Record<string, string>; version: string;
    publisher: string; publisherURL: string; publisherCountry: string; publicationDate: string; entryPointName: string };
}

export interface SourcePresentationNode { concept: string; preferredLabel?: string; children?: SourcePresentationNode[] }

export interface SourceRole {
  id: string; uri: string; definition: string; presentation: SourcePresentationNode[];
  calculation?: { total: string; items: { concept: string; weight: number }[] }[];
}

export interface TaxonomySourceFiles { meta: SourceMeta; concepts: SourceConcept[]; roles: SourceRole[] }

/** Reads `taxonomy/src` under `root` and checks it against its JSON Schema; a problem is a DiagnosticError. */
export function readTaxonomySource(root: string): TaxonomySourceFiles {
  const dir = path.join(root, 'taxonomy', 'src');
  const json = (name: string) => JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8'));
  const meta = json('taxonomy.json');
  const concepts = json('concepts.json').concepts;
  const roles = json('networks.json').roles;
  const problems = checkSchema('taxonomy-source.schema.json', { taxonomy: meta, concepts, roles }, 'taxonomy/src', 'taxonomy:sourceInvalid');
  if (problems.length) throw new DiagnosticError(problems);
  return { meta, concepts, roles };
}
