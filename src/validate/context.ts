import type { Concept, Diagnostic, Dts, InstanceContext, Report } from '../model';

/** What every rule receives: the instance, its DTS, and where to put findings. */
export interface RuleContext {
  report: Report;
  dts: Dts;
  /** XML input only: contexts and units as declared (ids, lines). */
  contexts?: Map<string, InstanceContext>;
  units?: Map<string, { numerators: string[]; denominators: string[]; line: number }>;
  file: string;
  calc: 'c11r' | 'c10' | 'none';
  concept(name: string): Concept | undefined;
  push(d: Diagnostic): void;
}

export type Rule = (ctx: RuleContext) => void;
