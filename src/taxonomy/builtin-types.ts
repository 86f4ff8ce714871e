import { NS, type ItemKind } from '../model';

/**
 * What we know of the standard schemas without fetching them: the xbrli item types, the Data Type
 * Registry types and the XML Schema built-ins, each with its base, so a taxonomy's custom type
 * chain ends somewhere known.
 */
export interface BuiltinType {
  /** Base type (Clark), undefined at an xs primitive. */
  base?: string;
  /** Local name of the xs built-in (or `dateUnion`, `fraction`) whose lexical space applies. */
  xsd: string;
  kind: ItemKind;
  numeric: boolean;
}

const XS = NS.xs;
const XBRLI = NS.xbrli;
export const DTR_NUMERIC_NS = [NS.num, 'http://www.xbrl.org/dtr/type/2020-01-21', 'http://www.xbrl.org/dtr/type/2022-03-31', NS.dtrTypes];
const DTR_NONNUM_NS = [NS.nonnum, ...DTR_NUMERIC_NS];

const XS_PARENT: Record<string, string | undefined> = {
  decimal: undefined, integer: 'decimal', nonNegativeInteger: 'integer', positiveInteger: 'nonNegativeInteger',
  nonPositiveInteger: 'integer', negativeInteger: 'nonPositiveInteger', long: 'integer', int: 'long', short: 'int',
  byte: 'short', unsignedLong: 'nonNegativeInteger', unsignedInt: 'unsignedLong', unsignedShort: 'unsignedInt',
  unsignedByte: 'unsignedShort', float: undefined, double: undefined, string: undefined, normalizedString: 'string',
  token: 'normalizedString', language: 'token', Name: 'token', NCName: 'Name', ID: 'NCName', IDREF: 'NCName',
  ENTITY: 'NCName', NMTOKEN: 'token', boolean: undefined, hexBinary: undefined, base64Binary: undefined, anyURI: undefined,
  QName: undefined, NOTATION: undefined, duration: undefined, dateTime: undefined, time: undefined, date: undefined,
  gYearMonth: undefined, gYear: undefined, gMonthDay: undefined, gDay: undefined, gMonth: undefined,
  anySimpleType: undefined, anyType: undefined,
};

const INTEGERS = new Set(['integer', 'nonPositiveInteger', 'negativeInteger', 'long', 'int', 'short', 'byte']);
const NON_NEG = new Set(['nonNegativeInteger', 'positiveInteger', 'unsignedLong', 'unsignedInt', 'unsignedShort', 'unsignedByte']);

function xsKind(x: string): { kind: ItemKind; numeric: boolean } {
  if (x === 'decimal') return { kind: 'decimal', numeric: true };
  if (INTEGERS.has(x)) return { kind: 'integer', numeric: true };
  if (NON_NEG.has(x)) return { kind: 'nonNegativeInteger', numeric: true };
  if (x === 'float' || x === 'double') return { kind: 'other', numeric: true };
  if (x === 'string' || x === 'normalizedString') return { kind: 'string', numeric: false };
  if (['token', 'language', 'Name', 'NCName', 'NMTOKEN', 'ID', 'IDREF', 'ENTITY'].includes(x)) return { kind: 'token', numeric: false };
  if (x === 'date') return { kind: 'date', numeric: false };
  if (x === 'dateTime') return { kind: 'dateTime', numeric: false };
  if (x === 'gYear') return { kind: 'gYear', numeric: false };
  if (x === 'boolean') return { kind: 'boolean', numeric: false };
  return { kind: 'other', numeric: false };
}

