import type { XmlSink } from '../xbrl/contexts-units';

/**
 * A small XML element tree for the Inline XBRL writer. Text is escaped when the tree is written,
 * never when it is added, so no caller can forget it. Namespaces are declared once on the root;
 * `ele(namespace, qname)` only checks that the prefix it is given is the one declared.
 */
export type Child = XNode | string | Raw;

/** Text written as is: only for content the writer itself made safe (CDATA-wrapped script). */
export class Raw {
  constructor(readonly text: string) {}
}

/** Elements written on a line of their own (pure layout: whitespace between them is ignorable). */
const BLOCK = new Set([
  'html',
  'head',
  'body',
  'title',
  'meta',
  'style',
  'script',
  'div',
  'p',
  'h1',
  'h2',
  'h3',
  'ul',
  'li',
  'table',
  'thead',
  'tbody',
  'tr',
  'ix:header',
  'ix:hidden',
  'ix:references',
  'ix:resources',
  'ix:relationship',
  'link:schemaRef',
  'xbrli:context',
  'xbrli:unit',
]);

/** XHTML elements that are empty by definition; other empty elements get an end tag, as HTML parsers expect. */
const VOID = new Set(['meta', 'br', 'hr', 'img', 'col', 'link']);

export class XNode implements XmlSink {
  readonly children: Child[] = [];
  constructor(
    readonly name: string,
    readonly attrs: Record<string, string> = {},
    private readonly prefixes?: Map<string, string>,
  ) {}

  /** Appends a child element (XmlSink form: the namespace must be the one its prefix is declared for). */
  ele(namespace: string, qualifiedName: string, attributes: Record<string, string> = {}): XNode {
    const colon = qualifiedName.indexOf(':');
    const prefix = colon < 0 ? '' : qualifiedName.slice(0, colon);
    if (this.prefixes && this.prefixes.get(prefix) !== namespace)
      throw new Error(`prefix ${prefix} is not declared for ${namespace}`);
    const n = new XNode(qualifiedName, attributes, this.prefixes);
    this.children.push(n);
    return n;
  }

  /** Appends a child element in a namespace declared on the root (or XHTML, unprefixed). */
  el(name: string, attrs: Record<string, string> = {}, ...children: (Child | undefined)[]): XNode {
    const n = new XNode(name, attrs, this.prefixes);
    for (const c of children) if (c !== undefined && c !== '') n.children.push(c);
    this.children.push(n);
    return n;
  }

  /** A new element in this tree, not yet placed anywhere (see `add`). */
  make(name: string, attrs: Record<string, string> = {}, text = ''): XNode {
    const n = new XNode(name, attrs, this.prefixes);
    return n.txt(text);
  }

  txt(content: string): XNode {
    if (content !== '') this.children.push(content);
    return this;
  }

  add(...children: Child[]): XNode {
    for (const c of children) if (c !== '') this.children.push(c);
    return this;
  }
}

/** A root element that knows its namespace declarations (`xmlns`, `xmlns:ix`, …). */
export function rootElement(
  name: string,
  namespaces: Record<string, string>,
  attrs: Record<string, string> = {},
): XNode {
  const prefixes = new Map<string, string>();
  const all: Record<string, string> = {};
  for (const [p, ns] of Object.entries(namespaces)) {
    prefixes.set(p, ns);
    all[p === '' ? 'xmlns' : `xmlns:${p}`] = ns;
  }
  return new XNode(name, { ...all, ...attrs }, prefixes);
}

// XML 1.0 Char: no C0 controls other than tab, newline and carriage return; no lone surrogates, no U+FFFE/FFFF.
const NOT_XML_CHAR =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const SPECIAL_TEXT = /[&<>\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;
const SPECIAL_ATTR = /[&<>"\t\n\r\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;
const ENTITY: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

export function escapeText(s: string): string {
  if (!SPECIAL_TEXT.test(s)) return s;
  return s.replace(NOT_XML_CHAR, '\uFFFD').replace(/[&<>]/g, (c) => ENTITY[c]);
}

export function escapeAttr(s: string): string {
  if (!SPECIAL_ATTR.test(s)) return s;
  return s.replace(NOT_XML_CHAR, '\uFFFD').replace(/[&<>"\t\n\r]/g, (c) => ENTITY[c]);
}

/**
 * JSON for a `<script type="application/json">` element: `<`, `>` and `&` (and U+2028/2029) as
 * \u escapes, so the text holds no markup in either XML or HTML parsing and cannot end the script.
 */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/**
 * Writes the tree: block elements on lines of their own, everything else as it comes. The root
 * starts on the line after the XML declaration (no blank line between them). Built by string
 * concatenation, which V8 does without copying until the end.
 */
export function serialize(root: XNode): string {
  let out = '';
  const write = (n: XNode, parentHidden: boolean) => {
    if (n !== root && (BLOCK.has(n.name) || parentHidden)) out += '\n';
    out += `<${n.name}`;
    const attrs = n.attrs;
    for (const k in attrs) out += ` ${k}="${escapeAttr(attrs[k])}"`;
    if (n.children.length === 0 && (n.name.includes(':') || VOID.has(n.name))) {
      out += '/>';
      return;
    }
    out += '>';
    const hidden = n.name === 'ix:hidden';
    for (const c of n.children) {
      if (typeof c === 'string') out += escapeText(c);
      else if (c instanceof Raw) out += c.text;
      else write(c, hidden);
    }
    out += `</${n.name}>`;
  };
  write(root, false);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${out}\n`;
}
