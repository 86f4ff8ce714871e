import { NS, type LinkbaseInfo, type SourceRef } from '../model';
import { deepText, type XElement } from '../xml/read-xml';

export interface RawLoc { label: string; href: string; source: SourceRef }
export interface RawResource { label: string; element: string; role?: string; lang?: string; text: string; id?: string; source: SourceRef }
export interface RawArc {
  element: string; arcrole: string; from: string; to: string; order: number; weight?: string;
  preferredLabel?: string; use: 'optional' | 'prohibited'; priority: number; source: SourceRef;
}
export interface RawLink { element: string; role: string; locs: RawLoc[]; resources: RawResource[]; arcs: RawArc[]; source: SourceRef }
export interface RawLinkbase { url: string; file: string; info: LinkbaseInfo; links: RawLink[] }

const XL = NS.xlink;
const xl = (e: XElement, a: string): string | undefined => e.attrs[`{${XL}}${a}`];

/** Reads a link:linkbase element: roleRefs, arcroleRefs and its extended links (locs, resources, arcs). */
export function readLinkbase(root: XElement, url: string, file: string, onRef: (href: string, e: XElement, expect: 'schema' | 'linkbase' | 'any') => void): RawLinkbase {
  const src = (e: XElement): SourceRef => ({ file, line: e.line, column: e.column });
  const info: LinkbaseInfo = { url, file, roleRefs: [], arcroleRefs: [], usedRoles: [], usedArcroles: [] };
  const links: RawLink[] = [];
  for (const c of root.children) {
    if (c.name === `{${NS.link}}roleRef` || c.name === `{${NS.link}}arcroleRef`) {
      const role = c.name === `{${NS.link}}roleRef`;
      const uri = c.attrs[role ? 'roleURI' : 'arcroleURI'] ?? '';
      const href = xl(c, 'href') ?? '';
      (role ? info.roleRefs : info.arcroleRefs).push({ uri, href, source: src(c) });
      if (href) onRef(href, c, 'schema');
      continue;
    }
    if (xl(c, 'type') !== 'extended') continue;
    const role = xl(c, 'role') ?? '';
    info.usedRoles.push({ uri: role, element: c.name, source: src(c) });
    const link: RawLink = { element: c.name, role, locs: [], resources: [], arcs: [], source: src(c) };
    for (const k of c.children) {
      const t = xl(k, 'type');
      if (t === 'locator') {
        const href = xl(k, 'href') ?? '';
        let abs = href;
        try { abs = new URL(href, url).href; } catch { /* reported when resolving */ }
        link.locs.push({ label: xl(k, 'label') ?? '', href: abs, source: src(k) });
        if (href && !href.startsWith('#')) onRef(href, k, 'any');
      } else if (t === 'resource') {
        const r = xl(k, 'role');
        if (r) info.usedRoles.push({ uri: r, element: k.name, source: src(k) });
        link.resources.push({
          label: xl(k, 'label') ?? '', element: k.name, role: r, lang: k.attrs[`{${NS.xml}}lang`] ?? inheritedLang(c, root),
          text: deepText(k), id: k.attrs.id, source: src(k),
        });
      } else if (t === 'arc') {
        const arcrole = xl(k, 'arcrole') ?? '';
        info.usedArcroles.push({ uri: arcrole, element: k.name, source: src(k) });
        const order = k.attrs.order !== undefined ? Number(k.attrs.order) : 1;
        link.arcs.push({
          element: k.name, arcrole, from: xl(k, 'from') ?? '', to: xl(k, 'to') ?? '', order: Number.isFinite(order) ? order : 1,
          weight: k.attrs.weight?.trim(), preferredLabel: k.attrs.preferredLabel, use: k.attrs.use === 'prohibited' ? 'prohibited' : 'optional',
          priority: Number(k.attrs.priority ?? 0) || 0, source: src(k),
        });
      }
    }
    links.push(link);
  }
  return { url, file, info, links };
}

function inheritedLang(link: XElement, root: XElement): string | undefined {
  return link.attrs[`{${NS.xml}}lang`] ?? root.attrs[`{${NS.xml}}lang`];
}
