import type { Diagnostic, Footnote, Release } from '../model';
import { NS } from '../model';
import type { TaxonomySource } from '../mapping/taxonomy-source';
import type { MappedFact, ResolvedTable } from '../mapping/types';
import { prefixer } from '../xbrl/aspects';
import { IX_NS, IXT_NS, XHTML_NS } from '../xbrl/ix';
import { appendHeader } from './header';
import { inspectorData, loadInlineAssets, type InlineAssets } from './inspector-data';
import { layoutPart } from './parts';
import { planDocument, type DocPlan } from './plan';
import { renderBlocks } from './render';
import { Raw, rootElement, scriptJson, serialize } from './xhtml';

export interface InlineInput {
  release: Release;
  tables: ResolvedTable[];
  facts: MappedFact[];
  footnotes: Footnote[];
  /** The conversion's findings: inconsistent occurrences stay untagged; the inspector shows the rest. */
  diagnostics: Diagnostic[];
  taxonomy: TaxonomySource;
  lang: 'en' | 'ja' | 'both';
  /** Output file base name (`iij-20031231`). */
  base: string;
  assets?: InlineAssets;
}

/** Per document, for the conversion report. */
export interface InlineSummary {
  file: string;
  lang: 'en' | 'ja';
  /** Figure cells of the part's tables = tagged + derived + untaggedInconsistent. */
  figureCells: number;
  tagged: number;
  derived: number;
  untaggedInconsistent: { line: number; column: number; concept: string; printed: string; code: string }[];
  /** Document information tagged in running text. */
  textTags: number;
  /** Facts carried in ix:hidden because the part prints them nowhere a tag can stand. */
  hidden: string[];
  footnotes: number;
  /** Distinct facts (= the XML instance's). */
  facts: number;
}

export interface InlineDocument {
  name: string;
  lang: 'en' | 'ja';
  content: string;
  summary: InlineSummary;
}

const TITLES = { en: 'Inline XBRL', ja: 'インラインXBRL' };
const ABOUT = {
  en: 'Inline XBRL rendering of the release. Click or hover over a figure to inspect its fact; figures marked † are not tagged because the release states them inconsistently with the same fact elsewhere.',
  ja: '決算発表のインラインXBRL表示です。数値をクリックまたはポイントするとファクトの内容を表示します。† 印の数値は、同じファクトの他の記載と整合しないためタグ付けしていません。',
};

function documentFor(lang: 'en' | 'ja', input: InlineInput, assets: InlineAssets): InlineDocument {
  const { release, facts, taxonomy: tax } = input;
  const plan: DocPlan = planDocument(lang, release, facts, input.diagnostics, tax);
  const blocks = layoutPart(release, input.tables, lang);
  const notesInPart = new Set(blocks.filter((b) => b.kind === 'note').map((b) => (b as { line: number }).line));
  const relationships: { footnote: Footnote; from: string[] }[] = [];
  const footnoteByLine = new Map<number, string>();
  for (const fn of input.footnotes) {
    if (fn.language !== lang || !fn.source || !notesInPart.has(fn.source.line)) continue;
    const from = facts.filter((f) => f.footnotes?.includes(fn.id)).flatMap((f) => plan.tagsOfFact.get(f.id) ?? []);
    if (from.length === 0) continue;
    relationships.push({ footnote: fn, from });
    footnoteByLine.set(fn.source.line, fn.id);
  }
  const namespaces = {
    '': XHTML_NS,
    ix: IX_NS.ix11,
    ixt: IXT_NS.tr5,
    xbrli: NS.xbrli,
    link: NS.link,
    xlink: NS.xlink,
    iso4217: NS.iso4217,
    [tax.prefix]: tax.namespace,
  };
  const html = rootElement('html', namespaces, { 'xml:lang': lang });
  const name =
    facts.find((f) => f.name === 'EntityRegistrantName' && f.language === lang)?.value ??
    facts.find((f) => f.name === 'EntityRegistrantName')?.value ??
    '';
  const end = facts.find((f) => f.name === 'DocumentPeriodEndDate')?.value ?? '';
  const head = html.el('head');
  head.el('meta', { 'http-equiv': 'Content-Type', content: 'application/xhtml+xml; charset=UTF-8' });
  head.el('title', {}, `${name} ${end} (${TITLES[lang]})`);
  head.el('style', { type: 'text/css' }, assets.css);
  const body = html.el('body');
  const q = prefixer({ [tax.prefix]: tax.namespace });
  appendHeader(body, plan, facts, tax.entryPoint, q, relationships);
  body.el('p', { class: 'ix-about' }, ABOUT[lang]);
  const page = body.el('div', { class: 'page', id: 'page' });
  const counts = renderBlocks(page, release, blocks, plan, footnoteByLine);
  body.el('script', { type: 'application/json' }, scriptJson(inspectorData(plan, facts, tax, assets.calculations)));
  body.el('script', { type: 'text/javascript' }).add(new Raw(`//<![CDATA[\n${assets.script}\n//]]>`));
  const file = `${input.base}-${lang}.xhtml`;
  const summary: InlineSummary = {
    file,
    lang,
    figureCells: counts.figureCells,
    tagged: counts.tagged,
    derived: counts.derived,
    untaggedInconsistent: [...plan.untagged.values()]
      .map((u) => ({
        line: u.occurrence.line,
        column: u.occurrence.col,
        concept: u.fact.name,
        printed: u.occurrence.printed,
        code: u.finding.code,
      }))
      .sort((a, b) => a.line - b.line || a.column - b.column),
    textTags: counts.textTags,
    hidden: plan.hidden.map((t) => t.fact.id),
    footnotes: relationships.length,
    facts: facts.length,
  };
  return { name: file, lang, content: serialize(html), summary };
}

/**
 * Mapped facts + the release's tables → one Inline XBRL 1.1 document per language: the release
 * part rendered as XHTML with every stated figure tagged where it stands, plus the inspector.
 */
export function toInlineXbrl(input: InlineInput): InlineDocument[] {
  const assets = input.assets ?? loadInlineAssets();
  const langs: ('en' | 'ja')[] = input.lang === 'both' ? ['en', 'ja'] : [input.lang];
  return langs.filter((l) => input.release.tables.some((t) => t.lang === l)).map((l) => documentFor(l, input, assets));
}
