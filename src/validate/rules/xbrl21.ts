import {
  NS,
  diag,
  type Concept,
  type Diagnostic,
  type DiagnosticCode,
  type Fact,
  type InstanceContext,
  factId,
} from '../../model';
import type { RuleContext } from '../context';
import { dateUnion as isDateUnion, lexicalOk } from '../../taxonomy/lexical';
import { simpleValueIssue } from '../../taxonomy/simple-type';

export const CODES = {
  schemaImportMissing: 'xbrl:schemaImportMissing',
  notItem: 'xbrl.4.6:notAnItem',
  tupleAttribute: 'xbrl.4.9:tupleAttribute',
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
  monetarySingle: 'xbrl.4.8.2:monetaryFactUnit-notSingleMeasure',
  monetaryMeasure: 'xbrl.4.8.2:monetaryFactUnit-notMonetaryMeasure',
  sharesSingle: 'xbrl.4.8.2:sharesFactUnit-notSingleMeasure',
  sharesMeasure: 'xbrl.4.8.2:sharesFactUnit-notSharesMeasure',
  bothNumDenom: 'xbrl.4.8.4:measureBothNumDenom',
  measureElement: 'xbrl.4.8.2:measureElement',
  valueError: 'xmlSchema:valueError',
  nilNonNillable: 'xmlSchema:nilNonNillableElement',
} as const;

const ISO4217 = `{${NS.iso4217}}`;
const isUpper = (c: number) => c >= 0x41 && c <= 0x5a;
/** An ISO 4217 measure: the iso4217 namespace and three capital letters. */
const isCurrency = (m: string) =>
  m.length === ISO4217.length + 3 &&
  m.startsWith(ISO4217) &&
  isUpper(m.charCodeAt(m.length - 1)) &&
  isUpper(m.charCodeAt(m.length - 2)) &&
  isUpper(m.charCodeAt(m.length - 3));

type Push = (code: DiagnosticCode, message: string, f?: Fact, extra?: Record<string, unknown>) => void;

const XBRLI = `{${NS.xbrli}}`;

/** Segment/scenario content other than dimensions (XML input): lax validation, no xbrli elements, no items or tuples. */
function contextContent(ctx: RuleContext, c: InstanceContext, push: Push): void {
  const { file } = ctx;
  const content = c.content ?? [];
  for (let i = 0; i + 2 < content.length; i += 3) {
    const where = content[i].trim();
    const name = content[i + 1];
    const decl = ctx.concept(name);
    // Lax validation: content declared in the DTS with a simple built-in type must be of that type.
    if (
      decl &&
      decl.substitutionGroup === 'other' &&
      decl.xsd &&
      !content[i + 2].includes('<') &&
      !lexicalOk(decl.xsd, content[i + 2])
    ) {
      push(
        CODES.valueError,
        `Context ${c.id}: ${decl.localName} in the ${where} holds "${content[i + 2].trim()}", not a valid ${decl.xsd}.`,
        undefined,
        { source: { file, line: c.line, column: 1 }, contexts: [c.id] },
      );
    }
    const code = where === 'segment' ? 'xbrl.4.7.3.2:segment' : 'xbrl.4.7.4:scenario';
    const at = () => ({ source: { file, line: c.line, column: 1 }, contexts: [c.id] });
    const group = decl?.substitutionGroup;
    if (name.startsWith(XBRLI))
      push(
        `${code}XbrliElement`,
        `Context ${c.id}: the ${where} holds ${name}, an element of the XBRL instance namespace.`,
        undefined,
        at(),
      );
    else if (group === 'item' || group === 'tuple')
      push(`${code}ItemOrTuple`, `Context ${c.id}: the ${where} holds ${name}, an item or tuple.`, undefined, at());
  }
}

