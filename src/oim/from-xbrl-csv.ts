import fs from 'node:fs';
import nodePath from 'node:path';
import {
  ARCROLE,
  NS,
  diag,
  type Diagnostic,
  type DiagnosticCode,
  type Fact,
  type Footnote,
  type Period,
  type Report,
  type SourceRef,
  type Unit,
} from '../model';
import { addDays } from '../xbrl/dates';
import { parseCsv, type CsvRecord } from '../util/csv';
import { checkSchema } from '../util/json-schema';
import { checkInputFile, inputScope, resolveInputFile, type InputScope } from '../util/confine';
import { decodeUtf8 } from '../util/encoding';
import { jsonTooDeep, limitExceeded, limitsOf, type Limits } from '../util/limits';
import { XBRL_CSV_DOCUMENT_TYPE } from './to-xbrl-csv';

/** Codes as the xBRL-CSV 1.0 and OIM 1.0 specifications (and Arelle) name the conditions. */
export const CSV_CODES = {
  invalidJSON: 'xbrlce:invalidJSON',
  invalidJSONStructure: 'xbrlce:invalidJSONStructure',
  unsupportedDocumentType: 'oimce:unsupportedDocumentType',
  unboundPrefix: 'oimce:unboundPrefix',
  invalidSQName: 'oimce:invalidSQName',
  invalidUnit: 'oimce:invalidUnitStringRepresentation',
  unknownTableTemplate: 'xbrlce:unknownTableTemplate',
  missingRequiredCSVFile: 'xbrlce:missingRequiredCSVFile',
  invalidCSVFileFormat: 'xbrlce:invalidCSVFileFormat',
  invalidHeaderValue: 'xbrlce:invalidHeaderValue',
  unknownColumn: 'xbrlce:unknownColumn',
  repeatedColumnIdentifier: 'xbrlce:repeatedColumnIdentifier',
  undefinedRowIdColumn: 'xbrlce:undefinedRowIdColumn',
  missingRowIdentifier: 'xbrlce:missingRowIdentifier',
  invalidRowIdentifier: 'xbrlce:invalidRowIdentifier',
  repeatedRowIdentifier: 'xbrlce:repeatedRowIdentifier',
  unknownSpecialValue: 'xbrlce:unknownSpecialValue',
  illegalUseOfNone: 'xbrlce:illegalUseOfNone',
  invalidReferenceTarget: 'xbrlce:invalidReferenceTarget',
  invalidPeriodRepresentation: 'xbrlce:invalidPeriodRepresentation',
  invalidPeriodSpecifier: 'xbrlce:invalidPeriodSpecifier',
  invalidConceptQName: 'xbrlce:invalidConceptQName',
  invalidLanguageCode: 'xbrlce:invalidLanguageCode',
  invalidDecimalsValue: 'xbrlce:invalidDecimalsValue',
  invalidDecimalsSuffix: 'xbrlce:invalidDecimalsSuffix',
  unmappedCellValue: 'xbrlce:unmappedCellValue',
  unknownLinkType: 'xbrlce:unknownLinkType',
  unknownLinkGroup: 'xbrlce:unknownLinkGroup',
  unknownLinkSource: 'xbrlce:unknownLinkSource',
  unknownLinkTarget: 'xbrlce:unknownLinkTarget',
  unsupported: 'oim:unsupportedFeature',
  tooLarge: 'io:fileTooLarge',
  cannotRead: 'io:fileNotFound',
} as const;

const IDENTIFIER = /^[\p{L}_][\p{L}\p{N}_.\-\u00B7]*$/u;
const ROW_ID = /^[\p{L}\p{N}_.\-\u00B7]*$/u;
const QNAME = /^([\p{L}_][\p{L}\p{N}_.-]*):([\p{L}_][\p{L}\p{N}_.-]*)$/u;
const DATE = /^(?!0000)\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const XBRL_NOTE = `{${NS.xbrl}}note`;

interface Column {
  comment?: boolean;
  dimensions?: Record<string, string | null>;
  decimals?: number | string;
}
interface Template {
  columns: Record<string, Column>;
  rowIdColumn?: string;
  dimensions?: Record<string, string | null>;
  decimals?: number | string;
}
interface Metadata {
  documentInfo: {
    documentType: string;
    namespaces?: Record<string, string>;
    taxonomy?: string[];
    linkTypes?: Record<string, string>;
    linkGroups?: Record<string, string>;
    extends?: string[];
  };
  tableTemplates?: Record<string, Template>;
  tables?: Record<string, { url: string; template?: string; optional?: boolean; parameters?: Record<string, string> }>;
  dimensions?: Record<string, string | null>;
  decimals?: number | string;
  parameters?: Record<string, string>;
  parameterURL?: string;
  links?: Record<string, Record<string, Record<string, string[]>>>;
}

