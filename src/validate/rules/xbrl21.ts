import { NS, diag, type Fact } from '../../model';
import type { RuleContext } from '../context';
import { isDecimalLexical } from '../facts';

export const CODES = {
  schemaImportMissing: 'xbrl:schemaImportMissing',
  notItem: 'xbrl.4.6:notAnItem',
  contextRef: 'xbrl.4.6.1:itemContextRef',
  numericUnit: 'xbrl.4.6.2:numericUnit',
  unitRef: 'xbrl.4.6.2:unitRefUnresolved',
  missingPrecisionDecimals: 'xbrl.4.6.3:missingPrecisionDecimals',
  bothPrecisionAndDecimals: 'xbrl.4.6.3:bothPrecisionAndDecimals',
  extraneous: 'xbrl.4.6.3:extraneousPrecisionDecimals',
  nilPrecisionDecimals: 'xbrl.4.6.3:nilPrecisionDecimals',
  nonNumericUnit: 'xmlSchema:attributesExtraneous',
  decimals: 'xbrl.4.6.5:decimals',
  periodType: 'xbrl.4.7.2:contextPeriodType',
  startBeforeEnd: 'xbrl.4.7.2:periodStartBeforeEnd',
  dateError: 'xbrl.4.7.2:contextDateError',
  entity: 'xbrl.4.7.1:entityIdentifierInconsistent',
  monetarySingle: 'xbrl.4.8.2:monetaryFactUnit-notSingleMeasure',
  monetaryMeasure: 'xbrl.4.8.2:monetaryFactUnit-notMonetaryMeasure',
  sharesSingle: 'xbrl.4.8.2:sharesFactUnit-notSingleMeasure',
  sharesMeasure: 'xbrl.4.8.2:sharesFactUnit-notSharesMeasure',
  bothNumDenom: 'xbrl.4.8.4:measureBothNumDenom',
  measureElement: 'xbrl.4.8.2:measureElement',
  valueError: 'xmlSchema:valueError',
  nilNonNillable: 'xmlSchema:nilNonNillableElement',
} as const;

const DATE = /^-?\d{4,}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(Z|[+-]\d{2}:\d{2})?$/;
const DATETIME = /^-?\d{4,}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/;
const validDate = (s: string) => DATE.test(s) && !Number.isNaN(Date.parse(s.slice(0, 10)));
const dateUnion = (s: string) => validDate(s) || DATETIME.test(s);

function lexicalOk(xsd: string | undefined, v: string): boolean {
  switch (xsd) {
    case 'decimal': case 'float': case 'double': return isDecimalLexical(v) || (xsd !== 'decimal' && /^(INF|-INF|NaN|[+-]?\d+(\.\d*)?[eE][+-]?\d+)$/.test(v.trim()));
    case 'integer': case 'long': case 'int': case 'short': case 'byte': return /^[+-]?\d+$/.test(v.trim());
    case 'nonNegativeInteger': case 'unsignedLong': case 'unsignedInt': case 'unsignedShort': case 'unsignedByte': return /^\+?\d+$/.test(v.trim()) || /^-0+$/.test(v.trim());
    case 'positiveInteger': return /^\+?0*[1-9]\d*$/.test(v.trim());
    case 'date': return validDate(v.trim());
    case 'dateTime': return DATETIME.test(v.trim());
    case 'dateUnion': return dateUnion(v.trim());
    case 'gYear': return /^-?\d{4,}(Z|[+-]\d{2}:\d{2})?$/.test(v.trim());
    case 'boolean': return /^(true|false|1|0)$/.test(v.trim());
    default: return true;
  }
}

