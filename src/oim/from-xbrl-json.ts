import { diag, type Diagnostic, type Fact, type Footnote, type Period, type Report, type Unit } from '../model';
import { addDays } from '../xbrl/dates';
import { checkSchema } from '../util/json-schema';
import { readInputBytes } from '../util/confine';
import { decodeUtf8 } from '../util/encoding';
import { jsonTooDeep, limitExceeded, limitsOf, type Limits } from '../util/limits';

const PERIOD = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2}):(\d{2})$/;

const isRealDate = (d: string): boolean => {
  const t = Date.parse(`${d}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === d;
};

/** OIM writes the end of a day as the next day's midnight; XBRL 2.1 dates mean the end of the day. */
function endDate(s: string): string | undefined {
  const m = PERIOD.exec(s);
  // A date that is no day of the calendar (2003-13-45) is no period: never handed to date arithmetic.
  if (!m || !isRealDate(m[1])) return undefined;
  return m[2] === '00' && m[3] === '00' && m[4] === '00' ? addDays(m[1], -1) : undefined;
}

/**
 * xBRL-JSON (OIM 1.0) → Report. Structure errors get `xbrlje:`/`oime:` codes with the JSON path;
 * a malformed file is a diagnostic, never a crash.
 */
type OimFact = {
  value: string | null;
  decimals?: number;
  dimensions: Record<string, string>;
  links?: Record<string, Record<string, string[]>>;
};
type OimDoc = {
  documentInfo: { taxonomy: string[]; namespaces?: Record<string, string> };
  facts: Record<string, OimFact>;
};

/** Parses the file as JSON within the limits; a read, encoding, size, depth or syntax error (with its line and column) is a diagnostic. */
function readJson(path: string, file: string, limits: Limits): { data?: unknown; diagnostics: Diagnostic[] } {
  const read = readInputBytes(path, file, limits.maxBytes);
  if ('diagnostic' in read) return { diagnostics: [read.diagnostic] };
  const bytes = read.bytes;
  const decoded = decodeUtf8(bytes, file, 'json:invalidEncoding');
  if (decoded.text === undefined) return { diagnostics: [decoded.diagnostic] };
  const text = decoded.text;
  const deep = jsonTooDeep(text, limits.maxDepth);
  if (deep) {
    const lines = text.slice(0, deep.offset).split('\n');
    const source = { file, line: lines.length, column: lines[lines.length - 1].length + 1 };
    return {
      diagnostics: [limitExceeded('json:limitExceeded', 'JSON nesting depth', 'maxDepth', deep.depth, source, limits)],
    };
  }
  try {
    return { data: JSON.parse(text), diagnostics: [] };
  } catch (e) {
    const pos = /position (\d+)/.exec((e as Error).message);
    let source = { file, line: 1, column: 1 };
    if (pos) {
      const lines = text.slice(0, Number(pos[1])).split('\n');
      source = { file, line: lines.length, column: lines[lines.length - 1].length + 1 };
    }
    return {
      diagnostics: [diag('xbrlje:invalidJSON', 'error', `Not valid JSON: ${(e as Error).message}`, { source })],
    };
  }
}

/**
 * xBRL-JSON (OIM 1.0) → Report. Structure errors get `xbrlje:`/`oime:` codes with the JSON path;
 * a malformed file is a diagnostic, never a crash.
 */
export function fromXbrlJson(
  path: string,
  file = path,
  options: { maxBytes?: number; limits?: Partial<Limits> } = {},
): { report?: Report; diagnostics: Diagnostic[] } {
  const read = readJson(path, file, limitsOf({ maxBytes: options.maxBytes, ...options.limits }));
  if (read.data === undefined) return { diagnostics: read.diagnostics };
  const shape = checkSchema('xbrl-json.schema.json', read.data, file, 'xbrlje:invalidJSONStructure');
  if (shape.length) return { diagnostics: shape };
  const doc = read.data as OimDoc;
  const diagnostics: Diagnostic[] = [];
  const at = { file, line: 1, column: 1 };
  const ns = doc.documentInfo.namespaces ?? {};
  const clarkOf = (q: string, where: string): string | undefined => {
    const i = q.indexOf(':');
    const uri = Object.prototype.hasOwnProperty.call(ns, q.slice(0, i)) ? ns[q.slice(0, i)] : undefined;
    if (uri === undefined) {
      diagnostics.push(
        diag('oimce:unboundPrefix', 'error', `${where}: prefix of "${q}" is not declared in documentInfo.namespaces.`, {
          source: at,
        }),
      );
      return undefined;
    }
    return `{${uri}}${q.slice(i + 1)}`;
  };
  const facts: Fact[] = [];
  const footnotes: Footnote[] = [];
  for (const [id, f] of Object.entries(doc.facts)) {
    const d = f.dimensions;
    if (d.concept === 'xbrl:note')
      footnotes.push({ id: d.noteId ?? id, language: d.language ?? '', text: f.value ?? '', source: at });
    else {
      const fact = readFact(id, f, { ns, at, clarkOf, diagnostics });
      if (fact) facts.push(fact);
    }
  }
  // A numeric fact without unit is xbrli:pure in OIM: normalizeReport gives it its unit, since only the DTS knows which facts are numeric.
  return { report: { taxonomy: doc.documentInfo.taxonomy, facts, footnotes, namespaces: ns, file }, diagnostics };
}

interface FactScope {
  ns: Record<string, string>;
  at: Fact['source'];
  clarkOf(q: string, where: string): string | undefined;
  diagnostics: Diagnostic[];
}

/** One OIM fact: its core dimensions (concept, entity, period, unit, language) and taxonomy-defined ones. */
function readFact(id: string, f: OimFact, s: FactScope): Fact | undefined {
  const d = f.dimensions;
  const concept = s.clarkOf(d.concept, `fact ${id}`);
  if (!concept) return undefined;
  let period: Period = { type: 'forever' };
  if (d.period) {
    const parts = d.period.split('/');
    const start = parts.length === 2 ? PERIOD.exec(parts[0]) : null;
    const end = endDate(parts[parts.length - 1]);
    if (!end || (parts.length === 2 && (!start || start[2] !== '00' || !isRealDate(start[1])))) {
      s.diagnostics.push(
        diag(
          'oimce:invalidPeriodRepresentation',
          'error',
          `fact ${id}: period "${d.period}" is not a date-aligned OIM period.`,
          { source: s.at, facts: [id] },
        ),
      );
      return undefined;
    }
    period = parts.length === 2 ? { type: 'duration', start: start![1], end } : { type: 'instant', instant: end };
  }
  let unit: Unit | undefined;
  if (d.unit) {
    const [num, den] = d.unit.split('/');
    const side = (x: string | undefined) =>
      x
        ? x
            .replace(/^\(|\)$/g, '')
            .split('*')
            .map((m) => s.clarkOf(m, `fact ${id}`) ?? m)
        : [];
    unit = { numerators: side(num).sort(), denominators: side(den).sort() };
  }
  let entity = { scheme: '', identifier: '' };
  if (d.entity) {
    const i = d.entity.indexOf(':');
    entity = { scheme: s.ns[d.entity.slice(0, i)] ?? '', identifier: d.entity.slice(i + 1) };
  }
  const dims: Record<string, string> = {};
  for (const [k, v] of Object.entries(d)) {
    if (['concept', 'entity', 'period', 'unit', 'language', 'noteId'].includes(k)) continue;
    const dk = s.clarkOf(k, `fact ${id}`);
    // An explicit member is a QName whose prefix is declared; anything else is a typed member's value.
    const explicit = /^[A-Za-z_][\w.-]*:[A-Za-z_][\w.-]*$/.test(v) && s.ns[v.slice(0, v.indexOf(':'))] !== undefined;
    if (dk) dims[dk] = explicit ? s.clarkOf(v, `fact ${id}`)! : v;
  }
  const fact: Fact = { id, concept, entity, period, value: f.value, source: s.at };
  if (unit) fact.unit = unit;
  if (f.decimals !== undefined) fact.decimals = f.decimals;
  if (d.language) fact.language = d.language;
  if (Object.keys(dims).length) fact.dimensions = dims;
  const notes = f.links?.footnote ? Object.values(f.links.footnote).flat() : [];
  if (notes.length) fact.footnotes = notes;
  return fact;
}
