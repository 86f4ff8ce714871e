import fs from 'node:fs';
import path from 'node:path';
import {
  ARCROLE,
  NS,
  ROLE,
  diag,
  type Diagnostic,
  type Fact,
  type Footnote,
  type InvalidFact,
  type InstanceContext,
  type Report,
  type SourceRef,
  type Unit,
  factId,
} from '../model';
import { contextFromElement, resolveFactAspects, unitFromElement } from '../xbrl/read-contexts-units';
import { resolveQName, streamXml, XML_CODES, type StreamHandlers, type XElement } from '../xml/read-xml';
import { attrsOf, openTagOf, scanXhtml, type OpenTag, type XhtmlHandler, type XmlEvent } from '../xml/scan-events';
import { readXmlDocument } from '../xml/decode';
import { limitsOf, type Limits } from '../util/limits';
import { ownString } from '../util/own-string';
import { recoverHtmlEvents } from './html-recover';
import { IX_NS, isIxNamespace } from '../xbrl/ix';
import { ixCode } from './codes';
import { readAccuracy } from '../xbrl/lexical';
import { lookupTransform, scaleDecimal, type Lookup } from './transformations';

/**
 * Inline XBRL 1.1 and 1.0 reader: one or more XHTML documents, read as one Inline XBRL Document
 * Set, → the same `Report` the XBRL 2.1 and xBRL-JSON readers produce, so every validation rule
 * applies unchanged.
 *
 * Note: the documents are streamed through saxes (DOCTYPE entity declarations refused) and no
 * tree of the XHTML is kept. Each open ix element collects the text that reaches it (ix:exclude
 * content aside; markup too for `escape="true"`), the header's contexts and units are built as
 * small element trees and read by the XBRL 2.1 reader's own functions. Continuations, footnote
 * relationships and ids are resolved across the whole set once every document is read.
 */
export interface InlineReadOptions {
  /** Refuse documents (and a set) larger than this many bytes; default 512 MiB. */
  maxBytes?: number;
  /** The ix `target` to extract; default: facts without a target attribute. */
  target?: string;
  /** `auto` (default): the fast scanner, falling back to saxes; `saxes`: always the streaming parser. */
  parser?: 'auto' | 'saxes';
  /** Nesting depth and other limits (util/limits). */
  limits?: Partial<Limits>;
}

/** The shape of the XBRL 2.1 reader's result: the report, and contexts and units as declared (with lines). */
export interface InlineReadResult {
  report?: Report;
  contexts: Map<string, InstanceContext>;
  units: Map<string, Unit & { line: number }>;
  diagnostics: Diagnostic[];
  documents: string[];
}

const XML_LANG = `{${NS.xml}}lang`;
const XSI_NIL = `{${NS.xsi}}nil`;
const XHTML = 'http://www.w3.org/1999/xhtml';
const FACT_KINDS = new Set(['nonFraction', 'nonNumeric', 'fraction']);
const TEXT_KINDS = new Set(['nonNumeric', 'continuation', 'footnote']);

/** An ix element whose text is collected while it is open. */
interface Capture {
  kind: string;
  ns: string;
  attrs: Record<string, string>;
  nsMap: Record<string, string>;
  source: SourceRef;
  doc: number;
  /** Escaped content only (`escape="true"`), joined into `text` when the element closes; other captures add to `text` as they go. */
  parts: string[];
  /** Exclude depth when opened: text reaches this capture only at the same depth. */
  excl: number;
  escape: boolean;
  /** Clark names of direct child elements, and whether any text node is a direct child. */
  children: string[];
  directText: boolean;
  inTuple: boolean;
  lang?: string;
  /** The nearest enclosing open capture, and every open one (continuation nesting checks). */
  outer?: Capture;
  ancestors: Capture[];
  text: string;
  /** Continuations only: the text with markup, for a chain whose head has escape="true". */
  escParts?: string[];
  escText?: string;
}

interface Frame {
  /** The frame of a child that changes nothing tracked here (shared; see plainFrame). */
  plain?: Frame;
  capture?: Capture;
  lang?: string;
  displayNone: boolean;
  exclude: boolean;
  tuple: boolean;
  /** ix:references / ix:resources (of the selected target): their children are built as trees. */
  kind?: 'references' | 'resources';
  tree?: XElement;
  owner?: 'references' | 'resources';
  marks?: { parts: string[]; at: number; tag: string; void: boolean }[];
}

interface DocState {
  file: string;
  path: string;
  doc: number;
  frames: Frame[];
  open: Capture[];
  exclDepth: number;
  /** Every id in the document (any element), for XML ID uniqueness and continuedAt targets. */
  ids: DocIds;
}

/** Any DOCTYPE that declares no entity is accepted (its external DTD, if named, is never loaded); entity declarations are refused. */
const noEntities = (d: string) => !/<!ENTITY/i.test(d);

const escapeText = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttr = (t: string) => t.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
/** Leading and trailing XML whitespace off: what a transformation is given (Inline XBRL 1.1 §14.1, as the reference processor strips it). */
const stripXml = (t: string) => t.replace(/^[ \t\n\r]+|[ \t\n\r]+$/g, '');
/** HTML's void elements: the only ones escaped content writes self-closed (`<br/>`); any other empty element gets its end tag (`<td></td>`), or a browser would take the rest of the note into it. */
const VOID_ELEMENTS = new Set([
  'area',
  'base',
  'basefont',
  'br',
  'col',
  'frame',
  'hr',
  'img',
  'input',
  'isindex',
  'link',
  'meta',
  'param',
]);
/** Closed captures share this empty list of parts, and captures without child elements this list of children (never pushed to). */
const NO_STRINGS = Object.freeze([]) as unknown as string[];
/** Captures opened outside any other share this empty list of ancestors. */
const NO_CAPTURES = Object.freeze([]) as unknown as Capture[];

/** The one frame every plain child of `parent` shares: inherited state, nothing to do on close; its own plain children share it too. */
function plainFrame(parent: Frame): Frame {
  if (parent.plain) return parent.plain;
  const f: Frame = { lang: parent.lang, displayNone: parent.displayNone, exclude: false, tuple: parent.tuple };
  f.plain = f;
  parent.plain = f;
  return f;
}

