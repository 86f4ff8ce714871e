import fs from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import type { SaxesTagNS } from 'saxes';
import { diag, type Diagnostic } from '../model';
import { scanXml } from './scan-xml';
import { readXmlDocument } from './decode';

import type { XElement } from './element';

export type { XElement };

export const XML_CODES = {
  syntax: 'xml:notWellFormed',
  doctype: 'xml:doctypeNotAllowed',
  tooLarge: 'io:fileTooLarge',
  notFound: 'io:fileNotFound',
} as const;

/** Raised inside saxes handlers to stop parsing at the first fatal problem. */
class Abort extends Error {}

export interface StreamHandlers {
  opentag(tag: SaxesTagNS, line: number, column: number, nsMap: Record<string, string>): void;
  text(t: string): void;
  closetag(tag: SaxesTagNS): void;
}

/** A DOCTYPE is refused when it declares entities or points at an external DTD (billion laughs, XXE). */
export function doctypeProblem(doctype: string): string | undefined {
  if (/<!ENTITY/i.test(doctype)) return 'DOCTYPE declares entities; entity expansion is refused';
  if (/\b(SYSTEM|PUBLIC)\b/.test(doctype)) return 'DOCTYPE references an external DTD; external entities are refused';
  return undefined;
}

/**
 * Streams XML text chunks through saxes (namespaces on), calling `h` for each event.
 * Returns diagnostics for the first well-formedness error (with line/column) or a refused DOCTYPE.
 * `allowDoctype` may accept a DOCTYPE that would be refused (saxes never loads external DTDs).
 */
export function streamXml(
  chunks: Iterable<string>,
  file: string,
  h: StreamHandlers,
  options: { allowDoctype?: (doctype: string) => boolean } = {},
): Diagnostic[] {
  // Lazy: most documents are read by the fast scanner, so saxes loads only when one is not.
  const { SaxesParser } = require('saxes') as typeof import('saxes');
  const p = new SaxesParser({ xmlns: true, position: true });
  const diagnostics: Diagnostic[] = [];
  const scopes: Record<string, string>[] = [Object.create(null)];
  let startLine = 1;
  let startCol = 1;
  p.on('doctype', (d) => {
    const why = options.allowDoctype?.(d) ? undefined : doctypeProblem(d);
    if (why) {
      diagnostics.push(
        diag(XML_CODES.doctype, 'error', `${why}`, { source: { file, line: p.line, column: p.column } }),
      );
      throw new Abort();
    }
  });
  // saxes reports the position after the tag name: step back over `<name` to the `<`.
  p.on('opentagstart', (tag) => {
    startLine = p.line;
    startCol = Math.max(1, p.column - tag.name.length - 1);
  });
  p.on('opentag', (tag) => {
    const parent = scopes[scopes.length - 1];
    let scope = parent;
    const decl = tag.ns;
    if (decl) {
      for (const k in decl) {
        if (scope === parent) scope = Object.create(parent);
        scope[k] = decl[k];
      }
    }
    scopes.push(scope);
    h.opentag(tag, startLine, startCol, scope);
  });
  p.on('text', (t) => h.text(t));
  p.on('cdata', (t) => h.text(t));
  p.on('closetag', (tag) => {
    scopes.pop();
    h.closetag(tag);
  });
  p.on('error', (e) => {
    const msg = String(e.message).replace(/^[^:]*:\d+:\d+: /, '');
    diagnostics.push(
      diag(XML_CODES.syntax, 'error', `malformed XML: ${msg}`, { source: { file, line: p.line, column: p.column } }),
    );
    throw new Abort();
  });
  try {
    for (const c of chunks) p.write(c);
    p.close();
  } catch (e) {
    if (!(e instanceof Abort)) {
      diagnostics.push(
        diag(XML_CODES.syntax, 'error', `malformed XML: ${(e as Error).message}`, {
          source: { file, line: p.line, column: p.column },
        }),
      );
    }
  }
  return diagnostics;
}

/** Reads a file as UTF-8 text chunks (4 MiB each), so a large file never exists as one string. */
export function* fileChunks(path: string, chunkSize = 1 << 22): Generator<string> {
  const fd = fs.openSync(path, 'r');
  try {
    const buf = Buffer.allocUnsafe(chunkSize);
    const dec = new StringDecoder('utf8');
    let first = true;
    for (;;) {
      const n = fs.readSync(fd, buf, 0, chunkSize, null);
      if (n <= 0) break;
      let s = dec.write(buf.subarray(0, n));
      if (first && s.charCodeAt(0) === 0xfeff) s = s.slice(1);
      first = false;
      yield s;
    }
    const rest = dec.end();
    if (rest) yield rest;
  } finally {
    fs.closeSync(fd);
  }
}