/** Contexts and units as declared (XML input): content, dates, measures. */
function declarations(ctx: RuleContext, push: Push): void {
  const { file } = ctx;
  // Note: contexts share few distinct dates; each is checked once per run (local to this call).
  const checked = new Map<string, boolean>();
  const dateUnion = (d: string) => {
    let ok = checked.get(d);
    if (ok === undefined) {
      ok = isDateUnion(d);
      checked.set(d, ok);
    }
    return ok;
  };
  if (ctx.contexts) {
    for (const c of ctx.contexts.values()) {
      contextContent(ctx, c, push);
      const p = c.period;
      if (p?.type === 'duration') {
        if (!dateUnion(p.start) || !dateUnion(p.end))
          push(CODES.dateError, `Context ${c.id}: period ${p.start}..${p.end} is not a valid date range.`, undefined, {
            source: { file, line: c.line, column: 1 },
            contexts: [c.id],
          });
        else if (p.end.length === 10 && p.start.length === 10 ? p.end < p.start : p.end <= p.start)
          push(
            CODES.startBeforeEnd,
            `Context ${c.id}: the end date ${p.end} is before the start date ${p.start}.`,
            undefined,
            { source: { file, line: c.line, column: 1 }, contexts: [c.id] },
          );
      } else if (p?.type === 'instant' && !dateUnion(p.instant))
        push(CODES.dateError, `Context ${c.id}: instant ${p.instant} is not a date.`, undefined, {
          source: { file, line: c.line, column: 1 },
          contexts: [c.id],
        });
    }
  }
  if (ctx.units) {
    for (const [id, u] of ctx.units) {
      for (const m of [...u.numerators, ...u.denominators]) {
        if (m.startsWith(`{${NS.xbrli}}`) && !['pure', 'shares'].includes(m.slice(m.indexOf('}') + 1)))
          push(CODES.measureElement, `Unit ${id}: measure ${m} is not allowed from the xbrli namespace.`, undefined, {
            source: { file, line: u.line, column: 1 },
            units: [id],
          });
      }
      if (u.numerators.some((m) => u.denominators.includes(m)))
        push(CODES.bothNumDenom, `Unit ${id}: a measure is both numerator and denominator.`, undefined, {
          source: { file, line: u.line, column: 1 },
          units: [id],
        });
    }
  }
}

/**
 * A fact's value against its concept's type (XML Schema Part 1 §3.3.4, the instance's schema
 * validity, XBRL 2.1 §4.6): the built-in type's lexical space, then the constraining facets of the
 * type's restriction steps (the dei enumerations, patterns, bounds, lengths, digits).
 */
function checkValue(f: Fact & { value: string }, c: Concept, xsd: string | undefined, push: Push): void {
  if (!lexicalOk(xsd, f.value)) {
    push(CODES.valueError, `Fact ${factId(f)}: "${f.value}" is not a valid ${xsd} value for ${c.localName}.`, f, {
      concept: c.localName,
      actual: f.value,
      expected: xsd,
    });
    return;
  }
  const issue = c.facets ? simpleValueIssue({ xsd, facets: c.facets }, f.value) : undefined;
  if (issue)
    push(
      CODES.valueError,
      `Fact ${factId(f)}: "${f.value}" is not a value of ${c.localName}'s type${c.type ? ` ${c.type}` : ''}, which takes ${issue}.`,
      f,
      { concept: c.localName, actual: f.value, expected: issue },
    );
}

/** Units, decimals/precision and the value of an item, numeric or not. */
function itemValue(ctx: RuleContext, f: Fact, c: Concept, push: Push): void {
  if (c.numeric) {
    if (!f.unit) {
      if (ctx.units && f.unitId !== undefined)
        push(CODES.unitRef, `Fact ${factId(f)}: unitRef "${f.unitId}" does not identify a unit.`, f);
      else if (ctx.units) push(CODES.numericUnit, `Numeric fact ${factId(f)} has no unitRef.`, f);
    }
    if (f.value === null) {
      if (f.decimals !== undefined || f.precision !== undefined)
        push(CODES.nilPrecisionDecimals, `Nil fact ${factId(f)} has decimals or precision.`, f);
    } else {
      if (ctx.units && f.decimals === undefined && f.precision === undefined)
        push(CODES.missingPrecisionDecimals, `Numeric fact ${factId(f)} has neither decimals nor precision.`, f);
      if (f.decimals !== undefined && f.precision !== undefined)
        push(CODES.bothPrecisionAndDecimals, `Fact ${factId(f)} has both decimals and precision.`, f);
      // NaN: a decimals outside its lexical space, reported by the reader with what it found (xbrl/lexical).
      if (typeof f.decimals === 'number' && !Number.isNaN(f.decimals) && !Number.isInteger(f.decimals))
        push(CODES.decimals, `Fact ${factId(f)}: decimals is not an integer or INF.`, f);
      checkValue(f as Fact & { value: string }, c, c.xsd ?? 'decimal', push);
    }
    const u = f.unit;
    if (u && c.kind === 'monetary') {
      if (u.numerators.length !== 1 || u.denominators.length)
        push(CODES.monetarySingle, `Monetary fact ${factId(f)} needs a single currency measure.`, f);
      else if (!isCurrency(u.numerators[0]))
        push(CODES.monetaryMeasure, `Monetary fact ${factId(f)}: ${u.numerators[0]} is not an ISO 4217 currency.`, f);
    }
    if (u && c.kind === 'shares') {
      if (u.numerators.length !== 1 || u.denominators.length)
        push(CODES.sharesSingle, `Shares fact ${factId(f)} needs the single measure xbrli:shares.`, f);
      else if (u.numerators[0] !== `{${NS.xbrli}}shares`)
        push(CODES.sharesMeasure, `Shares fact ${factId(f)}: ${u.numerators[0]} is not xbrli:shares.`, f);
    }
  } else {
    if (f.decimals !== undefined || f.precision !== undefined)
      push(CODES.extraneous, `Non-numeric fact ${factId(f)} has decimals or precision.`, f);
    if (f.unitId !== undefined || (f.unit && !ctx.units))
      push(CODES.nonNumericUnit, `Non-numeric fact ${factId(f)} has a unit.`, f);
    if (f.value !== null) checkValue(f as Fact & { value: string }, c, c.xsd, push);
  }
}

