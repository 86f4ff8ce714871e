import type { Fact, Period, Unit } from '../model';
import { periodKey } from '../xbrl/aspects';

/** The facts sharing one context + unit + language, by concept: each list is one duplicate set. */
export type FactGroup = ReadonlyMap<string, readonly Fact[]>;

/**
 * What the rules need to know about the facts of one instance, built once per validation and then
 * read-only: facts grouped by context + unit + language (XBRL 2.1 §4.10 binding: contexts compared
 * by value, s-equal, not by id), then by concept. Duplicates are the lists longer than one;
 * calculations bind within one group. Nothing outlives the run: two validations share no state.
 */
export interface FactIndex {
  readonly groups: ReadonlyMap<string, FactGroup>;
  /** The facts of `concept` that bind with `like` except for the period, which is `period`. */
  find(concept: string, like: Fact, period: Period): readonly Fact[] | undefined;
}

const unitKey = (u?: Unit): string => (u ? `${u.numerators.join('*')}/${u.denominators.join('*')}` : '');

function dimsKey(d: Record<string, string> | undefined): string {
  if (!d) return '';
  return Object.keys(d).sort().map((k) => `${k}=${d[k]}`).join(',');
}

/** Group key by value: entity, period, dimensions, unit, language. */
const groupKeyOf = (f: Pick<Fact, 'entity' | 'period' | 'dimensions' | 'unit' | 'language'>, period = f.period): string =>
  `${f.entity.scheme}|${f.entity.identifier}|${periodKey(period)}|${dimsKey(f.dimensions)}|${unitKey(f.unit)}|${f.language ?? ''}`;

/** Facts of one XML context share its entity, period and dimensions objects: the key is built once per context and unit. */
interface Seen { entity: object; dims: object | undefined; unit: Unit | undefined; lang: string | undefined; group: Map<string, Fact[]> }

/** Builds the index in one pass over the facts. */
export function buildFactIndex(facts: readonly Fact[]): FactIndex {
  const groups = new Map<string, Map<string, Fact[]>>();
  // Note: local to this build, dropped when it returns; keyed by the period object facts of one context share.
  const seen = new Map<Period, Seen[]>();
  for (const f of facts) {
    let list = seen.get(f.period);
    let hit: Seen | undefined;
    if (list) {
      for (const s of list) if (s.entity === f.entity && s.dims === f.dimensions && s.unit === f.unit && s.lang === f.language) { hit = s; break; }
    } else { list = []; seen.set(f.period, list); }
    if (!hit) {
      const key = groupKeyOf(f);
      let group = groups.get(key);
      if (!group) { group = new Map(); groups.set(key, group); }
      hit = { entity: f.entity, dims: f.dimensions, unit: f.unit, lang: f.language, group };
      list.push(hit);
    }
    const set = hit.group.get(f.concept);
    if (set) set.push(f); else hit.group.set(f.concept, [f]);
  }
  const index: FactIndex = {
    groups,
    find: (concept, like, period) => groups.get(groupKeyOf(like, period))?.get(concept),
  };
  return Object.freeze(index);
}
