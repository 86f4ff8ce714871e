/**
 * A small XML writer for the documents this project generates: elements with attributes and either
 * child elements or text, pretty-printed with two-space indentation. Namespace declarations are
 * ordinary attributes; the caller writes prefixed names.
 *
 * Note: it replaces a general XML builder on the convert path (loading and running that builder
 * cost a quarter of a conversion); its output is byte-identical to what the builder wrote:
 * text escapes & < >, attribute values escape & < > ".
 */
export interface XmlNode {
  name: string;
  attrs?: Record<string, string>;
  children?: XmlNode[];
  text?: string;
}

const TEXT = /[&<>]/g;
const ATTR = /[&<>"]/g;
const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
export const escapeText = (s: string): string => s.replace(TEXT, (c) => ENTITIES[c]);
export const escapeAttr = (s: string): string => s.replace(ATTR, (c) => ENTITIES[c]);

/** The document: XML declaration, then the root element; no trailing newline. */
export function writeXml(root: XmlNode): string {
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  write(root, '', out);
  return out.join('\n');
}

function write(e: XmlNode, indent: string, out: string[]): void {
  let open = `${indent}<${e.name}`;
  if (e.attrs) for (const k in e.attrs) open += ` ${k}="${escapeAttr(e.attrs[k])}"`;
  if (e.children?.length) {
    out.push(`${open}>`);
    for (const c of e.children) write(c, `${indent}  `, out);
    out.push(`${indent}</${e.name}>`);
  } else if (e.text) out.push(`${open}>${escapeText(e.text)}</${e.name}>`);
  else out.push(`${open}/>`);
}
