import { convertBytes } from '../../src/convert';
import { bundledText, dropCumulative } from '../fixtures/shapes';

const convertText = (t: string, lang: 'en' | 'ja' | 'both' = 'both') => convertBytes(Buffer.from(t), 'r.txt', { lang });
const codes = (r: ReturnType<typeof convertText>, code: string) => r.diagnostics.filter((d) => d.code === code);
const base = bundledText();

describe('completeness, as the mapping states it', () => {
  it('the bundled release is complete: no completeness finding', () => {
    const r = convertText(base);
    expect(r.diagnostics.filter((d) => d.code.startsWith('mapping:'))).toEqual([]);
  });

  it('a release cut off after the Japanese balance sheet fails, naming what is missing', () => {
    const lines = base.split('\n');
    const cf = lines.findIndex((l) => l.startsWith('四半期連結キャッシュフロー計算書'));
    const cut = lines.slice(0, cf - 1).join('\n');
    const r = convertText(cut);
    expect(r.ok).toBe(false);
    expect(
      codes(r, 'mapping:missingTable')
        .map((d) => d.message.split(' ')[1])
        .sort(),
    ).toEqual(['en-cash-flows', 'en-table-09', 'en-table-10', 'ja-cash-flows']);
    expect(codes(r, 'mapping:missingTable')[0].facts?.length).toBeGreaterThan(1);
    // The English tables the Japanese part duplicates are taken from it, and named.
    const taken = codes(r, 'mapping:tableFromOtherLanguage');
    expect(taken.map((d) => d.message.split(' ')[1]).sort()).toEqual([
      'en-balance-sheet',
      'en-operations-cumulative',
      'en-operations-quarter',
      'en-table-01',
      'en-table-02',
      'en-table-03',
      'en-table-04',
      'en-table-05',
      'en-table-06',
      'en-table-07',
      'en-table-08',
    ]);
    expect(taken.every((d) => d.severity === 'warning' && (d.facts?.length ?? 0) > 0)).toBe(true);
  });

  it('a table missing in one language but present in the other is a warning naming the facts taken over', () => {
    const lines = base.split('\n');
    const start = lines.findIndex((l) => l.startsWith('表 5.'));
    const end = lines.findIndex((l, i) => i > start && l.startsWith('表 6.'));
    const r = convertText([...lines.slice(0, start), ...lines.slice(end)].join('\n'));
    expect(r.ok).toBe(true);
    const w = codes(r, 'mapping:tableFromOtherLanguage');
    expect(w).toHaveLength(1);
    expect(w[0].facts).toEqual([
      'InternetDataCenterServicesRevenue',
      'OtherValueAddedServicesRevenue',
      'ValueAddedServicesRevenue',
    ]);
    expect(w[0].message).toContain('ja-table-05');
    // Converting the Japanese part alone, nothing supplies them: an error.
    expect(
      codes(convertText([...lines.slice(0, start), ...lines.slice(end)].join('\n'), 'ja'), 'mapping:missingTable'),
    ).toHaveLength(1);
  });

  it('a missing row: a warning when the other language has it, an error when neither has', () => {
    const one = base.replace(/\nOther Investments\t[^\n]*/, '');
    const r1 = convertText(one);
    expect(codes(r1, 'mapping:rowFromOtherLanguage').map((d) => d.concept)).toEqual(['OtherInvestments']);
    const both = one.replace(/\nその他投資\t[^\n]*/, '');
    const r2 = convertText(both);
    expect(r2.ok).toBe(false);
    expect(codes(r2, 'mapping:missingRow').map((d) => d.concept)).toEqual(['OtherInvestments', 'OtherInvestments']);
  });

  it('the cumulative statements are required from 2Q on: a 3Q release without them fails', () => {
    const r = convertText(dropCumulative(base));
    expect(
      codes(r, 'mapping:missingTable')
        .map((d) => d.message.split(' ')[1])
        .sort(),
    ).toEqual(['en-operations-cumulative', 'ja-operations-cumulative']);
  });
});
