/**
 * The SEC's Inline XBRL transformation registry (`http://www.sec.gov/inlineXBRL/transformation/2015-08-31`,
 * prefix `ixt-sec`), as the SEC's own transforms for the reference processor define it (a work of the
 * U.S. Government, 17 U.S.C. 105): durations from numbers and words, numbers from words, quarter ends,
 * ballot boxes, and the EDGAR code lists for exchanges, filer categories, states and countries.
 * Each function returns the value, or undefined when the text is not in its input space.
 */
export const SEC_NS = 'http://www.sec.gov/inlineXBRL/transformation/2015-08-31';

type Transform = (text: string) => string | undefined;

const WS = '[ \\t\\n\\r]*';
const DASH = '[\\u058A\\u05BE\\u2010\\u2011\\u2012\\u2013\\u2014\\u2015\\uFE58\\uFE63\\uFF0D-]';
const ONES =
  '(?:[Oo]ne|[Tt](?:wo|hree|en|welve|hirteen)|[Ff](?:our(?:teen)?|ive|ifteen)|[Ss](?:ix(?:teen)?|even(?:teen)?)|[Ee](?:ight(?:een)?|leven)|[Nn]ine(?:teen)?)';
const TENS = '(?:[Tt](?:wenty|hirty)|[Ff](?:orty|ifty)|[Ss](?:ixty|eventy)|[Ee]ighty|[Nn]inety)';
const DIGIT = '(?:[Oo]ne|[Tt](?:wo|hree)|[Ff](?:our|ive)|[Ss](?:ix|even)|[Ee]ight|[Nn]ine)';
const TENS_PART = `(?:${ONES}|${TENS}(?:(?:${DASH}|\\s+)${DIGIT})?)`;
const HUNDREDS = `(?:${ONES}\\s+[Hh]undred(?:\\s+(?:and\\s+)?${TENS_PART})?)`;
const UNDER_1000 = `(?:${HUNDREDS}|${TENS_PART})`;
const scale = (name: string) => `(?:${UNDER_1000}\\s+${name}(?:\\s*,\\s*|\\s+|$))?`;
const THOUSANDS = `(?:${UNDER_1000}\\s+[Tt]housand(?:(?:\\s*,\\s*|\\s+)(?:${HUNDREDS}|(?:and\\s+)?${TENS_PART}))?|${HUNDREDS}|${TENS_PART})?`;
const NUM_WORDS = new RegExp(
  `^${WS}(?:${['[Qq]uintillion', '[Qq]uadrillion', '[Tt]rillion', '[Bb]illion', '[Mm]illion'].map(scale).join('')}${THOUSANDS}|[Zz]ero|[Nn]o(?:ne)?|[Nn]il)${WS}$`,
);
const NUM_WORDS_NO = new RegExp(`^${WS}(?:[Nn]o(?:ne)?|[Nn]il)${WS}$`);
const DUR_NUMBER = `(?:${ONES}(?:${DASH}|\\s+)[Hh]undred(?:(?:${DASH}|\\s+)(?:and\\s+)?${TENS_PART})?|${TENS_PART}|[Zz]ero|[Nn]o|[0-9][0-9]{0,3})`;
const durPart = (unit: string, last: boolean) =>
  `(?:(${DUR_NUMBER})(?:${DASH}|\\s+)${unit}${last ? '' : `(?:,?(?:${DASH}|\\s+)(?:and\\s+)?|$)`})?`;
const DUR_WORDS = new RegExp(
  `^${WS}${durPart('[Yy]ears?', false)}${durPart('[Mm]onths?', false)}${durPart('[Dd]ays?', true)}${WS}$`,
);
const DUR_ZERO = new RegExp(`^${WS}${DASH}?(?:[Zz]ero|[Nn]o(?:ne)?)${DASH}?${WS}$`);

const SMALL: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
const MAGNITUDE: Record<string, bigint> = {
  thousand: 10n ** 3n,
  million: 10n ** 6n,
  billion: 10n ** 9n,
  trillion: 10n ** 12n,
  quadrillion: 10n ** 15n,
  quintillion: 10n ** 18n,
};