const isNil = (a: Record<string, string>) => a[XSI_NIL] === 'true' || a[XSI_NIL] === '1';

/** A fact read whole but whose context or unit is missing → an invalid fact (its value as read). */
function invalidFrom(f: Fact & { rawDecimals?: string }, error: string): InvalidFact {
  const out: InvalidFact = { concept: f.concept, text: f.value, error, source: f.source };
  if (f.id !== undefined) out.id = f.id;
  if (f.contextId !== undefined) out.contextId = f.contextId;
  if (f.unitId !== undefined) out.unitId = f.unitId;
  if (f.language !== undefined) out.language = f.language;
  return out;
}

/** FNV-1a of a string's UTF-16 code units. */
function hashOf(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h | 0;
}

/**
 * Every id of one document (on any element) with its element and place: XML ID uniqueness and
 * continuedAt targets. Note: kept as an index into arrays of shared names and numbers, not an object per id.
 */
class DocIds {
  private readonly ids: string[] = [];
  private readonly elements: string[] = [];
  private readonly lines: number[] = [];
  private readonly columns: number[] = [];
  private readonly hashes: number[] = [];
  /**
   * Open addressing on FNV-1a hashes: pairs (hash, index + 1), 0 for a free slot. Note: a large
   * document has an id on most facts; a JS Set of them cost a microsecond per id (its buckets,
   * entries and keys all apart in memory), this table one probe in one place.
   */
  private table = new Int32Array(1 << 10);

  constructor(private readonly file: string) {}

  /** Notes the id; when it was noted already, the first element that has it (and nothing is noted). */
  add(id: string, element: string, line: number, column: number): { element: string; source: SourceRef } | undefined {
    const h = hashOf(id);
    const k = this.find(id, h);
    if (k >= 0) return this.at(k);
    const n = this.ids.length;
    this.ids.push(id);
    this.elements.push(element);
    this.lines.push(line);
    this.columns.push(column);
    this.hashes.push(h);
    if ((n + 1) * 4 > this.table.length) this.grow();
    else this.put(this.table, h, n);
    return undefined;
  }

  get(id: string): { element: string; source: SourceRef } | undefined {
    const k = this.find(id, hashOf(id));
    return k < 0 ? undefined : this.at(k);
  }

  /** The index of id, or -1. */
  private find(id: string, h: number): number {
    const t = this.table;
    const mask = t.length - 2;
    for (let i = (h << 1) & mask; t[i + 1] !== 0; i = (i + 2) & mask)
      if (t[i] === h && this.ids[t[i + 1] - 1] === id) return t[i + 1] - 1;
    return -1;
  }

  private put(t: Int32Array, h: number, k: number): void {
    const mask = t.length - 2;
    let i = (h << 1) & mask;
    while (t[i + 1] !== 0) i = (i + 2) & mask;
    t[i] = h;
    t[i + 1] = k + 1;
  }

  /** Twice the slots (at most half of them used), every id placed again. */
  private grow(): void {
    const t = new Int32Array(this.table.length * 2);
    for (let k = 0; k < this.ids.length; k++) this.put(t, this.hashes[k], k);
    this.table = t;
  }

  private at(k: number): { element: string; source: SourceRef } {
    return { element: this.elements[k], source: { file: this.file, line: this.lines[k], column: this.columns[k] } };
  }
}

/** The fast scanner declined document `doc` part way: the set is read again, that document by saxes. */
class Restart extends Error {
  constructor(readonly doc: number) {
    super('restart');
  }
}

/**
 * Reads one Inline XBRL document, or several as one document set.
 *
 * Note: plain XHTML is scanned straight into the reader (no list of parse events is kept: it took
 * several times the document's size); a document the scanner declines part way is read again, with
 * the whole set, by saxes (and, when it is not well-formed, as HTML).
 */
export function readInlineXbrl(files: string[], options: InlineReadOptions = {}): InlineReadResult {
  const slow = new Set<number>();
  for (;;) {
    try {
      return new InlineSet(options, slow).read(files);
    } catch (e) {
      if (!(e instanceof Restart) || slow.has(e.doc)) throw e;
      slow.add(e.doc);
    }
  }
}

class InlineSet {
  readonly diagnostics: Diagnostic[] = [];
  readonly contexts = new Map<string, InstanceContext>();
  readonly units = new Map<string, Unit & { line: number }>();
  readonly taxonomy: string[] = [];
  readonly taxonomySources: SourceRef[] = [];
  readonly captures: Capture[] = [];
  readonly continuations = new Map<string, Capture>();
  readonly relationships: { attrs: Record<string, string>; source: SourceRef; ns: string }[] = [];
  readonly ids = new Map<string, { element: string; ns: string; source: SourceRef }>();
  /**
   * The ids the first document gives `noteId`, in order (captures as themselves), noted only when a
   * second document begins or the set is finished: within one file they cannot clash, and most sets
   * are one document, whose facts then cost no entry in `ids` while it is read.
   */
  private pendingIds: ({ id: string; element: string; ns: string; source: SourceRef } | Capture)[] | undefined = [];
  readonly docIds: DocIds[] = [];
  readonly invalid: InvalidFact[] = [];
  /** What a fact holds until resolveFactAspects gives it its context's (one object for every fact of the set: facts of a context share its objects too). */
  private readonly noEntity = { scheme: '', identifier: '' };
  private readonly noPeriod: Fact['period'] = { type: 'forever' };
  /** Transformations by scope and format as written (see transform). */
  private readonly formats = new Map<Record<string, string>, Map<string, { clark?: string; found: Lookup }>>();
  /** Resolved fact names by scope (see conceptOf). */
  private readonly concepts = new Map<Record<string, string>, Map<string, string | null>>();
  headers = 0;
  references = 0;
  tuples = 0;
  firstFile = '';

  constructor(
    private readonly options: InlineReadOptions,
    /** Documents (by position) the fast scanner declined: read by saxes. */
    private readonly slow: ReadonlySet<number> = new Set(),
  ) {}

