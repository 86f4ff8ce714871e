import fs from 'node:fs';
import { NS, diag, type Diagnostic, type Fact, type Footnote, type Period, type Report, type Unit } from '../model';
import { scanXml } from './scan-xml';
import { TreeBuilder, childElements, deepText, fileChunks, firstChild, resolveQName, streamXml, XML_CODES, type XElement } from '../taxonomy/read-xml';

export interface ReadOptions {
  /** Refuse files larger than this many bytes (default 512 MiB, about 3M facts), so memory stays bounded. */
  maxBytes?: number;
  /** `auto` (default): the fast scanner, falling back to saxes; `saxes`: always the streaming parser. */
  parser?: 'auto' | 'saxes';
}

export interface InstanceContext {
  id: string;
  entity: { scheme: string; identifier: string };
  period?: Period;
  /** Canonical dimension content: explicit members by dimension (Clark), or raw XML for anything else. */
  dimensions: Record<string, string>;
  nonDimensional: boolean;
  line: number;
}

export interface ReadResult {
  report?: Report;
  contexts: Map<string, InstanceContext>;
  units: Map<string, Unit & { line: number }>;
  diagnostics: Diagnostic[];
}

const X = (local: string) => `{${NS.xbrli}}${local}`;
const L = (local: string) => `{${NS.link}}${local}`;
const XL = (local: string) => `{${NS.xlink}}${local}`;
const XSI_NIL = `{${NS.xsi}}nil`;
const XML_LANG = `{${NS.xml}}lang`;

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
    const fast = readWith(file, (onRoot, onChild) => (scanXml(text, onRoot, onChild) ? [] : undefined));
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
  }) as ReadResult;
}

type Feed = (onRoot: (e: XElement) => void, onChild: (e: XElement) => void) => Diagnostic[] | undefined;

