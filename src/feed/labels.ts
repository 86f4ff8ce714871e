import fs from 'node:fs';
import path from 'node:path';
import type { SourceConcept } from '../mapping/taxonomy-source';
import { packageRoot } from '../util/paths';

export interface PresentationNode {
  concept: string;
  children?: PresentationNode[];
}
export interface PresentationRole {
  id: string;
  presentation?: PresentationNode[];
}

/** The presentation trees of the taxonomy's source of truth (`taxonomy/src/networks.json`), in role order. */
export function loadPresentation(root = packageRoot()): PresentationRole[] {
  return JSON.parse(fs.readFileSync(path.join(root, 'taxonomy', 'src', 'networks.json'), 'utf8')).roles;
}

/**
 * Labels a reader can tell apart: where two concepts share a standard label in a language
 * ("Other", "その他"), each is qualified by its parents in the presentation tree, nearest first,
 * as many as it takes: "Other (Connectivity and value-added services)". The first place a concept
 * appears (role order, depth first) gives its parents. Unique labels stay as they are.
 */
export function qualifiedLabels(
  concepts: Map<string, SourceConcept>,
  roles: PresentationRole[],
  langs: string[],
): Map<string, Record<string, string | null>> {
  const parents = new Map<string, string[]>();
  const walk = (nodes: PresentationNode[], chain: string[]) => {
    for (const n of nodes) {
      if (!parents.has(n.concept)) parents.set(n.concept, chain);
      if (n.children) walk(n.children, [n.concept, ...chain]);
    }
  };
  for (const r of roles) walk(r.presentation ?? [], []);
  const out = new Map<string, Record<string, string | null>>();
  for (const c of concepts.values()) out.set(c.name, {});
  for (const lang of langs) {
    const label = (name: string) => concepts.get(name)?.labels[lang]?.label ?? null;
    const named = [...concepts.values()].filter((c) => !c.abstract);
    const current = new Map(named.map((c) => [c.name, label(c.name)]));
    for (let depth = 1; depth <= 4; depth++) {
      const count = new Map<string | null, number>();
      for (const v of current.values()) count.set(v, (count.get(v) ?? 0) + 1);
      const clash = [...current].filter(([, v]) => v !== null && (count.get(v) ?? 0) > 1);
      if (!clash.length) break;
      for (const [name] of clash) {
        const up = (parents.get(name) ?? [])
          .slice(0, depth)
          .map(label)
          .filter((x): x is string => x !== null);
        current.set(name, up.length ? `${label(name)} (${up.join(', ')})` : `${label(name)} (${name})`);
      }
    }
    for (const [name, v] of current) out.get(name)![lang] = v;
  }
  return out;
}