  read(files: string[]): InlineReadResult {
    const out: InlineReadResult = {
      contexts: this.contexts,
      units: this.units,
      diagnostics: this.diagnostics,
      documents: files,
    };
    if (!this.sizesOk(files)) return out;
    this.firstFile = files[0];
    for (let i = 0; i < files.length; i++) {
      const problems = this.readDocument(files[i], i);
      if (problems.length) {
        this.diagnostics.push(...problems);
        return out;
      }
    }
    out.report = this.finish();
    return out;
  }

  private sizesOk(files: string[]): boolean {
    const max = this.options.maxBytes ?? 512 * 2 ** 20;
    let total = 0;
    for (const file of files) {
      const at = { file, line: 1, column: 1 };
      try {
        total += fs.statSync(file).size;
      } catch (e) {
        this.diagnostics.push(
          diag(XML_CODES.notFound, 'error', `Cannot read ${file}: ${(e as NodeJS.ErrnoException).code}.`, {
            source: at,
          }),
        );
        return false;
      }
      if (total > max) {
        this.diagnostics.push(
          diag(
            XML_CODES.tooLarge,
            'error',
            `${files.length > 1 ? 'The document set' : file} is more than ${max} bytes (option maxBytes).`,
            { source: at },
          ),
        );
        return false;
      }
    }
    return true;
  }

  private readDocument(file: string, doc: number): Diagnostic[] {
    if (doc > 0) this.flushIds();
    const st: DocState = {
      file,
      path: file,
      doc,
      frames: [{ displayNone: false, exclude: false, tuple: false }],
      open: [],
      exclDepth: 0,
      ids: new DocIds(file),
    };
    this.docIds.push(st.ids);
    let rootSeen = false;
    const h: XhtmlHandler = {
      open: (tag) => {
        if (!rootSeen) {
          rootSeen = true;
          if (tag.uri !== XHTML || tag.local !== 'html')
            this.diagnostics.push(
              diag(
                'ixread:notXhtml',
                'error',
                `The root element is {${tag.uri}}${tag.local}; an Inline XBRL document is XHTML with root html.`,
                { source: { file, line: tag.line, column: tag.column } },
              ),
            );
        }
        this.onOpen(st, tag);
      },
      text: (t) => this.onText(st, t),
      close: () => this.onClose(st),
      wantsText: () => st.open.length > 0 || st.frames[st.frames.length - 1].tree !== undefined,
    };
    const limits = { maxBytes: this.options.maxBytes, ...this.options.limits };
    const fast = this.options.parser !== 'saxes' && !this.slow.has(doc);
    // The fast scanner keeps to the depth and contexts budget itself (declining past it, which the slow path then reports).
    const read = readXmlDocument(file, file, limits, 'ixread', !fast);
    if (read.text === undefined) return read.diagnostics;
    const { events, problems } = this.parse(read.text, file, fast ? limitsOf(limits) : undefined, doc, h);
    if (events)
      for (const e of events) {
        if (e.type === 'open') h.open(openTagOf(e.tag, e.line, e.column, e.nsMap));
        else if (e.type === 'text') h.text(e.text);
        else h.close();
      }
    if (!problems.length && !rootSeen)
      problems.push(
        diag(XML_CODES.syntax, 'error', 'The file holds no XML element.', { source: { file, line: 1, column: 1 } }),
      );
    return problems;
  }

  /**
   * The document's parse events: the fast scanner for well-formed plain XHTML, saxes for what it
   * declines. A page that is not well-formed XML is reported (`xml:notWellFormed`) and read again as a
   * browser reads HTML, so its facts are still extracted; a DOCTYPE that declares entities is refused
   * outright (problems returned, nothing read).
   */
  private parse(
    text: string,
    file: string,
    fastLimits: Limits | undefined,
    doc: number,
    h: XhtmlHandler,
  ): { events?: XmlEvent[]; problems: Diagnostic[] } {
    const declaration = /^\uFEFF?([ \t\r\n]+)<\?xml[ \t\r\n?]/.exec(text);
    if (declaration) {
      const before = declaration[1];
      const line = 1 + (before.match(/\n/g)?.length ?? 0);
      this.diagnostics.push(
        diag(
          XML_CODES.syntax,
          'error',
          'The XML declaration <?xml …?> must be the very first thing in the file; whitespace comes before it.',
          {
            source: { file, line, column: before.length - before.lastIndexOf('\n') },
            expected: '<?xml at line 1, column 1',
          },
        ),
      );
    }
    if (fastLimits !== undefined) {
      if (scanXhtml(text, h, fastLimits)) return { problems: [] };
      throw new Restart(doc);
    }
    const events: XmlEvent[] = [];
    const collect: StreamHandlers = {
      opentag: (tag, line, column, nsMap) => events.push({ type: 'open', tag, line, column, nsMap }),
      text: (t) => events.push({ type: 'text', text: t }),
      closetag: () => events.push({ type: 'close' }),
    };
    const problems = streamXml([text.replace(/^\uFEFF/, '')], file, collect, { allowDoctype: noEntities });
    if (!problems.length) return { events, problems };
    if (problems.some((p) => p.code !== XML_CODES.syntax)) return { problems };
    for (const p of problems)
      this.diagnostics.push({
        ...p,
        message: `${p.message} The page is read as HTML, as a browser reads it, to extract its facts.`,
      });
    return { events: recoverHtmlEvents(text), problems: [] };
  }