/** XBRL 2.1 instance rules (§4): facts against their concepts, contexts and units. */
export function xbrl21(ctx: RuleContext): Diagnostic[] {
  const { report, file } = ctx;
  const out: Diagnostic[] = [];
  const missing = new Set<string>();
  const push: Push = (code, message, f, extra = {}) =>
    out.push(
      diag(code, 'error', message, {
        source: f?.source ?? { file, line: 1, column: 1 },
        facts: f ? [factId(f)] : undefined,
        ...extra,
      }),
    );

  declarations(ctx, push);

  for (const f of report.facts) {
    const c = ctx.concept(f.concept);
    if (!c) {
      if (!missing.has(f.concept)) {
        missing.add(f.concept);
        // On a partial DTS the concept may be declared in a document that could not be loaded: not judged (said once below).
        if (!ctx.dts.unloaded?.length)
          push(CODES.schemaImportMissing, `Concept ${f.concept} is not declared in the DTS.`, f);
      }
      continue;
    }
    // A tuple without children (nil, or all its content optional) is still a tuple.
    if (c.substitutionGroup === 'tuple' && !f.tuple && (f.value === null || f.value === '')) {
      if (f.value === null && !c.nillable)
        push(CODES.nilNonNillable, `${c.localName} is not nillable, but tuple ${factId(f)} is nil.`, f);
      continue;
    }
    if (c.substitutionGroup === 'tuple' && f.tuple) {
      if (f.contextId !== undefined || f.unitId !== undefined)
        push(CODES.tupleAttribute, `Tuple ${c.localName} must not have contextRef or unitRef.`, f);
      continue;
    }
    if (c.substitutionGroup !== 'item') {
      push(CODES.notItem, `${c.localName} is not an item${f.tuple ? '' : ' or tuple'} here.`, f);
      continue;
    }
    if (f.tuple) {
      push(CODES.valueError, `Item ${c.localName} has child elements; only tuples may.`, f, { concept: c.localName });
      continue;
    }
    if (ctx.contexts && (f.contextId === undefined || !ctx.contexts.has(f.contextId))) {
      push(CODES.contextRef, `Fact ${factId(f)}: contextRef "${f.contextId ?? ''}" does not identify a context.`, f);
      continue;
    }
    const pt = c.periodType;
    if (pt === 'instant' && f.period.type !== 'instant')
      push(
        CODES.periodType,
        `${c.localName} is an instant concept, but fact ${factId(f)} has a ${f.period.type} period.`,
        f,
        { concept: c.localName },
      );
    if (pt === 'duration' && f.period.type === 'instant')
      push(CODES.periodType, `${c.localName} is a duration concept, but fact ${factId(f)} has an instant period.`, f, {
        concept: c.localName,
      });
    itemValue(ctx, f, c, push);
    // Lax validation: attributes the DTS declares globally with a simple type.
    if (f.attributes) {
      for (const [a, v] of Object.entries(f.attributes)) {
        const xsd = ctx.dts.attributeTypes?.get(a);
        if (xsd && !lexicalOk(xsd, v))
          push(CODES.valueError, `Fact ${factId(f)}: attribute ${a}="${v}" is not a valid ${xsd}.`, f, {
            actual: v,
            expected: xsd,
          });
      }
    }
    if (f.value === null && !c.nillable)
      push(CODES.nilNonNillable, `${c.localName} is not nillable, but fact ${factId(f)} is nil.`, f);
  }
  return [...out, ...notJudged(ctx, missing.size)];
}

/** On a partial DTS, facts of concepts it lacks are not judged: said once. */
function notJudged(ctx: RuleContext, concepts: number): Diagnostic[] {
  if (!concepts || !ctx.dts.unloaded?.length) return [];
  return [
    diag(
      'taxonomy:partialDts',
      'warning',
      `${concepts} concept(s) of the facts are not in the part of the DTS that could be loaded; their facts are not judged (not loadable: ${ctx.dts.unloaded.join(', ')}).`,
      { source: { file: ctx.file, line: 1, column: 1 }, params: { skipped: String(concepts) } },
    ),
  ];
}
