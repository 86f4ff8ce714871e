/**
 * Facts bind in a calculation when their contexts are s-equal by value (XBRL 2.1 §4.7.2, §4.10):
 * an instant or end date is the end of that day, i.e. the next day's midnight, and a start date
 * its own midnight, however either is written. XBRL 2.1 conformance suite 2025-07-16, test case
 * 330-s-equal, variations V-81 to V-94 (files and notice in test/fixtures/validate/conformance-330);
 * 10 of them were false calculation inconsistencies when periods were keyed as written.
 */
import path from 'node:path';
import { validate } from '../../src/validate';

const DIR = path.join(__dirname, '..', 'fixtures', 'validate', 'conformance-330');

/** Variation, what its description says, expected result (330-s-equal-testcase.xml). */
const VARIATIONS: [number, string, 'valid' | 'invalid'][] = [
  [81, 'instant 2007-12-31 = 2008-01-01T00:00:00', 'valid'],
  [82, 'instant 2007-12-31 ≠ 2007-12-31T00:00:00', 'invalid'],
  [83, 'instant 2007-12-31 ≠ 2007-12-31T24:00:00 of another day', 'invalid'],
  [84, 'instant midnights written two ways', 'valid'],
  [85, 'the same, reversed', 'valid'],
  [86, 'Feb 28 of a non-leap year = Mar 1 midnight', 'valid'],
  [87, 'Feb 29 of a leap year = Mar 1 midnight', 'valid'],
  [88, '2100-02-28 (not a leap year) = 2100-03-01 midnight', 'valid'],
  [89, 'start date = its midnight', 'valid'],
  [90, 'start date ≠ the next midnight', 'invalid'],
  [91, 'start dateTime midnights', 'valid'],
  [92, 'end date = the next midnight', 'valid'],
  [93, 'end date ≠ its own midnight', 'invalid'],
  [94, 'end dateTime midnights', 'valid'],
];

describe.each(['c10', 'c11r'] as const)('--calc %s', (calc) => {
  test.each(VARIATIONS)('V-%i (%s): %s', (v, _what, expected) => {
    const r = validate(path.join(DIR, `330-s-equal-instance-${v}.xml`), { calc, packages: [] });
    const blocking = r.diagnostics.filter((d) => d.severity === 'error' || d.severity === 'inconsistency');
    if (expected === 'valid') expect(blocking).toEqual([]);
    else
      expect(blocking.map((d) => d.code)).toEqual([
        calc === 'c10' ? 'xbrl.5.2.5.2:calcInconsistency' : 'calc11e:inconsistentCalculationUsingRounding',
      ]);
  });
});
