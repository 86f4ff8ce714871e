import type { Command } from 'commander';
import { formatDiagnostic } from './print';

export function register(program: Command): void {
  program
    .command('convert')
    .description('convert an IIJ release into an XBRL 2.1 instance, xBRL-JSON, a vendor feed and a conversion report')
    .argument('<release>', 'the release text (UTF-8 or Shift_JIS, LF or CRLF)')
    .option('-o, --out <dir>', 'output directory', 'instances')
    .option('--lang <lang>', 'which part of the release to convert: en, ja or both', 'both')
    .option('--encoding <enc>', 'input encoding: auto, utf-8 or shift_jis', 'auto')
    .option('--mapping <file>', 'row mapping (default: the bundled mapping/release-map.json)')
    .option('--strict', 'publishing gate: any inconsistency among the figures → exit 1 and nothing written')
    .option('-q, --quiet', 'print only errors and the summary')
    .action(
      async (
        release: string,
        o: { out: string; lang: string; encoding: string; mapping?: string; strict?: boolean; quiet?: boolean },
      ) => {
        if (!['en', 'ja', 'both'].includes(o.lang)) {
          process.stderr.write(`iij-xbrl: --lang must be en, ja or both, not "${o.lang}"\n`);
          process.exitCode = 2;
          return;
        }
        if (!['auto', 'utf-8', 'shift_jis'].includes(o.encoding)) {
          process.stderr.write(`iij-xbrl: --encoding must be auto, utf-8 or shift_jis, not "${o.encoding}"\n`);
          process.exitCode = 2;
          return;
        }
        const { convert } = await import('../convert'); // loaded only for this command
        const r = convert(release, {
          out: o.out,
          lang: o.lang as 'en',
          encoding: o.encoding as 'auto',
          mapping: o.mapping,
          strict: o.strict,
        });
        for (const d of r.diagnostics) {
          if (o.quiet && d.severity !== 'error') continue;
          process.stderr.write(`${formatDiagnostic(d)}\n`);
        }
        if (!r.ok) {
          const io = r.diagnostics.some((d) => d.code.startsWith('io:'));
          process.stderr.write(
            `iij-xbrl convert: failed with ${r.diagnostics.filter((d) => d.severity === 'error').length} error(s); nothing written.\n`,
          );
          process.exitCode = io ? 2 : 1;
          return;
        }
        const cov = Object.entries(r.coverage)
          .map(
            ([lang, c]) =>
              `${lang}: ${c.cells} figure cells = ${c.facts} facts + ${c.provenance} provenance + ${c.derived} derived; ${c.unaccounted} unaccounted`,
          )
          .join('\n  ');
        const inc = r.diagnostics.filter((d) => d.severity === 'inconsistency').length;
        const warn = r.diagnostics.filter((d) => d.severity === 'warning').length;
        process.stdout.write(
          `${r.facts.length} facts, ${r.report?.footnotes.length ?? 0} footnotes\n  ${cov}\n${inc} inconsistencies and ${warn} warnings in the release's own figures (see the report)\n`,
        );
        for (const f of r.written) process.stdout.write(`wrote ${f}\n`);
      },
    );
}
