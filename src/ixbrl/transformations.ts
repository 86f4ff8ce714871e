/**
 * Inline XBRL transformations: the Transformation Registries 1–5 of XBRL International and the
 * SEC's registry (`http://www.sec.gov/inlineXBRL/transformation/2015-08-31`): displayed text →
 * XBRL lexical value.
 *
 * Each function returns the transformed value, or undefined when the text is not in the
 * transformation's input space (the caller keeps the fact as invalid with
 * `ix11.10.1.1:transformValueError`). The input is the displayed text with leading and trailing
 * XML whitespace stripped, as the reference processor passes it; patterns and month tables are
 * the reference processor's (ixt-patterns.ts), so values agree with what other processors extract.
 */
import { IXT_NS } from '../xbrl/ix';
import {
  MONTHS,
  MONTHS_CS,
  MONTHS_CY,
  MONTHS_FI,
  MONTHS_HR,
  MONTHS_LT,
  MONTHS_PL,
  MONTHS_ROMAN,
  pattern,
  type PatternName,
} from './ixt-patterns';
import { SEC_NS, SEC } from './sec-transformations';

export type Transform = (text: string) => string | undefined;
/** A month-name table, or null for numeric months. */
type Table = Readonly<Record<string, number>> | null;

/** Full-width digits (０–９) → ASCII, as Japanese documents print them. */
export const asciiDigits = (s: string): string =>
  s.replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xff10 + 0x30));
/** Devanagari digits (०–९) → ASCII. */
const devanagariDigits = (s: string): string =>
  s.replace(/[\u0966-\u096F]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x966 + 0x30));