export interface CsvReadOptions {
  /** Refuse a metadata file or table larger than this many bytes (default 512 MiB in total). */
  maxBytes?: number;
  /** Other limits (cell size, nesting); defaults in util/limits. */
  limits?: Partial<Limits>;
  /** Directories besides the metadata file's own that tables may be read from. */
  allowDirs?: string[];
}

/** An own property of a JSON object (never one of Object.prototype's names: `toString`, `constructor`, `__proto__`). */
const own = <T>(o: Record<string, T> | undefined, k: string): T | undefined =>
  o !== undefined && Object.prototype.hasOwnProperty.call(o, k) ? o[k] : undefined;

/** True when a JSON text is an xBRL-CSV metadata file (its documentType says so). */
export function isXbrlCsvMetadata(head: string): boolean {
  return /"documentType"\s*:\s*"https:\/\/xbrl\.org\/2021\/xbrl-csv"/.test(head);
}

/** Shared state of one read: the metadata, the prefix map, and where problems go. */
interface Reader {
  meta: Metadata;
  ns: Record<string, string>;
  diagnostics: Diagnostic[];
  budget: { left: number };
  limits: Limits;
  facts: Fact[];
  footnotes: Footnote[];
}

function readText(
  path: string,
  file: string,
  r: Pick<Reader, 'diagnostics' | 'budget'>,
  code: 'json:invalidEncoding' | 'csv:invalidEncoding',
  scope?: InputScope,
): string | undefined {
  const at = { file, line: 1, column: 1 };
  const checked = checkInputFile(path, scope, at, file);
  if ('diagnostic' in checked) {
    r.diagnostics.push(checked.diagnostic);
    return undefined;
  }
  const size = checked.size;
  if (size > r.budget.left) {
    r.diagnostics.push(
      diag(
        CSV_CODES.tooLarge,
        'error',
        `${file} is ${size} bytes; the report's remaining limit is ${r.budget.left} (raise it with --max-size <MiB>).`,
        { source: at },
      ),
    );
    return undefined;
  }
  r.budget.left -= size;
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(checked.path);
  } catch (e) {
    r.diagnostics.push(
      diag(CSV_CODES.cannotRead, 'error', `Cannot read ${file}: ${(e as NodeJS.ErrnoException).code}.`, { source: at }),
    );
    return undefined;
  }
  if (bytes.length > size + 1) return undefined;
  const t = decodeUtf8(bytes, file, code);
  if (t.diagnostic) r.diagnostics.push(t.diagnostic);
  return t.text;
}

function parseMetadata(
  path: string,
  file: string,
  r: Pick<Reader, 'diagnostics' | 'budget' | 'limits'>,
): Metadata | undefined {
  const text = readText(path, file, r, 'json:invalidEncoding');
  if (text === undefined) return undefined;
  const deep = jsonTooDeep(text, r.limits.maxDepth);
  if (deep) {
    const source = { file, line: text.slice(0, deep.offset).split('\n').length, column: 1 };
    r.diagnostics.push(
      limitExceeded('json:limitExceeded', 'JSON nesting depth', 'maxDepth', deep.depth, source, r.limits),
    );
    return undefined;
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    const pos = /position (\d+)/.exec((e as Error).message);
    const before = text.slice(0, pos ? Number(pos[1]) : 0).split('\n');
    r.diagnostics.push(
      diag(CSV_CODES.invalidJSON, 'error', `Not valid JSON: ${(e as Error).message}`, {
        source: { file, line: before.length, column: before[before.length - 1].length + 1 },
      }),
    );
    return undefined;
  }
  const shape = checkSchema('xbrl-csv.schema.json', data, file, CSV_CODES.invalidJSONStructure);
  if (shape.length) {
    r.diagnostics.push(...shape);
    return undefined;
  }
  const meta = data as Metadata;
  const at = { file, line: 1, column: 1 };
  if (meta.documentInfo.documentType !== XBRL_CSV_DOCUMENT_TYPE) {
    r.diagnostics.push(
      diag(
        CSV_CODES.unsupportedDocumentType,
        'error',
        `documentType "${meta.documentInfo.documentType}" is not xBRL-CSV 1.0.`,
        { source: at, expected: XBRL_CSV_DOCUMENT_TYPE, actual: meta.documentInfo.documentType },
      ),
    );
    return undefined;
  }
  const unsupported = [
    meta.documentInfo.extends && 'extends',
    meta.parameterURL && 'parameterURL',
    Object.values(meta.tableTemplates ?? {}).some((t) =>
      Object.values(t.columns).some((c) => 'propertyGroups' in c || 'propertiesFrom' in c),
    ) && 'propertyGroups',
  ].filter(Boolean);
  if (unsupported.length) {
    r.diagnostics.push(
      diag(CSV_CODES.unsupported, 'error', `This reader does not support ${unsupported.join(', ')}.`, { source: at }),
    );
    return undefined;
  }
  return meta;
}

