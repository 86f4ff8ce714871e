import { NS, diag, type Diagnostic, type Fact, type InstanceContext, type Period, type Unit } from '../model';
import { childElements, deepText, firstChild, resolveQName, type XElement } from '../xml/read-xml';

/**
 * Reading the XBRL 2.1 vocabulary shared by the instance readers (XBRL 2.1 XML and Inline XBRL's
 * ix:resources): contexts, units, and the aspects they give the facts that reference them.
 */
const X = (local: string) => `{${NS.xbrli}}${local}`;

/** An `xbrli:context` element → the context's aspects (problems go to `diagnostics`). */
export function contextFromElement(e: XElement, file: string, diagnostics: Diagnostic[]): InstanceContext {
  const at = (x: XElement) => ({ file, line: x.line, column: x.column });
  const id = e.attrs.id ?? '';
  const ent = firstChild(e, X('entity'));
  const ident = ent && firstChild(ent, X('identifier'));
  const per = firstChild(e, X('period'));
  let period: Period | undefined;
  if (per) {
    const inst = firstChild(per, X('instant'));
    const s = firstChild(per, X('startDate'));
    const en = firstChild(per, X('endDate'));
    if (inst) period = { type: 'instant', instant: inst.text.trim() };
    else if (s && en) period = { type: 'duration', start: s.text.trim(), end: en.text.trim() };
    else if (firstChild(per, X('forever'))) period = { type: 'forever' };
  }
  const dimensions: Record<string, string> = {};
  let nonDimensional = false;
  for (const container of [ent && firstChild(ent, X('segment')), firstChild(e, X('scenario'))]) {
    if (!container) continue;
    if (container.children.length === 0) {
      diagnostics.push(diag(container.local === 'segment' ? 'xbrl.4.7.3.2:segmentEmpty' : 'xbrl.4.7.4:scenarioEmpty', 'error', `Empty ${container.local} in context ${id}.`, { source: at(container) }));
    }
    for (const m of container.children) {
      if (m.name === `{${NS.xbrldi}}explicitMember`) {
        const dim = resolveQName(m.attrs.dimension ?? '', m.nsMap, false) ?? m.attrs.dimension;
        dimensions[dim] = resolveQName(m.text, m.nsMap) ?? m.text.trim();
      } else if (m.name === `{${NS.xbrldi}}typedMember`) {
        const dim = resolveQName(m.attrs.dimension ?? '', m.nsMap, false) ?? m.attrs.dimension;
        dimensions[dim] = deepText(m).trim();
      } else {
        nonDimensional = true;
        dimensions[`${container.local}:${m.name}`] = deepText(m).trim();
      }
    }
  }
  if (!ident || !ident.attrs.scheme) diagnostics.push(diag('xbrl.4.7.1:entityIdentifier', 'error', `Context ${id} has no entity identifier with a scheme.`, { source: at(e) }));
  if (!period) diagnostics.push(diag('xbrl.4.7.2:contextPeriod', 'error', `Context ${id} has no valid period.`, { source: at(e) }));
  return { id, entity: { scheme: ident?.attrs.scheme ?? '', identifier: (ident?.text ?? '').trim() }, period, dimensions, nonDimensional, line: e.line };
}

function measures(parent: XElement | undefined): string[] {
  if (!parent) return [];
  return childElements(parent, X('measure')).map((m) => resolveQName(m.text, m.nsMap, true) ?? `{?}${m.text.trim()}`).sort();
}

/** An `xbrli:unit` element → its measures (Clark names, sorted). */
export function unitFromElement(e: XElement): Unit & { line: number } {
  const div = firstChild(e, X('divide'));
  return div
    ? { numerators: measures(firstChild(div, X('unitNumerator'))), denominators: measures(firstChild(div, X('unitDenominator'))), line: e.line }
    : { numerators: measures(e), denominators: [], line: e.line };
}

/**
 * Puts each fact's context and unit aspects on the fact (entity, period, dimensions, unit) and
 * parses decimals/precision (`rawDecimals`/`rawPrecision`, checked later by the rules).
 * Facts of one unit share one unit object (less memory; keys are cached per object).
 */
export function resolveFactAspects(facts: Fact[], contexts: Map<string, InstanceContext>, units: Map<string, Unit & { line: number }>): void {
  const shared = new Map<string, Unit>();
  const sharedUnit = (id: string, u: Unit) => {
    let x = shared.get(id);
    if (!x) { x = { numerators: u.numerators, denominators: u.denominators }; shared.set(id, x); }
    return x;
  };
  for (const f of facts as (Fact & { rawDecimals?: string; rawPrecision?: string })[]) {
    const c = f.contextId !== undefined ? contexts.get(f.contextId) : undefined;
    if (c) {
      f.entity = c.entity;
      if (c.period) f.period = c.period;
      if (Object.keys(c.dimensions).length) f.dimensions = c.dimensions;
    }
    const u = f.unitId !== undefined ? units.get(f.unitId) : undefined;
    if (u) f.unit = sharedUnit(f.unitId as string, u);
    if (f.rawDecimals !== undefined) f.decimals = f.rawDecimals.trim() === 'INF' ? 'INF' : Number(f.rawDecimals);
    if (f.rawPrecision !== undefined) f.precision = f.rawPrecision.trim() === 'INF' ? 'INF' : Number(f.rawPrecision);
  }
}