const z2 = (s: string) => (s.length === 1 ? `0${s}` : s);
const yr4 = (s: string) => (s.length === 1 ? `200${s}` : s.length === 2 ? `20${s}` : s);
const pad2 = (n: number) => String(n).padStart(2, '0');
const MAX_DAY = [0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const maxDay = (month: number) => (month >= 1 && month <= 12 ? pad2(MAX_DAY[month]) : '00');

/** A real Gregorian date (year 1–9999), as Python's `datetime(y, m, d)` accepts it. */
function validDate(y: string | number, m: string | number, d: string | number): boolean {
  const yy = Number(y);
  const mm = Number(m);
  const dd = Number(d);
  if (![yy, mm, dd].every(Number.isInteger) || yy < 1 || yy > 9999 || mm < 1 || mm > 12 || dd < 1) return false;
  const leap = (yy % 4 === 0 && yy % 100 !== 0) || yy % 400 === 0;
  return dd <= (mm === 2 ? (leap ? 29 : 28) : MAX_DAY[mm]);
}

const monthOf = (s: string, table: Table): number | undefined => (table ? table[s.toLowerCase()] : Number(s));
const id = (s: string) => s;

/** xs:gMonthDay (`--MM-DD`) from a day and a month group. */
function md(p: PatternName, table: Table = MONTHS, dy = 1, mo = 2): Transform {
  return (text) => {
    const m = pattern(p).exec(text);
    if (!m) return undefined;
    const day = z2(m[dy]);
    const month = monthOf(m[mo], table);
    if (month === undefined || !Number.isInteger(month)) return undefined;
    return day >= '01' && day <= maxDay(month) ? `--${pad2(month)}-${day}` : undefined;
  };
}

/** xs:date (`YYYY-MM-DD`) from day, month and year groups. */
function dmy(
  p: PatternName,
  table: Table = MONTHS,
  dy = 1,
  mo = 2,
  yr = 3,
  prep: (s: string) => string = id,
): Transform {
  return (text) => {
    const m = pattern(p).exec(prep(text));
    if (!m) return undefined;
    const y = yr4(m[yr]);
    const day = z2(m[dy]);
    const month = monthOf(m[mo], table);
    if (month === undefined || !validDate(y, month, day)) return undefined;
    return `${y}-${pad2(month)}-${day}`;
  };
}

/** xs:gYearMonth (`YYYY-MM`) from a month name and a year group. */
function my(p: PatternName, table: Table = MONTHS, mo = 1, yr = 2): Transform {
  return (text) => {
    const m = pattern(p).exec(text);
    const month = m ? monthOf(m[mo], table) : undefined;
    return m && month !== undefined ? `${yr4(m[yr])}-${pad2(month)}` : undefined;
  };
}

/** xs:gYearMonth from a numeric month (1–12) and a year. */
function myNum(p: PatternName, mo: number, yr: number, prep: (s: string) => string = id): Transform {
  return (text) => {
    const m = pattern(p).exec(prep(text));
    if (!m) return undefined;
    const month = z2(m[mo]);
    return month >= '01' && month <= '12' ? `${yr4(m[yr])}-${month}` : undefined;
  };
}

/** Danish (and Swedish) month names: three letters, then either more letters or a full stop, not both. */
function dk(kind: 'md' | 'dmy' | 'my'): Transform {
  const p: PatternName =
    kind === 'md' ? 'daymonthDkPattern' : kind === 'dmy' ? 'daymonthyearDkPattern' : 'monthyearDkPattern';
  return (text) => {
    const m = pattern(p).exec(text);
    if (!m) return undefined;
    const at = kind === 'my' ? 1 : 2;
    const month = MONTHS[m[at].toLowerCase()];
    if (month === undefined || (m[at + 1] && m[at + 2])) return undefined;
    if (kind === 'my') return `${yr4(m[4])}-${pad2(month)}`;
    const day = z2(m[1]);
    if (kind === 'md') return day >= '01' && day <= maxDay(month) ? `--${pad2(month)}-${day}` : undefined;
    const y = yr4(m[5]);
    return validDate(y, month, day) ? `${y}-${pad2(month)}-${day}` : undefined;
  };
}

const ERA_START: Record<string, number> = {
  令和: 2018,
  令: 2018,
  平成: 1988,
  平: 1988,
  明治: 1867,
  明: 1867,
  大正: 1911,
  大: 1911,
  昭和: 1925,
  昭: 1925,
};
const eraYear = (era: string, y: string) => ERA_START[era] + (y === '元' ? 1 : Number(y));

const eraYmd: Transform = (text) => {
  const m = pattern('erayearmonthdayjpPattern').exec(asciiDigits(text));
  if (!m) return undefined;
  const y = eraYear(m[1], m[2]);
  return validDate(y, m[4], m[6]) ? `${y}-${z2(m[4])}-${z2(m[6])}` : undefined;
};
const eraYm: Transform = (text) => {
  const m = pattern('erayearmonthjpPattern').exec(asciiDigits(text));
  if (!m) return undefined;
  const mo = z2(m[4]);
  return mo >= '01' && mo <= '12' ? `${eraYear(m[1], m[2])}-${mo}` : undefined;
};
const ymdCjk: Transform = (text) => {
  const m = pattern('yearmonthdaycjkPattern').exec(asciiDigits(text));
  if (!m) return undefined;
  const y = yr4(m[1]);
  return validDate(y, m[3], m[5]) ? `${y}-${z2(m[3])}-${z2(m[5])}` : undefined;
};
const ymCjk: Transform = (text) => {
  const m = pattern('yearmonthcjkPattern').exec(asciiDigits(text));
  if (!m) return undefined;
  const mo = z2(m[3]);
  return mo >= '01' && mo <= '12' ? `${yr4(m[1])}-${mo}` : undefined;
};
const ymdNum: Transform = (text) => {
  const m = pattern('yearmonthdayPattern').exec(asciiDigits(text));
  if (!m) return undefined;
  const [y, mo, d] = [yr4(m[1]), z2(m[2]), z2(m[3])];
  return validDate(y, mo, d) ? `${y}-${mo}-${d}` : undefined;
};
const mdNum =
  (p: PatternName, dy: number, mo: number, check: boolean): Transform =>
  (text) => {
    const m = pattern(p).exec(text);
    if (!m) return undefined;
    const [month, day] = [z2(m[mo]), z2(m[dy])];
    return !check || (day >= '01' && day <= maxDay(Number(month))) ? `--${month}-${day}` : undefined;
  };

const HINDI_MONTHS: Record<string, string> = {
  जनवरी: '01',
  फरवरी: '02',
  मार्च: '03',
  अप्रैल: '04',
  मई: '05',
  जून: '06',
  जुलाई: '07',
  अगस्त: '08',
  सितंबर: '09',
  अक्टूबर: '10',
  '\u0928\u0935\u092E\u094D\u092C\u0930': '11',
  '\u0926\u093F\u0938\u092E\u094D\u092C\u0930': '12',
};
/** Hindi month names (or Devanagari month numbers), Devanagari or ASCII digits. */
const dmyHindi =
  (p: PatternName): Transform =>
  (text) => {
    const m = pattern(p).exec(text);
    if (!m) return undefined;
    const y = yr4(devanagariDigits(m[3]));
    const mo = HINDI_MONTHS[m[2]] ?? devanagariDigits(m[2]);
    const d = z2(devanagariDigits(m[1]));
    return validDate(y, mo, d) ? `${y}-${mo}-${d}` : undefined;
  };
const myHindi: Transform = (text) => {
  const m = pattern('monthyearInPattern').exec(text);
  const mo = m ? HINDI_MONTHS[m[1]] : undefined;
  return m && mo ? `${yr4(devanagariDigits(m[2]))}-${mo}` : undefined;
};

/** Saka (Indian national calendar) month lengths and their first day in the Gregorian calendar. */
const SAKA_LENGTH = [30, 31, 31, 31, 31, 31, 30, 30, 30, 30, 30, 30];
const SAKA_OFFSET: [number, number, number][] = [
  [3, 22, 0],
  [4, 21, 0],
  [5, 22, 0],
  [6, 22, 0],
  [7, 23, 0],
  [8, 23, 0],
  [9, 23, 0],
  [10, 23, 0],
  [11, 22, 0],
  [12, 22, 0],
  [1, 21, 1],
  [2, 20, 1],
];
const G_LAST_DAY = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const leapYear = (y: number) => y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);

