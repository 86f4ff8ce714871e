import fs from 'node:fs';
import { isAscii } from 'node:buffer';
import { NS, diag, type Diagnostic, type Fact, type Footnote, type InstanceContext, type Period, type Report, type Unit } from '../model';

export type { InstanceContext };
import { scanXml } from '../xml/scan-xml';
import { TreeBuilder, childElements, deepText, fileChunks, firstChild, resolveQName, streamXml, XML_CODES, type XElement } from '../xml/read-xml';

export interface ReadOptions {
  /** Refuse files larger than this many bytes (default 512 MiB, about 3M facts), so memory stays bounded. */
  maxBytes?: number;
  /** `auto` (default): the fast scanner, falling back to saxes; `saxes`: always the streaming parser. */
  parser?: 'auto' | 'saxes';
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
    const text = readText(path);
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

/** The file as a string; ASCII files (most instances) become a one-byte string straight from the bytes, without UTF-8 decoding. */
function readText(path: string): string {
  const bytes = fs.readFileSync(path);
  return isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
}

type Feed = (onRoot: (e: XElement) => void, onChild: (e: XElement) => void) => Diagnostic[] | undefined;

/** Builds the report from a stream of top-level elements; undefined when the feed declines the document. */
function readWith(file: string, feed: Feed): ReadResult | undefined {
  const r = new InstanceReader(file);
  const xmlProblems = feed((e) => r.root(e), (e) => r.child(e));
  if (xmlProblems === undefined) return undefined;
  return r.finish(xmlProblems);
}

/** Placeholders until a fact's context is resolved; shared, so a million facts cost no objects for them. */
const NO_ENTITY = Object.freeze({ scheme: '', identifier: '' });
const NO_PERIOD: Period = Object.freeze({ type: 'forever' });
const numberOrInf = (s: string): number | 'INF' => (s.trim() === 'INF' ? 'INF' : Number(s));

/** Turns the top-level elements of an instance into contexts, units, facts and footnotes, one element at a time. */
class InstanceReader {
  readonly diagnostics: Diagnostic[] = [];
  readonly contexts = new Map<string, InstanceContext>();
  readonly units = new Map<string, Unit & { line: number }>();
  private readonly facts: Fact[] = [];
  private readonly footnotes: Footnote[] = [];
  private readonly taxonomy: string[] = [];
  private readonly ids = new Map<string, number>();
  private readonly links: { from: string; to: string }[] = [];
  private readonly locHref = new Map<string, string>();
  private rootSeen = false;

  constructor(private readonly file: string) {}

  private at(e: XElement) { return { file: this.file, line: e.line, column: e.column }; }

  private noteId(id: string, e: XElement): void {
    const prev = this.ids.get(id);
    if (prev !== undefined) this.diagnostics.push(diag('xmlSchema:duplicateId', 'error', `id "${id}" is used twice (first on line ${prev}).`, { source: this.at(e), related: [{ file: this.file, line: prev, column: 1 }] }));
    else this.ids.set(id, e.line);
  }

  root(e: XElement): void {
    this.rootSeen = true;
    if (e.name !== X('xbrl')) this.diagnostics.push(diag('xbrl:notAnInstance', 'error', `The root element is ${e.name}, expected xbrli:xbrl.`, { source: this.at(e) }));
  }

  child(e: XElement): void {
    if (e.name === L('schemaRef')) {
      const href = e.attrs[XL('href')];
      if (href) this.taxonomy.push(href);
      else this.diagnostics.push(diag('xbrl.4.2.2:schemaRefHref', 'error', 'schemaRef without xlink:href.', { source: this.at(e) }));
    } else if (e.name === X('context')) this.readContext(e);
    else if (e.name === X('unit')) this.readUnit(e);
    else if (e.name === L('footnoteLink')) this.readFootnoteLink(e);
    else if (e.ns !== NS.link && e.ns !== NS.xbrli) this.readFact(e);
  }

  private readContext(e: XElement): void {
    const id = e.attrs.id ?? '';
    this.noteId(id, e);
    const ent = firstChild(e, X('entity'));
    const ident = ent && firstChild(ent, X('identifier'));
    const per = firstChild(e, X('period'));
    const period = per && readPeriod(per);
    const { dimensions, nonDimensional } = this.readDimensions(id, [ent && firstChild(ent, X('segment')), firstChild(e, X('scenario'))]);
    if (!ident || !ident.attrs.scheme) this.diagnostics.push(diag('xbrl.4.7.1:entityIdentifier', 'error', `Context ${id} has no entity identifier with a scheme.`, { source: this.at(e) }));
    if (!period) this.diagnostics.push(diag('xbrl.4.7.2:contextPeriod', 'error', `Context ${id} has no valid period.`, { source: this.at(e) }));
    this.contexts.set(id, { id, entity: { scheme: ident?.attrs.scheme ?? '', identifier: (ident?.text ?? '').trim() }, period, dimensions, nonDimensional, line: e.line });
  }

