import { parseRelease, readNumber } from '../../src/release';
import { resolveColumns, tableKind } from '../../src/mapping/resolve-column';
import { readScale } from '../../src/mapping/scale';

const table = (pre: string[], headers: string[][]) => {
  const head = headers.map((h) => `\t${h.join('\t')}`).join('\n');
  const row = `x\t${headers[0].map(() => '1').join('\t')}`;
  return parseRelease(`${pre.join('\n')}\n\n${head}\n${row}\n`, 't').release.tables[0];
};

describe('Japanese headers and scale lines', () => {
  it('四半期: 2003年12月期, 前年同四半期比較 without a date, 前四半期比較 | 2003年9月期, 対営業収益 %, 対前年同四半期 %', () => {
    const t = table(
      ['四半期連結損益計算書(米国会計基準未監査)', 'JPY/千円単位、USD/千米ドル単位 (1)'],
      [
        ['2003年12月期', '', '', '前年同四半期比較', '', '', '前四半期比較', '', ''],
        [
          'USD (1)',
          'JPY',
          '対営業収益 %',
          'JPY',
          '対営業収益 %',
          '対前年同四半期 %',
          '2003年9月期',
          '対営業収益 %',
          '対前四半期 %',
        ],
      ],
    );
    expect(tableKind(t)).toBe('quarter');
    expect(
      resolveColumns(t, 3).map((s) =>
        s.kind === 'value' ? `${s.currency ?? ''}${s.start}..${s.end}` : s.kind === 'derived' ? s.derived : s.kind,
      ),
    ).toEqual([
      'USD2003-10-01..2003-12-31',
      'JPY2003-10-01..2003-12-31',
      'share',
      'JPY2002-10-01..2002-12-31',
      'share',
      'change',
      '2003-07-01..2003-09-30',
      'share',
      'change',
    ]);
    expect(readScale(t.preamble)).toMatchObject({ JPY: 3, USD: 3 });
  });
  it('累計: 2003年12月期累計 is the nine months from April', () => {
    const t = table(
      ['連結損益計算書', '2003年12月期累計、2002年12月期累計'],
      [['2003年12月期累計', '2002年12月期累計']],
    );
    expect(resolveColumns(t, 3).map((s) => (s.kind === 'value' ? `${s.start}..${s.end}` : s.kind))).toEqual([
      '2003-04-01..2003-12-31',
      '2002-04-01..2002-12-31',
    ]);
  });
  it('貸借対照表: 2003年12月期 is an instant', () => {
    const t = table(['四半期連結貸借対照表(米国会計基準未監査)'], [['2003年12月期', '%']]);
    const s = resolveColumns(t, 3)[0];
    expect(s).toMatchObject({ kind: 'value', end: '2003-12-31' });
    expect('start' in s && s.start).toBeFalsy();
  });
  it('前年 同期比 and 前期比 are changes; (百万円) is millions; (単位:Gbps) is not money', () => {
    const t = table(['表 1. 営業収益(売上高)の内訳', '(百万円)'], [['3Q03', '3Q02', '前年 同期比', '2Q03', '前期比']]);
    expect(resolveColumns(t, 3).map((s) => s.kind === 'derived' && s.derived)).toEqual([
      false,
      false,
      'change',
      false,
      'change',
    ]);
    expect(readScale(t.preamble).JPY).toBe(6);
    expect(readScale([{ text: '(単位:Gbps)', line: 1 }])).toEqual({ exceptPerShare: false, lines: [] });
  });
  it('English: Dec 30, 2002 is read as the quarter ended Dec 31, 2002, with a warning', () => {
    const t = table(['For the Three Months Ended Dec 31, 2003'], [['Dec 30, 2002']]);
    expect(resolveColumns(t, 3)[0]).toMatchObject({
      kind: 'value',
      start: '2002-10-01',
      end: '2002-12-31',
      warning: expect.stringContaining('not a month end'),
    });
  });
  it('▲ marks a negative figure', () => {
    expect(readNumber('▲830')).toMatchObject({ kind: 'number', negative: true, digits: '830' });
  });
});