function sakaToGregorian(sYr: number, sMo: number, sDay: number): string | undefined {
  let gYr = sYr + 78;
  const leapStart = leapYear(gYr);
  if (gYr < 0 || sMo < 1 || sMo > 12) return undefined;
  const length = SAKA_LENGTH[sMo - 1] + (leapStart && sMo === 1 ? 1 : 0);
  if (sDay < 1 || sDay > length) return undefined;
  let [gMo, gDayOffset] = SAKA_OFFSET[sMo - 1];
  if (leapStart && sMo === 1) gDayOffset -= 1;
  gYr += SAKA_OFFSET[sMo - 1][2];
  const gLength = G_LAST_DAY[gMo - 1] + (gMo === 2 && leapYear(gYr) ? 1 : 0);
  let gDay = gDayOffset + sDay - 1;
  if (gDay > gLength) {
    gDay -= gLength;
    gMo += 1;
    if (gMo === 13) {
      gMo = 1;
      gYr += 1;
    }
  }
  return `${gYr}-${pad2(gMo)}-${pad2(gDay)}`;
}

/** `date-ind-day-monthname-year-hi` / `calindaymonthyear`: a Saka calendar date → Gregorian. */
const calIndDayMonthYear: Transform = (text) => {
  const m = pattern('daymonthyearInIndPattern').exec(text);
  if (!m) return undefined;
  const mo = m.slice(3, 15).findIndex((g) => g !== undefined) + 1;
  const day = Number(devanagariDigits(m[1]));
  let yr = devanagariDigits(m[15]);
  if (yr.length === 2) yr = (yr > '21' || (yr === '21' && mo >= 10 && day >= 11) ? '19' : '20') + yr;
  return mo >= 1 ? sakaToGregorian(Number(yr), mo, day) : undefined;
};

/** Canonical decimal: no leading zeros, no trailing fraction zeros (`007.50` → `7.5`). */
export function canonicalNumber(n: string): string | undefined {
  const m = pattern('numCanonicalizationPattern').exec(n);
  return m ? (m[1] ?? '0') + (m[4] ?? '') : undefined;
}

