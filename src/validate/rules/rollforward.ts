import { ARCROLE, ROLE, diag, type Diagnostic, type Fact, factId } from '../../model';
import { addDays } from '../../xbrl/dates';
import type { RuleContext } from '../context';
import { bigInterval, exactly, intersect, invalidAccuracy, isDecimalLexical, type BigInterval } from '../facts';
import { formatScaled } from '../../util/exact';

export const CODES = { inconsistent: 'iij:rollforwardInconsistency' } as const;

/**
 * Finds roll-forwards the way US-GAAP-style taxonomies express them: in a presentation network an
 * instant concept appears twice under one parent, with preferredLabel periodStartLabel and
 * periodEndLabel; the change is the duration concept presented between them, or else just before the
 * opening balance (cash flows: net increase in cash, then cash at beginning and end of period).
 */
export function rollforwardPairs(ctx: RuleContext): { balance: string; change: string }[] {
  const pairs = new Map<string, { balance: string; change: string }>();
  const children = new Map<string, typeof ctx.dts.relationships>();
  for (const r of ctx.dts.relationships) {
    if (r.arcrole !== ARCROLE.parentChild) continue;
    const k = `${r.linkrole} ${r.from}`;
    children.set(k, [...(children.get(k) ?? []), r]);
  }
  for (const list of children.values()) {
    const sorted = [...list].sort((a, b) => a.order - b.order);
    sorted.forEach((r, i) => {
      if (r.preferredLabel !== ROLE.periodStartLabel) return;
      const endAt = sorted.findIndex((x) => x.to === r.to && x.preferredLabel === ROLE.periodEndLabel);
      if (endAt < 0) return;
      const isChange = (k: number) => {
        const c = ctx.concept(sorted[k].to);
        return c && !c.abstract && c.numeric && c.periodType === 'duration' ? c : undefined;
      };
      // Classic layout: opening, change(s), closing — the change is the last duration concept before the closing
      // balance; US-GAAP cash-flow layout: change, opening, closing — the duration concept just before the opening.
      let change;
      for (let k = endAt - 1; k > i && !change; k--) change = isChange(k);
      for (let k = i - 1; k >= 0 && !change; k--) change = isChange(k);
      if (change) pairs.set(`${r.to}|${change.name}`, { balance: r.to, change: change.name });
    });
  }
  return [...pairs.values()];
}

/** Opening balance + change over the period = closing balance, within the facts' rounding. */
export function rollforward(ctx: RuleContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  const pairs = rollforwardPairs(ctx);
  if (!pairs.length) return out;
  const changes = new Set(pairs.map((p) => p.change));
  // The last reported (non-nil) balance fact that binds with `f` at `instant` (the index holds no numeric fact outside xs:decimal).
  const at = (f: Fact, concept: string, instant: string) => {
    const set = ctx.index.find(concept, f, { type: 'instant', instant });
    for (let i = (set?.length ?? 0) - 1; i >= 0; i--) if (set![i].value !== null && set![i].unit) return set![i];
    return undefined;
  };
  for (const { balance, change } of pairs) {
    for (const f of ctx.report.facts) {
      if (
        !changes.has(f.concept) ||
        f.concept !== change ||
        f.period.type !== 'duration' ||
        f.value === null ||
        !f.unit ||
        !isDecimalLexical(f.value) ||
        invalidAccuracy(f)
      )
        continue;
      const open = at(f, balance, addDays(f.period.start, -1));
      const close = at(f, balance, f.period.end);
      if (!open || !close || invalidAccuracy(open) || invalidAccuracy(close)) continue;
      const x = exactly([open, f, close], 3);
      const o = bigInterval(open, x);
      const c = bigInterval(f, x);
      const sum: BigInterval = [o[0] + c[0], o[1] + c[1]];
      if (!intersect(sum, bigInterval(close, x))) {
        const name = (x: string) => ctx.concept(x)?.localName ?? x;
        out.push(
          diag(
            CODES.inconsistent,
            'inconsistency',
            `Roll-forward of ${name(balance)} over ${f.period.start}..${f.period.end}: opening ${open.value} + ${name(change)} ${f.value} = [${formatScaled(sum[0], x.scale)}, ${formatScaled(sum[1], x.scale)}], but closing is ${close.value}.`,
            {
              source: close.source,
              related: [open.source, f.source].filter((s) => s !== undefined) as never,
              facts: [factId(open), factId(f), factId(close)],
              concept: name(balance),
            },
          ),
        );
      }
    }
  }
  return out;
}