  private onOpen(st: DocState, tag: OpenTag): void {
    const parent = st.frames[st.frames.length - 1];
    let id: string | undefined;
    let lang: string | undefined;
    let style: string | undefined;
    for (let i = 0; i < tag.attrCount; i++) {
      const k = tag.attrNames[i];
      if (k === 'id') id = tag.value(i);
      else if (k === XML_LANG) lang = tag.value(i);
      else if (k === 'style' && tag.local === 'div') style = tag.value(i);
    }
    const displayNone =
      parent.displayNone || (tag.local === 'div' && style !== undefined && /display\s*:\s*none/.test(style));
    if (id !== undefined) {
      const first = st.ids.add(id, tag.name, tag.line, tag.column);
      if (first)
        this.diagnostics.push(
          diag(
            'xml.3.3.1:idMustBeUnique',
            'error',
            `id "${id}" is used twice in this document (first on ${first.element}).`,
            {
              source: { file: st.file, line: tag.line, column: tag.column },
              related: [first.source],
            },
          ),
        );
    }
    if (parent.capture) {
      const c = parent.capture;
      if (c.children === NO_STRINGS) c.children = [];
      c.children.push(tag.name);
    }
    const ix = isIxNamespace(tag.uri);
    if (
      !ix &&
      st.open.length === 0 &&
      parent.tree === undefined &&
      parent.kind === undefined &&
      (lang === undefined || lang === parent.lang) &&
      displayNone === parent.displayNone
    ) {
      // Most of a page: an element that changes nothing the reader tracks shares one frame with its like siblings.
      st.frames.push(plainFrame(parent));
      return;
    }
    const source = { file: st.file, line: tag.line, column: tag.column };
    const frame: Frame = { lang: lang ?? parent.lang, displayNone, exclude: false, tuple: parent.tuple };
    if (parent.tree || parent.kind) {
      const el: XElement = {
        name: tag.name,
        ns: tag.uri,
        local: tag.local,
        attrs: attrsOf(tag),
        children: [],
        text: '',
        line: tag.line,
        column: tag.column,
        nsMap: tag.nsMap,
      };
      if (parent.tree) parent.tree.children.push(el);
      else frame.owner = parent.kind;
      frame.tree = el;
    }
    if (ix) this.openIx(st, tag, attrsOf(tag), source, frame, parent);
    else if (st.open.length) this.openMarkup(st, tag, frame);
    st.frames.push(frame);
  }

  /** Inside `escape="true"` facts, non-ix elements are kept as markup in the value. */
  private openMarkup(st: DocState, tag: OpenTag, frame: Frame): void {
    let start: string | undefined;
    for (const c of st.open) {
      const parts = c.escape ? c.parts : c.escParts;
      if (!parts || c.excl !== st.exclDepth) continue;
      start ??= `<${tag.qname}${this.escapedAttributes(tag)}>`;
      (frame.marks ??= []).push({
        parts,
        at: parts.length,
        tag: tag.qname,
        void: tag.uri === XHTML && VOID_ELEMENTS.has(tag.local),
      });
      parts.push(start);
    }
  }

  /** Attributes of an escaped element as written (prefix and all), in the order of their expanded names. */
  private escapedAttributes(tag: OpenTag): string {
    const attrs = attrsOf(tag);
    const written = new Map<string, string>();
    for (let i = 0; i < tag.attrCount; i++) written.set(tag.attrNames[i], tag.attrQNames[i]);
    return Object.keys(attrs)
      .sort()
      .map((k) => ` ${written.get(k) ?? k}="${escapeAttr(attrs[k])}"`)
      .join('');
  }

  private openIx(
    st: DocState,
    tag: OpenTag,
    attrs: Record<string, string>,
    source: SourceRef,
    frame: Frame,
    parent: Frame,
  ): void {
    const local = tag.local;
    const target = this.options.target;
    switch (local) {
      case 'header':
        this.headers++;
        if (!parent.displayNone)
          this.diagnostics.push(
            diag(
              ixCode('headerDisplayNone', 'header', 'non-validatable', tag.uri),
              'warning',
              'ix:header is recommended to be inside a <div> with style display:none.',
              { source },
            ),
          );
        return;
      case 'references':
        if (attrs.target === target) {
          frame.kind = 'references';
          this.references++;
        }
        if (attrs.id) this.noteId(attrs.id, local, tag.uri, source);
        return;
      case 'resources':
        frame.kind = 'resources';
        return;
      case 'relationship':
        this.relationships.push({ attrs, source, ns: tag.uri });
        return;
      case 'tuple':
        frame.tuple = true;
        if (attrs.target === target) this.tuples++;
        if (attrs.id) this.noteId(attrs.id, local, tag.uri, source);
        return;
      case 'exclude':
        if (!st.open.some((c) => TEXT_KINDS.has(c.kind)))
          this.diagnostics.push(
            diag(
              ixCode('excludeMisplaced', 'exclude', 'constraint', tag.uri),
              'error',
              'ix:exclude must be inside an ix:nonNumeric, ix:continuation or ix:footnote.',
              { source },
            ),
          );
        frame.exclude = true;
        st.exclDepth++;
        return;
      default:
        if (FACT_KINDS.has(local) || local === 'continuation' || local === 'footnote')
          this.openCapture(st, tag, attrs, source, frame, parent);
    }
  }

  private openCapture(
    st: DocState,
    tag: OpenTag,
    attrs: Record<string, string>,
    source: SourceRef,
    frame: Frame,
    parent: Frame,
  ): void {
    const escape = tag.local === 'nonNumeric' && (attrs.escape === 'true' || attrs.escape === '1');
    const c: Capture = {
      kind: tag.local,
      ns: tag.uri,
      attrs,
      nsMap: tag.nsMap,
      source,
      doc: st.doc,
      parts: escape ? [] : NO_STRINGS,
      excl: st.exclDepth,
      escape,
      children: NO_STRINGS,
      directText: false,
      inTuple: parent.tuple || attrs.tupleRef !== undefined,
      lang: frame.lang,
      outer: st.open[st.open.length - 1],
      ancestors: st.open.length ? [...st.open] : NO_CAPTURES,
      text: '',
      escParts: tag.local === 'continuation' ? [] : undefined,
    };
    const id = tag.local === 'footnote' && tag.uri === IX_NS.ix10 ? attrs.footnoteID : attrs.id;
    if (id) {
      if (this.pendingIds) this.pendingIds.push(c);
      else this.noteId(id, tag.local, tag.uri, source);
    }
    if (tag.local === 'continuation' && attrs.id) this.continuations.set(attrs.id, c);
    this.captures.push(c);
    st.open.push(c);
    frame.capture = c;
  }

