import type { SaxesTagNS } from 'saxes';
import { ScopedNames, type Scope } from './scoped-names';
import { ownString } from '../util/own-string';

/** One parse event, as `streamXml`'s handlers receive them (the saxes and HTML recovery paths). */
export type XmlEvent =
  | { type: 'open'; tag: SaxesTagNS; line: number; column: number; nsMap: Record<string, string> }
  | { type: 'text'; text: string }
  | { type: 'close' };

/**
 * A start tag as the Inline XBRL reader sees it. The scanner hands over one view it reuses for
 * every tag (valid only during the call): names are one string per distinct name, and attributes
 * are parallel arrays, so that the XHTML around the facts costs no object per element.
 */
export interface OpenTag {
  /** The name as written (`ix:nonFraction`). */
  qname: string;
  uri: string;
  local: string;
  /** Clark name `{uri}local`. */
  name: string;
  line: number;
  column: number;
  /** In-scope prefix → namespace (prototype chain follows ancestors). */
  nsMap: Record<string, string>;
  /** Attributes other than namespace declarations, the first `attrCount` entries: as written, and Clark (local when unqualified). */
  attrCount: number;
  readonly attrQNames: string[];
  readonly attrNames: string[];
  /** The decoded, normalised value of attribute i (cut from the text only when asked for). */
  value(i: number): string;
}

/** What the scanner calls; `wantsText` false lets it check character data without building a string of it. */
export interface XhtmlHandler {
  open(tag: OpenTag): void;
  text(t: string): void;
  close(): void;
  wantsText(): boolean;
}

const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const HEX = /^[0-9A-Fa-f]+$/;
const DEC = /^[0-9]+$/;
/** A (prefixed) name as the scanner accepts it: ASCII only; anything else goes to saxes. */
const QNAME = /^[A-Za-z_][\w.\-]*(?::[A-Za-z_][\w.\-]*)?$/;
/** Characters a name may hold: letters, digits, _ . - : (a table lookup; NaN past the end reads undefined). */
const NAME_CHARS = new Uint8Array(0x80);
for (let c = 0; c < 0x80; c++)
  NAME_CHARS[c] =
    (c >= 0x61 && c <= 0x7a) ||
    (c >= 0x41 && c <= 0x5a) ||
    (c >= 0x30 && c <= 0x3a) ||
    c === 0x5f ||
    c === 0x2e ||
    c === 0x2d
      ? 1
      : 0;
const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x09;

/** The character an entity or character reference between `&` and `;` (text[from, end)) stands for, or undefined. */
function entity(text: string, from: number, end: number): string | undefined {
  if (text.charCodeAt(from) !== 0x23 /* # */) {
    const name = text.slice(from, end);
    return Object.hasOwn(ENTITIES, name) ? ENTITIES[name] : undefined;
  }
  const hex = text.charCodeAt(from + 1) === 0x78; /* x */
  const digits = text.slice(from + (hex ? 2 : 1), end);
  if (!(hex ? HEX : DEC).test(digits)) return undefined;
  const cp = parseInt(digits, hex ? 16 : 10);
  // Only references to XML Chars (XML 1.0 §2.2); others (&#0;, &#x110000;) are left to saxes to report.
  const char =
    cp === 0x9 ||
    cp === 0xa ||
    cp === 0xd ||
    (cp >= 0x20 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd) ||
    (cp >= 0x10000 && cp <= 0x10ffff);
  return char ? String.fromCodePoint(cp) : undefined;
}

/** text[from, end) with the predefined entities and character references decoded; undefined for any other `&`. */
function decodeRange(text: string, from: number, end: number): string | undefined {
  let amp = text.indexOf('&', from);
  if (amp < 0 || amp >= end) return text.slice(from, end);
  let out = '';
  let p = from;
  while (amp >= 0 && amp < end) {
    const semi = text.indexOf(';', amp + 1);
    if (semi < 0 || semi >= end) return undefined;
    const c = entity(text, amp + 1, semi);
    if (c === undefined) return undefined;
    out += text.slice(p, amp) + c;
    p = semi + 1;
    amp = text.indexOf('&', p);
  }
  return out + text.slice(p, end);
}

/** True when every `&` in text[from, end) starts a reference `decodeRange` decodes (nothing is built). */
function referencesOk(text: string, from: number, end: number): boolean {
  for (let amp = text.indexOf('&', from); amp >= 0 && amp < end; amp = text.indexOf('&', amp + 1)) {
    const semi = text.indexOf(';', amp + 1);
    if (semi < 0 || semi >= end || entity(text, amp + 1, semi) === undefined) return false;
  }
  return true;
}

