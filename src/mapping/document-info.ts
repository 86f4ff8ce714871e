import { clark, diag, type Diagnostic, type Entity, type Period, type Release } from '../model';
import { readDateText } from '../release';
import { cmp, parseQ, shiftDecimal } from '../util/exact';
import type { ReleaseMap } from './release-map';
import type { TaxonomySource } from './taxonomy-source';
import type { MapOptions, MappedFact, Occurrence } from './types';
import { unitFor } from './units';

const CJK = /[\u3040-\u30ff\u3400-\u9fff]/;

/**
 * The reporting period: the shortest duration ending on the date most tables end on (each table
 * votes with its latest date; a tie goes to the later date), so that one table whose header states
 * another period does not move the document's period (the period check reports that header).
 */
function currentPeriod(facts: MappedFact[]): Extract<Period, { type: 'duration' }> | undefined {
  const latest = new Map<string, string>();
  for (const f of facts) {
    const p = f.period;
    const end = p.type === 'duration' ? p.end : p.type === 'instant' ? p.instant : '';
    for (const o of f.provenance) if (end > (latest.get(o.table) ?? '')) latest.set(o.table, end);
  }
  const votes = new Map<string, number>();
  for (const end of latest.values()) votes.set(end, (votes.get(end) ?? 0) + 1);
  const [voted] = [...votes].reduce<[string, number]>(
    (a, b) => (b[1] > a[1] || (b[1] === a[1] && b[0] > a[0]) ? b : a),
    ['', 0],
  );
  return latestShortest(facts, voted) ?? latestShortest(facts);
}

/** The latest-ending, shortest duration among the facts (ending on `end` when given). */
function latestShortest(facts: MappedFact[], end?: string): Extract<Period, { type: 'duration' }> | undefined {
  let best: Extract<Period, { type: 'duration' }> | undefined;
  for (const f of facts) {
    const p = f.period;
    if (p.type !== 'duration' || (end && p.end !== end)) continue;
    if (!best || p.end > best.end || (p.end === best.end && p.start > best.start)) best = p;
  }
  return best;
}

interface Found {
  value: string;
  decimals?: number;
  instant?: string;
  occurrence: Occurrence;
}

type InfoRule = ReleaseMap['documentInfo'][number];
type Wanted = (lang: 'en' | 'ja') => boolean;

/**
 * Document and entity information read from the release's prose by the configured patterns
 * (company name, ticker, release date, the convenience rate), or given as configuration (CIK).
 * Every line a pattern matches is an occurrence; they must agree, and all are provenance.
 */
export function documentInfoFacts(
  release: Release,
  rmap: ReleaseMap,
  tax: TaxonomySource,
  entity: Entity,
  facts: MappedFact[],
  opts: MapOptions,
  diagnostics: Diagnostic[],
): MappedFact[] {
  const out: MappedFact[] = [];
  const current = currentPeriod(facts);
  if (!current) return out;
  const file = release.file;
  const wanted: Wanted = (lang) => opts.lang === 'both' || opts.lang === lang;
  for (const rule of rmap.documentInfo) {
    const concept = tax.concepts.get(rule.concept);
    if (!concept) {
      diagnostics.push(
        diag(
          'mapping:unknownConcept',
          'error',
          `documentInfo names concept ${rule.concept}, which the taxonomy does not declare.`,
          { source: { file, line: 1, column: 1 } },
        ),
      );
      continue;
    }
    const found = occurrencesOf(rule, release, current, entity, wanted);
    if (found.length === 0) {
      const stated = rule.statedIn ?? (rule.language ? [rule.language as 'en' | 'ja'] : ['en', 'ja']);
      if (rule.sources && stated.some((l) => wanted(l))) {
        diagnostics.push(
          diag('release:missingDocumentInfo', 'error', `Cannot find ${rule.concept} in the release text.`, {
            source: { file, line: 1, column: 1 },
            expected: `a line matching ${rule.sources.map((s) => `/${s.pattern}/`).join(' or ')}`,
            actual: 'no such line',
          }),
        );
      }
      continue;
    }
    if (!readValues(rule, found, file, diagnostics)) continue;
    const best = found[0];
    diagnostics.push(...disagreements(rule, found, file));
    const period: Period =
      concept.periodType === 'instant' ? { type: 'instant', instant: best.instant ?? current.end } : current;
    out.push({
      id: '',
      name: concept.name,
      concept: clark(tax.namespace, concept.name),
      entity,
      period,
      unit: rule.type === 'number' ? unitFor(concept.type, 'JPY', tax.namespace) : undefined,
      value: best.value,
      decimals: best.decimals,
      language: rule.language,
      footnotes: [],
      source: { file, line: best.occurrence.line, column: best.occurrence.col },
      provenance: found.map((f) => f.occurrence),
    });
  }
  diagnostics.push(...checkFocus(out, current, rmap.fiscalYearEndMonth, facts, file));
  return out;
}

