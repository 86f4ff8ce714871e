import path from 'node:path';
import type { Diagnostic } from '../model';
import { toXbrlXml } from '../instance/to-xbrl-xml';
import { toXbrlJson } from '../oim/to-xbrl-json';
import { toXbrlCsv, xbrlCsvNames } from '../oim/to-xbrl-csv';
import { toSpreadsheetCsv } from '../feed/to-spreadsheet-csv';
import { toVendorFeed } from '../feed/to-vendor-feed';
import { loadPresentation } from '../feed/labels';
import { toInlineXbrl } from '../inline-page';
import { checkSchema } from '../util/json-schema';
import { conversionReport } from './conversion-report';
import type { Writer, WriterInput } from './types';

export type { Writer, WriterInput } from './types';

const inline = (lang: 'en' | 'ja') => (x: WriterInput) => x.inline().find((d) => d.lang === lang);
const csv = (part: 'metadata' | 'facts' | 'notes') => (x: WriterInput) => {
  const name = xbrlCsvNames(x.base)[part];
  return x.xbrlCsv().has(name) ? name : undefined;
};

/**
 * Every output of `convert`, in the order they are written. A new format is a writer file
 * (`src/<format>/to-<format>.ts`) and one line here; its JSON Schema, if any, is checked with the
 * others before anything is written.
 */
export const OUTPUTS: Writer[] = [
  { name: 'xml', file: (x) => `${x.base}.xml`, content: (x) => toXbrlXml(x.report), listed: true },
  {
    name: 'json',
    file: (x) => `${x.base}.json`,
    content: (x) => toXbrlJson(x.report),
    schema: { file: 'xbrl-json.schema.json', code: 'schema:xbrlJsonInvalid' },
    listed: true,
  },
  {
    name: 'feed',
    file: (x) => `${x.base}.facts.json`,
    content: (x) => x.feed(),
    schema: { file: 'facts-feed.schema.json', code: 'schema:factsFeedInvalid' },
    listed: true,
  },
  {
    name: 'report',
    file: (x) => `${x.base}.report.json`,
    content: conversionReport,
    schema: { file: 'conversion-report.schema.json', code: 'schema:reportInvalid' },
    listed: true,
  },
  {
    name: 'xbrl-csv',
    file: csv('metadata'),
    content: (x) => x.xbrlCsv().get(xbrlCsvNames(x.base).metadata) as string,
    schema: { file: 'xbrl-csv.schema.json', code: 'schema:xbrlCsvInvalid' },
  },
  { name: 'xbrl-csv-facts', file: csv('facts'), content: (x) => x.xbrlCsv().get(xbrlCsvNames(x.base).facts) as string },
  { name: 'xbrl-csv-notes', file: csv('notes'), content: (x) => x.xbrlCsv().get(xbrlCsvNames(x.base).notes) as string },
  { name: 'facts-csv', file: (x) => `${x.base}.facts.csv`, content: (x) => toSpreadsheetCsv(x.feed()) },
  { name: 'inline-en', file: (x) => inline('en')(x)?.name, content: (x) => inline('en')(x)!.content, listed: true },
  { name: 'inline-ja', file: (x) => inline('ja')(x)?.name, content: (x) => inline('ja')(x)!.content, listed: true },
];

const json = (o: unknown) => `${JSON.stringify(o, null, 2)}\n`;

/** Memoised: made on first use. */
function once<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}

/** What several writers share (the feed, the Inline XBRL documents, the xBRL-CSV tables), each made once, on first use. */
function shared(x: OutputsInput): Pick<WriterInput, 'feed' | 'inline' | 'xbrlCsv'> {
  const { mapped, taxonomy } = x;
  return {
    feed: once(() =>
      toVendorFeed(mapped.facts, {
        release: { file: path.basename(x.file) },
        taxonomy,
        namespaces: x.report.namespaces,
        entryPoint: taxonomy.entryPoint,
        footnotes: mapped.footnotes,
        fiscalYearEndMonth: x.fiscalYearEndMonth,
        presentation: loadPresentation(),
      }),
    ),
    inline: once(() =>
      toInlineXbrl({
        release: x.release,
        tables: mapped.tables,
        facts: mapped.facts,
        footnotes: mapped.footnotes,
        diagnostics: x.diagnostics,
        taxonomy,
        lang: x.lang,
        base: x.base,
      }),
    ),
    xbrlCsv: once(() => toXbrlCsv(x.report, xbrlCsvNames(x.base))),
  };
}

export type OutputsInput = Omit<WriterInput, 'listed' | 'feed' | 'inline' | 'xbrlCsv'>;

/**
 * Every output's file name, then its content, checked against its JSON Schema: all the files, or
 * (when a schema check fails) none and the problems.
 */
export function writeOutputs(
  input: OutputsInput,
  writers: Writer[] = OUTPUTS,
): { outputs: Map<string, string>; problems: Diagnostic[] } {
  const partial = { ...input, ...shared(input), listed: {} };
  const named = writers.map((w) => ({ w, file: w.file(partial) }));
  const listed = Object.fromEntries(named.filter((n) => n.w.listed && n.file).map((n) => [n.w.name, n.file as string]));
  const x: WriterInput = { ...partial, listed };
  const outputs = new Map<string, string>();
  const problems: Diagnostic[] = [];
  for (const { w, file } of named) {
    if (file === undefined) continue;
    const content = w.content(x);
    const text = typeof content === 'string' ? content : json(content);
    if (w.schema) {
      const document = typeof content === 'string' ? JSON.parse(content) : content;
      problems.push(...checkSchema(w.schema.file, document, file, w.schema.code));
    }
    outputs.set(file, text);
  }
  return { outputs: problems.length ? new Map() : outputs, problems };
}
