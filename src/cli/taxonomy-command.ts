import type { Command } from 'commander';
import { packageRoot } from '../util/paths';

export function register(program: Command): Command {
  const tax = program.command('taxonomy').description('build or check the IIJ taxonomy');
  tax
    .command('build')
    .description('regenerate the XBRL files under taxonomy/ from taxonomy/src/*.json')
    .action(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const gen = require('../taxonomy/generate') as { writeTaxonomy(root: string): string[] | void };
      try {
        const written = gen.writeTaxonomy(packageRoot());
        process.stdout.write(`taxonomy written${Array.isArray(written) ? `: ${written.length} files` : ''}\n`);
      } catch (e) {
        process.stderr.write(`iij-xbrl taxonomy build: ${(e as Error).message}\n`);
        process.exitCode = 1;
      }
    });
  return tax;
}
