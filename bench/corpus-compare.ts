/**
 * The public corpus (test/corpus/) read by this library and compared fact by fact with the facts
 * Arelle read from the same documents (the recorded dumps `<document>.arelle.json.gz` beside each
 * document, written by scripts/arelle-fact-dump.py). Prints per document set: Arelle's facts, ours,
 * identical, differing (by field), missing (Arelle has, we have not) and extra (we have, Arelle has not).
 *
 * Usage: node dist/bench/corpus-compare.js [--verbose] [--filter TEXT] [--corpus DIR]
 * Exit code 0; 2 on a usage or I/O problem. test/corpus/corpus.test.ts pins the same comparison.
 *
 * Both sides are brought to one shape (`Norm`): concept and members as Clark names, the value as a
 * string (null for xsi:nil; numbers compared as decimal values, so `1.0` and `1` agree), entity,
 * period as written, dimensions, unit measures, decimals, xml:lang on facts without a unit, and the
 * ids of the footnotes linked to the fact.
 * Facts are paired by id, then within one document and concept: equal ones first, then in document order.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Fact, InvalidFact, Report } from '../src/model';
import { isFilingContainer, openFiling } from '../src/docset';
import { readInstance } from '../src/validate';

export interface Norm {
  concept: string;
  id?: string;
  document?: string;
  line?: number;
  value?: string | null;
  entity?: { scheme: string; identifier: string };
  period?: { instant: string } | { start: string; end: string } | { forever: true };
  dimensions?: Record<string, string>;
  unit?: { numerators: string[]; denominators: string[] };
  decimals?: string;
  lang?: string;
  /** Ids of the footnotes linked to the fact (fact-footnote arcrole), sorted. */
  footnotes?: string[];
  tuple?: boolean;
  /** The fact is not valid (a transformation refused its text, or its context or unit is missing). */
  invalid?: string;
  contextRef?: string;
  unitRef?: string;
}

export interface FactSet {
  name: string;
  facts: Norm[];
}

export interface ArelleDump {
  document: string;
  arelle: string;
  sets: FactSet[];
}

export const FIELDS = [
  'value',
  'entity',
  'period',
  'dimensions',
  'unit',
  'decimals',
  'lang',
  'footnotes',
  'tuple',
  'invalid',
] as const;
export type Field = (typeof FIELDS)[number];

export interface Difference {
  field: Field;
  arelle: Norm;
  ours: Norm;
}

export interface SetComparison {
  document: string;
  set: string;
  arelle: number;
  ours: number;
  identical: number;
  differing: number;
  byField: Partial<Record<Field, number>>;
  differences: Difference[];
  missing: Norm[];
  extra: Norm[];
}

const DUMP = '.arelle.json.gz';
const DOC_EXT = /\.(xbrl|htm|html|xhtml|zip)$/i;

/** The corpus documents: every filing under `root` (one directory per source) that has an Arelle dump. */
export function corpusDocuments(root: string): string[] {
  const out: string[] = [];
  for (const source of fs.readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory()))
    for (const f of fs.readdirSync(path.join(root, source.name)).sort())
      if (DOC_EXT.test(f) && fs.existsSync(path.join(root, source.name, f + DUMP)))
        out.push(path.join(root, source.name, f));
  return out.sort();
}

export const readArelleDump = (doc: string): ArelleDump =>
  JSON.parse(zlib.gunzipSync(fs.readFileSync(doc + DUMP)).toString('utf8')) as ArelleDump;

const base = (f: string | undefined) => (f ? path.basename(f) : undefined);

export function normFact(f: Fact): Norm {
  const n: Norm = { concept: f.concept, document: base(f.source?.file), line: f.source?.line };
  if (f.id !== undefined) n.id = f.id;
  if (f.tuple) return { ...n, tuple: true };
  n.value = f.value;
  n.entity = { scheme: f.entity.scheme, identifier: f.entity.identifier };
  const p = f.period;
  n.period =
    p.type === 'instant'
      ? { instant: p.instant }
      : p.type === 'duration'
        ? { start: p.start, end: p.end }
        : { forever: true };
  const dims = f.dimensions && Object.keys(f.dimensions).filter((k) => k.startsWith('{'));
  if (dims?.length) n.dimensions = Object.fromEntries(dims.map((k) => [k, f.dimensions![k]]));
  if (f.unit) n.unit = { numerators: [...f.unit.numerators].sort(), denominators: [...f.unit.denominators].sort() };
  if (f.decimals !== undefined) n.decimals = String(f.decimals);
  if (f.language !== undefined) n.lang = f.language;
  if (f.footnotes?.length) n.footnotes = [...new Set(f.footnotes)].sort();
  return n;
}

