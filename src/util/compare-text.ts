/**
 * Orders two strings by their UTF-16 code units, as `Array.prototype.sort` does by default: the
 * same order on every machine whatever its locale (localeCompare and Intl.Collator follow the
 * process's locale, and their first use loads ICU's collation data, a few milliseconds of start-up).
 */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
