/**
 * XBRL 2.1 conformance runner: reads the suite's index (`xbrl.xml`) → test cases → variations,
 * runs every variation's entry documents (readMeFirst="true") through the validator in this one
 * process, compares the verdict (and the expected error code, where a variation names one) with
 * the suite's, prints a table per section and the failures, writes a JSON result, and exits 1
 * when fewer variations pass than the floor stored in conformance/floor.json.
 *
 * Usage: node dist/bench/conformance.js [--suite DIR] [--json FILE] [--floor FILE] [--filter TEXT] [--verbose]
 * Exit codes: 0 at or above the floor, 1 below it (or when the validator threw on any input), 2 usage or I/O problem.
 *
 * Instances are validated with Calculations 1.0 (as the suite assumes), without the project's own
 * rules (duplicates, roll-forwards); schema and linkbase entries go through the DTS loader and the
 * taxonomy checks, without the house rule that every concept has an English label.
 */
import fs from 'node:fs';
import path from 'node:path';
import { hasErrors, type Diagnostic } from '../src/model';
import { parseXmlFile, type XElement } from '../src/xml/read-xml';
import { validate } from '../src/validate';
import { loadDts } from '../src/taxonomy/load-dts';
import { checkTaxonomy } from '../src/validate/rules/taxonomy';
import { packageRoot } from '../src/util/paths';

export interface Variation {
  testcase: string;
  section: string;
  id: string;
  name: string;
  description: string;
  entries: { kind: string; file: string }[];
  expected: 'valid' | 'invalid';
  expectedCodes: string[];
}

export interface Outcome extends Variation {
  actual: 'valid' | 'invalid' | 'crash';
  pass: boolean;
  codes: string[];
  messages: string[];
}

const text = (e: XElement | undefined): string => (e ? (e.text + e.children.map((c) => text(c)).join('')).trim() : '');
const kids = (e: XElement, local: string): XElement[] => e.children.filter((c) => c.local === local);

