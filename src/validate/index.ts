import fs from 'node:fs';
import path from 'node:path';
import {
  NS,
  diag,
  hasErrors,
  type SchemaDefaults,
  type Concept,
  type Diagnostic,
  type Dts,
  type Report,
  type SourceRef,
} from '../model';
import type { ReadResult } from '../instance/from-xbrl-xml';
import type { LoadDtsResult } from '../taxonomy/load-dts';
import { readDtsCache } from '../taxonomy/dts-cache';
import type { CalcMode, Rule, RuleContext } from './context';
import { xbrl21 } from './rules/xbrl21';
import { duplicates } from './rules/duplicates';
import { calculation } from './rules/calculation';
import { rollforward } from './rules/rollforward';
import { essenceAlias } from './rules/essence-alias';
import { dimensions } from './rules/dimensions';
import { checkTaxonomy, type TaxonomyCheckOptions } from './rules/taxonomy';
import { buildFactIndex } from './fact-index';
import { withTypedElements } from '../xbrl/dimensions';
import { checkInputFile } from '../util/confine';
import type { Limits } from '../util/limits';

export interface ValidateOptions {
  calc?: CalcMode;
  /** Taxonomy package directories; default: the project's taxonomy/. */
  packages?: string[];
  /** Skip rules (by name: xbrl21, duplicates, calculation, rollforward). */
  skip?: string[];
  maxBytes?: number;
  /** Reader limits besides maxBytes (nesting depth, cell size, contexts); defaults in util/limits. */
  limits?: Partial<Limits>;
  /** Directories besides the report's own (and its packages) that files it names may be read from. */
  allowDirs?: string[];
}

export interface ValidateResult {
  diagnostics: Diagnostic[];
  report?: Report;
  dts?: Dts;
  /** Diagnostics that stop validation early (unreadable file, no DTS) are I/O or usage problems. */
  fatal: boolean;
  /** A filing (directory, archive, manifest; see `validateFiling`): each document set's own result. */
  sets?: FilingSetResult[];
}

/**
 * The readers and the DTS loader, loaded on first use. Note: `convert` runs the rules on its report
 * in memory against the build's copy of the DTS, and reads no instance; this keeps their code (and
 * saxes, the Inline XBRL transformations, the schema readers) out of its start-up.
 */
const lazy = <T>(load: () => T): (() => T) => {
  let m: T | undefined;
  return () => (m ??= load());
};
const xmlReader = lazy(() => require('../instance/from-xbrl-xml') as typeof import('../instance/from-xbrl-xml'));
const jsonReader = lazy(() => require('../oim/from-xbrl-json') as typeof import('../oim/from-xbrl-json'));
const csvReader = lazy(() => require('../oim/from-xbrl-csv') as typeof import('../oim/from-xbrl-csv'));
const inlineReader = lazy(() => require('../ixbrl/from-ixbrl') as typeof import('../ixbrl/from-ixbrl'));
const dtsLoader = lazy(() => require('../taxonomy/load-dts') as typeof import('../taxonomy/load-dts'));
const docsets = lazy(() => require('../docset') as typeof import('../docset'));
/** A directory, an archive (EDINET, TDnet, report package) or a manifest: validated set by set (`validateFiling`). */
const isFiling = (files: string | readonly string[]) => typeof files === 'string' && docsets().isFilingContainer(files);

export const RULES: Record<string, Rule> = { xbrl21, duplicates, calculation, rollforward, essenceAlias, dimensions };

export type InstanceKind = 'csv' | 'json' | 'inline' | 'xml';

/**
 * What a file is: xBRL-CSV metadata or xBRL-JSON when it starts with `{` (told apart by
 * documentType), Inline XBRL when it is .xhtml/.html or declares an Inline XBRL namespace early,
 * XBRL 2.1 XML otherwise.
 */
