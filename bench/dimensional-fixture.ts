/**
 * A synthetic dimensional taxonomy and instances over it, for the XBRL Dimensions tests and the
 * dimensional benchmark: three hypercubes in three link roles (two in the segment, one in the
 * scenario, all closed), six explicit dimensions with defaults and one typed dimension, and
 * instances of any size with a known set of dimensionally invalid facts.
 */
import fs from 'node:fs';
import path from 'node:path';

export const DIM_NS = 'http://example.com/xdt-bench';
const XSD = 'dim.xsd';
const XBRLDT = 'http://www.xbrl.org/2005/xbrldt-2005.xsd';
const MEMBERS = 8;

/** Each cube: its link role, dimensions, container; the primary items that have it. */
export const CUBES = [
  {
    role: 'R1',
    cube: 'Cube1',
    dims: ['DimA', 'DimB'],
    typed: false,
    container: 'segment',
    items: ['Revenue', 'Cost', 'Margin', 'Tax', 'Profit', 'Interest', 'Rent', 'Wages'],
  },
  {
    role: 'R2',
    cube: 'Cube2',
    dims: ['DimC', 'DimD'],
    typed: true,
    container: 'segment',
    items: ['Units', 'Price', 'Stock', 'Orders', 'Returns', 'Backlog', 'Shipped', 'Lost'],
  },
  {
    role: 'R3',
    cube: 'Cube3',
    dims: ['DimE', 'DimF'],
    typed: false,
    container: 'scenario',
    items: ['Budget', 'Forecast', 'Target', 'Plan', 'Variance', 'Reserve', 'Spent', 'Left'],
  },
] as const;
const EXPLICIT = CUBES.flatMap((c) => c.dims);

const el = (name: string, extra: string) => `  <xs:element id="d_${name}" name="${name}" ${extra}/>\n`;

/** The taxonomy schema: items, hypercubes, dimensions, domains and members, the typed domain element. */
function schema(): string {
  let s = `<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xbrli="http://www.xbrl.org/2003/instance" xmlns:link="http://www.xbrl.org/2003/linkbase" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:xbrldt="http://xbrl.org/2005/xbrldt" xmlns:d="${DIM_NS}" targetNamespace="${DIM_NS}" elementFormDefault="qualified">
  <xs:annotation><xs:appinfo>
    <link:linkbaseRef xlink:type="simple" xlink:href="dim-def.xml" xlink:role="http://www.xbrl.org/2003/role/definitionLinkbaseRef" xlink:arcrole="http://www.w3.org/1999/xlink/properties/linkbase"/>
${CUBES.map((c) => `    <link:roleType roleURI="${DIM_NS}/role/${c.role}" id="${c.role}"><link:usedOn>link:definitionLink</link:usedOn></link:roleType>`).join('\n')}
  </xs:appinfo></xs:annotation>
  <xs:import namespace="http://www.xbrl.org/2003/instance" schemaLocation="http://www.xbrl.org/2003/xbrl-instance-2003-12-31.xsd"/>
  <xs:import namespace="http://xbrl.org/2005/xbrldt" schemaLocation="${XBRLDT}"/>
`;
  const item = 'substitutionGroup="xbrli:item" xbrli:periodType="instant" nillable="true"';
  for (const c of CUBES) {
    s += el(`${c.cube}Items`, `type="xbrli:stringItemType" abstract="true" ${item}`);
    for (const i of c.items) s += el(i, `type="xbrli:decimalItemType" ${item}`);
    s += el(
      c.cube,
      `type="xbrli:stringItemType" abstract="true" substitutionGroup="xbrldt:hypercubeItem" xbrli:periodType="duration"`,
    );
  }
  for (const d of EXPLICIT) {
    s += el(
      d,
      `type="xbrli:stringItemType" abstract="true" substitutionGroup="xbrldt:dimensionItem" xbrli:periodType="duration"`,
    );
    for (let m = 0; m <= MEMBERS; m++)
      s += el(m === 0 ? `${d}Domain` : `${d}M${m}`, `type="xbrli:stringItemType" abstract="true" ${item}`);
  }
  s += el(
    'DimT',
    `type="xbrli:stringItemType" abstract="true" substitutionGroup="xbrldt:dimensionItem" xbrli:periodType="duration" xbrldt:typedDomainRef="#d_TypedKey"`,
  );
  s += el('TypedKey', 'type="xs:integer"');
  s += el('Orphan', `type="xbrli:stringItemType" abstract="true" ${item}`);
  return `${s}</xs:schema>\n`;
}

