import type { Clark } from './fact';
import type { SourceRef } from './diagnostic';

/** What a concept's type derives from, as far as validation needs to know. */
export type ItemKind =
  | 'monetary'
  | 'shares'
  | 'perShare'
  | 'pure'
  | 'decimal'
  | 'integer'
  | 'nonNegativeInteger'
  | 'string'
  | 'date'
  | 'dateTime'
  | 'gYear'
  | 'boolean'
  | 'token'
  | 'other';

export interface Concept {
  name: Clark;
  namespace: string;
  localName: string;
  id?: string;
  /** The declared type (Clark) and its derivation chain up to an xbrli/xs base, nearest first. */
  type: Clark;
  typeChain: Clark[];
  kind: ItemKind;
  numeric: boolean;
  substitutionGroup: 'item' | 'tuple' | 'other';
  periodType?: 'instant' | 'duration';
  balance?: 'debit' | 'credit';
  abstract: boolean;
  nillable: boolean;
  source?: SourceRef;
  /** XML Schema built-in whose lexical space the value must match (`decimal`, `dateUnion`, …); set by the DTS loader. */
  xsd?: string;
  /** Enumerated values of the declared type's restriction, if any. */
  enumeration?: string[];
  /** XML Schema facets of the simple type's restriction steps (the element's own anonymous type first, then up its type chain); absent when there are none. */
  facets?: Facets[];
  /**
   * The declared type has element content (a complex type without simple content): whether it is mixed, the
   * elements its particles name (Clark; local declarations by local name), and whether a wildcard admits others.
   */
  elementContent?: { mixed: boolean; elements: string[]; any?: true };
  /** XBRL Dimensions: the concept is in xbrldt:hypercubeItem's or xbrldt:dimensionItem's substitution group. */
  xdt?: 'hypercube' | 'dimension';
  /** XBRL Dimensions: the `xbrldt:typedDomainRef` attribute, resolved against the schema's base (`url#id`) and as written. */
  typedDomainRef?: { href: string; written: string };
  /** XBRL Dimensions: the element declaration typedDomainRef resolves to (set by the DTS loader when it resolves to one). */
  typedDomain?: Clark;
}

/** The constraining facets of one restriction step of an XML Schema simple type (bounds and lengths as written). */
export interface Facets {
  /** Patterns of this step: a value matches one of them (XML Schema Part 2 §4.3.4.3). */
  pattern?: string[];
  enumeration?: string[];
  length?: number;
  minLength?: number;
  maxLength?: number;
  minInclusive?: string;
  maxInclusive?: string;
  minExclusive?: string;
  maxExclusive?: string;
  totalDigits?: number;
  fractionDigits?: number;
}

export interface Relationship {
  arcrole: string;
  linkrole: string;
  from: Clark;
  to: Clark;
  order: number;
  /** Decimal string (calculation arcs). */
  weight?: string;
  preferredLabel?: string;
  /** Extended-link and arc elements (Clark): with arcrole and link role they name the base set. */
  linkElement?: Clark;
  arcElement?: Clark;
  source?: SourceRef;
  /** XBRL Dimensions arc attributes as written (definition arcs only; absent when the arc has none). */
  xdt?: XdtArcAttributes;
}

/** The `xbrldt:` attributes of a definition arc, as written. */
export interface XdtArcAttributes {
  targetRole?: string;
  closed?: string;
  contextElement?: string;
  usable?: string;
}

export interface Label {
  concept: Clark;
  role: string;
  lang: string;
  text: string;
  source?: SourceRef;
}

export interface RoleType {
  roleURI: string;
  id?: string;
  definition?: string;
  usedOn: Clark[];
  /** arcroleType only: `any`, `undirected` or `none` as declared. */
  cyclesAllowed?: string;
  /** URL of the schema that declares it (`url#id` is what roleRef hrefs point at). */
  docUrl?: string;
  source?: SourceRef;
}

export interface Dts {
  entryPoints: string[];
  /** Every document loaded (resolved absolute URL or path). */
  documents: string[];
  concepts: Map<Clark, Concept>;
  relationships: Relationship[];
  labels: Label[];
  roleTypes: RoleType[];
  arcroleTypes: RoleType[];
  /** Per linkbase: its roleRefs/arcroleRefs and the roles it uses (for xbrl.3.5.2.4 checks). */
  linkbases?: LinkbaseInfo[];
  /** Schemas loaded, with their local file. */
  schemas?: { url: string; file: string; targetNamespace?: string }[];
  /** Schema defaulting, for readers: element default values and attribute defaults by element (Clark). Absent when the DTS declares none. */
  defaults?: SchemaDefaults;
  /** Global attribute declarations with a built-in simple type: name (Clark) → XML Schema type (`integer`, …). */
  attributeTypes?: Map<Clark, string>;
  /** Documents of the DTS that could not be loaded (each reported once): the DTS is partial. Absent when it is whole. */
  unloaded?: string[];
  /** Relationships lost with those documents: the parents (by arcrole and linkrole) of which a child is missing. */
  incomplete?: { arcrole: string; linkrole: string; from: Clark }[];
}

export interface SchemaDefaults {
  values: Map<Clark, string>;
  attributes: Map<Clark, Record<string, string>>;
}

export interface RefDecl {
  uri: string;
  href: string;
  source?: SourceRef;
}

export interface RoleUse {
  uri: string;
  /** Clark name of the element using it (extended link, resource or arc). */
  element: Clark;
  /** The extended link holding it (resources and arcs). */
  parent?: Clark;
  source?: SourceRef;
}

export interface LinkbaseInfo {
  url: string;
  file: string;
  roleRefs: RefDecl[];
  arcroleRefs: RefDecl[];
  usedRoles: RoleUse[];
  usedArcroles: RoleUse[];
}