/**
 * xBRL-CSV 1.0 (metadata JSON + CSV tables) → Report, the fact model every validation rule reads.
 * Problems get the specification's `xbrlce:`/`oimce:` codes with the CSV file, line (= row) and
 * column; a malformed report is a list of diagnostics, never a crash.
 */
export function fromXbrlCsv(
  path: string,
  file = path,
  options: CsvReadOptions = {},
): { report?: Report; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const limits = limitsOf({ maxBytes: options.maxBytes, ...options.limits });
  const budget = { left: limits.maxBytes };
  const meta = parseMetadata(path, file, { diagnostics, budget, limits });
  if (!meta) return { diagnostics };
  const ns = meta.documentInfo.namespaces ?? {};
  const r: Reader = { meta, ns, diagnostics, budget, limits, facts: [], footnotes: [] };
  const scope = inputScope([path], options.allowDirs);
  const fileDir = nodePath.dirname(file);
  for (const [tableId, table] of Object.entries(meta.tables ?? {})) {
    const templateId = table.template ?? tableId;
    const template = own(meta.tableTemplates, templateId);
    if (!template) {
      diagnostics.push(
        diag(
          CSV_CODES.unknownTableTemplate,
          'error',
          `Table "${tableId}" names template "${templateId}", which tableTemplates does not define.`,
          {
            source: { file, line: 1, column: 1 },
            expected: Object.keys(meta.tableTemplates ?? {}).join(', '),
            actual: templateId,
          },
        ),
      );
      continue;
    }
    const csvFile = nodePath.join(fileDir, table.url);
    const text = tableText(r, tableId, table, { path, file }, csvFile, scope);
    if (text !== undefined) readTable(r, tableId, template, table.parameters ?? {}, text, csvFile);
  }
  applyLinks(r, file);
  return {
    report: {
      taxonomy: meta.documentInfo.taxonomy ?? [],
      facts: r.facts,
      footnotes: r.footnotes,
      namespaces: r.ns,
      file,
    },
    diagnostics,
  };
}

/**
 * A table's CSV text: its url resolved against the metadata file and confined to the report's
 * directory (nothing fetched, no device, FIFO or directory read); undefined after reporting why.
 */
function tableText(
  r: Reader,
  tableId: string,
  table: { url: string; optional?: boolean },
  meta: { path: string; file: string },
  csvFile: string,
  scope: InputScope,
): string | undefined {
  const source = { file: meta.file, line: 1, column: 1 };
  const found = resolveInputFile(table.url, meta.path, scope, source);
  if ('diagnostic' in found) {
    const d = found.diagnostic;
    if (d.code === 'io:fileNotFound') {
      if (!table.optional)
        r.diagnostics.push(
          diag(CSV_CODES.missingRequiredCSVFile, 'error', `Table "${tableId}": ${table.url} does not exist.`, {
            source,
          }),
        );
      return undefined;
    }
    r.diagnostics.push({ ...d, message: `Table "${tableId}": ${d.message}` });
    return undefined;
  }
  return readText(found.path, csvFile, r, 'csv:invalidEncoding', scope);
}

interface TableCtx {
  r: Reader;
  tableId: string;
  template: Template;
  params: Record<string, string>;
  file: string;
  header: string[];
  index: Map<string, number>;
}

