import { fiscalQuarter, fiscalYearStart, startOfMonthsEnding } from '../../src/mapping/fiscal-calendar';
import { addDays, monthEnd } from '../../src/xbrl/dates';

describe("IIJ's fiscal calendar (year ends March 31)", () => {
  it.each([
    [1, 2003, '2003-04-01', '2003-06-30'],
    [2, 2003, '2003-07-01', '2003-09-30'],
    [3, 2003, '2003-10-01', '2003-12-31'],
    [4, 2003, '2004-01-01', '2004-03-31'],
    [3, 2002, '2002-10-01', '2002-12-31'],
  ])('%iQ of fiscal %i', (q, fy, start, end) => expect(fiscalQuarter(q, fy, 3)).toEqual({ start, end }));
  it('nine months to Dec 31, 2003 start on Apr 1, 2003', () =>
    expect(fiscalYearStart('2003-12-31', 3)).toBe('2003-04-01'));
  it('three months ending Dec 31 start Oct 1', () => expect(startOfMonthsEnding('2003-12-31', 3)).toBe('2003-10-01'));
  it('the opening balance of a quarter is the day before it starts', () =>
    expect(addDays('2003-10-01', -1)).toBe('2003-09-30'));
  it('month ends, leap years included', () => {
    expect(monthEnd(2004, 2)).toBe('2004-02-29');
    expect(monthEnd(2003, 9)).toBe('2003-09-30');
  });
});
