import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { convert } from '../../src/convert';
import { fromXbrlCsv, csvPeriodOf } from '../../src/oim/from-xbrl-csv';
import { fromXbrlJson } from '../../src/oim/from-xbrl-json';
import { toXbrlCsv, xbrlCsvNames } from '../../src/oim/to-xbrl-csv';
import { parseCsv, toCsv } from '../../src/util/csv';
import { validate } from '../../src/validate';
import type { Fact } from '../../src/model';

const RELEASE = path.join(__dirname, '../../releases/iij-2004-02-12-3q-fy2003.txt');
const PURE = '{http://www.xbrl.org/2003/instance}pure';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iij-csv-'));
const converted = convert(RELEASE, { out: dir });
const report = converted.report!;
const names = xbrlCsvNames('iij-20031231');
const metadata = path.join(dir, names.metadata);

/** A fact as OIM defines it; the CSV id `facts.r_<row>.value` maps back to the row id (the original id). */
const essence = (f: Fact) => ({
  id: (f.id ?? '').replace(/^facts\.r_(.*)\.value$/, '$1'),
  concept: f.concept,
  entity: f.entity,
  period: f.period,
  unit: f.unit?.numerators[0] === PURE && !f.unit.denominators.length ? undefined : f.unit,
  value: f.value,
  decimals: f.decimals,
  language: f.language,
  footnotes: (f.footnotes ?? []).map((n) => n.replace(/^notes\.r_(.*)\.note$/, '$1')),
});
const noteEssence = (n: { id: string; language: string; text: string }) => ({
  id: n.id.replace(/^notes\.r_(.*)\.note$/, '$1'),
  language: n.language,
  text: n.text,
});

/** Writes a copy of the bundled CSV report with one file changed, and reads it. */
function variant(change: (files: Map<string, string>) => void) {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'iij-csv-bad-'));
  const files = toXbrlCsv(report, names);
  change(files);
  for (const [n, c] of files) fs.writeFileSync(path.join(d, n), c);
  return fromXbrlCsv(path.join(d, names.metadata), names.metadata);
}
const codes = (r: { diagnostics: { code: string }[] }) => r.diagnostics.map((x) => x.code);