/** Where the release states a rule's value: its configured value, then every line of a wanted language its patterns match. */
function occurrencesOf(
  rule: InfoRule,
  release: Release,
  current: { end: string },
  entity: Entity,
  wanted: Wanted,
): Found[] {
  const found: Found[] = [];
  const fill = (t: string) => t.replace('${periodEnd}', current.end).replace('${entityIdentifier}', entity.identifier);
  if (rule.value !== undefined) {
    found.push({
      value: fill(rule.value),
      occurrence: {
        table: 'configuration',
        tableTitle: 'mapping/document-info.json',
        lang: 'en',
        row: rule.concept,
        column: '',
        line: 1,
        col: 1,
        printed: rule.value,
        value: fill(rule.value),
        decimals: 0,
      },
    });
  }
  for (const src of rule.sources ?? []) {
    const re = new RegExp(src.pattern);
    release.lines.forEach((text, i) => {
      const m = re.exec(text);
      if (!m) return;
      const lang = CJK.test(text) ? 'ja' : 'en';
      if (!wanted(lang) || (rule.language && rule.language !== lang)) return;
      const read = (src.value ? src.value.replace(/\$(\d)/g, (_, k) => m[Number(k)] ?? '') : m[1]).trim();
      const value = rule.valueMap?.[read] ?? read;
      const instantText = src.instantPattern ? new RegExp(src.instantPattern).exec(text)?.[1] : undefined;
      found.push({
        value,
        instant: instantText,
        occurrence: {
          table: 'text',
          tableTitle: 'release text',
          lang,
          row: rule.concept,
          column: '',
          line: i + 1,
          col: m.index + 1,
          printed: m[0],
          value,
          decimals: 0,
        },
      });
    });
  }
  return found;
}

/** Each occurrence's text read as the rule's type (dates as YYYY-MM-DD, numbers canonical with their decimals); false when one cannot be read (reported). */
function readValues(rule: InfoRule, found: Found[], file: string, diagnostics: Diagnostic[]): boolean {
  let ok = true;
  for (const f of found) {
    const at = { file, line: f.occurrence.line, column: f.occurrence.col };
    if (rule.type === 'date') {
      const d = readDateText(f.value);
      if (!d) {
        diagnostics.push(
          diag('release:invalidDate', 'error', `${rule.concept}: "${f.value}" is not a date.`, {
            source: at,
            expected: 'a date such as February 12, 2004',
            actual: f.value,
          }),
        );
        ok = false;
        continue;
      }
      f.value = d;
    } else if (rule.type === 'number') {
      const m = /^\d+(\.(\d+))?$/.exec(f.value);
      if (!m) {
        diagnostics.push(
          diag('release:invalidNumber', 'error', `${rule.concept}: "${f.value}" is not a number.`, {
            source: at,
            actual: f.value,
          }),
        );
        ok = false;
        continue;
      }
      f.decimals = rule.decimals ?? m[2]?.length ?? 0;
      f.value = shiftDecimal(f.value, 0);
    }
    if (f.instant !== undefined) {
      const d = readDateText(f.instant);
      if (!d) {
        diagnostics.push(
          diag('release:invalidDate', 'error', `${rule.concept}: cannot read the date "${f.instant}".`, {
            source: at,
            actual: f.instant,
          }),
        );
        ok = false;
        continue;
      }
      f.instant = d;
    }
    f.occurrence.value = f.value;
    f.occurrence.decimals = f.decimals ?? 0;
  }
  return ok;
}

/** Occurrences that state another value (or date) than the first one. */
function disagreements(rule: InfoRule, found: Found[], file: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  const best = found[0];
  for (const f of found.slice(1)) {
    const same = rule.type === 'number' ? cmp(parseQ(f.value), parseQ(best.value)) === 0 : f.value === best.value;
    if (!same || (f.instant ?? '') !== (best.instant ?? '')) {
      out.push(
        diag(
          'release:inconsistentDuplicate',
          'inconsistency',
          `${rule.concept}: line ${f.occurrence.line} states "${f.value}"${f.instant ? ` at ${f.instant}` : ''}, line ${best.occurrence.line} "${best.value}"${best.instant ? ` at ${best.instant}` : ''}.`,
          {
            source: { file, line: f.occurrence.line, column: f.occurrence.col },
            related: [{ file, line: best.occurrence.line, column: best.occurrence.col }],
            concept: rule.concept,
            expected: best.value,
            actual: f.value,
          },
        ),
      );
    }
  }
  return out;
}

/** The fiscal year and quarter a period ending on `end` closes (`2004-03-31` → 2003, FY). */
export function fiscalFocus(end: string, fyEndMonth: number): { year: string; period: string } {
  const y = Number(end.slice(0, 4));
  const m = Number(end.slice(5, 7));
  const q = Math.floor(((m - fyEndMonth - 1 + 12) % 12) / 3) + 1;
  return { year: String(m > fyEndMonth ? y : y - 1), period: q === 4 ? 'FY' : `Q${q}` };
}

/**
 * The release's words ("3rd quarter of the fiscal year …", 2003年度第3四半期, "fiscal 2003") against
 * the period its tables report: a release that says one quarter over another quarter's figures is an error.
 */
function checkFocus(
  info: MappedFact[],
  current: { end: string },
  fyEndMonth: number,
  facts: MappedFact[],
  _file: string,
): Diagnostic[] {
  const expected = fiscalFocus(current.end, fyEndMonth);
  const witness = facts.find((f) => f.period.type === 'duration' && f.period.end === current.end);
  const out: Diagnostic[] = [];
  for (const [concept, want] of [
    ['FiscalYearFocus', expected.year],
    ['FiscalPeriodFocus', expected.period],
  ] as const) {
    const f = info.find((x) => x.name === concept);
    if (!f || f.value === want) continue;
    out.push(
      diag(
        'release:periodConflict',
        'error',
        `${concept}: the text says "${f.provenance[0]?.printed}" (${f.value}), but the tables report the period ending ${current.end}, which is ${concept === 'FiscalYearFocus' ? `fiscal ${want}` : want}.`,
        {
          source: f.source,
          related: witness?.source ? [witness.source] : undefined,
          concept,
          expected: want,
          actual: f.value ?? undefined,
        },
      ),
    );
  }
  return out;
}
