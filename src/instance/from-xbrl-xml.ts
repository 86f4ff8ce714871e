import path from 'node:path';
import {
  NS,
  diag,
  type SchemaDefaults,
  type Diagnostic,
  type Fact,
  type Footnote,
  type InstanceContext,
  type Period,
  type Report,
  type Unit,
  factId,
  type SourceRef,
} from '../model';

export type { InstanceContext };
import { scanXml, scanXmlPieces, type LeafElement } from '../xml/scan-xml';
import { contentState, contextFromElement, unitFromElement } from '../xbrl/read-contexts-units';
import { TreeBuilder, deepText, streamXml, XML_CODES, type XElement } from '../xml/read-xml';
import { budgetProblem, readXmlDocument, xmlPieces } from '../xml/decode';
import { limitsOf, type Limits } from '../util/limits';
import { ownString } from '../util/own-string';
import { standardRoleMisuse } from '../taxonomy/rules/standard-roles';
import { readAccuracy } from '../xbrl/lexical';

export interface ReadOptions {
  /** Refuse files larger than this many bytes (default 512 MiB, about 3M facts), so memory stays bounded. */
  maxBytes?: number;
  /** `auto` (default): the fast scanner, falling back to saxes; `saxes`: always the streaming parser. */
  parser?: 'auto' | 'saxes';
  /** Schema defaulting from the DTS (element and attribute defaults), applied as a schema validator would. */
  defaults?: SchemaDefaults;
  /** Nesting depth and other limits (util/limits). */
  limits?: Partial<Limits>;
  /** UTF-8 files from this many bytes are scanned in pieces as they are read (default 4 MiB; `Infinity`: never). */
  piecesFrom?: number;
}

export interface ReadResult {
  report?: Report;
  contexts: Map<string, InstanceContext>;
  units: Map<string, Unit & { line: number }>;
  diagnostics: Diagnostic[];
  /** hrefs of the instance's linkbaseRefs (part of its DTS). */
  linkbaseRefs?: string[];
  /**
   * Local schemas the root's `xsi:schemaLocation` names (relative hrefs, as written): hints for XML Schema
   * validation, not part of the DTS (XBRL 2.1 §3); the validator reads their attribute declarations for lax validation.
   */
  schemaHints?: string[];
}

const X = (local: string) => `{${NS.xbrli}}${local}`;
const L = (local: string) => `{${NS.link}}${local}`;
const XL = (local: string) => `{${NS.xlink}}${local}`;
const XSI_NIL = `{${NS.xsi}}nil`;
const XSI_SCHEMA_LOCATION = `{${NS.xsi}}schemaLocation`;
const XML_LANG = `{${NS.xml}}lang`;
const XML_BASE = `{${NS.xml}}base`;
const [SCHEMA_REF, LINKBASE_REF, ROLE_REF, ARCROLE_REF, FOOTNOTE_LINK] = [
  'schemaRef',
  'linkbaseRef',
  'roleRef',
  'arcroleRef',
  'footnoteLink',
].map(L);
const [CONTEXT, UNIT] = ['context', 'unit'].map(X);
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
  const limits = limitsOf({ maxBytes: options.maxBytes, ...options.limits });
  const fastPath = options.parser !== 'saxes';
  const scan = { internValuesOf: REPEATED_ATTRS, maxDepth: limits.maxDepth, maxContexts: limits.maxContexts };
  // A large UTF-8 instance is scanned as it is read, in pieces: its bytes and its whole text are
  // never held (a third less memory for a million facts). Anything declined there is read whole below.
  const pieces = fastPath ? xmlPieces(path, file, limits, options.piecesFrom) : undefined;
  if (pieces) {
    try {
      const streamed = readWith(
        file,
        (onRoot, onChild, onLeaf) =>
          scanXmlPieces(pieces.next, onRoot, onChild, { onLeaf, ...scan }) ? [] : undefined,
        options.defaults,
      );
      if (streamed) return streamed;
    } finally {
      pieces.close();
    }
  }
  // The fast scanner keeps to the depth and contexts budget itself (declining past it), so the
  // budget's own pass over the text runs only when the scanner declines.
  const read = readXmlDocument(path, file, limits, 'xml', !fastPath);
  if (read.text === undefined) {
    diagnostics.push(...read.diagnostics);
    return out;
  }
  const text = read.text;
  // Fast path for ordinary instances; saxes for anything the scanner declines.
  if (fastPath) {
    // (A document the piecewise scan declined is not scanned again: saxes judges it.)
    const fast = pieces
      ? undefined
      : readWith(
          file,
          (onRoot, onChild, onLeaf) => (scanXml(text, onRoot, onChild, { onLeaf, ...scan }) ? [] : undefined),
          options.defaults,
        );
    if (fast) return fast;
    const over = budgetProblem(text, file, limits, 'xml');
    if (over) {
      diagnostics.push(over);
      return out;
    }
  }
  return readWith(
    file,
    (onRoot, onChild) => {
      const builder = new TreeBuilder(false, onChild);
      let rootSeen = false;
      return streamXml([text], file, {
        opentag: (tag, line, column, nsMap) => {
          builder.opentag(tag, line, column, nsMap);
          if (!rootSeen) {
            rootSeen = true;
            onRoot(builder.root as XElement);
          }
        },
        text: (t) => builder.text(t),
        closetag: () => builder.closetag(),
      });
    },
    options.defaults,
  ) as ReadResult;
}

