import type { Command } from 'commander';
import { SHOW_INFO, findingsToPrint, formatDiagnostic, isIo } from './print';

export function register(program: Command): void {
  program
    .command('series')
    .description(
      'merge converted releases (XBRL instances or xBRL-JSON) into one long table; restatements listed, the later release wins',
    )
    .argument(
      '<instances...>',
      'instance files (.xml or xBRL-JSON .json); a vendor feed (.facts.json) beside each gives release lines',
    )
    .option('-o, --out <file>', 'write FILE.csv or FILE.json (default: CSV on stdout)')
    .option(SHOW_INFO[0], SHOW_INFO[1])
    .action(async (files: string[], o: { out?: string; showInfo?: boolean }) => {
      if (o.out && !/\.(csv|json)$/.test(o.out)) {
        process.stderr.write(`iij-xbrl: --out must end in .csv or .json, not "${o.out}"\n`);
        process.exitCode = 2;
        return;
      }
      // Loaded only for this command, so that the others do not pay for the series code.
      const { buildSeries, seriesCsv, seriesJson } = await import('../series');
      const s = buildSeries(files);
      for (const d of findingsToPrint(s.diagnostics, !!o.showInfo)) process.stderr.write(`${formatDiagnostic(d)}\n`);
      if (s.diagnostics.some((d) => d.severity === 'error')) {
        process.exitCode = s.diagnostics.some(isIo) ? 2 : 1;
        return;
      }
      for (const r of s.restatements) {
        process.stderr.write(
          `restated: ${r.concept} ${r.period} ${r.unit}: ${r.others.map((x) => `${x.value} (${x.source}:${x.line})`).join(', ')} → ${r.taken.value} (${r.taken.source}:${r.taken.line})\n`,
        );
      }
      const text = o.out?.endsWith('.json') ? seriesJson(s) : seriesCsv(s);
      if (!o.out) {
        process.stdout.write(text);
        return;
      }
      const { writeFilesAtomically } = await import('../util/atomic-write');
      writeFilesAtomically([{ path: o.out, content: text }]);
      process.stdout.write(`${s.rows.length} values, ${s.restatements.length} restatements; wrote ${o.out}\n`);
    });
}
