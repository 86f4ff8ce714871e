import type { Fact, Period, Unit } from '../model';
import { periodKey } from '../xbrl/aspects';
import { isDecimalLexical } from './facts';

/**
 * The facts sharing one context + unit + language (+ tuple), by concept: each list is one
 * duplicate set. A read-only map; `duplicateSets()` gives just the sets of two or more facts.
 */
export interface FactGroup extends ReadonlyMap<string, readonly Fact[]> {
  duplicateSets(): IterableIterator<readonly Fact[]>;
}

/**
 * A group as built: a concept's only fact is held as itself and handed out as a one-element list
 * when asked, so a million facts with no duplicates cost a million fewer arrays held for the run.
 * Note: a small group (the usual context holds a few concepts) keeps concepts and entries side by side in one
 * short list (concept, entry, concept, entry…), a larger one in a map: a list costs half what a small map does.
 */
class Group implements FactGroup {
  private small: (string | Fact | Fact[])[] | undefined = [];
  private byConcept: Map<string, Fact | Fact[]> | undefined;

  add(f: Fact): void {
    const list = this.small;
    if (list) {
      const i = list.indexOf(f.concept);
      if (i >= 0 && i % 2 === 0) {
        const had = list[i + 1] as Fact | Fact[];
        if (Array.isArray(had)) had.push(f);
        else list[i + 1] = [had, f];
        return;
      }
      if (i < 0 && list.length < 2 * SMALL_GROUP) {
        list.push(f.concept, f);
        return;
      }
      this.byConcept = new Map(this.rawEntries());
      this.small = undefined;
    }
    const m = this.byConcept!;
    const had = m.get(f.concept);
    if (had === undefined) m.set(f.concept, f);
    else if (Array.isArray(had)) had.push(f);
    else m.set(f.concept, [had, f]);
  }

  private entry(concept: string): Fact | Fact[] | undefined {
    const list = this.small;
    if (!list) return this.byConcept!.get(concept);
    for (let i = 0; i < list.length; i += 2) if (list[i] === concept) return list[i + 1] as Fact | Fact[];
    return undefined;
  }
  private rawEntries(): [string, Fact | Fact[]][] | Map<string, Fact | Fact[]> {
    const list = this.small;
    if (!list) return this.byConcept!;
    const out: [string, Fact | Fact[]][] = [];
    for (let i = 0; i < list.length; i += 2) out.push([list[i] as string, list[i + 1] as Fact | Fact[]]);
    return out;
  }

  get size(): number {
    return this.small ? this.small.length / 2 : this.byConcept!.size;
  }
  has(concept: string): boolean {
    return this.entry(concept) !== undefined;
  }
  get(concept: string): readonly Fact[] | undefined {
    const x = this.entry(concept);
    return x === undefined || Array.isArray(x) ? x : [x];
  }

  *keys(): IterableIterator<string> {
    for (const [k] of this.rawEntries()) yield k;
  }
  *values(): IterableIterator<readonly Fact[]> {
    for (const [, x] of this.rawEntries()) yield Array.isArray(x) ? x : [x];
  }
  *entries(): IterableIterator<[string, readonly Fact[]]> {
    for (const [k, x] of this.rawEntries()) yield [k, Array.isArray(x) ? x : [x]];
  }
  [Symbol.iterator](): IterableIterator<[string, readonly Fact[]]> {
    return this.entries();
  }
  forEach(cb: (value: readonly Fact[], key: string, map: ReadonlyMap<string, readonly Fact[]>) => void): void {
    for (const [k, v] of this.entries()) cb(v, k, this);
  }
  *duplicateSets(): IterableIterator<readonly Fact[]> {
    for (const [, x] of this.rawEntries()) if (Array.isArray(x)) yield x;
  }
}

/** Concepts a group holds in its list before it takes a map. */
const SMALL_GROUP = 8;

/**
 * What the rules need to know about the facts of one instance, built once per validation and then
 * read-only: facts grouped by context + unit + language (XBRL 2.1 §4.10 binding: contexts compared
 * by value, s-equal, not by id) and, inside tuples, by the tuple they sit in; then by concept.
 * Duplicates are the lists longer than one; calculations bind within one group (and, with tuples,
 * its descendant tuples' groups: `scopes`). Tuples themselves take no part, nor numeric facts
 * whose value is not an xs:decimal (xbrl21 reports those). Nothing outlives the run: two
 * validations share no state.
 */
