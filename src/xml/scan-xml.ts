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
export function scanXml(text: string, onRoot: (e: XElement) => void, onChildOfRoot: (e: XElement) => void): boolean {
  const NAME = /[A-Za-z_][\w.\-]*(?::[A-Za-z_][\w.\-]*)?/y;
  const ATTR = /\s+([A-Za-z_][\w.\-]*(?::[A-Za-z_][\w.\-]*)?)\s*=\s*(?:"([^"<]*)"|'([^'<]*)')/y;
  const SPACE = /\s*/y;
  const xmlNs = 'http://www.w3.org/XML/1998/namespace';
  const stack: XElement[] = [];
  const rootScope: Record<string, string> = Object.create(null);
  rootScope.xml = xmlNs;
  let pos = 0;
  let line = 1;
  let lineCounted = 0;
  let sawRoot = false;
  const lineAt = (p: number) => {
    for (let k = text.indexOf('\n', lineCounted); k !== -1 && k < p; k = text.indexOf('\n', k + 1)) { line++; lineCounted = k + 1; }
    if (lineCounted < p && text.lastIndexOf('\n', p - 1) < lineCounted) { /* same line */ }
    return line;
  };
  const lineStart = () => lineCounted;
  const decode = (s: string): string | undefined => {
    if (s.indexOf('&') < 0) return s;
    let bad = false;
    const out = s.replace(/&(#x[0-9A-Fa-f]+|#\d+|lt|gt|amp|quot|apos);|&/g, (m, e: string | undefined) => {
      if (!e) { bad = true; return m; }
      if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
      return ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" } as Record<string, string>)[e];
    });
    return bad ? undefined : out;
  };
  const resolve = (qname: string, scope: Record<string, string>, isAttr: boolean): { ns: string; local: string } | undefined => {
    const i = qname.indexOf(':');
    if (i < 0) return { ns: isAttr ? '' : scope[''] ?? '', local: qname };
    const ns = scope[qname.slice(0, i)];
    return ns === undefined ? undefined : { ns, local: qname.slice(i + 1) };
  };

  while (pos < text.length) {
    const lt = text.indexOf('<', pos);
    const chunk = lt < 0 ? text.slice(pos) : text.slice(pos, lt);
    if (chunk.length) {
      if (stack.length === 0) { if (chunk.trim() !== '' && !(pos === 0 && chunk === '\uFEFF')) return false; }
      else {
        const t = decode(chunk);
        if (t === undefined || t.indexOf('>') >= 0 && /]]>/.test(t)) return false;
        if (stack.length > 1) stack[stack.length - 1].text += t;
      }
    }
    if (lt < 0) break;
    const c = text.charCodeAt(lt + 1);
    if (c === 0x3f /* ? */) { const e = text.indexOf('?>', lt + 2); if (e < 0) return false; pos = e + 2; continue; }
    if (c === 0x21 /* ! */) {
      if (!text.startsWith('!--', lt + 1)) return false; // DOCTYPE, CDATA: saxes handles and judges them
      const e = text.indexOf('-->', lt + 4);
      if (e < 0) return false;
      pos = e + 3;
      continue;
    }
    if (c === 0x2f /* / */) {
      NAME.lastIndex = lt + 2;
      const m = NAME.exec(text);
      if (!m) return false;
      SPACE.lastIndex = NAME.lastIndex;
      SPACE.exec(text);
      if (text.charCodeAt(SPACE.lastIndex) !== 0x3e) return false;
      const el = stack.pop();
      if (!el || (el as XElement & { qname?: string }).qname !== m[0]) return false;
      if (stack.length === 1) onChildOfRoot(el);
      pos = SPACE.lastIndex + 1;
      continue;
    }
    NAME.lastIndex = lt + 1;
    const m = NAME.exec(text);
    if (!m) return false;
    const qname = m[0];
    let p = NAME.lastIndex;
    const raw: [string, string][] = [];
    for (;;) {
      ATTR.lastIndex = p;
      const a = ATTR.exec(text);
      if (!a) break;
      const v = decode(a[2] ?? a[3]);
      if (v === undefined) return false;
      raw.push([a[1], v]);
      p = ATTR.lastIndex;
    }
    SPACE.lastIndex = p;
    SPACE.exec(text);
    p = SPACE.lastIndex;
    let selfClosing = false;
    if (text.charCodeAt(p) === 0x2f) { selfClosing = true; p++; }
    if (text.charCodeAt(p) !== 0x3e) return false;
    const parentScope = stack.length ? stack[stack.length - 1].nsMap : rootScope;
    let scope = parentScope;
    const seen = new Set<string>();
    for (const [k, v] of raw) {
      if (seen.has(k)) return false;
      seen.add(k);
      if (k === 'xmlns' || k.startsWith('xmlns:')) {
        if (scope === parentScope) scope = Object.create(parentScope);
        scope[k === 'xmlns' ? '' : k.slice(6)] = v;
      }
    }
    const en = resolve(qname, scope, false);
    if (!en) return false;
    const attrs: Record<string, string> = {};
    for (const [k, v] of raw) {
      if (k === 'xmlns' || k.startsWith('xmlns:')) continue;
      const an = resolve(k, scope, true);
      if (!an) return false;
      attrs[an.ns ? `{${an.ns}}${an.local}` : an.local] = v;
    }
    const ln = lineAt(lt);
    const el = { name: `{${en.ns}}${en.local}`, ns: en.ns, local: en.local, attrs, children: [], text: '', line: ln, column: lt - lineStart() + 1, nsMap: scope, qname } as XElement & { qname: string };
    if (stack.length === 0) {
      if (sawRoot) return false;
      sawRoot = true;
      onRoot(el);
    } else if (stack.length > 1) stack[stack.length - 1].children.push(el);
    pos = p + 1;
    if (selfClosing) { if (stack.length === 1) onChildOfRoot(el); else if (stack.length === 0) return false; }
    else stack.push(el);
  }
  return sawRoot && stack.length === 0;
}