/** Builds element trees from stream events; `onElement` may take ownership of top-level subtrees. */
export class TreeBuilder implements StreamHandlers {
  root?: XElement;
  private stack: XElement[] = [];
  constructor(
    private readonly keepAll = true,
    private readonly onChildOfRoot?: (e: XElement) => void,
  ) {}
  opentag(tag: SaxesTagNS, line: number, column: number, nsMap: Record<string, string>): void {
    const attrs: Record<string, string> = {};
    for (const k in tag.attributes) {
      const a = tag.attributes[k];
      if (a.prefix === 'xmlns' || a.name === 'xmlns') continue;
      attrs[a.uri ? `{${a.uri}}${a.local}` : a.local] = a.value;
    }
    const el: XElement = {
      name: `{${tag.uri}}${tag.local}`,
      ns: tag.uri,
      local: tag.local,
      attrs,
      children: [],
      text: '',
      line,
      column,
      nsMap,
    };
    const parent = this.stack[this.stack.length - 1];
    if (parent && (this.keepAll || this.stack.length > 1)) parent.children.push(el);
    if (!parent) this.root = el;
    this.stack.push(el);
  }
  text(t: string): void {
    const n = this.stack.length;
    if (n === 0 || (n === 1 && !this.keepAll)) return;
    this.stack[n - 1].text += t;
  }
  closetag(): void {
    const el = this.stack.pop();
    if (el && this.stack.length === 1 && this.onChildOfRoot) this.onChildOfRoot(el);
  }
}

/** Parses a whole (small) XML document into a tree. */
export function parseXmlText(text: string, file: string): { root?: XElement; diagnostics: Diagnostic[] } {
  const b = new TreeBuilder();
  const diagnostics = streamXml([text], file, b);
  return { root: diagnostics.length ? undefined : b.root, diagnostics };
}

export function parseXmlFile(
  path: string,
  file = path,
  options: { allowDoctype?: (doctype: string) => boolean } = {},
): { root?: XElement; diagnostics: Diagnostic[] } {
  // A regular file within the limits, decoded as declared (xml/decode); the fast scanner reads it
  // whole, and anything it declines goes to saxes.
  const read = readXmlDocument(path, file);
  if (read.text === undefined) return { diagnostics: read.diagnostics };
  const fast = scanWhole(read.text);
  if (fast) return { root: fast, diagnostics: [] };
  const b = new TreeBuilder();
  const diagnostics = streamXml([read.text], file, b, options);
  return { root: diagnostics.length ? undefined : b.root, diagnostics };
}

/** The whole tree by the fast scanner, or undefined when it declines the document. */
function scanWhole(text: string): XElement | undefined {
  let root: XElement | undefined;
  const ok = scanXml(
    text,
    (e) => {
      root = e;
      e.children = [];
    },
    (e) => root!.children.push(e),
    { columnAfterName: true },
  );
  return ok ? root : undefined;
}

/** Resolves a QName (`p:local` or `local`) in the element's scope to Clark notation. */
export function resolveQName(qname: string, nsMap: Record<string, string>, useDefault = true): string | undefined {
  const q = qname.trim();
  const i = q.indexOf(':');
  if (i < 0) {
    const d = useDefault ? nsMap[''] : undefined;
    return `{${d ?? ''}}${q}`;
  }
  const ns = nsMap[q.slice(0, i)];
  if (ns === undefined) return undefined;
  return `{${ns}}${q.slice(i + 1)}`;
}

export const childElements = (e: XElement, name: string): XElement[] => e.children.filter((c) => c.name === name);
/** The first child named `name` (a plain loop: readers call this several times per context). */
export function firstChild(e: XElement, name: string): XElement | undefined {
  const { children } = e;
  for (let i = 0; i < children.length; i++) if (children[i].name === name) return children[i];
  return undefined;
}

/** Text content of an element and all descendants (document order; iterative, so no nesting depth overflows the stack). */
export function deepText(e: XElement): string {
  let s = '';
  const stack: XElement[] = [e];
  while (stack.length) {
    const x = stack.pop()!;
    s += x.text;
    for (let i = x.children.length - 1; i >= 0; i--) stack.push(x.children[i]);
  }
  return s;
}

/** A canonical string for an element subtree (for structural comparison of segments, typed members); iterative. */
export function canonicalXml(e: XElement): string {
  const out: string[] = [];
  const stack: (XElement | string)[] = [e];
  while (stack.length) {
    const x = stack.pop()!;
    if (typeof x === 'string') {
      out.push(x);
      continue;
    }
    const attrs = Object.keys(x.attrs)
      .sort()
      .map((k) => `${k}=${JSON.stringify(x.attrs[k])}`)
      .join(' ');
    out.push(`<${x.name}${attrs ? ' ' + attrs : ''}>`);
    stack.push(`</${x.name}>`);
    if (!x.children.length) stack.push(x.text.trim());
    for (let i = x.children.length - 1; i >= 0; i--) stack.push(x.children[i]);
  }
  return out.join('');
}