function readTable(
  r: Reader,
  tableId: string,
  template: Template,
  params: Record<string, string>,
  text: string,
  file: string,
): void {
  const parsed = parseCsv(text);
  if (parsed.error) {
    r.diagnostics.push(
      diag(CSV_CODES.invalidCSVFileFormat, 'error', `${parsed.error.message}.`, {
        source: { file, line: parsed.error.line, column: parsed.error.column },
      }),
    );
    return;
  }
  const [head, ...rows] = parsed.records;
  if (!head || cellTooLong(r, parsed.records, file)) return;
  const t: TableCtx = { r, tableId, template, params, file, header: head.fields, index: new Map() };
  if (!checkHeader(t, head)) return;
  if (template.rowIdColumn !== undefined && own(template.columns, template.rowIdColumn) === undefined) {
    r.diagnostics.push(
      diag(
        CSV_CODES.undefinedRowIdColumn,
        'error',
        `Template of table "${tableId}": rowIdColumn "${template.rowIdColumn}" is not one of its columns.`,
        { source: { file, line: 1, column: 1 } },
      ),
    );
    return;
  }
  const seen = new Set<string>();
  rows.forEach((rec, i) => readRow(t, rec, i + 1, seen));
}

/** A cell, row identifier or header longer than the limit stops the table (`csv:limitExceeded`). */
function cellTooLong(r: Reader, records: CsvRecord[], file: string): boolean {
  for (const rec of records)
    for (let i = 0; i < rec.fields.length; i++)
      if (rec.fields[i].length > r.limits.maxCell) {
        const source = { file, line: rec.lines[i], column: rec.columns[i] };
        r.diagnostics.push(
          limitExceeded(
            'csv:limitExceeded',
            'Cell length in characters',
            'maxCell',
            rec.fields[i].length,
            source,
            r.limits,
          ),
        );
        return true;
      }
  return false;
}

function checkHeader(t: TableCtx, head: CsvRecord): boolean {
  let ok = true;
  head.fields.forEach((name, i) => {
    const source = { file: t.file, line: head.line, column: head.columns[i] };
    if (!IDENTIFIER.test(name)) {
      t.r.diagnostics.push(
        diag(CSV_CODES.invalidHeaderValue, 'error', `Header column ${i + 1} "${name}" is not a column identifier.`, {
          source,
          actual: name,
        }),
      );
      ok = false;
    } else if (own(t.template.columns, name) === undefined) {
      t.r.diagnostics.push(
        diag(
          CSV_CODES.unknownColumn,
          'error',
          `Header column ${i + 1} "${name}" is not a column of template "${t.tableId}".`,
          { source, actual: name, expected: Object.keys(t.template.columns).join(', ') },
        ),
      );
      ok = false;
    } else if (t.index.has(name)) {
      t.r.diagnostics.push(
        diag(
          CSV_CODES.repeatedColumnIdentifier,
          'error',
          `Header column ${i + 1} repeats "${name}" (column ${t.index.get(name)! + 1}).`,
          { source, actual: name },
        ),
      );
      ok = false;
    } else {
      t.index.set(name, i);
    }
  });
  return ok;
}

function readRow(t: TableCtx, rec: CsvRecord, rowNumber: number, seen: Set<string>): void {
  const { r, template } = t;
  const last = rec.columns.length - 1;
  const at = (col: number): SourceRef =>
    col <= last
      ? { file: t.file, line: rec.lines[col], column: rec.columns[col] }
      : { file: t.file, line: rec.lines[last], column: rec.columns[last] };
  let rowId = String(rowNumber);
  if (template.rowIdColumn !== undefined) {
    const i = t.index.get(template.rowIdColumn);
    const v = i === undefined ? '' : (rec.fields[i] ?? '');
    const where = `Row ${rowNumber} column "${template.rowIdColumn}"`;
    if (v === '') {
      r.diagnostics.push(
        diag(CSV_CODES.missingRowIdentifier, 'error', `${where} has no row identifier.`, { source: at(i ?? 0) }),
      );
      return;
    }
    if (!ROW_ID.test(v)) {
      r.diagnostics.push(
        diag(CSV_CODES.invalidRowIdentifier, 'error', `${where}: "${v}" is not a valid row identifier.`, {
          source: at(i!),
          actual: v,
        }),
      );
      return;
    }
    if (seen.has(v)) {
      r.diagnostics.push(
        diag(CSV_CODES.repeatedRowIdentifier, 'error', `${where}: row identifier "${v}" is used twice.`, {
          source: at(i!),
          actual: v,
        }),
      );
      return;
    }
    seen.add(v);
    rowId = v;
  }
  for (let i = rec.fields.length; i > t.header.length; i--) {
    if (rec.fields[i - 1] !== '')
      r.diagnostics.push(
        diag(
          CSV_CODES.unmappedCellValue,
          'error',
          `Row ${rowNumber} has a value in column ${i}, which has no header.`,
          { source: at(i - 1) },
        ),
      );
  }
  t.header.forEach((name, i) => {
    const col = own(template.columns, name)!;
    if (!col.dimensions || col.comment) return;
    const raw = rec.fields[i] ?? '';
    if (raw === '') return;
    const fact = cellFact(t, rec, rowNumber, rowId, name, raw, at);
    if (fact) r.facts.push(fact);
  });
}

