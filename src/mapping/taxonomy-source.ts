import fs from 'node:fs';
import path from 'node:path';
import { packageRoot } from '../util/paths';

export type ConceptKind =
  | 'monetary' | 'shares' | 'perShare' | 'perAds' | 'ads' | 'count' | 'bandwidth' | 'exchangeRate'
  | 'percent' | 'string' | 'date' | 'abstract';

export interface SourceConcept {
  name: string;
  type: ConceptKind;
  periodType: 'instant' | 'duration';
  balance?: 'debit' | 'credit';
  abstract?: boolean;
  labels: Record<string, Record<string, string>>;
}

export interface TaxonomySource {
  prefix: string;
  namespace: string;
  entryPoint: string;
  concepts: Map<string, SourceConcept>;
  /** Concept names in declaration order, for a stable fact order. */
  order: Map<string, number>;
  /** Summation-item relationships of every network (total → weighted items), by role id. */
  calculations: SourceCalculation[];
}

export interface SourceCalculation {
  role: string;
  total: string;
  items: { concept: string; weight: number }[];
}

/** Reads the taxonomy's source of truth (`taxonomy/src`), which the converter shares with the generator. */
export function loadTaxonomySource(root = packageRoot()): TaxonomySource {
  const dir = path.join(root, 'taxonomy', 'src');
  const meta = JSON.parse(fs.readFileSync(path.join(dir, 'taxonomy.json'), 'utf8'));
  const list: SourceConcept[] = JSON.parse(fs.readFileSync(path.join(dir, 'concepts.json'), 'utf8')).concepts;
  const concepts = new Map<string, SourceConcept>();
  const order = new Map<string, number>();
  list.forEach((c, i) => { concepts.set(c.name, c); order.set(c.name, i); });
  const networks: { id: string; calculation?: { total: string; items: { concept: string; weight: number }[] }[] }[] =
    JSON.parse(fs.readFileSync(path.join(dir, 'networks.json'), 'utf8')).roles ?? [];
  const calculations = networks.flatMap((n) => (n.calculation ?? []).map((c) => ({ role: n.id, total: c.total, items: c.items })));
  return { prefix: meta.prefix, namespace: meta.namespace, entryPoint: meta.entryPoint, concepts, order, calculations };
}
