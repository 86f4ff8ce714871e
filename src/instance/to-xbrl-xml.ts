import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces';
import { ARCROLE, NS, ROLE, type Report } from '../model';
import { contextId, prefixer, unitId } from '../xbrl/aspects';

/**
 * Report → XBRL 2.1 instance XML. Contexts and units are generated from the facts' aspects with
 * deterministic NCName ids; the schemaRef is the entry point's absolute URL, which the taxonomy
 * package's catalog maps to local files, so the instance can be moved anywhere.
 */
export function toXbrlXml(report: Report): string {
  const q = prefixer(report.namespaces);
  const nsAttrs: Record<string, string> = {
    'xmlns:xbrli': NS.xbrli, 'xmlns:link': NS.link, 'xmlns:xlink': NS.xlink, 'xmlns:iso4217': NS.iso4217,
  };
  for (const [p, ns] of Object.entries(report.namespaces)) if (!['xbrli', 'link', 'xlink', 'iso4217', 'xbrl', 'xsi', 'xs'].includes(p)) nsAttrs[`xmlns:${p}`] = ns;
  const doc = create({ version: '1.0', encoding: 'UTF-8' });
  const root = doc.ele(NS.xbrli, 'xbrli:xbrl', nsAttrs);
  for (const href of report.taxonomy) root.ele(NS.link, 'link:schemaRef', { 'xlink:type': 'simple', 'xlink:href': href });

  writeContextsAndUnits(root, report, q);
  for (const f of report.facts) {
    const attrs: Record<string, string> = { id: f.id, contextRef: contextId(f.period) };
    if (f.unit) attrs.unitRef = unitId(f.unit);
    if (f.decimals !== undefined && f.value !== null) attrs.decimals = String(f.decimals);
    if (f.language) attrs['xml:lang'] = f.language;
    const { ns } = { ns: f.concept.slice(1, f.concept.indexOf('}')) };
    const e = root.ele(ns, q(f.concept), attrs);
    if (f.value === null) e.att(NS.xsi, 'xsi:nil', 'true');
    else e.txt(f.value);
  }
  const used = report.footnotes.filter((fn) => report.facts.some((f) => f.footnotes?.includes(fn.id)));
  if (used.length) {
    const link = root.ele(NS.link, 'link:footnoteLink', { 'xlink:type': 'extended', 'xlink:role': ROLE.link });
    for (const f of report.facts) {
      if (f.footnotes?.length) link.ele(NS.link, 'link:loc', { 'xlink:type': 'locator', 'xlink:href': `#${f.id}`, 'xlink:label': `loc_${f.id}` });
    }
    for (const fn of used) {
      link.ele(NS.link, 'link:footnote', { 'xlink:type': 'resource', 'xlink:label': fn.id, 'xlink:role': ROLE.footnote, 'xml:lang': fn.language, id: fn.id }).txt(fn.text);
    }
    for (const f of report.facts) {
      for (const id of f.footnotes ?? []) {
        link.ele(NS.link, 'link:footnoteArc', { 'xlink:type': 'arc', 'xlink:arcrole': ARCROLE.factFootnote, 'xlink:from': `loc_${f.id}`, 'xlink:to': id });
      }
    }
  }
  return doc.end({ prettyPrint: true, indent: '  ' }) + '\n';
}

/** One context per period and one unit per measure set, sorted by id. */
function writeContextsAndUnits(root: XMLBuilder, report: Report, q: (c: string) => string): void {
  const contexts = new Map<string, Report['facts'][number]>();
  const units = new Map<string, NonNullable<Report['facts'][number]['unit']>>();
  for (const f of report.facts) {
    const cid = contextId(f.period);
    if (!contexts.has(cid)) contexts.set(cid, f);
    if (f.unit) units.set(unitId(f.unit), f.unit);
  }
  for (const [id, f] of [...contexts].sort(([a], [b]) => a.localeCompare(b))) {
    const c = root.ele(NS.xbrli, 'xbrli:context', { id });
    c.ele(NS.xbrli, 'xbrli:entity').ele(NS.xbrli, 'xbrli:identifier', { scheme: f.entity.scheme }).txt(f.entity.identifier);
    const p = c.ele(NS.xbrli, 'xbrli:period');
    if (f.period.type === 'instant') p.ele(NS.xbrli, 'xbrli:instant').txt(f.period.instant);
    else if (f.period.type === 'duration') {
      p.ele(NS.xbrli, 'xbrli:startDate').txt(f.period.start);
      p.ele(NS.xbrli, 'xbrli:endDate').txt(f.period.end);
    } else p.ele(NS.xbrli, 'xbrli:forever');
  }
  for (const [id, u] of [...units].sort(([a], [b]) => a.localeCompare(b))) {
    const e = root.ele(NS.xbrli, 'xbrli:unit', { id });
    if (u.denominators.length === 0) for (const m of u.numerators) e.ele(NS.xbrli, 'xbrli:measure').txt(q(m));
    else {
      const d = e.ele(NS.xbrli, 'xbrli:divide');
      const n = d.ele(NS.xbrli, 'xbrli:unitNumerator');
      for (const m of u.numerators) n.ele(NS.xbrli, 'xbrli:measure').txt(q(m));
      const dn = d.ele(NS.xbrli, 'xbrli:unitDenominator');
      for (const m of u.denominators) dn.ele(NS.xbrli, 'xbrli:measure').txt(q(m));
    }
  }
}