const DECIMAL = /^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)$/;
/** One pattern per set of characters to drop (a string built a character at a time cost more than the rest of a number's reading). */
const STRIP = new Map<string, RegExp>();
const strip = (s: string, chars: string) => {
  let re = STRIP.get(chars);
  if (!re) STRIP.set(chars, (re = new RegExp(`[${chars.replace(/[\\\]^-]/g, '\\$&')}]`, 'g')));
  return s.replace(re, '');
};
const APOS = "'`´’′";

/** A number transform: test the pattern, drop the grouping characters, map the decimal mark. */
function num(p: PatternName, drop: string, comma: boolean, canonical: boolean): Transform {
  return (text) => {
    if (!pattern(p).test(text)) return undefined;
    let r = strip(text, `${drop} \u00a0`);
    if (comma) r = r.replace(',', '.');
    if (!canonical) return r;
    return DECIMAL.test(r) ? canonicalNumber(r) : undefined;
  };
}

function numUnit(p: PatternName, drop: string, canonical: boolean): Transform {
  return (text) => {
    const m = pattern(p).exec(asciiDigits(text));
    if (!m) return undefined;
    let last = m.length - 1;
    while (last > 1 && m[last] === undefined) last--;
    const major = strip(m[1], `${drop}.,\uFF0C\uFF0E`);
    const fract = z2(m[last]);
    if (!canonical) return `${major}.${fract}`;
    return major.length && fract.length ? canonicalNumber(`${major}.${fract}`) : undefined;
  };
}

const numDotDecimalIn: Transform = (text) => {
  const m = pattern('numDotDecimalInPattern').exec(text);
  if (!m) return undefined;
  const groups = m.slice(1).filter((g) => g !== undefined);
  const last = groups[groups.length - 1];
  return strip(groups[0], ', \xa0') + (last.startsWith('.') ? last : '');
};
const numUnitDecimalIn: Transform = (text) => {
  const m = pattern('numUnitDecimalInPattern').exec(text);
  if (!m) return undefined;
  const groups = m.slice(1).filter((g) => g !== undefined);
  return `${strip(groups[0], ', \xa0')}.${z2(groups[groups.length - 2])}`;
};
const when =
  (p: PatternName, map: (s: string) => string): Transform =>
  (text) =>
    pattern(p).test(text) ? map(text) : undefined;
const constant =
  (v: string): Transform =>
  () =>
    v;

/** TR1's slash and dot dates: digits rearranged, not checked (an impossible date fails as xs:date later). */
const rearranged =
  (p: PatternName, dy: number, mo: number): Transform =>
  (text) => {
    const m = pattern(p).exec(text);
    return m ? `${yr4(m[3])}-${z2(m[mo])}-${z2(m[dy])}` : undefined;
  };

const TR1: Record<string, Transform> = {
  dateslashus: rearranged('dateslashPattern', 2, 1),
  dateslasheu: rearranged('dateslashPattern', 1, 2),
  datedotus: rearranged('datedotPattern', 2, 1),
  datedoteu: rearranged('datedotPattern', 1, 2),
  datelongus: dmy('dateLongUsTR1Pattern', MONTHS, 2, 1, 3),
  dateshortus: dmy('dateShortUsTR1Pattern', MONTHS, 2, 1, 3),
  datelonguk: dmy('dateLongUkTR1Pattern'),
  dateshortuk: dmy('dateShortUkTR1Pattern'),
  numcommadot: when('numCommaDotPattern', (s) => s.replace(/,/g, '')),
  numdash: when('numDashPattern', (s) => s.replace('-', '0')),
  numspacedot: when('numSpaceDotPattern', (s) => strip(s, ' \xa0')),
  numdotcomma: when('numDotCommaPattern', (s) => s.replace(/\./g, '').replace(/,/g, '.')),
  numcomma: when('numCommaPattern', (s) => s.replace(/,/g, '.')),
  numspacecomma: when('numSpaceCommaPattern', (s) => strip(s, ' \xa0').replace(/,/g, '.')),
  datelongdaymonthuk: md('daymonthLongEnTR1Pattern'),
  dateshortdaymonthuk: md('daymonthShortEnTR1Pattern'),
  datelongmonthdayus: md('monthdayLongEnTR1Pattern', MONTHS, 2, 1),
  dateshortmonthdayus: md('monthdayShortEnTR1Pattern', MONTHS, 2, 1),
  dateslashdaymontheu: mdNum('daymonthslashPattern', 1, 2, false),
  dateslashmonthdayus: mdNum('monthdayslashPattern', 2, 1, false),
  datelongyearmonth: my('yearmonthLongEnTR1Pattern', MONTHS, 2, 1),
  dateshortyearmonth: my('yearmonthShortEnTR1Pattern', MONTHS, 2, 1),
  datelongmonthyear: my('monthyearLongEnTR1Pattern'),
  dateshortmonthyear: my('monthyearShortEnTR1Pattern'),
};

