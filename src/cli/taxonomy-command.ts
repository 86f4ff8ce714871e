import type { Command } from 'commander';
import { packageRoot } from '../util/paths';
import { DiagnosticError } from '../model/diagnostic';
import { SHOW_INFO, countBySeverity, exitStatus, findingsToPrint, formatCounts, formatDiagnostic } from './print';

export function register(program: Command): Command {
  const tax = program.command('taxonomy').description('build or check the IIJ taxonomy');
  tax
    .command('build')
    .description('regenerate the XBRL files under taxonomy/ from taxonomy/src/*.json')
    .action(async () => {
      const { writeTaxonomy } = await import('../taxonomy/generate');
      try {
        const written = writeTaxonomy(packageRoot());
        process.stdout.write(`taxonomy written: ${written.length} files\n`);
      } catch (e) {
        if (!(e instanceof DiagnosticError)) throw e;
        for (const d of e.diagnostics) process.stderr.write(`${formatDiagnostic(d)}\n`);
        process.exitCode = e.diagnostics.some((d) => d.code.startsWith('io:')) ? 2 : 1;
      }
    });
  tax
    .command('check')
    .description('check a taxonomy: labels, presentation coverage, calculation weights vs balances, roles, package')
    .argument(
      '[entry]',
      'entry point: a schema or a linkbase (path or URL)',
      'https://xbrl.iij.ad.jp/taxonomy/2004-03-31/iij.xsd',
    )
    .option('--package <dir...>', 'taxonomy package directories (default: the bundled IIJ taxonomy)')
    .option('--languages <langs>', 'languages that need a standard label for every concept', 'en,ja')
    .option(SHOW_INFO[0], SHOW_INFO[1])
    .action(async (entry: string, o: { package?: string[]; languages: string; showInfo?: boolean }) => {
      const { checkTaxonomyEntry } = await import('../validate');
      const r = checkTaxonomyEntry(entry, {
        packages: o.package,
        languages: o.languages
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
      });
      process.stdout.write(
        `${entry}: ${r.dts.concepts.size} concepts, ${r.dts.relationships.length} relationships, ${r.dts.labels.length} labels; ${formatCounts(countBySeverity(r.diagnostics), !!o.showInfo)}\n`,
      );
      for (const d of findingsToPrint(r.diagnostics, !!o.showInfo)) process.stdout.write(`${formatDiagnostic(d)}\n`);
      process.exitCode = exitStatus(r.diagnostics);
    });
  return tax;
}
