import type { Concept, Diagnostic, Dts, InstanceContext, Report } from '../model';
import type { FactIndex } from './fact-index';

/** Calculation semantics: Calculations 1.1 round-to-nearest, XBRL 2.1 §5.2.5.2, or none. */
export type CalcMode = 'c11r' | 'c10' | 'none';
export const CALC_MODES: readonly CalcMode[] = ['c11r', 'c10', 'none'];

/** What every rule receives: the instance, its DTS and the per-run fact index, all read-only (frozen). */
export interface RuleContext {
  readonly report: Report;
  readonly dts: Dts;
  /** Facts grouped by context + unit + language, built once per validation. */
  readonly index: FactIndex;
  /** XML input only: contexts and units as declared (ids, lines). */
  readonly contexts?: ReadonlyMap<string, InstanceContext>;
  readonly units?: ReadonlyMap<string, { numerators: string[]; denominators: string[]; line: number }>;
  readonly file: string;
  readonly calc: CalcMode;
  concept(name: string): Concept | undefined;
}

/** A rule is a pure function: it reads the context and returns its findings. */
export type Rule = (ctx: RuleContext) => Diagnostic[];
