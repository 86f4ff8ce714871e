import Decimal from 'decimal.js';
import {
  NS,
  diag,
  type Diagnostic,
  type DimValue,
  type Fact,
  type InstanceContext,
  type Period,
  type Unit,
} from '../model';
import { isCanonicalInteger, readAccuracy } from './lexical';
import { childElements, deepText, firstChild, resolveQName, type XElement } from '../xml/read-xml';
import { ownString } from '../util/own-string';

/**
 * Reading the XBRL 2.1 vocabulary shared by the instance readers (XBRL 2.1 XML and Inline XBRL's
 * ix:resources): contexts, units, and the aspects they give the facts that reference them.
 */
const X = (local: string) => `{${NS.xbrli}}${local}`;
/** The element names read here, built once (the readers compare them for every context). */
const XN = Object.freeze({
  instant: X('instant'),
  startDate: X('startDate'),
  endDate: X('endDate'),
  forever: X('forever'),
  entity: X('entity'),
  identifier: X('identifier'),
  period: X('period'),
  segment: X('segment'),
  scenario: X('scenario'),
  measure: X('measure'),
  divide: X('divide'),
  unitNumerator: X('unitNumerator'),
  unitDenominator: X('unitDenominator'),
});

const EXPLICIT_MEMBER = `{${NS.xbrldi}}explicitMember`;
const TYPED_MEMBER = `{${NS.xbrldi}}typedMember`;
const XSI_NIL = `{${NS.xsi}}nil`;
const hasAttributes = (e: XElement) => {
  for (const _ in e.attrs) return true;
  return false;
};

/** A value as s-equality compares it: numbers (and booleans) by value, NaN equal to nothing (a fresh token each), other text exactly. */
function sEqualValue(v: string, nan: { n: number }): string {
  const t = v.trim();
  if (t === 'NaN') return `NaN${nan.n++}`;
  if (t === 'INF' || t === '+INF' || t === '-INF') return t.replace('+', '');
  const b = t === 'true' ? '1' : t === 'false' ? '0' : t;
  if (isCanonicalInteger(b)) return `#${b}`; // what decimal.js would print for it, without building one
  if (/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(b)) return `#${new Decimal(b).toFixed()}`;
  return JSON.stringify(v);
}

/**
 * Canonical form of segment/scenario content for s-equality (XBRL 2.1 §4.10): names, attributes in
 * any order, values, structure. Iterative (an explicit stack, elements in document order): the
 * input decides the depth, never the call stack.
 */
export function sEqualForm(root: XElement, nan: { n: number } = { n: 0 }): string {
  const out: string[] = [];
  const stack: (XElement | null)[] = [root]; // null: the end of the element opened last
  while (stack.length) {
    const e = stack.pop();
    if (!e) {
      out.push('</>');
      continue;
    }
    const attrs = Object.keys(e.attrs)
      .sort()
      .map((k) => `${k}=${sEqualValue(e.attrs[k], nan)}`)
      .join(' ');
    out.push('<', e.name, attrs ? ` ${attrs}` : '', '>');
    if (!e.children.length) {
      out.push(sEqualValue(e.text, nan), '</>');
      continue;
    }
    stack.push(null);
    for (let i = e.children.length - 1; i >= 0; i--) stack.push(e.children[i]);
  }
  return out.join('');
}

/** Every element's name (and a leaf's text) in document order, three entries each; iterative. */
function collectNames(root: XElement, into: string[], where: string, intern: (s: string) => string): void {
  const stack = [root];
  while (stack.length) {
    const e = stack.pop() as XElement;
    into.push(where, intern(e.name), e.children.length ? '' : intern(e.text));
    for (let i = e.children.length - 1; i >= 0; i--) stack.push(e.children[i]);
  }
}

/** What reading segment/scenario content keeps for one document: NaN tokens and interned strings. */
export interface ContentState {
  nan: { n: number };
  intern: (s: string) => string;
  /** The key of non-dimensional content: `segment:0000:{ns}name`, one string per container, position and name. */
  memberKey: (container: string, position: number, name: string) => string;
  /** A dimension attribute as written, resolved in a namespace scope (`resolveQName`, no default namespace) and interned; undefined when its prefix is not declared. */
  dimension: (written: string, nsMap: Record<string, string>) => string | undefined;
  /** An explicit member's text: trimmed (`written`) and, when it is a QName whose prefix is declared, resolved with the default namespace; both interned. */
  member: (text: string, nsMap: Record<string, string>) => { explicit: string | undefined; written: string };
  /** The entity of a scheme and identifier (as written, identifier trimmed), one object for contexts of the same entity. */
  entity: (scheme: string, identifier: string) => { scheme: string; identifier: string };
}