describe('xBRL-CSV round trip', () => {
  const read = fromXbrlCsv(metadata);
  it('convert writes the metadata and both tables', () => {
    for (const n of Object.values(names)) expect(fs.existsSync(path.join(dir, n))).toBe(true);
  });
  it('reads back without diagnostics', () => expect(read.diagnostics).toEqual([]));
  it('facts → CSV → facts are identical (every aspect, value, decimals, footnote)', () => {
    expect(read.report!.facts.length).toBe(report.facts.length);
    expect(read.report!.facts.map(essence)).toEqual(report.facts.map(essence));
  });
  it('footnotes survive, with their languages and texts', () => {
    const used = report.footnotes.filter((n) => report.facts.some((f) => f.footnotes?.includes(n.id)));
    expect(read.report!.footnotes.map(noteEssence)).toEqual(used.map(noteEssence));
  });
  it('the CSV report holds the same facts as the xBRL-JSON report', () => {
    const json = fromXbrlJson(path.join(dir, 'iij-20031231.json'));
    expect(read.report!.facts.map(essence)).toEqual(json.report!.facts.map(essence));
  });
  it('validate reads it and applies every rule (clean as shipped; a changed total is caught)', () => {
    const ok = validate(metadata);
    expect(ok.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(ok.report!.facts.length).toBe(report.facts.length);
    const d = fs.mkdtempSync(path.join(os.tmpdir(), 'iij-csv-calc-'));
    for (const [n, c] of toXbrlCsv(report, names)) {
      // Revenues of 3Q03 off by 100 million: the calculation rule must see it through the CSV reader.
      fs.writeFileSync(
        path.join(d, n),
        n === names.facts
          ? c.replace(
              /^(f-Revenues-D2003-10-01_2003-12-31,[^\n]*,)(\d+)$/m,
              (_m, a, v) => `${a}${BigInt(v) + 100000000n}`,
            )
          : c,
      );
    }
    const bad = validate(path.join(d, names.metadata));
    expect(bad.diagnostics.map((x) => x.code)).toContain('calc11e:inconsistentCalculationUsingRounding');
  });
});

describe('xBRL-CSV periods', () => {
  it('a bare date is a one-day duration; @end makes it the instant at the end of that day', () => {
    expect(csvPeriodOf('2003-12-31')).toEqual({ type: 'duration', start: '2003-12-31', end: '2003-12-31' });
    expect(csvPeriodOf('2003-12-31@end')).toEqual({ type: 'instant', instant: '2003-12-31' });
    expect(csvPeriodOf('2003-10-01@start')).toEqual({ type: 'instant', instant: '2003-09-30' });
  });
  it('reads inclusive dates, quarters (calendar), months, halves, years and OIM date-times', () => {
    expect(csvPeriodOf('2003-10-01..2003-12-31')).toEqual({ type: 'duration', start: '2003-10-01', end: '2003-12-31' });
    expect(csvPeriodOf('2003Q4')).toEqual({ type: 'duration', start: '2003-10-01', end: '2003-12-31' });
    expect(csvPeriodOf('2003Q4@end')).toEqual({ type: 'instant', instant: '2003-12-31' });
    expect(csvPeriodOf('2004-02')).toEqual({ type: 'duration', start: '2004-02-01', end: '2004-02-29' });
    expect(csvPeriodOf('2003H2')).toEqual({ type: 'duration', start: '2003-07-01', end: '2003-12-31' });
    expect(csvPeriodOf('2003')).toEqual({ type: 'duration', start: '2003-01-01', end: '2003-12-31' });
    expect(csvPeriodOf('2004-01-01T00:00:00')).toEqual({ type: 'instant', instant: '2003-12-31' });
    expect(csvPeriodOf('2003-10-01T00:00:00/2004-01-01T00:00:00')).toEqual({
      type: 'duration',
      start: '2003-10-01',
      end: '2003-12-31',
    });
    expect(csvPeriodOf('2003-10-01..2003-12-31', 'end')).toEqual({ type: 'instant', instant: '2003-12-31' });
  });
  it('refuses what is not a period', () => {
    for (const bad of [
      '2003-02-30',
      '3Q03',
      '2003-12-31@middle',
      '2003-10-01..2003-12-31@end',
      '2004-01-01T00:00:00@end',
      '2003-12-31..2003-10-01',
      '',
    ])
      expect([bad, csvPeriodOf(bad)]).toEqual([bad, undefined]);
    expect(csvPeriodOf('2003-12-31@end', 'end')).toBeUndefined();
  });
});

describe('malformed xBRL-CSV → coded diagnostics at file, row and column', () => {
  const line = (files: Map<string, string>, i: number) => files.get(names.facts)!.split('\n')[i];
  const setFacts = (files: Map<string, string>, f: (lines: string[]) => void) => {
    const lines = files.get(names.facts)!.split('\n');
    f(lines);
    files.set(names.facts, lines.join('\n'));
  };
  it('an unknown column in the header', () => {
    const r = variant((fs) =>
      setFacts(fs, (l) => {
        l[0] = l[0].replace(',language,', ',lang,');
      }),
    );
    expect(r.diagnostics[0]).toMatchObject({
      code: 'xbrlce:unknownColumn',
      source: { file: names.facts, line: 1, column: 'id,concept,period,unit,decimals,'.length + 1 },
      actual: 'lang',
    });
  });
  it('a bad value: an unknown special value, a bad decimals cell, a bad period, an unsorted unit, an unbound prefix', () => {
    let periodColumn = 0;
    const r = variant((fs) =>
      setFacts(fs, (l) => {
        l[1] = l[1].replace(/,[^,]*$/, ',#n/a');
        l[20] = l[20].replace(/,(-?\d+),,(\d+)$/, ',millions,,$2');
        l[21] = l[21].replace(/,\d{4}-\d{2}-\d{2}\.\.\d{4}-\d{2}-\d{2},/, ',3Q03,');
        periodColumn = l[21].indexOf(',3Q03,') + 2;
        l[22] = l[22].replace('iso4217:JPY', 'iso4217:JPY/(xbrli:shares*iso4217:USD)');
        l[23] = l[23].replace('iij:', 'xx:');
      }),
    );
    expect(r.diagnostics.map((d) => [d.code, d.source?.line, d.source?.column])).toEqual([
      ['xbrlce:unknownSpecialValue', 2, line(toXbrlCsv(report, names), 1).lastIndexOf(',') + 2],
      ['xbrlce:invalidDecimalsValue', 21, expect.any(Number)],
      ['xbrlce:invalidPeriodRepresentation', 22, periodColumn],
      ['oimce:invalidUnitStringRepresentation', 23, expect.any(Number)],
      ['oimce:unboundPrefix', 24, expect.any(Number)],
    ]);
    expect(r.diagnostics[0].message).toMatch(/Row 1 column "value"/);
  });
  it('a decimals suffix in a value cell sets decimals; a bad one is refused', () => {
    const ok = variant((fs) =>
      setFacts(fs, (l) => {
        l[20] = l[20].replace(/,(-?\d+),,(\d+)$/, ',,,$2d-6');
      }),
    );
    expect(ok.diagnostics).toEqual([]);
    const f = ok.report!.facts[19];
    expect([f.value, f.decimals]).toEqual([report.facts[19].value, -6]);
    const bad = variant((fs) =>
      setFacts(fs, (l) => {
        l[20] = l[20].replace(/,(-?\d+),,(\d+)$/, ',,,$2dx');
      }),
    );
    expect(codes(bad)).toEqual(['xbrlce:invalidDecimalsSuffix']);
  });
  it('a repeated or missing row identifier', () => {
    const r = variant((fs) =>
      setFacts(fs, (l) => {
        l[3] = l[3].replace(/^[^,]*/, l[2].split(',')[0]);
        l[4] = l[4].replace(/^[^,]*/, '');
      }),
    );
    expect(r.diagnostics.map((d) => [d.code, d.source?.line, d.source?.column])).toEqual([
      ['xbrlce:repeatedRowIdentifier', 4, 1],
      ['xbrlce:missingRowIdentifier', 5, 1],
    ]);
  });
  it('a quote left open', () => {
    const r = variant((fs) =>
      setFacts(fs, (l) => {
        l[5] = l[5].replace(/,([^,]*)$/, ',"$1');
      }),
    );
    expect(r.diagnostics[0]).toMatchObject({ code: 'xbrlce:invalidCSVFileFormat', source: { line: 6 } });
  });
  it('a wrong template reference, a missing table, an unknown link target', () => {
    const edit = (f: (m: Record<string, any>) => void) => (fs: Map<string, string>) => {
      const m = JSON.parse(fs.get(names.metadata)!);
      f(m);
      fs.set(names.metadata, JSON.stringify(m));
    };
    expect(
      codes(
        variant(
          edit((m) => {
            m.tables.facts.template = 'fact';
          }),
        ),
      ),
    ).toEqual(['xbrlce:unknownTableTemplate']);
    expect(
      codes(
        variant(
          edit((m) => {
            m.tables.facts.url = 'nowhere.csv';
          }),
        ),
      ),
    ).toContain('xbrlce:missingRequiredCSVFile');
    expect(
      codes(
        variant(
          edit((m) => {
            const k = Object.keys(m.links.footnote._)[0];
            m.links.footnote._[k] = ['notes.r_fn99.note'];
          }),
        ),
      ),
    ).toEqual(['xbrlce:unknownLinkTarget']);
    expect(
      codes(
        variant(
          edit((m) => {
            m.documentInfo.documentType = 'https://xbrl.org/2021/xbrl-json';
          }),
        ),
      ),
    ).toEqual(['oimce:unsupportedDocumentType']);
    expect(
      codes(
        variant(
          edit((m) => {
            m.tableTemplates.facts.columns.value.decimals = '$precision';
          }),
        ),
      )[0],
    ).toBe('xbrlce:invalidReferenceTarget');
    expect(
      codes(
        variant(
          edit((m) => {
            m.tableTemplates.facts.colums = m.tableTemplates.facts.columns;
          }),
        ),
      )[0],
    ).toBe('xbrlce:invalidJSONStructure');
  });
  it('missing or broken metadata, and the size limit', () => {
    expect(codes(fromXbrlCsv(path.join(dir, 'absent.json')))).toEqual(['io:fileNotFound']);
    const r = variant((fs) => fs.set(names.metadata, fs.get(names.metadata)!.replace('"tables"', '"tables" "')));
    expect(r.diagnostics[0]).toMatchObject({ code: 'xbrlce:invalidJSON', source: { line: expect.any(Number) } });
    expect(r.diagnostics[0].source!.line).toBeGreaterThan(1);
    expect(codes(fromXbrlCsv(metadata, metadata, { maxBytes: 1000 }))).toEqual(['io:fileTooLarge']);
  });
});

describe('CSV text', () => {
  it('quotes what must be quoted and reads it back with places', () => {
    const rows = [
      ['a', 'b,c', 'say "hi"'],
      ['line\nbreak', '', '#x'],
    ];
    const text = toCsv(rows);
    expect(text).toBe('a,"b,c","say ""hi"""\n"line\nbreak",,#x\n');
    const p = parseCsv(`\uFEFF${text}`);
    expect(p.records.map((r) => r.fields)).toEqual(rows);
    expect(p.records.map((r) => [r.line, r.lines, r.columns])).toEqual([
      [1, [1, 1, 1], [1, 3, 9]],
      [2, [2, 3, 3], [1, 8, 9]],
    ]);
    expect(parseCsv('a,b\r\nc,d\r\n').records.map((r) => r.fields)).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(parseCsv('a,"b"c\n').error).toMatchObject({ line: 1, column: 6 });
  });
});
