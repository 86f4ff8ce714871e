import type { SourceRef } from './diagnostic';

/**
 * QNames are held in Clark notation, `{namespace}local`, so that two documents using different
 * prefixes for one namespace still compare equal. Prefixes live only in writers.
 */
export type Clark = string;

/** XBRL 2.1 date semantics are kept as written: `instant`/`end` are date-only end-of-day values. */
export type Period =
  | { type: 'instant'; instant: string }
  | { type: 'duration'; start: string; end: string }
  | { type: 'forever' };

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
  id: string;
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
}

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
  facts: Fact[];
  footnotes: Footnote[];
  /** Prefix → namespace, used when writing. */
  namespaces: Record<string, string>;
  /** File the report was read from, if any. */
  file?: string;
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
}
