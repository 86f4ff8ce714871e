import fs from 'node:fs';
import { NS, diag, type Diagnostic, type Fact, type Footnote, type InstanceContext, type Period, type Report, type Unit } from '../model';

export type { InstanceContext };
import { scanXml } from '../xml/scan-xml';
import { TreeBuilder, deepText, fileChunks, streamXml, XML_CODES, type XElement } from '../xml/read-xml';
import { contextFromElement, resolveFactAspects, unitFromElement } from '../xbrl/read-contexts-units';

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
