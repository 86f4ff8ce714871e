import os from 'node:os';
import type { Command } from 'commander';
import { CALC_MODES, type CalcMode } from '../validate/context';
import { Progress } from './progress';
import {
  SHOW_INFO,
  countBySeverity,
  exitStatus,
  findingsToPrint,
  formatCounts,
  formatDiagnostic,
  jsonDiagnostic,
} from './print';
import type { Limits } from '../util/limits';
import { runBatch, verdictOf, type BatchOptions, type BatchResult, type Verdict } from './validate-batch';

interface Options {
  calc: string;
  format: string;
  package?: string[];
  showInfo?: boolean;
  maxSize: string;
  jobs?: string;
  documentSet?: boolean;
  schema?: boolean;
  maxDepth?: string;
  maxCell?: string;
  maxContexts?: string;
  allowDir?: string[];
}

export function register(program: Command): void {
  program
    .command('validate')
    .description(
      'validate XBRL 2.1 instances (XML), xBRL-JSON reports, xBRL-CSV reports (their metadata JSON) or Inline XBRL documents against their taxonomies, offline',
    )
    .argument(
      '<instances...>',
      'instance.xml, instance.json, xBRL-CSV metadata.json or document.xhtml files; several are checked in parallel, each DTS compiled once per worker, or as one Inline XBRL document set with --document-set',
    )
    .option(
      '--calc <mode>',
      'calculation semantics: c11r (Calculations 1.1, round to nearest), c10 (XBRL 2.1) or none',
      'c11r',
    )
    .option('--format <format>', 'text or json', 'text')
    .option('--package <dir...>', 'taxonomy package directories (default: the bundled IIJ taxonomy)')
    .option('--max-size <MiB>', 'refuse instances larger than this (memory grows with the number of facts)', '512')
    .option('--max-depth <n>', 'refuse XML or JSON nested deeper than this (default 256, at most 2000)')
    .option(
      '--max-cell <chars>',
      'refuse a value, CSV cell, row identifier or header longer than this (default 1048576)',
    )
    .option(
      '--max-contexts <n>',
      'refuse an XML or Inline XBRL document with more contexts than this (default 1000000)',
    )
    .option(
      '--allow-dir <dir...>',
      "also read files the input names in these directories (by default only the report's directory and the taxonomy packages)",
    )
    .option('-j, --jobs <n>', 'worker threads for several files (default: one per core)')
    .option('--document-set', 'read all the files given (Inline XBRL documents) as one document set')
    .option(
      '--schema',
      'also validate XML instances against the XBRL instance schema and their taxonomy schemas (XML Schema, by libxml2)',
    )
    .option(SHOW_INFO[0], SHOW_INFO[1])
    .action(async (files: string[], o: Options) => {
      const usage = (msg: string) => {
        process.stderr.write(`iij-xbrl: ${msg}\n`);
        process.exitCode = 2;
      };
      if (!CALC_MODES.includes(o.calc as CalcMode)) return usage(`--calc must be c11r, c10 or none, not "${o.calc}"`);
      if (!['text', 'json'].includes(o.format)) return usage(`--format must be text or json, not "${o.format}"`);
      const maxMiB = Number(o.maxSize);
      if (!(maxMiB > 0)) return usage(`--max-size must be a positive number of MiB, not "${o.maxSize}"`);
      const jobs = o.jobs === undefined ? os.availableParallelism() : Number(o.jobs);
      if (!Number.isInteger(jobs) || jobs < 1) return usage(`--jobs must be a positive integer, not "${o.jobs}"`);
      const limits = readLimits(o);
      if (typeof limits === 'string') return usage(limits);
      const options: BatchOptions = {
        calc: o.calc as CalcMode,
        packages: o.package,
        maxBytes: maxMiB * 2 ** 20,
        limits,
        allowDirs: o.allowDir,
      };
      // Several files are several reports (e.g. the English and the Japanese document, each complete
      // with its own header and the same ids), unless --document-set says they are one.
      // Progress on a terminal only: files done / total and facts per second while a batch runs.
      const progress = new Progress(files.length);
      const batch =
        o.documentSet && files.length > 1
          ? await documentSet(files, options)
          : await runBatch(files, options, Math.min(jobs, files.length), (v) => progress.tick(v.factCount));
      progress.end();
      if (o.schema) await addSchemaFindings(batch.verdicts, options);
      if (o.format === 'json') await printJson(batch.verdicts, o.calc, !!o.showInfo);
      else printText(batch.verdicts, !!o.showInfo, files.length > 1 ? batch : undefined);
      process.exitCode = Math.max(...batch.verdicts.map(exitCodeOf));
    });
}

