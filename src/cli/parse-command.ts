import type { Command } from 'commander';
import { SHOW_INFO, findingsToPrint, formatDiagnostic } from './print';

export function register(program: Command): void {
  program
    .command('parse')
    .description('print the table model of a release as JSON (for debugging mappings)')
    .argument('<release>', 'the release text')
    .option(SHOW_INFO[0], SHOW_INFO[1])
    .action(async (file: string, o: { showInfo?: boolean }) => {
      const { readReleaseFile } = await import('./read-release');
      const read = readReleaseFile(file);
      if (read.io) {
        process.stderr.write(`${formatDiagnostic(read.io)}\n`);
        process.exitCode = 2;
        return;
      }
      for (const x of findingsToPrint(read.diagnostics, !!o.showInfo)) process.stderr.write(`${formatDiagnostic(x)}\n`);
      if (!read.release || read.diagnostics.some((x) => x.severity === 'error')) {
        process.exitCode = 1;
        return;
      }
      const p = { release: read.release };
      const { lines: _lines, ...rest } = p.release;
      process.stdout.write(`${JSON.stringify(rest, null, 2)}\n`);
    });
}
