import type { XElement } from './element';

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
export function scanXml(text: string, onRoot: (e: XElement) => void, onChildOfRoot: (e: XElement) => void, options: ScanOptions = {}): boolean {
  return new Scanner(text, onRoot, onChildOfRoot, options.columnAfterName ? 1 : 0).run();
}

export interface ScanOptions {
  /** Columns as saxes reports them (just after the tag name) instead of at the '<'. */
  columnAfterName?: boolean;
}

/** A (prefixed) name as the scanner accepts it: ASCII only; anything else goes to saxes. */
const QNAME = /^[A-Za-z_][\w.\-]*(?::[A-Za-z_][\w.\-]*)?$/;
const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d;
/** Characters a name may hold: letters, digits, _ . - : */
const isNameChar = (c: number) => (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x3a) || c === 0x5f || c === 0x2e || c === 0x2d;
const ENTITY = /&(#x[0-9A-Fa-f]+|#\d+|lt|gt|amp|quot|apos);|&/g;
const PREDEFINED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const XML_NS = 'http://www.w3.org/XML/1998/namespace';

/** A name resolved in one namespace scope; built once per (scope, qname), so every element of a name shares its strings. */
interface Resolved { name: string; ns: string; local: string }
type Scope = Record<string, string>;
type Element = XElement & { qname: string };
/** Leaf elements (most facts) share this empty list; a parent gets its own on its first child. */
const NO_CHILDREN = Object.freeze([]) as unknown as XElement[];

/** Decodes the predefined entities and character references; undefined for anything else. */
function decode(s: string): string | undefined {
  if (s.indexOf('&') < 0) return s;
  let bad = false;
  const out = s.replace(ENTITY, (m, e: string | undefined) => {
    if (!e) { bad = true; return m; }
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return PREDEFINED[e];
  });
  return bad ? undefined : out;
}

class Scanner {
  private pos = 0;
  private line = 1;
  private lineCounted = 0;
  private sawRoot = false;
  private tagEnd = 0;
  private lastScope: Scope | undefined;
  private lastNames: Map<string, Resolved | null> | undefined;
  private lastAttrNames: Map<string, Resolved | null> | undefined;
  private readonly stack: Element[] = [];
  private readonly rootScope: Scope = Object.create(null);
  // Note: per scan, dropped with the scanner; scopes are objects, so a Map keyed by them is exact.
  private readonly names = new Map<Scope, Map<string, Resolved | null>>();
  private readonly attrNames = new Map<Scope, Map<string, Resolved | null>>();

  constructor(private readonly text: string, private readonly onRoot: (e: XElement) => void, private readonly onChild: (e: XElement) => void, private readonly afterName: 0 | 1) {
    this.rootScope.xml = XML_NS;
  }

  run(): boolean {
    const { text } = this;
    while (this.pos < text.length) {
      const lt = text.indexOf('<', this.pos);
      if (!this.chars(lt < 0 ? text.length : lt)) return false;
      if (lt < 0) break;
      const c = text.charCodeAt(lt + 1);
      const ok = c === 0x3f /* ? */ ? this.skip(lt + 2, '?>')
        : c === 0x21 /* ! */ ? text.startsWith('!--', lt + 1) && this.skip(lt + 4, '-->') // DOCTYPE, CDATA: saxes judges them
          : c === 0x2f /* / */ ? this.endTag(lt) : this.startTag(lt);
      if (!ok) return false;
    }
    return this.sawRoot && this.stack.length === 0;
  }

  /** Character data from `pos` to `end`: only whitespace outside the root; text of the current element inside it. */
  private chars(end: number): boolean {
    if (end === this.pos) return true;
    const chunk = this.text.slice(this.pos, end);
    if (this.stack.length === 0) return chunk.trim() === '' || (this.pos === 0 && chunk === '\uFEFF');
    const t = decode(chunk);
    if (t === undefined || (t.indexOf('>') >= 0 && /]]>/.test(t))) return false;
    if (this.stack.length > 1) this.stack[this.stack.length - 1].text += t;
    return true;
  }

  private skip(from: number, terminator: string): boolean {
    const e = this.text.indexOf(terminator, from);
    if (e < 0) return false;
    this.pos = e + terminator.length;
    return true;
  }

  private lineAt(p: number): number {
    const { text } = this;
    for (let k = text.indexOf('\n', this.lineCounted); k !== -1 && k < p; k = text.indexOf('\n', k + 1)) { this.line++; this.lineCounted = k + 1; }
    return this.line;
  }

  /** Skips XML whitespace from p. */
  private skipSpace(p: number): number {
    while (isSpace(this.text.charCodeAt(p))) p++;
    return p;
  }

  /** The name starting at p, or undefined when there is none the scanner accepts. */
  private nameAt(p: number): string | undefined {
    let e = p;
    while (isNameChar(this.text.charCodeAt(e))) e++;
    const name = this.text.slice(p, e);
    return QNAME.test(name) ? name : undefined;
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
    if (qname === undefined) return false;
    const raw = this.attributes(lt + 1 + qname.length);
    if (!raw) return false;
    let p = this.tagEnd;
    const selfClosing = text.charCodeAt(p) === 0x2f;
    if (selfClosing) p++;
    if (text.charCodeAt(p) !== 0x3e) return false;
    const parentScope = this.stack.length ? this.stack[this.stack.length - 1].nsMap : this.rootScope;
    const scope = this.scopeOf(raw, parentScope);
    const en = scope && this.resolve(qname, scope, false);
    const attrs = en && this.attrsOf(raw, scope);
    if (!attrs) return false;
    const el: Element = { name: en.name, ns: en.ns, local: en.local, attrs, children: NO_CHILDREN, text: '', line: this.lineAt(lt), column: lt - this.lineCounted + 1 + this.afterName * qname.length, nsMap: scope, qname };
    const depth = this.stack.length;
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
   * The attributes after a tag name, as written: name, decoded value, name, value, …; leaves
   * `tagEnd` at the '/' or '>' that ends the tag. Undefined for anything the scanner does not accept.
   */
  private attributes(from: number): string[] | undefined {
    const { text } = this;
    const raw: string[] = [];
    let p = from;
    for (;;) {
      const start = p;
      p = this.skipSpace(p);
      const c = text.charCodeAt(p);
      if (c === 0x2f || c === 0x3e) { this.tagEnd = p; return raw; }
      const k = p > start ? this.nameAt(p) : undefined; // an attribute needs whitespace before it
      if (k === undefined) return undefined;
      p = this.skipSpace(p + k.length);
      if (text.charCodeAt(p) !== 0x3d /* = */) return undefined;
      p = this.skipSpace(p + 1);
      const quote = text.charCodeAt(p);
      if (quote !== 0x22 && quote !== 0x27) return undefined;
      const end = text.indexOf(quote === 0x22 ? '"' : "'", p + 1);
      if (end < 0) return undefined;
      const written = text.slice(p + 1, end);
      const v = written.indexOf('<') < 0 ? decode(written) : undefined;
      if (v === undefined) return undefined;
      raw.push(k, v);
      p = end + 1;
    }
  }

  /** The element's namespace scope: its parent's, extended by its xmlns attributes. */
  private scopeOf(raw: string[], parent: Scope): Scope | undefined {
    let scope = parent;
    for (let i = 0; i < raw.length; i += 2) {
      const k = raw[i];
      for (let j = 0; j < i; j += 2) if (raw[j] === k) return undefined; // duplicate attribute
      if (k === 'xmlns' || k.startsWith('xmlns:')) {
        if (scope === parent) scope = Object.create(parent) as Scope;
        scope[k === 'xmlns' ? '' : k.slice(6)] = raw[i + 1];
      }
    }
    return scope;
  }

  private attrsOf(raw: string[], scope: Scope): Record<string, string> | undefined {
    const attrs: Record<string, string> = {};
    for (let i = 0; i < raw.length; i += 2) {
      const k = raw[i];
      if (k === 'xmlns' || k.startsWith('xmlns:')) continue;
      const an = this.resolve(k, scope, true);
      if (!an) return undefined;
      attrs[an.name] = raw[i + 1];
    }
    return attrs;
  }

  /** Resolves a QName in scope (attributes: unprefixed names have no namespace and keep their local name). */
  private resolve(qname: string, scope: Scope, isAttr: boolean): Resolved | undefined {
    if (scope !== this.lastScope) {
      // Most elements share their parent's scope: look the per-scope maps up once per change of scope.
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
      const ns = i < 0 ? (isAttr ? '' : scope[''] ?? '') : scope[qname.slice(0, i)];
      const local = i < 0 ? qname : qname.slice(i + 1);
      r = ns === undefined ? null : { ns, local, name: isAttr && !ns ? local : `{${ns}}${local}` };
      byName.set(qname, r);
    }
    return r ?? undefined;
  }
}
