import type { SaxesTagNS } from 'saxes';
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
  /** Attributes other than namespace declarations, the first `attrCount` entries: as written, Clark (local when unqualified), decoded value. */
  attrCount: number;
  readonly attrQNames: string[];
  readonly attrNames: string[];
  readonly attrValues: string[];
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
const ENTITY = /&(#x[0-9A-Fa-f]+|#\d+|lt|gt|amp|quot|apos);|&/g;
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

/** Decodes the predefined entities and character references; undefined for anything else. */
function decode(s: string): string | undefined {
  if (s.indexOf('&') < 0) return s;
  let bad = false;
  const out = s.replace(ENTITY, (m, e: string | undefined) => {
    if (!e) {
      bad = true;
      return m;
    }
    if (e[0] !== '#') return ENTITIES[e];
    const cp = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    if (!(
      cp === 0x9 ||
      cp === 0xa ||
      cp === 0xd ||
      (cp >= 0x20 && cp <= 0xd7ff) ||
      (cp >= 0xe000 && cp <= 0xfffd) ||
      (cp >= 0x10000 && cp <= 0x10ffff)
    )) {
      bad = true;
      return m;
    }
    return String.fromCodePoint(cp);
  });
  return bad ? undefined : out;
}

/** A name resolved in one scope; one object per (scope, name as written), so its strings are shared. */
interface Resolved {
  name: string;
  uri: string;
  local: string;
}
type Scope = Record<string, string>;

/**
 * A fast path for reading XHTML (Inline XBRL documents): scans the whole text and calls `handler`
 * with what saxes would give (namespace-resolved tags with their start line and column, decoded
 * text, CDATA as text, comments and processing instructions skipped). Line ends are normalised
 * (XML 1.0 §2.11) as saxes does; a `maxDepth` deeper nesting is declined (the caller's slow path
 * reports it).
 *
 * Note: it accepts only what it fully understands. A DOCTYPE, an entity other than the five
 * predefined ones, a non-ASCII name, a mismatched tag, an unbound prefix, a stray character: it
 * returns false and the caller reads the text with saxes, which judges it and gives the exact
 * diagnostic. The handler has then seen part of the document, and the caller starts over.
 */
export function scanXhtml(text: string, handler: XhtmlHandler, maxDepth = Infinity): boolean {
  const normalised = text.indexOf('\r') < 0 ? text : text.replace(/\r\n?/g, '\n');
  return new XhtmlScanner(normalised, handler, maxDepth).run();
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
  private lastScope: Scope | undefined;
  private lastNames: Map<string, Resolved | null> | undefined;
  private lastAttrNames: Map<string, Resolved | null> | undefined;
  // Note: per scan, dropped with the scanner; scopes are objects, so a Map keyed by them is exact.
  private readonly names = new Map<Scope, Map<string, Resolved | null>>();
  private readonly attrNames = new Map<Scope, Map<string, Resolved | null>>();
  /** Names as written: one string per distinct name, found without cutting one from the text. */
  private readonly qnames = new Map<number, string[]>();
  private rawNames: string[] = [];
  private rawValues: string[] = [];
  private rawCount = 0;
  private tagEnd = 0;
  private readonly view: OpenTag = {
    qname: '',
    uri: '',
    local: '',
    name: '',
    line: 0,
    column: 0,
    nsMap: this.rootScope,
    attrCount: 0,
    attrQNames: [],
    attrNames: [],
    attrValues: [],
  };

  constructor(
    private readonly text: string,
    private readonly h: XhtmlHandler,
    private readonly maxDepth: number,
  ) {
    this.rootScope.xml = XML_NS;
    this.nextNewline = text.indexOf('\n');
    if (text.charCodeAt(0) === 0xfeff) this.pos = 1;
  }

  run(): boolean {
    const { text } = this;
    let sawRoot = false;
    while (this.pos < text.length) {
      const lt = text.indexOf('<', this.pos);
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
    const chunk = text.slice(from, end);
    if (chunk.indexOf('>') >= 0 && chunk.includes(']]>')) return false;
    if (!this.h.wantsText()) return chunk.indexOf('&') < 0 || decode(chunk) !== undefined;
    const t = decode(chunk);
    if (t === undefined) return false;
    this.h.text(t);
    return true;
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
    const en = this.resolve(qname, scope, false);
    if (!en || !this.viewAttributes(scope)) return false;
    while (this.nextNewline !== -1 && this.nextNewline < lt) {
      this.line++;
      this.lineStart = this.nextNewline + 1;
      this.nextNewline = text.indexOf('\n', this.lineStart);
    }
    const v = this.view;
    v.qname = qname;
    v.uri = en.uri;
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
   * The attributes after a tag name, as written, into rawNames/rawValues (values decoded and
   * normalised); leaves `tagEnd` at the '/' or '>' that ends the tag. False for anything the scanner
   * does not accept (a value with '<', an undecodable reference, no whitespace before a name).
   */
  private attributes(from: number): boolean {
    const { text } = this;
    this.rawCount = 0;
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
      if (end < 0) return false;
      let written = text.slice(p + 1, end);
      if (written.indexOf('<') >= 0) return false;
      // Attribute-value normalisation (XML 1.0 §3.3.3): literal tabs and newlines become spaces (references stay).
      if (written.indexOf('\n') >= 0 || written.indexOf('\t') >= 0) written = written.replace(/[\t\n]/g, ' ');
      const value = decode(written);
      if (value === undefined) return false;
      for (let j = 0; j < this.rawCount; j++) if (this.rawNames[j] === k) return false; // duplicate attribute
      this.rawNames[this.rawCount] = k;
      this.rawValues[this.rawCount++] = value;
      p = end + 1;
    }
  }

  /** The element's namespace scope: its parent's, extended by its xmlns attributes. */
  private scopeOf(parent: Scope): Scope | undefined {
    let scope = parent;
    for (let i = 0; i < this.rawCount; i++) {
      const k = this.rawNames[i];
      if (k.charCodeAt(0) !== 0x78 /* x */ || !(k === 'xmlns' || k.startsWith('xmlns:'))) continue;
      if (scope === parent) scope = Object.create(parent) as Scope;
      scope[k === 'xmlns' ? '' : k.slice(6)] = this.rawValues[i];
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
      const an = this.resolve(k, scope, true);
      if (!an) return false;
      v.attrQNames[n] = k;
      v.attrNames[n] = an.name;
      v.attrValues[n++] = this.rawValues[i];
    }
    v.attrCount = n;
    return true;
  }

  /** Resolves a QName in scope (attributes: unprefixed names have no namespace and keep their local name). */
  private resolve(qname: string, scope: Scope, isAttr: boolean): Resolved | undefined {
    if (scope !== this.lastScope) {
      // Most elements share their parent's scope: the per-scope maps are looked up once per change of scope.
      this.lastScope = scope;
      this.lastNames = this.names.get(scope) ?? new Map();
      this.names.set(scope, this.lastNames);
      this.lastAttrNames = this.attrNames.get(scope) ?? new Map();
      this.attrNames.set(scope, this.lastAttrNames);
    }
    const byName = (isAttr ? this.lastAttrNames : this.lastNames)!;
    let r = byName.get(qname);
    if (r === undefined) {
      const i = qname.indexOf(':');
      const uri = i < 0 ? (isAttr ? '' : (scope[''] ?? '')) : scope[qname.slice(0, i)];
      const local = i < 0 ? qname : qname.slice(i + 1);
      r = uri === undefined ? null : { uri, local, name: uri ? `{${uri}}${local}` : isAttr ? local : `{}${local}` };
      byName.set(qname, r);
    }
    return r ?? undefined;
  }
}

/** A saxes (or recovered HTML) start tag as the view the reader takes: a fresh one per tag. */
export function openTagOf(tag: SaxesTagNS, line: number, column: number, nsMap: Record<string, string>): OpenTag {
  const out: OpenTag = {
    qname: tag.name,
    uri: tag.uri,
    local: tag.local,
    name: `{${tag.uri}}${tag.local}`,
    line,
    column,
    nsMap,
    attrCount: 0,
    attrQNames: [],
    attrNames: [],
    attrValues: [],
  };
  for (const k in tag.attributes) {
    const a = tag.attributes[k];
    if (a.prefix === 'xmlns' || a.name === 'xmlns') continue;
    out.attrQNames.push(a.name);
    out.attrNames.push(a.uri ? `{${a.uri}}${a.local}` : a.local);
    out.attrValues.push(a.value);
  }
  out.attrCount = out.attrQNames.length;
  return out;
}

/** The value of attribute `name` (Clark, or local when unqualified), or undefined; the last one when a name repeats. */
export function attrOf(tag: OpenTag, name: string): string | undefined {
  let v: string | undefined;
  for (let i = 0; i < tag.attrCount; i++) if (tag.attrNames[i] === name) v = tag.attrValues[i];
  return v;
}

/** The attributes as a record by Clark (or local) name, in document order (the last one when a name repeats). */
export function attrsOf(tag: OpenTag): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (let i = 0; i < tag.attrCount; i++) attrs[tag.attrNames[i]] = tag.attrValues[i];
  return attrs;
}
