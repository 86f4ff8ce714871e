import { diag, type Diagnostic, type Fact, factId } from '../../model';
import type { RuleContext } from '../context';
import { contextKeyOf, unitKey } from '../fact-index';
import { isDecimalLexical } from '../facts';
import { cmp, parseQ } from '../../util/exact';

export const CODES = {
  essenceAlias: 'xbrl.5.2.6.2.2:essenceAliasUnitsInconsistency',
  requiresElement: 'xbrl.5.2.6.2.4:requiresElementInconsistency',
} as const;

const ESSENCE_ALIAS = 'http://www.xbrl.org/2003/arcrole/essence-alias';
const REQUIRES_ELEMENT = 'http://www.xbrl.org/2003/arcrole/requires-element';

function sameValue(a: Fact, b: Fact, numeric: boolean): boolean {
  if (a.value === null || b.value === null) return a.value === b.value;
  if (numeric && isDecimalLexical(a.value) && isDecimalLexical(b.value))
    return cmp(parseQ(a.value.trim()), parseQ(b.value.trim())) === 0;
  return a.value.trim().replace(/\s+/g, ' ') === b.value.trim().replace(/\s+/g, ' ');
}

/**
 * XBRL 2.1 §5.2.6.2.2 and §5.2.6.2.4 on instances: an essence fact and its alias fact in the same
 * context and tuple must agree in unit and value; a concept that requires another needs a fact of it.
 */
export function essenceAlias(ctx: RuleContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  const rels = ctx.dts.relationships.filter((r) => r.arcrole === ESSENCE_ALIAS || r.arcrole === REQUIRES_ELEMENT);
  if (!rels.length) return out;
  const wanted = new Set(rels.flatMap((r) => [r.from, r.to]));
  const byConcept = new Map<string, Fact[]>();
  for (const f of ctx.report.facts) {
    if (!wanted.has(f.concept) || f.tuple) continue;
    const list = byConcept.get(f.concept);
    if (list) list.push(f);
    else byConcept.set(f.concept, [f]);
  }
  const name = (c: string) => ctx.concept(c)?.localName ?? c;
  for (const r of rels) {
    const from = byConcept.get(r.from) ?? [];
    if (r.arcrole === REQUIRES_ELEMENT) {
      if (from.length && !(byConcept.get(r.to) ?? []).length) {
        out.push(
          diag(
            CODES.requiresElement,
            'inconsistency',
            `${name(r.from)} is reported, but ${name(r.to)}, which it requires, is not.`,
            { source: from[0].source, facts: [factId(from[0])] },
          ),
        );
      }
      continue;
    }
    const numeric = !!ctx.concept(r.from)?.numeric;
    const aliases = new Map<string, Fact[]>();
    for (const f of byConcept.get(r.to) ?? []) {
      const k = `${contextKeyOf(f)}|${f.tupleParent ?? ''}`;
      aliases.set(k, [...(aliases.get(k) ?? []), f]);
    }
    for (const e of from) {
      for (const a of aliases.get(`${contextKeyOf(e)}|${e.tupleParent ?? ''}`) ?? []) {
        const unitsDiffer = numeric && unitKey(e.unit) !== unitKey(a.unit);
        if (!unitsDiffer && sameValue(e, a, numeric)) continue;
        out.push(
          diag(
            CODES.essenceAlias,
            'inconsistency',
            `Essence ${name(r.from)} (${factId(e)} = ${e.value ?? 'nil'}) and alias ${name(r.to)} (${factId(a)} = ${a.value ?? 'nil'}) ${unitsDiffer ? 'have different units' : 'differ'} in the same context.`,
            { source: e.source, related: a.source ? [a.source] : undefined, facts: [factId(e), factId(a)] },
          ),
        );
      }
    }
  }
  return out;
}
