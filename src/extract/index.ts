import fs from 'node:fs';
import path from 'node:path';
import { diag, type Diagnostic, type Fact, type Report } from '../model';
import { isFilingContainer, openFiling, relabelDiagnostics, relabelReport, type Filing } from '../docset';
import { compile, readInstance } from '../validate';
import { toXbrlJson } from '../oim/to-xbrl-json';
import { toXbrlCsv, xbrlCsvNames } from '../oim/to-xbrl-csv';
import { toXbrlXml } from '../instance/to-xbrl-xml';
import { dimensionContainer } from '../taxonomy/xdt';
import type { DimensionContainer } from '../xbrl/contexts-units';
import { dimensionEntries, typedMember } from '../xbrl/dimensions';
import { isClarkName } from '../xbrl/aspects';
import { compareText } from '../util/compare-text';

/** Typed dimensions whose member is known only by its text (xBRL-JSON/CSV read without the DTS): XBRL 2.1 needs the element. */
function typedDimensions(facts: readonly Fact[]): string[] {
  const out = new Set<string>();
  for (const f of facts) for (const [d, m] of dimensionEntries(f)) if (!typedMember(m) && !isClarkName(m)) out.add(d);
  return [...out].sort(compareText);
}
import { checkSchema } from '../util/json-schema';
import { prepareReport } from './prepare';
import { standardLabels, toFlatCsv } from './flat-csv';

export { toFlatCsv, standardLabels, FLAT_COLUMNS } from './flat-csv';
export { prepareReport } from './prepare';

/**
 * `iij-xbrl extract`: the facts of any filing — an XBRL 2.1 instance, xBRL-JSON, xBRL-CSV, Inline
 * XBRL documents, or a filing as delivered (manifest, directory, EDINET/TDnet zip, report package;
 * see src/docset) — in OIM form (xBRL-JSON, xBRL-CSV), as an XBRL 2.1 instance, or as one flat CSV
 * for spreadsheets with the taxonomy's labels. Returns the outputs by file name, checked against
 * their JSON Schemas; writing them (all or nothing) is the caller's.
 *
 * Note: a room of its own above the validator (it reads with `readInstance` and loads the DTS with
 * `compile` for labels) that imports no converter code: the flat CSV is written from a `Report`,
 * not from the converter's vendor feed.
 */
export const EXTRACT_FORMATS = ['xbrl-json', 'xbrl-csv', 'xml', 'csv'] as const;
export type ExtractFormat = (typeof EXTRACT_FORMATS)[number];

export interface ExtractOptions {
  to: ExtractFormat;
  /** Taxonomy package directories, for labels (csv). */
  packages?: string[];
  maxBytes?: number;
  /** Read all the inputs (Inline XBRL documents) as one document set. */
  documentSet?: boolean;
  /** Language of the labels in the flat CSV (default en; else any the taxonomy has). */
  lang?: string;
}

export interface ExtractedReport {
  /** The input or document set, as the user names it. */
  name: string;
  factCount: number;
  /** Output file names (relative to the output directory). */
  files: string[];
}

export interface ExtractResult {
  /** False when an input could not be read or an output failed its schema: then nothing is to be written. */
  ok: boolean;
  diagnostics: Diagnostic[];
  reports: ExtractedReport[];
  outputs: Map<string, string>;
}

interface Read {
  name: string;
  base: string;
  report?: Report;
  labels?: Map<string, string>;
  /** Where the DTS's hypercubes look for dimension members (xml output of a dimensional report). */
  container?: DimensionContainer;
  diagnostics: Diagnostic[];
  /** Prefixes the documents declare, for namespaces the report binds none for. */
  prefixes?: Record<string, string>;
}

export function extract(inputs: readonly string[], options: ExtractOptions): ExtractResult {
  const reads: Read[] = [];
  if (options.documentSet && inputs.length > 1)
    reads.push(readSet(inputs.join(' + '), stem(inputs[0]), [...inputs], options));
  else
    for (const input of inputs) {
      if (!isFilingContainer(input)) {
        reads.push(readSet(input, stem(input), [input], options));
        continue;
      }
      const filing = openFiling(input, { maxBytes: options.maxBytes });
      try {
        if (filing.diagnostics.length || !filing.sets.length)
          reads.push({ name: input, base: stem(input), diagnostics: filing.diagnostics });
        for (const set of filing.sets) reads.push(readSet(set.name, set.base, set.files, options, filing));
      } finally {
        filing.close();
      }
    }
  return write(reads, options);
}

const stem = (f: string) =>
  path.basename(f).replace(/(-|_)?ixbrl\.x?html?$|\.[^.]+$/i, '') || path.basename(f) || 'report';

