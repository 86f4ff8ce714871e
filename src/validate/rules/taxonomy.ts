import { ARCROLE, ROLE, diag, type Diagnostic, type Dts } from '../../model';

export const CODES = {
  missingLabel: 'taxonomy:missingStandardLabel',
  notPresented: 'taxonomy:conceptNotInPresentation',
  calcPeriodType: 'taxonomy:calcPeriodTypeMismatch',
  nonNumericCalc: 'xbrl.5.2.5.2:nonNumericCalc',
  negative: 'xbrl.5.1.1.2:balanceCalcWeightIllegalNegative',
  positive: 'xbrl.5.1.1.2:balanceCalcWeightIllegalPositive',
  cycle: 'taxonomy:relationshipCycle',
  usedOn: 'xbrl.5.1.3.4:custRoleUsedOn',
  missingRoleRef: 'xbrl.3.5.2.4:missingRoleRef',
} as const;

export interface TaxonomyCheckOptions {
  /** Languages that need a standard label for every concept (default en). */
  languages?: string[];
}

/** Taxonomy checks: labels, presentation coverage, calc arcs vs period types and balances, cycles, roles. */
export function checkTaxonomy(dts: Dts, options: TaxonomyCheckOptions = {}): Diagnostic[] {
  const out: Diagnostic[] = [];
  const langs = options.languages ?? ['en'];
  const own = [...dts.concepts.values()].filter((c) => c.source && !/^https?:\/\/(www\.)?xbrl\.org\//.test(c.source.file));
  const labels = new Set(dts.labels.filter((l) => l.role === ROLE.label).map((l) => `${l.concept}|${l.lang.toLowerCase().split('-')[0]}`));
  const presented = new Set<string>();
  for (const r of dts.relationships) if (r.arcrole === ARCROLE.parentChild) { presented.add(r.from); presented.add(r.to); }
  for (const c of own) {
    for (const lang of langs) if (!labels.has(`${c.name}|${lang}`)) out.push(diag(CODES.missingLabel, 'error', `${c.localName} has no ${lang} standard label.`, { source: c.source, concept: c.localName }));
    if (c.substitutionGroup === 'item' && !presented.has(c.name)) out.push(diag(CODES.notPresented, 'warning', `${c.localName} appears in no presentation network.`, { source: c.source, concept: c.localName }));
  }
  const graphs = new Map<string, Map<string, string[]>>();
  for (const r of dts.relationships) {
    if (r.arcrole === ARCROLE.summationItem || r.arcrole === ARCROLE.summationItem11) {
      const a = dts.concepts.get(r.from);
      const b = dts.concepts.get(r.to);
      if (!a || !b) continue;
      if (!a.numeric || !b.numeric || a.abstract || b.abstract) out.push(diag(CODES.nonNumericCalc, 'error', `Calculation arc ${a.localName} → ${b.localName} joins a non-numeric or abstract concept.`, { source: r.source }));
      if (a.periodType !== b.periodType) out.push(diag(CODES.calcPeriodType, 'warning', `Calculation arc ${a.localName} (${a.periodType}) → ${b.localName} (${b.periodType}) joins different period types; it can never bind.`, { source: r.source }));
      if (a.balance && b.balance && r.weight !== undefined) {
        const w = Number(r.weight);
        if (a.balance === b.balance && w < 0) out.push(diag(CODES.negative, 'error', `${a.localName} and ${b.localName} are both ${a.balance}, but the weight is ${r.weight}.`, { source: r.source }));
        if (a.balance !== b.balance && w > 0) out.push(diag(CODES.positive, 'error', `${a.localName} is ${a.balance} and ${b.localName} ${b.balance}, but the weight is ${r.weight}.`, { source: r.source }));
      }
    }
    if (r.arcrole === ARCROLE.summationItem || r.arcrole === ARCROLE.parentChild) {
      const k = `${r.arcrole} ${r.linkrole}`;
      const g = graphs.get(k) ?? new Map<string, string[]>();
      g.set(r.from, [...(g.get(r.from) ?? []), r.to]);
      graphs.set(k, g);
    }
  }
  for (const [k, g] of graphs) {
    const state = new Map<string, 1 | 2>();
    const visit = (n: string, path: string[]): boolean => {
      if (state.get(n) === 2) return false;
      if (state.get(n) === 1) { out.push(diag(CODES.cycle, 'error', `Cycle in ${k}: ${[...path, n].map((x) => x.slice(x.indexOf('}') + 1)).join(' → ')}.`)); return true; }
      state.set(n, 1);
      for (const m of g.get(n) ?? []) if (visit(m, [...path, n])) return true;
      state.set(n, 2);
      return false;
    };
    for (const n of g.keys()) if (visit(n, [])) break;
  }
  for (const lb of dts.linkbases ?? []) {
    const refs = new Set(lb.roleRefs.map((r) => r.uri));
    for (const u of lb.usedRoles) {
      if (u.uri.startsWith('http://www.xbrl.org/2003/role/')) continue;
      if (!refs.has(u.uri)) out.push(diag(CODES.missingRoleRef, 'error', `Role ${u.uri} is used on ${u.element} without a roleRef in ${lb.url}.`, { source: u.source }));
      const rt = dts.roleTypes.find((t) => t.roleURI === u.uri);
      if (rt && !rt.usedOn.includes(u.element)) {
        out.push(diag(CODES.usedOn, 'error', `Role ${u.uri} is used on ${u.element} but its roleType does not declare usedOn for it.`, { source: u.source }));
      }
    }
  }
  return out;
}
