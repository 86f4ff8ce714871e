import type { Footnote } from '../model';
import { writeContextsAndUnits } from '../xbrl/contexts-units';
import type { MappedFact } from '../mapping/types';
import type { DocPlan } from './plan';
import type { XNode } from './xhtml';

/**
 * The hidden `ix:header`: facts the part does not print (`ix:hidden`), the schemaRef to the
 * taxonomy entry point's absolute URL (as in the XML instance), and `ix:resources` with the
 * contexts and units (written by the same function as the XML instance's) and the footnote
 * relationships.
 */
export function appendHeader(
  body: XNode,
  plan: DocPlan,
  facts: MappedFact[],
  entryPoint: string,
  q: (clarkName: string) => string,
  relationships: { footnote: Footnote; from: string[] }[],
): void {
  const header = body.el('div', { style: 'display:none' }).el('ix:header');
  if (plan.hidden.length) {
    const hidden = header.el('ix:hidden');
    for (const tag of plan.hidden) {
      const v = tag.fact.value ?? '';
      hidden.el(tag.element, tag.attrs, tag.fact.unit ? v.replace(/^-/, '') : v);
    }
  }
  header.el('ix:references').el('link:schemaRef', { 'xlink:type': 'simple', 'xlink:href': entryPoint });
  const resources = header.el('ix:resources');
  writeContextsAndUnits(resources, facts, q);
  for (const r of relationships) resources.el('ix:relationship', { fromRefs: r.from.join(' '), toRefs: r.footnote.id });
}