const bad = (v: Verdict) =>
  v.diagnostics.filter((d) => d.severity === 'error' || d.severity === 'inconsistency').length;
/** 2: the file could not be read or its DTS not loaded; 1: errors or inconsistencies; 0: valid. */
export const exitCodeOf = (v: Verdict): number => (v.fatal ? 2 : exitStatus(v.diagnostics));

/** Summary first (the total for several files, then each file's counts), then each file's findings by severity. */
function printText(verdicts: Verdict[], showInfo: boolean, batch?: { workers: number; compiled: number }): void {
  if (batch) {
    const codes = verdicts.map(exitCodeOf);
    const facts = verdicts.reduce((s, v) => s + v.factCount, 0);
    process.stdout.write(
      `total: ${verdicts.length} files, ${facts} facts; ${codes.filter((c) => c === 0).length} valid, ${codes.filter((c) => c === 1).length} with errors or inconsistencies, ${codes.filter((c) => c === 2).length} not checked (${batch.workers ? `${batch.workers} worker threads` : 'one thread'}, ${batch.compiled} DTS compilation(s))\n`,
    );
  }
  for (const v of verdicts) {
    const n = bad(v);
    const verdict = exitCodeOf(v) === 2 ? 'not checked' : n ? `${n} error(s) or inconsistencies` : 'valid';
    process.stdout.write(
      `${v.file}: ${v.factCount} facts; ${verdict} (${formatCounts(countBySeverity(v.diagnostics), showInfo)})\n`,
    );
    for (const d of findingsToPrint(v.diagnostics, showInfo)) process.stdout.write(`${formatDiagnostic(d)}\n`);
  }
}

/** One validation document per file (schemas/diagnostics.schema.json); several files give a JSON array of them. */
async function printJson(verdicts: Verdict[], calc: string, showInfo: boolean): Promise<void> {
  const { checkSchema } = await import('../util/json-schema');
  const count = (v: Verdict, s: string) => v.diagnostics.filter((d) => d.severity === s).length;
  const docs = verdicts.map((v) => ({
    documentType: 'https://xbrl.iij.ad.jp/report/validation/1.0',
    file: v.file,
    calc,
    factCount: v.factCount,
    summary: {
      errors: count(v, 'error'),
      inconsistencies: count(v, 'inconsistency'),
      warnings: count(v, 'warning'),
      info: count(v, 'info'),
    },
    diagnostics: v.diagnostics.filter((d) => showInfo || d.severity !== 'info').map(jsonDiagnostic),
  }));
  for (const doc of docs) {
    const problems = checkSchema('diagnostics.schema.json', doc, 'validation output');
    if (problems.length)
      throw new Error(`validation output does not match schemas/diagnostics.schema.json: ${problems[0].message}`);
  }
  process.stdout.write(`${JSON.stringify(docs.length === 1 ? docs[0] : docs, null, 2)}\n`);
}

/** Several Inline XBRL documents read as one document set: one verdict named after all of them. */
async function documentSet(files: string[], options: BatchOptions): Promise<BatchResult> {
  const { validate } = await import('../validate');
  return { verdicts: [verdictOf(files.join(' + '), validate(files, options))], workers: 0, compiled: 1 };
}

/** The opt-in XML Schema pass, file by file, after the rules: its findings join each file's verdict. */
async function addSchemaFindings(verdicts: Verdict[], options: BatchOptions): Promise<void> {
  const { validateSchema } = await import('../validate');
  for (const v of verdicts) {
    if (v.fatal || v.file.includes(' + ')) continue;
    v.diagnostics.push(...(await validateSchema(v.file, options)));
  }
}

/** The reader limits the options raise, or what is wrong with one of them. */
function readLimits(o: Options): Partial<Limits> | string {
  const limits: Partial<Limits> = {};
  for (const [flag, key, v] of [
    ['--max-depth', 'maxDepth', o.maxDepth],
    ['--max-cell', 'maxCell', o.maxCell],
    ['--max-contexts', 'maxContexts', o.maxContexts],
  ] as const) {
    if (v === undefined) continue;
    if (!/^[1-9]\d*$/.test(v)) return `${flag} must be a positive integer, not "${v}"`;
    limits[key] = Number(v);
  }
  return limits;
}