/** Reads one report (a file or a document set) and, for the flat CSV, its DTS's labels (while an archive's files are on disk). */
function readSet(name: string, base: string, files: string[], o: ExtractOptions, filing?: Filing): Read {
  const r = readInstance(files.length === 1 ? files[0] : files, o.maxBytes);
  const diagnostics = filing ? relabelDiagnostics(r.diagnostics, filing) : r.diagnostics;
  if (!r.report) return { name, base, diagnostics };
  const read = filing ? relabelReport(r.report, filing) : r.report;
  const report = read;
  let labels: Map<string, string> | undefined;
  let container: DimensionContainer | undefined;
  const dimensional = o.to === 'xml' && report.facts.some((f) => f.dimensions);
  if ((o.to === 'csv' || dimensional) && report.taxonomy.length) {
    const v = compile(report.taxonomy, { baseFile: files[0], packages: o.packages, linkbases: r.xml?.linkbaseRefs });
    if (o.to === 'csv') labels = standardLabels(v.dts, o.lang);
    else container = dimensionContainer(v.dts);
  }
  return { name, base, report, labels, container, diagnostics, prefixes: declaredPrefixes(files) };
}

/**
 * The prefixes the documents declare near their start (the root element's): the Inline XBRL reader
 * keeps none, and OIM outputs read better with the filer's prefixes than with generated ones.
 */
function declaredPrefixes(files: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of files) {
    let head = '';
    try {
      const fd = fs.openSync(f, 'r');
      const b = Buffer.alloc(65536);
      head = b.subarray(0, fs.readSync(fd, b, 0, b.length, 0)).toString('utf8');
      fs.closeSync(fd);
    } catch {
      continue;
    }
    for (const m of head.matchAll(/\sxmlns:([A-Za-z_][\w.-]*)\s*=\s*["']([^"']+)["']/g)) {
      const taken = Object.values(out).includes(m[2]);
      if (out[m[1]] === undefined && !taken && m[1] !== 'xml') out[m[1]] = m[2];
    }
  }
  return out;
}

/** The outputs of every report read, or none when any input failed (all or nothing). */
function write(reads: Read[], o: ExtractOptions): ExtractResult {
  const result: ExtractResult = {
    ok: false,
    diagnostics: reads.flatMap((r) => r.diagnostics),
    reports: [],
    outputs: new Map(),
  };
  if (reads.some((r) => !r.report)) return result;
  const bases = new Set<string>();
  for (const r of reads) {
    let base = r.base;
    for (let i = 2; bases.has(base); i++) base = `${r.base}-${i}`;
    bases.add(base);
    const report = prepareReport(r.report!, r.prefixes);
    if (!report.facts.length)
      result.diagnostics.push(
        diag('extract:noFacts', 'warning', `${r.name} holds no facts.`, {
          source: { file: r.name, line: 1, column: 1 },
        }),
      );
    const outputs = render(report, base, r, o, result.diagnostics);
    if (!outputs) return result;
    for (const [name, content] of outputs) result.outputs.set(name, content);
    result.reports.push({ name: r.name, factCount: report.facts.length, files: [...outputs.keys()] });
  }
  result.ok = true;
  return result;
}

const json = (o: unknown) => `${JSON.stringify(o, null, 2)}\n`;

/** One report in the chosen format, schema-checked; undefined (with the problems in `diagnostics`) when it fails. */
function render(
  report: Report,
  base: string,
  r: Read,
  o: ExtractOptions,
  diagnostics: Diagnostic[],
): Map<string, string> | undefined {
  const at = { file: r.name, line: 1, column: 1 };
  if (o.to === 'xbrl-json') {
    const doc = toXbrlJson(report);
    const problems = checkSchema('xbrl-json.schema.json', doc, `${base}.json`, 'schema:xbrlJsonInvalid');
    diagnostics.push(...problems);
    return problems.length ? undefined : new Map([[`${base}.json`, json(doc)]]);
  }
  if (o.to === 'xbrl-csv') {
    const names = xbrlCsvNames(base);
    const files = toXbrlCsv(report, names);
    const meta = JSON.parse(files.get(names.metadata) as string);
    const problems = checkSchema('xbrl-csv.schema.json', meta, names.metadata, 'schema:xbrlCsvInvalid');
    diagnostics.push(...problems);
    return problems.length ? undefined : files;
  }
  if (o.to === 'xml') {
    const typed = typedDimensions(report.facts);
    if (typed.length) {
      diagnostics.push(
        diag(
          'extract:typedDimension',
          'error',
          `${r.name}: typed dimensions (${typed.join(', ')}) cannot be written as XBRL 2.1 here (the typed element is not kept); extract to xbrl-json or xbrl-csv.`,
          { source: at },
        ),
      );
      return undefined;
    }
    return new Map([[`${base}.xbrl`, toXbrlXml(report, { dimensionContainer: r.container })]]);
  }
  return new Map([[`${base}.facts.csv`, toFlatCsv(report, r.labels)]]);
}
