import fs from 'node:fs';
import Decimal from 'decimal.js';
import path from 'node:path';
import { NS, diag, type SchemaDefaults, type Diagnostic, type Fact, type Footnote, type InstanceContext, type Period, type Report, type Unit } from '../model';

export type { InstanceContext };
import { scanXml } from '../xml/scan-xml';
import { TreeBuilder, childElements, deepText, fileChunks, firstChild, resolveQName, streamXml, XML_CODES, type XElement } from '../xml/read-xml';

export interface ReadOptions {
  /** Refuse files larger than this many bytes (default 512 MiB, about 3M facts), so memory stays bounded. */
  maxBytes?: number;
  /** `auto` (default): the fast scanner, falling back to saxes; `saxes`: always the streaming parser. */
  parser?: 'auto' | 'saxes';
  /** Schema defaulting from the DTS (element and attribute defaults), applied as a schema validator would. */
  defaults?: SchemaDefaults;
}


export interface ReadResult {
  report?: Report;
  contexts: Map<string, InstanceContext>;
  units: Map<string, Unit & { line: number }>;
  diagnostics: Diagnostic[];
  /** hrefs of the instance's linkbaseRefs (part of its DTS). */
  linkbaseRefs?: string[];
}

const X = (local: string) => `{${NS.xbrli}}${local}`;
const L = (local: string) => `{${NS.link}}${local}`;
const XL = (local: string) => `{${NS.xlink}}${local}`;
const XSI_NIL = `{${NS.xsi}}nil`;
const XML_LANG = `{${NS.xml}}lang`;
const FACT_FOOTNOTE = 'http://www.xbrl.org/2003/arcrole/fact-footnote';
const STANDARD_ATTR_NS = [NS.xbrli, NS.link, NS.xlink, NS.xsi, NS.xml].map((ns) => `{${ns}}`);

/**
 * Reads an XBRL 2.1 instance into the OIM-shaped `Report`, streaming: each top-level element
 * (context, unit, fact, footnote link) is built, turned into model data and dropped, so a
 * 100 MB instance is never held as one tree.
 */
export function fromXbrlXml(path: string, file = path, options: ReadOptions = {}): ReadResult {
  const out: ReadResult = { contexts: new Map(), units: new Map(), diagnostics: [] };
  const diagnostics = out.diagnostics;
  let size: number;
  try { size = fs.statSync(path).size; } catch (e) {
    diagnostics.push(diag(XML_CODES.notFound, 'error', `Cannot read ${file}: ${(e as NodeJS.ErrnoException).code}.`, { source: { file, line: 1, column: 1 } }));
    return out;
  }
  const max = options.maxBytes ?? 512 * 2 ** 20;
  if (size > max) {
    diagnostics.push(diag(XML_CODES.tooLarge, 'error', `${file} is ${size} bytes; the limit is ${max} (option maxBytes).`, { source: { file, line: 1, column: 1 } }));
    return out;
  }
  // Fast path for ordinary instances up to 512 MiB; saxes for the rest and for anything it declines.
  if (size <= 512 * 2 ** 20 && options.parser !== 'saxes') {
    const text = fs.readFileSync(path, 'utf8');
    const fast = readWith(file, (onRoot, onChild) => (scanXml(text, onRoot, onChild) ? [] : undefined), options.defaults);
    if (fast) return fast;
  }
  return readWith(file, (onRoot, onChild) => {
    const builder = new TreeBuilder(false, onChild);
    let rootSeen = false;
    return streamXml(fileChunks(path), file, {
      opentag: (tag, line, column, nsMap) => {
        builder.opentag(tag, line, column, nsMap);
        if (!rootSeen) { rootSeen = true; onRoot(builder.root as XElement); }
      },
      text: (t) => builder.text(t),
      closetag: () => builder.closetag(),
    });
  }, options.defaults) as ReadResult;
}

const FAKE = 'file:///xml-base/a/b/c/d/';

/** Fills in schema defaults: absent attributes that have a default, and empty simple content that has one. */
function applyDefaults(e: XElement, d: SchemaDefaults): void {
  const attrs = d.attributes.get(e.name);
  if (attrs) for (const [k, v] of Object.entries(attrs)) if (e.attrs[k] === undefined) e.attrs[k] = v;
  const v = d.values.get(e.name);
  const nil = e.attrs[`{${NS.xsi}}nil`] === 'true' || e.attrs[`{${NS.xsi}}nil`] === '1';
  if (v !== undefined && !nil && e.children.length === 0 && e.text.trim() === '') e.text = v;
  for (const c of e.children) applyDefaults(c, d);
}