/** A special value (`#nil`, `#empty`, `##…`) → its meaning; undefined after reporting a bad one. */
const NONE = Symbol('#none');

function cellValue(
  raw: string,
  where: string,
  source: SourceRef,
  r: Reader,
  allowNone: boolean,
): string | null | undefined | typeof NONE {
  if (!raw.startsWith('#')) return raw;
  if (raw === '#nil') return null;
  if (raw === '#empty') return '';
  if (raw === '#none') {
    if (allowNone) return NONE;
    r.diagnostics.push(
      diag(CSV_CODES.illegalUseOfNone, 'error', `${where}: #none is not allowed in a fact column.`, { source }),
    );
    return undefined;
  }
  if (raw.startsWith('##')) return raw.slice(1);
  r.diagnostics.push(
    diag(
      CSV_CODES.unknownSpecialValue,
      'error',
      `${where}: "${raw}" is not a special value (#nil, #empty, #none; ## escapes #).`,
      { source, actual: raw },
    ),
  );
  return undefined;
}

/** Where a property's value comes from: a `$name` reference, with an optional `@start`/`@end`. */
function parseRef(v: string): { name: string; specifier?: string } | undefined {
  if (!v.startsWith('$') || v.startsWith('$$')) return undefined;
  const [name, specifier] = v.slice(1).split('@');
  return { name, specifier };
}

/**
 * A property value (dimension or decimals) for one row: a literal, or a `$reference` to a column
 * of the row, a table parameter, a report parameter or `rowNumber`. NONE when the referenced cell
 * is empty or `#none` (the dimension is then absent); undefined after reporting an error.
 */
function resolve(
  t: TableCtx,
  rec: CsvRecord,
  rowNumber: number,
  v: string | null,
  where: string,
  source: SourceRef,
): { value: string | typeof NONE; specifier?: string; at?: SourceRef; column?: string } | undefined {
  if (v === null) return { value: NONE };
  const ref = parseRef(v);
  if (!ref) return { value: v.startsWith('$$') ? v.slice(1) : v };
  if (ref.specifier !== undefined && ref.specifier !== 'start' && ref.specifier !== 'end') {
    t.r.diagnostics.push(
      diag(
        CSV_CODES.invalidPeriodSpecifier,
        'error',
        `${where}: "@${ref.specifier}" is not a period specifier (@start, @end).`,
        { source, actual: v },
      ),
    );
    return undefined;
  }
  if (ref.name === 'rowNumber') return { value: String(rowNumber), specifier: ref.specifier };
  const i = t.index.get(ref.name);
  if (i !== undefined || own(t.template.columns, ref.name) !== undefined) {
    const raw = i === undefined ? '' : (rec.fields[i] ?? '');
    if (raw === '') return { value: NONE };
    const at = { file: t.file, line: rec.lines[i!], column: rec.columns[i!] };
    const cell = cellValue(raw, `${where} (column "${ref.name}")`, at, t.r, true);
    if (cell === undefined) return undefined;
    return { value: cell === null ? NONE : cell, specifier: ref.specifier, at, column: ref.name };
  }
  const param = own(t.params, ref.name) ?? own(t.r.meta.parameters, ref.name);
  if (param !== undefined) return { value: param === '#none' ? NONE : param, specifier: ref.specifier };
  t.r.diagnostics.push(
    diag(
      CSV_CODES.invalidReferenceTarget,
      'error',
      `${where}: "${v}" names no column, table parameter or report parameter.`,
      { source, actual: v },
    ),
  );
  return undefined;
}