const TR2: Record<string, Transform> = {
  booleanfalse: constant('false'),
  booleantrue: constant('true'),
  datedaymonth: mdNum('daymonthPattern', 1, 2, true),
  datedaymonthen: md('daymonthEnPattern'),
  datedaymonthyear: dmy('daymonthyearPattern', null),
  datedaymonthyearen: dmy('daymonthyearEnPattern'),
  dateerayearmonthdayjp: eraYmd,
  dateerayearmonthjp: eraYm,
  datemonthday: mdNum('monthdayPattern', 2, 1, true),
  datemonthdayen: md('monthdayEnPattern', MONTHS, 2, 1),
  datemonthdayyear: dmy('monthdayyearPattern', null, 2, 1, 3),
  datemonthdayyearen: dmy('monthdayyearEnPattern', MONTHS, 2, 1, 3),
  datemonthyearen: my('monthyearEnPattern'),
  dateyearmonthdaycjk: ymdCjk,
  dateyearmonthen: my('yearmonthEnPattern', MONTHS, 2, 1),
  dateyearmonthcjk: ymCjk,
  nocontent: constant(''),
  numcommadecimal: num('numCommaDecimalPattern', '.', true, false),
  zerodash: (t) => (pattern('zeroDashPattern').test(t) ? '0' : undefined),
  numdotdecimal: num('numDotDecimalPattern', ',', false, false),
  numunitdecimal: numUnit('numUnitDecimalPattern', '', false),
};

const TR3: Record<string, Transform> = {
  ...TR2,
  calindaymonthyear: calIndDayMonthYear,
  datedaymonthdk: dk('md'),
  datedaymonthyeardk: dk('dmy'),
  datedaymonthyearin: dmyHindi('daymonthyearInPatternTR3'),
  datemonthyear: myNum('monthyearPattern', 1, 2),
  datemonthyeardk: dk('my'),
  datemonthyearin: myHindi,
  dateyearmonthday: ymdNum,
  numdotdecimalin: numDotDecimalIn,
  numunitdecimalin: numUnitDecimalIn,
};

/** TR4/TR5 month-name transformations by language: [day-month, day-month-year, month-year] patterns and table. */
const LANGS: [string, PatternName, PatternName, PatternName, Table][] = [
  ['bg', 'daymonthBgPattern', 'daymonthyearBgPattern', 'monthyearBgPattern', MONTHS],
  ['cs', 'daymonthCsPattern', 'daymonthyearCsPattern', 'monthyearCsPattern', MONTHS_CS],
  ['de', 'daymonthDePattern', 'daymonthyearDePattern', 'monthyearDePattern', MONTHS],
  ['el', 'daymonthElPattern', 'daymonthyearElPattern', 'monthyearElPattern', MONTHS],
  ['en', 'daymonthEnPattern', 'daymonthyearEnPattern', 'monthyearEnPattern', MONTHS],
  ['es', 'daymonthEsPattern', 'daymonthyearEsPattern', 'monthyearEsPattern', MONTHS],
  ['et', 'daymonthEtPattern', 'daymonthyearEtPattern', 'monthyearEtPattern', MONTHS],
  ['fi', 'daymonthFiPattern', 'daymonthyearFiPattern', 'monthyearFiPattern', MONTHS_FI],
  ['fr', 'daymonthFrPattern', 'daymonthyearFrPattern', 'monthyearFrPattern', MONTHS],
  ['hr', 'daymonthHrPattern', 'daymonthyearHrPattern', 'monthyearHrPattern', MONTHS_HR],
  ['it', 'daymonthItPattern', 'daymonthyearItPattern', 'monthyearItPattern', MONTHS],
  ['nl', 'daymonthNlPattern', 'daymonthyearNlPattern', 'monthyearNlPattern', MONTHS],
  ['no', 'daymonthNoPattern', 'daymonthyearNoPattern', 'monthyearNoPattern', MONTHS],
  ['pl', 'daymonthPlPattern', 'daymonthyearPlPattern', 'monthyearPlPattern', MONTHS_PL],
  ['pt', 'daymonthPtPattern', 'daymonthyearPtPattern', 'monthyearPtPattern', MONTHS],
  ['ro', 'daymonthRoPattern', 'daymonthyearRoPattern', 'monthyearRoPattern', MONTHS],
  ['sk', 'daymonthSkPattern', 'daymonthyearSkPattern', 'monthyearSkPattern', MONTHS],
  ['sl', 'daymonthSlPattern', 'daymonthyearSlPattern', 'monthyearSlPattern', MONTHS],
];
const byLanguage = (langs: typeof LANGS): Record<string, Transform> =>
  Object.fromEntries(
    langs.flatMap(([l, dm, dmyP, myP, table]) => [
      [`date-day-monthname-${l}`, md(dm, table)],
      [`date-day-monthname-year-${l}`, dmy(dmyP, table)],
      [`date-monthname-year-${l}`, my(myP, table)],
    ]),
  );