/** A value as s-equality compares it: numbers (and booleans) by value, NaN equal to nothing (a fresh token each), other text exactly. */
function sEqualValue(v: string, nan: { n: number }): string {
  const t = v.trim();
  if (t === 'NaN') return `NaN${nan.n++}`;
  if (t === 'INF' || t === '+INF' || t === '-INF') return t.replace('+', '');
  const b = t === 'true' ? '1' : t === 'false' ? '0' : t;
  if (/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(b)) return `#${new Decimal(b).toFixed()}`;
  return JSON.stringify(v);
}

/** Canonical form of segment/scenario content for s-equality (XBRL 2.1 §4.10): names, attributes in any order, values, structure. */
export function sEqualForm(e: XElement, nan: { n: number } = { n: 0 }): string {
  const attrs = Object.keys(e.attrs).sort().map((k) => `${k}=${sEqualValue(e.attrs[k], nan)}`).join(' ');
  const body = e.children.length ? e.children.map((c) => sEqualForm(c, nan)).join('') : sEqualValue(e.text, nan);
  return ['<', e.name, attrs ? ` ${attrs}` : '', '>', body, '</>'].join('');
}

function collectNames(e: XElement, into: string[], where: string, intern: (s: string) => string): void {
  into.push(where, intern(e.name), e.children.length ? '' : e.text);
  for (const c of e.children) collectNames(c, into, where, intern);
}

/** Applies `xml:base` values (outermost first) to an href, keeping a relative result relative to the instance. */
export function withBase(href: string, bases: (string | undefined)[]): string {
  if (bases.every((b) => b === undefined)) return href;
  try {
    let base = FAKE;
    for (const b of bases) if (b !== undefined) base = new URL(b, base).href;
    const abs = new URL(href.trim(), base).href;
    if (!abs.startsWith('file:///xml-base/')) return abs;
    return path.posix.relative('/xml-base/a/b/c/d', new URL(abs).pathname);
  } catch {
    return href;
  }
}

type Feed = (onRoot: (e: XElement) => void, onChild: (e: XElement) => void) => Diagnostic[] | undefined;

