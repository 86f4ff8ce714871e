/**
 * Dates as `YYYY-MM-DD` strings in XBRL's date-only form: an end date means the end of that day.
 * Only whole-day arithmetic is needed, done in UTC to keep it independent of the machine's zone.
 */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The last day of `month` (1–12) of `year`. */
export function monthEnd(year: number, month: number): string {
  const d = new Date(Date.UTC(year, month, 0));
  return d.toISOString().slice(0, 10);
}