/**
 * A fast path for reading XHTML (Inline XBRL documents): scans the whole text and calls `handler`
 * with what saxes would give (namespace-resolved tags with their start line and column, decoded
 * text, CDATA as text, comments and processing instructions skipped). Line ends are normalised
 * (XML 1.0 §2.11) as saxes does; a nesting deeper than `maxDepth`, or more than `maxContexts`
 * elements named `context`, is declined (the caller's slow path, which checks the budget, reports it).
 *
 * Note: it accepts only what it fully understands. A DOCTYPE, an entity other than the five
 * predefined ones, a non-ASCII name, a mismatched tag, an unbound prefix, a stray character: it
 * returns false and the caller reads the text with saxes, which judges it and gives the exact
 * diagnostic. The handler has then seen part of the document, and the caller starts over.
 */
export function scanXhtml(
  text: string,
  handler: XhtmlHandler,
  limits: { maxDepth?: number; maxContexts?: number } = {},
): boolean {
  const normalised = text.indexOf('\r') < 0 ? text : text.replace(/\r\n?/g, '\n');
  return new XhtmlScanner(normalised, handler, limits.maxDepth ?? Infinity, limits.maxContexts ?? Infinity).run();
}

class XhtmlScanner {
  private pos = 0;
  private line = 1;
  private lineStart = 0;
  /** The next newline not yet counted, found once (a document on a few long lines is not searched again at every tag). */
  private nextNewline: number;
  private readonly stack: string[] = [];
  private readonly scopes: Scope[] = [];
  private readonly rootScope: Scope = Object.create(null);
  private readonly scoped = new ScopedNames();
  /** Names as written: one string per distinct name, found without cutting one from the text. */
  private readonly qnames = new Map<number, string[]>();
  /** The last name seen per low bits of its hash: most names are found here without a table lookup. */
  private readonly recentNames: (string | undefined)[] = new Array<string | undefined>(1024).fill(undefined);
  /** The attributes of the tag being read, as written: names, where their values are, and the values that had to be decoded (others are cut on demand). */
  private rawNames: string[] = [];
  private rawStart: number[] = [];
  private rawEnd: number[] = [];
  private rawDecoded: (string | undefined)[] = [];
  private rawCount = 0;
  private tagEnd = 0;
  /** The next '&', tab and newline at or after the last place asked about (Infinity: none): the scan only moves forward, so each is searched for once. */
  private nextAmp = -1;
  /** The first '<' after the last start tag's name (-1: none, or not known). */
  private nextLt = -1;
  private nextTab = -1;
  private nextNl = -1;
  private readonly view: ScanView;
  private contexts = 0;

  constructor(
    private readonly text: string,
    private readonly h: XhtmlHandler,
    private readonly maxDepth: number,
    private readonly maxContexts: number,
  ) {
    this.rootScope.xml = XML_NS;
    this.view = new ScanView(text, this.rootScope);
    this.nextNewline = text.indexOf('\n');
    if (text.charCodeAt(0) === 0xfeff) this.pos = 1;
  }

  run(): boolean {
    const { text } = this;
    let sawRoot = false;
    while (this.pos < text.length) {
      // The start tag just read searched for the next '<' already (no value may hold one).
      const lt = this.nextLt >= this.pos ? this.nextLt : text.indexOf('<', this.pos);
      const end = lt < 0 ? text.length : lt;
      if (end > this.pos && !this.chars(this.pos, end)) return false;
      if (lt < 0) break;
      const c = text.charCodeAt(lt + 1);
      let ok: boolean;
      if (c === 0x3f /* ? */) ok = this.skip(lt + 2, '?>');
      else if (c === 0x21 /* ! */) ok = this.markup(lt);
      else if (c === 0x2f /* / */) ok = this.endTag(lt);
      else {
        if (this.stack.length === 0 && sawRoot) return false;
        sawRoot = true;
        ok = this.startTag(lt);
      }
      if (!ok) return false;
    }
    return sawRoot && this.stack.length === 0;
  }