/** Builds the report from a stream of top-level elements; undefined when the feed declines the document. */
function readWith(file: string, feed: Feed, defaults?: SchemaDefaults): ReadResult | undefined {
  const diagnostics: Diagnostic[] = [];
  const contexts = new Map<string, InstanceContext>();
  const units = new Map<string, Unit & { line: number }>();
  const out: ReadResult = { contexts, units, diagnostics };
  const facts: Fact[] = [];
  const footnotes: Footnote[] = [];
  const taxonomy: string[] = [];
  const ids = new Map<string, number>();
  const links: { href: string; to: string; source: { file: string; line: number; column: number } }[] = [];
  const footnoteIds = new Set<string>();
  const nan = { n: 0 };
  // Contexts repeat the same segment/scenario keys and values: one flat string each.
  const strings = new Map<string, string>();
  const intern = (x: string): string => { const y = strings.get(x); if (y !== undefined) return y; strings.set(x, x); return x; };
  const at = (e: XElement) => ({ file, line: e.line, column: e.column });
  const noteId = (id: string, e: XElement) => {
    const prev = ids.get(id);
    if (prev !== undefined) diagnostics.push(diag('xmlSchema:duplicateId', 'error', `id "${id}" is used twice (first on line ${prev}).`, { source: at(e), related: [{ file, line: prev, column: 1 }] }));
    else ids.set(id, e.line);
  };

  const refUris = new Set<string>();
  const onChild = (e: XElement) => {
    if (defaults) applyDefaults(e, defaults);
    if (e.name === L('roleRef') || e.name === L('arcroleRef')) {
      const role = e.local === 'roleRef';
      const uri = e.attrs[role ? 'roleURI' : 'arcroleURI'] ?? '';
      const k = `${e.local} ${uri}`;
      if (refUris.has(k)) diagnostics.push(diag(role ? 'xbrl.3.5.2.4.5:roleRefDuplicate' : 'xbrl.3.5.2.5.5:arcroleRefDuplicate', 'error', `${e.local} ${uri} appears twice in the instance.`, { source: at(e) }));
      refUris.add(k);
      return;
    }
    if (e.name === L('linkbaseRef')) {
      const href = e.attrs[XL('href')];
      if (href) (out.linkbaseRefs ??= []).push(withBase(href, [rootBase, e.attrs[`{${NS.xml}}base`]]));
      return;
    }
    if (e.name === L('schemaRef')) {
      const href = e.attrs[XL('href')];
      if (href) taxonomy.push(withBase(href, [rootBase, e.attrs[`{${NS.xml}}base`]]));
      else diagnostics.push(diag('xbrl.4.2.2:schemaRefHref', 'error', 'schemaRef without xlink:href.', { source: at(e) }));
      return;
    }
    if (e.name === X('context')) return readContext(e);
    if (e.name === X('unit')) return readUnit(e);
    if (e.name === L('footnoteLink')) return readFootnoteLink(e);
    if (e.ns === NS.link || e.ns === NS.xbrli) return;
    readFact(e);
  };

  function readContext(e: XElement) {
    const id = e.attrs.id ?? '';
    noteId(id, e);
    const ent = firstChild(e, X('entity'));
    const ident = ent && firstChild(ent, X('identifier'));
    const per = firstChild(e, X('period'));
    let period: Period | undefined;
    if (per) {
      const inst = firstChild(per, X('instant'));
      const s = firstChild(per, X('startDate'));
      const en = firstChild(per, X('endDate'));
      if (inst) period = { type: 'instant', instant: inst.text.trim() };
      else if (s && en) period = { type: 'duration', start: s.text.trim(), end: en.text.trim() };
      else if (firstChild(per, X('forever'))) period = { type: 'forever' };
    }
    const dimensions: Record<string, string> = {};
    let nonDimensional = false;
    const content: string[] = [];
    for (const container of [ent && firstChild(ent, X('segment')), firstChild(e, X('scenario'))]) {
      if (!container) continue;
      let position = 0;
      if (container.children.length === 0) {
        diagnostics.push(diag(container.local === 'segment' ? 'xbrl.4.7.3.2:segmentEmpty' : 'xbrl.4.7.4:scenarioEmpty', 'error', `Empty ${container.local} in context ${id}.`, { source: at(container) }));
      }
      for (const m of container.children) {
        if (m.name === `{${NS.xbrldi}}explicitMember`) {
          const dim = resolveQName(m.attrs.dimension ?? '', m.nsMap, false) ?? m.attrs.dimension;
          dimensions[dim] = resolveQName(m.text, m.nsMap) ?? m.text.trim();
        } else if (m.name === `{${NS.xbrldi}}typedMember`) {
          const dim = resolveQName(m.attrs.dimension ?? '', m.nsMap, false) ?? m.attrs.dimension;
          dimensions[dim] = deepText(m).trim();
        } else {
          nonDimensional = true;
          // The key names the element; a plain leaf's value alone is its form (the usual case, kept short).
          const plain = m.children.length === 0 && Object.keys(m.attrs).length === 0;
          dimensions[intern(`${container.local}:${String(position).padStart(4, '0')}:${m.name}`)] = intern(plain ? sEqualValue(m.text, nan) : sEqualForm(m, nan));
          collectNames(m, content, container.local === 'segment' ? 'segment ' : 'scenario ', intern);
        }
        position++;
      }
    }
    if (!ident || !ident.attrs.scheme) diagnostics.push(diag('xbrl.4.7.1:entityIdentifier', 'error', `Context ${id} has no entity identifier with a scheme.`, { source: at(e) }));
    if (!period) diagnostics.push(diag('xbrl.4.7.2:contextPeriod', 'error', `Context ${id} has no valid period.`, { source: at(e) }));
    contexts.set(id, { id, entity: { scheme: ident?.attrs.scheme ?? '', identifier: (ident?.text ?? '').trim() }, period, dimensions, nonDimensional, line: e.line, content: content.length ? content : undefined });
  }

  function measures(parent: XElement | undefined): string[] {
    if (!parent) return [];
    return childElements(parent, X('measure')).map((m) => resolveQName(m.text, m.nsMap, true) ?? `{?}${m.text.trim()}`).sort();
  }

  function readUnit(e: XElement) {
    const id = e.attrs.id ?? '';
    noteId(id, e);
    const div = firstChild(e, X('divide'));
    const u = div
      ? { numerators: measures(firstChild(div, X('unitNumerator'))), denominators: measures(firstChild(div, X('unitDenominator'))), line: e.line }
      : { numerators: measures(e), denominators: [], line: e.line };
    units.set(id, u);
  }

  function readFootnoteLink(e: XElement) {
    // Labels are local to one extended link (XLink): resolve every arc within its own link.
    const locs = new Map<string, XElement>();
    const notes = new Map<string, string>();
    const arcs: XElement[] = [];
    for (const c of e.children) {
      const label = c.attrs[XL('label')] ?? '';
      if (c.attrs[XL('type')] === 'locator') {
        locs.set(label, c);
        const href = c.attrs[XL('href')] ?? '';
        const doc = href.slice(0, Math.max(0, href.indexOf('#')));
        if (doc && path.basename(doc) !== path.basename(file)) diagnostics.push(diag('xbrl.4.11.1.1:instanceLoc', 'error', `Footnote locator ${href} must point at a fact of this instance.`, { source: at(c) }));
      } else if (c.name === L('footnote')) {
        const id = footnoteIds.has(label) ? `${label}@${c.line}` : label;
        footnoteIds.add(id);
        notes.set(label, id);
        footnotes.push({ id, language: c.attrs[XML_LANG] ?? '', text: deepText(c).trim(), role: c.attrs[XL('role')], source: at(c) });
        if (!c.attrs[XML_LANG]) diagnostics.push(diag('xbrl.4.11.1.2.1:footnoteLang', 'error', 'Footnote without xml:lang.', { source: at(c) }));
      } else if (c.attrs[XL('type')] === 'arc') arcs.push(c);
    }
    const pairs = new Set<string>();
    for (const arc of arcs) {
      const from = arc.attrs[XL('from')] ?? '';
      const to = arc.attrs[XL('to')] ?? '';
      if (pairs.has(`${from}\u0000${to}`)) diagnostics.push(diag('xlink:dupArcs', 'error', `Two arcs from "${from}" to "${to}" in one footnote link.`, { source: at(arc) }));
      pairs.add(`${from}\u0000${to}`);
      if (!locs.has(from) && !notes.has(from)) diagnostics.push(diag('xbrl.3.5.3.9.2:arcResource', 'error', `Arc from "${from}": no locator or footnote with that label in this link.`, { source: at(arc) }));
      if (!locs.has(to) && !notes.has(to)) diagnostics.push(diag('xbrl.3.5.3.9.3:arcResource', 'error', `Arc to "${to}": no locator or footnote with that label in this link.`, { source: at(arc) }));
      if (arc.name !== L('footnoteArc') || arc.attrs[XL('arcrole')] !== FACT_FOOTNOTE) continue;
      if (!locs.has(from)) { diagnostics.push(diag('xbrl.4.11.1.3.1:factFootnoteArcFrom', 'error', `fact-footnote arc from "${from}": not a locator of a fact.`, { source: at(arc) })); continue; }
      const note = notes.get(to);
      if (note === undefined) { diagnostics.push(diag('xbrl.4.11.1.3.1:factFootnoteArcTo', 'error', `fact-footnote arc to "${to}": not a footnote.`, { source: at(arc) })); continue; }
      links.push({ href: locs.get(from)!.attrs[XL('href')] ?? '', to: note, source: at(arc) });
    }
  }

  function readFact(e: XElement, parent?: string) {
    if (e.attrs.id) noteId(e.attrs.id, e);
    const nil = e.attrs[XSI_NIL] === 'true' || e.attrs[XSI_NIL] === '1';
    const f: Fact & { rawDecimals?: string; rawPrecision?: string; nil?: boolean; tuple?: boolean } = {
      id: e.attrs.id ?? `line${e.line}`,
      concept: e.name,
      entity: { scheme: '', identifier: '' },
      period: { type: 'forever' },
      value: nil ? null : e.text.trim(),
      contextId: e.attrs.contextRef,
      unitId: e.attrs.unitRef,
      source: at(e),
    };
    if (parent) f.tupleParent = parent;
    for (const k in e.attrs) {
      if (k.charCodeAt(0) !== 123 /* { */ || STANDARD_ATTR_NS.some((ns) => k.startsWith(ns))) continue;
      (f.attributes ??= {})[k] = e.attrs[k];
    }
    if (e.children.length) {
      // A tuple: its own entry carries no value; its items and tuples are facts scoped to it.
      f.tuple = true;
      f.value = null;
      const reserved = Object.keys(e.attrs).filter((a) => a.startsWith(`{${NS.xbrli}}`) || a.startsWith(`{${NS.link}}`) || a.startsWith(`{${NS.xlink}}`));
      if (reserved.length) diagnostics.push(diag('xbrl.4.9:tupleAttribute', 'error', `Tuple ${e.local} must not carry attributes from XBRL namespaces (${reserved.join(', ')}).`, { source: at(e) }));
      facts.push(f);
      const scope = `${parent ? `${parent}/` : ''}${e.line}:${e.column}`;
      for (const c of e.children) readFact(c, scope);
      return;
    }
    if (e.attrs.decimals !== undefined) f.rawDecimals = e.attrs.decimals;
    if (e.attrs.precision !== undefined) f.rawPrecision = e.attrs.precision;
    if (nil && e.text.trim() !== '') diagnostics.push(diag('xbrl.4.6.3:nilWithValue', 'error', `Nil fact ${f.id} has content.`, { source: at(e) }));
    if (e.attrs[XML_LANG]) f.language = e.attrs[XML_LANG];
    facts.push(f);
  }

  let rootSeen = false;
  let rootBase: string | undefined;
  const onRoot = (e: XElement) => {
    rootSeen = true;
    rootBase = e.attrs[`{${NS.xml}}base`];
    if (e.name !== X('xbrl')) diagnostics.push(diag('xbrl:notAnInstance', 'error', `The root element is ${e.name}, expected xbrli:xbrl.`, { source: at(e) }));
  };
  const xmlProblems = feed(onRoot, onChild);
  if (xmlProblems === undefined) return undefined;
  diagnostics.push(...xmlProblems);
  if (xmlProblems.length || !rootSeen) {
    if (!rootSeen && !xmlProblems.length) diagnostics.push(diag(XML_CODES.syntax, 'error', 'The file holds no XML element.', { source: { file, line: 1, column: 1 } }));
    return out;
  }
  // One unit object per unit id, shared by its facts (less memory, and keys are cached per object).
  const shared = new Map<string, Unit>();
  const sharedUnit = (id: string, u: Unit) => {
    let x = shared.get(id);
    if (!x) { x = { numerators: u.numerators, denominators: u.denominators }; shared.set(id, x); }
    return x;
  };
  // Resolve context/unit aspects onto the facts (decimals parsed later by the rules that check them).
  for (const f of facts as (Fact & { rawDecimals?: string; rawPrecision?: string })[]) {
    const c = f.contextId !== undefined ? contexts.get(f.contextId) : undefined;
    if (c) {
      f.entity = c.entity;
      if (c.period) f.period = c.period;
      if (Object.keys(c.dimensions).length) f.dimensions = c.dimensions;
    }
    const u = f.unitId !== undefined ? units.get(f.unitId) : undefined;
    if (u) f.unit = sharedUnit(f.unitId as string, u);
    if (f.rawDecimals !== undefined) f.decimals = f.rawDecimals.trim() === 'INF' ? 'INF' : Number(f.rawDecimals);
    if (f.rawPrecision !== undefined) f.precision = f.rawPrecision.trim() === 'INF' ? 'INF' : Number(f.rawPrecision);
  }
  const byId = links.length ? new Map(facts.map((f) => [f.id, f])) : new Map<string, Fact>();
  for (const l of links) {
    const target = byId.get(l.href.slice(l.href.indexOf('#') + 1));
    if (target) (target.footnotes ??= []).push(l.to);
    else diagnostics.push(diag('xbrl.4.11.1.1:footnoteLinkLocTarget', 'error', `footnote locator ${l.href} does not identify a fact.`, { source: l.source }));
  }
  if (taxonomy.length === 0) diagnostics.push(diag('xbrl.4.2.2:schemaRefMissing', 'error', 'The instance has no link:schemaRef.', { source: { file, line: 1, column: 1 } }));
  out.report = { taxonomy, facts, footnotes, namespaces: {}, file };
  return out;
}
