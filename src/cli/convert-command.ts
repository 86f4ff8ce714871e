import type { Command } from 'commander';
import type { Diagnostic } from '../model';
import {
  SHOW_INFO,
  countBySeverity,
  findingsToPrint,
  formatCounts,
  formatDiagnostic,
  isIo,
  jsonDiagnostic,
} from './print';

interface Options {
  out: string;
  lang: string;
  encoding: string;
  mapping?: string;
  strict?: boolean;
  quiet?: boolean;
  showInfo?: boolean;
  format: string;
}

export function register(program: Command): void {
  const cmd = program
    .command('convert')
    .description('convert an IIJ release into an XBRL 2.1 instance, xBRL-JSON, a vendor feed and a conversion report')
    .argument('[release]', 'the release text (UTF-8 or Shift_JIS, LF or CRLF)')
    .option('-o, --out <dir>', 'output directory', 'instances')
    .option('--lang <lang>', 'which part of the release to convert: en, ja or both', 'both')
    .option('--encoding <enc>', 'input encoding: auto, utf-8 or shift_jis', 'auto')
    .option('--mapping <file>', 'row mapping (default: the bundled mapping/release-map.json)')
    .option('--strict', 'publishing gate: any inconsistency among the figures → exit 1 and nothing written')
    .option('--format <format>', 'text or json (one document on stdout)', 'text')
    .option(SHOW_INFO[0], SHOW_INFO[1])
    .option('-q, --quiet', 'print only the summary and errors');
  cmd.action(async (release: string | undefined, o: Options) => {
    if (release === undefined) {
      process.stderr.write(cmd.helpInformation());
      process.exitCode = 2;
      return;
    }
    const usage = (msg: string) => {
      process.stderr.write(`iij-xbrl: ${msg}\n`);
      process.exitCode = 2;
    };
    if (!['en', 'ja', 'both'].includes(o.lang)) return usage(`--lang must be en, ja or both, not "${o.lang}"`);
    if (!['auto', 'utf-8', 'shift_jis'].includes(o.encoding))
      return usage(`--encoding must be auto, utf-8 or shift_jis, not "${o.encoding}"`);
    if (!['text', 'json'].includes(o.format)) return usage(`--format must be text or json, not "${o.format}"`);
    const { convert } = await import('../convert'); // loaded only for this command
    const r = convert(release, {
      out: o.out,
      lang: o.lang as 'en',
      encoding: o.encoding as 'auto',
      mapping: o.mapping,
      strict: o.strict,
    });
    // A fatal I/O problem (unreadable release, an output that cannot be written) is printed alone.
    const io = r.diagnostics.filter(isIo);
    const shown = io.length ? io : r.diagnostics;
    process.exitCode = r.ok ? 0 : io.length ? 2 : 1;
    if (o.format === 'json') return printJson(release, r, shown, !!o.showInfo);
    if (io.length) {
      for (const d of io) process.stderr.write(`${formatDiagnostic(d)}\n`);
      return;
    }
    const counts = countBySeverity(r.diagnostics);
    const head = `${release}: ${r.facts.length} facts, ${r.report?.footnotes.length ?? 0} footnotes; ${formatCounts(counts, !!o.showInfo)}`;
    const cov = Object.entries(r.coverage)
      .map(
        ([lang, c]) =>
          `${lang} ${c.cells} figure cells = ${c.facts} facts + ${c.provenance} provenance + ${c.derived} derived, ${c.unaccounted} unaccounted`,
      )
      .join('; ');
    const outcome = r.ok
      ? `wrote ${r.written.length} files to ${o.out}: ${r.written.map((f) => f.slice(o.out.length).replace(/^[\\/]/, '')).join(', ')}`
      : `failed: nothing written (${o.strict && counts.error === 0 ? 'inconsistencies under --strict' : 'errors'})`;
    process.stdout.write(`${head}\n  coverage: ${cov || 'none'}\n  ${outcome}\n`);
    const findings = findingsToPrint(r.diagnostics, !!o.showInfo).filter((d) => !o.quiet || d.severity === 'error');
    for (const d of findings) process.stdout.write(`${formatDiagnostic(d)}\n`);
  });
}

/** The run as one JSON document (schemas/diagnostics.schema.json, documentType …/conversion/1.0). */
async function printJson(
  file: string,
  r: { facts: unknown[]; written: string[]; ok: boolean },
  diagnostics: Diagnostic[],
  showInfo: boolean,
): Promise<void> {
  const { checkSchema } = await import('../util/json-schema');
  const c = countBySeverity(diagnostics);
  const doc = {
    documentType: 'https://xbrl.iij.ad.jp/report/conversion/1.0',
    file,
    calc: 'c11r',
    factCount: r.facts.length,
    ok: r.ok,
    written: r.written,
    summary: { errors: c.error, inconsistencies: c.inconsistency, warnings: c.warning, info: c.info },
    diagnostics: diagnostics.filter((d) => showInfo || d.severity !== 'info').map(jsonDiagnostic),
  };
  const problems = checkSchema('diagnostics.schema.json', doc, 'conversion output');
  if (problems.length)
    throw new Error(`conversion output does not match schemas/diagnostics.schema.json: ${problems[0].message}`);
  process.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
}
