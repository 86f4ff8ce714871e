import { SHAPES, bundledText, deriveShape, renameRows, RENAMES, shiftIso } from '../fixtures/shapes';

const base = bundledText();
/** Every figure of every tab-separated row, in order. */
const figures = (t: string) =>
  t
    .split('\n')
    .filter((l) => l.includes('\t'))
    .flatMap((l) => l.split('\t').slice(1))
    .filter((c) => /^[-(<]*\d[\d,.]*/.test(c) && !/Q\d\d|年/.test(c));
const shape = (n: string) => SHAPES.find((s) => s.name === n)!;

describe('fixture generator: shapes derived from the bundled release', () => {
  it('shifts dates by whole months, keeping month ends', () => {
    expect(shiftIso('2003-12-31', -6)).toBe('2003-06-30');
    expect(shiftIso('2003-09-30', 3)).toBe('2003-12-31');
    expect(shiftIso('2003-02-28', 12)).toBe('2004-02-29');
    expect(shiftIso('2002-12-30', 3)).toBe('2003-03-30');
  });

  it('keeps every figure (1Q: all but the cumulative statements)', () => {
    for (const s of SHAPES.filter((x) => x.quarter !== 1)) expect(figures(deriveShape(base, s))).toEqual(figures(base));
    const q1 = figures(deriveShape(base, shape('1Q-fy2003')));
    expect(q1.length).toBeLessThan(figures(base).length);
    expect(q1).toEqual(expect.arrayContaining(['3,204,046', '12,140,595']));
    expect(q1).not.toContain('9,761,680'); // nine months' dedicated access revenue
  });

  it("leaves none of the bundled release's period wording behind", () => {
    const baseWords = [
      /\b3Q03\b/,
      /Dec 31, 2003/,
      /2003年12月期/,
      /第3四半期/,
      /\(10-12月\)/,
      /Nine Months/,
      /Year Ending March 31, 2004/,
    ];
    for (const s of SHAPES) {
      // Table, title and date lines; prose may name the next quarter (4Q03 forecast in 3Q03).
      const t = deriveShape(base, s)
        .split('\n')
        .filter((l) => l.length < 200 && !/^[-"³]/.test(l))
        .join('\n');
      for (const w of baseWords) {
        // The 4Q and next-year shapes legitimately keep some: 3Q03 is 4Q03's prior quarter.
        const allowed =
          (s.fiscalYear === 2003 && s.quarter < 4 && /Year Ending/.test(w.source)) ||
          (s.name === '4Q-fy2003' && /3Q03|Dec 31, 2003|2003年12月期/.test(w.source)) ||
          (s.name === '3Q-fy2004' && /3Q03|Dec 31, 2003|2003年12月期|第3四半期|10-12月|Nine Months/.test(w.source));
        if (!allowed) expect([s.name, w.source, w.test(t)]).toEqual([s.name, w.source, false]);
      }
    }
  });

  it("writes each shape's own period wording in both languages", () => {
    const q4 = deriveShape(base, shape('4Q-fy2003'));
    for (const w of [
      'Twelve Months Ended Mar 31, 2004 and Mar 31, 2003',
      'Year Ended March 31, 2004',
      '2004年3月期通期',
      '2003年度第4四半期(1-3月)',
      '\t4Q03\t4Q02\t',
      'As of Mar 31, 2004, Mar 31, 2003 and Dec 31, 2003',
    ])
      expect(q4).toContain(w);
    const q1 = deriveShape(base, shape('1Q-fy2003'));
    for (const w of [
      'For the Three Months Ended Jun 30, 2003, Jun 30, 2002 and Mar 31, 2003',
      '\t1Q03\t1Q02\t',
      '2003年度第1四半期(4-6月)',
      '2003年6月期、2002年6月期、2003年3月期',
    ])
      expect(q1).toContain(w);
    expect(q1).not.toMatch(/累計|Appendix 4|Six Months|Nine Months/);
    const n3 = deriveShape(base, shape('3Q-fy2004'));
    for (const w of [
      '("fiscal 2004")',
      'Year Ending March 31, 2005',
      '\t3Q04\t3Q03\t',
      '2004年12月期累計',
      'Tokyo, February 10, 2005',
      '2005年2月10日',
    ])
      expect(n3).toContain(w);
    const q2 = deriveShape(base, shape('2Q-fy2003'));
    expect(q2).toContain('For the Six Months Ended Sep 30, 2003 and Sep 30, 2002');
  });

  it('renames the chosen rows and nothing else', () => {
    const r = renameRows(base);
    for (const x of RENAMES) expect(r).toContain(`\n${x.to}\t`);
    expect(figures(r)).toEqual(figures(base));
    expect(r.split('\n').filter((l, i) => l !== base.split('\n')[i])).toHaveLength(RENAMES.length);
  });
});
