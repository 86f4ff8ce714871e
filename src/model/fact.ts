import type { SourceRef } from './diagnostic';

/**
 * QNames are held in Clark notation, `{namespace}local`, so that two documents using different
 * prefixes for one namespace still compare equal. Prefixes live only in writers.
 */
export type Clark = string;

/** XBRL 2.1 date semantics are kept as written: `instant`/`end` are date-only end-of-day values. */
export type Period =
  { type: 'instant'; instant: string } | { type: 'duration'; start: string; end: string } | { type: 'forever' };

export interface Entity {
  scheme: string;
  identifier: string;
}

/** Measures are Clark names; each list sorted for canonical comparison. Pure = `[xbrli:pure]`. */
export interface Unit {
  numerators: Clark[];
  denominators: Clark[];
}

export interface Fact {
  /**
   * The fact's id as the source gives it. Absent on XML facts without an `id` attribute: most facts
   * of a large instance have none, and a made-up string each cost about 7 % of a million-fact
   * validation. `factId(f)` names such a fact by its line (`line12`) where a name is needed.
   */
  id?: string;
  concept: Clark;
  entity: Entity;
  period: Period;
  /** Explicit dimension QName → member QName (both Clark). Empty for this project's facts. */
  dimensions?: Record<Clark, Clark>;
  /** Numeric facts only. */
  unit?: Unit;
  /** Lexical value as written (decimal facts as plain decimal strings); null = xsi:nil. */
  value: string | null;
  /** Numeric facts: an integer, or 'INF'. Absent on nil and non-numeric facts. */
  decimals?: number | 'INF';
  precision?: number | 'INF';
  /** Text facts only (xml:lang / OIM language). */
  language?: string;
  /** Ids of footnotes linked with the fact-footnote arcrole. */
  footnotes?: string[];
  /** Where the fact was read from (instance line, or release cell). */
  source?: SourceRef;
  /** As read from an XML instance, for diagnostics. */
  contextId?: string;
  unitId?: string;
  /** XML facts: attributes from other namespaces (Clark name → value), for lax validation; absent when there are none. */
  attributes?: Record<string, string>;
  /** XML tuples: the tuple itself (no context, unit or value of its own)… */
  tuple?: boolean;
  /** …and, on facts nested in tuples, the path of their tuple ancestors (`l:c/l:c`): duplicates are siblings; a total binds contributors in its parent's descendants. */
  tupleParent?: string;
}

/** The fact's id, or for a fact without one the name it goes by in messages and OIM outputs: `line` and its line in the source. */
export const factId = (f: Pick<Fact, 'id' | 'source'>): string => f.id ?? `line${f.source?.line ?? 0}`;

export interface Footnote {
  id: string;
  language: string;
  /** Plain text (XHTML markup, if any, is flattened by readers). */
  text: string;
  role?: string;
  source?: SourceRef;
}

/** An instance in OIM terms: what the XML and JSON readers produce and the writers consume. */
export interface Report {
  /** Schema URLs (schemaRef hrefs / xBRL-JSON `taxonomy`). */
  taxonomy: string[];
  /** Where each of `taxonomy` is written (the schemaRef), by position, when the reader knows: DTS diagnostics point there. */
  taxonomySources?: SourceRef[];
  facts: Fact[];
  footnotes: Footnote[];
  /** Prefix → namespace, used when writing. */
  namespaces: Record<string, string>;
  /** File the report was read from, if any. */
  file?: string;
  /**
   * Facts a reader found but cannot give as valid (Inline XBRL: a transformation refused the
   * displayed value, or the context or unit it names does not exist). Kept, as the reference
   * processor keeps them, with the error that disqualifies them; never in `facts`, so no rule and
   * no writer takes them for valid facts. Absent when there are none.
   */
  invalidFacts?: InvalidFact[];
}

/** A fact kept with the error that disqualifies it: no period, entity or unit is made up for it. */
export interface InvalidFact {
  id?: string;
  concept: Clark;
  /** The displayed text (before any transformation); null for xsi:nil. */
  text: string | null;
  /** The `format` applied, if any. */
  format?: string;
  contextId?: string;
  unitId?: string;
  language?: string;
  /** The error code, as the diagnostic that reports it. */
  error: string;
  source?: SourceRef;
}

/** A context as an XML instance declares it (id, line), for rules that check declarations. */
export interface InstanceContext {
  id: string;
  entity: { scheme: string; identifier: string };
  period?: Period;
  /** Canonical dimension content: explicit members by dimension (Clark), or raw XML for anything else. */
  dimensions: Record<string, string>;
  nonDimensional: boolean;
  line: number;
  /** XBRL Dimensions: every xbrldi:explicitMember/typedMember in document order (repeats kept), for the dimension rules. */
  dimValues?: DimValue[];
  /** How many elements other than dimension members the segment and the scenario hold (a closed hypercube allows none). */
  otherContent?: { segment: number; scenario: number };
  /** Segment/scenario content other than dimensions, as triples: `segment `/`scenario `, an element name (Clark), its text if it has no children. */
  content?: string[];
}

/** One xbrldi:explicitMember or xbrldi:typedMember of a context, as written. */
export interface DimValue {
  /** The dimension (Clark); the QName as written when its prefix is not declared. */
  dimension: Clark;
  container: 'segment' | 'scenario';
  /** Explicit members: the member (Clark), or undefined when the text is not a QName with a declared prefix. */
  explicit?: Clark;
  /**
   * Typed members: the names (Clark) of the member's child elements, and their text when there is one child;
   * of that one child, the names of its own child elements (when it has any) and whether it is xsi:nil.
   */
  typed?: { elements: Clark[]; text: string; children?: Clark[]; nil?: true };
  /** The member as written (explicit: the QName text). */
  written: string;
  source: SourceRef;
}
