import fs from 'node:fs';
import type { Command } from 'commander';
import { formatDiagnostic } from './print';

export function register(program: Command): void {
  program
    .command('parse')
    .description('print the table model of a release as JSON (for debugging mappings)')
    .argument('<release>', 'the release text')
    .action(async (file: string) => {
      const { decodeRelease, parseRelease } = await import('../release');
      let bytes: Buffer;
      try { bytes = fs.readFileSync(file); } catch (e) {
        process.stderr.write(`iij-xbrl: cannot read ${file}: ${(e as NodeJS.ErrnoException).code}\n`);
        process.exitCode = 2;
        return;
      }
      const d = decodeRelease(bytes, file);
      const p = d.text === undefined ? undefined : parseRelease(d.text, file);
      for (const x of [...d.diagnostics, ...(p?.diagnostics ?? [])]) process.stderr.write(`${formatDiagnostic(x)}\n`);
      if (!p || p.diagnostics.some((x) => x.severity === 'error')) { process.exitCode = 1; return; }
      const { lines: _lines, ...rest } = p.release;
      process.stdout.write(`${JSON.stringify(rest, null, 2)}\n`);
    });
}
