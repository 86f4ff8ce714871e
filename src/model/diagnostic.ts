/** Severity as Arelle reports it; `inconsistency` is a calculation/duplicate finding, not a schema error. */
export type Severity = 'error' | 'inconsistency' | 'warning' | 'info';

/** A place in an input file: 1-based line and column. */
export interface SourceRef {
  file: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
}

/**
 * One finding. Codes are stable strings: XBRL International / Arelle codes where the condition is
 * the same (`calc11e:inconsistentCalculationUsingRounding`), else `<stage>:<camelCase>`
 * (`release:unmappedRow`). Programs branch on `code`, never on `message`.
 */
export interface Diagnostic {
  code: string;
  severity: Severity;
  message: string;
  source?: SourceRef;
  /** Other places involved (e.g. the first occurrence of a duplicate). */
  related?: SourceRef[];
  expected?: string;
  actual?: string;
  hint?: string;
  facts?: string[];
  contexts?: string[];
  units?: string[];
  concept?: string;
  params?: Record<string, string>;
}

export function diag(
  code: string,
  severity: Severity,
  message: string,
  extra: Omit<Diagnostic, 'code' | 'severity' | 'message'> = {},
): Diagnostic {
  return { code, severity, message, ...extra };
}

export function formatSource(s: SourceRef | undefined): string {
  return s ? `${s.file}:${s.line}:${s.column}` : '';
}

export function hasErrors(ds: readonly Diagnostic[]): boolean {
  return ds.some((d) => d.severity === 'error' || d.severity === 'inconsistency');
}

/** Thrown only to abort a stage on a user-input error; the CLI prints `diagnostics` and exits 1. */
export class DiagnosticError extends Error {
  constructor(public readonly diagnostics: Diagnostic[]) {
    super(diagnostics.map((d) => `${formatSource(d.source)} ${d.code}: ${d.message}`).join('\n'));
    this.name = 'DiagnosticError';
  }
}