  /** Ids of ix elements, contexts and units are unique across the document set (within one document XML says so already). */
  private noteId(id: string, element: string, ns: string, source: SourceRef): void {
    if (this.pendingIds) {
      this.pendingIds.push({ id, element, ns, source });
      return;
    }
    const prev = this.ids.get(id);
    if (!prev) {
      this.ids.set(id, { element, ns, source });
      return;
    }
    if (prev.source.file === source.file) return;
    this.diagnostics.push(
      diag(
        ixCode('uniqueIxId', prev.element, 'validation', prev.ns),
        'error',
        `id "${id}" is used more than once in the document set (first on ${prev.element} at ${prev.source.file}:${prev.source.line}).`,
        { source, related: [prev.source] },
      ),
    );
  }

  private onText(st: DocState, t: string): void {
    const top = st.frames[st.frames.length - 1];
    if (top.tree) top.tree.text += t;
    if (top.capture) top.capture.directText = true;
    for (const c of st.open) {
      if (c.excl !== st.exclDepth) continue;
      if (c.escape) c.parts.push(escapeText(t));
      else c.text += t;
      if (c.escParts) c.escParts.push(escapeText(t));
    }
  }

  private onClose(st: DocState): void {
    const frame = st.frames.pop() as Frame;
    if (frame.marks) {
      for (const m of frame.marks) {
        if (m.parts.length === m.at + 1 && m.void) m.parts[m.at] = `${m.parts[m.at].slice(0, -1)}/>`;
        else m.parts.push(`</${m.tag}>`);
      }
    }
    if (frame.exclude) st.exclDepth--;
    if (frame.capture) {
      const c = st.open.pop() as Capture;
      if (c.escape) {
        c.text = c.parts.join('');
        c.parts = NO_STRINGS;
      }
      if (c.escParts) {
        c.escText = c.escParts.join('');
        c.escParts = undefined;
      }
    }
    if (frame.tree && frame.owner) this.headerElement(st, frame.tree, frame.owner);
  }

  private headerElement(st: DocState, e: XElement, owner: 'references' | 'resources'): void {
    const source = { file: st.file, line: e.line, column: e.column };
    if (owner === 'references') {
      if (e.name !== `{${NS.link}}schemaRef`) return;
      const href = e.attrs[`{${NS.xlink}}href`];
      if (!href) {
        this.diagnostics.push(diag('xbrl.4.2.2:schemaRefHref', 'error', 'schemaRef without xlink:href.', { source }));
        return;
      }
      // Relative references are resolved against their own document; the DTS is loaded relative to the first.
      const rel =
        /^[a-z][a-z0-9+.-]*:/i.test(href) || st.doc === 0
          ? href
          : path
              .relative(path.dirname(this.firstFile), path.resolve(path.dirname(st.path), href))
              .split(path.sep)
              .join('/');
      if (!this.taxonomy.includes(rel)) {
        this.taxonomy.push(rel);
        this.taxonomySources.push(source);
      }
      return;
    }
    if (e.name === `{${NS.xbrli}}context` || e.name === `{${NS.xbrli}}unit`) {
      const id = e.attrs.id;
      if (id !== undefined) this.noteId(id, e.local, IX_NS.ix11, source);
      if (e.local === 'context') {
        const context = contextFromElement(e, st.file, this.diagnostics);
        if (id !== undefined) this.contexts.set(id, context);
      } else if (id !== undefined) this.units.set(id, unitFromElement(e));
    }
  }

  /** Notes the first document's ids (see pendingIds). */
  private flushIds(): void {
    const pending = this.pendingIds;
    if (!pending) return;
    this.pendingIds = undefined;
    for (const p of pending) {
      if (!('kind' in p)) this.noteId(p.id, p.element, p.ns, p.source);
      else
        this.noteId(
          (p.kind === 'footnote' && p.ns === IX_NS.ix10 ? p.attrs.footnoteID : p.attrs.id)!,
          p.kind,
          p.ns,
          p.source,
        );
    }
  }

  private finish() {
    // After the last document, `ids` serves only ix:relationship checks.
    if (this.relationships.length) this.flushIds();
    const texts = this.resolveContinuations();
    const facts: Fact[] = [];
    const footnotes: Footnote[] = [];
    /** The capture of each fact (parallel to `facts`). */
    const caps: Capture[] = [];
    let fractions = 0;
    for (const c of this.captures) {
      if (c.kind === 'footnote') {
        footnotes.push(this.footnote(c, texts.get(c) ?? c.text));
        continue;
      }
      if (!FACT_KINDS.has(c.kind) || c.inTuple || c.attrs.target !== this.options.target) continue;
      if (c.kind === 'fraction') {
        fractions++;
        if (fractions === 1)
          this.diagnostics.push(
            diag(
              'ixread:fractionNotSupported',
              'error',
              'ix:fraction facts are not supported by this reader; the fact is not extracted.',
              { source: c.source },
            ),
          );
        continue;
      }
      const before = this.diagnostics.length;
      const text = texts.get(c) ?? c.text;
      const f = c.kind === 'nonFraction' ? this.nonFraction(c) : this.nonNumeric(c, text);
      if (f) {
        facts.push(f);
        caps.push(c);
      } else this.keepInvalid(c, text, this.diagnostics.slice(before));
    }
    if (this.tuples)
      this.diagnostics.push(
        diag(
          'ixread:tupleNotSupported',
          'warning',
          `${this.tuples} ix:tuple element(s): tuples and their member facts are not extracted by this reader.`,
          { source: { file: this.firstFile, line: 1, column: 1 } },
        ),
      );
    this.linkFootnotes(facts, caps, footnotes);
    const unresolved = this.checkSet(facts, caps);
    const valid = unresolved.size ? facts.filter((f) => !unresolved.has(f)) : facts;
    for (const [f, error] of unresolved) this.invalid.push(invalidFrom(f, error));
    resolveFactAspects(valid, this.contexts, this.units);
    const report: Report = {
      taxonomy: this.taxonomy,
      taxonomySources: this.taxonomySources,
      facts: valid,
      footnotes,
      namespaces: {},
      file: this.firstFile,
    };
    if (this.invalid.length) report.invalidFacts = this.invalid;
    return report;
  }