const QNAME_LEXICAL = /^[^\s:]+(:[^\s:]+)?$/;

export function contentState(): ContentState {
  const strings = new Map<string, string>();
  // Each distinct string is kept as its own copy, not as a view into the document text (see ownString).
  const intern = (x: string) => {
    const y = strings.get(x);
    if (y !== undefined) return y;
    const own = ownString(x);
    strings.set(own, own);
    return own;
  };
  // Note: keyed by the element name (one string per name from the readers), then container and position, so that no key is built twice.
  const keys = new Map<string, Map<string, string[]>>();
  const memberKey = (container: string, position: number, name: string) => {
    let byContainer = keys.get(name);
    if (!byContainer) {
      byContainer = new Map();
      keys.set(name, byContainer);
    }
    let byPosition = byContainer.get(container);
    if (!byPosition) {
      byPosition = [];
      byContainer.set(container, byPosition);
    }
    return (byPosition[position] ??= intern(`${container}:${String(position).padStart(4, '0')}:${name}`));
  };
  // Note: most members share one namespace scope (the root's); resolutions are kept per scope, so a context costs a
  // lookup per member in a small table instead of building and interning its names again. The tables are keyed
  // weakly by the scope's map: a scope (whose prefixes and URIs may be views into the document text) never
  // outlives the read through them, and neither does the text.
  type Scoped = {
    dims: Map<string, string | null>;
    members: Map<string, { explicit: string | undefined; written: string }>;
  };
  const byScope = new WeakMap<Record<string, string>, Scoped>();
  const scoped = (nsMap: Record<string, string>): Scoped => {
    let t = byScope.get(nsMap);
    if (t === undefined) byScope.set(nsMap, (t = { dims: new Map(), members: new Map() }));
    return t;
  };
  const dimension = (written: string, nsMap: Record<string, string>) => {
    const { dims } = scoped(nsMap);
    let r = dims.get(written);
    if (r === undefined) {
      const resolved = resolveQName(written, nsMap, false);
      r = resolved === undefined ? null : intern(resolved);
      if (dims.size < 10_000) dims.set(ownString(written), r); // bounded, whatever the input
    }
    return r ?? undefined;
  };
  const member = (text: string, nsMap: Record<string, string>) => {
    const { members } = scoped(nsMap);
    let r = members.get(text);
    if (r === undefined) {
      const written = text.trim();
      const explicit = QNAME_LEXICAL.test(written) ? resolveQName(written, nsMap) : undefined;
      r = { explicit: explicit && intern(explicit), written: intern(written) };
      if (members.size < 10_000) members.set(ownString(text), r);
    }
    return r;
  };
  // Note: bounded (a filing has a few entities; a synthetic instance may give each context its own, then only the first are shared).
  const entities = new Map<string, { scheme: string; identifier: string }>();
  const entity = (scheme: string, identifier: string) => {
    const known = entities.get(identifier);
    if (known !== undefined && known.scheme === scheme) return known;
    const made = {
      scheme: intern(scheme),
      identifier: entities.size < 1000 ? intern(identifier) : ownString(identifier),
    };
    if (known === undefined && entities.size < 1000) entities.set(made.identifier, made);
    return made;
  };
  return { nan: { n: 0 }, intern, memberKey, dimension, member, entity };
}

function readPeriod(per: XElement): Period | undefined {
  const inst = firstChild(per, XN.instant);
  const s = firstChild(per, XN.startDate);
  const en = firstChild(per, XN.endDate);
  if (inst) return { type: 'instant', instant: inst.text.trim() };
  if (s && en) return { type: 'duration', start: s.text.trim(), end: en.text.trim() };
  if (firstChild(per, XN.forever)) return { type: 'forever' };
  return undefined;
}

/**
 * An `xbrli:context` element → the context's aspects (problems go to `diagnostics`). Shared by the
 * XBRL 2.1 XML reader and Inline XBRL's `ix:resources`, so both compare contexts the same way.
 */