const FAKE = 'file:///xml-base/a/b/c/d/';

/** Fills in schema defaults: absent attributes that have a default, and empty simple content that has one (iteratively, any depth). */
function applyDefaults(root: XElement, d: SchemaDefaults): void {
  const stack = [root];
  while (stack.length) {
    const e = stack.pop() as XElement;
    const attrs = d.attributes.get(e.name);
    // Note: a copy, since elements without attributes share one frozen record.
    if (attrs)
      for (const [k, v] of Object.entries(attrs)) if (e.attrs[k] === undefined) e.attrs = { ...e.attrs, [k]: v };
    const v = d.values.get(e.name);
    const nil = e.attrs[`{${NS.xsi}}nil`] === 'true' || e.attrs[`{${NS.xsi}}nil`] === '1';
    if (v !== undefined && !nil && e.children.length === 0 && e.text.trim() === '') e.text = v;
    for (const c of e.children) stack.push(c);
  }
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

type Feed = (
  onRoot: (e: XElement) => void,
  onChild: (e: XElement) => void,
  onLeaf: (e: LeafElement) => boolean,
) => Diagnostic[] | undefined;

/** Fact attributes whose values repeat across facts: the scanner keeps one string per distinct value. */
const REPEATED_ATTRS = ['contextRef', 'unitRef', 'decimals', 'precision', 'xml:lang'];

/** Builds the report from a stream of top-level elements; undefined when the feed declines the document. */
function readWith(file: string, feed: Feed, defaults?: SchemaDefaults): ReadResult | undefined {
  const r = new InstanceReader(file, defaults);
  const xmlProblems = feed(
    (e) => r.root(e),
    (e) => r.child(e),
    (e) => r.leaf(e),
  );
  if (xmlProblems === undefined) return undefined;
  return r.finish(xmlProblems);
}

/** Placeholders until a fact's context is resolved; shared, so a million facts cost no objects for them. */
const NO_ENTITY = Object.freeze({ scheme: '', identifier: '' });
const NO_PERIOD: Period = Object.freeze({ type: 'forever' });

type Where = { line: number; column: number };

/** Turns the top-level elements of an instance into contexts, units, facts and footnotes, one element at a time. */
class InstanceReader {
  readonly diagnostics: Diagnostic[] = [];
  readonly contexts = new Map<string, InstanceContext>();
  readonly units = new Map<string, Unit & { line: number }>();
  private readonly facts: Fact[] = [];
  private readonly footnotes: Footnote[] = [];
  private readonly taxonomy: string[] = [];
  private readonly taxonomySources: SourceRef[] = [];
  private readonly ids = new Map<string, number>();
  private readonly links: { href: string; to: string; source: { file: string; line: number; column: number } }[] = [];
  private readonly footnoteIds = new Set<string>();
  private readonly refUris = new Set<string>();
  private linkbaseRefs?: string[];
  private schemaHints?: string[];
  /** Per-document state of segment/scenario reading (NaN tokens, interned strings). */
  private readonly contentState = contentState();
  private rootSeen = false;
  private rootBase?: string;
  /** The root's xml:lang, in scope for every footnote that does not set its own (XML 1.0 §2.12). */
  private rootLang?: string;
  /** The root's prefixes (not the default namespace): writers of the report (xBRL-JSON, xBRL-CSV) name concepts and members with them. */
  private namespaces: Record<string, string> = {};

  constructor(
    private readonly file: string,
    private readonly defaults?: SchemaDefaults,
  ) {}

  private at(e: Where) {
    return { file: this.file, line: e.line, column: e.column };
  }

  /** A decimals or precision attribute through the one lexical check; an invalid one is reported and kept as NaN. */
  private accuracy(kind: 'decimals' | 'precision', raw: string, at: Where, id: string | undefined, concept: string) {
    const { value, issue } = readAccuracy(kind, raw);
    if (issue)
      this.diagnostics.push(
        diag(issue.code, 'error', `Fact ${id ?? concept}: ${kind} "${raw}" is not ${issue.expected}.`, {
          source: this.at(at),
          expected: issue.expected,
          actual: raw,
        }),
      );
    return value;
  }

  private noteId(id: string, e: Where): void {
    const prev = this.ids.get(id);
    if (prev !== undefined)
      this.diagnostics.push(
        diag('xmlSchema:duplicateId', 'error', `id "${id}" is used twice (first on line ${prev}).`, {
          source: this.at(e),
          related: [{ file: this.file, line: prev, column: 1 }],
        }),
      );
    else this.ids.set(id, e.line);
  }

  root(e: XElement): void {
    this.rootSeen = true;
    this.rootBase = e.attrs[XML_BASE];
    this.rootLang = e.attrs[XML_LANG];
    // xsi:schemaLocation: pairs of namespace and location; only locations without a scheme (local files) are kept.
    const pairs = (e.attrs[XSI_SCHEMA_LOCATION] ?? '').trim().split(/\s+/);
    for (let i = 1; i < pairs.length; i += 2)
      if (!/^[a-z][a-z0-9+.-]*:|^[/\\]{2}/i.test(pairs[i]))
        (this.schemaHints ??= []).push(ownString(withBase(pairs[i], [this.rootBase])));
    // Own copies: views into the document text would keep all of it alive (see ownString).
    for (const [p, ns] of Object.entries(e.nsMap)) if (p && p !== 'xml') this.namespaces[ownString(p)] = ownString(ns);
    if (e.name !== X('xbrl'))
      this.diagnostics.push(
        diag('xbrl:notAnInstance', 'error', `The root element is ${e.name}, expected xbrli:xbrl.`, {
          source: this.at(e),
        }),
      );
  }

  child(e: XElement): void {
    if (this.defaults) applyDefaults(e, this.defaults);
    // Facts first: the other top-level elements are all in the link or xbrli namespace.
    if (e.ns !== NS.link && e.ns !== NS.xbrli) this.readFact(e);
    else if (e.name === ROLE_REF || e.name === ARCROLE_REF) this.readRoleRef(e);
    else if (e.name === LINKBASE_REF) {
      const href = e.attrs[XL('href')];
      if (href) (this.linkbaseRefs ??= []).push(withBase(href, [this.rootBase, e.attrs[XML_BASE]]));
    } else if (e.name === SCHEMA_REF) {
      const href = e.attrs[XL('href')];
      if (href) {
        this.taxonomy.push(ownString(withBase(href, [this.rootBase, e.attrs[XML_BASE]])));
        this.taxonomySources.push(this.at(e));
      } else
        this.diagnostics.push(
          diag('xbrl.4.2.2:schemaRefHref', 'error', 'schemaRef without xlink:href.', { source: this.at(e) }),
        );
    } else if (e.name === CONTEXT) this.readContext(e);
    else if (e.name === UNIT) this.readUnit(e);
    else if (e.name === FOOTNOTE_LINK) this.readFootnoteLink(e);
  }

  private readRoleRef(e: XElement): void {
    const role = e.local === 'roleRef';
    const uri = e.attrs[role ? 'roleURI' : 'arcroleURI'] ?? '';
    const k = `${e.local} ${uri}`;
    if (this.refUris.has(k))
      this.diagnostics.push(
        diag(
          role ? 'xbrl.3.5.2.4.5:roleRefDuplicate' : 'xbrl.3.5.2.5.5:arcroleRefDuplicate',
          'error',
          `${e.local} ${uri} appears twice in the instance.`,
          { source: this.at(e) },
        ),
      );
    this.refUris.add(k);
  }

  private readContext(e: XElement): void {
    this.noteId(e.attrs.id ?? '', e);
    // Keyed by the context's own id (contextFromElement keeps its own copy of the text, see ownString).
    const context = contextFromElement(e, this.file, this.diagnostics, this.contentState);
    this.contexts.set(context.id, context);
  }

  private readUnit(e: XElement): void {
    const id = ownString(e.attrs.id ?? '');
    this.noteId(id, e);
    this.units.set(id, unitFromElement(e));
  }

  private readFootnoteLink(e: XElement): void {
    // Labels are local to one extended link (XLink): resolve every arc within its own link.
    const locs = new Map<string, XElement>();
    const notes = new Map<string, string>();
    const arcs: XElement[] = [];
    this.checkStandardRole(e);
    // xml:lang is inherited (XML 1.0 §2.12): the footnote's own, else its link's, else the root's.
    const inScopeLang = e.attrs[XML_LANG] ?? this.rootLang;
    for (const c of e.children) {
      const label = c.attrs[XL('label')] ?? '';
      if (c.attrs[XL('type')] === 'locator') {
        locs.set(label, c);
        this.checkFootnoteLocator(c);
      } else if (c.name === L('footnote')) {
        const id = this.footnoteIds.has(label) ? `${label}@${c.line}` : label;
        const language = c.attrs[XML_LANG] ?? inScopeLang;
        this.footnoteIds.add(id);
        notes.set(label, id);
        this.footnotes.push({
          id: ownString(id),
          language: ownString(language ?? ''),
          text: ownString(deepText(c).trim()),
          role: c.attrs[XL('role')] && ownString(c.attrs[XL('role')]),
          source: this.at(c),
        });
        if (language === undefined)
          this.diagnostics.push(
            diag('xbrl.4.11.1.2.1:footnoteLang', 'error', 'Footnote without an xml:lang in scope.', {
              source: this.at(c),
            }),
          );
        this.checkStandardRole(c);
      } else if (c.attrs[XL('type')] === 'arc') arcs.push(c);
    }
    this.readFootnoteArcs(arcs, locs, notes);
  }

  /** A footnote link's locators are link:loc elements (XBRL 2.1 §4.11.1.1) pointing into this instance. */
  private checkFootnoteLocator(c: XElement): void {
    if (c.ns !== NS.link)
      this.diagnostics.push(
        diag('xbrl.4.11.1.1:customLocator', 'error', `${c.name} is a custom locator in a footnote link.`, {
          source: this.at(c),
          expected: 'link:loc',
        }),
      );
    const href = c.attrs[XL('href')] ?? '';
    const doc = href.slice(0, Math.max(0, href.indexOf('#')));
    if (doc && path.basename(doc) !== path.basename(this.file))
      this.diagnostics.push(
        diag('xbrl.4.11.1.1:instanceLoc', 'error', `Footnote locator ${href} must point at a fact of this instance.`, {
          source: this.at(c),
        }),
      );
  }

  /** A standard role only where it is defined: link role on the link, footnote role on a footnote (§3.5.3, §4.11.1.2). */
  private checkStandardRole(e: XElement): void {
    const role = e.attrs[XL('role')];
    const misuse = role === undefined ? undefined : standardRoleMisuse(e.name, role);
    if (misuse)
      this.diagnostics.push(
        diag(misuse, 'error', `Standard role ${role} is not defined for ${e.local}.`, {
          source: this.at(e),
          actual: role,
        }),
      );
  }

  /** The arcs of one footnote link, resolved against its own locators and footnotes. */
  private readFootnoteArcs(arcs: XElement[], locs: Map<string, XElement>, notes: Map<string, string>): void {
    const pairs = new Set<string>();
    for (const arc of arcs) {
      const from = arc.attrs[XL('from')] ?? '';
      const to = arc.attrs[XL('to')] ?? '';
      if (pairs.has(`${from}\u0000${to}`))
        this.diagnostics.push(
          diag('xlink:dupArcs', 'error', `Two arcs from "${from}" to "${to}" in one footnote link.`, {
            source: this.at(arc),
          }),
        );
      pairs.add(`${from}\u0000${to}`);
      if (!locs.has(from) && !notes.has(from))
        this.diagnostics.push(
          diag(
            'xbrl.3.5.3.9.2:arcResource',
            'error',
            `Arc from "${from}": no locator or footnote with that label in this link.`,
            { source: this.at(arc) },
          ),
        );
      if (!locs.has(to) && !notes.has(to))
        this.diagnostics.push(
          diag(
            'xbrl.3.5.3.9.3:arcResource',
            'error',
            `Arc to "${to}": no locator or footnote with that label in this link.`,
            { source: this.at(arc) },
          ),
        );
      if (arc.name !== L('footnoteArc') || arc.attrs[XL('arcrole')] !== FACT_FOOTNOTE) continue;
      if (!locs.has(from)) {
        this.diagnostics.push(
          diag(
            'xbrl.4.11.1.3.1:factFootnoteArcFrom',
            'error',
            `fact-footnote arc from "${from}": not a locator of a fact.`,
            { source: this.at(arc) },
          ),
        );
        continue;
      }
      const note = notes.get(to);
      if (note === undefined) {
        this.diagnostics.push(
          diag('xbrl.4.11.1.3.1:factFootnoteArcTo', 'error', `fact-footnote arc to "${to}": not a footnote.`, {
            source: this.at(arc),
          }),
        );
        continue;
      }
      this.links.push({ href: locs.get(from)!.attrs[XL('href')] ?? '', to: note, source: this.at(arc) });
    }
  }

  /** A fact without child elements, from the scanner's view of it (no element built); false: not a fact, or schema defaults apply. */
  leaf(v: LeafElement): boolean {
    if (this.defaults || v.ns === NS.link || v.ns === NS.xbrli) return false;
    this.facts.push(this.factOf(v.name, v, v.text, v.attrNames, v.attrValues, v.attrCount));
    return true;
  }

  private readFact(e: XElement, parent?: string): void {
    const names = Object.keys(e.attrs);
    const f = this.factOf(
      e.name,
      e,
      e.text,
      names,
      names.map((k) => e.attrs[k]),
      names.length,
      parent,
      e.children.length > 0,
    );
    if (e.children.length) return this.readTuple(e, f, parent);
    this.facts.push(f);
  }

  /** A fact from its name, place, text and attributes (names and values side by side, the first `count`); tuples get their parts in readTuple. */
  private factOf(
    concept: string,
    at: Where,
    text: string,
    names: readonly string[],
    values: readonly string[],
    count: number,
    parent?: string,
    tuple = false,
  ): Fact & { tuple?: boolean } {
    let id: string | undefined,
      contextRef: string | undefined,
      unitRef: string | undefined,
      decimals: string | undefined,
      precision: string | undefined,
      nilAttr: string | undefined,
      lang: string | undefined;
    let attributes: Record<string, string> | undefined;
    for (let i = 0; i < count; i++) {
      const k = names[i];
      const v = values[i];
      if (k === 'contextRef') contextRef = v;
      else if (k === 'unitRef') unitRef = v;
      else if (k === 'decimals') decimals = v;
      else if (k === 'id') id = v;
      else if (k === 'precision') precision = v;
      else if (k === XSI_NIL) nilAttr = v;
      else if (k === XML_LANG) lang = v;
      else if (k.charCodeAt(0) === 123 /* { */ && !STANDARD_ATTR_NS.some((ns) => k.startsWith(ns)))
        (attributes ??= {})[k] = ownString(v);
    }
    // Own copies of what the fact keeps from the text (see ownString): a long id or value would otherwise keep the whole document alive.
    if (id) {
      id = ownString(id);
      this.noteId(id, at);
    }
    const nil = nilAttr === 'true' || nilAttr === '1';
    // Numeric items collapse whitespace (xs:decimal and its kin); any other value is the text as written:
    // xs:string preserves whitespace, and a token-like type collapses it when the value is checked.
    const value = nil ? null : ownString(unitRef !== undefined ? text.trim() : text);
    const source = this.at(at);
    // Note: the properties every fact of its kind gets are in the literal, so that a million facts
    // carry no separate property store each (one object fewer per fact for the garbage collector).
    const f: Fact & { tuple?: boolean } =
      unitRef !== undefined
        ? {
            id,
            concept,
            entity: NO_ENTITY,
            period: NO_PERIOD,
            value,
            contextId: contextRef,
            unitId: unitRef,
            source,
            dimensions: undefined,
            unit: undefined,
            decimals:
              tuple || decimals === undefined ? undefined : this.accuracy('decimals', decimals, at, id, concept),
          }
        : {
            id,
            concept,
            entity: NO_ENTITY,
            period: NO_PERIOD,
            value,
            contextId: contextRef,
            unitId: unitRef,
            source,
            dimensions: undefined,
            language: tuple ? undefined : lang,
          };
    if (parent) f.tupleParent = parent;
    if (attributes) f.attributes = attributes;
    if (tuple) return f;
    // Decimals and precision are read through the one lexical check (an invalid one is NaN, reported here).
    if (decimals !== undefined && unitRef === undefined)
      f.decimals = this.accuracy('decimals', decimals, at, id, concept);
    if (precision !== undefined) f.precision = this.accuracy('precision', precision, at, id, concept);
    if (nil && text.trim() !== '')
      this.diagnostics.push(
        diag('xbrl.4.6.3:nilWithValue', 'error', `Nil fact ${factId(f)} has content.`, { source: this.at(at) }),
      );
    if (lang && unitRef !== undefined) f.language = lang;
    return f;
  }

  /** A tuple: its own entry carries no value; its items and tuples are facts scoped to it. */
  private readTuple(e: XElement, f: Fact & { tuple?: boolean }, parent: string | undefined): void {
    f.tuple = true;
    f.value = null;
    const reserved = Object.keys(e.attrs).filter(
      (a) => a.startsWith(`{${NS.xbrli}}`) || a.startsWith(`{${NS.link}}`) || a.startsWith(`{${NS.xlink}}`),
    );
    if (reserved.length)
      this.diagnostics.push(
        diag(
          'xbrl.4.9:tupleAttribute',
          'error',
          `Tuple ${e.local} must not carry attributes from XBRL namespaces (${reserved.join(', ')}).`,
          { source: this.at(e) },
        ),
      );
    this.facts.push(f);
    const scope = `${parent ? `${parent}/` : ''}${e.line}:${e.column}`;
    for (const c of e.children) this.readFact(c, scope);
  }

  /** After the last element: resolve facts' contexts, units and footnotes; the report, or only diagnostics when the XML was bad. */
  finish(xmlProblems: Diagnostic[]): ReadResult {
    const { diagnostics, file } = this;
    const out: ReadResult = { contexts: this.contexts, units: this.units, diagnostics };
    if (this.linkbaseRefs) out.linkbaseRefs = this.linkbaseRefs;
    if (this.schemaHints) out.schemaHints = this.schemaHints;
    diagnostics.push(...xmlProblems);
    if (xmlProblems.length || !this.rootSeen) {
      if (!this.rootSeen && !xmlProblems.length)
        diagnostics.push(
          diag(XML_CODES.syntax, 'error', 'The file holds no XML element.', { source: { file, line: 1, column: 1 } }),
        );
      return out;
    }
    this.resolveAspects();
    this.linkFootnotes();
    if (this.taxonomy.length === 0)
      diagnostics.push(
        diag('xbrl.4.2.2:schemaRefMissing', 'error', 'The instance has no link:schemaRef.', {
          source: { file, line: 1, column: 1 },
        }),
      );
    out.report = {
      taxonomy: this.taxonomy,
      taxonomySources: this.taxonomySources,
      facts: this.facts,
      footnotes: this.footnotes,
      namespaces: this.namespaces,
      file,
    };
    return out;
  }

  /** Facts take their context's entity, period and dimensions objects and one shared unit object per unit id. */
  private resolveAspects(): void {
    const shared = new Map<string, { id: string; unit: Unit }>();
    // Facts of one context usually stand together: the previous fact's context, and whether it has dimensions, first.
    let lastRef: string | undefined;
    let last: InstanceContext | undefined;
    let lastDims: Record<string, string> | undefined;
    let lastUnitRef: string | undefined;
    let lastUnit: { id: string; unit: Unit } | undefined;
    for (const f of this.facts) {
      if (f.contextId !== lastRef) {
        lastRef = f.contextId;
        last = lastRef !== undefined ? this.contexts.get(lastRef) : undefined;
        lastDims = last && Object.keys(last.dimensions).length ? last.dimensions : undefined;
      }
      const c = last;
      if (c) {
        f.contextId = c.id; // one string per context, not one per fact
        f.entity = c.entity;
        if (c.period) f.period = c.period;
        if (lastDims) f.dimensions = lastDims;
      }
      if (f.unitId === undefined) continue;
      if (f.unitId !== lastUnitRef) {
        lastUnitRef = f.unitId;
        const u = this.units.get(f.unitId);
        lastUnit = u && shared.get(f.unitId);
        if (u && !lastUnit) {
          lastUnit = { id: f.unitId, unit: { numerators: u.numerators, denominators: u.denominators } };
          shared.set(lastUnit.id, lastUnit);
        }
      }
      if (lastUnit) {
        f.unit = lastUnit.unit;
        f.unitId = lastUnit.id;
      }
    }
  }

  private linkFootnotes(): void {
    if (!this.links.length) return;
    const byId = new Map(this.facts.filter((f) => f.id !== undefined).map((f) => [f.id, f]));
    for (const l of this.links) {
      const target = byId.get(l.href.slice(l.href.indexOf('#') + 1));
      if (target) (target.footnotes ??= []).push(l.to);
      else
        this.diagnostics.push(
          diag('xbrl.4.11.1.1:footnoteLinkLocTarget', 'error', `footnote locator ${l.href} does not identify a fact.`, {
            source: l.source,
          }),
        );
    }
  }
}
