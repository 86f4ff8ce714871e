import { ARCROLE, NS, ROLE, type Fact, type Report, factId } from '../model';
import { ENTITY_PREFIXES, dimensionsOf, isClarkName, oimPeriod, oimUnit, prefixer } from '../xbrl/aspects';
import { compareText } from '../util/compare-text';

/**
 * The OIM prefix map of a report (xBRL-JSON and xBRL-CSV share it): the reserved prefixes, the
 * report's own, and one per entity scheme; `entity` writes a fact's entity as an SQName.
 */
export function oimNamespaces(report: Report): { namespaces: Record<string, string>; entity: (f: Fact) => string } {
  const namespaces: Record<string, string> = { xbrl: NS.xbrl, xbrli: NS.xbrli, iso4217: NS.iso4217 };
  for (const [p, ns] of Object.entries(report.namespaces)) namespaces[p] = ns;
  const schemes = new Map<string, string>();
  for (const f of report.facts) {
    if (!schemes.has(f.entity.scheme)) {
      const p = ENTITY_PREFIXES[f.entity.scheme] ?? `scheme${schemes.size + 1}`;
      schemes.set(f.entity.scheme, p);
      namespaces[p] = f.entity.scheme;
    }
  }
  const sorted = Object.fromEntries(Object.entries(namespaces).sort(([a], [b]) => compareText(a, b)));
  return { namespaces: sorted, entity: (f) => `${schemes.get(f.entity.scheme)}:${f.entity.identifier}` };
}

/** Report → xBRL-JSON (OIM 1.0, REC 2021-10-13). Values stay strings; decimals are integers. */
export function toXbrlJson(report: Report): Record<string, unknown> {
  const q = prefixer(report.namespaces);
  const { namespaces, entity } = oimNamespaces(report);
  const facts: Record<string, unknown> = {};
  for (const f of report.facts) {
    const dimensions: Record<string, string> = { concept: q(f.concept), entity: entity(f) };
    const period = oimPeriod(f.period);
    if (period) dimensions.period = period;
    const unit = f.unit && oimUnit(f.unit, q);
    if (unit) dimensions.unit = unit;
    if (f.language) dimensions.language = f.language.toLowerCase();
    for (const [d, m] of dimensionsOf(f)) dimensions[q(d)] = isClarkName(m) ? q(m) : m;
    const o: Record<string, unknown> = { value: f.value };
    if (f.value !== null && typeof f.decimals === 'number') o.decimals = f.decimals;
    o.dimensions = dimensions;
    if (f.footnotes?.length) o.links = { footnote: { _: [...f.footnotes] } };
    facts[factId(f)] = o;
  }
  const used = report.footnotes.filter((fn) => report.facts.some((f) => f.footnotes?.includes(fn.id)));
  for (const fn of used) {
    facts[fn.id] = {
      value: fn.text,
      dimensions: { concept: 'xbrl:note', noteId: fn.id, language: fn.language.toLowerCase() },
    };
  }
  const documentInfo: Record<string, unknown> = {
    documentType: 'https://xbrl.org/2021/xbrl-json',
    namespaces,
    taxonomy: [...report.taxonomy],
  };
  if (used.length) {
    documentInfo.linkTypes = { footnote: ARCROLE.factFootnote };
    documentInfo.linkGroups = { _: ROLE.link };
  }
  return { documentInfo, facts };
}
