import type { Diagnostic } from '../model';

/** `file:line:col severity code message` — the shape compilers and linters use, so editors can jump to it. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.source ? `${d.source.file}:${d.source.line}:${d.source.column}` : '-';
  let s = `${where} ${d.severity} ${d.code} ${d.message}`;
  if (d.expected !== undefined) s += `\n    expected: ${d.expected}`;
  if (d.actual !== undefined) s += `\n    found:    ${d.actual}`;
  for (const r of d.related ?? []) s += `\n    see:      ${r.file}:${r.line}:${r.column}`;
  if (d.hint !== undefined) s += `\n    hint:     ${d.hint}`;
  return s;
}
