/**
 * One budget per run: how much input a reader takes before it stops with a coded finding
 * (`io:fileTooLarge`, `<reader>:limitExceeded`) naming the limit and the option that raises it.
 */
import { diag, type Diagnostic, type LimitCode, type SourceRef } from '../model';

export interface Limits {
  /** Bytes of one input file (`--max-size`, MiB). */
  maxBytes: number;
  /** Element or JSON nesting depth (`--max-depth`). */
  maxDepth: number;
  /** Characters of one value, cell, row identifier or header (`--max-cell`). */
  maxCell: number;
  /** Contexts and units of one report (`--max-contexts`). */
  maxContexts: number;
}

export const DEFAULT_LIMITS: Readonly<Limits> = Object.freeze({
  maxBytes: 512 * 2 ** 20,
  maxDepth: 256,
  maxCell: 1 << 20,
  maxContexts: 1_000_000,
});

/** The CLI option that raises each limit. */
export const LIMIT_FLAGS: Readonly<Record<keyof Limits, string>> = Object.freeze({
  maxBytes: '--max-size <MiB>',
  maxDepth: '--max-depth <n>',
  maxCell: '--max-cell <chars>',
  maxContexts: '--max-contexts <n>',
});

export function limitsOf(partial: Partial<Limits> | undefined): Limits {
  const out = { ...DEFAULT_LIMITS };
  for (const k of Object.keys(DEFAULT_LIMITS) as (keyof Limits)[]) {
    const v = partial?.[k];
    if (typeof v === 'number' && v > 0) out[k] = v;
  }
  return out;
}

/** `<what> exceeds the limit of N (raise it with --flag)`, coded. */
export function limitExceeded(
  code: LimitCode,
  what: string,
  limit: keyof Limits,
  value: number,
  source: SourceRef,
  limits: Limits,
): Diagnostic {
  return diag(
    code,
    'error',
    `${what}: ${value} exceeds the limit of ${limits[limit]} (raise it with ${LIMIT_FLAGS[limit]}); reading stopped.`,
    {
      source,
      expected: `at most ${limits[limit]}`,
      actual: String(value),
      params: { limit, flag: LIMIT_FLAGS[limit] },
    },
  );
}
