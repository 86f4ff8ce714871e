import type { Command } from 'commander';
import { sniffInstance, validate } from '../validate';
import { checkSchema } from '../util/json-schema';
import { formatDiagnostic } from './print';

interface ValidateCliOptions { calc: string; format: string; package?: string[]; showInfo?: boolean; maxSize: string; documentSet?: boolean }

export function register(program: Command): void {
  program
    .command('validate')
    .description('validate an XBRL 2.1 instance (XML), an xBRL-JSON report or Inline XBRL documents against their taxonomy, offline')
    .argument('<instance...>', 'instance.xml, instance.json or document.xhtml; several Inline XBRL documents are one document set')
    .option('--calc <mode>', 'calculation semantics: c11r (Calculations 1.1, round to nearest), c10 (XBRL 2.1) or none', 'c11r')
    .option('--format <format>', 'text or json', 'text')
    .option('--package <dir...>', 'taxonomy package directories (default: the bundled IIJ taxonomy)')
    .option('--max-size <MiB>', 'refuse instances larger than this (memory grows with the number of facts)', '512')
    .option('--document-set', 'read all the files given as one Inline XBRL document set (automatic when every file is Inline XBRL)')
    .option('--show-info', 'also print informational findings (consistent duplicates)')
    .action((files: string[], o: ValidateCliOptions) => {
      if (!['c11r', 'c10', 'none'].includes(o.calc)) { process.stderr.write(`iij-xbrl: --calc must be c11r, c10 or none, not "${o.calc}"\n`); process.exitCode = 2; return; }
      if (!['text', 'json'].includes(o.format)) { process.stderr.write(`iij-xbrl: --format must be text or json, not "${o.format}"\n`); process.exitCode = 2; return; }
      const maxMiB = Number(o.maxSize);
      if (!(maxMiB > 0)) { process.stderr.write(`iij-xbrl: --max-size must be a positive number of MiB, not "${o.maxSize}"\n`); process.exitCode = 2; return; }
      // Several files: one document set when asked or when all are Inline XBRL, else each on its own.
      const together = files.length === 1 || o.documentSet || files.every((f) => sniffInstance(f).kind === 'inline');
      const runs = together ? [files] : files.map((f) => [f]);
      let exit = 0;
      for (const run of runs) exit = Math.max(exit, validateRun(run, o, maxMiB));
      process.exitCode = exit;
    });
}

/** Validates one instance or document set, prints the findings, returns the exit status. */
function validateRun(files: string[], o: ValidateCliOptions, maxMiB: number): number {
  const r = validate(files.length === 1 ? files[0] : files, { calc: o.calc as 'c11r', packages: o.package, maxBytes: maxMiB * 2 ** 20 });
  const bad = r.diagnostics.filter((d) => d.severity === 'error' || d.severity === 'inconsistency').length;
  const io = r.diagnostics.some((d) => d.code.startsWith('io:') || d.code === 'IOerror');
  const name = files.join(' + ');
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
    process.stdout.write(`${name}: ${r.report?.facts.length ?? 0} facts; ${bad ? `${bad} error(s) or inconsistencies` : 'valid'}\n`);
  }
  return io ? 2 : bad ? 1 : 0;
}