/** Words → integer (text2num): small numbers add up, "hundred" multiplies, magnitudes close a group. */
function wordsToNumber(text: string): string | undefined {
  const words = text
    .trim()
    .toLowerCase()
    .replace(/,|\sand\s/g, ' ')
    .split(/[\s-]+/)
    .filter(Boolean);
  let n = 0n;
  let g = 0n;
  for (const w of words) {
    if (w in SMALL) g += BigInt(SMALL[w]);
    else if (w === 'hundred' && g !== 0n) g *= 100n;
    else if (w in MAGNITUDE) {
      n += g * MAGNITUDE[w];
      g = 0n;
    } else return undefined;
  }
  return String(n + g);
}

const DECIMAL_VALUE = new RegExp(`^${WS}[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)${WS}$`);

/** xs:duration from its parts, as the SEC's transforms print it (P0Y for zero; no zero parts otherwise). */
function durationValue(
  y: number | undefined,
  m: number | undefined,
  d: number | undefined,
  h: number | undefined,
  sign: string,
): string {
  if ([y, m, d, h].every((i) => i === 0 || i === undefined)) {
    sign = '';
    let first = y === 0;
    if (m === 0) {
      if (first) m = undefined;
      else first = true;
    }
    if (d === 0) {
      if (first) d = undefined;
      else first = true;
    }
    if (h === 0 && first) h = undefined;
  }
  let out = `${sign}P`;
  if (y !== undefined) out += `${y}Y`;
  if (m !== undefined && (m !== 0 || y === undefined)) out += `${m}M`;
  if (d !== undefined && (d !== 0 || (y === undefined && m === undefined))) out += `${d}D`;
  if (h !== undefined && (h !== 0 || (y === undefined && m === undefined && d === undefined))) out += `T${h}H`;
  return out;
}

/** A number of years, months, weeks, days or hours → xs:duration; fractions spill into the next unit down. */
function duration(unit: 'year' | 'month' | 'week' | 'day' | 'hour'): Transform {
  return (text) => {
    if (!DECIMAL_VALUE.test(text)) return undefined;
    const v = Number(text.trim());
    const n = Math.abs(v);
    const sign = v < 0 ? '-' : '';
    const int = Math.trunc;
    if (unit === 'year') {
      const months = (n - int(n)) * 12;
      return durationValue(int(n), int(months), int((months - int(months)) * 30.4375), undefined, sign);
    }
    if (unit === 'month') return durationValue(undefined, int(n), int((n - int(n)) * 30.4375), undefined, sign);
    if (unit === 'week') return durationValue(undefined, undefined, int(n * 7), undefined, sign);
    if (unit === 'day') return durationValue(undefined, undefined, int(n), int((n - int(n)) * 24), sign);
    return durationValue(undefined, undefined, undefined, int(n), sign);
  };
}

/**
 * What most uses are ("five", "Twenty-one", "none"), without NUM_WORDS: one word of ONES, TENS or
 * zero/no/none/nil, or TENS and a DIGIT, exactly as NUM_WORDS reads them (tested against it). That
 * pattern costs 50–100 ms in its first two runs (V8 compiles it, then tiers it up), a fifth of a
 * whole SEC filing's reading.
 */
const NUM_WORDS_SHORT = new RegExp(
  `^${WS}(?:(${ONES}|${TENS}|[Zz]ero)|${TENS}(?:${DASH}|\\s+)${DIGIT}|[Nn]o(?:ne)?|[Nn]il)${WS}$`,
);

/** The registry's whole pattern, and the short one for what most uses are (for the test that holds them equal). */
export const NUM_WORDS_PATTERNS = { full: NUM_WORDS, short: NUM_WORDS_SHORT };

const numwordsen: Transform = (text) => {
  // "no", "none", "nil" (most uses) first: they match NUM_WORDS too, whose first use costs 100 ms to compile.
  if (text && NUM_WORDS_NO.test(text)) return '0';
  if (text && NUM_WORDS_SHORT.test(text)) return wordsToNumber(text);
  if (!text || !NUM_WORDS.test(text)) return undefined;
  return wordsToNumber(text);
};

/**
 * One part alone ("one-year", "5 years", "thirty days"), what nearly every use of `durwordsen` is:
 * the registry's pattern restricted to a single part and numbers under a hundred, with the same
 * groups. The whole pattern costs V8 about 15 ms to compile on its first use.
 */
