import type { Command } from 'commander';
import { packageRoot } from '../util/paths';
import { writeTaxonomy } from '../taxonomy/generate';
import { DiagnosticError } from '../model';
import { formatDiagnostic } from './print';

export function register(program: Command): Command {
  const tax = program.command('taxonomy').description('build or check the IIJ taxonomy');
  tax
    .command('build')
    .description('regenerate the XBRL files under taxonomy/ from taxonomy/src/*.json')
    .action(() => {
      try {
        const written = writeTaxonomy(packageRoot());
        process.stdout.write(`taxonomy written: ${written.length} files\n`);
      } catch (e) {
        if (!(e instanceof DiagnosticError)) throw e;
        for (const d of e.diagnostics) process.stderr.write(`${formatDiagnostic(d)}\n`);
        process.exitCode = 1;
      }
    });
  return tax;
}
