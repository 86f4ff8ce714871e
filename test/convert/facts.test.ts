import path from 'node:path';
import { convert } from '../../src/convert';

const r = convert(path.join(__dirname, '../../releases/iij-2004-02-12-3q-fy2003.txt'), { lang: 'en' });
const Q3 = { type: 'duration', start: '2003-10-01', end: '2003-12-31' };
const fact = (name: string, period: object = Q3, unit = 'JPY') =>
  r.facts.find(
    (f) =>
      f.name === name &&
      JSON.stringify(f.period) === JSON.stringify(period) &&
      (f.unit
        ? f.unit.numerators.map((m) => m.slice(m.indexOf('}') + 1)).join('*') +
          (f.unit.denominators.length
            ? `/${f.unit.denominators.map((m) => m.slice(m.indexOf('}') + 1)).join('*')}`
            : '')
        : '') === unit,
  );

describe('signs, scales, units and periods of the converted facts', () => {
  it.each([
    // [concept, period, unit, value, decimals] — why
    ['IncomeTaxExpenseBenefit', Q3, 'JPY', '-280406000', -3], // "(280,406)" is a benefit: the expense is negative
    ['MinorityInterestsInIncomeLossOfConsolidatedSubsidiaries', Q3, 'JPY', '48710000', -3], // printed negated "(48,710)"
    ['IncomeLossFromEquityMethodInvestments', Q3, 'JPY', '-58354000', -3], // a loss on an income concept
    ['PaymentsToAcquirePropertyAndEquipment', Q3, 'JPY', '339621000', -3], // a payment is positive; printed "(339,621)"
    [
      'NetIncreaseDecreaseInCash',
      { type: 'duration', start: '2002-10-01', end: '2002-12-31' },
      'JPY',
      '-502140000',
      -3,
    ],
    ['TreasuryStockValue', { type: 'instant', instant: '2003-12-31' }, 'JPY', '63000', -3],
    ['RetainedEarningsAccumulatedDeficit', { type: 'instant', instant: '2003-12-31' }, 'JPY', '-35459129000', -3],
    ['CashAndCashEquivalents', { type: 'instant', instant: '2003-09-30' }, 'JPY', '11782935000', -3], // "Cash, Beginning of Period" of 3Q03
    ['Revenues', Q3, 'USD', '89920000', -3],
    ['BasicNetIncomeLossPerShare', Q3, 'JPY/shares', '51658', 0], // "Except for Per Share and ADS Data": not in thousands
    ['BasicNetIncomeLossPerADSEquivalent', Q3, 'JPY/ADS', '25.83', 2],
    ['WeightedAverageNumberOfADSEquivalents', Q3, 'ADS', '76623702', 0],
    ['WeightedAverageNumberOfShares', Q3, 'shares', '38312', 0],
    ['ContractBandwidth', { type: 'instant', instant: '2003-12-31' }, 'Gbps', '75.8', 1],
    ['NumberOfContractsDialUpAccessServices', { type: 'instant', instant: '2002-12-31' }, 'pure', '452736', 0],
    ['DepreciationAndAmortizationExcludingNoteIssuanceCost', Q3, 'JPY', '982000000', -6], // Table 9 "(982)", millions
    ['AdjustedEBITDA', { type: 'duration', start: '2003-07-01', end: '2003-09-30' }, 'JPY', '126000000', -6],
    ['ExchangeRateJPYPerUSD', { type: 'instant', instant: '2003-12-31' }, 'JPY/USD', '107.13', 2],
    [
      'GainOnRetirementOfConvertibleNotes',
      { type: 'duration', start: '2002-10-01', end: '2002-12-31' },
      'JPY',
      '0',
      -3,
    ], // "-" is none
  ])('%s', (name, period, unit, value, decimals) => {
    expect(fact(name as string, period as object, unit as string)).toMatchObject({ value, decimals });
  });

  it('reads document information from the text', () => {
    const text = (n: string) => r.facts.find((f) => f.name === n)?.value;
    expect([
      text('EntityRegistrantName'),
      text('TradingSymbol'),
      text('ReleaseDate'),
      text('FiscalYearFocus'),
      text('FiscalPeriodFocus'),
      text('DocumentPeriodEndDate'),
      text('EntityCentralIndexKey'),
    ]).toEqual(['Internet Initiative Japan Inc.', 'IIJIE', '2004-02-12', '2003', 'Q3', '2003-12-31', '0001090633']);
  });

  it('links the release footnotes to their facts', () => {
    const others = fact('OtherDedicatedAccessServicesRevenue');
    const note = r.report!.footnotes.find((n) => others?.footnotes?.includes(n.id));
    expect(note?.text).toMatch(/^Others are IIJ FiberAccess\/F Service/);
    const usd = fact('Revenues', Q3, 'USD');
    expect(r.report!.footnotes.filter((n) => usd?.footnotes?.includes(n.id)).map((n) => n.text)).toEqual([
      expect.stringMatching(/JPY 107\.13 = \$1/),
    ]);
  });
});
