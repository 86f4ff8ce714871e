import type { TokenHandler } from 'parse5';
import type { SaxesAttributeNS, SaxesTagNS } from 'saxes';
import type { XmlEvent } from '../xml/scan-events';
import { XHTML_NS } from '../xbrl/ix';

/**
 * Recovery for Inline XBRL pages that are not well-formed XML (an `<h3>` closed by `</h2>`, an
 * `&nbsp;`, an unquoted attribute): the page is tokenised as HTML by parse5's tokenizer, as a
 * browser reads it, and turned into the events the XML readers give, so that its facts are
 * extracted. The caller has already reported the well-formedness error.
 *
 * Note: names are taken from the source as written (HTML's tokenizer lowercases them, Inline XBRL's
 * are camel case), namespaces from the xmlns attributes in scope (XHTML when none is declared).
 * An end tag closes the nearest open element of its name and everything opened inside it (any
 * heading closes any heading, as in HTML); an end tag that closes nothing open is dropped. Unlike
 * HTML, `<x/>` is an empty element whatever x is: the page was written as XHTML, where
 * `<ix:nonFraction xsi:nil="true" …/>` is empty. No DOCTYPE is read: HTML tokenisation expands no
 * declared entity and loads nothing.
 */
const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';
const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
  'basefont',
  'frame',
  'isindex',
]);
const HEADING = /^h[1-6]$/;
/** The tokenizer states of HTML's raw-text elements (parse5 loads on the first page to recover, not before). */
const rawText = (mode: typeof import('parse5').TokenizerMode): Record<string, number> => ({
  style: mode.RAWTEXT,
  script: mode.SCRIPT_DATA,
  title: mode.RCDATA,
  textarea: mode.RCDATA,
});

interface Open {
  lower: string;
  scope: Record<string, string>;
}

type TagToken = Parameters<TokenHandler['onStartTag']>[0];

export function recoverHtmlEvents(text: string): XmlEvent[] {
  const { Tokenizer, TokenizerMode } = require('parse5') as typeof import('parse5');
  const RAW_TEXT = rawText(TokenizerMode);
  const events: XmlEvent[] = [];
  const stack: Open[] = [];
  const root: Record<string, string> = Object.create(null);
  root.xml = XML_NS;
  let pending = '';
  const flush = () => {
    if (pending && stack.length) events.push({ type: 'text', text: pending });
    pending = '';
  };
  const close = (depth: number) => {
    flush();
    while (stack.length > depth) {
      stack.pop();
      events.push({ type: 'close' });
    }
  };
  const chars = (t: { chars: string }) => {
    pending += t.chars;
  };
  const handler: TokenHandler = {
    onComment: () => undefined,
    onDoctype: () => undefined,
    onEof: () => close(0),
    onCharacter: chars,
    onWhitespaceCharacter: chars,
    onNullCharacter: () => undefined,
    onStartTag: (t) => {
      flush();
      const open = openTag(text, t, stack.length ? stack[stack.length - 1].scope : root);
      events.push(open.event);
      stack.push({ lower: t.tagName, scope: open.scope });
      if (t.selfClosing || VOID.has(t.tagName)) close(stack.length - 1);
      // own names only: a tag called `constructor` or `toString` is no raw-text element (it set an unknown state)
      else if (Object.hasOwn(RAW_TEXT, t.tagName)) tokenizer.state = RAW_TEXT[t.tagName] as typeof tokenizer.state;
    },
    onEndTag: (t) => {
      const name = t.tagName;
      for (let i = stack.length - 1; i >= 0; i--) {
        const open = stack[i].lower;
        if (open === name || (HEADING.test(name) && HEADING.test(open))) {
          close(i);
          return;
        }
      }
    },
  };
  const tokenizer = new Tokenizer({ sourceCodeLocationInfo: true }, handler);
  tokenizer.write(text, true);
  close(0);
  return events;
}

/** The name as the source writes it (same length as HTML's lowercased one), else the lowercased one. */
function written(text: string, at: number | undefined, lower: string): string {
  if (at === undefined) return lower;
  const s = text.slice(at, at + lower.length);
  return s.toLowerCase() === lower ? s : lower;
}

/** A start tag → an open event: names as written, namespaces from the xmlns attributes in scope. */
function openTag(text: string, t: TagToken, parent: Record<string, string>) {
  const loc = t.location;
  const attrs = t.attrs.map((a) => [written(text, loc?.attrs?.[a.name]?.startOffset, a.name), a.value] as const);
  let scope = parent;
  const ns: Record<string, string> = {};
  for (const [k, v] of attrs) {
    if (k !== 'xmlns' && !k.startsWith('xmlns:')) continue;
    if (scope === parent) scope = Object.create(parent);
    const prefix = k === 'xmlns' ? '' : k.slice(6);
    scope[prefix] = v;
    ns[prefix] = v;
  }
  const qname = written(text, loc ? loc.startOffset + 1 : undefined, t.tagName);
  const colon = qname.indexOf(':');
  const prefix = colon < 0 ? '' : qname.slice(0, colon);
  const attributes: Record<string, SaxesAttributeNS> = {};
  for (const [k, value] of attrs) {
    const c = k.indexOf(':');
    const ap = c < 0 ? '' : k.slice(0, c);
    const uri = k === 'xmlns' || ap === 'xmlns' ? XMLNS_NS : ap ? (scope[ap] ?? '') : '';
    attributes[k] = { name: k, prefix: ap, local: c < 0 ? k : k.slice(c + 1), uri, value };
  }
  const tag = {
    name: qname,
    prefix,
    local: colon < 0 ? qname : qname.slice(colon + 1),
    uri: scope[prefix] ?? (prefix ? '' : XHTML_NS),
    attributes,
    ns,
    isSelfClosing: t.selfClosing,
  } as SaxesTagNS;
  const event: XmlEvent = { type: 'open', tag, line: loc?.startLine ?? 1, column: loc?.startCol ?? 1, nsMap: scope };
  return { event, scope };
}
