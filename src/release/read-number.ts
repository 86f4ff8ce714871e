/** How a cell of a release table reads as a figure. Knows nothing of XBRL. */
export type Figure =
  | { kind: 'empty' }
  /** `-`: the release's "none" (zero) marker. */
  | { kind: 'dash' }
  | {
      kind: 'number';
      /** Unsigned decimal digits with an optional point, commas removed: `3204`, `25.83`. */
      digits: string;
      negative: boolean;
      /** Digits after the decimal point as printed (the stated precision). */
      places: number;
      percent: boolean;
    }
  | { kind: 'invalid'; reason: string };

const GROUPED = /^\d{1,3}(,\d{3})+(\.\d+)?$/;
const PLAIN = /^\d+(\.\d+)?$/;
const DASHES = new Set(['-', '–', '—', '－', '―']);

/**
 * Reads `3,204`, `(5.9%)`, `(566,520)`, `25.83`, `▲830`, `△1.0`, `-`. Parentheses and the
 * Japanese ▲/△ markers mean negative; `%` marks a percent figure.
 */
export function readNumber(text: string): Figure {
  let t = text.trim();
  if (t === '') return { kind: 'empty' };
  if (DASHES.has(t)) return { kind: 'dash' };
  let negative = false;
  if (t.startsWith('(') && t.endsWith(')')) {
    negative = true;
    t = t.slice(1, -1).trim();
  } else if (t.startsWith('▲') || t.startsWith('△')) {
    negative = true;
    t = t.slice(1).trim();
  } else if (t.startsWith('-') || t.startsWith('−')) {
    negative = true;
    t = t.slice(1).trim();
  }
  let percent = false;
  if (t.endsWith('%')) {
    percent = true;
    t = t.slice(0, -1).trim();
  }
  if (!GROUPED.test(t) && !PLAIN.test(t)) {
    return { kind: 'invalid', reason: /\d/.test(t) ? 'malformed digits or digit grouping' : 'no digits' };
  }
  const digits = t.replace(/,/g, '');
  const dot = digits.indexOf('.');
  return { kind: 'number', digits, negative, places: dot < 0 ? 0 : digits.length - dot - 1, percent };
}

/** The printed figure as a signed decimal string (`(5.9%)` → `-5.9`). */
export function signedDigits(f: Extract<Figure, { kind: 'number' }>): string {
  return (f.negative ? '-' : '') + f.digits;
}