const TR4: Record<string, Transform> = {
  ...byLanguage(LANGS),
  'date-day-month': mdNum('daymonthPattern', 1, 2, true),
  'date-day-monthname-da': dk('md'),
  'date-day-monthname-sv': dk('md'),
  'date-day-monthname-lv': md('daymonthLvPattern'),
  'date-day-monthroman': md('daymonthRomanPattern', MONTHS_ROMAN),
  'date-day-month-year': dmy('daymonthyearPattern', null, 1, 2, 3, devanagariDigits),
  'date-day-monthname-year-da': dk('dmy'),
  'date-day-monthname-year-sv': dk('dmy'),
  'date-day-monthname-year-hi': dmyHindi('daymonthyearInPatternTR4'),
  'date-day-monthroman-year': dmy('daymonthyearRomanPattern', MONTHS_ROMAN, 1, 2, 7),
  'date-ind-day-monthname-year-hi': calIndDayMonthYear,
  'date-jpn-era-year-month-day': eraYmd,
  'date-jpn-era-year-month': eraYm,
  'date-monthname-day-en': md('monthdayEnPattern', MONTHS, 2, 1),
  'date-monthname-day-hu': md('monthdayHuPattern', MONTHS, 2, 1),
  'date-monthname-day-lt': md('monthdayLtPattern', MONTHS_LT, 2, 1),
  'date-monthname-day-year-en': dmy('monthdayyearEnPattern', MONTHS, 2, 1, 3),
  'date-month-day': mdNum('monthdayPattern', 2, 1, true),
  'date-month-day-year': dmy('monthdayyearPattern', null, 2, 1, 3),
  'date-month-year': myNum('monthyearPattern', 1, 2, devanagariDigits),
  'date-monthname-year-da': dk('my'),
  'date-monthname-year-sv': dk('my'),
  'date-monthname-year-hi': myHindi,
  'date-monthroman-year': my('monthyearRomanPattern', MONTHS_ROMAN, 1, 6),
  'date-year-day-monthname-lv': dmy('yeardaymonthLvPattern', MONTHS, 2, 3, 1),
  'date-year-month': myNum('yearmonthPattern', 2, 1, asciiDigits),
  'date-year-month-day': ymdNum,
  'date-year-monthname-en': my('yearmonthEnPattern', MONTHS, 2, 1),
  'date-year-monthname-hu': my('yearmonthHuPattern', MONTHS, 2, 1),
  'date-year-monthname-day-hu': dmy('yearmonthdayHuPattern', MONTHS, 3, 2, 1),
  'date-year-monthname-day-lt': dmy('yearmonthdayLtPattern', MONTHS_LT, 3, 2, 1),
  'date-year-monthname-lt': my('yearmonthLtPattern', MONTHS_LT, 2, 1),
  'date-year-monthname-lv': my('yearmonthLvPattern', MONTHS, 2, 1),
  'fixed-empty': constant(''),
  'fixed-false': constant('false'),
  'fixed-true': constant('true'),
  'fixed-zero': constant('0'),
  'num-comma-decimal': num('numCommaDecimalTR4Pattern', '.', true, true),
  'num-dot-decimal': num('numDotDecimalTR4Pattern', ',', false, true),
  numdotdecimalin: (t) => {
    const v = numDotDecimalIn(t);
    return v === undefined ? undefined : canonicalNumber(v);
  },
  'num-unit-decimal': numUnit('numUnitDecimalTR4Pattern', '', true),
};

