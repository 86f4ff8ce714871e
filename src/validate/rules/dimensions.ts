import {
  diag,
  factId,
  type Clark,
  type Concept,
  type Diagnostic,
  type DimValue,
  type Fact,
  type InstanceContext,
} from '../../model';
import { simpleValueIssue } from '../../taxonomy/simple-type';
import { isDimension, isTypedDimension } from '../../taxonomy/xdt';
import type { RuleContext } from '../context';
import { drsOf, type BaseSets, type Drs, type HasCube } from '../drs';

/**
 * XBRL Dimensions 1.0 instance rules (`xbrldie:*`): each context's members (dimension declared and of
 * the right kind, explicit members declared and not the default, typed content the typed domain's
 * element, no dimension twice), and each item fact dimensionally valid for its primary item in at
 * least one base set of its DRS (§3.1). The DRS is compiled once per DTS (validate/drs.ts); a fact costs
 * a lookup of its context's verdict for its primary item's base sets.
 */
export function dimensions(ctx: RuleContext): Diagnostic[] {
  const drs = drsOf(ctx.dts);
  const out: Diagnostic[] = [];
  const contexts = ctx.contexts;
  const typedVerdicts: TypedVerdicts = new Map();
  if (contexts) for (const c of contexts.values()) if (c.dimValues) checkContext(ctx, drs, c, typedVerdicts, out);
  if (!drs.any) return out;
  // Note: verdicts are kept by what decides them (the context's members and other content, not its id), so
  // the contexts of a large instance share a few verdict tables and a context costs nothing kept.
  const bySignature = new Map<string, Verdicts>();
  // Facts of one context usually stand together: the last context's verdicts are tried first.
  let lastRef: string | undefined;
  let last: Verdicts | undefined;
  for (const f of ctx.report.facts) {
    if (f.tuple) continue;
    const sets = drs.baseSets(f.concept);
    if (!sets.length) continue;
    const ref = f.contextId;
    let verdicts = ref !== undefined && ref === lastRef ? last : undefined;
    if (!verdicts) {
      const c = ref !== undefined ? contexts?.get(ref) : undefined;
      const sig = c ? contextSignature(c) : ref !== undefined ? '\u0003' : oimKey(f);
      verdicts = bySignature.get(sig);
      if (!verdicts) bySignature.set(sig, (verdicts = { f, c, view: null, bySets: new Map() }));
      lastRef = ref;
      last = verdicts;
    }
    let ok = verdicts.bySets.get(sets);
    if (ok === undefined) {
      if (verdicts.view === null) verdicts.view = contextView(verdicts.f, verdicts.c);
      verdicts.bySets.set(sets, (ok = verdicts.view ? baseSetsMet(sets, verdicts.view, drs) : true));
    }
    if (!ok) out.push(invalidFact(f));
  }
  return out;
}

/** The verdicts for the contexts of one signature, by base sets; the view of the first such context (or fact), built when first needed. */
interface Verdicts {
  f: Fact;
  c: InstanceContext | undefined;
  view: ContextView | undefined | null;
  bySets: Map<BaseSets, boolean>;
}

/** What a context's dimensional validity depends on: its members (dimension, container, explicit member or typed) and other content, in order. */
function contextSignature(c: InstanceContext): string {
  const o = c.otherContent;
  let sig = o ? `${o.segment}\u0001${o.scenario}` : '';
  for (const v of c.dimValues ?? [])
    sig += `\u0001${v.container === 'segment' ? 's' : 'c'}${v.dimension}\u0002${v.typed ? '\u0004' : (v.explicit ?? '\u0005')}`;
  return sig;
}

function invalidFact(f: Fact): Diagnostic {
  return diag(
    'xbrldie:PrimaryItemDimensionallyInvalidError',
    'error',
    `Fact ${factId(f)} (${f.concept}) in context ${f.contextId ?? '(its dimensions)'} is not dimensionally valid: no base set of its primary item's DRS is met.`,
    { source: f.source, facts: [factId(f)], ...(f.contextId ? { contexts: [f.contextId] } : {}) },
  );
}

/** Facts read without a context (xBRL-JSON, xBRL-CSV) are grouped by their dimensions. */
function oimKey(f: Fact): string {
  const d = f.dimensions;
  if (!d) return '\u0000';
  return `\u0000${Object.keys(d)
    .sort()
    .map((k) => `${k}=${d[k]}`)
    .join('\u0001')}`;
}