/** XBRL 2.1 instance rules (§4): facts against their concepts, contexts and units. */
export function xbrl21(ctx: RuleContext): void {
  const { report, file } = ctx;
  const missing = new Set<string>();
  const push = (code: string, message: string, f?: Fact, extra: Record<string, unknown> = {}) =>
    ctx.push(diag(code, 'error', message, { source: f?.source ?? { file, line: 1, column: 1 }, facts: f ? [f.id] : undefined, ...extra }));

  if (ctx.contexts) {
    const ids = new Set<string>();
    for (const c of ctx.contexts.values()) {
      const p = c.period;
      if (p?.type === 'duration') {
        if (!dateUnion(p.start) || !dateUnion(p.end)) push(CODES.dateError, `Context ${c.id}: period ${p.start}..${p.end} is not a valid date range.`, undefined, { source: { file, line: c.line, column: 1 }, contexts: [c.id] });
        else if (p.end.length === 10 && p.start.length === 10 ? p.end < p.start : p.end <= p.start) push(CODES.startBeforeEnd, `Context ${c.id}: the end date ${p.end} is before the start date ${p.start}.`, undefined, { source: { file, line: c.line, column: 1 }, contexts: [c.id] });
      } else if (p?.type === 'instant' && !dateUnion(p.instant)) push(CODES.dateError, `Context ${c.id}: instant ${p.instant} is not a date.`, undefined, { source: { file, line: c.line, column: 1 }, contexts: [c.id] });
      ids.add(`${c.entity.scheme} ${c.entity.identifier}`);
    }
    if (ids.size > 1) ctx.push(diag(CODES.entity, 'warning', `The instance reports for ${ids.size} different entities: ${[...ids].join(', ')}.`, { source: { file, line: 1, column: 1 } }));
  }
  if (ctx.units) {
    for (const [id, u] of ctx.units) {
      for (const m of [...u.numerators, ...u.denominators]) {
        if (m.startsWith(`{${NS.xbrli}}`) && !['pure', 'shares'].includes(m.slice(m.indexOf('}') + 1))) push(CODES.measureElement, `Unit ${id}: measure ${m} is not allowed from the xbrli namespace.`, undefined, { source: { file, line: u.line, column: 1 }, units: [id] });
      }
      if (u.numerators.some((m) => u.denominators.includes(m))) push(CODES.bothNumDenom, `Unit ${id}: a measure is both numerator and denominator.`, undefined, { source: { file, line: u.line, column: 1 }, units: [id] });
    }
  }

  for (const f of report.facts) {
    const c = ctx.concept(f.concept);
    if (!c) { if (!missing.has(f.concept)) { missing.add(f.concept); push(CODES.schemaImportMissing, `Concept ${f.concept} is not declared in the DTS.`, f); } continue; }
    if (c.substitutionGroup !== 'item') { push(CODES.notItem, `${c.localName} is not an item.`, f); continue; }
    if (ctx.contexts && (f.contextId === undefined || !ctx.contexts.has(f.contextId))) { push(CODES.contextRef, `Fact ${f.id}: contextRef "${f.contextId ?? ''}" does not identify a context.`, f); continue; }
    const pt = c.periodType;
    if (pt === 'instant' && f.period.type !== 'instant') push(CODES.periodType, `${c.localName} is an instant concept, but fact ${f.id} has a ${f.period.type} period.`, f, { concept: c.localName });
    if (pt === 'duration' && f.period.type === 'instant') push(CODES.periodType, `${c.localName} is a duration concept, but fact ${f.id} has an instant period.`, f, { concept: c.localName });
    if (c.numeric) {
      if (!f.unit) {
        if (ctx.units && f.unitId !== undefined) push(CODES.unitRef, `Fact ${f.id}: unitRef "${f.unitId}" does not identify a unit.`, f);
        else if (ctx.units) push(CODES.numericUnit, `Numeric fact ${f.id} has no unitRef.`, f);
      }
      if (f.value === null) {
        if (f.decimals !== undefined || f.precision !== undefined) push(CODES.nilPrecisionDecimals, `Nil fact ${f.id} has decimals or precision.`, f);
      } else {
        if (ctx.units && f.decimals === undefined && f.precision === undefined) push(CODES.missingPrecisionDecimals, `Numeric fact ${f.id} has neither decimals nor precision.`, f);
        if (f.decimals !== undefined && f.precision !== undefined) push(CODES.bothPrecisionAndDecimals, `Fact ${f.id} has both decimals and precision.`, f);
        if (typeof f.decimals === 'number' && !Number.isInteger(f.decimals)) push(CODES.decimals, `Fact ${f.id}: decimals is not an integer or INF.`, f);
        if (!lexicalOk(c.xsd ?? 'decimal', f.value)) push(CODES.valueError, `Fact ${f.id}: "${f.value}" is not a valid ${c.xsd ?? 'decimal'} value for ${c.localName}.`, f, { concept: c.localName, actual: f.value, expected: c.xsd });
      }
      const u = f.unit;
      if (u && c.kind === 'monetary') {
        if (u.numerators.length !== 1 || u.denominators.length) push(CODES.monetarySingle, `Monetary fact ${f.id} needs a single currency measure.`, f);
        else if (!/^\{http:\/\/www\.xbrl\.org\/2003\/iso4217\}[A-Z]{3}$/.test(u.numerators[0])) push(CODES.monetaryMeasure, `Monetary fact ${f.id}: ${u.numerators[0]} is not an ISO 4217 currency.`, f);
      }
      if (u && c.kind === 'shares') {
        if (u.numerators.length !== 1 || u.denominators.length) push(CODES.sharesSingle, `Shares fact ${f.id} needs the single measure xbrli:shares.`, f);
        else if (u.numerators[0] !== `{${NS.xbrli}}shares`) push(CODES.sharesMeasure, `Shares fact ${f.id}: ${u.numerators[0]} is not xbrli:shares.`, f);
      }
    } else {
      if (f.decimals !== undefined || f.precision !== undefined) push(CODES.extraneous, `Non-numeric fact ${f.id} has decimals or precision.`, f);
      if (f.unitId !== undefined || (f.unit && !ctx.units)) push(CODES.nonNumericUnit, `Non-numeric fact ${f.id} has a unit.`, f);
      if (f.value !== null && !lexicalOk(c.xsd, f.value)) push(CODES.valueError, `Fact ${f.id}: "${f.value}" is not a valid ${c.xsd} value for ${c.localName}.`, f, { concept: c.localName, actual: f.value, expected: c.xsd });
    }
    if (f.value === null && !c.nillable) push(CODES.nilNonNillable, `${c.localName} is not nillable, but fact ${f.id} is nil.`, f);
  }
}
