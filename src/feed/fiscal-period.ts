import type { Period } from '../model';
import { addDays } from '../xbrl/dates';
import { fiscalYearStart } from '../mapping/fiscal-calendar';

/**
 * The fiscal period a fact belongs to, from its dates and the fiscal year end month alone (never
 * from column labels). Fiscal years are named by the calendar year they start in, as IIJ does
 * ("fiscal 2003" = April 2003 – March 2004 for a March year end).
 * - durations: `Q1`–`Q4` (three months aligned on a fiscal quarter), `6M`/`9M` (cumulative from the
 *   fiscal year start), `FY` (the whole year); anything else is `other`;
 * - instants: `Q1 end`…`Q4 end` at a fiscal quarter end (`asOf` gives the date), else `asOf`.
 */
export interface FiscalPeriod {
  /** `FY2003 Q3`, `FY2003 9M`, `FY2003`, `FY2003 Q3 end`, `as of 2003-11-15`, `2003-10-01..2003-10-15`. */
  key: string;
  fiscalYear: number | null;
  period: string;
  /** Instants: the date the value stands at. */
  asOf?: string;
}

const monthsBetween = (from: string, to: string): number =>
  (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7));

export function fiscalPeriod(p: Period, fyEndMonth: number): FiscalPeriod {
  if (p.type === 'forever') return { key: 'forever', fiscalYear: null, period: 'forever' };
  if (p.type === 'instant') {
    const next = addDays(p.instant, 1);
    const fyStart = fiscalYearStart(p.instant, fyEndMonth);
    const year = Number(fyStart.slice(0, 4));
    const months = monthsBetween(fyStart, next);
    if (next.endsWith('-01') && months % 3 === 0 && months > 0) {
      const period = `Q${months / 3} end`;
      return { key: `FY${year} ${period}`, fiscalYear: year, period, asOf: p.instant };
    }
    return { key: `as of ${p.instant}`, fiscalYear: year, period: 'asOf', asOf: p.instant };
  }
  const fyStart = fiscalYearStart(p.end, fyEndMonth);
  const year = Number(fyStart.slice(0, 4));
  const next = addDays(p.end, 1);
  const months = monthsBetween(p.start, next);
  const whole = p.start.endsWith('-01') && next.endsWith('-01');
  let period = 'other';
  if (whole && p.start === fyStart && [3, 6, 9, 12].includes(months))
    period = ({ 3: 'Q1', 6: '6M', 9: '9M', 12: 'FY' } as Record<number, string>)[months];
  else if (whole && months === 3 && monthsBetween(fyStart, p.start) % 3 === 0)
    period = `Q${monthsBetween(fyStart, p.start) / 3 + 1}`;
  if (period === 'other') return { key: `${p.start}..${p.end}`, fiscalYear: year, period };
  return { key: period === 'FY' ? `FY${year}` : `FY${year} ${period}`, fiscalYear: year, period };
}
