import { addDays, monthEnd } from '../../src/xbrl/dates';

/** What `Date` computes, in UTC: the reference the integer arithmetic must equal. */
const byDate = (date: string, days: number): string => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};
const iso = (y: number, m: number, d: number) =>
  `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

describe('whole-day date arithmetic', () => {
  test('adds days as Date does, across month, year, leap and century boundaries', () => {
    let checked = 0;
    for (const y of [1, 4, 100, 400, 1582, 1899, 1900, 1970, 1999, 2000, 2003, 2004, 2100, 2400, 9998]) {
      for (let m = 1; m <= 12; m++) {
        for (let d = 1; d <= 31; d++) {
          for (const k of [-366, -31, -1, 0, 1, 29, 365]) {
            const s = iso(y, m, d);
            const expected = byDate(s, k);
            if (expected.startsWith('-')) continue; // before year 1: Date's string is not a date
            expect([s, k, addDays(s, k)]).toEqual([s, k, expected]);
            checked++;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(35000);
  });

  test('known dates', () => {
    expect(addDays('2003-12-31', 1)).toBe('2004-01-01');
    expect(addDays('2004-03-01', -1)).toBe('2004-02-29');
    expect(addDays('1900-03-01', -1)).toBe('1900-02-28');
    expect(addDays('2000-03-01', -1)).toBe('2000-02-29');
  });

  test('month ends, including years before 100 (which Date.UTC would read as 19xx)', () => {
    expect(monthEnd(2004, 2)).toBe('2004-02-29');
    expect(monthEnd(2003, 2)).toBe('2003-02-28');
    expect(monthEnd(2003, 12)).toBe('2003-12-31');
    expect(monthEnd(1900, 2)).toBe('1900-02-28');
    expect(monthEnd(1, 1)).toBe('0001-01-31');
    for (let m = 1; m <= 12; m++)
      expect(monthEnd(2024, m)).toBe(addDays(m === 12 ? '2025-01-01' : iso(2024, m + 1, 1), -1));
  });
});
