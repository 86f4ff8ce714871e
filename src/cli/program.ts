import { Command, CommanderError } from 'commander';
import { register as registerConvert } from './convert-command';
import { register as registerPackage } from './package-command';
import { register as registerParse } from './parse-command';
import { register as registerMapping } from './mapping-command';
import { register as registerSeries } from './series-command';
import { register as registerTaxonomy } from './taxonomy-command';
import { register as registerValidate } from './validate-command';
import { register as registerExtract } from './extract-command';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../util/paths';

function version(): string {
  try {
    return (JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

// A closed pipe (`iij-xbrl … | head`) is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

const program = new Command('iij-xbrl')
  .description('XBRL for Internet Initiative Japan earnings releases: convert, validate, taxonomy')
  .version(version(), '-V, --version', 'print the version')
  .exitOverride();
registerConvert(program);
registerParse(program);
registerMapping(program);
registerSeries(program);
registerValidate(program);
registerTaxonomy(program);
registerPackage(program);
registerExtract(program);

program.parseAsync(process.argv).catch((e: unknown) => {
  if (e instanceof CommanderError) {
    process.exitCode = e.exitCode === 0 ? 0 : 2;
    return;
  }
  // A bug, not a user error: say so plainly, with the stack for the report.
  process.stderr.write(`iij-xbrl: internal error: ${(e as Error)?.stack ?? e}\n`);
  process.exitCode = 3;
});
