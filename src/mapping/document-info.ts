import Decimal from 'decimal.js';
import { clark, diag, type Diagnostic, type Entity, type Period, type Release } from '../model';
import type { MapOptions } from './map-release';
import type { ReleaseMap } from './release-map';
import type { TaxonomySource } from './taxonomy-source';
import type { MappedFact } from './types';
import { unitFor } from './units';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** `February 12, 2004`, `Dec 31, 2003`, `2003/12/31`, `2004年2月12日` → `YYYY-MM-DD`. */
export function readDateText(s: string): string | undefined {
  let m = /^([A-Za-z]{3})[a-z]*\.?\s+(\d{1,2}),\s*(\d{4})$/.exec(s.trim());
  if (m) {
    const mo = MONTHS.indexOf(m[1].toLowerCase()) + 1;
    if (mo > 0) return `${m[3]}-${String(mo).padStart(2, '0')}-${m[2].padStart(2, '0')}`;
  }
  m = /^(\d{4})[/年](\d{1,2})[/月](\d{1,2})日?$/.exec(s.trim());
  if (m) return `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  return undefined;
}

/** The reporting period: the latest-ending, shortest duration among the mapped facts. */
function currentPeriod(facts: MappedFact[]): Extract<Period, { type: 'duration' }> | undefined {
  let best: Extract<Period, { type: 'duration' }> | undefined;
  for (const f of facts) {
    const p = f.period;
    if (p.type !== 'duration') continue;
    if (!best || p.end > best.end || (p.end === best.end && p.start > best.start)) best = p;
  }
  return best;
}

/**
 * Document and entity information read from the release's prose by the mapping's patterns
 * (company name, ticker, release date, the convenience rate), or given as configuration (CIK).
 */
export function documentInfoFacts(release: Release, rmap: ReleaseMap, tax: TaxonomySource, entity: Entity,
  facts: MappedFact[], opts: MapOptions, diagnostics: Diagnostic[]): MappedFact[] {
  const out: MappedFact[] = [];
  const current = currentPeriod(facts);
  if (!current) return out;
  const file = release.file;
  for (const rule of rmap.documentInfo ?? []) {
    if (rule.lang && opts.lang !== 'both' && opts.lang !== rule.lang) continue;
    const concept = tax.concepts.get(rule.concept);
    if (!concept) {
      diagnostics.push(diag('mapping:unknownConcept', 'error', `documentInfo names concept ${rule.concept}, which the taxonomy does not declare.`, { source: { file, line: 1, column: 1 } }));
      continue;
    }
    let text = rule.value ?? '';
    let line = 0;
    let column = 1;
    let instantText: string | undefined;
    if (rule.pattern) {
      const re = new RegExp(rule.pattern);
      for (let i = 0; i < release.lines.length && !line; i++) {
        const m = re.exec(release.lines[i]);
        if (m) {
          text = rule.value ? rule.value.replace(/\$(\d)/g, (_, k) => m[Number(k)] ?? '') : m[1];
          line = i + 1;
          column = m.index + 1;
          if (rule.instantPattern) instantText = new RegExp(rule.instantPattern).exec(release.lines[i])?.[1];
        }
      }
      if (!line) {
        diagnostics.push(diag('release:missingDocumentInfo', 'error', `Cannot find ${rule.concept} in the release text.`, { source: { file, line: 1, column: 1 }, expected: `a line matching /${rule.pattern}/`, actual: 'no such line' }));
        continue;
      }
    }
    text = text.replace('${periodEnd}', current.end).replace('${entityIdentifier}', entity.identifier);
    let value = text.trim();
    let decimals: number | undefined;
    let period: Period = current;
    if (rule.type === 'date') {
      const d = readDateText(value);
      if (!d) {
        diagnostics.push(diag('release:invalidDate', 'error', `${rule.concept}: "${value}" is not a date.`, { source: { file, line, column }, expected: 'a date such as February 12, 2004', actual: value }));
        continue;
      }
      value = d;
    } else if (rule.type === 'number') {
      const m = /^\d+(\.(\d+))?$/.exec(value);
      if (!m) {
        diagnostics.push(diag('release:invalidNumber', 'error', `${rule.concept}: "${value}" is not a number.`, { source: { file, line, column }, actual: value }));
        continue;
      }
      value = new Decimal(value).toFixed();
      decimals = rule.decimals ?? (m[2]?.length ?? 0);
      if (concept.periodType === 'instant') {
        const d = instantText ? readDateText(instantText) : current.end;
        if (!d) {
          diagnostics.push(diag('release:invalidDate', 'error', `${rule.concept}: cannot read the date "${instantText}".`, { source: { file, line, column } }));
          continue;
        }
        period = { type: 'instant', instant: d };
      }
    }
    if (concept.periodType === 'instant' && period.type !== 'instant') period = { type: 'instant', instant: current.end };
    const source = { file, line: line || 1, column };
    out.push({
      id: '', name: concept.name, concept: clark(tax.namespace, concept.name), entity, period,
      unit: rule.type === 'number' ? unitFor(concept.type, 'JPY', tax.namespace) : undefined,
      value, decimals,
      language: rule.type === 'string' || rule.type === undefined ? (rule.lang ?? 'en') : undefined,
      footnotes: [], source,
      provenance: line ? [{ table: 'text', tableTitle: 'release text', lang: rule.lang ?? 'en', row: rule.concept, column: '', line, col: column, printed: release.lines[line - 1].trim().slice(0, 200), value, decimals: decimals ?? 0 }] : [],
    });
  }
  return out;
}
