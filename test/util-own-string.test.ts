import { ownString } from '../src/util/own-string';

describe('ownString', () => {
  it('gives back the same text for every kind of string, lone surrogates and controls included', () => {
    const samples = [
      '',
      'a',
      'twelve chars',
      'thirteen char',
      '{http://www.xbrl.org/2003/instance}context',
      '決算発表のインラインXBRL表示です',
      'bad \ud800 surrogate \udfff here',
      'controls \u0000\u0001\u001f "quoted" \\ back',
      'x'.repeat(100_000),
    ];
    for (const s of samples) expect(ownString(s)).toBe(s);
    const big = `${'<e>'.repeat(1000)}a long enough substring${'</e>'.repeat(1000)}`;
    const cut = big.slice(3000, 3023);
    expect(ownString(cut)).toBe('a long enough substring');
  });
});
