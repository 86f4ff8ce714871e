import type { SaxesAttributeNS, SaxesTagNS } from 'saxes';

/** One parse event, as `streamXml`'s handlers receive them. */
export type XmlEvent =
  | { type: 'open'; tag: SaxesTagNS; line: number; column: number; nsMap: Record<string, string> }
  | { type: 'text'; text: string }
  | { type: 'close' };

const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
// Note: sticky patterns shared by the scanner's helpers; every use sets lastIndex first.
const NAME = /[A-Za-z_][\w.\-]*(?::[A-Za-z_][\w.\-]*)?/y;
const ATTR = /\s+([A-Za-z_][\w.\-]*(?::[A-Za-z_][\w.\-]*)?)\s*=\s*(?:"([^"<]*)"|'([^'<]*)')/y;
const SPACE = /\s*/y;

/** Decodes the predefined entities and character references; undefined for anything else. */
function decode(s: string): string | undefined {
  if (s.indexOf('&') < 0) return s;
  let bad = false;
  const out = s.replace(/&(#x[0-9A-Fa-f]+|#\d+|lt|gt|amp|quot|apos);|&/g, (m, e: string | undefined) => {
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

/**
 * A fast path for reading XHTML (Inline XBRL documents): scans the whole text into the events
 * saxes would give (namespace-resolved tags with their start line and column, decoded text, CDATA
 * as text, comments and processing instructions skipped).
 *
 * Note: like the instance scanner it accepts only what it fully understands. A DOCTYPE, an entity
 * other than the five predefined ones, a carriage return, a non-ASCII name, a mismatched tag, an
 * unbound prefix, a stray character: it returns undefined and the caller reads the text with saxes,
 * which judges it and gives the exact diagnostic. Events are returned only for a whole document,
 * so a caller never sees half a document from this path.
 */
export function scanXmlEvents(text: string): XmlEvent[] | undefined;
/**
 * The same scan, each event handed to `sink` as it is found, none kept (a large document's events
 * would take several times its size). True when the whole document was scanned; false when the
 * scanner declined it part way: the sink has then seen part of the document, and the caller starts over.
 */
export function scanXmlEvents(text: string, sink: { push(e: XmlEvent): unknown }): boolean;
export function scanXmlEvents(text: string, sink?: { push(e: XmlEvent): unknown }): XmlEvent[] | boolean | undefined {
  const all = sink ? undefined : ([] as XmlEvent[]);
  const events = sink ?? (all as XmlEvent[]);
  const whole = scanInto(text, events);
  return sink ? whole : whole ? all : undefined;
}

function scanInto(text: string, events: { push(e: XmlEvent): unknown }): boolean {
  if (text.indexOf('\r') >= 0) return false;
  const stack: { qname: string; scope: Record<string, string> }[] = [];
  const rootScope: Record<string, string> = Object.create(null);
  rootScope.xml = XML_NS;
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  let lineStart = 0;
  let sawRoot = false;
  // The next newline not yet counted, found once: a document written on a few long lines (SEC filings)
  // would otherwise be searched to its next newline at every tag (quadratic: 60% of the time on a 3 MB 10-K).
  let nextNewline = text.indexOf('\n');
  const advanceLines = (p: number) => {
    while (nextNewline !== -1 && nextNewline < p) {
      line++;
      lineStart = nextNewline + 1;
      nextNewline = text.indexOf('\n', nextNewline + 1);
    }
  };
  while (pos < text.length) {
    const lt = text.indexOf('<', pos);
    const chunk = lt < 0 ? text.slice(pos) : text.slice(pos, lt);
    if (chunk.length && !addText(chunk, stack.length > 0, events)) return false;
    if (lt < 0) break;
    const c = text.charCodeAt(lt + 1);
    if (c === 0x3f /* ? */ || c === 0x21 /* ! */) {
      pos = skipMarkup(text, lt, stack.length > 0, events);
      if (pos < 0) return false;
      continue;
    }
    if (c === 0x2f /* / */) {
      pos = endTag(text, lt, stack);
      if (pos < 0) return false;
      events.push({ type: 'close' });
      continue;
    }
    NAME.lastIndex = lt + 1;
    const m = NAME.exec(text);
    if (!m) return false;
    const raw: [string, string][] = [];
    let p = readAttributes(text, NAME.lastIndex, raw);
    if (p < 0) return false;
    let selfClosing = false;
    if (text.charCodeAt(p) === 0x2f) {
      selfClosing = true;
      p++;
    }
    if (text.charCodeAt(p) !== 0x3e) return false;
    if (stack.length === 0 && sawRoot) return false;
    sawRoot = true;
    const tag = makeTag(m[0], raw, stack.length ? stack[stack.length - 1].scope : rootScope);
    if (!tag) return false;
    advanceLines(lt);
    events.push({ type: 'open', tag: tag.tag, line, column: lt - lineStart + 1, nsMap: tag.scope });
    if (selfClosing) events.push({ type: 'close' });
    else stack.push({ qname: m[0], scope: tag.scope });
    pos = p + 1;
  }
  return sawRoot && stack.length === 0;
}

/** Character data before a tag: only whitespace outside the root element, decoded text inside it; false for what saxes must judge. */
function addText(chunk: string, inRoot: boolean, events: { push(e: XmlEvent): unknown }): boolean {
  if (!inRoot) return chunk.trim() === '';
  const t = decode(chunk);
  if (t === undefined || chunk.includes(']]>')) return false;
  events.push({ type: 'text', text: t });
  return true;
}

/** Skips a processing instruction or comment, or adds a CDATA section as text; the position after it, or -1 (a DOCTYPE, an unterminated one). */
function skipMarkup(text: string, lt: number, inRoot: boolean, events: { push(e: XmlEvent): unknown }): number {
  if (text.charCodeAt(lt + 1) === 0x3f /* ? */) {
    const e = text.indexOf('?>', lt + 2);
    return e < 0 ? -1 : e + 2;
  }
  if (text.startsWith('!--', lt + 1)) {
    const e = text.indexOf('-->', lt + 4);
    return e < 0 ? -1 : e + 3;
  }
  if (!text.startsWith('![CDATA[', lt + 1) || !inRoot) return -1; // DOCTYPE: saxes judges it
  const e = text.indexOf(']]>', lt + 9);
  if (e < 0) return -1;
  events.push({ type: 'text', text: text.slice(lt + 9, e) });
  return e + 3;
}

/** Reads an end tag at lt and pops the element it closes; the position after it, or -1 when it is malformed or mismatched. */
function endTag(text: string, lt: number, stack: { qname: string }[]): number {
  NAME.lastIndex = lt + 2;
  const m = NAME.exec(text);
  if (!m) return -1;
  SPACE.lastIndex = NAME.lastIndex;
  SPACE.exec(text);
  if (text.charCodeAt(SPACE.lastIndex) !== 0x3e) return -1;
  const open = stack.pop();
  if (!open || open.qname !== m[0]) return -1;
  return SPACE.lastIndex + 1;
}

/** Reads a start tag's attributes from p into raw (name, decoded value); the position after them and any whitespace, or -1 for a value it cannot decode. */
function readAttributes(text: string, p: number, raw: [string, string][]): number {
  for (;;) {
    ATTR.lastIndex = p;
    const a = ATTR.exec(text);
    if (!a) break;
    // Attribute-value normalisation: literal tabs and newlines become spaces (references stay).
    const v = decode((a[2] ?? a[3]).replace(/[\t\n]/g, ' '));
    if (v === undefined) return -1;
    raw.push([a[1], v]);
    p = ATTR.lastIndex;
  }
  SPACE.lastIndex = p;
  SPACE.exec(text);
  return SPACE.lastIndex;
}

const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';

/** Resolves an element's name and attributes in scope (declarations on the element included). */
function makeTag(
  qname: string,
  raw: [string, string][],
  parentScope: Record<string, string>,
): { tag: SaxesTagNS; scope: Record<string, string> } | undefined {
  let scope = parentScope;
  const ns: Record<string, string> = {};
  for (let i = 0; i < raw.length; i++) {
    const k = raw[i][0];
    for (let j = 0; j < i; j++) if (raw[j][0] === k) return undefined;
    if (k === 'xmlns' || k.startsWith('xmlns:')) {
      if (scope === parentScope) scope = Object.create(parentScope);
      const prefix = k === 'xmlns' ? '' : k.slice(6);
      scope[prefix] = raw[i][1];
      ns[prefix] = raw[i][1];
    }
  }
  const colon = qname.indexOf(':');
  const prefix = colon < 0 ? '' : qname.slice(0, colon);
  const uri = scope[prefix];
  if (uri === undefined) return undefined;
  const attributes: Record<string, SaxesAttributeNS> = {};
  for (const [k, value] of raw) {
    const c = k.indexOf(':');
    const ap = c < 0 ? '' : k.slice(0, c);
    const auri = k === 'xmlns' || ap === 'xmlns' ? XMLNS_NS : ap ? scope[ap] : '';
    if (auri === undefined) return undefined;
    attributes[k] = { name: k, prefix: ap, local: c < 0 ? k : k.slice(c + 1), uri: auri, value };
  }
  return {
    tag: {
      name: qname,
      prefix,
      local: colon < 0 ? qname : qname.slice(colon + 1),
      uri,
      attributes,
      ns,
      isSelfClosing: false,
    } as SaxesTagNS,
    scope,
  };
}
