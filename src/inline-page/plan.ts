import Decimal from 'decimal.js';
import type { Diagnostic, Release } from '../model';
import { readDateText, readNumber } from '../release';
import type { TaxonomySource } from '../mapping/taxonomy-source';
import type { MappedFact, Occurrence } from '../mapping/types';
import { contextId, unitId } from '../xbrl/aspects';

export interface Tag {
  id: string;
  element: 'ix:nonFraction' | 'ix:nonNumeric';
  fact: MappedFact;
  occurrence?: Occurrence;
  attrs: Record<string, string>;
}

/** A figure cell: the tag and the printed text around the tagged digits (`(` … `)`, `▲`, `%`). */
export interface CellTag extends Tag {
  before: string;
  inner: string;
  after: string;
}

/** A tagged stretch of a text line, by raw character offsets into the release line. */
export interface TextTag extends Tag {
  line: number;
  start: number;
  end: number;
}

export interface UntaggedCell {
  fact: MappedFact;
  occurrence: Occurrence;
  finding: Diagnostic;
}

export interface DocPlan {
  lang: 'en' | 'ja';
  /** `line:column` of a figure cell → its tag. */
  cells: Map<string, CellTag>;
  /** Occurrences the converter found inconsistent with the fact: shown, not tagged. */
  untagged: Map<string, UntaggedCell>;
  /** Release line → tags in that line's text. */
  text: Map<number, TextTag[]>;
  /** Facts the part does not print where a tag can stand: carried in `ix:hidden`. */
  hidden: Tag[];
  /** Fact id → ids of every tag of it in the document. */
  tagsOfFact: Map<string, string[]>;
  /** `line:column` → release-check findings at that place. */
  findings: Map<string, Diagnostic[]>;
}

export const at = (line: number, column: number): string => `${line}:${column}`;

/**
 * Name, context and unit; for text facts also the language, which in Inline XBRL is inherited from
 * the page (`xml:lang` of <html>): a fact of another language says so, and a fact without one (a
 * ticker, a date, a CIK) clears it, so that each fact has the language it has in the XML instance.
 */
function factAttrs(f: MappedFact, tax: TaxonomySource, lang: string): Record<string, string> {
  const a: Record<string, string> = { name: `${tax.prefix}:${f.name}`, contextRef: contextId(f.period) };
  if (f.unit) a.unitRef = unitId(f.unit);
  else if ((f.language ?? '') !== lang) a['xml:lang'] = f.language ?? '';
  return a;
}

/** `(566,520)` → before `(`, inner `566,520`, after `)`; `-` → inner `-`. */
function splitPrinted(printed: string): { before: string; inner: string; after: string } | undefined {
  const t = printed.trim();
  const fig = readNumber(t);
  if (fig.kind === 'dash') return { before: '', inner: t, after: '' };
  if (fig.kind !== 'number' || fig.percent) return undefined;
  const m = /\d[\d,]*(\.\d+)?/.exec(t);
  if (!m) return undefined;
  return { before: t.slice(0, m.index), inner: m[0], after: t.slice(m.index + m[0].length) };
}

/** An unsigned decimal string without leading zeros or trailing fraction zeros (`007.50` → `7.5`). */
function canonical(d: string): string {
  let [i, f = ''] = d.split('.');
  i = i.replace(/^0+(?=\d)/, '');
  f = f.replace(/0+$/, '');
  return f ? `${i}.${f}` : i;
}

/** `digits` × 10^scale, exactly, as a canonical decimal string (string arithmetic: no floats, no allocation-heavy decimals per cell). */
function shifted(digits: string, scale: number): string {
  const [i, f = ''] = digits.split('.');
  let all = i + f;
  let point = i.length + scale;
  if (point > all.length) all += '0'.repeat(point - all.length);
  if (point < 0) {
    all = '0'.repeat(-point) + all;
    point = 0;
  }
  return canonical(`${all.slice(0, point) || '0'}.${all.slice(point)}`);
}

/** The ix:nonFraction attributes for a printed figure; checks that the tag yields the fact's stated value. */
function cellTag(f: MappedFact, o: Occurrence, tax: TaxonomySource, lang: string, id: string): CellTag | undefined {
  const parts = splitPrinted(o.printed);
  if (!parts || !f.unit) return undefined;
  const dash = readNumber(parts.inner).kind === 'dash';
  const places = dash ? 0 : (parts.inner.split('.')[1]?.length ?? 0);
  const scale = places - o.decimals;
  const shown = dash ? '0' : shifted(parts.inner.replace(/,/g, ''), scale);
  if (shown !== canonical(o.value.replace(/^-/, '')))
    throw new Error(`internal: tag of ${o.printed} at ${o.line}:${o.col} would read ${shown}, not ${o.value}`);
  const negative = o.value.startsWith('-') && shown !== '0';
  const attrs = {
    ...factAttrs(f, tax, lang),
    id,
    decimals: String(o.decimals),
    scale: String(scale),
    format: dash ? 'ixt:fixed-zero' : 'ixt:num-dot-decimal',
  };
  if (negative) Object.assign(attrs, { sign: '-' });
  return { id, element: 'ix:nonFraction', fact: f, occurrence: o, attrs, ...parts };
}

