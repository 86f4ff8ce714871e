/**
 * Conformance runner for XBRL International's suites vendored in conformance/ (XBRL 2.1, XBRL
 * Dimensions 1.0): for every suite named in conformance/floors.json, reads the suite's index →
 * test cases → variations, runs every variation's entry documents (readMeFirst="true") through the
 * validator in this one process, compares the verdict — and, where the suite names error codes, the
 * code — with the suite's, prints a table per suite and section and the failures, writes a JSON
 * result, and exits 1 when a suite passes fewer variations than its floor.
 *
 * Usage: node dist/bench/conformance.js [--suite NAME]... [--json FILE] [--floors FILE] [--filter TEXT] [--verbose]
 * Exit codes: 0 every suite at or above its floor, 1 one below it (or the validator threw on any
 * input), 2 usage or I/O problem.
 *
 * Instances are validated with Calculations 1.0 (as the suites assume), without the project's own
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
  suite: string;
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

/**
 * The suite's index: the file at the top of its folder whose root is `testcases` (`xbrl.xml` for
 * XBRL 2.1, `xdt.xml` for Dimensions).
 */
export function suiteIndex(dir: string): string | undefined {
  if (!fs.existsSync(dir)) return undefined;
  for (const f of fs.readdirSync(dir).sort()) {
    if (!f.endsWith('.xml')) continue;
    const { root } = parseXmlFile(path.join(dir, f));
    if (root?.local === 'testcases') return path.join(dir, f);
  }
  return undefined;
}

/**
 * The expected verdict: the XBRL 2.1 suite writes `<result expected="valid|invalid">`; the
 * Dimensions suite writes `<result/>` for a valid variation and `<result><error>code</error></result>`
 * for an invalid one.
 */
function expectation(result: XElement | undefined): { expected: 'valid' | 'invalid'; expectedCodes: string[] } {
  const expectedCodes = (result ? kids(result, 'error') : []).map((e) => e.text.trim()).filter(Boolean);
  const attr = result?.attrs.expected;
  const expected = attr === 'invalid' || (attr === undefined && expectedCodes.length) ? 'invalid' : 'valid';
  return { expected, expectedCodes };
}

