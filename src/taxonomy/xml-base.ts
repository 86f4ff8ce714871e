import { NS } from '../model';
import type { XElement } from '../xml/read-xml';

const XML_BASE = `{${NS.xml}}base`;

/** The base URI in effect on `e` given its parent's (XML Base: an `xml:base` attribute resolves against the parent's base). */
export function withXmlBase(e: XElement, parentBase: string): string {
  const b = e.attrs[XML_BASE];
  if (b === undefined) return parentBase;
  try { return new URL(b, parentBase).href; } catch { return parentBase; }
}

/** Resolves `href` against `base`; undefined when it is not a URI reference. */
export function resolveHref(href: string, base: string): string | undefined {
  try { return new URL(href.trim(), base).href; } catch { return undefined; }
}
