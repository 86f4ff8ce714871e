export const NS = {
  xbrli: 'http://www.xbrl.org/2003/instance',
  link: 'http://www.xbrl.org/2003/linkbase',
  xlink: 'http://www.w3.org/1999/xlink',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
  xs: 'http://www.w3.org/2001/XMLSchema',
  iso4217: 'http://www.xbrl.org/2003/iso4217',
  xbrldi: 'http://xbrl.org/2006/xbrldi',
  xbrldt: 'http://xbrl.org/2005/xbrldt',
  xml: 'http://www.w3.org/XML/1998/namespace',
  utr: 'http://www.xbrl.org/2009/utr',
  xbrl: 'https://xbrl.org/2021',
  num: 'http://www.xbrl.org/dtr/type/numeric',
  dtrTypes: 'http://www.xbrl.org/dtr/type/2024-01-31',
  nonnum: 'http://www.xbrl.org/dtr/type/non-numeric',
  tp: 'http://xbrl.org/2016/taxonomy-package',
  catalog: 'urn:oasis:names:tc:entity:xmlns:xml:catalog',
} as const;

export const ARCROLE = {
  summationItem: 'http://www.xbrl.org/2003/arcrole/summation-item',
  summationItem11: 'https://xbrl.org/2023/arcrole/summation-item',
  parentChild: 'http://www.xbrl.org/2003/arcrole/parent-child',
  conceptLabel: 'http://www.xbrl.org/2003/arcrole/concept-label',
  factFootnote: 'http://www.xbrl.org/2003/arcrole/fact-footnote',
} as const;

export const ROLE = {
  link: 'http://www.xbrl.org/2003/role/link',
  label: 'http://www.xbrl.org/2003/role/label',
  terseLabel: 'http://www.xbrl.org/2003/role/terseLabel',
  verboseLabel: 'http://www.xbrl.org/2003/role/verboseLabel',
  totalLabel: 'http://www.xbrl.org/2003/role/totalLabel',
  periodStartLabel: 'http://www.xbrl.org/2003/role/periodStartLabel',
  periodEndLabel: 'http://www.xbrl.org/2003/role/periodEndLabel',
  documentation: 'http://www.xbrl.org/2003/role/documentation',
  negatedLabel: 'http://www.xbrl.org/2009/role/negatedLabel',
  negatedTotalLabel: 'http://www.xbrl.org/2009/role/negatedTotalLabel',
  footnote: 'http://www.xbrl.org/2003/role/footnote',
} as const;

export const clark = (ns: string, local: string): string => `{${ns}}${local}`;

export function splitClark(c: string): { ns: string; local: string } {
  const i = c.indexOf('}');
  if (c[0] !== '{' || i < 0) return { ns: '', local: c };
  return { ns: c.slice(1, i), local: c.slice(i + 1) };
}
