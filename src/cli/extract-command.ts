import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { formatDiagnostic } from './print';

interface Options {
  to: string;
  out: string;
  package?: string[];
  maxSize: string;
  documentSet?: boolean;
  lang: string;
  quiet?: boolean;
}

const FORMATS = ['xbrl-json', 'xbrl-csv', 'xml', 'csv'];

/**
 * `iij-xbrl extract`: the facts of any filing to xBRL-JSON, xBRL-CSV, XBRL 2.1 or a flat CSV (see
 * src/extract). Exit codes: 0 written; 1 written, but reading reported errors (printed); 2 nothing
 * written (an input unreadable or refused, an output failing its schema, a write failing, or usage).
 */
export function register(program: Command): void {
  program
    .command('extract')
    .description(
      'the facts of any filing (instance, xBRL-JSON, xBRL-CSV, Inline XBRL, a directory, an EDINET/TDnet manifest or zip, a report package) as xBRL-JSON, xBRL-CSV, XBRL 2.1 or one flat CSV for spreadsheets',
    )
    .argument('<inputs...>', 'documents, directories, manifests, zips or report packages; each is extracted on its own')
    .requiredOption('--to <format>', 'xbrl-json, xbrl-csv, xml or csv (flat, with labels when the taxonomy loads)')
    .option('-o, --out <dir>', 'output directory', '.')
    .option('--package <dir...>', 'taxonomy package directories (labels for csv)')
    .option('--lang <lang>', 'language of the labels in csv', 'en')
    .option('--max-size <MiB>', 'refuse inputs larger than this', '512')
    .option('--document-set', 'read all the files given (Inline XBRL documents) as one document set')
    .option('-q, --quiet', 'print only errors and the written files')
    .action(async (inputs: string[], o: Options) => {
      const usage = (msg: string) => {
        process.stderr.write(`iij-xbrl: ${msg}\n`);
        process.exitCode = 2;
      };
      if (!FORMATS.includes(o.to)) return usage(`--to must be xbrl-json, xbrl-csv, xml or csv, not "${o.to}"`);
      const maxMiB = Number(o.maxSize);
      if (!(maxMiB > 0)) return usage(`--max-size must be a positive number of MiB, not "${o.maxSize}"`);
      const { extract } = await import('../extract');
      const r = extract(inputs, {
        to: o.to as 'csv',
        packages: o.package,
        maxBytes: maxMiB * 2 ** 20,
        documentSet: o.documentSet,
        lang: o.lang,
      });
      for (const d of r.diagnostics)
        if (!o.quiet || d.severity === 'error') process.stderr.write(`${formatDiagnostic(d)}\n`);
      const errors = r.diagnostics.filter((d) => d.severity === 'error').length;
      if (!r.ok) {
        process.stderr.write(`iij-xbrl extract: failed with ${errors} error(s); nothing written.\n`);
        process.exitCode = 2;
        return;
      }
      const files = [...r.outputs].map(([name, content]) => ({ path: path.join(o.out, name), content }));
      const inputsHit = files.find((f) =>
        inputs.some((i) => fs.existsSync(i) && path.resolve(i) === path.resolve(f.path)),
      );
      if (inputsHit) return usage(`${inputsHit.path} is an input; choose another --out directory`);
      const { writeFilesAtomically } = await import('../util/atomic-write');
      const problems = writeFilesAtomically(files);
      for (const d of problems) process.stderr.write(`${formatDiagnostic(d)}\n`);
      if (problems.length) {
        process.exitCode = 2;
        return;
      }
      for (const rep of r.reports)
        process.stdout.write(
          `${rep.name}: ${rep.factCount} facts → ${rep.files.map((f) => path.join(o.out, f)).join(', ')}\n`,
        );
      process.exitCode = errors ? 1 : 0;
    });
}
