/**
 * XBRL Dimensions 1.0 conformance score: runs every variation of the XDT suite's index (`xdt.xml`)
 * through the validator — instances by `validate()`, schemas and linkbases by the DTS loader and the
 * taxonomy checks — and compares the verdict and the expected error code with the suite's.
 * A variation expects an error when its result lists `<error>` codes (or says expected="invalid").
 *
 * Usage: node dist/bench/xdt-score.js SUITE_DIR/xdt.xml [--filter TEXT] [--verbose]
 * Prints a table per section (000/100/200/300) and every failure with the codes found.
 */
import path from 'node:path';
import { hasErrors, type Diagnostic } from '../src/model';
import { parseXmlFile, type XElement } from '../src/xml/read-xml';
import { validate } from '../src/validate';
import { loadDts } from '../src/taxonomy/load-dts';
import { checkTaxonomy } from '../src/validate/rules/taxonomy';

interface Variation {
  section: string;
  testcase: string;
  id: string;
  name: string;
  entries: { kind: string; file: string }[];
  codes: string[];
  invalid: boolean;
}

const kids = (e: XElement, local: string): XElement[] => e.children.filter((c) => c.local === local);

function readSuite(index: string): Variation[] {
  const root = parseXmlFile(index).root;
  if (!root) throw new Error(`cannot read ${index}`);
  const out: Variation[] = [];
  for (const tc of kids(root, 'testcase')) {
    const file = path.resolve(path.dirname(index), tc.attrs.uri);
    const doc = parseXmlFile(file).root;
    if (!doc) throw new Error(`cannot read ${file}`);
    for (const v of kids(doc, 'variation')) {
      const data = kids(v, 'data')[0];
      const entries = (data?.children ?? [])
        .filter((d) => d.attrs.readMeFirst === 'true')
        .map((d) => ({ kind: d.local, file: path.resolve(path.dirname(file), d.text.trim()) }));
      const result = kids(v, 'result')[0];
      const codes = (result ? kids(result, 'error') : []).map((e) => e.text.trim()).filter(Boolean);
      out.push({
        section: tc.attrs.uri.split('/')[0].slice(0, 3),
        testcase: path.basename(file, '.xml'),
        id: v.attrs.id ?? '',
        name: v.attrs.name ?? '',
        entries,
        codes,
        invalid: codes.length > 0 || result?.attrs.expected === 'invalid',
      });
    }
  }
  return out;
}

const blocking = (ds: Diagnostic[]) => ds.filter((d) => d.severity === 'error' || d.severity === 'inconsistency');

function runEntry(kind: string, file: string): Diagnostic[] {
  if (kind === 'instance') {
    const r = validate(file, { calc: 'c10', packages: [], skip: ['duplicates', 'rollforward'] });
    const ds = [...r.diagnostics];
    if (r.dts) ds.push(...checkTaxonomy(r.dts, { languages: [] }));
    return blocking(ds);
  }
  const loaded = loadDts([file], { baseFile: file, packages: [], entryExpect: kind === 'linkbase' ? 'any' : 'schema' });
  return blocking([...loaded.diagnostics, ...checkTaxonomy(loaded.dts, { languages: [] })]);
}

function main(argv: string[]): void {
  const index = argv[0];
  const filter = argv.includes('--filter') ? argv[argv.indexOf('--filter') + 1] : undefined;
  const verbose = argv.includes('--verbose');
  const table = new Map<string, { pass: number; total: number }>();
  const failures: string[] = [];
  const t0 = Date.now();
  for (const v of readSuite(index)) {
    if (filter && !`${v.testcase} ${v.id} ${v.name}`.includes(filter)) continue;
    let found: Diagnostic[] = [];
    let crash = '';
    for (const e of v.entries) {
      try {
        found = found.concat(runEntry(e.kind, e.file));
      } catch (err) {
        crash = (err as Error).stack?.split('\n').slice(0, 3).join(' | ') ?? String(err);
      }
    }
    const codes: string[] = [...new Set(found.map((d) => d.code))];
    const invalid = hasErrors(found);
    const pass = !crash && invalid === v.invalid && (!v.invalid || v.codes.some((c) => codes.includes(c)));
    const row = table.get(v.section) ?? { pass: 0, total: 0 };
    row.total++;
    if (pass) row.pass++;
    table.set(v.section, row);
    if (!pass || verbose) {
      const why =
        crash ||
        found
          .slice(0, 3)
          .map((d) => `${d.code}: ${d.message}`)
          .join(' / ');
      failures.push(
        `${pass ? 'ok  ' : 'FAIL'} ${v.testcase} ${v.id} ${v.name}: expected ${v.invalid ? v.codes.join(',') || 'invalid' : 'valid'}, found ${codes.join(',') || 'valid'}${why ? ` — ${why}` : ''}`,
      );
    }
  }
  for (const f of failures) console.log(f);
  let pass = 0;
  let total = 0;
  for (const [s, r] of [...table].sort()) {
    console.log(`${s}  ${r.pass}/${r.total}`);
    pass += r.pass;
    total += r.total;
  }
  console.log(`total ${pass}/${total} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
}

main(process.argv.slice(2));