export interface FactIndex {
  readonly groups: ReadonlyMap<string, FactGroup>;
  /**
   * Instances with tuples only: for each group key, the groups a total in it binds contributors
   * from (XBRL 2.1 §5.2.5.2): itself and the groups of its descendant tuples. Undefined without tuples.
   */
  readonly scopes?: ReadonlyMap<string, readonly FactGroup[]>;
  /** The facts of `concept` that bind with `like` except for the period, which is `period`. */
  find(concept: string, like: Fact, period: Period): readonly Fact[] | undefined;
}

export const unitKey = (u?: Unit): string => (u ? `${u.numerators.join('*')}/${u.denominators.join('*')}` : '');

function dimsKey(d: Record<string, string> | undefined): string {
  if (!d) return '';
  return Object.keys(d)
    .sort()
    .map((k) => `${k}=${d[k]}`)
    .join(',');
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MIDNIGHT_24 = /^(\d{4}-\d{2}-\d{2})T24:00:00$/;

/**
 * A period date as the moment it names (XBRL 2.1 §4.7.2, s-equal by value): a start date is its
 * midnight; an end or instant date the end of the day, i.e. the next day's midnight, so that
 * `2007-12-31` and `2008-01-01T00:00:00` are one instant. Anything else is kept as written.
 */
function moment(s: string, end: boolean): string {
  const m = DATE_ONLY.exec(s);
  if (!m) {
    const h24 = MIDNIGHT_24.exec(s);
    return h24 ? moment(h24[1], true) : s;
  }
  if (!end) return `${s}T00:00:00`;
  const day = Number(m[3]);
  if (day >= 1 && day < 28) return `${m[1]}-${m[2]}-${day < 9 ? '0' : ''}${day + 1}T00:00:00`; // no month end near
  const d = new Date(0);
  d.setUTCFullYear(Number(m[1]), Number(m[2]) - 1, Number(m[3])); // (Date.UTC would read years below 100 as 19xx)
  if (d.getUTCDate() !== Number(m[3])) return s; // not a calendar date (reported by the context rules)
  d.setUTCDate(d.getUTCDate() + 1);
  return `${d.toISOString().slice(0, 10)}T00:00:00`;
}

/** Period keys by their written key: a run meets few distinct periods, and keys are asked for per fact. */
const VALUE_KEYS = new Map<string, string>();

/** A period keyed by the moments it names, not by how they are written. */
function periodValueKey(p: Period): string {
  const written = periodKey(p);
  let key = VALUE_KEYS.get(written);
  if (key === undefined) {
    key =
      p.type === 'instant'
        ? `I${moment(p.instant, true)}`
        : p.type === 'duration'
          ? `D${moment(p.start, false)}_${moment(p.end, true)}`
          : written;
    if (VALUE_KEYS.size >= 100_000) VALUE_KEYS.clear(); // bounded, whatever the input
    VALUE_KEYS.set(written, key);
  }
  return key;
}

/** Context key by value (s-equal): entity, period, dimensions and other segment/scenario content. */
export const contextKeyOf = (f: Pick<Fact, 'entity' | 'period' | 'dimensions'>, period = f.period): string =>
  `${f.entity.scheme}|${f.entity.identifier}|${periodValueKey(period)}|${dimsKey(f.dimensions)}`;

/** Separates a group key from the path of the tuple its facts sit in. */
const TUPLE = '\u0001';

type KeyedFact = Pick<Fact, 'entity' | 'period' | 'dimensions' | 'unit' | 'language' | 'tupleParent'>;

/**
 * Group keys by value: the context key (entity, period, dimensions), unit, language; then the tuple path, if any.
 * Note: each part but the identifier is replaced by a short token, one per distinct value in this build (the long
 * parts are Clark names), and the key is joined (one flat string: a template literal would keep its pieces), so a group's
 * key costs a few dozen characters, not a few hundred.
 */
function groupKeys(): (f: KeyedFact, period?: Period) => string {
  const tokens = new Map<string, string>();
  const token = (s: string) => {
    let t = tokens.get(s);
    if (t === undefined) tokens.set(s, (t = String(tokens.size)));
    return t;
  };
  return (f, period = f.period) => {
    // (every part but the identifier is a token of digits, and the identifier comes last: no two keys collide)
    const key = [
      token(f.entity.scheme),
      token(periodValueKey(period)),
      token(dimsKey(f.dimensions)),
      token(unitKey(f.unit)),
      token(f.language ?? ''),
      f.entity.identifier,
    ].join('|');
    return f.tupleParent ? `${key}${TUPLE}${f.tupleParent}` : key;
  };
}

/** Facts of one XML context share its entity, period and dimensions objects: the key is built once per context and unit. */
interface Seen {
  period: Period;
  entity: object;
  dims: object | undefined;
  unit: Unit | undefined;
  lang: string | undefined;
  tuple: string | undefined;
  group: Group;
}

/** Builds the index in one pass over the facts. */
export function buildFactIndex(facts: readonly Fact[]): FactIndex {
  const groups = new Map<string, Group>();
  const groupKeyOf = groupKeys();
  // Note: local to this build, dropped when it returns; keyed by the period object facts of one context share
  // (each context has its own: one entry, held as itself, a list only when a second one shares the period).
  const seen = new Map<Period, Seen | Seen[]>();
  let tuples = false;
  let last: Seen | undefined;
  const same = (s: Seen, f: Fact) =>
    s.entity === f.entity &&
    s.dims === f.dimensions &&
    s.unit === f.unit &&
    s.lang === f.language &&
    s.tuple === f.tupleParent;
  for (const f of facts) {
    // Tuples take no part; numeric facts with a value outside xs:decimal bind with nothing.
    if (f.tuple || (f.unit && f.value !== null && !isDecimalLexical(f.value))) continue;
    // Facts of one context usually stand together: the previous fact's group first.
    if (last && last.period === f.period && same(last, f)) {
      last.group.add(f);
      continue;
    }
    const had = seen.get(f.period);
    let hit: Seen | undefined;
    if (Array.isArray(had)) {
      for (const s of had)
        if (same(s, f)) {
          hit = s;
          break;
        }
    } else if (had && same(had, f)) hit = had;
    if (!hit) {
      const key = groupKeyOf(f);
      let group = groups.get(key);
      if (!group) {
        group = new Group();
        groups.set(key, group);
      }
      if (f.tupleParent) tuples = true;
      hit = {
        period: f.period,
        entity: f.entity,
        dims: f.dimensions,
        unit: f.unit,
        lang: f.language,
        tuple: f.tupleParent,
        group,
      };
      if (had === undefined) seen.set(f.period, hit);
      else if (Array.isArray(had)) had.push(hit);
      else seen.set(f.period, [had, hit]);
    }
    hit.group.add(f);
    last = hit;
  }
  const index: FactIndex = {
    groups,
    scopes: tuples ? tupleScopes(groups) : undefined,
    find: (concept, like, period) => groups.get(groupKeyOf(like, period))?.get(concept),
  };
  return Object.freeze(index);
}

/** For each group, itself and the groups of the same context + unit + language in its descendant tuples. */
function tupleScopes(groups: ReadonlyMap<string, FactGroup>): Map<string, FactGroup[]> {
  const split = (k: string): [string, string] => {
    const i = k.indexOf(TUPLE);
    return i < 0 ? [k, ''] : [k.slice(0, i), k.slice(i + 1)];
  };
  const byBase = new Map<string, [string, FactGroup][]>();
  for (const [k, g] of groups) {
    const [base, scope] = split(k);
    const list = byBase.get(base);
    if (list) list.push([scope, g]);
    else byBase.set(base, [[scope, g]]);
  }
  const out = new Map<string, FactGroup[]>();
  for (const k of groups.keys()) {
    const [base, scope] = split(k);
    out.set(
      k,
      (byBase.get(base) ?? [])
        .filter(([s]) => s === scope || scope === '' || s.startsWith(`${scope}/`))
        .map(([, g]) => g),
    );
  }
  return out;
}
