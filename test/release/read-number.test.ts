import { readNumber } from '../../src/release';

describe('readNumber: every cell form of the release', () => {
  const cases: [string, unknown][] = [
    ['3,204', { kind: 'number', digits: '3204', negative: false, places: 0, percent: false }],
    ['(566,520)', { kind: 'number', digits: '566520', negative: true, places: 0, percent: false }],
    ['(5.9%)', { kind: 'number', digits: '5.9', negative: true, places: 1, percent: true }],
    ['0.4%', { kind: 'number', digits: '0.4', negative: false, places: 1, percent: true }],
    ['25.83', { kind: 'number', digits: '25.83', negative: false, places: 2, percent: false }],
    ['(1,098.1)', { kind: 'number', digits: '1098.1', negative: true, places: 1, percent: false }],
    ['76,623,702', { kind: 'number', digits: '76623702', negative: false, places: 0, percent: false }],
    ['▲830', { kind: 'number', digits: '830', negative: true, places: 0, percent: false }],
    ['△1.0', { kind: 'number', digits: '1.0', negative: true, places: 1, percent: false }],
    ['60.3', { kind: 'number', digits: '60.3', negative: false, places: 1, percent: false }],
    ['-', { kind: 'dash' }],
    ['', { kind: 'empty' }],
    ['  ', { kind: 'empty' }],
  ];
  it.each(cases)('%s', (text, expected) => expect(readNumber(text)).toEqual(expected));

  it.each(['3,20', '12,3456', 'n/a', '1.2.3', '(12', 'USD (1)', '3Q03'])('rejects %s', (text) => {
    expect(readNumber(text).kind).toBe('invalid');
  });
});