  /** A fact whose value could not be read (its error already reported) is kept as invalid, with that error. */
  private keepInvalid(c: Capture, text: string, errors: Diagnostic[]): void {
    const name = c.attrs.name ? resolveQName(c.attrs.name, c.nsMap) : undefined;
    const error = errors.find((d) => d.severity === 'error');
    if (!name || !error) return;
    const f: InvalidFact = {
      concept: name,
      text: isNil(c.attrs) ? null : text,
      error: error.code,
      source: c.source,
    };
    if (c.attrs.id !== undefined) f.id = c.attrs.id;
    if (c.attrs.format !== undefined) f.format = c.attrs.format;
    if (c.attrs.contextRef !== undefined) f.contextId = c.attrs.contextRef.trim();
    if (c.attrs.unitRef !== undefined) f.unitId = c.attrs.unitRef.trim();
    if (c.lang && c.kind === 'nonNumeric') f.language = c.lang;
    this.invalid.push(f);
  }

  /** Set-level checks; returns the facts whose context or unit does not exist, with the error code. */
  private checkSet(facts: Fact[], caps: Capture[]): Map<Fact, string> {
    const unresolved = new Map<Fact, string>();
    const at = { file: this.firstFile, line: 1, column: 1 };
    if (!this.headers)
      this.diagnostics.push(
        diag(ixCode('headerMissing', 'header', 'validation'), 'error', 'The document set has no ix:header.', {
          source: at,
        }),
      );
    if (!this.references)
      this.diagnostics.push(
        diag(
          ixCode('missingReferences', 'references', 'validation'),
          'error',
          `The document set has no ix:references${this.options.target ? ` for target ${this.options.target}` : ''}.`,
          { source: at },
        ),
      );
    for (let i = 0; i < facts.length; i++) {
      const f = facts[i];
      const kind = caps[i].kind === 'nonFraction' ? 'nonFraction' : 'nonNumeric';
      if (f.contextId === undefined || !this.contexts.has(f.contextId)) {
        const code = ixCode('contextReference', kind, 'validation');
        this.diagnostics.push(
          diag(
            code,
            'error',
            `Fact ${factId(f)}: contextRef "${f.contextId ?? ''}" does not identify a context in ix:resources; the fact is kept as invalid, without period or entity.`,
            { source: f.source, facts: [factId(f)] },
          ),
        );
        unresolved.set(f, code);
      }
      if (kind === 'nonFraction' && (f.unitId === undefined || !this.units.has(f.unitId))) {
        const code = ixCode('unitReference', kind, 'validation');
        this.diagnostics.push(
          diag(
            code,
            'error',
            `Fact ${factId(f)}: unitRef "${f.unitId ?? ''}" does not identify a unit in ix:resources; the fact is kept as invalid.`,
            { source: f.source, facts: [factId(f)] },
          ),
        );
        if (!unresolved.has(f)) unresolved.set(f, code);
      }
    }
    return unresolved;
  }

  /** A fact's name in Clark notation (resolveQName), one string per distinct name in a scope: facts share their concept's string. */
  private conceptOf(name: string, nsMap: Record<string, string>): string | undefined {
    let byName = this.concepts.get(nsMap);
    if (!byName) this.concepts.set(nsMap, (byName = new Map()));
    let clark = byName.get(name);
    if (clark === undefined) {
      const r = resolveQName(name, nsMap);
      clark = r === undefined ? null : ownString(r);
      byName.set(name, clark);
    }
    return clark ?? undefined;
  }

  private factBase(c: Capture): (Fact & { rawDecimals?: string; rawPrecision?: string }) | undefined {
    const name = c.attrs.name;
    const concept = name ? this.conceptOf(name, c.nsMap) : undefined;
    if (!concept) {
      this.diagnostics.push(
        diag(
          ixCode('missingReferences', c.kind, 'validation', c.ns),
          'error',
          name ? `The prefix of name "${name}" is not declared.` : `ix:${c.kind} without a name.`,
          { source: c.source },
        ),
      );
      return undefined;
    }
    const f: Fact & { rawDecimals?: string; rawPrecision?: string } = {
      id: c.attrs.id ?? `ix${c.doc ? `${c.doc}_` : ''}${c.source.line}_${c.source.column}`,
      concept,
      entity: this.noEntity,
      period: this.noPeriod,
      value: null,
      contextId: c.attrs.contextRef?.trim(),
      source: c.source,
    };
    return f;
  }

  /** `format` → the transformation, or a coded error (unknown namespace or name, or not implemented). */
  private transform(c: Capture, text: string): { value?: string; ok: boolean } {
    const format = c.attrs.format;
    if (format === undefined) return { ok: true };
    let byFormat = this.formats.get(c.nsMap);
    if (!byFormat) this.formats.set(c.nsMap, (byFormat = new Map()));
    let known = byFormat.get(format);
    if (!known) {
      const clark = resolveQName(format, c.nsMap, false);
      known = { clark, found: clark ? lookupTransform(clark) : { ok: false, why: 'namespace' } };
      byFormat.set(format, known);
    }
    const { clark, found } = known;
    if (!found.ok) {
      // A registry this reader does not know (or a function it does not implement) is its own limit; a
      // name a known registry lacks is the document's error.
      const code =
        found.why === 'name'
          ? ixCode('invalidTransformation', c.kind, 'validation', c.ns)
          : 'ixread:unsupportedTransformation';
      const what =
        found.why === 'namespace'
          ? clark
            ? `${clark.slice(1, clark.indexOf('}'))} is not a transformation registry this reader implements (TR 1–5, SEC 2015-08-31)`
            : 'its prefix is not declared'
          : found.why === 'name'
            ? 'the registry has no such transformation'
            : 'this reader does not implement it';
      this.diagnostics.push(
        diag(code, 'error', `ix:${c.kind} ${c.attrs.name ?? ''}: format "${format}" cannot be applied: ${what}.`, {
          source: c.source,
          actual: format,
        }),
      );
      return { ok: false };
    }
    const input = stripXml(text);
    const value = found.fn(input);
    if (value === undefined) {
      this.diagnostics.push(
        diag(
          ixCode('transformValueError', c.kind, 'constraint', c.ns),
          'error',
          `ix:${c.kind} ${c.attrs.name ?? ''}: "${input}" is not a value that ${format} accepts; the fact is kept as invalid.`,
          { source: c.source, expected: `input of ${format}`, actual: input },
        ),
      );
      return { ok: false };
    }
    return { value, ok: true };
  }

