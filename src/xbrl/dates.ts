/**
 * Dates as `YYYY-MM-DD` strings in XBRL's date-only form: an end date means the end of that day.
 * Only whole-day arithmetic is needed, on the proleptic Gregorian calendar in integers (days from
 * civil and back, H. Hinnant's algorithms): independent of the machine's zone, and about twenty
 * times faster than a `Date` parsed and printed per call (the writers add a day to every fact's
 * period).
 */

/** Days since 1970-01-01 of a proleptic Gregorian date (month 1–12). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The date `days` after 1970-01-01, as `YYYY-MM-DD` (years before 1 or after 9999 as `Date` writes them). */
function civilFromDays(days: number): string {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  const year =
    y >= 0 && y <= 9999 ? String(y).padStart(4, '0') : (y < 0 ? '-' : '+') + String(Math.abs(y)).padStart(6, '0');
  return `${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function addDays(date: string, days: number): string {
  const m = DATE.exec(date);
  if (!m || m[2] < '01' || m[2] > '12' || m[3] < '01' || m[3] > '31') {
    // Not the plain four-digit form (the readers check dates before they get here): as `Date` does it.
    const d = new Date(`${date}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + days);
    return d.toISOString().slice(0, 10);
  }
  return civilFromDays(daysFromCivil(Number(m[1]), Number(m[2]), Number(m[3])) + days);
}

/** The last day of `month` (1–12) of `year`. */
export function monthEnd(year: number, month: number): string {
  return civilFromDays(daysFromCivil(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1) - 1);
}
