import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { convertBytes } from '../../src/convert';
import type { MappedFact } from '../../src/mapping/types';
import { BASE, SHAPES, bundledText, deriveShape, quarterDelta, shiftIso, type Shape } from '../fixtures/shapes';

const ROOT = path.join(__dirname, '../..');
const base = convertBytes(Buffer.from(bundledText()), 'base.txt', { lang: 'both' });
const DEI = new Set([
  'DocumentPeriodEndDate',
  'FiscalYearFocus',
  'FiscalPeriodFocus',
  'ReleaseDate',
  'ExchangeRateJPYPerUSD',
]);
const unitOf = (f: MappedFact) => (f.unit ? `${f.unit.numerators.join('*')}/${f.unit.denominators.join('*')}` : '');
const periodOf = (p: MappedFact['period']) =>
  p.type === 'instant' ? p.instant : p.type === 'duration' ? `${p.start}..${p.end}` : 'forever';
const key = (f: MappedFact, period = periodOf(f.period)) =>
  `${f.name}|${period}|${unitOf(f)}|${f.value}|${f.decimals ?? ''}`;
const periodEnd = (s: Shape) => shiftIso('2003-12-31', quarterDelta(s) * 3);

/** Where a fact of the bundled release lands in a derived shape: shifted by the quarters between them. */
function expectedPeriod(f: MappedFact, s: Shape): string | undefined {
  const months = quarterDelta(s) * 3;
  const cumulative = f.provenance.every((o) => o.table.endsWith('-cumulative'));
  if (cumulative) {
    if (s.quarter === 1) return undefined; // 1Q has no cumulative statements
    // The cumulative period runs from the shape's fiscal year start (a year earlier for the
    // prior-year column), whatever its length.
    const back = f.period.type === 'duration' ? BASE.fiscalYear - Number(f.period.start.slice(0, 4)) : 0;
    return `${s.fiscalYear - back}-04-01..${shiftIso(periodEnd(s), -12 * back)}`;
  }
  const p = f.period;
  if (p.type === 'instant') return shiftIso(p.instant, months);
  if (p.type === 'duration') return `${shiftIso(p.start, months)}..${shiftIso(p.end, months)}`;
  return 'forever';
}

describe.each(SHAPES.map((s) => [s.name, s] as const))('the %s release', (_name, shape) => {
  const r = convertBytes(Buffer.from(deriveShape(bundledText(), shape)), `${shape.name}.txt`, { lang: 'both' });

  it('converts without errors, every figure accounted for', () => {
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.ok).toBe(true);
    for (const lang of ['en', 'ja']) expect(r.coverage[lang].unaccounted).toBe(0);
  });

  it("keeps every fact's concept, value, unit and decimals, at exactly the shifted period", () => {
    const expected = base.facts
      .filter((f) => !DEI.has(f.name))
      .flatMap((f) => {
        const p = expectedPeriod(f, shape);
        return p === undefined ? [] : [key(f, p)];
      })
      .sort();
    const actual = r.facts
      .filter((f) => !DEI.has(f.name))
      .map((f) => key(f))
      .sort();
    expect(actual).toEqual(expected);
    // Opening cash is the instant before the quarter starts, on the balance sheet's concept.
    const start = shiftIso('2003-09-30', quarterDelta(shape) * 3);
    expect(
      r.facts.some(
        (f) => f.name === 'CashAndCashEquivalents' && periodOf(f.period) === start && f.value === '11782935000',
      ),
    ).toBe(true);
  });

  it('states the document information the text gives', () => {
    const dei = Object.fromEntries(
      r.facts.filter((f) => DEI.has(f.name)).map((f) => [f.name, `${f.value}@${periodOf(f.period)}`]),
    );
    const end = periodEnd(shape);
    const quarter = `${shiftIso('2003-10-01', quarterDelta(shape) * 3)}..${end}`;
    expect(dei).toEqual({
      DocumentPeriodEndDate: `${end}@${quarter}`,
      FiscalYearFocus: `${shape.fiscalYear}@${quarter}`,
      FiscalPeriodFocus: `${shape.quarter === 4 ? 'FY' : `Q${shape.quarter}`}@${quarter}`,
      ReleaseDate: `${shape.released}@${quarter}`,
      ExchangeRateJPYPerUSD: `107.13@${end}`,
    });
  });
});

describe('period words are cross-checked', () => {
  const q4 = deriveShape(
    bundledText(),
    SHAPES.find((s) => s.quarter === 4)!,
  );

  it('a title saying nine months over columns ending at the fiscal year end is an error naming both places', () => {
    const text = q4.replace('For the Twelve Months Ended', 'For the Nine Months Ended');
    const lines = text.split('\n');
    const titleLine = lines.findIndex((l) => l.startsWith('For the Nine Months Ended')) + 1;
    const r = convertBytes(Buffer.from(text), 'q4.txt', { lang: 'both' });
    expect(r.ok).toBe(false);
    const d = r.diagnostics.filter((x) => x.code === 'release:periodConflict');
    expect(d.length).toBeGreaterThan(0);
    expect(d[0].related).toEqual([{ file: 'q4.txt', line: titleLine, column: 1 }]);
    expect(lines[d[0].source!.line - 1]).toContain('Mar 31, 2004');
    expect(d[0].message).toMatch(/9 months.*12 months/);
  });

  it('通期 over columns ending mid-year is an error', () => {
    const text = bundledText().replace(/2003年12月期累計/g, '2003年12月期通期');
    const r = convertBytes(Buffer.from(text), 'x.txt', { lang: 'ja' });
    expect(r.diagnostics.some((d) => d.code === 'release:periodConflict' && /通期/.test(d.message))).toBe(true);
  });

  it('a text naming another quarter than its tables is an error at the text', () => {
    const text = bundledText().replace('results for the 3rd quarter', 'results for the 2nd quarter');
    const r = convertBytes(Buffer.from(text), 'x.txt', { lang: 'en' });
    const d = r.diagnostics.find((x) => x.code === 'release:periodConflict');
    expect(d).toMatchObject({ concept: 'FiscalPeriodFocus', expected: 'Q3', actual: 'Q2' });
    expect(text.split('\n')[d!.source!.line - 1]).toContain('2nd quarter');
  });
});

describe('the CLI', () => {
  it('converts the full-year release with exit 0', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iij-q4-'));
    const file = path.join(dir, 'iij-2004-05-20-4q-fy2003.txt');
    fs.writeFileSync(
      file,
      deriveShape(
        bundledText(),
        SHAPES.find((s) => s.quarter === 4)!,
      ),
    );
    const p = spawnSync(
      process.execPath,
      [path.join(ROOT, 'dist/src/cli/main.js'), 'convert', file, '--out', path.join(dir, 'out'), '--quiet'],
      { encoding: 'utf8' },
    );
    expect([p.status, p.stderr.split('\n').filter((l) => / error /.test(l))]).toEqual([0, []]);
    expect(fs.readdirSync(path.join(dir, 'out'))).toEqual(
      expect.arrayContaining([
        'iij-20040331.facts.json',
        'iij-20040331.json',
        'iij-20040331.report.json',
        'iij-20040331.xml',
      ]),
    );
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
