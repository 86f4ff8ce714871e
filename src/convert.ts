import fs from 'node:fs';
import path from 'node:path';
import { DiagnosticError, diag, hasErrors, type Diagnostic, type Report } from './model';
import { decodeRelease, parseRelease, type Encoding } from './release';
import { loadReleaseMap } from './mapping/release-map';
import { loadTaxonomySource } from './mapping/taxonomy-source';
import { mapRelease } from './mapping/map-release';
import { takeMissingContributors } from './mapping/complete-calculations';
import { runReleaseChecks } from './checks';
import type { LangCoverage, MappedFact } from './mapping/types';
import { writeOutputs } from './outputs';
import { writeFilesAtomically } from './util/atomic-write';
import { packageRoot } from './util/paths';
import { compile, type CompiledValidator } from './validate';
import { compareText } from './util/compare-text';

export interface ConvertOptions {
  /** Output directory; when absent nothing is written. */
  out?: string;
  lang?: 'en' | 'ja' | 'both';
  encoding?: Encoding | 'auto';
  /** Mapping file (default: the bundled mapping/release-map.json). */
  mapping?: string;
  /**
   * The publishing gate: any inconsistency (calculation, duplicate, derived figure, USD translation)
   * makes the conversion fail and nothing is written or overwritten. Warnings (a blank cell the
   * other language prints, a fact taken from the other language) do not: they contradict nothing.
   */
  strict?: boolean;
  /** A validator compiled once for the taxonomy (see `compile`), reused across conversions. */
  validator?: CompiledValidator;
}

export interface ConvertResult {
  /** False when any error stopped the conversion (then no file was written). */
  ok: boolean;
  diagnostics: Diagnostic[];
  facts: MappedFact[];
  report?: Report;
  coverage: Record<string, LangCoverage & {}>;
  /** File name → content, for every output. */
  outputs: Map<string, string>;
  written: string[];
  /** The encoding the release was read in. */
  encoding?: Encoding;
}

const bySource = (a: Diagnostic, b: Diagnostic) =>
  (a.source?.line ?? 0) - (b.source?.line ?? 0) ||
  (a.source?.column ?? 0) - (b.source?.column ?? 0) ||
  compareText(a.code, b.code);

const failed = (diagnostics: Diagnostic[]): ConvertResult => ({
  ok: false,
  diagnostics,
  facts: [],
  coverage: {},
  outputs: new Map(),
  written: [],
});

/**
 * Converts a release already in memory: map → release checks → gate → writers. The file name is
 * only used in messages and outputs.
 */
export function convertBytes(bytes: Uint8Array, file: string, options: ConvertOptions = {}): ConvertResult {
  const lang = options.lang ?? 'both';
  const read = readAndMap(bytes, file, options, lang);
  if ('ok' in read) return read;
  const { mapped, diagnostics } = read;
  const result: ConvertResult = {
    ok: false,
    diagnostics,
    facts: mapped.facts,
    coverage: mapped.coverage,
    outputs: new Map(),
    written: [],
    encoding: read.encoding,
  };
  if (diagnostics.some((d) => d.severity === 'error')) return result;
  if (mapped.facts.length === 0) {
    diagnostics.push(
      diag('release:noFacts', 'error', 'The release produced no facts.', { source: { file, line: 1, column: 1 } }),
    );
    return result;
  }
  const { tax } = read;
  const report: Report = {
    taxonomy: [tax.entryPoint],
    facts: mapped.facts,
    footnotes: mapped.footnotes,
    namespaces: { [tax.prefix]: tax.namespace },
  };
  result.report = report;
  const base = `${tax.prefix}-${periodEnd(mapped.facts).replace(/-/g, '')}`;
  gate(report, mapped.facts, diagnostics, options.validator ?? compile(tax.entryPoint), file, `${base}.xml`);
  const written = writeOutputs({
    file,
    lang,
    base,
    release: read.parsed.release,
    mapped,
    report,
    taxonomy: tax,
    fiscalYearEndMonth: read.rmap.fiscalYearEndMonth,
    counts: read.counts,
    diagnostics,
  });
  diagnostics.push(...written.problems);
  if (written.problems.length) return result;
  result.outputs = written.outputs;
  result.ok = true;
  return strictGate(result, options, file);
}

/** The document's period end (its DocumentPeriodEndDate, else the latest date of any fact), for file names. */
function periodEnd(facts: MappedFact[]): string {
  return (
    facts.find((f) => f.name === 'DocumentPeriodEndDate')?.value ??
    facts.reduce((m, f) => {
      const e = f.period.type === 'instant' ? f.period.instant : f.period.type === 'duration' ? f.period.end : '';
      return e > m ? e : m;
    }, '')
  );
}

/**
 * The gate: the instance about to be written goes through the validator's rules, from memory, each
 * finding placed where the release prints the figures; then every finding by place. compile() takes
 * the DTS from the build's serialised copy when it is current (from the taxonomy's files otherwise).
 */
function gate(
  report: Report,
  facts: MappedFact[],
  diagnostics: Diagnostic[],
  validator: CompiledValidator,
  file: string,
  instance: string,
): void {
  diagnostics.push(
    ...validator.diagnostics,
    ...validator.validateReport(report, { file: instance }).map((d) => atRelease(d, facts, file)),
  );
  diagnostics.sort(bySource);
}

