import { NS, type LinkbaseInfo, type SourceRef, type XdtArcAttributes } from '../model';
import { deepText, type XElement } from '../xml/read-xml';
import { resolveHref, withXmlBase } from './xml-base';

export interface RawLoc { label: string; href: string; source: SourceRef }
export interface RawResource { label: string; element: string; role?: string; lang?: string; text: string; id?: string; source: SourceRef; space?: string; ownLang?: string }
export interface RawArc {
  element: string; arcrole: string; from: string; to: string; order: number; weight?: string;
  preferredLabel?: string; use: 'optional' | 'prohibited'; priority: number; source: SourceRef;
  /** Non-exempt attributes by value (XBRL 2.1 §3.5.3.9.7.4): equivalent arcs have equal keys. */
  equivalenceKey: string;
  /** The arc's `xbrldt:` attributes, when it has any. */
  xdt?: XdtArcAttributes;
}
export interface RawLink {
  element: string; role: string; locs: RawLoc[]; resources: RawResource[]; arcs: RawArc[]; source: SourceRef;
  /** Children that are neither locator, resource, arc, title nor documentation (XBRL 2.1 §3.5.3.8.1): their names and places. */
  untyped?: { element: string; source: SourceRef }[];
}
export interface RawLinkbase { url: string; file: string; info: LinkbaseInfo; links: RawLink[] }

const XL = NS.xlink;
const xl = (e: XElement, a: string): string | undefined => e.attrs[`{${XL}}${a}`];

/** Reads a link:linkbase element: roleRefs, arcroleRefs and its extended links (locs, resources, arcs). */
export function readLinkbase(root: XElement, url: string, file: string, onRef: (href: string, e: XElement, expect: 'schema' | 'linkbase' | 'any') => void): RawLinkbase {
  const src = (e: XElement): SourceRef => ({ file, line: e.line, column: e.column });
  const info: LinkbaseInfo = { url, file, roleRefs: [], arcroleRefs: [], usedRoles: [], usedArcroles: [] };
  const links: RawLink[] = [];
  const rootBase = withXmlBase(root, url);
  for (const c of root.children) {
    if (c.name === `{${NS.link}}roleRef` || c.name === `{${NS.link}}arcroleRef`) {
      const role = c.name === `{${NS.link}}roleRef`;
      const uri = c.attrs[role ? 'roleURI' : 'arcroleURI'] ?? '';
      const href = xl(c, 'href') ?? '';
      const abs = href ? resolveHref(href, withXmlBase(c, rootBase)) ?? href : '';
      (role ? info.roleRefs : info.arcroleRefs).push({ uri, href: abs, source: src(c) });
      if (href) onRef(abs, c, 'schema');
      continue;
    }
    if (xl(c, 'type') !== 'extended') continue;
    const role = xl(c, 'role') ?? '';
    info.usedRoles.push({ uri: role, element: c.name, source: src(c) });
    const link: RawLink = { element: c.name, role, locs: [], resources: [], arcs: [], source: src(c) };
    const linkBase = withXmlBase(c, rootBase);
    for (const k of c.children) {
      const t = xl(k, 'type');
      if (t === 'locator') {
        const href = xl(k, 'href') ?? '';
        const abs = resolveHref(href, withXmlBase(k, linkBase)) ?? href;
        link.locs.push({ label: xl(k, 'label') ?? '', href: abs, source: src(k) });
        // Only link:loc fires DTS discovery (§3.2); custom locators in its substitution group do not.
        if (href && !href.startsWith('#') && k.name === `{${NS.link}}loc`) onRef(abs, k, 'any');
      } else if (t === 'resource') {
        const r = xl(k, 'role');
        if (r) info.usedRoles.push({ uri: r, element: k.name, parent: c.name, source: src(k) });
        link.resources.push({
          label: xl(k, 'label') ?? '', element: k.name, role: r, lang: k.attrs[`{${NS.xml}}lang`] ?? inheritedLang(c, root),
          text: deepText(k), id: k.attrs.id, source: src(k), space: k.attrs[`{${NS.xml}}space`], ownLang: k.attrs[`{${NS.xml}}lang`],
        });
      } else if (t === undefined && k.local !== 'documentation' && k.local !== 'title') {
        (link.untyped ??= []).push({ element: k.name, source: src(k) });
      } else if (t === 'arc') {
        const arcrole = xl(k, 'arcrole') ?? '';
        info.usedArcroles.push({ uri: arcrole, element: k.name, parent: c.name, source: src(k) });
        const order = k.attrs.order !== undefined ? Number(k.attrs.order) : 1;
        link.arcs.push({
          element: k.name, arcrole, from: xl(k, 'from') ?? '', to: xl(k, 'to') ?? '', order: Number.isFinite(order) ? order : 1,
          weight: k.attrs.weight?.trim(), preferredLabel: k.attrs.preferredLabel, use: k.attrs.use === 'prohibited' ? 'prohibited' : 'optional',
          priority: Number(k.attrs.priority ?? 0) || 0, source: src(k), equivalenceKey: equivalenceKey(k.attrs),
          ...xdtAttributes(k),
        });
      }
    }
    links.push(link);
  }
  return { url, file, info, links };
}

const XDT_ATTRIBUTES = ['targetRole', 'closed', 'contextElement', 'usable'] as const;

/** An arc's `xbrldt:` attributes as `{ xdt }`, or nothing when it has none. */
function xdtAttributes(k: XElement): { xdt?: XdtArcAttributes } {
  let xdt: XdtArcAttributes | undefined;
  for (const a of XDT_ATTRIBUTES) {
    const v = k.attrs[`{${NS.xbrldt}}${a}`];
    if (v !== undefined) (xdt ??= {})[a] = v;
  }
  return xdt ? { xdt } : {};
}

function inheritedLang(link: XElement, root: XElement): string | undefined {
  return link.attrs[`{${NS.xml}}lang`] ?? root.attrs[`{${NS.xml}}lang`];
}

/** A value compared as XML Schema would for the usual attribute types: numbers by value, booleans as 1/0, the rest as written. */
function canonicalValue(v: string): string {
  const t = v.trim();
  const b = t === 'true' ? '1' : t === 'false' ? '0' : t;
  if (/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(b)) {
    const n = Number(b);
    if (Number.isFinite(n)) return `n${n}`;
  }
  return `s${t}`;
}

/** The attributes that make two arcs equivalent: all but xlink's, use and priority; order defaults to 1. */
export function equivalenceKey(attrs: Record<string, string>): string {
  const keep: [string, string][] = [['order', canonicalValue(attrs.order ?? '1')]];
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'order' || k === 'use' || k === 'priority' || k.startsWith(`{${XL}}`)) continue;
    keep.push([k, canonicalValue(v)]);
  }
  return keep.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([k, v]) => `${k}=${v}`).join('\u0002');
}
