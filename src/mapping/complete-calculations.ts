import { diag, type Diagnostic, type Footnote } from '../model';
import { periodKey, unitId } from '../xbrl/aspects';
import type { SourceCalculation } from './taxonomy-source';
import type { MappedFact } from './types';

const keyOf = (name: string, f: MappedFact) => `${name}|${periodKey(f.period)}|${f.unit ? unitId(f.unit) : ''}`;

/**
 * A single-language conversion must still give an instance whose calculations hold. Where the
 * chosen part reports a total and some of its contributors but the remaining contributors are
 * printed only in the other part (IIJ's Tables 9 and 10 exist only in English), those contributors
 * are taken from the other part, each with a warning naming it and where it was read. Repeated
 * until nothing more is missing, since a taken contributor may itself be a total.
 */
export function takeMissingContributors(
  chosen: { facts: MappedFact[]; footnotes: Footnote[] },
  other: { facts: MappedFact[]; footnotes: Footnote[] },
  calcs: SourceCalculation[],
  file: string,
): { facts: MappedFact[]; footnotes: Footnote[]; diagnostics: Diagnostic[] } {
  const facts = [...chosen.facts];
  const footnotes = [...chosen.footnotes];
  const diagnostics: Diagnostic[] = [];
  const have = new Set(facts.map((f) => keyOf(f.name, f)));
  const otherByKey = new Map(other.facts.map((f) => [keyOf(f.name, f), f]));
  const taken: MappedFact[] = [];
  for (let added = true; added;) {
    added = false;
    for (const total of facts) {
      for (const rel of calcs) {
        if (rel.total !== total.name) continue;
        const present = rel.items.filter((it) => have.has(keyOf(it.concept, total)));
        if (!present.length) continue;
        for (const it of rel.items) {
          const k = keyOf(it.concept, total);
          const f = otherByKey.get(k);
          if (have.has(k) || !f) continue;
          have.add(k);
          facts.push(f);
          taken.push(f);
          added = true;
        }
      }
    }
  }
  const remap = new Map<string, string>();
  for (const f of taken) {
    for (const id of f.footnotes ?? []) {
      if (remap.has(id)) continue;
      const fn = other.footnotes.find((x) => x.id === id);
      const same = fn && footnotes.find((x) => x.source?.line === fn.source?.line);
      const nid = same?.id ?? `fn${footnotes.length + 1}`;
      if (fn && !same) footnotes.push({ ...fn, id: nid });
      remap.set(id, nid);
    }
    const o = f.provenance[0];
    diagnostics.push(
      diag(
        'release:factFromOtherLanguage',
        'warning',
        `${f.name} ${o.printed} (${o.table} row "${o.row}", column "${o.column}") is printed only in the ${o.lang === 'en' ? 'English' : 'Japanese'} part; taken from there so that the calculations of this ${o.lang === 'en' ? 'Japanese' : 'English'}-only conversion are complete.`,
        { source: { file, line: o.line, column: o.col }, concept: f.name, facts: [f.id] },
      ),
    );
  }
  const out = facts.map((f) =>
    taken.includes(f) && f.footnotes?.length ? { ...f, footnotes: f.footnotes.map((id) => remap.get(id) ?? id) } : f,
  );
  return { facts: out, footnotes, diagnostics };
}
