import { NS, clark, type Footnote } from '../model';
import type { MappedFact } from '../mapping/types';
import type { TaxonomySource } from '../mapping/taxonomy-source';
import { oimUnit, prefixer } from '../xbrl/aspects';
import { fiscalPeriod, type FiscalPeriod } from './fiscal-period';
import { dimensionEntries, typedMember } from '../xbrl/dimensions';
import { qualifiedLabels, type PresentationRole } from './labels';

export const FEED_DOCUMENT_TYPE = 'https://xbrl.iij.ad.jp/feed/facts/1.1';

export interface FeedOptions {
  release: { file: string };
  taxonomy: TaxonomySource;
  namespaces: Record<string, string>;
  entryPoint: string;
  footnotes: Footnote[];
  /** Month the fiscal year ends in (mapping/document-info.json), for the fiscal-period key. */
  fiscalYearEndMonth: number;
  /** Presentation trees, to qualify labels two concepts share (default: none, labels as they are). */
  presentation?: PresentationRole[];
}

export interface Translation {
  from: string;
  rate: string;
  rateDate: string;
  rateFact: string;
  sourceFact: string | null;
}

/** One place in the release a fact's figure was read from. */
export interface FeedProvenance {
  /** The table's title as printed. */
  table: string;
  /** The mapping table's id. */
  tableId: string;
  lang: 'en' | 'ja';
  row: string;
  column: string;
  line: number;
  col: number;
  printed: string;
  value: string;
  decimals: number;
}

/** One fact of the feed: everything needed to load it without an XBRL processor. */
export interface FeedRecord {
  id: string;
  /** Prefixed QName (`iij:Revenues`). */
  concept: string;
  label: { en: string | null; ja: string | null };
  qualifiedLabel: { en: string | null; ja: string | null };
  periodType: 'instant' | 'duration' | 'forever';
  instant?: string;
  start?: string;
  end?: string;
  fiscalPeriod: FiscalPeriod;
  /** OIM unit string (`iso4217:JPY`), `xbrli:pure`, or null for a non-numeric fact. */
  unit: string | null;
  decimals: number | null;
  value: string | null;
  language?: string;
  /** Dimension → member (prefixed QNames; a typed member as its text), only for a fact with dimensions. */
  dimensions?: Record<string, string>;
  translation: Translation | null;
  footnotes: { id: string; language: string; text: string }[];
  provenance: FeedProvenance[];
}

/** The vendor feed (`<base>.facts.json`, schemas/facts-feed.schema.json). */
export interface VendorFeed {
  documentType: typeof FEED_DOCUMENT_TYPE;
  release: { file: string };
  taxonomy: string;
  entity: { scheme: string; identifier: string } | null;
  fiscalYearEndMonth: number;
  factCount: number;
  facts: FeedRecord[];
}

/**
 * USD convenience translations: facts in unit USD when the report also states a JPY-per-USD rate.
 * Each is marked with the rate, its date, the rate fact and the JPY fact it translates.
 */
export function convenienceTranslations(facts: MappedFact[]): Map<string, Translation> {
  const [jpy, usd] = [clark(NS.iso4217, 'JPY'), clark(NS.iso4217, 'USD')];
  const only = (ms: string[] | undefined, m: string) => ms?.length === 1 && ms[0] === m;
  const rates = facts.filter(
    (f) =>
      f.period.type === 'instant' &&
      only(f.unit?.numerators, jpy) &&
      only(f.unit?.denominators, usd) &&
      f.value !== null,
  );
  const out = new Map<string, Translation>();
  if (!rates.length) return out;
  const rate = rates.reduce((a, b) =>
    (a.period as { instant: string }).instant >= (b.period as { instant: string }).instant ? a : b,
  );
  const jpyFacts = new Map(
    facts
      .filter((f) => only(f.unit?.numerators, jpy) && !f.unit?.denominators.length)
      .map((f) => [`${f.concept}|${JSON.stringify(f.period)}`, f.id]),
  );
  for (const f of facts) {
    if (!only(f.unit?.numerators, usd) || f.unit?.denominators.length) continue;
    out.set(f.id, {
      from: 'iso4217:JPY',
      rate: rate.value as string,
      rateDate: (rate.period as { instant: string }).instant,
      rateFact: rate.id,
      sourceFact: jpyFacts.get(`${f.concept}|${JSON.stringify(f.period)}`) ?? null,
    });
  }
  return out;
}

/** A fact's dimensions as the feed writes them: `{ dimensions }` when it has any, nothing otherwise. */
function dimensionsOf(f: MappedFact, q: (clark: string) => string): Pick<FeedRecord, 'dimensions'> {
  const dims = dimensionEntries(f);
  return dims.length
    ? { dimensions: Object.fromEntries(dims.map(([d, m]) => [q(d), typedMember(m)?.text ?? q(m)])) }
    : {};
}

/**
 * The flat feed data vendors asked for: one record per fact with everything needed to load it
 * without an XBRL processor: labels (qualified where two concepts share one), the fiscal period,
 * USD convenience translations marked as such, and every place in the release the figure was read from.
 */
export function toVendorFeed(facts: MappedFact[], o: FeedOptions): VendorFeed {
  const q = prefixer(o.namespaces);
  const notes = new Map(o.footnotes.map((f) => [f.id, f]));
  const qualified = qualifiedLabels(o.taxonomy.concepts, o.presentation ?? [], ['en', 'ja']);
  const translations = convenienceTranslations(facts);
  const records = facts.map((f): FeedRecord => {
    const c = o.taxonomy.concepts.get(f.name);
    const label = { en: c?.labels.en?.label ?? null, ja: c?.labels.ja?.label ?? null };
    const ql = qualified.get(f.name);
    const p = f.period;
    // Keys in this order: the feed's bytes depend on it.
    return {
      id: f.id,
      concept: q(f.concept),
      label,
      qualifiedLabel: { en: ql?.en ?? label.en, ja: ql?.ja ?? label.ja },
      periodType: p.type,
      ...(p.type === 'instant' ? { instant: p.instant } : {}),
      ...(p.type === 'duration' ? { start: p.start, end: p.end } : {}),
      fiscalPeriod: fiscalPeriod(p, o.fiscalYearEndMonth),
      unit: f.unit ? (oimUnit(f.unit, q) ?? 'xbrli:pure') : null,
      decimals: typeof f.decimals === 'number' ? f.decimals : null,
      value: f.value,
      ...(f.language ? { language: f.language } : {}),
      ...dimensionsOf(f, q),
      translation: translations.get(f.id) ?? null,
      footnotes: (f.footnotes ?? []).map((id) => ({
        id,
        language: notes.get(id)?.language ?? '',
        text: notes.get(id)?.text ?? '',
      })),
      provenance: f.provenance.map((x) => ({
        table: x.tableTitle,
        tableId: x.table,
        lang: x.lang,
        row: x.row,
        column: x.column,
        line: x.line,
        col: x.col,
        printed: x.printed,
        value: x.value,
        decimals: x.decimals,
      })),
    };
  });
  return {
    documentType: FEED_DOCUMENT_TYPE,
    release: o.release,
    taxonomy: o.entryPoint,
    entity: facts[0] ? { scheme: facts[0].entity.scheme, identifier: facts[0].entity.identifier } : null,
    fiscalYearEndMonth: o.fiscalYearEndMonth,
    factCount: records.length,
    facts: records,
  };
}
