import { packageRoot } from '../util/paths';
import { readTaxonomySource, type ConceptKind, type SourceConcept } from '../taxonomy/source';

export type { ConceptKind, SourceConcept };

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
  const { meta, concepts: list, roles } = readTaxonomySource(root);
  const concepts = new Map<string, SourceConcept>();
  const order = new Map<string, number>();
  list.forEach((c, i) => {
    concepts.set(c.name, c);
    order.set(c.name, i);
  });
  const calculations = roles.flatMap((n) =>
    (n.calculation ?? []).map((c) => ({ role: n.id, total: c.total, items: c.items })),
  );
  return { prefix: meta.prefix, namespace: meta.namespace, entryPoint: meta.entryPoint, concepts, order, calculations };
}