  /** A decimals or precision attribute through the one lexical check: as written, or `NaN` after a coded error. */
  private accuracy(c: Capture, kind: 'decimals' | 'precision', raw: string): string {
    const { issue } = readAccuracy(kind, raw);
    if (!issue) return raw;
    this.diagnostics.push(
      diag(issue.code, 'error', `ix:nonFraction ${c.attrs.name ?? ''}: ${kind} "${raw}" is not ${issue.expected}.`, {
        source: c.source,
        expected: issue.expected,
        actual: raw,
      }),
    );
    return 'NaN';
  }

  private nonFraction(c: Capture): Fact | undefined {
    const f = this.factBase(c);
    if (!f) return undefined;
    f.unitId = c.attrs.unitRef?.trim();
    if (c.attrs.decimals !== undefined) f.rawDecimals = this.accuracy(c, 'decimals', c.attrs.decimals);
    if (c.attrs.precision !== undefined) f.rawPrecision = this.accuracy(c, 'precision', c.attrs.precision);
    const outer = c.outer?.kind === 'nonFraction' ? c.outer : undefined;
    const err = (
      condition: string,
      sect: 'constraint' | 'validation',
      message: string,
      extra: Partial<Diagnostic> = {},
    ) =>
      this.diagnostics.push(
        diag(ixCode(condition, 'nonFraction', sect, c.ns), 'error', message, { source: c.source, ...extra }),
      );
    if (isNil(c.attrs)) {
      if (outer)
        err(
          'nestedNonFractionIsNil',
          'validation',
          'A nil ix:nonFraction may not be nested in another ix:nonFraction.',
        );
      return f;
    }
    if (
      outer &&
      !isNil(outer.attrs) &&
      (outer.attrs.format !== c.attrs.format ||
        (outer.attrs.scale ?? '0').trim() !== (c.attrs.scale ?? '0').trim() ||
        outer.attrs.unitRef !== c.attrs.unitRef)
    ) {
      err(
        'nestedNonFractionProperties',
        'validation',
        'A nested ix:nonFraction must have the same format, scale and unitRef as the one around it.',
        { related: [outer.source] },
      );
    }
    if (c.children.length && c.directText)
      err('nonFractionChildren', 'constraint', 'ix:nonFraction holds either text or one ix:nonFraction, not both.');
    if (c.children.length && (c.children.length !== 1 || c.children[0] !== `{${c.ns}}nonFraction`))
      err(
        'nonFractionChildren',
        'validation',
        `ix:nonFraction may hold only one child, an ix:nonFraction; found ${c.children.length} child element(s).`,
      );
    if (!c.children.length && c.text === '')
      err('nonFraction', 'constraint', 'ix:nonFraction has no text: its text must be a non-empty string.');
    const value = this.numericValue(c, err);
    if (value === undefined) return undefined;
    f.value = value;
    return f;
  }

  /** The displayed number → format → × 10^scale → sign. Undefined (after a coded error) when it fails. */
  private numericValue(
    c: Capture,
    err: (condition: string, sect: 'constraint' | 'validation', message: string, extra?: Partial<Diagnostic>) => void,
  ): string | undefined {
    let number: string;
    if (c.attrs.format !== undefined) {
      const t = this.transform(c, c.text);
      if (!t.ok) return undefined;
      number = t.value as string;
    } else {
      number = c.text.trim();
      if (/^-\s*(\d+\.?\d*|\.\d+)$/.test(number) && /[1-9]/.test(number)) {
        err(
          'nonFractionNegative',
          'validation',
          `ix:nonFraction without format shows a negative number "${number}": the displayed text must be non-negative (use sign="-").`,
          { actual: number },
        );
        return undefined;
      }
      if (!/^\+?(\d+\.?\d*|\.\d+)$/.test(number)) return number; // not a decimal: the XBRL 2.1 rules report it
    }
    const rawScale = c.attrs.scale;
    const scale = rawScale === undefined ? 0 : /^\s*[+-]?\d+\s*$/.test(rawScale) ? Number(rawScale) : NaN;
    if (!Number.isSafeInteger(scale) || Math.abs(scale) > 1000) {
      this.diagnostics.push(
        diag(
          Number.isNaN(scale) ? 'xmlSchema:valueError' : 'ixread:scaleOutOfRange',
          'error',
          `ix:nonFraction ${c.attrs.name ?? ''}: scale "${rawScale}" is not ${Number.isNaN(scale) ? 'an integer' : 'within ±1000'}.`,
          {
            source: c.source,
            expected: 'an integer power of ten (e.g. 6 for millions, 3 for thousands, -2 for percent)',
            actual: rawScale,
          },
        ),
      );
      return undefined;
    }
    if (c.attrs.sign !== undefined && c.attrs.sign !== '-') {
      this.diagnostics.push(
        diag(
          'xmlSchema:valueError',
          'error',
          `ix:nonFraction ${c.attrs.name ?? ''}: sign "${c.attrs.sign}" is not "-", its only allowed value.`,
          { source: c.source, expected: '-', actual: c.attrs.sign },
        ),
      );
      return undefined;
    }
    const value = scaleDecimal(number, scale, c.attrs.sign === '-');
    if (value === undefined) {
      this.diagnostics.push(
        diag(
          'xmlSchema:valueError',
          'error',
          `ix:nonFraction ${c.attrs.name ?? ''}: "${number}" (after ${c.attrs.format ?? 'no format'}) is not a number.`,
          { source: c.source, actual: number },
        ),
      );
    }
    return value;
  }

  private nonNumeric(c: Capture, text: string): Fact | undefined {
    const f = this.factBase(c);
    if (!f) return undefined;
    if (c.lang) f.language = c.lang;
    if (isNil(c.attrs)) return f;
    const t = this.transform(c, text);
    if (!t.ok) return undefined;
    // Without a format the value is the text as displayed, whitespace and all (xs:string preserves it; a
    // token-like type collapses it when its value is checked).
    f.value = t.value ?? text;
    return f;
  }