const TR5: Record<string, Transform> = {
  ...TR4,
  'date-day-monthname-cy': md('daymonthCyPattern', MONTHS_CY),
  'date-day-monthname-year-cy': dmy('daymonthyearCyPattern', MONTHS_CY),
  'date-monthname-year-cy': my('monthyearCyPattern', MONTHS_CY),
  'num-comma-decimal-apos': num('numCommaDecimalAposPattern', `.${APOS}`, true, true),
  'num-dot-decimal-apos': num('numDotDecimalAposPattern', `,${APOS}`, false, true),
  'num-unit-decimal-apos': numUnit('numUnitDecimalAposPattern', `${APOS}＇`, true),
};

/** Transformations by namespace, then local name. */
export const REGISTRY: Record<string, Record<string, Transform>> = {
  [IXT_NS.tr1]: TR1,
  [IXT_NS.ix10]: TR1,
  [IXT_NS.tr2]: TR2,
  [IXT_NS.tr3]: TR3,
  [IXT_NS.tr4]: TR4,
  [IXT_NS.tr5]: TR5,
  [SEC_NS]: SEC,
};

/** Registry names this reader recognises but does not implement (reported as unsupported, not unknown). */
export const KNOWN_NOT_IMPLEMENTED: Record<string, ReadonlySet<string>> = {
  [SEC_NS]: new Set(['countrynameen', 'edgarprovcountryen']),
};

export type Lookup = { ok: true; fn: Transform } | { ok: false; why: 'namespace' | 'name' | 'notImplemented' };

/** Finds the transformation a `format` QName (Clark notation) names. */
export function lookupTransform(clark: string): Lookup {
  const close = clark.indexOf('}');
  const ns = clark.slice(1, close);
  const local = clark.slice(close + 1);
  const table = REGISTRY[ns];
  if (!table) return { ok: false, why: 'namespace' };
  const fn = Object.prototype.hasOwnProperty.call(table, local) ? table[local] : undefined;
  if (fn) return { ok: true, fn };
  return { ok: false, why: KNOWN_NOT_IMPLEMENTED[ns]?.has(local) ? 'notImplemented' : 'name' };
}

/**
 * `value × 10^scale`, negated when `negate`, exactly (digit shifting, no floating point), in
 * canonical form: no leading zeros, no trailing fraction zeros, `0` for zero. Undefined when
 * `value` is not an unsigned decimal.
 */
export function scaleDecimal(value: string, scale: number, negate: boolean): string | undefined {
  const m = /^\+?([0-9]*)(?:\.([0-9]*))?$/.exec(value.trim());
  if (!m || (m[1] === '' && !m[2])) return undefined;
  const digits = m[1] + (m[2] ?? '');
  const point = m[1].length + scale;
  let int: string;
  let frac: string;
  if (point <= 0) {
    int = '';
    frac = '0'.repeat(-point) + digits;
  } else if (point >= digits.length) {
    int = digits + '0'.repeat(point - digits.length);
    frac = '';
  } else {
    int = digits.slice(0, point);
    frac = digits.slice(point);
  }
  int = int.replace(/^0+/, '') || '0';
  // Note: trailing zeros cut by a scan; /0+$/ retries from every zero and is quadratic on `0.000…1`.
  let end = frac.length;
  while (end > 0 && frac.charCodeAt(end - 1) === 0x30) end--;
  frac = frac.slice(0, end);
  const abs = frac ? `${int}.${frac}` : int;
  return negate && abs !== '0' ? `-${abs}` : abs;
}