/** Reads the index and every test case it lists (test cases commented out in the index are not run). */
export function readSuite(indexFile: string): Variation[] {
  const { root, diagnostics } = parseXmlFile(indexFile);
  if (!root) throw new Error(`cannot read ${indexFile}: ${diagnostics[0]?.message ?? 'no root'}`);
  const suite = path.basename(path.dirname(indexFile));
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
      out.push({
        suite,
        testcase: path.basename(uri, '.xml'),
        section,
        id: v.attrs.id ?? '',
        name: v.attrs.name ?? '',
        description: text(kids(v, 'description')[0]).replace(/\s+/g, ' '),
        entries,
        ...expectation(kids(v, 'result')[0]),
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

/**
 * Whether one of our codes is the code the suite names: the same code, the same condition under
 * another prefix (`xbrldte:X` and `…:X`), or, for the suites' generic XML Schema error
 * (`sche:XmlSchemaError`), any of our `xmlSchema:` findings.
 */
export function codeMatches(expected: string, ours: string): boolean {
  if (expected === ours) return true;
  const local = (c: string) => c.slice(c.lastIndexOf(':') + 1);
  if (local(expected) === 'XmlSchemaError') return ours.startsWith('xmlSchema:');
  return local(expected) === local(ours);
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
  const codeOk =
    v.expected === 'valid' ||
    v.expectedCodes.length === 0 ||
    v.expectedCodes.some((c) => codes.some((ours) => codeMatches(c, ours)));
  messages.push(...found.slice(0, 5).map((d) => `${d.code}: ${d.message}`));
  return { ...v, actual, pass: actual === v.expected && codeOk, codes, messages };
}

interface Args {
  suites: string[];
  json: string;
  floors: string;
  filter?: string;
  verbose: boolean;
}

function parseArgs(argv: string[]): Args {
  const root = packageRoot();
  const a: Args = {
    suites: [],
    json: path.join(root, 'dist', 'conformance-result.json'),
    floors: path.join(root, 'conformance', 'floors.json'),
    verbose: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i];
    const next = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${k} needs a value`);
      return v;
    };
    if (k === '--suite') a.suites.push(next());
    else if (k === '--json') a.json = next();
    else if (k === '--floors') a.floors = next();
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

function printTable(suite: string, outcomes: Outcome[], verbose: boolean): void {
  const pct = (p: number, t: number) => `${((100 * p) / Math.max(1, t)).toFixed(1)}%`;
  const w = (s: string, n: number) => s.padEnd(n);
  process.stdout.write(`\n${suite}\n${w('Section', 28)} ${w('Passed', 8)} ${w('Total', 6)} Rate\n`);
  for (const r of tally(outcomes, (o) => o.section))
    process.stdout.write(`${w(r.key, 28)} ${w(String(r.pass), 8)} ${w(String(r.total), 6)} ${pct(r.pass, r.total)}\n`);
  const all = outcomes.filter((o) => o.pass).length;
  process.stdout.write(
    `${w('All', 28)} ${w(String(all), 8)} ${w(String(outcomes.length), 6)} ${pct(all, outcomes.length)}\n`,
  );
  if (verbose) {
    process.stdout.write('\nBy test case:\n');
    for (const r of tally(outcomes, (o) => o.testcase))
      process.stdout.write(`  ${w(r.key, 58)} ${r.pass}/${r.total}\n`);
  }
}

function printFailures(outcomes: Outcome[], verbose: boolean): void {
  const failed = outcomes.filter((o) => !o.pass);
  if (failed.length) process.stdout.write(`\nFailures (${failed.length}):\n`);
  for (const o of failed) {
    const want = o.expectedCodes.length ? ` ${o.expectedCodes.join(' | ')}` : '';
    const got = o.codes.length ? ` [${o.codes.join(', ')}]` : '';
    process.stdout.write(`  ${o.testcase} ${o.id} (${o.name}): expected ${o.expected}${want}, got ${o.actual}${got}\n`);
    if (verbose) for (const m of o.messages) process.stdout.write(`      ${m}\n`);
  }
}

interface SuiteResult {
  suite: string;
  passed: number;
  total: number;
  floor: number;
  seconds: number;
  outcomes: Outcome[];
}

function runSuite(suite: string, dir: string, floor: number, args: Args): SuiteResult | string {
  const index = suiteIndex(dir);
  if (!index) return `no suite index (a testcases document) in ${dir}`;
  let variations = readSuite(index);
  if (args.filter) variations = variations.filter((v) => `${v.testcase} ${v.id}`.includes(args.filter as string));
  const started = Date.now();
  const outcomes = variations.map(runVariation);
  const seconds = (Date.now() - started) / 1000;
  if (outcomes.length) {
    printTable(suite, outcomes, args.verbose);
    printFailures(outcomes, args.verbose);
  }
  const passed = outcomes.filter((o) => o.pass).length;
  return { suite, passed, total: outcomes.length, floor, seconds, outcomes };
}

/** The floors: `{ "<suite folder>": <pass count CI requires>, … }`, one line per suite. */
function readFloors(file: string): Map<string, number> {
  const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
  const m = new Map<string, number>();
  for (const [k, v] of Object.entries(raw)) {
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) throw new Error(`floor of ${k} is not a count: ${v}`);
    m.set(k, v);
  }
  return m;
}

function writeJson(file: string, results: SuiteResult[]): void {
  const json = results.map(({ outcomes, ...r }) => ({
    ...r,
    sections: tally(outcomes, (o) => o.section),
    testcases: tally(outcomes, (o) => o.testcase),
    variations: outcomes.map(({ testcase, id, name, expected, expectedCodes, actual, pass, codes }) => ({
      testcase,
      id,
      name,
      expected,
      expectedCodes,
      actual,
      pass,
      codes,
    })),
  }));
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify({ suites: json }, null, 2)}\n`);
}

/** The verdict over all suites: 0, or 1 when the validator threw or a suite is below its floor. */
function verdict(results: SuiteResult[], filtered: boolean): number {
  let status = 0;
  for (const r of results) {
    const crashes = r.outcomes.filter((o) => o.actual === 'crash').length;
    if (crashes) {
      process.stdout.write(
        `conformance: ${r.suite}: the validator threw on ${crashes} variation(s); it must report, never throw\n`,
      );
      status = 1;
    }
    if (!filtered && r.passed < r.floor) {
      process.stdout.write(`conformance: ${r.suite}: ${r.passed} is below the floor of ${r.floor}\n`);
      status = 1;
    }
  }
  return status;
}

function main(): number {
  let args: Args;
  let floors: Map<string, number>;
  try {
    args = parseArgs(process.argv.slice(2));
    floors = readFloors(args.floors);
  } catch (e) {
    process.stderr.write(`conformance: ${(e as Error).message}\n`);
    return 2;
  }
  const names = args.suites.length ? args.suites : [...floors.keys()];
  const results: SuiteResult[] = [];
  const started = Date.now();
  for (const name of names) {
    const dir = path.isAbsolute(name) ? name : path.join(path.dirname(args.floors), name);
    const r = runSuite(path.basename(dir), dir, floors.get(path.basename(dir)) ?? 0, args);
    if (typeof r === 'string') {
      process.stderr.write(`conformance: ${r}\n`);
      return 2;
    }
    results.push(r);
  }
  writeJson(args.json, results);
  process.stdout.write('\n');
  for (const r of results)
    process.stdout.write(
      `${r.suite}: ${r.passed} of ${r.total} variations pass (floor ${r.floor}) in ${r.seconds.toFixed(1)} s\n`,
    );
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  process.stdout.write(`all suites in ${seconds} s; result in ${path.relative(process.cwd(), args.json)}\n`);
  return verdict(results, args.filter !== undefined);
}

if (require.main === module) process.exitCode = main();
