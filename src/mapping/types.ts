import type { Fact, Footnote, Diagnostic, Table } from '../model';
import type { Figure } from '../release';
import type { ColumnSpec } from './resolve-column';
import type { MapRow } from './release-map';

/** One place in the release a figure was read from. */
export interface Occurrence {
  table: string;
  tableTitle: string;
  lang: 'en' | 'ja';
  row: string;
  column: string;
  line: number;
  col: number;
  /** The figure as printed (`(566,520)`). */
  printed: string;
  /** The value it states, in full (`-566520000`). */
  value: string;
  decimals: number;
}

export interface MappedFact extends Fact {
  /** The converter names every fact. */
  id: string;
  /** Local name in the IIJ taxonomy. */
  name: string;
  provenance: Occurrence[];
}

/** A table as read and resolved: the grid later checks recompute derived figures from. */
export interface ResolvedTable {
  table: Table;
  id: string;
  title: string;
  specs: ColumnSpec[];
  figures: Figure[][];
  /** Per row: the concept it reports and how the printed figure relates to the fact value (unmapped and heading rows: undefined). */
  rows: ({ concept: string; sign: 1 | -1 } | undefined)[];
}

export interface LangCoverage {
  /** Cells holding a figure (number or dash). */
  cells: number;
  facts: number;
  provenance: number;
  derived: number;
  unaccounted: number;
}

export interface MapResult {
  facts: MappedFact[];
  footnotes: Footnote[];
  tables: ResolvedTable[];
  coverage: Record<string, LangCoverage>;
  diagnostics: Diagnostic[];
  /** The mapping rows found in the release, by mapping table id (for the completeness check). */
  found: Map<string, Set<MapRow>>;
}

export interface MapOptions {
  lang: 'en' | 'ja' | 'both';
}