const DUR_WORDS_SHORT = new RegExp(
  `^${WS}(?:(${TENS_PART}|[Zz]ero|[Nn]o|[0-9][0-9]{0,3})(?:${DASH}|\\s+)(?:([Yy])ears?|([Mm])onths?|([Dd])ays?))${WS}$`,
);

/** The registry's duration pattern and the short one (for the test that holds them equal). */
export const DUR_WORDS_PATTERNS = { full: DUR_WORDS, short: DUR_WORDS_SHORT };

/** [match, years, months, days] as the registry's pattern gives them, through the short pattern when it matches. */
function durationParts(text: string): (string | undefined)[] | null {
  const s = DUR_WORDS_SHORT.exec(text);
  if (!s) return DUR_WORDS.exec(text);
  return [s[0], s[2] ? s[1] : undefined, s[3] ? s[1] : undefined, s[4] ? s[1] : undefined];
}

const durwordsen: Transform = (text) => {
  const m = durationParts(text);
  if (!m || !text.trim()) return undefined;
  let dur = 'P';
  for (const [part, suffix] of [
    [m[1], 'Y'],
    [m[2], 'M'],
    [m[3], 'D'],
  ] as const) {
    if (!part || DUR_ZERO.test(part)) continue;
    const n = /^[0-9]+$/.test(part) ? part : wordsToNumber(part);
    if (n === undefined) return undefined;
    dur += n + suffix;
  }
  return dur.length > 1 ? dur : 'P0D';
};

const QUARTER_END =
  /(^[ \t\n\r]*(?:(?![0-9]{2})\w[^0-9]*)?(1|[Ff]irst|2|[Ss]econd|3|[Tt]hird|4|[Ff]ourth|[Ll]ast)[^0-9]*([0-9]{4})[ \t\n\r]*$)|(^[ \t\n\r]*([0-9]{4})[^0-9]*(1|[Ff]irst|2|[Ss]econd|3|[Tt]hird|4|[Ff]ourth|[Ll]ast)((?![0-9]).*\w+)?[ \t\n\r]*$)/;