  /** Character data: only whitespace outside the root element; decoded text inside it. */
  private chars(from: number, end: number): boolean {
    const { text } = this;
    if (this.stack.length === 0) {
      for (let i = from; i < end; i++) if (!isSpace(text.charCodeAt(i))) return false;
      return true;
    }
    // ']]>' may not occur in character data (a '>' is rare there; the search stops at the tag that follows).
    for (let g = text.indexOf('>', from); g >= 0 && g < end; g = text.indexOf('>', g + 1))
      if (g - 2 >= from && text.charCodeAt(g - 1) === 0x5d && text.charCodeAt(g - 2) === 0x5d) return false;
    const amp = this.ampAt(from) < end;
    if (!this.h.wantsText()) return !amp || referencesOk(text, from, end);
    const t = amp ? decodeRange(text, from, end) : text.slice(from, end);
    if (t === undefined) return false;
    this.h.text(t);
    return true;
  }

  /** The first '&' at or after p (Infinity when none); p never goes back. */
  private ampAt(p: number): number {
    if (this.nextAmp < p) {
      const k = this.text.indexOf('&', p);
      this.nextAmp = k < 0 ? Infinity : k;
    }
    return this.nextAmp;
  }

  /** Whether text[p, end) holds a tab or a newline (attribute-value normalisation turns them into spaces); p never goes back. */
  private tabOrNewline(p: number, end: number): boolean {
    if (this.nextTab < p) {
      const k = this.text.indexOf('\t', p);
      this.nextTab = k < 0 ? Infinity : k;
    }
    if (this.nextNl < p) {
      const k = this.text.indexOf('\n', p);
      this.nextNl = k < 0 ? Infinity : k;
    }
    return this.nextTab < end || this.nextNl < end;
  }

  private skip(from: number, terminator: string): boolean {
    const e = this.text.indexOf(terminator, from);
    if (e < 0) return false;
    this.pos = e + terminator.length;
    return true;
  }

  /** A comment is skipped, a CDATA section (inside the root) is text; a DOCTYPE is left to saxes. */
  private markup(lt: number): boolean {
    const { text } = this;
    if (text.startsWith('!--', lt + 1)) return this.skip(lt + 4, '-->');
    if (!text.startsWith('![CDATA[', lt + 1) || this.stack.length === 0) return false;
    const e = text.indexOf(']]>', lt + 9);
    if (e < 0) return false;
    this.h.text(text.slice(lt + 9, e));
    this.pos = e + 3;
    return true;
  }

  /** The name at p as written (one string per distinct name), or undefined when the scanner does not accept one there. */
  private nameAt(p: number): string | undefined {
    const { text } = this;
    let e = p;
    let h = 0x811c9dc5;
    for (let c = text.charCodeAt(e); NAME_CHARS[c] === 1; c = text.charCodeAt(++e)) h = Math.imul(h ^ c, 0x01000193);
    const len = e - p;
    if (len === 0) return undefined;
    const slot = h & 1023;
    const recent = this.recentNames[slot];
    if (recent !== undefined && recent.length === len && text.startsWith(recent, p)) return recent;
    const found = this.knownName(h, p, e);
    if (found !== undefined) this.recentNames[slot] = found;
    return found;
  }

  /** The name text[p, e) (hash h) from the table of names, added when new and acceptable. */
  private knownName(h: number, p: number, e: number): string | undefined {
    const { text } = this;
    const len = e - p;
    const list = this.qnames.get(h);
    if (list) for (const s of list) if (s.length === len && text.startsWith(s, p)) return s;
    const name = ownString(text.slice(p, e));
    if (!QNAME.test(name)) return undefined;
    if (list) list.push(name);
    else this.qnames.set(h, [name]);
    return name;
  }

  /** `</name>` must close the element on top of the stack. */
  private endTag(lt: number): boolean {
    const { text } = this;
    const open = this.stack.pop();
    if (open === undefined || !text.startsWith(open, lt + 2) || NAME_CHARS[text.charCodeAt(lt + 2 + open.length)] === 1)
      return false;
    let p = lt + 2 + open.length;
    while (isSpace(text.charCodeAt(p))) p++;
    if (text.charCodeAt(p) !== 0x3e) return false;
    this.scopes.pop();
    this.pos = p + 1;
    this.h.close();
    return true;
  }

