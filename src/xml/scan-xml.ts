import type { XElement } from './element';
import { ScopedNames, type ResolvedName, type Scope } from './scoped-names';
import { ownString } from '../util/own-string';

/**
 * A fast path for reading large instances: a scanner for the plain XML that XBRL instances are
 * (elements, attributes, text, comments, processing instructions, the five predefined entities and
 * character references). It builds each child of the root as an `XElement` and hands it over.
 *
 * Note: it accepts only what it fully understands. Anything else — a DOCTYPE, CDATA, an unknown
 * entity, a mismatched tag, an unbound prefix, a stray character — makes it return false, and the
 * caller re-reads the file with saxes, which gives the exact diagnostic. So the fast path never
 * accepts a document saxes would reject.
 */
export function scanXml(
  text: string,
  onRoot: (e: XElement) => void,
  onChildOfRoot: (e: XElement) => void,
  options: ScanOptions = {},
): boolean {
  return new Scanner(text, onRoot, onChildOfRoot, options).scan(true, true) === true;
}

/**
 * `scanXml` over a text given in pieces, cut anywhere (a streaming read never holds the whole
 * document, nor its bytes beside its text): `next()` gives the next piece, undefined after the
 * last, or null when the text cannot be read on (the scan declines, as for anything it does not
 * accept). The same elements, lines and columns as `scanXml` over the pieces joined.
 *
 * Note: each scan of a window stops before its last `<`, so every tag, end tag and leaf it reads
 * is whole; only a comment or a processing instruction (which may hold a `<`) can run past it, and
 * then the scan resumes from its `<` with the next window. What is carried over is scanned again
 * only once as much text again has come (a long comment or text costs linear time, not quadratic).
 */
export function scanXmlPieces(
  next: () => string | null | undefined,
  onRoot: (e: XElement) => void,
  onChildOfRoot: (e: XElement) => void,
  options: ScanOptions = {},
): boolean {
  const scanner = new Scanner('', onRoot, onChildOfRoot, options);
  let pending: string[] = [];
  let gathered = 0;
  let want = 0;
  let piece: string | null | undefined = next();
  if (piece === null) return false;
  for (;;) {
    // One piece ahead: when it starts with '<', this window holds every tag it starts.
    const after: string | null | undefined = piece === undefined ? undefined : next();
    if (after === null) return false;
    if (piece !== undefined) {
      pending.push(piece);
      gathered += piece.length;
    }
    const final = after === undefined;
    if (!final && gathered < want) {
      piece = after;
      continue;
    }
    scanner.advance(pending.length === 1 ? pending[0] : pending.join(''));
    const r = scanner.scan(final, final || after.charCodeAt(0) === 0x3c);
    if (r !== 'more') return r;
    want = scanner.left();
    pending = [];
    gathered = 0;
    piece = after;
  }
}

export interface ScanOptions {
  /** Columns as saxes reports them (just after the tag name) instead of at the '<'. */
  columnAfterName?: boolean;
  /**
   * Children of the root without child elements (most facts of an instance) are offered here first,
   * as a view the scanner reuses, so that no element, attribute object or name string is built for
   * them; return false to receive the element through `onChildOfRoot` as usual.
   */
  onLeaf?: (e: LeafElement) => boolean;
  /** Attributes (as written, e.g. `contextRef`) whose values repeat: each distinct value is one string. */
  internValuesOf?: readonly string[];
  /**
   * The reading budget (util/limits): an element nested deeper than `maxDepth`, or more than
   * `maxContexts` elements named `context`, make the scanner decline, and the caller's slow path,
   * which checks the budget first, reports it. So the fast path needs no pass of its own for them.
   */
  maxDepth?: number;
  maxContexts?: number;
}

/** A child of the root with no child elements, as `onLeaf` sees it; valid only during the call. */
export interface LeafElement {
  name: string;
  ns: string;
  local: string;
  line: number;
  column: number;
  /** Decoded text content. */
  text: string;
  /** Attribute names (Clark, or local when unqualified) and values; the first `attrCount` are this element's. */
  readonly attrNames: string[];
  readonly attrValues: string[];
  attrCount: number;
}