/** The definition linkbase: per role, items → cube (all, closed), cube → dimensions, dimension → domain → members, defaults. */
function definitions(): string {
  const loc = (n: string) => `<link:loc xlink:type="locator" xlink:href="${XSD}#d_${n}" xlink:label="${n}"/>`;
  const arc = (role: string, from: string, to: string, extra = '') =>
    `<link:definitionArc xlink:type="arc" xlink:arcrole="http://xbrl.org/int/dim/arcrole/${role}" xlink:from="${from}" xlink:to="${to}"${extra}/>`;
  const arcroles = ['all', 'hypercube-dimension', 'dimension-domain', 'domain-member', 'dimension-default'];
  let s = `<?xml version="1.0" encoding="UTF-8"?>
<link:linkbase xmlns:link="http://www.xbrl.org/2003/linkbase" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:xbrldt="http://xbrl.org/2005/xbrldt">
${CUBES.map((c) => `  <link:roleRef roleURI="${DIM_NS}/role/${c.role}" xlink:type="simple" xlink:href="${XSD}#${c.role}"/>`).join('\n')}
${arcroles.map((a) => `  <link:arcroleRef arcroleURI="http://xbrl.org/int/dim/arcrole/${a}" xlink:type="simple" xlink:href="${XBRLDT}#${a}"/>`).join('\n')}
`;
  for (const c of CUBES) {
    const head = `${c.cube}Items`;
    const parts = [loc(head), loc(c.cube), ...c.items.map(loc)];
    parts.push(arc('all', head, c.cube, ` xbrldt:closed="true" xbrldt:contextElement="${c.container}"`));
    for (const i of c.items) parts.push(arc('domain-member', head, i));
    for (const d of c.dims) {
      parts.push(
        loc(d),
        loc(`${d}Domain`),
        arc('hypercube-dimension', c.cube, d),
        arc('dimension-domain', d, `${d}Domain`),
      );
      // A second locator for the default: two arcs between one pair of labels would be duplicate XLink arcs.
      parts.push(`<link:loc xlink:type="locator" xlink:href="${XSD}#d_${d}Domain" xlink:label="${d}Default"/>`);
      parts.push(arc('dimension-default', d, `${d}Default`));
      for (let m = 1; m <= MEMBERS; m++) parts.push(loc(`${d}M${m}`), arc('domain-member', `${d}Domain`, `${d}M${m}`));
    }
    if (c.typed) parts.push(loc('DimT'), arc('hypercube-dimension', c.cube, 'DimT'));
    s += `  <link:definitionLink xlink:type="extended" xlink:role="${DIM_NS}/role/${c.role}">\n    ${parts.join('\n    ')}\n  </link:definitionLink>\n`;
  }
  return `${s}</link:linkbase>\n`;
}

/** Writes the taxonomy (schema and definition linkbase) into `dir`; returns the schema's path. */
export function writeDimensionalTaxonomy(dir: string): string {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, XSD), schema());
  fs.writeFileSync(path.join(dir, 'dim-def.xml'), definitions());
  return path.join(dir, XSD);
}

/**
 * One context of the instance: which cube it serves, its members (0 = the default, left out), and
 * whether it was planted invalid (a member of another cube's dimension, which a closed cube refuses).
 */
function contextXml(id: string, cube: (typeof CUBES)[number], k: number, bad: boolean): string {
  const members = cube.dims
    .map((d, j) => {
      const m = (k + j * 3) % (MEMBERS + 1);
      return m === 0 ? '' : `<xbrldi:explicitMember dimension="d:${d}">d:${d}M${m}</xbrldi:explicitMember>`;
    })
    .join('');
  const typed = cube.typed
    ? `<xbrldi:typedMember dimension="d:DimT"><d:TypedKey>${k}</d:TypedKey></xbrldi:typedMember>`
    : '';
  const other = cube.cube === 'Cube3' ? 'DimA' : 'DimF';
  const stray = bad ? `<xbrldi:explicitMember dimension="d:${other}">d:${other}M1</xbrldi:explicitMember>` : '';
  const content = members + typed + stray;
  const seg = cube.container === 'segment' && content ? `<xbrli:segment>${content}</xbrli:segment>` : '';
  const scen = cube.container === 'scenario' && content ? `<xbrli:scenario>${content}</xbrli:scenario>` : '';
  return `  <xbrli:context id="${id}"><xbrli:entity><xbrli:identifier scheme="http://example.com">${id}</xbrli:identifier>${seg}</xbrli:entity><xbrli:period><xbrli:instant>2024-03-31</xbrli:instant></xbrli:period>${scen}</xbrli:context>\n`;
}

/** As many facts per context as the non-dimensional benchmark instance has, so the two differ only in their dimensions. */
export const FACTS_PER_CONTEXT = 8;
/** Every 50th context (2 % of the facts) is planted dimensionally invalid. */
export const PLANT_EVERY = 50;

/**
 * Writes an instance of `facts` facts (rounded up to whole contexts) against the schema at `xsdHref`;
 * returns how many facts were planted dimensionally invalid.
 */
export function writeDimensionalInstance(
  file: string,
  xsdHref: string,
  facts: number,
): { facts: number; planted: number } {
  const fd = fs.openSync(file, 'w');
  fs.writeSync(
    fd,
    `<?xml version="1.0" encoding="UTF-8"?>\n<xbrli:xbrl xmlns:xbrli="http://www.xbrl.org/2003/instance" xmlns:link="http://www.xbrl.org/2003/linkbase" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:xbrldi="http://xbrl.org/2006/xbrldi" xmlns:d="${DIM_NS}">\n  <link:schemaRef xlink:type="simple" xlink:href="${xsdHref}"/>\n  <xbrli:unit id="u"><xbrli:measure>xbrli:pure</xbrli:measure></xbrli:unit>\n`,
  );
  const contexts = Math.ceil(facts / FACTS_PER_CONTEXT);
  let planted = 0;
  let buf = '';
  for (let c = 0; c < contexts; c++) {
    const cube = CUBES[c % CUBES.length];
    const bad = c % PLANT_EVERY === PLANT_EVERY - 1;
    buf += contextXml(`c${c}`, cube, Math.floor(c / CUBES.length), bad);
    for (let f = 0; f < FACTS_PER_CONTEXT; f++) {
      const name = cube.items[f % cube.items.length];
      buf += `  <d:${name} contextRef="c${c}" unitRef="u" decimals="0">${(c * 7 + f) % 10007}</d:${name}>\n`;
    }
    if (bad) planted += FACTS_PER_CONTEXT;
    if (buf.length > 1 << 20) {
      fs.writeSync(fd, buf);
      buf = '';
    }
  }
  fs.writeSync(fd, `${buf}</xbrli:xbrl>\n`);
  fs.closeSync(fd);
  return { facts: contexts * FACTS_PER_CONTEXT, planted };
}