function clarkOf(r: Reader, q: string, code: DiagnosticCode, where: string, source: SourceRef): string | undefined {
  const m = QNAME.exec(q);
  if (!m) {
    r.diagnostics.push(diag(code, 'error', `${where}: "${q}" is not a QName.`, { source, actual: q }));
    return undefined;
  }
  const uri = own(r.ns, m[1]);
  if (uri === undefined) {
    r.diagnostics.push(
      diag(CSV_CODES.unboundPrefix, 'error', `${where}: prefix "${m[1]}" is not declared in documentInfo.namespaces.`, {
        source,
        actual: q,
      }),
    );
    return undefined;
  }
  return `{${uri}}${m[2]}`;
}

/** One fact cell → a Fact (or a footnote). Dimensions: column, then template, then report. */
function cellFact(
  t: TableCtx,
  rec: CsvRecord,
  rowNumber: number,
  rowId: string,
  name: string,
  raw: string,
  at: (c: number) => SourceRef,
): Fact | undefined {
  const { r } = t;
  const col = own(t.template.columns, name)!;
  const source = at(t.index.get(name)!);
  const where = `Row ${rowNumber} column "${name}"`;
  const value = cellValue(raw, where, source, r, false);
  if (value === undefined || value === NONE) return undefined;
  const dims: Record<string, string | null> = { ...r.meta.dimensions, ...t.template.dimensions, ...col.dimensions };
  const id = `${t.tableId}.r_${rowId}.${name}`;
  const fact: Fact = {
    id,
    concept: '',
    entity: { scheme: '', identifier: '' },
    period: { type: 'forever' },
    value,
    source,
  };
  for (const [dim, spec] of Object.entries(dims)) {
    const v = resolve(t, rec, rowNumber, spec, `${where} dimension ${dim}`, source);
    if (v === undefined) return undefined;
    if (v.value === NONE) continue;
    const place = v.column
      ? `Row ${rowNumber} column "${v.column}" (${dim} of the fact in column "${name}")`
      : `${where} ${dim}`;
    if (!setDimension(r, fact, dim, v.value, v.specifier, place, v.at ?? source)) return undefined;
  }
  if (!fact.concept) {
    r.diagnostics.push(diag(CSV_CODES.invalidConceptQName, 'error', `${where}: the fact has no concept.`, { source }));
    return undefined;
  }
  if (fact.concept === XBRL_NOTE) {
    r.footnotes.push({ id, language: fact.language ?? '', text: value ?? '', source });
    return undefined;
  }
  return withDecimals(t, rec, rowNumber, fact, col, where, source);
}

function withDecimals(
  t: TableCtx,
  rec: CsvRecord,
  rowNumber: number,
  fact: Fact,
  col: Column,
  where: string,
  source: SourceRef,
): Fact | undefined {
  const r = t.r;
  const suffix = fact.value !== null ? /^(.*[0-9.])\s*d\s*(\S*)\s*$/s.exec(fact.value) : null;
  if (suffix && /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(suffix[1].trim())) {
    if (!/^(0|-?[1-9]\d*|INF)$/.test(suffix[2])) {
      r.diagnostics.push(
        diag(
          CSV_CODES.invalidDecimalsSuffix,
          'error',
          `${where}: "d${suffix[2]}" is not a decimals suffix (an integer or INF).`,
          { source, actual: fact.value ?? '' },
        ),
      );
      return undefined;
    }
    fact.value = suffix[1].trim();
    if (suffix[2] !== 'INF') fact.decimals = Number(suffix[2]);
    return fact;
  }
  const spec = col.decimals ?? t.template.decimals ?? r.meta.decimals;
  if (spec === undefined || fact.value === null) return fact;
  const v =
    typeof spec === 'number' ? { value: String(spec) } : resolve(t, rec, rowNumber, spec, `${where} decimals`, source);
  if (v === undefined) return undefined;
  if (v.value === NONE) return fact;
  if (!/^(0|-?[1-9]\d*|INF)$/.test(v.value)) {
    r.diagnostics.push(
      diag(CSV_CODES.invalidDecimalsValue, 'error', `${where}: decimals "${v.value}" is not an integer or INF.`, {
        source,
        actual: v.value,
      }),
    );
    return undefined;
  }
  if (v.value !== 'INF') fact.decimals = Number(v.value);
  return fact;
}