  /** Follows every continuedAt chain (Inline XBRL 1.1 §4): the text of each fact or footnote that continues. */
  private resolveContinuations(): Map<Capture, string> {
    const texts = new Map<Capture, string>();
    const referrers = new Map<string, Set<Capture>>();
    for (const c of this.captures) {
      if ((c.kind !== 'nonNumeric' && c.kind !== 'footnote') || c.ns !== IX_NS.ix11 || !c.attrs.continuedAt) continue;
      const chain = [c];
      let text = c.text;
      let cur = c;
      let at = c.attrs.continuedAt.trim();
      while (at) {
        (referrers.get(at) ?? (referrers.set(at, new Set()).get(at) as Set<Capture>)).add(cur);
        const next = this.continuations.get(at);
        const err = (condition: string, message: string, related: SourceRef[] = []) =>
          this.diagnostics.push(
            diag(ixCode(condition, cur.kind, 'validation', cur.ns), 'error', message, { source: cur.source, related }),
          );
        if (!next) {
          const other = this.docIds.map((m) => m.get(at)).find((x) => x !== undefined);
          if (other)
            err('continuationTarget', `continuedAt "${at}" names a ${other.element} element, not an ix:continuation.`, [
              other.source,
            ]);
          else err('continuationMissing', `continuedAt "${at}": no ix:continuation with this id in the document set.`);
          break;
        }
        if (chain.includes(next)) {
          err('continuationCycle', `continuedAt "${at}" closes a cycle of continuations.`, [next.source]);
          break;
        }
        if (next.ancestors.some((a) => chain.includes(a)) || chain.some((x) => x.ancestors.includes(next))) {
          err(
            'continuationChainNested',
            `ix:continuation "${at}" is nested inside (or around) another element of its own chain.`,
            [next.source],
          );
          break;
        }
        chain.push(next);
        text += c.escape ? (next.escText ?? next.text) : next.text;
        cur = next;
        at = (next.attrs.continuedAt ?? '').trim();
      }
      texts.set(c, text);
    }
    for (const [id, cont] of this.continuations) {
      const refs = referrers.get(id);
      const at = { source: cont.source };
      if (!refs)
        this.diagnostics.push(
          diag(
            ixCode('continuationNotReferenced', 'continuation', 'validation'),
            'error',
            `ix:continuation "${id}" is not referenced by any continuedAt.`,
            at,
          ),
        );
      else if (refs.size > 1)
        this.diagnostics.push(
          diag(
            ixCode('continuationReferences', 'continuation', 'validation'),
            'error',
            `ix:continuation "${id}" is referenced by ${refs.size} elements; only one may continue into it.`,
            { ...at, related: [...refs].map((r) => r.source) },
          ),
        );
    }
    return texts;
  }

  /** Fact–footnote links: ix:relationship (1.1) and footnoteRefs (1.0). */
  private linkFootnotes(facts: Fact[], caps: Capture[], footnotes: Footnote[]): void {
    const notes = new Set(footnotes.map((n) => n.id));
    const add = (f: Fact, id: string) => {
      const l = (f.footnotes ??= []);
      if (!l.includes(id)) l.push(id);
    };
    for (let i = 0; i < caps.length; i++) {
      const c = caps[i];
      const f = facts[i];
      if (c.ns !== IX_NS.ix10 || !c.attrs.footnoteRefs) continue;
      for (const id of c.attrs.footnoteRefs.trim().split(/\s+/)) {
        if (notes.has(id)) add(f, id);
        else
          this.diagnostics.push(
            diag(
              ixCode('footnoteRef', 'footnote', 'validation', c.ns),
              'error',
              `footnoteRefs "${id}" does not identify an ix:footnote.`,
              { source: c.source },
            ),
          );
      }
    }
    if (!this.relationships.length) return;
    // Facts by id only when an ix:relationship names them (the last fact of an id wins, as before).
    const byId = new Map<string, Fact>();
    for (let i = 0; i < caps.length; i++) if (caps[i].attrs.id) byId.set(caps[i].attrs.id, facts[i]);
    const factElement = (id: string) => {
      const e = this.ids.get(id)?.element;
      return e !== undefined && (FACT_KINDS.has(e) || e === 'tuple');
    };
    for (const r of this.relationships) {
      const err = (condition: string, message: string) =>
        this.diagnostics.push(
          diag(ixCode(condition, 'relationship', 'validation', r.ns), 'error', message, { source: r.source }),
        );
      const from = (r.attrs.fromRefs ?? '').trim().split(/\s+/).filter(Boolean);
      const to = (r.attrs.toRefs ?? '').trim().split(/\s+/).filter(Boolean);
      for (const id of from)
        if (!factElement(id)) err('relationshipFromRef', `fromRefs "${id}" is not the id of a fact.`);
      for (const id of to)
        if (!notes.has(id) && !factElement(id))
          err('relationshipToRef', `toRefs "${id}" is not the id of an ix:footnote or a fact.`);
      if (from.some((id) => to.includes(id))) err('relationshipFromToMatch', 'fromRefs and toRefs share an id.');
      if ((r.attrs.arcrole ?? ARCROLE.factFootnote) !== ARCROLE.factFootnote) continue;
      for (const id of from) {
        const f = byId.get(id);
        if (f) for (const n of to) if (notes.has(n)) add(f, n);
      }
    }
  }

  private footnote(c: Capture, text: string): Footnote {
    const id = (c.ns === IX_NS.ix10 ? c.attrs.footnoteID : c.attrs.id) ?? '';
    if (!c.lang)
      this.diagnostics.push(
        diag(
          ixCode('footnoteLang', 'footnote', 'validation', c.ns),
          'error',
          `ix:footnote ${id} has no xml:lang in scope.`,
          { source: c.source },
        ),
      );
    return {
      id,
      language: c.lang ?? '',
      text: text.trim(),
      role: c.attrs.footnoteRole ?? ROLE.footnote,
      source: c.source,
    };
  }
}
