import { diag, type Diagnostic, type Severity } from '../model/diagnostic';

/** The order findings are printed in: what stops a run first, what explains a figure last. */
export const SEVERITIES: readonly Severity[] = ['error', 'inconsistency', 'warning', 'info'];

/** Columns are 1-based; a reader that knows only the line gives column 1 (never 0). */
const column = (c: number | undefined): number => (c !== undefined && c >= 1 ? c : 1);

/** `file:line:col severity code message` — the shape compilers and linters use, so editors can jump to it. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.source ? `${d.source.file}:${d.source.line}:${column(d.source.column)}` : '-';
  let s = `${where} ${d.severity} ${d.code} ${d.message}`;
  if (d.expected !== undefined) s += `\n    expected: ${d.expected}`;
  if (d.actual !== undefined) s += `\n    found:    ${d.actual}`;
  for (const r of d.related ?? []) s += `\n    see:      ${r.file}:${r.line}:${column(r.column)}`;
  if (d.hint !== undefined) s += `\n    hint:     ${d.hint}`;
  return s;
}

/** The same diagnostic for JSON output: columns 1-based, as in text. */
export function jsonDiagnostic(d: Diagnostic): Diagnostic {
  const fix = <T extends { column: number }>(s: T): T => (s.column >= 1 ? s : { ...s, column: 1 });
  return {
    ...d,
    ...(d.source ? { source: fix(d.source) } : {}),
    ...(d.related ? { related: d.related.map(fix) } : {}),
  };
}

export type Counts = Record<Severity, number>;

export function countBySeverity(ds: readonly Diagnostic[]): Counts {
  const c: Counts = { error: 0, inconsistency: 0, warning: 0, info: 0 };
  for (const d of ds) c[d.severity]++;
  return c;
}

/** `0 errors, 4 inconsistencies, 5 warnings, 37 info (not shown; --show-info)`. */
export function formatCounts(c: Counts, showInfo: boolean): string {
  const n = (k: number, one: string, many: string) => `${k} ${k === 1 ? one : many}`;
  return `${n(c.error, 'error', 'errors')}, ${n(c.inconsistency, 'inconsistency', 'inconsistencies')}, ${n(c.warning, 'warning', 'warnings')}, ${c.info} info${c.info && !showInfo ? ' (not shown; --show-info)' : ''}`;
}

/** Findings in severity order (a stable sort keeps each reader's order within a severity); info only when asked for. */
export function findingsToPrint(ds: readonly Diagnostic[], showInfo: boolean): Diagnostic[] {
  return ds
    .filter((d) => showInfo || d.severity !== 'info')
    .map((d, i) => ({ d, i }))
    .sort((a, b) => SEVERITIES.indexOf(a.d.severity) - SEVERITIES.indexOf(b.d.severity) || a.i - b.i)
    .map((x) => x.d);
}

/** An I/O or usage problem: the run could not read its input or write its output. */
export const isIo = (d: Diagnostic): boolean => d.code.startsWith('io:') || d.code === 'IOerror';

/**
 * One exit status per fault, in every command: 2 when an input could not be read or an output not
 * written (an `io:` code), 1 when there are errors or inconsistencies, 0 otherwise.
 */
export function exitStatus(ds: readonly Diagnostic[]): 0 | 1 | 2 {
  if (ds.some(isIo)) return 2;
  return ds.some((d) => d.severity === 'error' || d.severity === 'inconsistency') ? 1 : 0;
}

export const SHOW_INFO = ['--show-info', 'also print informational findings (explained by the input itself)'] as const;

/** An input that cannot be read: `io:fileNotFound` when it is not there (as in convert and validate), else `io:cannotRead`. */
export function ioProblem(file: string, e: unknown): Diagnostic {
  const code = (e as NodeJS.ErrnoException).code;
  return diag(code === 'ENOENT' ? 'io:fileNotFound' : 'io:cannotRead', 'error', `Cannot read ${file}: ${code ?? e}.`, {
    source: { file, line: 1, column: 1 },
  });
}