export function normInvalid(f: InvalidFact): Norm {
  const n: Norm = { concept: f.concept, document: base(f.source?.file), line: f.source?.line, invalid: f.error };
  if (f.id !== undefined) n.id = f.id;
  if (f.language !== undefined) n.lang = f.language;
  if (f.contextId !== undefined) n.contextRef = f.contextId;
  if (f.unitId !== undefined) n.unitRef = f.unitId;
  return n;
}

export const normReport = (r: Report): Norm[] => [...r.facts.map(normFact), ...(r.invalidFacts ?? []).map(normInvalid)];

/** Our reading of one corpus document: its document sets (one for a single document), named as the Arelle dump names them. */
export function readOurs(doc: string): FactSet[] {
  if (!isFilingContainer(doc)) {
    const r = readInstance(doc);
    return [{ name: path.basename(doc), facts: r.report ? normReport(r.report) : [] }];
  }
  const filing = openFiling(doc);
  try {
    return filing.sets.map((s) => {
      const r = readInstance(s.files);
      const name = s.name.startsWith(doc + '/') ? s.name.slice(doc.length + 1) : s.name;
      return { name, facts: r.report ? normReport(r.report) : [] };
    });
  } finally {
    filing.close();
  }
}

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)$/;

/** A decimal's canonical form: `+01.50` and `1.5` are one xs:decimal value. */
export function canonicalDecimal(s: string): string {
  let t = s.trim();
  if (!DECIMAL.test(t)) return t;
  const neg = t.startsWith('-');
  t = t.replace(/^[+-]/, '');
  let [i, d = ''] = t.split('.');
  i = i.replace(/^0+(?=\d)/, '') || '0';
  d = d.replace(/0+$/, '');
  const out = d ? `${i}.${d}` : i;
  return neg && out !== '0' ? `-${out}` : out;
}

/** JSON with object keys sorted: `{scheme, identifier}` and `{identifier, scheme}` are one entity. */
const stable = (v: unknown): string =>
  v !== null && typeof v === 'object' && !Array.isArray(v)
    ? `{${Object.keys(v)
        .sort()
        .map((k) => `${JSON.stringify(k)}:${stable((v as Record<string, unknown>)[k])}`)
        .join(',')}}`
    : Array.isArray(v)
      ? `[${v.map(stable).join(',')}]`
      : JSON.stringify(v);
const same = (a: unknown, b: unknown) => stable(a) === stable(b);

/**
 * Not a valid fact: a transformation refused its text, or the context or unit it names is missing
 * (Arelle keeps such a fact in its model without a context or unit and reports ix11.10.1.2; we keep
 * it in `report.invalidFacts` with that code).
 */
export const isInvalid = (n: Norm): boolean =>
  n.invalid !== undefined ||
  (n.contextRef !== undefined && n.entity === undefined) ||
  (n.unitRef !== undefined && n.unit === undefined);

/** The fields in which two readings of one fact differ. */
export function differingFields(a: Norm, o: Norm): Field[] {
  const out: Field[] = [];
  const numeric = a.unit !== undefined || a.unitRef !== undefined;
  for (const field of FIELDS) {
    let x: unknown = a[field];
    let y: unknown = o[field];
    if (field === 'invalid') {
      x = isInvalid(a);
      y = isInvalid(o);
    } else if (isInvalid(a) || isInvalid(o)) continue; // an invalid fact has no value or aspects to compare
    if (field === 'value' && numeric && typeof x === 'string' && typeof y === 'string') {
      x = canonicalDecimal(x);
      y = canonicalDecimal(y);
    }
    if (field === 'lang' && numeric) continue; // xml:lang applies to non-numeric facts only
    if (field === 'dimensions' || field === 'tuple' || field === 'footnotes') {
      const none = field === 'tuple' ? false : field === 'footnotes' ? [] : {};
      x = x ?? none;
      y = y ?? none;
    }
    if (!same(x, y)) out.push(field);
  }
  return out;
}

