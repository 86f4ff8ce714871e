import { ARCROLE, NS, ROLE, type Fact, type Report, factId } from '../model';
import { prefixer, unitId } from '../xbrl/aspects';
import { contextIdOf, writeContextsAndUnits, type DimensionContainer, type XmlSink } from '../xbrl/contexts-units';
import { writeXml, type XmlNode } from '../xml/write-xml';

const RESERVED = ['xbrli', 'link', 'xlink', 'iso4217', 'xbrl', 'xsi', 'xs'];

/**
 * Report → XBRL 2.1 instance XML. Contexts and units are generated from the facts' aspects with
 * deterministic NCName ids; the schemaRef is the entry point's absolute URL, which the taxonomy
 * package's catalog maps to local files, so the instance can be moved anywhere. Dimension members go in
 * the segment unless `dimensionContainer` says otherwise (`dimensionContainer(dts)` of taxonomy/xdt gives
 * the one xBRL-XML prescribes for a DTS).
 */
export function toXbrlXml(report: Report, options: { dimensionContainer?: DimensionContainer } = {}): string {
  const q = prefixer(report.namespaces);
  const attrs: Record<string, string> = {
    'xmlns:xbrli': NS.xbrli,
    'xmlns:link': NS.link,
    'xmlns:xlink': NS.xlink,
    'xmlns:iso4217': NS.iso4217,
  };
  for (const [p, ns] of Object.entries(report.namespaces)) if (!RESERVED.includes(p)) attrs[`xmlns:${p}`] = ns;
  const children: XmlNode[] = report.taxonomy.map((href) => ({
    name: 'link:schemaRef',
    attrs: { 'xlink:type': 'simple', 'xlink:href': href },
  }));
  const idOf = contextIdOf(report.facts);
  if (report.facts.some((f) => f.dimensions)) attrs['xmlns:xbrldi'] = NS.xbrldi;
  writeContextsAndUnits(sinkFor(children), report.facts, q, idOf, options.dimensionContainer);
  for (const f of report.facts) children.push(factNode(f, q, idOf));
  const links = footnoteLink(report);
  if (links) children.push(links);
  return `${writeXml({ name: 'xbrli:xbrl', attrs, children })}\n`;
}

function factNode(f: Fact, q: (c: string) => string, idOf: (f: Fact) => string): XmlNode {
  const attrs: Record<string, string> = { id: factId(f), contextRef: idOf(f) };
  if (f.unit) attrs.unitRef = unitId(f.unit);
  if (f.decimals !== undefined && f.value !== null) attrs.decimals = String(f.decimals);
  if (f.language) attrs['xml:lang'] = f.language;
  if (f.value === null) {
    attrs['xmlns:xsi'] = NS.xsi;
    attrs['xsi:nil'] = 'true';
  }
  return { name: q(f.concept), attrs, text: f.value ?? undefined };
}

/** The footnotes linked to facts: locators, footnotes, then arcs. */
function footnoteLink(report: Report): XmlNode | undefined {
  const used = report.footnotes.filter((fn) => report.facts.some((f) => f.footnotes?.includes(fn.id)));
  if (!used.length) return undefined;
  const children: XmlNode[] = [];
  for (const f of report.facts) {
    if (f.footnotes?.length)
      children.push({
        name: 'link:loc',
        attrs: { 'xlink:type': 'locator', 'xlink:href': `#${factId(f)}`, 'xlink:label': `loc_${factId(f)}` },
      });
  }
  for (const fn of used) {
    children.push({
      name: 'link:footnote',
      attrs: {
        'xlink:type': 'resource',
        'xlink:label': fn.id,
        'xlink:role': ROLE.footnote,
        'xml:lang': fn.language,
        id: fn.id,
      },
      text: fn.text,
    });
  }
  for (const f of report.facts) {
    for (const id of f.footnotes ?? []) {
      children.push({
        name: 'link:footnoteArc',
        attrs: {
          'xlink:type': 'arc',
          'xlink:arcrole': ARCROLE.factFootnote,
          'xlink:from': `loc_${factId(f)}`,
          'xlink:to': id,
        },
      });
    }
  }
  return { name: 'link:footnoteLink', attrs: { 'xlink:type': 'extended', 'xlink:role': ROLE.link }, children };
}

/** An `XmlSink` that appends to `children`, so contexts and units are written by the shared writer. */
function sinkFor(children: XmlNode[]): XmlSink {
  return {
    ele(_ns: string, name: string, attrs?: Record<string, string>): XmlSink {
      const node: XmlNode = { name, attrs, children: [] };
      children.push(node);
      const sink = sinkFor(node.children!);
      return {
        ele: sink.ele,
        txt(content: string) {
          node.text = content;
          return this;
        },
      };
    },
    txt(): XmlSink {
      return this;
    },
  };
}