const table = new Map<string, BuiltinType>();
for (const [x, parent] of Object.entries(XS_PARENT)) {
  table.set(`{${XS}}${x}`, { base: parent ? `{${XS}}${parent}` : undefined, xsd: x, ...xsKind(x) });
  if (x === 'anyType' || x === 'anySimpleType' || ['ID', 'IDREF', 'ENTITY', 'NMTOKEN', 'NOTATION'].includes(x)) continue;
  const item = x === 'dateTime' ? 'dateTime' : x;
  table.set(`{${XBRLI}}${item}ItemType`, {
    base: `{${XS}}${x}`, xsd: x === 'dateTime' ? 'dateUnion' : x, ...xsKind(x),
  });
}
table.set(`{${XBRLI}}dateUnion`, { xsd: 'dateUnion', kind: 'dateTime', numeric: false });
table.set(`{${XBRLI}}dateTimeItemType`, { base: `{${XBRLI}}dateUnion`, xsd: 'dateUnion', kind: 'dateTime', numeric: false });
table.set(`{${XBRLI}}monetaryItemType`, { base: `{${XBRLI}}decimalItemType`, xsd: 'decimal', kind: 'monetary', numeric: true });
table.set(`{${XBRLI}}sharesItemType`, { base: `{${XBRLI}}decimalItemType`, xsd: 'decimal', kind: 'shares', numeric: true });
table.set(`{${XBRLI}}pureItemType`, { base: `{${XBRLI}}decimalItemType`, xsd: 'decimal', kind: 'pure', numeric: true });
table.set(`{${XBRLI}}fractionItemType`, { xsd: 'fraction', kind: 'other', numeric: true });

for (const ns of DTR_NUMERIC_NS) {
  const dec = (kind: ItemKind, base = `{${XBRLI}}decimalItemType`): BuiltinType => ({ base, xsd: 'decimal', kind, numeric: true });
  table.set(`{${ns}}percentItemType`, dec('pure', `{${XBRLI}}pureItemType`));
  table.set(`{${ns}}perShareItemType`, dec('perShare'));
  for (const t of ['noDecimalsMonetaryItemType', 'nonNegativeMonetaryItemType', 'nonNegativeNoDecimalsMonetaryItemType', 'nonPositiveMonetaryItemType']) {
    table.set(`{${ns}}${t}`, dec('monetary', `{${XBRLI}}monetaryItemType`));
  }
  for (const t of ['areaItemType', 'volumeItemType', 'massItemType', 'weightItemType', 'energyItemType', 'powerItemType',
    'lengthItemType', 'memoryItemType', 'electricChargeItemType', 'electricCurrentItemType', 'flowItemType', 'frequencyItemType',
    'temperatureItemType', 'voltageItemType', 'planeAngleItemType', 'insolationItemType', 'irradianceItemType', 'speedItemType',
    'ghgEmissionsItemType', 'forceItemType', 'pressureItemType', 'densityItemType', 'durationItemType', 'energyPerMonetaryItemType',
    'massPerMonetaryItemType', 'monetaryPerAreaItemType', 'monetaryPerEnergyItemType', 'monetaryPerMassItemType',
    'monetaryPerVolumeItemType', 'monetaryPerDurationItemType', 'monetaryPerLengthItemType', 'ratioItemType']) {
    if (!table.has(`{${ns}}${t}`)) table.set(`{${ns}}${t}`, dec('decimal'));
  }
}
for (const ns of DTR_NONNUM_NS) {
  for (const t of ['domainItemType', 'escapedItemType', 'xmlNodesItemType', 'xmlItemType', 'textBlockItemType', 'prefixedContentItemType',
    'SQNameItemType', 'SQNamesItemType', 'gYearListItemType', 'noLangTokenItemType', 'noLangStringItemType']) {
    table.set(`{${ns}}${t}`, { base: `{${XBRLI}}stringItemType`, xsd: 'string', kind: 'string', numeric: false });
  }
}

/**
 * The specification schemas taken as built in (never fetched, their declarations known to the loader):
 * W3C's, and XBRL International's specifications and registries (XBRL 2.1, dimensions, generic links,
 * the DTR and the LRR: `www.xbrl.org/<year>/…`, `/dtr/`, `/lrr/`). Taxonomies that happen to live on
 * www.xbrl.org (`/uk/…`, `/taxonomy/…`, `/int/…`) are not: they are loaded through a package's catalog, or
 * reported as not loadable.
 */
export const STANDARD_URL = /^https?:\/\/(www\.)?(w3\.org\/|xbrl\.org\/(\d{4}\/|dtr\/|lrr\/))/;

export function builtinType(clarkName: string): BuiltinType | undefined {
  return table.get(clarkName);
}

/** True for names in namespaces we treat as built in (their declarations are not loaded). */
export function isBuiltinNamespace(ns: string): boolean {
  return ns === XS || ns === XBRLI || ns === NS.link || ns === NS.xlink || ns === NS.xbrldt || ns === NS.xbrldi || DTR_NONNUM_NS.includes(ns);
}