  private startTag(lt: number): boolean {
    const { text } = this;
    const qname = this.nameAt(lt + 1);
    if (qname === undefined || !this.attributes(lt + 1 + qname.length)) return false;
    let p = this.tagEnd;
    const selfClosing = text.charCodeAt(p) === 0x2f;
    if (selfClosing) p++;
    if (text.charCodeAt(p) !== 0x3e) return false;
    const depth = this.stack.length;
    if (!selfClosing && depth >= this.maxDepth) return false; // as the depth check counts: empty elements add no depth
    const scope = this.scopeOf(depth ? this.scopes[depth - 1] : this.rootScope);
    if (!scope) return false;
    const en = this.scoped.resolve(qname, scope, false);
    if (!en || !this.viewAttributes(scope)) return false;
    if (en.local === 'context' && ++this.contexts > this.maxContexts) return false; // the slow path reports it
    while (this.nextNewline !== -1 && this.nextNewline < lt) {
      this.line++;
      this.lineStart = this.nextNewline + 1;
      this.nextNewline = text.indexOf('\n', this.lineStart);
    }
    const v = this.view;
    v.qname = qname;
    v.uri = en.ns;
    v.local = en.local;
    v.name = en.name;
    v.line = this.line;
    v.column = lt - this.lineStart + 1;
    v.nsMap = scope;
    this.pos = p + 1;
    this.h.open(v);
    if (selfClosing) this.h.close();
    else {
      this.stack.push(qname);
      this.scopes.push(scope);
    }
    return true;
  }

  /**
   * The attributes after a tag name, as written, into rawNames/rawStart/rawEnd (a value with a
   * reference, tab or newline decoded and normalised at once, into rawDecoded); leaves `tagEnd` at
   * the '/' or '>' that ends the tag. False for anything the scanner does not accept (a value with
   * '<', an undecodable reference, no whitespace before a name, a repeated name).
   */
  private attributes(from: number): boolean {
    const { text } = this;
    this.rawCount = 0;
    // No value may hold a '<': the first one after the name must come after the tag.
    let lt = text.indexOf('<', from);
    this.nextLt = lt;
    if (lt < 0) lt = Infinity;
    let p = from;
    for (;;) {
      const start = p;
      while (isSpace(text.charCodeAt(p))) p++;
      const c = text.charCodeAt(p);
      if (c === 0x2f || c === 0x3e) {
        this.tagEnd = p;
        return true;
      }
      const k = p > start ? this.nameAt(p) : undefined;
      if (k === undefined) return false;
      p += k.length;
      while (isSpace(text.charCodeAt(p))) p++;
      if (text.charCodeAt(p) !== 0x3d /* = */) return false;
      p++;
      while (isSpace(text.charCodeAt(p))) p++;
      const quote = text.charCodeAt(p);
      if (quote !== 0x22 && quote !== 0x27) return false;
      const end = text.indexOf(quote === 0x22 ? '"' : "'", p + 1);
      if (end < 0 || lt < end) return false;
      let decoded: string | undefined;
      const amp = this.ampAt(p + 1) < end;
      if (this.tabOrNewline(p + 1, end) || amp) {
        // Attribute-value normalisation (XML 1.0 §3.3.3): literal tabs and newlines become spaces (references stay).
        const written = text.slice(p + 1, end).replace(/[\t\n]/g, ' ');
        decoded = decodeRange(written, 0, written.length);
        if (decoded === undefined) return false;
      }
      for (let j = 0; j < this.rawCount; j++) if (this.rawNames[j] === k) return false;
      const n = this.rawCount++;
      this.rawNames[n] = k;
      this.rawStart[n] = p + 1;
      this.rawEnd[n] = end;
      this.rawDecoded[n] = decoded;
      p = end + 1;
    }
  }

  private rawValue(i: number): string {
    return this.rawDecoded[i] ?? this.text.slice(this.rawStart[i], this.rawEnd[i]);
  }

  /** The element's namespace scope: its parent's, extended by its xmlns attributes. */
  private scopeOf(parent: Scope): Scope | undefined {
    let scope = parent;
    for (let i = 0; i < this.rawCount; i++) {
      const k = this.rawNames[i];
      if (k.charCodeAt(0) !== 0x78 /* x */ || !(k === 'xmlns' || k.startsWith('xmlns:'))) continue;
      if (scope === parent) scope = Object.create(parent) as Scope;
      scope[k === 'xmlns' ? '' : k.slice(6)] = this.rawValue(i);
    }
    return scope;
  }

