import fs from 'node:fs';
import path from 'node:path';
import { normalizeLabel, parseRelease } from '../../src/release';

const RELEASE = path.join(__dirname, '../../releases/iij-2004-02-12-3q-fy2003.txt');

describe('parseRelease on a hand-made release', () => {
  const text = [
    'Table 1. Revenues (JPY in millions)',
    '',
    'Revenues\t3Q03\t3Q02\tYoY % change',
    'Revenues:\t\t\t',
    'Dedicated access services\t3,204\t3,404\t(5.9%)',
    'Total revenues\t<u>9,633</u>\t10,564\t(8.8%)',
    '',
    '¹ A note.',
  ].join('\n');
  const { release, diagnostics } = parseRelease(text, 'x.txt');
  const t = release.tables[0];

  it('finds one English table with its title line above it', () => {
    expect(diagnostics).toEqual([]);
    expect(release.tables).toHaveLength(1);
    expect(t.lang).toBe('en');
    expect(t.preamble).toEqual([{ text: 'Table 1. Revenues (JPY in millions)', line: 1 }]);
  });
  it('separates header, group and data rows and keeps line/column of cells', () => {
    expect(t.headerRows).toHaveLength(1);
    expect(t.columns.map((c) => c.headers)).toEqual([['3Q03'], ['3Q02'], ['YoY % change']]);
    expect(t.rows[0].group).toBe(true);
    expect(t.rows[1]).toMatchObject({ line: 5, section: 'Revenues:', group: false });
    expect(t.rows[1].cells[0]).toEqual({ text: '3,204', line: 5, column: 27 });
    expect(t.rows[2].cells[0].text).toBe('9,633');
  });
  it('reads notes', () => {
    expect(release.notes).toEqual([{ mark: '1', text: 'A note.', line: 8, lang: 'en' }]);
  });
});

describe('parseRelease structure errors', () => {
  it('reports a row with a wrong number of cells at its line', () => {
    const { diagnostics } = parseRelease('T\n\n\ta\tb\nx\t1\t2\ny\t1\n', 'bad.txt');
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({
      code: 'release:cellCountMismatch',
      severity: 'error',
      source: { file: 'bad.txt', line: 5 },
    });
  });
  it('reports a text without tables', () => {
    expect(parseRelease('just prose\n', 'p.txt').diagnostics[0].code).toBe('release:noTables');
  });
});

describe('parseRelease on the bundled release', () => {
  const { release, diagnostics } = parseRelease(fs.readFileSync(RELEASE, 'utf8'), RELEASE);
  it('finds the 12 Japanese and 14 English tables', () => {
    expect(diagnostics).toEqual([]);
    expect(release.tables.filter((t) => t.lang === 'ja')).toHaveLength(12);
    expect(release.tables.filter((t) => t.lang === 'en')).toHaveLength(14);
  });
  it('fills spanning headers rightwards (three header rows of the statement of operations)', () => {
    const ops = release.tables.find(
      (t) =>
        t.preamble.some((p) => p.text.startsWith('For the Three Months')) && t.lang === 'en' && t.columns.length === 9,
    )!;
    expect(ops.columns[3].headers).toEqual(['Year-over-year Comparison', 'Dec 30, 2002', 'JPY']);
    expect(ops.columns[8].headers).toEqual(['Sequential Comparison', 'Sep 30, 2003', 'QOQ Chg %']);
  });
});

describe('normalizeLabel', () => {
  it.each([
    ['Adjusted EBITDA ⁵', 'Adjusted EBITDA', ['5']],
    ['Common stock(2)', 'Common stock', ['2']],
    ['USD (1)', 'USD', ['1']],
    ['インターネットデータセンター接続サービス契約数 ¹', 'インターネットデータセンター接続サービス契約数', ['1']],
    ['64kbps – 128kbps', '64kbps - 128kbps', []],
    ['<u>Total revenues</u>', 'Total revenues', []],
    ['IIJ4U (Dial-up access services for retail market)', 'IIJ4U (Dial-up access services for retail market)', []],
  ])('%s', (raw, text, marks) => expect(normalizeLabel(raw)).toEqual({ text, marks }));
});
