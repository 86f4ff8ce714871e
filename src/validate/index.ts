import fs from 'node:fs';
import { diag, hasErrors, type Concept, type Diagnostic, type Dts, type Report } from '../model';
import { fromXbrlXml, type ReadResult } from '../instance/from-xbrl-xml';
import { fromXbrlJson } from '../oim/from-xbrl-json';
import { readInlineXbrl } from './read/ixbrl';
import { loadDts } from '../taxonomy/load-dts';
import type { Rule, RuleContext } from './context';
import { xbrl21 } from './rules/xbrl21';
import { duplicates } from './rules/duplicates';
import { calculation } from './rules/calculation';
import { rollforward } from './rules/rollforward';
import { checkTaxonomy, type TaxonomyCheckOptions } from './rules/taxonomy';

export interface ValidateOptions {
  calc?: 'c11r' | 'c10' | 'none';
  /** Taxonomy package directories; default: the project's taxonomy/. */
  packages?: string[];
  /** Skip rules (by name: xbrl21, duplicates, calculation, rollforward). */
  skip?: string[];
  maxBytes?: number;
}

export interface ValidateResult {
  diagnostics: Diagnostic[];
  report?: Report;
  dts?: Dts;
  /** Diagnostics that stop validation early (unreadable file, no DTS) are I/O or usage problems. */
  fatal: boolean;
}

export const RULES: Record<string, Rule> = { xbrl21, duplicates, calculation, rollforward };

export type InstanceKind = 'json' | 'inline' | 'xml';

/** What a file is: xBRL-JSON when it starts with `{`, Inline XBRL when it is .xhtml/.html or declares the ix namespace, else XBRL 2.1 XML. */
export function sniffInstance(file: string): { kind?: InstanceKind; diagnostics: Diagnostic[] } {
  let head = '';
  try {
    const fd = fs.openSync(file, 'r');
    const b = Buffer.alloc(8192);
    const n = fs.readSync(fd, b, 0, 8192, 0);
    fs.closeSync(fd);
    head = b.subarray(0, n).toString('utf8').replace(/^\uFEFF/, '').trimStart();
  } catch (e) {
    return { diagnostics: [diag('io:fileNotFound', 'error', `Cannot read ${file}: ${(e as NodeJS.ErrnoException).code}.`, { source: { file, line: 1, column: 1 } })] };
  }
  if (head.startsWith('{')) return { kind: 'json', diagnostics: [] };
  if (/\.x?html?$/i.test(file) || /http:\/\/www\.xbrl\.org\/(2013|2008)\/inlineXBRL["']/.test(head)) return { kind: 'inline', diagnostics: [] };
  return { kind: 'xml', diagnostics: [] };
}

/**
 * Reads an instance: xBRL-JSON, Inline XBRL or XBRL 2.1 XML (see `sniffInstance`). Several files
 * are read as one Inline XBRL document set; each of them must be Inline XBRL.
 */
export function readInstance(files: string | string[], maxBytes?: number): { report?: Report; diagnostics: Diagnostic[]; xml?: ReadResult } {
  const list = typeof files === 'string' ? [files] : files;
  const kinds = list.map(sniffInstance);
  const unreadable = kinds.flatMap((k) => k.diagnostics);
  if (unreadable.length) return { diagnostics: unreadable };
  if (list.length > 1 || kinds[0].kind === 'inline') {
    const other = list.find((_f, i) => kinds[i].kind !== 'inline');
    if (other) return { diagnostics: [diag('io:notInlineXbrl', 'error', `${other} is not an Inline XBRL document; only Inline XBRL documents can be read together as one document set.`, { source: { file: other, line: 1, column: 1 } })] };
    const ix = readInlineXbrl(list, { maxBytes });
    return { report: ix.report, diagnostics: ix.diagnostics, xml: ix };
  }
  if (kinds[0].kind === 'json') return fromXbrlJson(list[0]);
  const xml = fromXbrlXml(list[0], list[0], { maxBytes });
  return { report: xml.report, diagnostics: xml.diagnostics, xml };
}

/**
 * Validates an XBRL 2.1 instance (XML), an xBRL-JSON report or an Inline XBRL document (several
 * given together: one document set) against the DTS it references: XBRL 2.1 rules, duplicates,
 * calculations (Calc 1.1 round-to-nearest or Calc 1.0) and roll-forwards.
 */
export function validate(files: string | string[], options: ValidateOptions = {}): ValidateResult {
  const file = typeof files === 'string' ? files : files[0];
  const read = readInstance(files, options.maxBytes);
  const diagnostics = [...read.diagnostics];
  if (!read.report) return { diagnostics, fatal: true };
  const report = read.report;
  if (!report.taxonomy.length) return { diagnostics, report, fatal: false };
  const loaded = loadDts(report.taxonomy, { baseFile: file, packages: options.packages });
  diagnostics.push(...loaded.diagnostics);
  const dts = loaded.dts;
  if (hasErrors(loaded.diagnostics) && dts.concepts.size === 0) return { diagnostics, report, dts, fatal: false };
  const ctx: RuleContext = {
    report, dts, file, calc: options.calc ?? 'c11r',
    contexts: read.xml?.contexts, units: read.xml?.units,
    concept: (n: string): Concept | undefined => dts.concepts.get(n),
    push: (d) => diagnostics.push(d),
  };
  for (const [name, rule] of Object.entries(RULES)) if (!options.skip?.includes(name)) rule(ctx);
  return { diagnostics, report, dts, fatal: false };
}

/** `iij-xbrl taxonomy check`: load a taxonomy entry point (file path or URL) and check it. */
export function checkTaxonomyEntry(entry: string, options: TaxonomyCheckOptions & { packages?: string[] } = {}): { diagnostics: Diagnostic[]; dts: Dts } {
  const loaded = loadDts([entry], { baseFile: `${process.cwd()}/x`, packages: options.packages });
  return { diagnostics: [...loaded.diagnostics, ...checkTaxonomy(loaded.dts, options)], dts: loaded.dts };
}