function setDimension(
  r: Reader,
  fact: Fact,
  dim: string,
  v: string,
  specifier: string | undefined,
  where: string,
  source: SourceRef,
): boolean {
  if (dim === 'concept') {
    const c = clarkOf(r, v, CSV_CODES.invalidConceptQName, where, source);
    if (c) fact.concept = c;
    return c !== undefined;
  }
  if (dim === 'period') {
    const p = csvPeriodOf(v, specifier);
    if (!p)
      r.diagnostics.push(
        diag(
          CSV_CODES.invalidPeriodRepresentation,
          'error',
          `${where}: "${v}${specifier ? `@${specifier}` : ''}" is not an xBRL-CSV period.`,
          { source, actual: v },
        ),
      );
    else fact.period = p;
    return p !== undefined;
  }
  if (dim === 'unit') {
    const u = unitOf(r, v, where, source);
    if (u) fact.unit = u;
    return u !== undefined;
  }
  if (dim === 'entity') {
    const m = /^([^:\s]+):(\S+)$/.exec(v);
    const scheme = m ? own(r.ns, m[1]) : undefined;
    if (!m)
      r.diagnostics.push(
        diag(CSV_CODES.invalidSQName, 'error', `${where}: "${v}" is not an SQName (prefix:identifier).`, {
          source,
          actual: v,
        }),
      );
    else if (scheme === undefined)
      r.diagnostics.push(
        diag(
          CSV_CODES.unboundPrefix,
          'error',
          `${where}: prefix "${m[1]}" is not declared in documentInfo.namespaces.`,
          { source, actual: v },
        ),
      );
    else fact.entity = { scheme, identifier: m[2] };
    return scheme !== undefined;
  }
  if (dim === 'language') {
    if (!/^[a-z]{1,8}(-[a-z0-9]{1,8})*$/.test(v)) {
      r.diagnostics.push(
        diag(CSV_CODES.invalidLanguageCode, 'error', `${where}: "${v}" is not a lower-case language code.`, {
          source,
          actual: v,
        }),
      );
      return false;
    }
    fact.language = v;
    return true;
  }
  if (dim === 'noteId') return true;
  const d = clarkOf(r, dim, CSV_CODES.invalidJSONStructure, where, source);
  if (!d) return false;
  const member = QNAME.test(v) ? clarkOf(r, v, CSV_CODES.invalidSQName, where, source) : v;
  if (member === undefined) return false;
  fact.dimensions = { ...fact.dimensions, [d]: member };
  return true;
}

/**
 * An xBRL-CSV period (§4.6.6) → XBRL 2.1 period with date-only, end-of-day ends: OIM date-times,
 * `start..end` inclusive dates, a day, month, year, quarter or half, each optionally `@start`/`@end`.
 * A bare date is a one-day duration; `2003-12-31@end` is the instant at the end of that day.
 */
export function csvPeriodOf(v: string, specifier?: string): Period | undefined {
  const suffix = /^(.*)@(start|end)$/.exec(v);
  if (suffix && specifier) return undefined;
  const spec = suffix ? suffix[2] : specifier;
  const body = suffix ? suffix[1] : v;
  const real = (d: string) => DATE.test(d) && new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) === d;
  let start: string;
  let endExclusive: string;
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4}-\d{2}-\d{2})T00:00:00(?:\/(\d{4}-\d{2}-\d{2})T00:00:00)?$/.exec(body))) {
    if (suffix || !real(m[1]) || (m[2] !== undefined && !real(m[2]))) return undefined;
    if (m[2] === undefined) return spec ? undefined : { type: 'instant', instant: addDays(m[1], -1) };
    [start, endExclusive] = [m[1], m[2]];
  } else if ((m = /^(\S+)\.\.(\S+)$/.exec(body))) {
    if (suffix || !real(m[1]) || !real(m[2])) return undefined;
    [start, endExclusive] = [m[1], addDays(m[2], 1)];
  } else if (real(body)) {
    [start, endExclusive] = [body, addDays(body, 1)];
  } else if ((m = /^(?!0000)(\d{4})(?:-(0[1-9]|1[0-2])|Q([1-4])|H([12]))?$/.exec(body))) {
    const y = Number(m[1]);
    const [firstMonth, months] = m[2]
      ? [Number(m[2]), 1]
      : m[3]
        ? [Number(m[3]) * 3 - 2, 3]
        : m[4]
          ? [Number(m[4]) * 6 - 5, 6]
          : [1, 12];
    start = new Date(Date.UTC(y, firstMonth - 1, 1)).toISOString().slice(0, 10);
    endExclusive = new Date(Date.UTC(y, firstMonth - 1 + months, 1)).toISOString().slice(0, 10);
  } else {
    return undefined;
  }
  if (endExclusive <= start) return undefined;
  if (spec === 'start') return { type: 'instant', instant: addDays(start, -1) };
  if (spec === 'end') return { type: 'instant', instant: addDays(endExclusive, -1) };
  return { type: 'duration', start, end: addDays(endExclusive, -1) };
}