/** Reads the index and every test case it lists. */
export function readSuite(indexFile: string): Variation[] {
  const { root, diagnostics } = parseXmlFile(indexFile);
  if (!root) throw new Error(`cannot read ${indexFile}: ${diagnostics[0]?.message ?? 'no root'}`);
  const out: Variation[] = [];
  for (const tc of kids(root, 'testcase')) {
    const uri = tc.attrs.uri;
    const file = path.resolve(path.dirname(indexFile), uri);
    const parsed = parseXmlFile(file).root;
    if (!parsed) throw new Error(`cannot read test case ${uri}`);
    const section = uri.replace(/^Common\//, '').split('/')[0] ?? '';
    for (const v of kids(parsed, 'variation')) {
      const data = kids(v, 'data')[0];
      const entries = (data?.children ?? [])
        .filter((d) => d.attrs.readMeFirst === 'true')
        .map((d) => ({ kind: d.local, file: path.resolve(path.dirname(file), d.text.trim()) }));
      const result = kids(v, 'result')[0];
      const expected = result?.attrs.expected === 'invalid' ? 'invalid' : 'valid';
      const expectedCodes = (result ? kids(result, 'error') : []).map((e) => e.text.trim()).filter(Boolean);
      out.push({
        testcase: path.basename(uri, '.xml'),
        section,
        id: v.attrs.id ?? '',
        name: v.attrs.name ?? '',
        description: text(kids(v, 'description')[0]).replace(/\s+/g, ' '),
        entries,
        expected,
        expectedCodes,
      });
    }
  }
  return out;
}

/** The findings that decide a verdict: errors and inconsistencies. */
const blocking = (ds: Diagnostic[]): Diagnostic[] =>
  ds.filter((d) => d.severity === 'error' || d.severity === 'inconsistency');

/** The suite directory (`XBRL-…`) a test file is in, or its own directory. */
function suiteRoot(file: string): string {
  for (let d = path.dirname(path.resolve(file)); d !== path.dirname(d); d = path.dirname(d))
    if (path.basename(d).startsWith('XBRL-')) return d;
  return path.dirname(path.resolve(file));
}

/** Runs one entry document; returns the blocking findings. */
export function runEntry(kind: string, file: string): Diagnostic[] {
  if (kind === 'instance') {
    // A conformance suite is one input: its instances may name schemas anywhere in it (../../lib/…).
    const r = validate(file, {
      calc: 'c10',
      packages: [],
      skip: ['duplicates', 'rollforward'],
      allowDirs: [suiteRoot(file)],
    });
    const ds = [...r.diagnostics];
    if (r.dts) ds.push(...checkTaxonomy(r.dts, { languages: [] }));
    return blocking(ds);
  }
  const loaded = loadDts([file], {
    baseFile: file,
    packages: [],
    entryExpect: kind === 'linkbase' ? 'linkbase' : 'schema',
  });
  return blocking([...loaded.diagnostics, ...checkTaxonomy(loaded.dts, { languages: [] })]);
}

export function runVariation(v: Variation): Outcome {
  let found: Diagnostic[] = [];
  let crashed = false;
  const messages: string[] = [];
  for (const e of v.entries) {
    try {
      found = found.concat(runEntry(e.kind, e.file));
    } catch (err) {
      crashed = true;
      messages.push(`crash: ${(err as Error).stack?.split('\n').slice(0, 3).join(' | ')}`);
    }
  }
  const actual = crashed ? 'crash' : hasErrors(found) ? 'invalid' : 'valid';
  const codes: string[] = [...new Set(found.map((d) => d.code))];
  const codeOk = v.expectedCodes.length === 0 || v.expectedCodes.some((c) => codes.includes(c));
  messages.push(...found.slice(0, 5).map((d) => `${d.code}: ${d.message}`));
  return { ...v, actual, pass: actual === v.expected && codeOk, codes, messages };
}

interface Args {
  suite: string;
  json: string;
  floor: string;
  filter?: string;
  verbose: boolean;
}

function parseArgs(argv: string[]): Args {
  const root = packageRoot();
  const a: Args = {
    suite: path.join(root, 'conformance', 'XBRL-CONF-2014-12-10'),
    json: path.join(root, 'dist', 'conformance-result.json'),
    floor: path.join(root, 'conformance', 'floor.json'),
    verbose: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i];
    const next = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${k} needs a value`);
      return v;
    };
    if (k === '--suite') a.suite = next();
    else if (k === '--json') a.json = next();
    else if (k === '--floor') a.floor = next();
    else if (k === '--filter') a.filter = next();
    else if (k === '--verbose') a.verbose = true;
    else throw new Error(`unknown option ${k}`);
  }
  return a;
}

/** Per-section counts, in suite order. */
export function tally(
  outcomes: Outcome[],
  key: (o: Outcome) => string,
): { key: string; pass: number; total: number }[] {
  const m = new Map<string, { key: string; pass: number; total: number }>();
  for (const o of outcomes) {
    const k = key(o);
    const row = m.get(k) ?? { key: k, pass: 0, total: 0 };
    row.total++;
    if (o.pass) row.pass++;
    m.set(k, row);
  }
  return [...m.values()];
}

function printReport(outcomes: Outcome[], verbose: boolean): void {
  const pct = (p: number, t: number) => `${((100 * p) / Math.max(1, t)).toFixed(1)}%`;
  const w = (s: string, n: number) => s.padEnd(n);
  process.stdout.write(`${w('Section', 20)} ${w('Passed', 8)} ${w('Total', 6)} Rate\n`);
  for (const r of tally(outcomes, (o) => o.section))
    process.stdout.write(`${w(r.key, 20)} ${w(String(r.pass), 8)} ${w(String(r.total), 6)} ${pct(r.pass, r.total)}\n`);
  const all = outcomes.filter((o) => o.pass).length;
  process.stdout.write(
    `${w('All', 20)} ${w(String(all), 8)} ${w(String(outcomes.length), 6)} ${pct(all, outcomes.length)}\n`,
  );
  if (verbose) {
    process.stdout.write('\nBy test case:\n');
    for (const r of tally(outcomes, (o) => o.testcase))
      process.stdout.write(`  ${w(r.key, 58)} ${r.pass}/${r.total}\n`);
  }
  const failed = outcomes.filter((o) => !o.pass);
  if (failed.length) process.stdout.write(`\nFailures (${failed.length}):\n`);
  for (const o of failed) {
    process.stdout.write(
      `  ${o.testcase} ${o.id} (${o.name}): expected ${o.expected}, got ${o.actual}${o.codes.length ? ` [${o.codes.join(', ')}]` : ''}\n`,
    );
    if (verbose) for (const m of o.messages) process.stdout.write(`      ${m}\n`);
  }
}

function main(): number {
  let args: Args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`conformance: ${(e as Error).message}\n`);
    return 2;
  }
  const index = path.join(args.suite, 'xbrl.xml');
  if (!fs.existsSync(index)) {
    process.stderr.write(`conformance: no suite index at ${index}\n`);
    return 2;
  }
  let variations = readSuite(index);
  if (args.filter) variations = variations.filter((v) => `${v.testcase} ${v.id}`.includes(args.filter as string));
  const started = Date.now();
  const outcomes = variations.map(runVariation);
  const seconds = (Date.now() - started) / 1000;
  printReport(outcomes, args.verbose);
  const passed = outcomes.filter((o) => o.pass).length;
  let floor: number;
  try {
    floor = Number(JSON.parse(fs.readFileSync(args.floor, 'utf8')).passed);
  } catch (e) {
    process.stderr.write(`conformance: cannot read the floor ${args.floor}: ${(e as Error).message}\n`);
    return 2;
  }
  const result = {
    suite: path.basename(args.suite),
    passed,
    total: outcomes.length,
    floor,
    seconds,
    sections: tally(outcomes, (o) => o.section),
    testcases: tally(outcomes, (o) => o.testcase),
    variations: outcomes.map(({ testcase, id, name, expected, actual, pass, codes }) => ({
      testcase,
      id,
      name,
      expected,
      actual,
      pass,
      codes,
    })),
  };
  fs.mkdirSync(path.dirname(args.json), { recursive: true });
  fs.writeFileSync(args.json, `${JSON.stringify(result, null, 2)}\n`);
  process.stdout.write(
    `\n${passed} of ${outcomes.length} variations pass (floor ${floor}) in ${seconds.toFixed(1)} s; result in ${path.relative(process.cwd(), args.json)}\n`,
  );
  const crashes = outcomes.filter((o) => o.actual === 'crash');
  if (crashes.length) {
    process.stdout.write(
      `conformance: the validator threw on ${crashes.length} variation(s); it must report, never throw\n`,
    );
    return 1;
  }
  if (!args.filter && passed < floor) {
    process.stdout.write(`conformance: ${passed} is below the floor of ${floor}\n`);
    return 1;
  }
  return 0;
}

if (require.main === module) process.exitCode = main();