  /** The view's attributes (namespace declarations left out), resolved in scope; false for an unbound prefix. */
  private viewAttributes(scope: Scope): boolean {
    const v = this.view;
    let n = 0;
    for (let i = 0; i < this.rawCount; i++) {
      const k = this.rawNames[i];
      if (k.charCodeAt(0) === 0x78 /* x */ && (k === 'xmlns' || k.startsWith('xmlns:'))) continue;
      const an = this.scoped.resolve(k, scope, true);
      if (!an) return false;
      v.attrQNames[n] = k;
      v.attrNames[n] = an.name;
      v.starts[n] = this.rawStart[i];
      v.ends[n] = this.rawEnd[i];
      v.decoded[n++] = this.rawDecoded[i];
    }
    v.attrCount = n;
    return true;
  }
}

/** Unqualified attributes whose values repeat from fact to fact (ix): each distinct value is one string. */
const INTERNED: ReadonlySet<string> = new Set([
  'name',
  'contextRef',
  'unitRef',
  'decimals',
  'precision',
  'scale',
  'format',
  'sign',
  'escape',
  'target',
]);

/** The scanner's reused view: values are cut from the text when the reader asks for them. */
class ScanView implements OpenTag {
  qname = '';
  uri = '';
  local = '';
  name = '';
  line = 0;
  column = 0;
  attrCount = 0;
  readonly attrQNames: string[] = [];
  readonly attrNames: string[] = [];
  readonly starts: number[] = [];
  readonly ends: number[] = [];
  readonly decoded: (string | undefined)[] = [];
  /** Interned values (see INTERNED) by FNV-1a hash of their text. */
  private readonly values = new Map<number, string[]>();
  /** The last value seen per low bits of its hash (most are found here). */
  private readonly recentValues: (string | undefined)[] = new Array<string | undefined>(1024).fill(undefined);

  constructor(
    private readonly text: string,
    public nsMap: Record<string, string>,
  ) {}

  value(i: number): string {
    let d = this.decoded[i];
    if (d === undefined) {
      d = INTERNED.has(this.attrNames[i])
        ? this.interned(this.starts[i], this.ends[i])
        : this.text.slice(this.starts[i], this.ends[i]);
      this.decoded[i] = d; // asked again (an id, then the element's attributes): the same string
    }
    return d;
  }

  /** text[from, end) as the one string kept for that text (an own copy: it does not keep the document's text alive). */
  private interned(from: number, end: number): string {
    const { text } = this;
    let h = 0x811c9dc5;
    for (let i = from; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
    const len = end - from;
    const slot = h & 1023;
    const recent = this.recentValues[slot];
    if (recent !== undefined && recent.length === len && text.startsWith(recent, from)) return recent;
    const list = this.values.get(h);
    let s = list?.find((x) => x.length === len && text.startsWith(x, from));
    if (s === undefined) {
      s = ownString(text.slice(from, end));
      if (list) list.push(s);
      else this.values.set(h, [s]);
    }
    this.recentValues[slot] = s;
    return s;
  }
}

/** A saxes (or recovered HTML) start tag as the view the reader takes. */
class EventTag implements OpenTag {
  readonly qname: string;
  readonly uri: string;
  readonly local: string;
  readonly name: string;
  readonly attrQNames: string[] = [];
  readonly attrNames: string[] = [];
  readonly attrCount: number;
  private readonly values: string[] = [];

  constructor(
    tag: SaxesTagNS,
    readonly line: number,
    readonly column: number,
    readonly nsMap: Record<string, string>,
  ) {
    this.qname = tag.name;
    this.uri = tag.uri;
    this.local = tag.local;
    this.name = `{${tag.uri}}${tag.local}`;
    for (const k in tag.attributes) {
      const a = tag.attributes[k];
      if (a.prefix === 'xmlns' || a.name === 'xmlns') continue;
      this.attrQNames.push(a.name);
      this.attrNames.push(a.uri ? `{${a.uri}}${a.local}` : a.local);
      this.values.push(a.value);
    }
    this.attrCount = this.values.length;
  }

  value(i: number): string {
    return this.values[i];
  }
}

/** A saxes (or recovered HTML) start tag as the view the reader takes: a fresh one per tag. */
export function openTagOf(tag: SaxesTagNS, line: number, column: number, nsMap: Record<string, string>): OpenTag {
  return new EventTag(tag, line, column, nsMap);
}

/** The attributes as a record by Clark (or local) name, in document order (the last one when a name repeats). */
export function attrsOf(tag: OpenTag): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (let i = 0; i < tag.attrCount; i++) attrs[tag.attrNames[i]] = tag.value(i);
  return attrs;
}
