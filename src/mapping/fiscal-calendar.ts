/** First day of the month `months` before the month after `end` (a 3-month period ending `end`). */
export function startOfMonthsEnding(end: string, months: number): string {
  const y = Number(end.slice(0, 4));
  const m = Number(end.slice(5, 7));
  const d = new Date(Date.UTC(y, m - months, 1));
  return d.toISOString().slice(0, 10);
}

/** Start of the fiscal year containing `end`, for a fiscal year ending in month `fyEndMonth`. */
export function fiscalYearStart(end: string, fyEndMonth: number): string {
  const y = Number(end.slice(0, 4));
  const m = Number(end.slice(5, 7));
  const startYear = m > fyEndMonth ? y : y - 1;
  return new Date(Date.UTC(startYear, fyEndMonth, 1)).toISOString().slice(0, 10);
}

/**
 * IIJ names quarters by fiscal year: `3Q03` is the third quarter of fiscal 2003, which starts on the
 * first day after the fiscal year end in calendar 2003 (for a March year end: Oct–Dec 2003).
 */
export function fiscalQuarter(q: number, fiscalYear: number, fyEndMonth: number): { start: string; end: string } {
  const startMonth0 = fyEndMonth + (q - 1) * 3; // 0-based month index from January of fiscalYear
  const start = new Date(Date.UTC(fiscalYear, startMonth0, 1));
  const end = new Date(Date.UTC(fiscalYear, startMonth0 + 3, 0));
  return { start: start.toISOString().slice(0, 10), end: end.toISOString().slice(0, 10) };
}
