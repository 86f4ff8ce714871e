import type { Concept, Diagnostic, Dts, InstanceContext, Report } from '../model';

/** Calculation semantics: Calculations 1.1 round-to-nearest, XBRL 2.1 §5.2.5.2, or none. */
export type CalcMode = 'c11r' | 'c10' | 'none';
export const CALC_MODES: readonly CalcMode[] = ['c11r', 'c10', 'none'];

/** What every rule receives: the instance, its DTS, and where to put findings. */
export interface RuleContext {
  report: Report;
  dts: Dts;
  /** XML input only: contexts and units as declared (ids, lines). */
  contexts?: Map<string, InstanceContext>;
  units?: Map<string, { numerators: string[]; denominators: string[]; line: number }>;
  file: string;
  calc: CalcMode;
  concept(name: string): Concept | undefined;
  push(d: Diagnostic): void;
}

export type Rule = (ctx: RuleContext) => void;
