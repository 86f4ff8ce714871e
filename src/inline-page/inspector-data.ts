import fs from 'node:fs';
import path from 'node:path';
import type { Diagnostic, Period, Unit } from '../model';
import { splitClark } from '../model';
import type { TaxonomySource } from '../mapping/taxonomy-source';
import type { MappedFact } from '../mapping/types';
import { contextId, unitId } from '../xbrl/aspects';
import { packageRoot } from '../util/paths';
import { at, type DocPlan } from './plan';

/** Calculation trees of the taxonomy source: role → total → weighted items. */
export interface CalcNetwork {
  role: string;
  total: string;
  items: { concept: string; weight: number }[];
}

export interface InlineAssets {
  css: string;
  script: string;
  calculations: CalcNetwork[];
}

/** The page's stylesheet and inspector script (plain files under assets/ixbrl) and the taxonomy's calculation trees. */
export function loadInlineAssets(root = packageRoot()): InlineAssets {
  const dir = path.join(root, 'assets', 'ixbrl');
  const css = fs.readFileSync(path.join(dir, 'inline.css'), 'utf8');
  const script = fs.readFileSync(path.join(dir, 'inspector.js'), 'utf8');
  if (script.includes(']]>'))
    throw new Error('assets/ixbrl/inspector.js must not contain "]]>" (it is written inside CDATA)');
  const networks = JSON.parse(fs.readFileSync(path.join(root, 'taxonomy', 'src', 'networks.json'), 'utf8')) as {
    roles: { definition: string; calculation?: { total: string; items: { concept: string; weight: number }[] }[] }[];
  };
  const calculations: CalcNetwork[] = [];
  for (const r of networks.roles)
    for (const c of r.calculation ?? []) calculations.push({ role: r.definition, total: c.total, items: c.items });
  return { css, script, calculations };
}

const periodText = (p: Period): string =>
  p.type === 'instant' ? `${p.instant} (instant)` : p.type === 'duration' ? `${p.start} to ${p.end}` : 'forever';

function unitText(u: Unit): string {
  const side = (ms: string[]) => ms.map((m) => splitClark(m).local).join('×');
  return u.denominators.length ? `${side(u.numerators)} per ${side(u.denominators)}` : side(u.numerators);
}

/**
 * What the inspector shows, as one JSON object embedded in the page: concepts with both labels,
 * contexts, units, facts (value as in the XML instance), which tag is which fact, findings per tag,
 * and the calculation trees among the concepts the document uses.
 */
export function inspectorData(plan: DocPlan, facts: MappedFact[], tax: TaxonomySource, calcs: CalcNetwork[]): unknown {
  const concepts: Record<string, [string, string, string, string]> = {};
  const entry = (name: string): [string, string, string, string] => {
    const c = tax.concepts.get(name);
    const all = new Set([...Object.values(c?.labels.en ?? {}), ...Object.values(c?.labels.ja ?? {})]);
    return [c?.labels.en?.label ?? name, c?.labels.ja?.label ?? '', c?.balance ?? '', [...all].join(' | ')];
  };
  const contexts: Record<string, string> = {};
  const units: Record<string, string> = {};
  const factData: Record<string, [string, string, string | null, number | string | null, string | null]> = {};
  const tags: Record<string, string> = {};
  const findings: Record<string, string[]> = {};
  for (const f of facts) {
    concepts[f.name] ??= entry(f.name);
    contexts[contextId(f.period)] = periodText(f.period);
    if (f.unit) units[unitId(f.unit)] = unitText(f.unit);
    factData[f.id] = [f.name, contextId(f.period), f.unit ? unitId(f.unit) : null, f.decimals ?? null, f.value];
    for (const id of plan.tagsOfFact.get(f.id) ?? []) tags[id] = f.id;
  }
  const note = (ds: Diagnostic[] | undefined) => (ds ?? []).map((d) => `${d.code}: ${d.message}`);
  for (const tag of plan.cells.values()) {
    const o = tag.occurrence;
    const fs = o && note(plan.findings.get(at(o.line, o.col)));
    if (fs?.length) findings[tag.id] = fs;
  }
  const used = new Set(Object.keys(concepts));
  const calc = calcs
    .filter((c) => used.has(c.total) || c.items.some((i) => used.has(i.concept)))
    .map((c) => [c.role, c.total, c.items.map((i) => [i.concept, i.weight])]);
  for (const c of calcs) {
    for (const name of [c.total, ...c.items.map((i) => i.concept)]) {
      if (!concepts[name] && tax.concepts.has(name) && calc.some((x) => x[1] === c.total)) concepts[name] = entry(name);
    }
  }
  return { lang: plan.lang, concepts, contexts, units, facts: factData, tags, findings, calc };
}