/** A context's members by container, and how much other content each container holds. */
interface ContextView {
  segment: Members;
  scenario: Members;
  other: { segment: number; scenario: number };
}

/** A container's members: a short list is scanned (the usual context has a few), a long one is a map (a 50-dimension context stays linear). */
interface Members {
  size: number;
  get(d: Clark): DimValue | undefined;
}

function members(list: DimValue[]): Members {
  if (list.length > 8) {
    const m = new Map(list.map((v) => [v.dimension, v]));
    return { size: m.size, get: (d) => m.get(d) };
  }
  const distinct = new Set(list.map((v) => v.dimension)).size;
  return { size: distinct, get: (d) => list.find((v) => v.dimension === d) };
}

const NO_OTHER = { segment: 0, scenario: 0 };

/** The view of an XML context; for a fact read without one (xBRL-JSON, xBRL-CSV), its dimensions, found in either container. */
function contextView(f: Fact, c: InstanceContext | undefined): ContextView | undefined {
  if (c) {
    const all = c.dimValues ?? [];
    const segment = members(all.filter((v) => v.container === 'segment'));
    const scenario = members(all.filter((v) => v.container === 'scenario'));
    return { segment, scenario, other: c.otherContent ?? NO_OTHER };
  }
  if (f.contextId !== undefined) return undefined;
  const source = f.source ?? { file: '', line: 0, column: 0 };
  const all = members(
    Object.entries(f.dimensions ?? {}).map(([d, m]): DimValue => ({
      dimension: d,
      container: 'segment',
      explicit: m,
      written: m,
      source,
    })),
  );
  return { segment: all, scenario: all, other: NO_OTHER };
}

function baseSetsMet(sets: BaseSets, view: ContextView, drs: Drs): boolean {
  return sets.some((cubes) => cubes.every((h) => cubeMet(h, view, drs)));
}

/** Whether a context meets one has-hypercube relationship (§3.1.2): every dimension has a usable member (or a default), nothing else when closed; notAll inverts. */
function cubeMet(h: HasCube, view: ContextView, drs: Drs): boolean {
  const values = view[h.container];
  let valid = !(h.closed && view.other[h.container] > 0);
  let used = 0;
  for (const d of h.dimensions) {
    if (!valid) break;
    const v = values.get(d.dimension);
    if (v) used++;
    const member = v ? v.explicit : drs.defaults.get(d.dimension);
    if (!v && member === undefined) valid = false;
    else if (!d.typed && (v?.typed || member === undefined || !d.usable!.has(member))) valid = false;
  }
  if (valid && h.closed && used < values.size) valid = false;
  return h.negated ? !valid : valid;
}

/** Verdicts on typed members' simple values, by typed domain element, then text: a value met again costs a lookup (no key built). */
type TypedVerdicts = Map<string, Map<string, string | undefined>>;

/**
 * Why a typed member's content (its one element, already the typed domain's) is not valid for the element's
 * declared type, or undefined: nil only when nillable; element content only where the type has it, with
 * child elements its particles name; a simple value in its type's lexical and value space, facets met.
 */
function typedContentIssue(
  decl: Concept | undefined,
  t: NonNullable<DimValue['typed']>,
  verdicts: TypedVerdicts,
): string | undefined {
  if (!decl) return undefined;
  if (t.nil) return decl.nillable ? undefined : 'content (the element is not nillable), found xsi:nil';
  const ec = decl.elementContent;
  if (ec) {
    if (!t.children)
      return !ec.mixed && t.text !== '' ? `element content (${ec.elements.join(', ')}), found text` : undefined;
    if (ec.any) return undefined;
    const local = (n: string) => n.slice(n.indexOf('}') + 1);
    const stray = t.children.filter((n) => !ec.elements.includes(n) && !ec.elements.includes(local(n)));
    return stray.length
      ? `only ${ec.elements.join(', ') || 'no elements'} as child elements, found ${stray.join(', ')}`
      : undefined;
  }
  if (t.children) return `a simple value (${decl.type || 'its type'}), found child elements ${t.children.join(', ')}`;
  let byText = verdicts.get(decl.name);
  if (!byText) verdicts.set(decl.name, (byText = new Map()));
  if (byText.has(t.text)) return byText.get(t.text);
  const issue = simpleValueIssue(decl, t.text);
  const verdict = issue && `${issue} (${decl.type || 'its type'}), found "${t.text}"`;
  byText.set(t.text, verdict);
  return verdict;
}