export function contextFromElement(
  e: XElement,
  file: string,
  diagnostics: Diagnostic[],
  state: ContentState = contentState(),
): InstanceContext {
  const id = ownString(e.attrs.id ?? '');
  const at = (x: XElement) => ({ file, line: x.line, column: x.column });
  if (e.attrs.id === undefined)
    diagnostics.push(
      diag('xmlSchema:attributesRequired', 'error', 'A context without an id: no fact can refer to it.', {
        source: at(e),
        expected: 'id="…"',
      }),
    );
  const ent = firstChild(e, XN.entity);
  const ident = ent && firstChild(ent, XN.identifier);
  const per = firstChild(e, XN.period);
  const period = per && readPeriod(per);
  const {
    dimensions,
    nonDimensional,
    content,
    dimValues: grown,
    otherContent,
  } = readDimensions(id, [ent && firstChild(ent, XN.segment), firstChild(e, XN.scenario)], file, diagnostics, state);
  if (!ident || !ident.attrs.scheme)
    diagnostics.push(
      diag('xbrl.4.7.1:entityIdentifier', 'error', `Context ${id} has no entity identifier with a scheme.`, {
        source: at(e),
      }),
    );
  if (!period)
    diagnostics.push(
      diag('xbrl.4.7.2:contextPeriod', 'error', `Context ${id} has no valid period.`, { source: at(e) }),
    );
  const entity = state.entity(ident?.attrs.scheme ?? '', (ident?.text ?? '').trim());
  const line = e.line;
  const dimValues = grown.slice();
  // (copies of the lists, exactly their length: a list grown by push keeps room for 17 entries)
  const kept = content.length ? content.slice() : undefined;
  // Note: one literal per case, so that every property is held in the object itself (one object fewer per context).
  if (dimValues.length === 0 && !nonDimensional)
    return { id, entity, period, dimensions, nonDimensional, line, content: kept };
  if (!nonDimensional) return { id, entity, period, dimensions, nonDimensional, line, content: kept, dimValues };
  if (dimValues.length === 0)
    return { id, entity, period, dimensions, nonDimensional, line, content: kept, otherContent };
  return { id, entity, period, dimensions, nonDimensional, line, content: kept, dimValues, otherContent };
}

/**
 * Segment and scenario content: dimension members by dimension, other content keyed by container,
 * position and element with its s-equal form as value; `content` lists the other content's names for the rules.
 */
function readDimensions(
  id: string,
  containers: (XElement | undefined)[],
  file: string,
  diagnostics: Diagnostic[],
  state: ContentState,
) {
  const dimensions: Record<string, string> = {};
  let nonDimensional = false;
  const content: string[] = [];
  const dimValues: DimValue[] = [];
  const otherContent = { segment: 0, scenario: 0 };
  const { nan, intern } = state;
  for (const container of containers) {
    if (!container) continue;
    const where = container.local === 'segment' ? 'segment' : 'scenario';
    let position = 0;
    if (container.children.length === 0) {
      diagnostics.push(
        diag(
          container.local === 'segment' ? 'xbrl.4.7.3.2:segmentEmpty' : 'xbrl.4.7.4:scenarioEmpty',
          'error',
          `Empty ${container.local} in context ${id}.`,
          { source: { file, line: container.line, column: container.column } },
        ),
      );
    }
    for (const m of container.children) {
      if (m.name === EXPLICIT_MEMBER || m.name === TYPED_MEMBER) {
        const dimensionOk = state.dimension(m.attrs.dimension ?? '', m.nsMap) !== undefined;
        const v = dimValue(m, where, file, state);
        dimValues.push(v);
        // (explicit and written are interned already)
        dimensions[v.dimension] = v.typed ? intern(typedKey(m, nan)) : (v.explicit ?? v.written);
        if (!dimensionOk || (m.name === EXPLICIT_MEMBER && !v.explicit))
          diagnostics.push(
            diag(
              'xmlSchema:valueError',
              'error',
              `Context ${id}: ${m.local} ${dimensionOk ? `member "${m.text.trim()}"` : `dimension "${m.attrs.dimension ?? ''}"`} is not a QName whose prefix is declared.`,
              {
                source: { file, line: m.line, column: m.column },
                expected: 'prefix:localName with the prefix in scope',
              },
            ),
          );
      } else {
        nonDimensional = true;
        otherContent[where]++;
        // The key names the element; a plain leaf's value alone is its form (the usual case, kept short).
        const plain = m.children.length === 0 && !hasAttributes(m);
        dimensions[state.memberKey(container.local, position, m.name)] = intern(
          plain ? sEqualValue(m.text, nan) : sEqualForm(m, nan),
        );
        collectNames(m, content, container.local === 'segment' ? 'segment ' : 'scenario ', intern);
      }
      position++;
    }
  }
  return { dimensions, nonDimensional, content, dimValues, otherContent };
}