  /** Segment and scenario content: dimension members by dimension, other content keyed by container and element. */
  private readDimensions(id: string, containers: (XElement | undefined)[]): { dimensions: Record<string, string>; nonDimensional: boolean } {
    const dimensions: Record<string, string> = {};
    let nonDimensional = false;
    for (const container of containers) {
      if (!container) continue;
      if (container.children.length === 0) {
        this.diagnostics.push(diag(container.local === 'segment' ? 'xbrl.4.7.3.2:segmentEmpty' : 'xbrl.4.7.4:scenarioEmpty', 'error', `Empty ${container.local} in context ${id}.`, { source: this.at(container) }));
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
    return { dimensions, nonDimensional };
  }

  private readUnit(e: XElement): void {
    const id = e.attrs.id ?? '';
    this.noteId(id, e);
    const div = firstChild(e, X('divide'));
    const u = div
      ? { numerators: measures(firstChild(div, X('unitNumerator'))), denominators: measures(firstChild(div, X('unitDenominator'))), line: e.line }
      : { numerators: measures(e), denominators: [], line: e.line };
    this.units.set(id, u);
  }

  private readFootnoteLink(e: XElement): void {
    for (const c of e.children) {
      if (c.name === L('loc')) this.locHref.set(c.attrs[XL('label')], c.attrs[XL('href')] ?? '');
      else if (c.name === L('footnote')) {
        this.footnotes.push({ id: c.attrs[XL('label')], language: c.attrs[XML_LANG] ?? '', text: deepText(c).trim(), role: c.attrs[XL('role')], source: this.at(c) });
        if (!c.attrs[XML_LANG]) this.diagnostics.push(diag('xbrl.4.11.1.2.1:footnoteLang', 'error', 'Footnote without xml:lang.', { source: this.at(c) }));
      } else if (c.name === L('footnoteArc')) this.links.push({ from: c.attrs[XL('from')], to: c.attrs[XL('to')] });
    }
  }

  private readFact(e: XElement): void {
    const { attrs } = e;
    if (attrs.id) this.noteId(attrs.id, e);
    const nil = attrs[XSI_NIL] === 'true' || attrs[XSI_NIL] === '1';
    const f: Fact & { tuple?: boolean } = {
      id: attrs.id ?? `line${e.line}`,
      concept: e.name,
      entity: NO_ENTITY,
      period: NO_PERIOD,
      value: nil ? null : e.text.trim(),
      contextId: attrs.contextRef,
      unitId: attrs.unitRef,
      source: this.at(e),
    };
    if (e.children.length) f.tuple = true;
    // Decimals and precision are parsed here and checked by the rules (NaN, fractions: xbrl.4.6.5).
    if (attrs.decimals !== undefined) f.decimals = numberOrInf(attrs.decimals);
    if (attrs.precision !== undefined) f.precision = numberOrInf(attrs.precision);
    if (nil && e.text.trim() !== '') this.diagnostics.push(diag('xbrl.4.6.3:nilWithValue', 'error', `Nil fact ${f.id} has content.`, { source: this.at(e) }));
    if (attrs[XML_LANG]) f.language = attrs[XML_LANG];
    this.facts.push(f);
  }

  /** After the last element: resolve facts' contexts, units and footnotes; the report, or only diagnostics when the XML was bad. */
  finish(xmlProblems: Diagnostic[]): ReadResult {
    const { diagnostics, file } = this;
    const out: ReadResult = { contexts: this.contexts, units: this.units, diagnostics };
    diagnostics.push(...xmlProblems);
    if (xmlProblems.length || !this.rootSeen) {
      if (!this.rootSeen && !xmlProblems.length) diagnostics.push(diag(XML_CODES.syntax, 'error', 'The file holds no XML element.', { source: { file, line: 1, column: 1 } }));
      return out;
    }
    this.resolveAspects();
    this.linkFootnotes();
    if (this.taxonomy.length === 0) diagnostics.push(diag('xbrl.4.2.2:schemaRefMissing', 'error', 'The instance has no link:schemaRef.', { source: { file, line: 1, column: 1 } }));
    out.report = { taxonomy: this.taxonomy, facts: this.facts, footnotes: this.footnotes, namespaces: {}, file };
    return out;
  }

  /** Facts take their context's entity, period and dimensions objects and one shared unit object per unit id. */
  private resolveAspects(): void {
    const shared = new Map<string, { id: string; unit: Unit }>();
    for (const f of this.facts) {
      const c = f.contextId !== undefined ? this.contexts.get(f.contextId) : undefined;
      if (c) {
        f.contextId = c.id; // one string per context, not one per fact
        f.entity = c.entity;
        if (c.period) f.period = c.period;
        if (Object.keys(c.dimensions).length) f.dimensions = c.dimensions;
      }
      const u = f.unitId !== undefined ? this.units.get(f.unitId) : undefined;
      if (u) {
        let x = shared.get(f.unitId as string);
        if (!x) { x = { id: f.unitId as string, unit: { numerators: u.numerators, denominators: u.denominators } }; shared.set(x.id, x); }
        f.unit = x.unit;
        f.unitId = x.id;
      }
    }
  }

  private linkFootnotes(): void {
    if (!this.links.length) return;
    const byId = new Map(this.facts.map((f) => [f.id, f]));
    for (const l of this.links) {
      const href = this.locHref.get(l.from) ?? '';
      const target = byId.get(href.slice(href.indexOf('#') + 1));
      if (target) (target.footnotes ??= []).push(l.to);
      else this.diagnostics.push(diag('xbrl.4.11.1.1:footnoteLinkLocTarget', 'error', `footnote locator ${href} does not identify a fact.`, { source: { file: this.file, line: 1, column: 1 } }));
    }
  }
}

function readPeriod(per: XElement): Period | undefined {
  const inst = firstChild(per, X('instant'));
  const s = firstChild(per, X('startDate'));
  const en = firstChild(per, X('endDate'));
  if (inst) return { type: 'instant', instant: inst.text.trim() };
  if (s && en) return { type: 'duration', start: s.text.trim(), end: en.text.trim() };
  if (firstChild(per, X('forever'))) return { type: 'forever' };
  return undefined;
}

function measures(parent: XElement | undefined): string[] {
  if (!parent) return [];
  return childElements(parent, X('measure')).map((m) => resolveQName(m.text, m.nsMap, true) ?? `{?}${m.text.trim()}`).sort();
}