/** The typed member's content against the typed domain: one element, that element, valid for its type (§3.1.4.4.3). */
function checkTyped(
  ctx: RuleContext,
  c: InstanceContext,
  v: DimValue,
  expected: Clark | undefined,
  verdicts: TypedVerdicts,
): Diagnostic | undefined {
  const els = v.typed!.elements;
  const at = { source: v.source, contexts: [c.id] };
  if (els.length !== 1 || (expected !== undefined && els[0] !== expected))
    return diag(
      'xbrldie:IllegalTypedDimensionContentError',
      'error',
      `Context ${c.id}: typed member of ${v.dimension} must be one ${expected ?? 'element'}.`,
      { ...at, expected: expected ?? 'one element', actual: els.join(', ') || 'no element' },
    );
  const issue = expected === undefined ? undefined : typedContentIssue(ctx.concept(expected), v.typed!, verdicts);
  if (!issue) return undefined;
  return diag(
    'xbrldie:IllegalTypedDimensionContentError',
    'error',
    `Context ${c.id}: typed member of ${v.dimension} is not a valid ${expected}: expected ${issue}.`,
    { ...at, expected: issue.replace(/, found [\s\S]*$/, ''), actual: v.typed!.text },
  );
}

/** The rules on a context's own members (§3.1.4): kind of dimension, declared members, defaults not written, no repeats, typed content. */
function checkContext(
  ctx: RuleContext,
  drs: Drs,
  c: InstanceContext,
  verdicts: TypedVerdicts,
  out: Diagnostic[],
): void {
  const list = c.dimValues ?? [];
  // Note: the usual context has a few members, compared in place; a long list gets a set (a 50-dimension context stays linear).
  const seen = list.length > 8 ? new Set<Clark>() : undefined;
  for (let i = 0; i < list.length; i++) {
    const v = list[i];
    if (seen ? seen.has(v.dimension) : repeated(list, i))
      out.push(
        diag(
          'xbrldie:RepeatedDimensionInInstanceError',
          'error',
          `Context ${c.id}: dimension ${v.dimension} is given more than once.`,
          at(v, c),
        ),
      );
    seen?.add(v.dimension);
    const dim = ctx.concept(v.dimension);
    if (!isDimension(dim) || isTypedDimension(dim) !== !!v.typed) {
      const typed = !!v.typed;
      out.push(
        diag(
          typed ? 'xbrldie:TypedMemberNotTypedDimensionError' : 'xbrldie:ExplicitMemberNotExplicitDimensionError',
          'error',
          `Context ${c.id}: ${typed ? 'typed' : 'explicit'} member for ${v.dimension}, which is not ${typed ? 'a typed' : 'an explicit'} dimension of the DTS.`,
          at(v, c),
        ),
      );
    } else if (v.typed) {
      const bad = checkTyped(ctx, c, v, dim!.typedDomain, verdicts);
      if (bad) out.push(bad);
    }
    if (v.typed) continue;
    if (v.explicit === undefined || !ctx.concept(v.explicit))
      out.push(
        diag(
          'xbrldie:ExplicitMemberUndefinedQNameError',
          'error',
          `Context ${c.id}: member "${v.written}" of ${v.dimension} is not the QName of an element declared in the DTS.`,
          at(v, c),
        ),
      );
    else if (drs.defaults.get(v.dimension) === v.explicit)
      out.push(
        diag(
          'xbrldie:DefaultValueUsedInInstanceError',
          'error',
          `Context ${c.id}: ${v.explicit} is the default member of ${v.dimension} and must not be written in a context.`,
          at(v, c),
        ),
      );
  }
}

/** Where a member's finding points: the member, its context. */
const at = (v: DimValue, c: InstanceContext) => ({ source: v.source, contexts: [c.id] });

/** Whether the member at i names a dimension an earlier member of the list names. */
function repeated(list: readonly DimValue[], i: number): boolean {
  for (let k = 0; k < i; k++) if (list[k].dimension === list[i].dimension) return true;
  return false;
}