const DATE_TEXT: { re: RegExp; format: string }[] = [
  { re: /[A-Z][a-z]+\.? \d{1,2}, \d{4}/g, format: 'ixt:date-monthname-day-year-en' },
  { re: /\d{4}年\d{1,2}月\d{1,2}日/g, format: 'ixt:date-year-month-day' },
  { re: /\d{4}\/\d{1,2}\/\d{1,2}/g, format: 'ixt:date-year-month-day' },
];

/** Where in a text line the fact's value stands, and how to read it; undefined if it cannot be tagged there. */
function textTag(
  f: MappedFact,
  o: Occurrence,
  release: Release,
  tax: TaxonomySource,
  lang: string,
  id: string,
): TextTag | undefined {
  const raw = release.lines[o.line - 1] ?? '';
  const m0 = o.col - 1;
  if (raw.slice(m0, m0 + o.printed.length) !== o.printed) return undefined;
  const kind = tax.concepts.get(f.name)?.type;
  const base = { id, fact: f, occurrence: o, line: o.line };
  if (kind === 'date') {
    for (const { re, format } of DATE_TEXT) {
      for (const m of o.printed.matchAll(re)) {
        if (readDateText(m[0]) === o.value) {
          const start = m0 + (m.index ?? 0);
          return {
            ...base,
            element: 'ix:nonNumeric',
            start,
            end: start + m[0].length,
            attrs: { ...factAttrs(f, tax, lang), id, format },
          };
        }
      }
    }
    return undefined;
  }
  const k = o.printed.indexOf(o.value);
  if (k < 0 || o.value === '') return undefined;
  const start = m0 + k;
  const end = start + o.value.length;
  if (f.unit) {
    if (!/^\d+(\.\d+)?$/.test(o.value)) return undefined;
    return {
      ...base,
      element: 'ix:nonFraction',
      start,
      end,
      attrs: {
        ...factAttrs(f, tax, lang),
        id,
        decimals: String(o.decimals),
        scale: '0',
        format: 'ixt:num-dot-decimal',
      },
    };
  }
  const attrs: Record<string, string> = { ...factAttrs(f, tax, lang), id };
  return { ...base, element: 'ix:nonNumeric', start, end, attrs };
}

/** A fact in `ix:hidden`: its value as written in the XML instance. */
function hiddenTag(f: MappedFact, tax: TaxonomySource, lang: string, id: string): Tag {
  const attrs: Record<string, string> = { ...factAttrs(f, tax, lang), id };
  if (f.unit) {
    attrs.decimals = String(f.decimals);
    if (f.value !== null && new Decimal(f.value).isNegative() && !new Decimal(f.value).isZero()) attrs.sign = '-';
  }
  return { id, element: f.unit ? 'ix:nonFraction' : 'ix:nonNumeric', fact: f, attrs };
}

/**
 * Decides, for the document in `lang`, where each fact is tagged: every figure cell of the part
 * that states a fact (all duplicates: millions and thousands, tables and statements), the text
 * lines that state document information, and `ix:hidden` for facts the part does not print.
 * Occurrences the converter found inconsistent are left untagged.
 */
export function planDocument(
  lang: 'en' | 'ja',
  release: Release,
  facts: MappedFact[],
  diagnostics: Diagnostic[],
  tax: TaxonomySource,
): DocPlan {
  const findings = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) {
    if (!d.source) continue;
    const k = at(d.source.line, d.source.column);
    findings.set(k, [...(findings.get(k) ?? []), d]);
  }
  const plan: DocPlan = {
    lang,
    cells: new Map(),
    untagged: new Map(),
    text: new Map(),
    hidden: [],
    tagsOfFact: new Map(),
    findings,
  };
  for (const f of facts) {
    const ids: string[] = [];
    const occs = f.provenance
      .filter((o) => o.lang === lang && o.table !== 'configuration')
      .sort((a, b) => a.line - b.line || a.col - b.col);
    for (const o of occs) {
      const k = at(o.line, o.col);
      const id = `${f.id}.${ids.length + 1}`;
      if (o.table === 'text') {
        const tag = textTag(f, o, release, tax, lang, id);
        if (!tag) continue;
        const line = plan.text.get(o.line) ?? [];
        if (line.some((t) => t.start < tag.end && tag.start < t.end)) continue;
        line.push(tag);
        plan.text.set(o.line, line);
        ids.push(id);
        continue;
      }
      const bad = findings.get(k)?.find((d) => d.code === 'release:inconsistentDuplicate');
      if (bad) {
        plan.untagged.set(k, { fact: f, occurrence: o, finding: bad });
        continue;
      }
      const tag = cellTag(f, o, tax, lang, id);
      if (!tag) continue;
      plan.cells.set(k, tag);
      ids.push(id);
    }
    if (ids.length === 0) {
      const tag = hiddenTag(f, tax, lang, `${f.id}.h`);
      plan.hidden.push(tag);
      ids.push(tag.id);
    }
    plan.tagsOfFact.set(f.id, ids);
  }
  return plan;
}