/** Pairs Arelle's facts with ours and counts what agrees. */
export function compareSet(document: string, set: string, arelle: Norm[], ours: Norm[]): SetComparison {
  const c: SetComparison = {
    document,
    set,
    arelle: arelle.length,
    ours: ours.length,
    identical: 0,
    differing: 0,
    byField: {},
    differences: [],
    missing: [],
    extra: [],
  };
  const pairs: [Norm, Norm][] = [];
  const byId = new Map<string, Norm>();
  for (const o of ours) if (o.id !== undefined) byId.set(o.id, o);
  const used = new Set<Norm>();
  const rest: Norm[] = [];
  for (const a of arelle) {
    const o = a.id !== undefined ? byId.get(a.id) : undefined;
    if (o && !used.has(o) && o.concept === a.concept) {
      used.add(o);
      pairs.push([a, o]);
    } else rest.push(a);
  }
  const groups = new Map<string, Norm[]>();
  const key = (n: Norm) => `${n.document}\u0000${n.concept}`;
  for (const o of ours) if (!used.has(o)) (groups.get(key(o)) ?? groups.set(key(o), []).get(key(o))!).push(o);
  const unpaired: Norm[] = [];
  for (const a of rest) {
    const g = groups.get(key(a)) ?? [];
    const i = g.findIndex((o) => differingFields(a, o).length === 0);
    if (i >= 0) pairs.push([a, g.splice(i, 1)[0]]);
    else unpaired.push(a);
  }
  for (const a of unpaired) {
    const g = groups.get(key(a));
    if (g?.length) pairs.push([a, g.shift()!]);
    else c.missing.push(a);
  }
  for (const g of groups.values()) c.extra.push(...g);
  for (const [a, o] of pairs) {
    const fields = differingFields(a, o);
    if (!fields.length) {
      c.identical++;
      continue;
    }
    c.differing++;
    for (const field of fields) {
      c.byField[field] = (c.byField[field] ?? 0) + 1;
      c.differences.push({ field, arelle: a, ours: o });
    }
  }
  return c;
}

/** Every document set of every corpus document compared. */
export function compareCorpus(root: string, filter?: string): SetComparison[] {
  const out: SetComparison[] = [];
  for (const doc of corpusDocuments(root)) {
    if (filter && !doc.includes(filter)) continue;
    const dump = readArelleDump(doc);
    const ours = new Map(readOurs(doc).map((s) => [s.name, s.facts]));
    const rel = path.relative(root, doc);
    for (const s of dump.sets) out.push(compareSet(rel, s.name, s.facts, ours.get(s.name) ?? []));
    for (const [name, facts] of ours)
      if (!dump.sets.some((s) => s.name === name)) out.push(compareSet(rel, name, [], facts));
  }
  return out;
}

const short = (n: Norm, field: Field) =>
  JSON.stringify(field === 'value' && typeof n.value === 'string' ? n.value.slice(0, 160) : n[field]);

function main(): number {
  const args = process.argv.slice(2);
  const verbose = args.includes('--verbose');
  const at = (flag: string) => (args.includes(flag) ? args[args.indexOf(flag) + 1] : undefined);
  const root = at('--corpus') ?? path.join(__dirname, '..', '..', 'test', 'corpus');
  if (!fs.existsSync(root)) {
    console.error(`corpus-compare: no corpus at ${root}`);
    return 2;
  }
  const results = compareCorpus(root, at('--filter'));
  const total = { arelle: 0, ours: 0, identical: 0, differing: 0, missing: 0, extra: 0 };
  const fields: Partial<Record<Field, number>> = {};
  for (const r of results) {
    for (const k of Object.keys(total) as (keyof typeof total)[])
      total[k] += typeof r[k] === 'number' ? (r[k] as number) : (r[k] as Norm[]).length;
    for (const [f, n] of Object.entries(r.byField)) fields[f as Field] = (fields[f as Field] ?? 0) + n;
    const by = Object.entries(r.byField)
      .map(([f, n]) => `${f} ${n}`)
      .join(', ');
    console.log(
      `${r.document} ${r.set === path.basename(r.document) ? '' : r.set}\n  arelle ${r.arelle}, ours ${r.ours}, identical ${r.identical}, differing ${r.differing}${by ? ` (${by})` : ''}, missing ${r.missing.length}, extra ${r.extra.length}`,
    );
    if (!verbose) continue;
    for (const d of r.differences.slice(0, 20))
      console.log(
        `    ${d.field} ${d.arelle.id ?? d.arelle.concept} line ${d.arelle.line}: arelle ${short(d.arelle, d.field)} ours ${short(d.ours, d.field)}`,
      );
    for (const m of r.missing.slice(0, 10)) console.log(`    missing ${m.id ?? ''} ${m.concept} line ${m.line}`);
    for (const m of r.extra.slice(0, 10)) console.log(`    extra ${m.id ?? ''} ${m.concept} line ${m.line}`);
  }
  const pct = total.arelle ? ((100 * total.identical) / total.arelle).toFixed(1) : '0';
  console.log(
    `\n${results.length} document sets: arelle ${total.arelle}, ours ${total.ours}, identical ${total.identical} (${pct}%), differing ${total.differing} (${Object.entries(
      fields,
    )
      .map(([f, n]) => `${f} ${n}`)
      .join(', ')}), missing ${total.missing}, extra ${total.extra}`,
  );
  return 0;
}

if (require.main === module) process.exitCode = main();
