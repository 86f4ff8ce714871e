import { ARCROLE, NS, ROLE, type Fact, type Report, type Unit } from '../model';
import { contextId, prefixer, unitId } from '../xbrl/aspects';
import { writeXml, type XmlNode } from '../xml/write-xml';

const RESERVED = ['xbrli', 'link', 'xlink', 'iso4217', 'xbrl', 'xsi', 'xs'];

/**
 * Report → XBRL 2.1 instance XML. Contexts and units are generated from the facts' aspects with
 * deterministic NCName ids; the schemaRef is the entry point's absolute URL, which the taxonomy
 * package's catalog maps to local files, so the instance can be moved anywhere.
 */
export function toXbrlXml(report: Report): string {
  const q = prefixer(report.namespaces);
  const attrs: Record<string, string> = {
    'xmlns:xbrli': NS.xbrli, 'xmlns:link': NS.link, 'xmlns:xlink': NS.xlink, 'xmlns:iso4217': NS.iso4217,
  };
  for (const [p, ns] of Object.entries(report.namespaces)) if (!RESERVED.includes(p)) attrs[`xmlns:${p}`] = ns;
  const children: XmlNode[] = report.taxonomy.map((href) => ({ name: 'link:schemaRef', attrs: { 'xlink:type': 'simple', 'xlink:href': href } }));
  children.push(...contextsAndUnits(report, q));
  for (const f of report.facts) children.push(factNode(f, q));
  const links = footnoteLink(report);
  if (links) children.push(links);
  return `${writeXml({ name: 'xbrli:xbrl', attrs, children })}\n`;
}

function factNode(f: Fact, q: (c: string) => string): XmlNode {
  const attrs: Record<string, string> = { id: f.id, contextRef: contextId(f.period) };
  if (f.unit) attrs.unitRef = unitId(f.unit);
  if (f.decimals !== undefined && f.value !== null) attrs.decimals = String(f.decimals);
  if (f.language) attrs['xml:lang'] = f.language;
  if (f.value === null) { attrs['xmlns:xsi'] = NS.xsi; attrs['xsi:nil'] = 'true'; }
  return { name: q(f.concept), attrs, text: f.value ?? undefined };
}

const x = (local: string, text?: string, attrs?: Record<string, string>): XmlNode => ({ name: `xbrli:${local}`, text, attrs });

/** One context per period and one unit per measure set, sorted by id. */
function contextsAndUnits(report: Report, q: (c: string) => string): XmlNode[] {
  const contexts = new Map<string, Fact>();
  const units = new Map<string, Unit>();
  for (const f of report.facts) {
    const cid = contextId(f.period);
    if (!contexts.has(cid)) contexts.set(cid, f);
    if (f.unit) units.set(unitId(f.unit), f.unit);
  }
  const out: XmlNode[] = [];
  for (const [id, f] of [...contexts].sort(([a], [b]) => a.localeCompare(b))) {
    const p = f.period;
    const period = p.type === 'instant' ? [x('instant', p.instant)] : p.type === 'duration' ? [x('startDate', p.start), x('endDate', p.end)] : [x('forever')];
    out.push({ ...x('context', undefined, { id }), children: [
      { ...x('entity'), children: [x('identifier', f.entity.identifier, { scheme: f.entity.scheme })] },
      { ...x('period'), children: period },
    ] });
  }
  const measures = (ms: string[]) => ms.map((m) => x('measure', q(m)));
  for (const [id, u] of [...units].sort(([a], [b]) => a.localeCompare(b))) {
    const body = u.denominators.length === 0 ? measures(u.numerators)
      : [{ ...x('divide'), children: [{ ...x('unitNumerator'), children: measures(u.numerators) }, { ...x('unitDenominator'), children: measures(u.denominators) }] }];
    out.push({ ...x('unit', undefined, { id }), children: body });
  }
  return out;
}

/** The footnotes linked to facts: locators, footnotes, then arcs. */
function footnoteLink(report: Report): XmlNode | undefined {
  const used = report.footnotes.filter((fn) => report.facts.some((f) => f.footnotes?.includes(fn.id)));
  if (!used.length) return undefined;
  const children: XmlNode[] = [];
  for (const f of report.facts) {
    if (f.footnotes?.length) children.push({ name: 'link:loc', attrs: { 'xlink:type': 'locator', 'xlink:href': `#${f.id}`, 'xlink:label': `loc_${f.id}` } });
  }
  for (const fn of used) {
    children.push({ name: 'link:footnote', attrs: { 'xlink:type': 'resource', 'xlink:label': fn.id, 'xlink:role': ROLE.footnote, 'xml:lang': fn.language, id: fn.id }, text: fn.text });
  }
  for (const f of report.facts) {
    for (const id of f.footnotes ?? []) {
      children.push({ name: 'link:footnoteArc', attrs: { 'xlink:type': 'arc', 'xlink:arcrole': ARCROLE.factFootnote, 'xlink:from': `loc_${f.id}`, 'xlink:to': id } });
    }
  }
  return { name: 'link:footnoteLink', attrs: { 'xlink:type': 'extended', 'xlink:role': ROLE.link }, children };
}