/** A (prefixed) name as the scanner accepts it: ASCII only; anything else goes to saxes. */
const QNAME = /^[A-Za-z_][\w.\-]*(?::[A-Za-z_][\w.\-]*)?$/;
const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d;
/** Characters a name may hold: letters, digits, _ . - : */
const NAME_CHARS = new Uint8Array(0x10000);
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
// Note: a table lookup (charCodeAt is below 0x10000; NaN past the end reads undefined) rather than six comparisons per character.
const isNameChar = (c: number) => NAME_CHARS[c] === 1;
const ENTITY = /&(#x[0-9A-Fa-f]+|#\d+|lt|gt|amp|quot|apos);|&/g;
const PREDEFINED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const XML_NS = 'http://www.w3.org/XML/1998/namespace';

type Element = XElement & { qname: string };
/** Elements without attributes share this empty, frozen record (readers that add attributes copy it). */
const NO_ATTRS = Object.freeze({}) as Record<string, string>;
/** Leaf elements (most facts) share this empty list; a parent gets its own on its first child. */
const NO_CHILDREN = Object.freeze([]) as unknown as XElement[];

/** FNV-1a over the characters text[p, end): the key a StringTable files a string under. */
function keyOf(text: string, p: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = p; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h;
}

/** Whether text holds s at p (a loop: faster than startsWith with a position on the large document string). */
function sameAt(text: string, p: number, s: string): boolean {
  for (let i = 0; i < s.length; i++) if (text.charCodeAt(p + i) !== s.charCodeAt(i)) return false;
  return true;
}

/**
 * Strings of the document that repeat (element and attribute names, some attribute values), one
 * string per distinct text: found by key and compared in place, so a repeated name costs neither a
 * new string nor hashing one. Note: per scan, dropped with the scanner.
 */
class StringTable {
  private readonly byKey = new Map<number, string[]>();
  /** The strings met last, by the low bits of their key: most lookups end here (a fact's contextRef is its neighbour's). */
  private readonly recent: (string | undefined)[] = new Array<string | undefined>(256).fill(undefined);

  /** The stored string equal to text[p, p + len) (filed under `key`), or undefined. */
  find(text: string, p: number, len: number, key: number): string | undefined {
    const r = this.recent[key & 255];
    if (r !== undefined && r.length === len && sameAt(text, p, r)) return r;
    const list = this.byKey.get(key);
    if (list)
      for (const s of list)
        if (s.length === len && sameAt(text, p, s)) {
          this.recent[key & 255] = s;
          return s;
        }
    return undefined;
  }

  add(str: string, key: number): string {
    const s = ownString(str);
    const list = this.byKey.get(key);
    if (list) list.push(s);
    else this.byKey.set(key, [s]);
    this.recent[key & 255] = s;
    return s;
  }
}

/** Decodes the predefined entities and character references; undefined for anything else. */
function decode(s: string): string | undefined {
  if (s.indexOf('&') < 0) return s;
  let bad = false;
  const out = s.replace(ENTITY, (m, e: string | undefined) => {
    if (!e) {
      bad = true;
      return m;
    }
    if (e[0] === '#') {
      const cp = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      // Only references to XML Chars (XML 1.0 §2.2); others (&#0;, &#x110000;) are left to saxes to report.
      const char =
        cp === 0x9 ||
        cp === 0xa ||
        cp === 0xd ||
        (cp >= 0x20 && cp <= 0xd7ff) ||
        (cp >= 0xe000 && cp <= 0xfffd) ||
        (cp >= 0x10000 && cp <= 0x10ffff);
      if (!char) bad = true;
      return char ? String.fromCodePoint(cp) : m;
    }
    return PREDEFINED[e];
  });
  return bad ? undefined : out;
}

class Scanner {
  private pos = 0;
  /** Where the current window's text starts in the document (0 for a whole text). */
  private offset = 0;
  /** The last `<` of a window that is not the document's last: the scan stops there for more text. */
  private limit = 0;
  private line = 1;
  private lineCounted = 0;
  private sawRoot = false;
  private tagEnd = 0;
  private readonly stack: Element[] = [];
  private readonly rootScope: Scope = Object.create(null);
  private readonly scoped = new ScopedNames();
  /** Names as written (accepted by QNAME), and the interned attribute values. */
  private readonly qnames = new StringTable();
  private readonly values = new StringTable();
  private readonly internOf: ReadonlySet<string>;
  private readonly afterName: 0 | 1;
  private readonly onLeaf?: (e: LeafElement) => boolean;
  private readonly maxDepth: number;
  private readonly maxContexts: number;
  private contexts = 0;
  /** The attributes of the tag being read, as written: names (qnames) and decoded values. */
  private rawNames: string[] = [];
  private rawValues: string[] = [];
  private rawCount = 0;
  private readonly leafView: LeafElement = {
    name: '',
    ns: '',
    local: '',
    line: 0,
    column: 0,
    text: '',
    attrNames: [],
    attrValues: [],
    attrCount: 0,
  };

  constructor(
    private text: string,
    private readonly onRoot: (e: XElement) => void,
    private readonly onChild: (e: XElement) => void,
    options: ScanOptions,
  ) {
    this.rootScope.xml = XML_NS;
    this.afterName = options.columnAfterName ? 1 : 0;
    this.onLeaf = options.onLeaf;
    this.internOf = new Set(options.internValuesOf ?? []);
    this.maxDepth = options.maxDepth ?? Infinity;
    this.maxContexts = options.maxContexts ?? Infinity;
  }

  /**
   * Scans the window; `final`: it ends the document; `whole`: it ends where a tag starts (or the
   * document ends), so every tag and text in it is whole. 'more' when it stopped for the next piece
   * (otherwise at the window's last `<`; or at a comment or processing instruction not closed in it).
   */
  scan(final: boolean, whole: boolean): boolean | 'more' {
    const { text } = this;
    const limit = whole ? Infinity : this.limit;
    while (this.pos < text.length) {
      const lt = text.indexOf('<', this.pos);
      if (lt < 0 ? !whole : lt >= limit) return 'more';
      if (!this.chars(lt < 0 ? text.length : lt)) return false;
      if (lt < 0) {
        this.pos = text.length;
        break;
      }
      this.pos = lt;
      const c = text.charCodeAt(lt + 1);
      if (c === 0x3f /* ? */ || c === 0x21 /* ! */) {
        // DOCTYPE, CDATA: saxes judges them
        const ok = c === 0x3f ? this.skip(lt + 2, '?>') : text.startsWith('!--', lt + 1) && this.skip(lt + 4, '-->');
        if (!ok) return !final && (c === 0x3f || text.startsWith('!--', lt + 1)) ? 'more' : false;
      } else if (!(c === 0x2f /* / */ ? this.endTag(lt) : this.startTag(lt))) return false;
    }
    return final ? this.sawRoot && this.stack.length === 0 : 'more';
  }

  /** The next window: what the scan left of this one, then `more` (lines and columns carry on). */
  advance(more: string): void {
    const cut = this.pos;
    this.lineAt(cut);
    this.lineCounted -= cut;
    this.offset += cut;
    this.text = cut === this.text.length ? more : this.text.slice(cut) + more;
    this.pos = 0;
    this.limit = this.text.lastIndexOf('<');
  }

  /** How much of the window the scan left for the next one. */
  left(): number {
    return this.text.length - this.pos;
  }

  /** Character data from `pos` to `end`: only whitespace outside the root; text of the current element inside it. */
  private chars(end: number): boolean {
    if (end === this.pos) return true;
    const depth = this.stack.length;
    if (depth === 1) return this.plainChars(this.pos, end); // text between the root's children is dropped: only check it
    const chunk = this.text.slice(this.pos, end);
    if (depth === 0) return chunk.trim() === '' || (this.offset + this.pos === 0 && chunk === '\uFEFF');
    const t = this.decoded(chunk);
    if (t === undefined) return false;
    this.stack[depth - 1].text += t;
    return true;
  }

  /** Character data that is not kept: acceptable when it has no `&` (or only entities the scanner decodes) and no `]]>`. */
  private plainChars(from: number, end: number): boolean {
    const { text } = this;
    for (let i = from; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x26 /* & */ || c === 0x3e /* > */) return this.decoded(text.slice(from, end)) !== undefined;
    }
    return true;
  }

  /** Decoded character data, or undefined for what the scanner leaves to saxes (unknown entities, `]]>`). */
  private decoded(chunk: string): string | undefined {
    const t = decode(chunk);
    return t === undefined || (t.indexOf('>') >= 0 && /]]>/.test(t)) ? undefined : t;
  }

  private skip(from: number, terminator: string): boolean {
    const e = this.text.indexOf(terminator, from);
    if (e < 0) return false;
    this.pos = e + terminator.length;
    return true;
  }

  private lineAt(p: number): number {
    const { text } = this;
    for (let k = text.indexOf('\n', this.lineCounted); k !== -1 && k < p; k = text.indexOf('\n', k + 1)) {
      this.line++;
      this.lineCounted = k + 1;
    }
    return this.line;
  }

  /** Skips XML whitespace from p. */
  private skipSpace(p: number): number {
    while (isSpace(this.text.charCodeAt(p))) p++;
    return p;
  }

  /** The name starting at p (one string per distinct name), or undefined when there is none the scanner accepts. */
  private nameAt(p: number): string | undefined {
    const { text } = this;
    let e = p;
    let h = 0x811c9dc5;
    for (let c = text.charCodeAt(e); isNameChar(c); c = text.charCodeAt(++e)) h = Math.imul(h ^ c, 0x01000193);
    if (e === p) return undefined;
    const known = this.qnames.find(text, p, e - p, h);
    if (known !== undefined) return known;
    const name = text.slice(p, e);
    return QNAME.test(name) ? this.qnames.add(name, h) : undefined;
  }

  /** `</name>` must close the element on top of the stack. */
  private endTag(lt: number): boolean {
    const el = this.stack.pop();
    if (!el || !this.text.startsWith(el.qname, lt + 2)) return false;
    const p = this.skipSpace(lt + 2 + el.qname.length);
    if (this.text.charCodeAt(p) !== 0x3e) return false;
    if (this.stack.length === 1) this.onChild(el);
    this.pos = p + 1;
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
    const parentScope = depth ? this.stack[depth - 1].nsMap : this.rootScope;
    const scope = this.scopeOf(parentScope);
    const en = scope && this.scoped.resolve(qname, scope, false);
    if (!en) return false;
    if ((!selfClosing && depth >= this.maxDepth) || (en.local === 'context' && ++this.contexts > this.maxContexts))
      return false; // over the budget: the slow path reports it
    const line = this.lineAt(lt);
    const column = lt - this.lineCounted + 1 + this.afterName * qname.length;
    if (depth === 1 && this.onLeaf) {
      const taken = this.leaf(qname, en, scope, line, column, p, selfClosing);
      if (taken !== undefined) return taken;
    }
    const attrs = this.attrsOf(scope);
    if (!attrs) return false;
    const el: Element = {
      name: en.name,
      ns: en.ns,
      local: en.local,
      attrs,
      children: NO_CHILDREN,
      text: '',
      line,
      column,
      nsMap: scope,
      qname,
    };
    if (depth === 0) {
      if (this.sawRoot) return false;
      this.sawRoot = true;
      this.onRoot(el);
    } else if (depth > 1) {
      const parent = this.stack[depth - 1];
      if (parent.children === NO_CHILDREN) parent.children = [];
      parent.children.push(el);
    }
    this.pos = p + 1;
    if (!selfClosing) this.stack.push(el);
    else if (depth === 1) this.onChild(el);
    else if (depth === 0) return false;
    return true;
  }

  /**
   * A child of the root whose content is text only (or empty): offered to `onLeaf` as the reused
   * view. True when taken, false when the document must be declined, undefined when the element
   * is to be read as usual (it has children, or `onLeaf` wants the element).
   */
  private leaf(
    qname: string,
    en: ResolvedName,
    scope: Scope,
    line: number,
    column: number,
    gt: number,
    selfClosing: boolean,
  ): boolean | undefined {
    const { text } = this;
    let end = gt + 1;
    let content = '';
    if (!selfClosing) {
      const lt = text.indexOf('<', gt + 1);
      if (lt < 0 || text.charCodeAt(lt + 1) !== 0x2f || !text.startsWith(qname, lt + 2)) return undefined;
      const close = this.skipSpace(lt + 2 + qname.length);
      if (text.charCodeAt(close) !== 0x3e) return undefined; // a longer name, or a malformed end tag: the usual path judges it
      if (lt > gt + 1) {
        const t = this.decoded(text.slice(gt + 1, lt));
        if (t === undefined) return false;
        content = t;
      }
      end = close + 1;
    }
    const v = this.leafView;
    for (let i = 0; i < this.rawCount; i++) {
      const k = this.rawNames[i];
      if (k === 'xmlns' || k.startsWith('xmlns:')) continue;
      const an = this.scoped.resolve(k, scope, true);
      if (!an) return false;
      v.attrNames[v.attrCount] = an.name;
      v.attrValues[v.attrCount++] = this.rawValues[i];
    }
    v.name = en.name;
    v.ns = en.ns;
    v.local = en.local;
    v.line = line;
    v.column = column;
    v.text = content;
    const taken = this.onLeaf!(v);
    v.attrCount = 0;
    if (!taken) return undefined;
    this.pos = end;
    return true;
  }

  /**
   * The attributes after a tag name, as written, into rawNames/rawValues (values decoded); leaves
   * `tagEnd` at the '/' or '>' that ends the tag. False for anything the scanner does not accept.
   */
  private attributes(from: number): boolean {
    const { text } = this;
    this.rawCount = 0;
    let p = from;
    for (;;) {
      const start = p;
      p = this.skipSpace(p);
      const c = text.charCodeAt(p);
      if (c === 0x2f || c === 0x3e) {
        this.tagEnd = p;
        return true;
      }
      const k = p > start ? this.nameAt(p) : undefined; // an attribute needs whitespace before it
      if (k === undefined) return false;
      p = this.skipSpace(p + k.length);
      if (text.charCodeAt(p) !== 0x3d /* = */) return false;
      p = this.skipSpace(p + 1);
      const quote = text.charCodeAt(p);
      if (quote !== 0x22 && quote !== 0x27) return false;
      const end = text.indexOf(quote === 0x22 ? '"' : "'", p + 1);
      if (end < 0) return false;
      const v = this.valueAt(k, p + 1, end);
      if (v === undefined) return false;
      this.rawNames[this.rawCount] = k;
      this.rawValues[this.rawCount++] = v;
      p = end + 1;
    }
  }

  /** An attribute value, decoded; values of `internValuesOf` attributes are one string per distinct value. */
  private valueAt(name: string, from: number, end: number): string | undefined {
    const { text } = this;
    const key = this.internOf.has(name) && end > from ? keyOf(text, from, end) : undefined;
    if (key !== undefined) {
      const known = this.values.find(text, from, end - from, key);
      if (known !== undefined) return known;
    }
    const written = text.slice(from, end);
    const v = written.indexOf('<') < 0 ? decode(written) : undefined;
    if (v === undefined || key === undefined || v !== written) return v;
    return this.values.add(v, key);
  }

  /** The element's namespace scope: its parent's, extended by its xmlns attributes. */
  private scopeOf(parent: Scope): Scope | undefined {
    let scope = parent;
    const names = this.rawNames;
    for (let i = 0; i < this.rawCount; i++) {
      const k = names[i];
      for (let j = 0; j < i; j++) if (names[j] === k) return undefined; // duplicate attribute
      if (k === 'xmlns' || k.startsWith('xmlns:')) {
        if (scope === parent) scope = Object.create(parent) as Scope;
        scope[k === 'xmlns' ? '' : k.slice(6)] = this.rawValues[i];
      }
    }
    return scope;
  }

  private attrsOf(scope: Scope): Record<string, string> | undefined {
    if (this.rawCount === 0) return NO_ATTRS;
    const attrs: Record<string, string> = {};
    for (let i = 0; i < this.rawCount; i++) {
      const k = this.rawNames[i];
      if (k === 'xmlns' || k.startsWith('xmlns:')) continue;
      const an = this.scoped.resolve(k, scope, true);
      if (!an) return undefined;
      attrs[an.name] = this.rawValues[i];
    }
    return attrs;
  }
}
