import fs from 'node:fs';
import { readReleaseFile } from './read-release';
import type { Command } from 'commander';
import { DiagnosticError } from '../model';
import path from 'node:path';
import type { MapRow, MapTable } from '../mapping/release-map';
import { packageRoot } from '../util/paths';
import { formatDiagnostic } from './print';

/**
 * `mapping suggest <release>`: ready-to-paste entries for mapping/release-map.json on stdout (JSON:
 * rows per existing table id, new tables, new concepts for taxonomy/src/concepts.json); on stderr,
 * one line per entry saying where it comes from and why.
 */
export function register(program: Command): void {
  const mapping = program.command('mapping').description('work with the release mapping (mapping/release-map.json)');
  mapping
    .command('suggest')
    .description('print ready-to-paste mapping entries for every table and row of a release the mapping does not know')
    .argument('<release>', 'the release text')
    .option('--mapping <file>', 'row mapping (default: the bundled mapping/release-map.json)')
    .option('--write', 'paste the entries into the mapping file (rows into their tables, new tables at the end)')
    .action(async (file: string, o: { mapping?: string; write?: boolean }) => {
      // Loaded only for this command, so that the others do not pay for the mapping code.
      const [{ loadReleaseMap }, { loadTaxonomySource }, { suggestForRelease }, { checkSchema }] = await Promise.all([
        import('../mapping/release-map'),
        import('../mapping/taxonomy-source'),
        import('../mapping/suggest-release'),
        import('../util/json-schema'),
      ]);
      const read = readReleaseFile(file);
      if (read.io) {
        process.stderr.write(`${formatDiagnostic(read.io)}\n`);
        process.exitCode = 2;
        return;
      }
      const problems = read.diagnostics.filter((x) => x.severity === 'error');
      if (!read.release || problems.length) {
        for (const x of problems) process.stderr.write(`${formatDiagnostic(x)}\n`);
        process.exitCode = 1;
        return;
      }
      const p = { release: read.release };
      let rmap;
      try {
        rmap = loadReleaseMap(o.mapping);
      } catch (e) {
        if (!(e instanceof DiagnosticError)) throw e;
        for (const x of e.diagnostics) process.stderr.write(`${formatDiagnostic(x)}\n`);
        process.exitCode = 1;
        return;
      }
      const s = suggestForRelease(p.release, rmap, loadTaxonomySource());
      const rows: Record<string, MapRow[]> = {};
      for (const r of s.rows) {
        (rows[r.table] ??= []).push(r.row);
        process.stderr.write(
          `${file}:${r.line}: ${r.table}: "${r.row.label}" → ${r.row.concept ?? '(heading)'}: ${r.note}\n`,
        );
      }
      for (const t of s.tables)
        process.stderr.write(
          `${file}:${t.line}: new table ${t.table.id} (${t.table.kind}), ${t.table.rows.length} rows\n`,
        );
      for (const c of s.concepts)
        process.stderr.write(
          `${file}:${c.line}: new concept ${c.name} (en "${c.labels.en ?? ''}", ja "${c.labels.ja ?? ''}"): add it to taxonomy/src/concepts.json and run taxonomy build\n`,
        );
      const entries = {
        rows,
        tables: s.tables.map((t) => t.table),
        concepts: s.concepts.map(({ line: _l, ...c }) => c),
      };
      process.stdout.write(`${JSON.stringify(entries, null, 2)}\n`);
      if (o.write && s.rows.length + s.tables.length > 0) {
        const target = o.mapping ?? path.join(packageRoot(), 'mapping', 'release-map.json');
        const pasted = pasteEntries(JSON.parse(fs.readFileSync(target, 'utf8')) as { tables: MapTable[] }, entries);
        const bad = checkSchema('release-map.schema.json', pasted, target, 'mapping:schemaInvalid');
        if (bad.length) {
          for (const x of bad) process.stderr.write(`${formatDiagnostic(x)}\n`);
          process.exitCode = 1;
          return;
        }
        fs.writeFileSync(target, `${JSON.stringify(pasted, null, 2)}\n`);
        process.stderr.write(`pasted ${s.rows.length} row(s) and ${s.tables.length} table(s) into ${target}\n`);
      }
      if (s.rows.length + s.tables.length === 0)
        process.stderr.write('The mapping knows every table and row of this release.\n');
    });
}

/** The mapping file with the suggested rows appended to their tables and the new tables at the end. */
export function pasteEntries(
  map: { tables: MapTable[] },
  entries: { rows: Record<string, MapRow[]>; tables: MapTable[] },
): { tables: MapTable[] } {
  const tables = map.tables.map((t) => ({ ...t, rows: [...t.rows, ...(entries.rows[t.id] ?? [])] }));
  return { ...map, tables: [...tables, ...entries.tables] };
}
