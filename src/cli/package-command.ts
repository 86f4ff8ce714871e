import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { formatDiagnostic, ioProblem } from './print';

export function register(program: Command): void {
  program
    .command('package')
    .description('package Inline XBRL documents as XBRL Report Packages (.xbri, one per document)')
    .argument('<documents...>', 'Inline XBRL documents (.xhtml), e.g. instances/iij-20031231-en.xhtml')
    .option('-o, --out <dir>', 'output directory (default: beside each document)')
    .action(async (documents: string[], o: { out?: string }) => {
      // Loaded only for this command.
      const [{ toReportPackage }, { writeFilesAtomically }] = await Promise.all([
        import('../inline-page/report-package'),
        import('../util/atomic-write'),
      ]);
      const files: { path: string; content: Uint8Array }[] = [];
      for (const doc of documents) {
        let content: string;
        try {
          content = fs.readFileSync(doc, 'utf8');
        } catch (e) {
          process.stderr.write(`${formatDiagnostic(ioProblem(doc, e))}\n`);
          process.exitCode = 2;
          return;
        }
        const p = toReportPackage({ name: path.basename(doc), content });
        files.push({ path: path.join(o.out ?? path.dirname(doc), p.name), content: p.bytes });
      }
      const problems = writeFilesAtomically(files);
      for (const d of problems) process.stderr.write(`${formatDiagnostic(d)}\n`);
      if (problems.length) {
        process.exitCode = 2;
        return;
      }
      for (const f of files) process.stdout.write(`wrote ${f.path}\n`);
    });
}