/** An OIM unit string (`iso4217:JPY`, `iso4217:JPY/xbrli:shares`, `(a*b)/c`, sides sorted) → Unit. */
function unitOf(r: Reader, v: string, where: string, source: SourceRef): Unit | undefined {
  const bad = () => {
    r.diagnostics.push(
      diag(
        CSV_CODES.invalidUnit,
        'error',
        `${where}: "${v}" is not an OIM unit string (measures sorted, several in parentheses).`,
        { source, actual: v },
      ),
    );
    return undefined;
  };
  const parts = v.split('/');
  if (parts.length > 2) return bad();
  const sides: string[][] = [];
  for (const p of parts) {
    const paren = /^\((.+\*.+)\)$/.exec(p);
    const ms = paren ? paren[1].split('*') : [p];
    if (!paren && p.includes('*')) return bad();
    if (ms.some((x) => !QNAME.test(x)) || ms.join() !== [...ms].sort().join()) return bad();
    const cs: string[] = [];
    for (const x of ms) {
      const c = clarkOf(r, x, CSV_CODES.invalidUnit, where, source);
      if (!c) return undefined;
      cs.push(c);
    }
    sides.push(cs.sort());
  }
  if (sides.length === 1 && sides[0].length === 1 && sides[0][0] === `{${NS.xbrli}}pure`) return bad();
  return { numerators: sides[0], denominators: sides[1] ?? [] };
}

/** The report's `links`: fact-footnote links from facts to notes become the facts' footnotes. */
function applyLinks(r: Reader, file: string): void {
  const links = r.meta.links ?? {};
  const source = { file, line: 1, column: 1 };
  const types: Record<string, string> = {
    footnote: ARCROLE.factFootnote,
    explanatoryFact: 'http://www.xbrl.org/2009/arcrole/fact-explanatoryFact',
    ...r.meta.documentInfo.linkTypes,
  };
  const groups: Record<string, string> = { _: 'http://www.xbrl.org/2003/role/link', ...r.meta.documentInfo.linkGroups };
  const facts = new Map(r.facts.map((f) => [f.id, f]));
  const notes = new Set(r.footnotes.map((n) => n.id));
  // A fact dropped for an error earlier would make its links look dangling: report those only on a clean read.
  const complete = !r.diagnostics.some((d) => d.severity === 'error');
  for (const [type, byGroup] of Object.entries(links)) {
    if (own(types, type) === undefined) {
      r.diagnostics.push(
        diag(
          CSV_CODES.unknownLinkType,
          'error',
          `links: link type "${type}" is not defined in documentInfo.linkTypes.`,
          { source, actual: type },
        ),
      );
      continue;
    }
    for (const [group, bySource] of Object.entries(byGroup)) {
      if (own(groups, group) === undefined) {
        r.diagnostics.push(
          diag(
            CSV_CODES.unknownLinkGroup,
            'error',
            `links: link group "${group}" is not defined in documentInfo.linkGroups.`,
            { source, actual: group },
          ),
        );
        continue;
      }
      for (const [from, targets] of Object.entries(bySource)) {
        const fact = facts.get(from);
        if (!fact && !notes.has(from)) {
          if (!complete) continue;
          r.diagnostics.push(
            diag(CSV_CODES.unknownLinkSource, 'error', `links: source "${from}" is not a fact of this report.`, {
              source,
              actual: from,
            }),
          );
          continue;
        }
        for (const to of targets) {
          if (!facts.has(to) && !notes.has(to)) {
            if (!complete) continue;
            r.diagnostics.push(
              diag(
                CSV_CODES.unknownLinkTarget,
                'error',
                `links: target "${to}" of "${from}" is not a fact of this report.`,
                { source, actual: to },
              ),
            );
            continue;
          }
          if (fact && notes.has(to) && own(types, type) === ARCROLE.factFootnote)
            fact.footnotes = [...(fact.footnotes ?? []), to];
        }
      }
    }
  }
}