/** One xbrldi:explicitMember or typedMember → its DimValue (names resolved; unresolvable QNames kept as written). */
function dimValue(m: XElement, container: DimValue['container'], file: string, state: ContentState): DimValue {
  const { intern } = state;
  const written = m.attrs.dimension ?? '';
  const dimension = state.dimension(written, m.nsMap) ?? intern(written.trim());
  const source = { file, line: m.line, column: m.column };
  if (m.name === EXPLICIT_MEMBER) {
    const member = state.member(m.text, m.nsMap);
    return { dimension, container, explicit: member.explicit, written: member.written, source };
  }
  const elements = m.children.map((c) => intern(c.name));
  const only = m.children.length === 1 ? m.children[0] : undefined;
  const text = only ? deepText(only).trim() : deepText(m).trim();
  const typed: NonNullable<DimValue['typed']> = { elements, text: intern(text) };
  if (only?.children.length) typed.children = only.children.map((c) => intern(c.name));
  const nil = only?.attrs[XSI_NIL];
  if (nil === 'true' || nil === '1') typed.nil = true;
  return { dimension, container, typed, written: typed.text, source };
}

/**
 * A typed member's value as facts carry it: its text when it is one simple element, and, so that members of
 * two different elements with the same text differ, the element's name before it (`{ns}name=text`); nested
 * or attributed content in its s-equal form.
 */
function typedKey(m: XElement, nan: { n: number }): string {
  const only = m.children.length === 1 ? m.children[0] : undefined;
  if (only && only.children.length === 0 && !hasAttributes(only)) return `${only.name}=${only.text.trim()}`;
  return m.children.map((c) => sEqualForm(c, nan)).join('');
}

function measures(parent: XElement | undefined): string[] {
  if (!parent) return [];
  return childElements(parent, XN.measure)
    .map((m) => ownString(resolveQName(m.text, m.nsMap, true) ?? `{?}${m.text.trim()}`))
    .sort();
}

/** An `xbrli:unit` element → its measures (Clark names, sorted). */
export function unitFromElement(e: XElement): Unit & { line: number } {
  const div = firstChild(e, XN.divide);
  return div
    ? {
        numerators: measures(firstChild(div, XN.unitNumerator)),
        denominators: measures(firstChild(div, XN.unitDenominator)),
        line: e.line,
      }
    : { numerators: measures(e), denominators: [], line: e.line };
}

/**
 * Puts each fact's context and unit aspects on the fact (entity, period, dimensions, unit) and
 * parses decimals/precision (`rawDecimals`/`rawPrecision`, checked later by the rules).
 * Facts of one unit share one unit object (less memory; keys are cached per object).
 */
export function resolveFactAspects(
  facts: Fact[],
  contexts: Map<string, InstanceContext>,
  units: Map<string, Unit & { line: number }>,
): void {
  const shared = new Map<string, Unit>();
  const sharedUnit = (id: string, u: Unit) => {
    let x = shared.get(id);
    if (!x) {
      x = { numerators: u.numerators, denominators: u.denominators };
      shared.set(id, x);
    }
    return x;
  };
  for (const f of facts as (Fact & { rawDecimals?: string; rawPrecision?: string })[]) {
    const c = f.contextId !== undefined ? contexts.get(f.contextId) : undefined;
    if (c) {
      f.entity = c.entity;
      if (c.period) f.period = c.period;
      if (Object.keys(c.dimensions).length) f.dimensions = c.dimensions;
    }
    const u = f.unitId !== undefined ? units.get(f.unitId) : undefined;
    if (u) f.unit = sharedUnit(f.unitId as string, u);
    // The reader checked them (an invalid one is NaN after its coded error): read as the one lexical check reads them.
    if (f.rawDecimals !== undefined) f.decimals = readAccuracy('decimals', f.rawDecimals).value;
    if (f.rawPrecision !== undefined) f.precision = readAccuracy('precision', f.rawPrecision).value;
  }
}
