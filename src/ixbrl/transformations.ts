/**
 * Inline XBRL transformations (Transformation Registries 1–5): displayed text → XBRL lexical value.
 *
 * Each function returns the transformed value, or undefined when the text is not in the
 * transformation's input space (the caller reports `ix11.10.1.1:transformValueError`). Patterns
 * follow the registry specifications as the reference processor implements them, so values agree
 * with what other processors extract. Languages other than English and Japanese are listed in
 * `KNOWN_NOT_IMPLEMENTED`: they are valid names, reported as unsupported rather than unknown.
 */
import { IXT_NS } from '../xbrl/ix';

export type Transform = (text: string) => string | undefined;

const WS = '[ \\t\\n\\r]*';
const MONTHS_EN =
  'January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC|JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER';
const MONTH_NUMBER: Record<string, number> = {
  january: 1,
  february: 2,
  march: 3,
  april: 4,
  may: 5,
  june: 6,
  july: 7,
  august: 8,
  september: 9,
  october: 10,
  november: 11,
  december: 12,
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};
const MAX_DAY = [0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const re = (s: string) => new RegExp(s);
const P = {
  dateSlash: re(`^${WS}(\\d+)/(\\d+)/(\\d+)${WS}$`),
  dateDot: re(`^${WS}(\\d+)\\.(\\d+)\\.(\\d+)${WS}$`),
  dayMonth: re(`^${WS}([0-9]{1,2})[^0-9]+([0-9]{1,2})${WS}$`),
  monthDay: re(`^${WS}([0-9]{1,2})[^0-9]+([0-9]{1,2})[A-Za-z]*${WS}$`),
  dayMonthYear: re(`^${WS}([0-9]{1,2})[^0-9]+([0-9]{1,2})[^0-9]+([0-9]{4}|[0-9]{1,2})${WS}$`),
  monthYear: re(`^${WS}([0-9]{1,2})[^0-9]+([0-9]{4}|[0-9]{1,2})${WS}$`),
  yearMonth: re(`^${WS}([0-9]{4}|[0-9]{1,2})[^0-9]+([0-9]{1,2})[^0-9]*$`),
  yearMonthDay: re(`^${WS}([0-9]{4}|[0-9]{1,2})[^0-9]+([0-9]{1,2})[^0-9]+([0-9]{1,2})[^0-9]*$`),
  dayMonthEn: re(`^${WS}([0-9]{1,2})[^0-9]+(${MONTHS_EN})${WS}$`),
  monthDayEn: re(`^${WS}(${MONTHS_EN})[^0-9]+([0-9]{1,2})[A-Za-z]{0,2}${WS}$`),
  dayMonthYearEn: re(`^${WS}([0-9]{1,2})[^0-9]+(${MONTHS_EN})[^0-9]+([0-9]{4}|[0-9]{1,2})${WS}$`),
  monthDayYearEn: re(`^${WS}(${MONTHS_EN})[^0-9]+([0-9]+)[^0-9]+([0-9]{4}|[0-9]{1,2})${WS}$`),
  monthYearEn: re(`^${WS}(${MONTHS_EN})[^0-9]+([0-9]{1,2}|[0-9]{4})${WS}$`),
  yearMonthEn: re(`^${WS}([0-9]{1,2}|[0-9]{4})[^0-9]+(${MONTHS_EN})${WS}$`),
  dateUs: re(`^${WS}(\\w+)\\s+(\\d+),\\s+(\\d+)${WS}$`),
  dateEu: re(`^${WS}(\\d+)\\s+(\\w+)\\s+(\\d+)${WS}$`),
  eraYmd:
    /^[\s\u3000]*(明治|明|大正|大|昭和|昭|平成|平|令和|令)[\s\u3000]*([0-9]{1,2}|元)[\s\u3000]*(年)[\s\u3000]*([0-9]{1,2})[\s\u3000]*(月)[\s\u3000]*([0-9]{1,2})[\s\u3000]*(日)[\s\u3000]*$/,
  eraYm:
    /^[\s\u3000]*(明治|明|大正|大|昭和|昭|平成|平|令和|令)[\s\u3000]*([0-9]{1,2}|元)[\s\u3000]*(年)[\s\u3000]*([0-9]{1,2})[\s\u3000]*(月)[\s\u3000]*$/,
  ymdCjk:
    /^[\s\u3000]*([0-9]{1,2}|[0-9]{4})[\s\u3000]*(年)[\s\u3000]*([0-9]{1,2})[\s\u3000]*(月)[\s\u3000]*([0-9]{1,2})[\s\u3000]*(日)[\s\u3000]*$/,
  ymCjk: /^[\s\u3000]*([0-9]{1,2}|[0-9]{4})[\s\u3000]*(年)[\s\u3000]*([0-9]{1,2})[\s\u3000]*(月)[\s\u3000]*$/,
  zeroDash: /^[ \t\n\r]*([-\u058A\u05BE\u2010\u2011\u2012\u2013\u2014\u2015\uFE58\uFE63\uFF0D])[ \t\n\r]*$/,
  numDotDecimal: re(`^${WS}[0-9]{1,3}([, \\xA0]?[0-9]{3})*(\\.[0-9]+)?${WS}$`),
  numDotDecimalTR4: re(`^${WS}[, \\xA00-9]*(\\.[ \\xA00-9]+)?${WS}$`),
  numDotDecimalApos: re(`^${WS}[,'\`´’′ \\u00a00-9]*(\\.[ \\u00a00-9]+)?${WS}$`),
  numDotDecimalIn: /^(([0-9]{1,2}[, \xA0])?([0-9]{2}[, \xA0])*[0-9]{3})([.][0-9]+)?$|^([0-9]+)([.][0-9]+)?$/,
  numCommaDecimal: re(`^${WS}[0-9]{1,3}([. \\xA0]?[0-9]{3})*(,[0-9]+)?${WS}$`),
  numCommaDecimalTR4: re(`^${WS}[\\. \\xA00-9]*(,[ \\xA00-9]+)?${WS}$`),
  numCommaDecimalApos: re(`^${WS}[\\.'\`´’′ \\u00a00-9]*(,[ \\u00a00-9]+)?${WS}$`),
  numUnitDecimal:
    /^([0]|([1-9][0-9]{0,2}([.,\uFF0C\uFF0E]?[0-9]{3})*))[^0-9,.\uFF0C\uFF0E]+([0-9]{1,2})[^0-9,.\uFF0C\uFF0E]*$/,
  numUnitDecimalTR4: /^([0-9\.,\uFF0C]+)([^0-9\.,\uFF0C][^0-9]*)([0-9]{1,2})[^0-9]*$/,
  numUnitDecimalApos: /^([0-9\.,\uFF0C'`´’′＇]+)([^0-9\.,\uFF0C'`´’′＇][^0-9]*)([0-9]{1,2})[^0-9]*$/,
  numUnitDecimalIn:
    /^(([0-9]{1,2}[, \xA0])?([0-9]{2}[, \xA0])*[0-9]{3})([^0-9]+)([0-9]{1,2})([^0-9]*)$|^([0-9]+)([^0-9]+)([0-9]{1,2})([^0-9]*)$/,
  numComma: re(`^${WS}[0-9]+(,[0-9]+)?${WS}$`),
  numCommaDot: re(`^${WS}[0-9]{1,3}(,[0-9]{3,3})*([.][0-9]+)?${WS}$`),
  numDash: re(`^${WS}-${WS}$`),
  numDotComma: re(`^${WS}[0-9]{1,3}([.][0-9]{3,3})*(,[0-9]+)?${WS}$`),
  numSpaceDot: re(`^${WS}[0-9]{1,3}([ \\xA0][0-9]{3,3})*([.][0-9]+)?${WS}$`),
  numSpaceComma: re(`^${WS}[0-9]{1,3}([ \\xA0][0-9]{3,3})*(,[0-9]+)?${WS}$`),
  decimal: /^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)$/,
  canonical: /^[ \t\n\r]*0*([1-9][0-9]*)?(([.]0*)[ \t\n\r]*$|([.][0-9]*[1-9])0*[ \t\n\r]*$|[ \t\n\r]*$)/,
};

/** Full-width digits (０–９) → ASCII, as Japanese documents print them. */
export const asciiDigits = (s: string): string =>
  s.replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xff10 + 0x30));
const z2 = (s: string) => (s.length === 1 ? `0${s}` : s);
const yr4 = (s: string) => (s.length === 1 ? `200${s}` : s.length === 2 ? `20${s}` : s);
const pad2 = (n: number) => String(n).padStart(2, '0');

function validDate(y: string | number, m: string | number, d: string | number): boolean {
  const yy = Number(y);
  const mm = Number(m);
  const dd = Number(d);
  if (
    !Number.isInteger(yy) ||
    !Number.isInteger(mm) ||
    !Number.isInteger(dd) ||
    yy < 1 ||
    yy > 9999 ||
    mm < 1 ||
    mm > 12 ||
    dd < 1
  )
    return false;
  const leap = (yy % 4 === 0 && yy % 100 !== 0) || yy % 400 === 0;
  return dd <= (mm === 2 ? (leap ? 29 : 28) : MAX_DAY[mm]);
}

const monthOf = (s: string, names: boolean): number | undefined => (names ? MONTH_NUMBER[s.toLowerCase()] : Number(s));

/** A date transform over a pattern with day, month and year groups (by group number). */
function ymd(
  pattern: RegExp,
  dy: number,
  mo: number,
  yr: number,
  names = false,
  prep: (s: string) => string = (s) => s,
): Transform {
  return (text) => {
    const m = pattern.exec(prep(text));
    if (!m) return undefined;
    const month = monthOf(m[mo], names);
    const y = yr4(m[yr]);
    const d = z2(m[dy]);
    if (month === undefined || !validDate(y, month, d)) return undefined;
    return `${y}-${pad2(month)}-${d}`;
  };
}

/** xs:gMonthDay transforms (`--MM-DD`). */
function md(pattern: RegExp, dy: number, mo: number, names = false): Transform {
  return (text) => {
    const m = pattern.exec(text);
    if (!m) return undefined;
    const month = monthOf(m[mo], names);
    const d = z2(m[dy]);
    if (month === undefined || !(month >= 1 && month <= 12) || d < '01' || Number(d) > MAX_DAY[month]) return undefined;
    return `--${pad2(month)}-${d}`;
  };
}

/** xs:gYearMonth transforms (`YYYY-MM`). */
function ym(pattern: RegExp, mo: number, yr: number, names = false, prep: (s: string) => string = (s) => s): Transform {
  return (text) => {
    const m = pattern.exec(prep(text));
    if (!m) return undefined;
    const month = monthOf(m[mo], names);
    if (month === undefined || !(month >= 1 && month <= 12)) return undefined;
    return `${yr4(m[yr])}-${pad2(month)}`;
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
  const m = P.eraYmd.exec(asciiDigits(text));
  if (!m) return undefined;
  const y = eraYear(m[1], m[2]);
  return validDate(y, m[4], m[6]) ? `${y}-${z2(m[4])}-${z2(m[6])}` : undefined;
};
const eraYm: Transform = (text) => {
  const m = P.eraYm.exec(asciiDigits(text));
  if (!m) return undefined;
  const mo = z2(m[4]);
  return mo >= '01' && mo <= '12' ? `${eraYear(m[1], m[2])}-${mo}` : undefined;
};
const ymdCjk: Transform = (text) => {
  const m = P.ymdCjk.exec(asciiDigits(text));
  if (!m) return undefined;
  const y = yr4(m[1]);
  return validDate(y, m[3], m[5]) ? `${y}-${z2(m[3])}-${z2(m[5])}` : undefined;
};
const ymCjk: Transform = (text) => {
  const m = P.ymCjk.exec(asciiDigits(text));
  if (!m) return undefined;
  const mo = z2(m[3]);
  return mo >= '01' && mo <= '12' ? `${yr4(m[1])}-${mo}` : undefined;
};

/** Canonical decimal: no leading zeros, no trailing fraction zeros (`007.50` → `7.5`). */
export function canonicalNumber(n: string): string | undefined {
  const m = P.canonical.exec(n);
  return m ? (m[1] ?? '0') + (m[4] ?? '') : undefined;
}

const strip = (s: string, chars: string) => {
  let out = '';
  for (const c of s) if (!chars.includes(c)) out += c;
  return out;
};
const APOS = "'`´’′";

/** A number transform: test the pattern, drop the grouping characters, map the decimal mark. */
function num(pattern: RegExp, drop: string, comma: boolean, canonical: boolean): Transform {
  return (text) => {
    if (!pattern.test(text)) return undefined;
    let r = strip(text, drop + ' \u00a0');
    if (comma) r = r.replace(',', '.');
    r = r.trim();
    if (!canonical) return r;
    return P.decimal.test(r) ? canonicalNumber(r) : undefined;
  };
}

function numUnit(pattern: RegExp, drop: string, canonical: boolean): Transform {
  return (text) => {
    const m = pattern.exec(asciiDigits(text));
    if (!m) return undefined;
    const major = strip(m[1], `${drop}.,\uFF0C\uFF0E`);
    const fract = z2(m[pattern === P.numUnitDecimal ? 4 : 3]);
    if (!canonical) return `${major}.${fract}`;
    return major.length && fract.length ? canonicalNumber(`${major}.${fract}`) : undefined;
  };
}

const numDotDecimalIn: Transform = (text) => {
  const m = P.numDotDecimalIn.exec(text);
  if (!m) return undefined;
  const groups = m.slice(1).filter((g) => g !== undefined);
  const last = groups[groups.length - 1];
  const fract = last.startsWith('.') ? last : '';
  return strip(groups[0], ', \xa0') + fract;
};
const numUnitDecimalIn: Transform = (text) => {
  const m = P.numUnitDecimalIn.exec(text);
  if (!m) return undefined;
  const groups = m.slice(1).filter((g) => g !== undefined);
  return `${strip(groups[0], ', \xa0')}.${z2(groups[groups.length - 2])}`;
};
const replaceAll =
  (pattern: RegExp, map: (s: string) => string): Transform =>
  (text) =>
    pattern.test(text) ? map(text) : undefined;

const TR1: Record<string, Transform> = {
  dateslashus: ymd(P.dateSlash, 2, 1, 3),
  dateslasheu: ymd(P.dateSlash, 1, 2, 3),
  datedotus: ymd(P.dateDot, 2, 1, 3),
  datedoteu: ymd(P.dateDot, 1, 2, 3),
  datelongus: ymd(P.dateUs, 2, 1, 3, true),
  dateshortus: ymd(P.dateUs, 2, 1, 3, true),
  datelonguk: ymd(P.dateEu, 1, 2, 3, true),
  dateshortuk: ymd(P.dateEu, 1, 2, 3, true),
  numcommadot: replaceAll(P.numCommaDot, (s) => s.replace(/,/g, '').trim()),
  numdash: replaceAll(P.numDash, () => '0'),
  numspacedot: replaceAll(P.numSpaceDot, (s) => strip(s, ' \xa0').trim()),
  numdotcomma: replaceAll(P.numDotComma, (s) => s.replace(/\./g, '').replace(',', '.').trim()),
  numcomma: replaceAll(P.numComma, (s) => s.replace(',', '.').trim()),
  numspacecomma: replaceAll(P.numSpaceComma, (s) => strip(s, ' \xa0').replace(',', '.').trim()),
};

const TR2: Record<string, Transform> = {
  booleanfalse: () => 'false',
  booleantrue: () => 'true',
  datedaymonth: md(P.dayMonth, 1, 2),
  datedaymonthen: md(P.dayMonthEn, 1, 2, true),
  datedaymonthyear: ymd(P.dayMonthYear, 1, 2, 3),
  datedaymonthyearen: ymd(P.dayMonthYearEn, 1, 2, 3, true),
  dateerayearmonthdayjp: eraYmd,
  dateerayearmonthjp: eraYm,
  datemonthday: md(P.monthDay, 2, 1),
  datemonthdayen: md(P.monthDayEn, 2, 1, true),
  datemonthdayyear: ymd(P.dayMonthYear, 2, 1, 3),
  datemonthdayyearen: ymd(P.monthDayYearEn, 2, 1, 3, true),
  datemonthyearen: ym(P.monthYearEn, 1, 2, true),
  dateyearmonthdaycjk: ymdCjk,
  dateyearmonthen: ym(P.yearMonthEn, 2, 1, true),
  dateyearmonthcjk: ymCjk,
  nocontent: () => '',
  numcommadecimal: num(P.numCommaDecimal, '.', true, false),
  zerodash: (t) => (P.zeroDash.test(t) ? '0' : undefined),
  numdotdecimal: num(P.numDotDecimal, ',', false, false),
  numunitdecimal: numUnit(P.numUnitDecimal, '', false),
};

const TR3: Record<string, Transform> = {
  ...TR2,
  datemonthyear: ym(P.monthYear, 1, 2),
  dateyearmonthday: ymd(P.yearMonthDay, 3, 2, 1, false, asciiDigits),
  numdotdecimalin: numDotDecimalIn,
  numunitdecimalin: numUnitDecimalIn,
};

const TR4: Record<string, Transform> = {
  'date-day-month': md(P.dayMonth, 1, 2),
  'date-day-monthname-en': md(P.dayMonthEn, 1, 2, true),
  'date-day-month-year': ymd(P.dayMonthYear, 1, 2, 3),
  'date-day-monthname-year-en': ymd(P.dayMonthYearEn, 1, 2, 3, true),
  'date-jpn-era-year-month-day': eraYmd,
  'date-jpn-era-year-month': eraYm,
  'date-monthname-day-en': md(P.monthDayEn, 2, 1, true),
  'date-monthname-day-year-en': ymd(P.monthDayYearEn, 2, 1, 3, true),
  'date-month-day': md(P.monthDay, 2, 1),
  'date-month-day-year': ymd(P.dayMonthYear, 2, 1, 3),
  'date-month-year': ym(P.monthYear, 1, 2),
  'date-monthname-year-en': ym(P.monthYearEn, 1, 2, true),
  'date-year-month': ym(P.yearMonth, 2, 1, false, asciiDigits),
  'date-year-month-day': ymd(P.yearMonthDay, 3, 2, 1, false, asciiDigits),
  'date-year-monthname-en': ym(P.yearMonthEn, 2, 1, true),
  'fixed-empty': () => '',
  'fixed-false': () => 'false',
  'fixed-true': () => 'true',
  'fixed-zero': () => '0',
  'num-comma-decimal': num(P.numCommaDecimalTR4, '.', true, true),
  'num-dot-decimal': num(P.numDotDecimalTR4, ',', false, true),
  numdotdecimalin: (t) => {
    const v = numDotDecimalIn(t);
    return v === undefined ? undefined : canonicalNumber(v);
  },
  'num-unit-decimal': numUnit(P.numUnitDecimalTR4, '', true),
};

const TR5: Record<string, Transform> = {
  ...TR4,
  'num-comma-decimal-apos': num(P.numCommaDecimalApos, `.${APOS}`, true, true),
  'num-dot-decimal-apos': num(P.numDotDecimalApos, `,${APOS}`, false, true),
  'num-unit-decimal-apos': numUnit(P.numUnitDecimalApos, `${APOS}＇`, true),
};

/** Transformations by namespace, then local name. */
export const REGISTRY: Record<string, Record<string, Transform>> = {
  [IXT_NS.tr1]: TR1,
  [IXT_NS.ix10]: TR1,
  [IXT_NS.tr2]: TR2,
  [IXT_NS.tr3]: TR3,
  [IXT_NS.tr4]: TR4,
  [IXT_NS.tr5]: TR5,
};

const LANGS = [
  'bg',
  'cs',
  'cy',
  'da',
  'de',
  'el',
  'es',
  'et',
  'fi',
  'fr',
  'hi',
  'hr',
  'hu',
  'it',
  'lt',
  'lv',
  'nl',
  'no',
  'pl',
  'pt',
  'ro',
  'sk',
  'sl',
  'sv',
];
/** Registry names this reader recognises but does not implement (month names in other languages, calendars). */
export const KNOWN_NOT_IMPLEMENTED = new Set<string>([
  ...LANGS.flatMap((l) => [
    `date-day-monthname-${l}`,
    `date-day-monthname-year-${l}`,
    `date-monthname-year-${l}`,
    `date-monthname-day-${l}`,
    `date-year-monthname-${l}`,
    `date-year-monthname-day-${l}`,
    `date-year-day-monthname-${l}`,
  ]),
  'date-day-monthroman',
  'date-day-monthroman-year',
  'date-monthroman-year',
  'date-ind-day-monthname-year-hi',
  'calindaymonthyear',
  'datedaymonthdk',
  'datedaymonthyeardk',
  'datemonthyeardk',
  'datedaymonthyearin',
  'datemonthyearin',
  'datelongdaymonthuk',
  'dateshortdaymonthuk',
  'datelongmonthdayus',
  'dateshortmonthdayus',
  'dateslashdaymontheu',
  'dateslashmonthdayus',
  'datelongyearmonth',
  'dateshortyearmonth',
  'datelongmonthyear',
  'dateshortmonthyear',
]);

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
  return { ok: false, why: KNOWN_NOT_IMPLEMENTED.has(local) ? 'notImplemented' : 'name' };
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
