import type { Command } from 'commander';
import { validate, type CalcMode } from '../validate';
import { CALC_MODES } from '../validate/context';
import { checkSchema } from '../util/json-schema';
import { formatDiagnostic } from './print';

interface ValidateCliOptions { calc: string; format: string; package?: string[]; showInfo?: boolean; maxSize: string; documentSet?: boolean }

export function register(program: Command): void {
  program
    .command('validate')
    .description('validate an XBRL 2.1 instance (XML), an xBRL-JSON report, an xBRL-CSV report (its metadata JSON) or Inline XBRL documents against their taxonomy, offline')
    .argument('<instance...>', 'instance.xml, instance.json, xBRL-CSV metadata.json or document.xhtml; several files are validated one by one, or as one Inline XBRL document set with --document-set')
    .option('--calc <mode>', 'calculation semantics: c11r (Calculations 1.1, round to nearest), c10 (XBRL 2.1) or none', 'c11r')
    .option('--format <format>', 'text or json', 'text')
    .option('--package <dir...>', 'taxonomy package directories (default: the bundled IIJ taxonomy)')
    .option('--max-size <MiB>', 'refuse instances larger than this (memory grows with the number of facts)', '512')
    .option('--document-set', 'read all the files given (Inline XBRL documents) as one document set')
    .option('--show-info', 'also print informational findings (consistent duplicates)')
    .action((files: string[], o: ValidateCliOptions) => {
      if (!CALC_MODES.includes(o.calc as CalcMode)) { process.stderr.write(`iij-xbrl: --calc must be c11r, c10 or none, not "${o.calc}"\n`); process.exitCode = 2; return; }
      if (!['text', 'json'].includes(o.format)) { process.stderr.write(`iij-xbrl: --format must be text or json, not "${o.format}"\n`); process.exitCode = 2; return; }
      const maxMiB = Number(o.maxSize);
      if (!(maxMiB > 0)) { process.stderr.write(`iij-xbrl: --max-size must be a positive number of MiB, not "${o.maxSize}"\n`); process.exitCode = 2; return; }
      // Several files are several reports (e.g. the English and the Japanese document, each complete
      // with its own header and the same ids), unless --document-set says they are one.
      const together = files.length === 1 || o.documentSet;
      let exit = 0;
      for (const run of together ? [files] : files.map((f) => [f])) exit = Math.max(exit, validateRun(run, o, maxMiB));
      process.exitCode = exit;
    });
}

/** Validates one instance or document set, prints the findings, returns the exit status. */
function validateRun(files: string[], o: ValidateCliOptions, maxMiB: number): number {
  const r = validate(files.length === 1 ? files[0] : files, { calc: o.calc as CalcMode, packages: o.package, maxBytes: maxMiB * 2 ** 20 });
  const bad = r.diagnostics.filter((d) => d.severity === 'error' || d.severity === 'inconsistency').length;
  const io = r.diagnostics.some((d) => d.code.startsWith('io:') || d.code === 'IOerror');
  if (o.format === 'json') {
    const doc = {
      documentType: 'https://xbrl.iij.ad.jp/report/validation/1.0', file: files[0], ...(files.length > 1 ? { documents: files } : {}), calc: o.calc, factCount: r.report?.facts.length ?? 0,
      summary: { errors: r.diagnostics.filter((d) => d.severity === 'error').length, inconsistencies: r.diagnostics.filter((d) => d.severity === 'inconsistency').length,
        warnings: r.diagnostics.filter((d) => d.severity === 'warning').length, info: r.diagnostics.filter((d) => d.severity === 'info').length },
      diagnostics: r.diagnostics,
    };
    const problems = checkSchema('diagnostics.schema.json', doc, 'validation output');
    if (problems.length) throw new Error(`validation output does not match schemas/diagnostics.schema.json: ${problems[0].message}`);
    process.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
  } else {
    for (const d of r.diagnostics) if (o.showInfo || d.severity !== 'info') process.stdout.write(`${formatDiagnostic(d)}\n`);
    process.stdout.write(`${files.join(' + ')}: ${r.report?.facts.length ?? 0} facts; ${bad ? `${bad} error(s) or inconsistencies` : 'valid'}\n`);
  }
  return io ? 2 : bad ? 1 : 0;
}