/** Builds the report from a stream of top-level elements; undefined when the feed declines the document. */
function readWith(file: string, feed: Feed): ReadResult | undefined {
  const diagnostics: Diagnostic[] = [];
  const contexts = new Map<string, InstanceContext>();
  const units = new Map<string, Unit & { line: number }>();
  const out: ReadResult = { contexts, units, diagnostics };
  const facts: Fact[] = [];
  const footnotes: Footnote[] = [];
  const taxonomy: string[] = [];
  const ids = new Map<string, number>();
  const links: { from: string; to: string }[] = [];
  const locHref = new Map<string, string>();
  const at = (e: XElement) => ({ file, line: e.line, column: e.column });
  const noteId = (id: string, e: XElement) => {
    const prev = ids.get(id);
    if (prev !== undefined) diagnostics.push(diag('xmlSchema:duplicateId', 'error', `id "${id}" is used twice (first on line ${prev}).`, { source: at(e), related: [{ file, line: prev, column: 1 }] }));
    else ids.set(id, e.line);
  };

  const onChild = (e: XElement) => {
    if (e.name === L('schemaRef')) {
      const href = e.attrs[XL('href')];
      if (href) taxonomy.push(href);
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
    contexts.set(id, contextFromElement(e, file, diagnostics));
  }

  function readUnit(e: XElement) {
    const id = e.attrs.id ?? '';
    noteId(id, e);
    units.set(id, unitFromElement(e));
  }

  function readFootnoteLink(e: XElement) {
    for (const c of e.children) {
      if (c.name === L('loc')) locHref.set(c.attrs[XL('label')], c.attrs[XL('href')] ?? '');
      else if (c.name === L('footnote')) {
        footnotes.push({ id: c.attrs[XL('label')], language: c.attrs[XML_LANG] ?? '', text: deepText(c).trim(), role: c.attrs[XL('role')], source: at(c) });
        if (!c.attrs[XML_LANG]) diagnostics.push(diag('xbrl.4.11.1.2.1:footnoteLang', 'error', 'Footnote without xml:lang.', { source: at(c) }));
      } else if (c.name === L('footnoteArc')) links.push({ from: c.attrs[XL('from')], to: c.attrs[XL('to')] });
    }
  }

  function readFact(e: XElement) {
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
    if (e.children.length) f.tuple = true;
    if (e.attrs.decimals !== undefined) f.rawDecimals = e.attrs.decimals;
    if (e.attrs.precision !== undefined) f.rawPrecision = e.attrs.precision;
    if (nil && e.text.trim() !== '') diagnostics.push(diag('xbrl.4.6.3:nilWithValue', 'error', `Nil fact ${f.id} has content.`, { source: at(e) }));
    if (e.attrs[XML_LANG]) f.language = e.attrs[XML_LANG];
    facts.push(f);
  }

  let rootSeen = false;
  const onRoot = (e: XElement) => {
    rootSeen = true;
    if (e.name !== X('xbrl')) diagnostics.push(diag('xbrl:notAnInstance', 'error', `The root element is ${e.name}, expected xbrli:xbrl.`, { source: at(e) }));
  };
  const xmlProblems = feed(onRoot, onChild);
  if (xmlProblems === undefined) return undefined;
  diagnostics.push(...xmlProblems);
  if (xmlProblems.length || !rootSeen) {
    if (!rootSeen && !xmlProblems.length) diagnostics.push(diag(XML_CODES.syntax, 'error', 'The file holds no XML element.', { source: { file, line: 1, column: 1 } }));
    return out;
  }
  resolveFactAspects(facts, contexts, units);
  const byId = links.length ? new Map(facts.map((f) => [f.id, f])) : new Map<string, Fact>();
  for (const l of links) {
    const href = locHref.get(l.from) ?? '';
    const target = byId.get(href.slice(href.indexOf('#') + 1));
    if (target) (target.footnotes ??= []).push(l.to);
    else diagnostics.push(diag('xbrl.4.11.1.1:footnoteLinkLocTarget', 'error', `footnote locator ${href} does not identify a fact.`, { source: { file, line: 1, column: 1 } }));
  }
  if (taxonomy.length === 0) diagnostics.push(diag('xbrl.4.2.2:schemaRefMissing', 'error', 'The instance has no link:schemaRef.', { source: { file, line: 1, column: 1 } }));
  out.report = { taxonomy, facts, footnotes, namespaces: {}, file };
  return out;
}

/** An `xbrli:context` element → the context's aspects (problems go to `diagnostics`). */
export function contextFromElement(e: XElement, file: string, diagnostics: Diagnostic[]): InstanceContext {
  const at = (x: XElement) => ({ file, line: x.line, column: x.column });
  const id = e.attrs.id ?? '';
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
  for (const container of [ent && firstChild(ent, X('segment')), firstChild(e, X('scenario'))]) {
    if (!container) continue;
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
        dimensions[`${container.local}:${m.name}`] = deepText(m).trim();
      }
    }
  }
  if (!ident || !ident.attrs.scheme) diagnostics.push(diag('xbrl.4.7.1:entityIdentifier', 'error', `Context ${id} has no entity identifier with a scheme.`, { source: at(e) }));
  if (!period) diagnostics.push(diag('xbrl.4.7.2:contextPeriod', 'error', `Context ${id} has no valid period.`, { source: at(e) }));
  return { id, entity: { scheme: ident?.attrs.scheme ?? '', identifier: (ident?.text ?? '').trim() }, period, dimensions, nonDimensional, line: e.line };
}

function measures(parent: XElement | undefined): string[] {
  if (!parent) return [];
  return childElements(parent, X('measure')).map((m) => resolveQName(m.text, m.nsMap, true) ?? `{?}${m.text.trim()}`).sort();
}

/** An `xbrli:unit` element → its measures (Clark names, sorted). */
export function unitFromElement(e: XElement): Unit & { line: number } {
  const div = firstChild(e, X('divide'));
  return div
    ? { numerators: measures(firstChild(div, X('unitNumerator'))), denominators: measures(firstChild(div, X('unitDenominator'))), line: e.line }
    : { numerators: measures(e), denominators: [], line: e.line };
}

/**
 * Puts each fact's context and unit aspects on the fact (entity, period, dimensions, unit) and
 * parses decimals/precision (`rawDecimals`/`rawPrecision`, checked later by the rules).
 * Facts of one unit share one unit object (less memory; keys are cached per object).
 */
export function resolveFactAspects(facts: Fact[], contexts: Map<string, InstanceContext>, units: Map<string, Unit & { line: number }>): void {
  const shared = new Map<string, Unit>();
  const sharedUnit = (id: string, u: Unit) => {
    let x = shared.get(id);
    if (!x) { x = { numerators: u.numerators, denominators: u.denominators }; shared.set(id, x); }
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
    if (f.rawDecimals !== undefined) f.decimals = f.rawDecimals.trim() === 'INF' ? 'INF' : Number(f.rawDecimals);
    if (f.rawPrecision !== undefined) f.precision = f.rawPrecision.trim() === 'INF' ? 'INF' : Number(f.rawPrecision);
  }
}