/**
 * Decoding, parsing and mapping, with the facts a single-language conversion takes from the other
 * part, then the release's own checks (percent figures, USD translations) when nothing failed; the
 * diagnostics by place. A failed ConvertResult, to return as it is, when the release cannot be decoded or parsed or the mapping file is bad.
 */
function readAndMap(bytes: Uint8Array, file: string, options: ConvertOptions, lang: 'en' | 'ja' | 'both') {
  const decoded = decodeRelease(bytes, file, options.encoding);
  if (decoded.text === undefined) return failed(decoded.diagnostics);
  const parsed = parseRelease(decoded.text, file);
  if (hasErrors(parsed.diagnostics)) return failed(parsed.diagnostics);
  let rmap;
  let tax;
  try {
    rmap = loadReleaseMap(options.mapping);
    tax = loadTaxonomySource();
  } catch (e) {
    if (e instanceof DiagnosticError) return failed(e.diagnostics);
    throw e;
  }
  let mapped = mapRelease(parsed.release, rmap, tax, { lang });
  const taken: Diagnostic[] = [];
  if (lang !== 'both' && !mapped.diagnostics.some((d) => d.severity === 'error')) {
    const other = mapRelease(parsed.release, rmap, tax, { lang: lang === 'en' ? 'ja' : 'en' });
    const completed = takeMissingContributors(mapped, other, tax.calculations, file);
    mapped = { ...mapped, facts: completed.facts, footnotes: completed.footnotes };
    taken.push(...completed.diagnostics);
  }
  const before = [...parsed.diagnostics, ...mapped.diagnostics, ...taken];
  const input = {
    file,
    tables: mapped.tables,
    facts: mapped.facts,
    calculations: tax.calculations,
    rmap,
    found: mapped.found,
    lang,
  };
  const checked = runReleaseChecks(input, before);
  const diagnostics = [...before, ...checked.diagnostics];
  const counts = checked.counts;
  diagnostics.sort(bySource);
  return { parsed, rmap, tax, mapped, counts, diagnostics, encoding: decoded.encoding };
}

/** `--strict`: any inconsistency fails the conversion and nothing is written. */
function strictGate(result: ConvertResult, options: ConvertOptions, file: string): ConvertResult {
  const inconsistencies = result.diagnostics.filter((d) => d.severity === 'inconsistency').length;
  if (options.strict && inconsistencies) {
    result.diagnostics.push(
      diag(
        'convert:strictGate',
        'error',
        `--strict: ${inconsistencies} inconsistenc${inconsistencies === 1 ? 'y' : 'ies'} among the release's figures; nothing written.`,
        { source: { file, line: 1, column: 1 }, expected: 'no inconsistency', actual: String(inconsistencies) },
      ),
    );
    result.outputs.clear();
    result.ok = false;
  }
  return result;
}

/**
 * Converts a release file into an XBRL 2.1 instance, xBRL-JSON, the vendor feed and the conversion
 * report. Files are written only when the conversion has no errors, all or none.
 */
export function convert(releaseFile: string, options: ConvertOptions = {}): ConvertResult {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(releaseFile);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    return {
      ok: false,
      diagnostics: [
        diag(
          err.code === 'ENOENT' ? 'io:fileNotFound' : 'io:cannotRead',
          'error',
          `Cannot read ${releaseFile}: ${err.code ?? err.message}.`,
          {
            source: { file: releaseFile, line: 1, column: 1 },
          },
        ),
      ],
      facts: [],
      coverage: {},
      outputs: new Map(),
      written: [],
    };
  }
  const result = convertBytes(bytes, releaseFile, options);
  if (result.ok && options.out) {
    const files = [...result.outputs].map(([name, content]) => ({
      path: path.join(options.out as string, name),
      content,
    }));
    const problems = writeFilesAtomically(files);
    if (problems.length) {
      result.diagnostics.push(...problems);
      result.ok = false;
      return result;
    }
    result.written = files.map((f) => f.path);
  }
  return result;
}

export { packageRoot };

/**
 * A validator finding on the instance, placed where the release prints the figures involved: the
 * first fact's first occurrence is the source, the others' are related places, and the message
 * names each figure as printed.
 */
function atRelease(d: Diagnostic, facts: MappedFact[], file: string): Diagnostic {
  const byId = new Map(facts.map((f) => [f.id, f]));
  const involved = (d.facts ?? [])
    .map((id) => byId.get(id))
    .filter((f): f is MappedFact => !!f && f.provenance.length > 0);
  if (!involved.length) return d;
  const places = involved.map((f) => f.provenance[0]);
  const named = involved.map(
    (f) =>
      `${f.name} ${f.provenance[0].printed} (${f.provenance[0].table} row "${f.provenance[0].row}", line ${f.provenance[0].line})`,
  );
  return {
    ...d,
    message: `${d.message} In the release: ${named.join('; ')}.`,
    source: { file, line: places[0].line, column: places[0].col },
    related: [...places.slice(1).map((o) => ({ file, line: o.line, column: o.col })), ...(d.related ?? [])],
  };
}