export function sniffInstance(file: string): { kind?: InstanceKind; diagnostics: Diagnostic[] } {
  let head = '';
  const regular = checkInputFile(file, undefined, { file, line: 1, column: 1 });
  if ('diagnostic' in regular && regular.diagnostic.code === 'io:notARegularFile')
    return { diagnostics: [regular.diagnostic] };
  try {
    const fd = fs.openSync(file, 'r');
    const b = Buffer.alloc(65536);
    const n = fs.readSync(fd, b, 0, b.length, 0);
    fs.closeSync(fd);
    head = b
      .subarray(0, n)
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .trimStart();
  } catch (e) {
    return {
      diagnostics: [
        diag('io:fileNotFound', 'error', `Cannot read ${file}: ${(e as NodeJS.ErrnoException).code}.`, {
          source: { file, line: 1, column: 1 },
        }),
      ],
    };
  }
  if (head.startsWith('{')) return { kind: csvReader().isXbrlCsvMetadata(head) ? 'csv' : 'json', diagnostics: [] };
  if (/\.x?html?$/i.test(file) || /http:\/\/www\.xbrl\.org\/(2013|2008)\/inlineXBRL["']/.test(head))
    return { kind: 'inline', diagnostics: [] };
  return { kind: 'xml', diagnostics: [] };
}

/**
 * Reads an instance (see `sniffInstance`). Several files are read as one Inline XBRL document set;
 * each of them must then be Inline XBRL. `defaults`: schema defaulting from the DTS, applied to XML instances.
 */
export function readInstance(
  files: string | readonly string[],
  maxBytes?: number,
  defaults?: SchemaDefaults,
  o: Pick<ValidateOptions, 'limits' | 'allowDirs'> = {},
): {
  report?: Report;
  diagnostics: Diagnostic[];
  xml?: Pick<ReadResult, 'contexts' | 'units' | 'linkbaseRefs' | 'schemaHints'>;
} {
  const list = typeof files === 'string' ? [files] : [...files];
  const kinds = list.map(sniffInstance);
  const unreadable = kinds.flatMap((k) => k.diagnostics);
  if (unreadable.length) return { diagnostics: unreadable };
  const file = list[0];
  if (list.length > 1 || kinds[0].kind === 'inline') {
    const other = list.find((_f, i) => kinds[i].kind !== 'inline');
    if (other)
      return {
        diagnostics: [
          diag(
            'io:notInlineXbrl',
            'error',
            `${other} is not an Inline XBRL document; only Inline XBRL documents can be read together as one document set.`,
            { source: { file: other, line: 1, column: 1 } },
          ),
        ],
      };
    const ix = inlineReader().readInlineXbrl(list, { maxBytes, limits: o.limits });
    return { report: ix.report, diagnostics: ix.diagnostics, xml: ix };
  }
  if (kinds[0].kind === 'csv')
    return csvReader().fromXbrlCsv(file, file, { maxBytes, limits: o.limits, allowDirs: o.allowDirs });
  if (kinds[0].kind === 'json') return jsonReader().fromXbrlJson(file, file, { maxBytes, limits: o.limits });
  const xml = xmlReader().fromXbrlXml(file, file, { maxBytes, defaults, limits: o.limits });
  return { report: xml.report, diagnostics: xml.diagnostics, xml };
}

export type { CalcMode };

/** What rules need to know about one instance besides its facts (XML input: declarations with lines). */
export interface InstanceDeclarations {
  contexts?: RuleContext['contexts'];
  units?: RuleContext['units'];
}

/**
 * A DTS loaded once, ready to check many instances against it (the compile/validate split of
 * ajv): `compile()` pays for discovering and reading the taxonomy, `validate()` only for the
 * instance. Immutable after construction, so one compiled validator can serve many calls.
 */
export interface CompiledValidator {
  /** The entry points this DTS was loaded from. */
  readonly entryPoints: readonly string[];
  readonly dts: Dts;
  /** Problems found while loading the DTS (reported with every instance validated against it). */
  readonly diagnostics: readonly Diagnostic[];
  /** Reads and validates an instance file (XML, xBRL-JSON, xBRL-CSV, Inline XBRL; several Inline XBRL files: one document set). */
  validate(files: string | readonly string[], options?: ValidateOptions): ValidateResult;
  /** Validates a report already in memory (e.g. the converter's output before it is written). */
  validateReport(report: Report, options?: ValidateOptions & InstanceDeclarations & { file?: string }): Diagnostic[];
}

export interface CompileOptions {
  packages?: string[];
  /** File relative entry points are resolved against (default: the current directory). */
  baseFile?: string;
  /** An instance's own linkbaseRefs, which join its DTS. */
  linkbases?: readonly string[];
  /** Where the entry points are written (the instance's schemaRefs), by position, for DTS diagnostics about them. */
  entrySources?: readonly (SourceRef | undefined)[];
  /** The DTS of `entryPoints` already loaded (e.g. the build's serialised copy, taxonomy/dts-cache): not loaded again. */
  loaded?: LoadDtsResult;
  /** Confine DTS discovery to the base file's directory, the packages and these directories (see loadDts confineTo). */
  allowDirs?: readonly string[];
}

/**
 * The build's serialised copy of a DTS of the bundled taxonomy (taxonomy/dts-cache), when it applies
 * and is current: absolute entry points, the default packages, no linkbases of the instance's own.
 * A stale or missing copy gives undefined, and the DTS is loaded from its files.
 */
function buildCopy(entries: readonly string[], options: CompileOptions): LoadDtsResult | undefined {
  if (options.packages !== undefined || options.linkbases?.length || !entries.every((e) => /^https?:\/\//.test(e)))
    return undefined;
  return readDtsCache(entries);
}

/** Loads the DTS of `entryPoints` (schema URLs or paths) once, for many validations. */
export function compile(entryPoints: string | readonly string[], options: CompileOptions = {}): CompiledValidator {
  const entries = typeof entryPoints === 'string' ? [entryPoints] : [...entryPoints];
  const loaded =
    options.loaded ??
    buildCopy(entries, options) ??
    dtsLoader().loadDts(entries, {
      baseFile: options.baseFile,
      packages: options.packages,
      linkbaseHrefs: options.linkbases,
      confineTo: options.allowDirs,
      entrySources: options.entrySources,
    });
  const dts = loaded.dts;
  const usable = !(hasErrors(loaded.diagnostics) && dts.concepts.size === 0);
  const self: CompiledValidator = {
    entryPoints: entries,
    dts,
    diagnostics: loaded.diagnostics,
    validateReport(report, o = {}) {
      if (!usable) return [];
      return runRules(o.units ? report : normalizeReport(report, dts), dts, {
        ...o,
        file: o.file ?? report.file ?? '',
      });
    },
    validate(files, o = {}) {
      if (isFiling(files)) return validateFiling(files as string, { ...o, packages: o.packages ?? options.packages });
      const file = typeof files === 'string' ? files : files[0];
      const read = readInstance(files, o.maxBytes, undefined, o);
      if (!read.report) return { diagnostics: read.diagnostics, fatal: true };
      if (
        !sameEntries(read.report.taxonomy, entries) ||
        !sameBase(entries, file, options.baseFile) ||
        extendsDts(read)
      ) {
        // The instance names another DTS (or adds linkbases or schema hints to it): validate it against its own (not cached).
        return validate(files, { ...o, packages: o.packages ?? options.packages });
      }
      return checkRead(self, withDefaults(read as Read, files, dts, o), file, o);
    },
  };
  return Object.freeze(self);
}

/** An XML instance's own linkbaseRefs or schema hints make the DTS it is checked against its own (not shared, not cached). */
const extendsDts = (read: ReturnType<typeof readInstance>) =>
  !!(read.xml?.linkbaseRefs?.length || read.xml?.schemaHints?.length);

const sameEntries = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);
/** Relative entry points name the same files only when resolved from the same directory. */
const isAbsoluteRef = (e: string) => /^[a-z][a-z0-9+.-]*:/i.test(e) || path.isAbsolute(e);
const sameBase = (entries: readonly string[], file: string, baseFile = `${process.cwd()}/x`) =>
  entries.every(isAbsoluteRef) || path.resolve(path.dirname(file)) === path.resolve(path.dirname(baseFile));

/**
 * Readers normalise before any rule runs (OIM input only: in XML a missing unitRef is an error): OIM reports omit the unit of pure numeric facts, and
 * only the DTS knows which facts are numeric; OIM gives a typed member's text alone, and only the DTS names its element.
 * Returns a new report; the input is not changed.
 */
export function normalizeReport(report: Report, dts: Dts): Report {
  if (report.facts.some((f) => f.dimensions)) {
    const facts = withTypedElements(report.facts, (d) => dts.concepts.get(d)?.typedDomain);
    if (facts.some((f, i) => f !== report.facts[i])) report = { ...report, facts };
  }
  if (report.facts.every((f) => f.unit || f.unitId !== undefined || !dts.concepts.get(f.concept)?.numeric))
    return report;
  const pure = { numerators: [`{${NS.xbrli}}pure`], denominators: [] };
  const facts = report.facts.map((f) =>
    f.unit || f.unitId !== undefined || !dts.concepts.get(f.concept)?.numeric ? f : { ...f, unit: pure },
  );
  return { ...report, facts };
}

function runRules(
  report: Report,
  dts: Dts,
  o: ValidateOptions & InstanceDeclarations & { file: string },
): Diagnostic[] {
  const ctx: RuleContext = Object.freeze({
    report,
    dts,
    file: o.file,
    calc: o.calc ?? 'c11r',
    index: buildFactIndex(report.facts),
    contexts: o.contexts,
    units: o.units,
    concept: (n: string): Concept | undefined => dts.concepts.get(n),
  });
  const out: Diagnostic[] = [];
  // Note: one push per finding; spreading a rule's findings into push overflows the stack beyond ~100,000 of them.
  for (const [name, rule] of Object.entries(RULES)) if (!o.skip?.includes(name)) for (const d of rule(ctx)) out.push(d);
  return out;
}

/**
 * Validates an XBRL 2.1 instance (XML), an xBRL-JSON or xBRL-CSV report, or Inline XBRL documents
 * (several given together: one document set) against the DTS it references: XBRL 2.1 rules,
 * duplicates, calculations (Calc 1.1 round-to-nearest or Calc 1.0) and roll-forwards.
 * Loads the DTS for this one call; use `compile()` to check many instances against one DTS.
 */
export function validate(files: string | readonly string[], options: ValidateOptions = {}): ValidateResult {
  if (isFiling(files)) return validateFiling(files as string, options);
  const file = typeof files === 'string' ? files : files[0];
  const read = readInstance(files, options.maxBytes, undefined, options);
  if (!read.report) return { diagnostics: read.diagnostics, fatal: true };
  if (!read.report.taxonomy.length) return { diagnostics: read.diagnostics, report: read.report, fatal: false };
  const compiled = withHints(
    compile(read.report.taxonomy, {
      baseFile: file,
      packages: options.packages,
      linkbases: read.xml?.linkbaseRefs,
      allowDirs: options.allowDirs ?? [],
      entrySources: read.report.taxonomySources,
    }),
    read.xml?.schemaHints,
    file,
    options,
  );
  return checkRead(compiled, withDefaults(read as Read, files, compiled.dts, options), file, options);
}

/**
 * The instance's schema hints (`xsi:schemaLocation`, local files): their global attribute declarations
 * join the DTS's (which win) for lax validation of this instance's attributes, as an XML Schema
 * validator uses such hints (XBRL 2.1 conformance 314 V-06). The DTS itself is unchanged.
 */
function withHints(
  v: CompiledValidator,
  hints: readonly string[] | undefined,
  file: string,
  o: ValidateOptions,
): CompiledValidator {
  if (!hints?.length) return v;
  const hinted = dtsLoader().hintedAttributeTypes(hints, {
    baseFile: file,
    packages: o.packages,
    confineTo: o.allowDirs ?? [],
  });
  if (!hinted.size) return v;
  const dts = { ...v.dts, attributeTypes: new Map([...hinted, ...(v.dts.attributeTypes ?? [])]) };
  return compile(v.entryPoints, { loaded: { dts, diagnostics: [...v.diagnostics], packages: [] } });
}

type Read = ReturnType<typeof readInstance> & { report: Report };

/** Rare: the DTS declares schema defaults (element or attribute values); an XML instance is then read again with them applied. */
function withDefaults(read: Read, files: string | readonly string[], dts: Dts, o: ValidateOptions): Read {
  if (!dts.defaults || !read.xml || typeof files !== 'string' || sniffInstance(files).kind !== 'xml') return read;
  const again = readInstance(files, o.maxBytes, dts.defaults, o);
  return again.report ? (again as Read) : read;
}

/** Validates an instance already read against a compiled DTS: the DTS's problems, then the rules' findings. */
function checkRead(v: CompiledValidator, read: Read, file: string, o: ValidateOptions): ValidateResult {
  const diagnostics = [...read.diagnostics, ...v.diagnostics];
  const normalized = read.xml ? read.report : normalizeReport(read.report, v.dts);
  diagnostics.push(
    ...v.validateReport(normalized, { ...o, file, contexts: read.xml?.contexts, units: read.xml?.units }),
  );
  return { diagnostics, report: normalized, dts: v.dts, fatal: false };
}

/** Validators for many instances: each DTS is compiled once, on first use, and reused for every instance that names it. */
export interface ValidatorCache {
  validate(file: string, options?: ValidateOptions): ValidateResult;
  /** How many DTSs were compiled so far. */
  readonly compiled: number;
}

/**
 * A DTS is the same when the instances name the same entry points (and, for relative ones, sit in
 * the same directory) and use the same taxonomy packages.
 */
export function validatorCache(options: CompileOptions = {}): ValidatorCache {
  const cache = new Map<string, CompiledValidator>();
  return Object.freeze({
    get compiled() {
      return cache.size;
    },
    validate(file: string, o: ValidateOptions = {}): ValidateResult {
      if (isFiling(file)) return validateFiling(file, { ...o, packages: o.packages ?? options.packages });
      const read = readInstance(file, o.maxBytes, undefined, o);
      if (!read.report) return { diagnostics: read.diagnostics, fatal: true };
      const entries = read.report.taxonomy;
      if (!entries.length) return { diagnostics: read.diagnostics, report: read.report, fatal: false };
      const packages = o.packages ?? options.packages;
      // An instance's own linkbaseRefs (or schema hints) make its DTS its own: not cached.
      if (extendsDts(read)) return validate(file, { ...o, packages });
      const dir = entries.every(isAbsoluteRef) ? '' : path.resolve(path.dirname(file));
      const key = JSON.stringify([entries, dir, packages ?? null]);
      let v = cache.get(key);
      if (!v) {
        v = compile(entries, { baseFile: file, packages, allowDirs: o.allowDirs ?? [] });
        cache.set(key, v);
      }
      return checkRead(v, withDefaults(read as Read, file, v.dts, o), file, o);
    },
  });
}

/** `iij-xbrl taxonomy check`: load a taxonomy entry point (file path or URL) and check it. */
export function checkTaxonomyEntry(
  entry: string,
  options: TaxonomyCheckOptions & { packages?: string[] } = {},
): { diagnostics: Diagnostic[]; dts: Dts } {
  // An entry point that cannot be read is an I/O problem (exit 2), not a finding about a taxonomy.
  const loaded = dtsLoader().loadDts([entry], {
    baseFile: `${process.cwd()}/x`,
    packages: options.packages,
    entryCode: 'IOerror',
    // A linkbase given alone is a legitimate entry point of a DTS (XBRL 2.1 §3.2, DTS discovery).
    entryExpect: 'any',
  });
  return { diagnostics: [...loaded.diagnostics, ...checkTaxonomy(loaded.dts, options)], dts: loaded.dts };
}

/**
 * The opt-in XML Schema pass (`validate --schema`): an XML instance against the XBRL instance schema
 * and its DTS's schemas, by libxml2. Other formats have no XML Schema to check: returns nothing.
 */
export async function validateSchema(file: string, options: ValidateOptions = {}): Promise<Diagnostic[]> {
  if (isFiling(file)) return [];
  if (sniffInstance(file).kind !== 'xml') return [];
  const read = readInstance(file, options.maxBytes);
  if (!read.report?.taxonomy.length) return [];
  const { dts } = compile(read.report.taxonomy, { baseFile: file, packages: options.packages });
  const { validateXmlSchema } = await import('./xsd');
  return validateXmlSchema(file, dts, { maxBytes: options.maxBytes });
}

/** One document set of a filing and its validation. */
export interface FilingSetResult {
  name: string;
  documents: string[];
  result: ValidateResult;
}

/**
 * A filing of several reports validated: `sets` holds each set's own result (each against its own
 * DTS); `diagnostics` all of them; `report` all facts together (for counting: rules ran set by set).
 */
export interface FilingValidateResult extends ValidateResult {
  sets: FilingSetResult[];
}

/**
 * Validates a filing as delivered (see src/docset: an EDINET/TDnet manifest, a directory, an EDINET
 * or TDnet zip, an XBRL Report Package): each document set it holds against its own DTS, while the
 * archive's unpacked files (extension taxonomies included) are on disk. File names in the results
 * are those of the archive (`filing.zip/XBRL/PublicDoc/x.htm`).
 */
export function validateFiling(input: string, options: ValidateOptions = {}): FilingValidateResult {
  const ds = docsets();
  const filing = ds.openFiling(input, { maxBytes: options.maxBytes });
  try {
    const sets: FilingSetResult[] = filing.sets.map((set) => {
      const r = validate(set.files, options);
      const result: ValidateResult = {
        ...r,
        diagnostics: ds.relabelDiagnostics(r.diagnostics, filing),
        report: r.report && ds.relabelReport(r.report, filing),
      };
      return { name: set.name, documents: set.files.map(filing.display), result };
    });
    const diagnostics = [...filing.diagnostics, ...sets.flatMap((s) => s.result.diagnostics)];
    const reports = sets.flatMap((s) => (s.result.report ? [s.result.report] : []));
    const report: Report | undefined = reports.length
      ? {
          taxonomy: [...new Set(reports.flatMap((r) => r.taxonomy))],
          facts: reports.flatMap((r) => r.facts),
          footnotes: reports.flatMap((r) => r.footnotes),
          namespaces: Object.assign({}, ...reports.map((r) => r.namespaces)),
          file: input,
        }
      : undefined;
    const fatal = !sets.length || sets.every((s) => s.result.fatal);
    return { diagnostics, report, dts: sets[0]?.result.dts, fatal, sets };
  } finally {
    filing.close();
  }
}
