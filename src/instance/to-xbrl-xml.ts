import { create } from 'xmlbuilder2';
import { ARCROLE, NS, ROLE, type Report } from '../model';
import { contextId, prefixer, unitId } from '../xbrl/aspects';
import { writeContextsAndUnits } from '../xbrl/contexts-units';

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

  writeContextsAndUnits(root, report.facts, q);
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
