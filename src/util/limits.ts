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
  /** Contexts of one XML or Inline XBRL document (`--max-contexts`). */
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

/**
 * The deepest nesting `--max-depth` may allow. No reader recurses per level of the input any more
 * (segment and scenario content, defaults, schema ids: explicit stacks; tested 100,000 deep), so
 * this is no longer about the call stack: nested `ix:nonNumeric` each hold the text of all they
 * contain, which grows with the square of the depth, and 2,000 keeps that under a few MB.
 */
export const MAX_DEPTH_CEILING = 2000;

export function limitsOf(partial: Partial<Limits> | undefined): Limits {
  const out = { ...DEFAULT_LIMITS };
  for (const k of Object.keys(DEFAULT_LIMITS) as (keyof Limits)[]) {
    const v = partial?.[k];
    if (typeof v === 'number' && v > 0) out[k] = v;
  }
  out.maxDepth = Math.min(out.maxDepth, MAX_DEPTH_CEILING);
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

/** The deepest nesting of arrays and objects in a JSON text when it exceeds `max` (linear, strings skipped), else undefined. */
export function jsonTooDeep(text: string, max: number): { depth: number; offset: number } | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return { depth, offset: i };
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return undefined;
}
