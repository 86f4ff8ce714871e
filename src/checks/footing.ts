import type { SourceCalculation } from '../mapping/taxonomy-source';
import { add, cmp, intQ, mul, parseQ, type Q } from '../util/exact';

/** A summation whose printed parts, weighted and signed as facts, add up exactly to its printed total. */
export interface Footing<T> {
  rel: SourceCalculation;
  total: T;
  /** The parts found, each with its weighted value. */
  parts: { x: T; v: Q }[];
}

/**
 * The footing algorithm, once for every kind of printed figure (shares of a column, USD figures):
 * a figure off by rounding alone is a footing adjustment when it belongs to a summation (as a part
 * or as the total) whose printed parts — at least two, each `near` its exact value, as is the total —
 * sum exactly to the printed total. `at` finds a concept's figure in the same column; `value` is a
 * figure as the fact states it (signed).
 */
export function findFooting<T>(
  subject: T,
  concept: string,
  calcs: SourceCalculation[],
  at: (concept: string) => T | undefined,
  near: (x: T) => boolean,
  value: (x: T) => Q,
): Footing<T> | undefined {
  if (!near(subject)) return undefined;
  for (const rel of calcs) {
    if (rel.total !== concept && !rel.items.some((it) => it.concept === concept)) continue;
    const total = at(rel.total);
    const found = rel.items.map((it) => ({ it, x: at(it.concept) })).filter((p) => p.x !== undefined);
    if (!total || found.length < 2 || ![total, ...found.map((p) => p.x as T)].every(near)) continue;
    const parts = found.map((p) => ({ x: p.x as T, v: mul(value(p.x as T), parseQ(String(p.it.weight))) }));
    const sum = parts.reduce((acc, p) => add(acc, p.v), intQ(0));
    if (cmp(sum, value(total)) === 0) return { rel, total, parts };
  }
  return undefined;
}
