import fs from 'node:fs';
import { diag, hasErrors, type SchemaDefaults, type Concept, type Diagnostic, type Dts, type Report } from '../model';
import { fromXbrlXml, type ReadResult } from '../instance/from-xbrl-xml';
import { fromXbrlJson } from '../oim/from-xbrl-json';
import { loadDts } from '../taxonomy/load-dts';
import type { Rule, RuleContext } from './context';
import { xbrl21 } from './rules/xbrl21';
import { duplicates } from './rules/duplicates';
import { calculation } from './rules/calculation';
import { rollforward } from './rules/rollforward';
import { essenceAlias } from './rules/essence-alias';
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

export const RULES: Record<string, Rule> = { xbrl21, duplicates, calculation, rollforward, essenceAlias };

/** Reads an instance: xBRL-JSON when it starts with `{`, XBRL 2.1 XML otherwise. */
export function readInstance(file: string, maxBytes?: number, defaults?: SchemaDefaults): { report?: Report; diagnostics: Diagnostic[]; xml?: ReadResult } {
  let head = '';
  try {
    const fd = fs.openSync(file, 'r');
    const b = Buffer.alloc(64);
    const n = fs.readSync(fd, b, 0, 64, 0);
    fs.closeSync(fd);
    head = b.subarray(0, n).toString('utf8').replace(/^\uFEFF/, '').trimStart();
  } catch (e) {
    return { diagnostics: [diag('io:fileNotFound', 'error', `Cannot read ${file}: ${(e as NodeJS.ErrnoException).code}.`, { source: { file, line: 1, column: 1 } })] };
  }
  if (head.startsWith('{')) return fromXbrlJson(file);
  const xml = fromXbrlXml(file, file, { maxBytes, defaults });
  return { report: xml.report, diagnostics: xml.diagnostics, xml };
}

/**
 * Validates an XBRL 2.1 instance (XML) or an xBRL-JSON report against the DTS it references:
 * XBRL 2.1 rules, duplicates, calculations (Calc 1.1 round-to-nearest or Calc 1.0) and roll-forwards.
 */
export function validate(file: string, options: ValidateOptions = {}): ValidateResult {
  const read = readInstance(file, options.maxBytes);
  const diagnostics = [...read.diagnostics];
  if (!read.report) return { diagnostics, fatal: true };
  let report = read.report;
  if (!report.taxonomy.length) return { diagnostics, report, fatal: false };
  const loaded = loadDts(report.taxonomy, { baseFile: file, packages: options.packages, linkbaseHrefs: read.xml?.linkbaseRefs });
  diagnostics.push(...loaded.diagnostics);
  const dts = loaded.dts;
  // Rare: the DTS declares schema defaults (element or attribute values); read again with them applied.
  if (dts.defaults && read.xml) {
    const again = readInstance(file, options.maxBytes, dts.defaults);
    if (again.report) { read.xml = again.xml; read.report = again.report; report = again.report; }
  }
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
