import type { XElement } from './read-xml';

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

const NAME = /[A-Za-z_][\w.\-]*(?::[A-Za-z_][\w.\-]*)?/y;
const ATTR = /\s+([A-Za-z_][\w.\-]*(?::[A-Za-z_][\w.\-]*)?)\s*=\s*(?:"([^"<]*)"|'([^'<]*)')/y;
const SPACE = /\s*/y;
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

  private endTag(lt: number): boolean {
    NAME.lastIndex = lt + 2;
    const m = NAME.exec(this.text);
    if (!m) return false;
    SPACE.lastIndex = NAME.lastIndex;
    SPACE.exec(this.text);
    if (this.text.charCodeAt(SPACE.lastIndex) !== 0x3e) return false;
    const el = this.stack.pop();
    if (!el || el.qname !== m[0]) return false;
    if (this.stack.length === 1) this.onChild(el);
    this.pos = SPACE.lastIndex + 1;
    return true;
  }

  private startTag(lt: number): boolean {
    const { text } = this;
    NAME.lastIndex = lt + 1;
    const m = NAME.exec(text);
    if (!m) return false;
    const raw = this.attributes(NAME.lastIndex);
    if (!raw) return false;
    let p = SPACE.lastIndex;
    const selfClosing = text.charCodeAt(p) === 0x2f;
    if (selfClosing) p++;
    if (text.charCodeAt(p) !== 0x3e) return false;
    const parentScope = this.stack.length ? this.stack[this.stack.length - 1].nsMap : this.rootScope;
    const scope = this.scopeOf(raw, parentScope);
    const en = scope && this.resolve(m[0], scope, false);
    const attrs = en && this.attrsOf(raw, scope);
    if (!attrs) return false;
    const el: Element = { name: en.name, ns: en.ns, local: en.local, attrs, children: NO_CHILDREN, text: '', line: this.lineAt(lt), column: lt - this.lineCounted + 1 + this.afterName * m[0].length, nsMap: scope, qname: m[0] };
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

  /** The attributes after a tag name, as written (name, decoded value); leaves SPACE.lastIndex at the tag's end. */
  private attributes(from: number): [string, string][] | undefined {
    const raw: [string, string][] = [];
    let p = from;
    for (;;) {
      ATTR.lastIndex = p;
      const a = ATTR.exec(this.text);
      if (!a) break;
      const v = decode(a[2] ?? a[3]);
      if (v === undefined) return undefined;
      raw.push([a[1], v]);
      p = ATTR.lastIndex;
    }
    SPACE.lastIndex = p;
    SPACE.exec(this.text);
    return raw;
  }

  /** The element's namespace scope: its parent's, extended by its xmlns attributes. */
  private scopeOf(raw: [string, string][], parent: Scope): Scope | undefined {
    let scope = parent;
    for (let i = 0; i < raw.length; i++) {
      const k = raw[i][0];
      for (let j = 0; j < i; j++) if (raw[j][0] === k) return undefined; // duplicate attribute
      if (k === 'xmlns' || k.startsWith('xmlns:')) {
        if (scope === parent) scope = Object.create(parent) as Scope;
        scope[k === 'xmlns' ? '' : k.slice(6)] = raw[i][1];
      }
    }
    return scope;
  }

  private attrsOf(raw: [string, string][], scope: Scope): Record<string, string> | undefined {
    const attrs: Record<string, string> = {};
    for (const [k, v] of raw) {
      if (k === 'xmlns' || k.startsWith('xmlns:')) continue;
      const an = this.resolve(k, scope, true);
      if (!an) return undefined;
      attrs[an.name] = v;
    }
    return attrs;
  }

  /** Resolves a QName in scope (attributes: unprefixed names have no namespace and keep their local name). */
  private resolve(qname: string, scope: Scope, isAttr: boolean): Resolved | undefined {
    const cache = isAttr ? this.attrNames : this.names;
    let byName = cache.get(scope);
    if (!byName) { byName = new Map(); cache.set(scope, byName); }
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