const QUARTER_MONTH: Record<string, number> = {
  first: 3,
  '1': 3,
  second: 6,
  '2': 6,
  third: 9,
  '3': 9,
  fourth: 12,
  last: 12,
  '4': 12,
};
const datequarterend: Transform = (text) => {
  const m = QUARTER_END.exec(text);
  if (!m) return undefined;
  const year = Number(m[3] ?? m[5]);
  const month = QUARTER_MONTH[(m[2] ?? m[6]).toLowerCase()];
  if (!month || year < 1) return undefined;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${last}`;
};

const BALLOT = /^[ \t\n\r]*([\u2610-\u2612])[ \t\n\r]*$/;
const ballot =
  (values: [string, string, string]): Transform =>
  (text) => {
    const m = BALLOT.exec(text);
    return m ? values[m[1].charCodeAt(0) - 0x2610] : undefined;
  };

/** A code list: the first alternative (in order) that matches the whole text gives the code at its position. */
function codeList(alternatives: string[], codes: readonly string[]): Transform {
  let compiled: RegExp[] | undefined;
  return (text) => {
    compiled ??= alternatives.map((a) => new RegExp(`^${WS}(?:${a})${WS}$`));
    const i = compiled.findIndex((r) => r.test(text));
    return i >= 0 ? codes[i] : undefined;
  };
}

const STATES = [
  '[Aa]labama',
  '[Aa]laska',
  '[Aa]rizona',
  '[Aa]rkansas',
  '[Cc]alifornia',
  '[Cc]olorado',
  '[Cc]onnecticut',
  '[Dd]elaware',
  '[Ff]lorida',
  '[Gg]eorgia',
  '[Hh]awaii',
  '[Ii]daho',
  '[Ii]llinois',
  '[Ii]ndiana',
  '[Ii]owa',
  '[Kk]ansas',
  '[Kk]entucky',
  '[Ll]ouisiana',
  '[Mm]aine',
  '[Mm]aryland',
  '[Mm]assachusetts',
  '[Mm]ichigan',
  '[Mm]innesota',
  '[Mm]ississippi',
  '[Mm]issouri',
  '[Mm]ontana',
  '[Nn]ebraska',
  '[Nn]evada',
  '[Nn]ew\\s+[Hh]ampshire',
  '[Nn]ew\\s+[Jj]ersey',
  '[Nn]ew\\s+[Mm]exico',
  '[Nn]ew\\s+[Yy]ork',
  '[Nn]orth\\s+[Cc]arolina',
  '[Nn]orth\\s+[Dd]akota',
  '[Oo]hio',
  '[Oo]klahoma',
  '[Oo]regon',
  '[Pp]ennsylvania',
  '[Rr]hode\\s+[Ii]sland',
  '[Ss]outh\\s+[Cc]arolina',
  '[Ss]outh\\s+[Dd]akota',
  '[Tt]ennessee',
  '[Tt]exas',
  '[Uu]tah',
  '[Vv]ermont',
  '[Vv]irginia',
  '[Ww]ashington',
  '[Ww]est\\s+[Vv]irginia',
  '[Ww]isconsin',
  '[Ww]yoming',
  '[Dd]istrict\\s+[Oo]f\\s+[Cc]olumbia',
  '([Aa]merican\\s+)?[Ss]amoa',
  '[Gg]uam',
  '[Nn]orthern\\s+[Mm]ariana\\s+[Ii]slands',
  '[Pp]uerto\\s+[Rr]ico',
  '[Uu]nited\\s+[Ss]tates\\s+[Mm]inor\\s+[Oo]utlying\\s+[Ii]slands',
  '[Vv]irgin\\s+[Ii]slands,\\s+U[.]S[.]',
  '[Aa]lberta',
  '[Bb]ritish\\s+[Cc]olumbia',
  '[Mm]anitoba',
  '[Nn]ew\\s+[Bb]runswick',
  '[Nn]ewfoundland(\\s+[Aa]nd\\s+[Ll]abrador)?',
  '[Nn]ova\\s+[Ss]cotia',
  '[Nn]orthwest\\s+[Tt]erritories',
  '[Nn]unavut',
  '[Oo]ntario',
  '[Pp]rince\\s+[Ee]dward\\s+[Ii]sland',
  '[Qq]u[eé]bec',
  '[Ss]askatchewan',
  '[Yy]ukon',
];
const STATE_CODES = [
  'AL',
  'AK',
  'AZ',
  'AR',
  'CA',
  'CO',
  'CT',
  'DE',
  'FL',
  'GA',
  'HI',
  'ID',
  'IL',
  'IN',
  'IA',
  'KS',
  'KY',
  'LA',
  'ME',
  'MD',
  'MA',
  'MI',
  'MN',
  'MS',
  'MO',
  'MT',
  'NE',
  'NV',
  'NH',
  'NJ',
  'NM',
  'NY',
  'NC',
  'ND',
  'OH',
  'OK',
  'OR',
  'PA',
  'RI',
  'SC',
  'SD',
  'TN',
  'TX',
  'UT',
  'VT',
  'VA',
  'WA',
  'WV',
  'WI',
  'WY',
  'DC',
  'AS',
  'GU',
  'MP',
  'PR',
  'UM',
  'VI',
  'AB',
  'BC',
  'MB',
  'NB',
  'NL',
  'NS',
  'NT',
  'NU',
  'ON',
  'PE',
  'QC',
  'SK',
  'YT',
];

const EXCHANGES = [
  '([Tt]he\\s+)?[Bb][Oo][Xx]\\s+[Ee]xchange(,?\\s+[Ll][Ll][Cc])?',
  '([Tt]he\\s+)?[Cc]boe\\s+[Bb][Yy][Xx]\\s+[Ee]xchange(,?\\s+[Ii]nc[.]?)?',
  '([Tt]he\\s+)?[Cc]boe\\s+[Bb][Zz][Xx]\\s+[Ee]xchange(,?\\s+[Ii]nc[.]?)?',
  '([Tt]he\\s+)?[Cc]boe\\s+[Cc]2\\s+[Ee]xchange(,?\\s+[Ii]nc[.]?)?',
  '([Tt]he\\s+)?[Cc]boe\\s+[Ee][Dd][Gg][Aa]\\s+[Ee]xchange(,?\\s+[Ii]nc[.]?)?',
  '([Tt]he\\s+)?[Cc]boe\\s+[Ee][Dd][Gg][Xx]\\s+[Ee]xchange(,?\\s+[Ii]nc[.]?)?',
  '([Tt]he\\s+)?[Cc]boe\\s+[Ee]xchange(,?\\s+[Ii]nc[.]?)?',
  '([Tt]he\\s+)?[Cc]hicago\\s+[Ss]tock\\s+[Ee]xchange(,?\\s+[Ii]nc[.]?)?',
  '([Tt]he\\s+)?[Ii]nvestors\\s+[Ee]xchange(,?\\s+[Ll][Ll][Cc])?',
  '([Tt]he\\s+)?[Mm]iami\\s+[Ii]nternational\\s+[Ss]ecurities\\s+[Ee]xchange(,?\\s+[Ll][Ll][Cc])?',
  '([Tt]he\\s+)?[Mm]IAX\\s+[Pp]EARL(,?\\s+[Ll][Ll][Cc])?',
  '([Tt]he\\s+)?[Nn][Aa][Ss][Dd][Aa][Qq]\\s+[Bb][Xx](,?\\s+[Ii]nc[.]?)?',
  '([Tt]he\\s+)?[Nn][Aa][Ss][Dd][Aa][Qq]\\s+[Gg][Ee][Mm][Xx](,?\\s+[Ll][Ll][Cc])?',
  '([Tt]he\\s+)?[Nn][Aa][Ss][Dd][Aa][Qq]\\s+[Ii][Ss][Ee](,?\\s+[Ll][Ll][Cc])?',
  '([Tt]he\\s+)?[Nn][Aa][Ss][Dd][Aa][Qq]\\s+[Mm][Rr][Xx](,?\\s+[Ll][Ll][Cc])?',
  '[Nn][Aa][Ss][Dd][Aa][Qq]\\s+[Pp][Hh][Ll][Xx](,?\\s+[Ll][Ll][Cc])?',
  '([Tt]he\\s+)?[Nn][Yy][Ss][Ee]|([Tt]he\\s+)?[Nn]ew\\s+[Yy]ork\\s+[Ss]tock\\s+[Ee]xchange(,?\\s+[Ll][Ll][Cc])?',
  '([Tt]he\\s+)?[Nn][Yy][Ss][Ee]\\s+[Aa]merican(,?\\s+[Ll][Ll][Cc])?',
  '([Tt]he\\s+)?[Nn][Yy][Ss][Ee]\\s+[Aa]rca(,?\\s+[Ii]nc[.]?)?',
  '([Tt]he\\s+)?[Nn][Yy][Ss][Ee]\\s+[Nn]ational(,?\\s+[Ii]nc[.]?)?',
  '([Tt]he\\s+)?[Nn][Aa][Ss][Dd][Aa][Qq](\\s+([Ss]tock|[Gg]lobal(\\s+[Ss]elect)?)\\s+[Mm]arket(,?\\s+[Ll][Ll][Cc])?)?',
];
const EXCHANGE_CODES = [
  'BOX',
  'CboeBYX',
  'CboeBZX',
  'C2',
  'CboeEDGA',
  'CboeEDGX',
  'CBOE',
  'CHX',
  'IEX',
  'MIAX',
  'PEARL',
  'BX',
  'GEMX',
  'ISE',
  'MRX',
  'Phlx',
  'NYSE',
  'NYSEAMER',
  'NYSEArca',
  'NYSENAT',
  'NASDAQ',
];

const FILER_CATEGORIES = [
  '[Ll]arge\\s+[Aa]ccelerated\\s+[Ff]iler',
  '[Aa]ccelerated\\s+[Ff]iler',
  '[Nn]on[^\\w]+[Aa]ccelerated\\s+[Ff]iler',
];
const FILER_CODES = ['Large Accelerated Filer', 'Accelerated Filer', 'Non-accelerated Filer'];

export const SEC: Record<string, Transform> = {
  duryear: duration('year'),
  durmonth: duration('month'),
  durweek: duration('week'),
  durday: duration('day'),
  durhour: duration('hour'),
  datequarterend,
  numinf: () => 'INF',
  numneginf: () => '-INF',
  numnan: () => 'NaN',
  numwordsen,
  durwordsen,
  boolballotbox: ballot(['false', 'true', 'true']),
  yesnoballotbox: ballot(['No', 'Yes', 'Yes']),
  stateprovnameen: codeList(STATES, STATE_CODES),
  exchnameen: codeList(EXCHANGES, EXCHANGE_CODES),
  entityfilercategoryen: codeList(FILER_CATEGORIES, FILER_CODES),
};
