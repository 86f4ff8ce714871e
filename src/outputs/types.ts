import type { Diagnostic, DiagnosticCode, Release, Report } from '../model';
import type { MapResult } from '../mapping/types';
import type { TaxonomySource } from '../mapping/taxonomy-source';
import type { CheckCounts } from '../checks';
import type { VendorFeed } from '../feed/to-vendor-feed';
import type { InlineDocument } from '../inline-page';

/** What every writer may read: the converted release, its findings, and what several writers share. */
export interface WriterInput {
  /** The release file (messages, the report). */
  file: string;
  lang: 'en' | 'ja' | 'both';
  /** Output file base name (`iij-20031231`). */
  base: string;
  release: Release;
  mapped: MapResult;
  report: Report;
  taxonomy: TaxonomySource;
  fiscalYearEndMonth: number;
  counts: CheckCounts;
  /** Every finding of the conversion, gate included, by place. */
  diagnostics: Diagnostic[];
  /** Output name → file name, of the outputs the conversion report lists. */
  listed: Record<string, string>;
  /** Made once per conversion, on first use, for the writers that share them. */
  feed: () => VendorFeed;
  inline: () => InlineDocument[];
  xbrlCsv: () => Map<string, string>;
}

/** One output of `convert`: a file, its content, and the JSON Schema it is checked against before anything is written. */
export interface Writer {
  /** The output's name (the key under which the conversion report lists it, when `listed`). */
  name: string;
  /** The file name; undefined when the conversion has no such output (a language not converted). */
  file: (x: WriterInput) => string | undefined;
  /** Text as it is written, or a JSON document (written with two-space indentation and a final newline). */
  content: (x: WriterInput) => string | object;
  /** The JSON Schema (in schemas/) the content must satisfy, and the code of a violation. */
  schema?: { file: string; code: DiagnosticCode };
  /** Listed in the conversion report's `outputs`. */
  listed?: boolean;
}
