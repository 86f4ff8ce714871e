import type { Footnote } from '../model';
import type { MappedFact } from '../mapping/types';
import type { TaxonomySource } from '../mapping/taxonomy-source';
import { oimUnit, prefixer } from '../xbrl/aspects';

export interface FeedOptions {
  release: { file: string };
  taxonomy: TaxonomySource;
  namespaces: Record<string, string>;
  entryPoint: string;
  footnotes: Footnote[];
}

/**
 * The flat feed data vendors asked for: one record per fact with everything needed to load it
 * without an XBRL processor, and every place in the release the figure was read from.
 */
export function toVendorFeed(facts: MappedFact[], o: FeedOptions): Record<string, unknown> {
  const q = prefixer(o.namespaces);
  const notes = new Map(o.footnotes.map((f) => [f.id, f]));
  const records = facts.map((f) => {
    const c = o.taxonomy.concepts.get(f.name);
    const rec: Record<string, unknown> = {
      id: f.id,
      concept: q(f.concept),
      label: { en: c?.labels.en?.label ?? null, ja: c?.labels.ja?.label ?? null },
      periodType: f.period.type,
    };
    if (f.period.type === 'instant') rec.instant = f.period.instant;
    if (f.period.type === 'duration') { rec.start = f.period.start; rec.end = f.period.end; }
    rec.unit = f.unit ? (oimUnit(f.unit, q) ?? 'xbrli:pure') : null;
    rec.decimals = typeof f.decimals === 'number' ? f.decimals : null;
    rec.value = f.value;
    if (f.language) rec.language = f.language;
    rec.footnotes = (f.footnotes ?? []).map((id) => ({ id, language: notes.get(id)?.language ?? '', text: notes.get(id)?.text ?? '' }));
    rec.provenance = f.provenance.map((p) => ({
      table: p.tableTitle, tableId: p.table, lang: p.lang, row: p.row, column: p.column, line: p.line, col: p.col, printed: p.printed, value: p.value, decimals: p.decimals,
    }));
    return rec;
  });
  return {
    documentType: 'https://xbrl.iij.ad.jp/feed/facts/1.0',
    release: o.release,
    taxonomy: o.entryPoint,
    entity: facts[0] ? { scheme: facts[0].entity.scheme, identifier: facts[0].entity.identifier } : null,
    factCount: records.length,
    facts: records,
  };
}
