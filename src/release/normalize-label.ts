/** Superscript digits and the digits they stand for (note marks: `Others ⁴`, `¹ IIJ FiberAccess/F`). */
export const SUPERSCRIPTS: Readonly<Record<string, string>> = {
  '¹': '1',
  '²': '2',
  '³': '3',
  '⁴': '4',
  '⁵': '5',
  '⁶': '6',
  '⁷': '7',
  '⁸': '8',
  '⁹': '9',
  '⁰': '0',
};
const SUPER_RE = /[¹²³⁴⁵⁶⁷⁸⁹⁰]+/g;
/** `Common stock(2)`, `USD (1)`, `資本金(2)`: a parenthesised small number at the end is a note mark. */
const NOTE_MARK_RE = /\s*\((\d{1,2})\)\s*$/;

export interface NormalizedLabel {
  text: string;
  marks: string[];
}

/** Strips markup and note marks and unifies spacing and dashes, so label variants compare equal. */
export function normalizeLabel(raw: string): NormalizedLabel {
  const marks: string[] = [];
  let t = raw.replace(/<\/?u>/g, '').replace(/\\([$*_])/g, '$1');
  t = t.replace(SUPER_RE, (m) => {
    for (const ch of m) marks.push(SUPERSCRIPTS[ch]);
    return ' ';
  });
  // Shift_JIS has no superscript digits: Japanese releases write ※1 instead.
  t = t.replace(/※\s*(\d)/g, (_m, d: string) => {
    marks.push(d);
    return ' ';
  });
  const note = NOTE_MARK_RE.exec(t);
  if (note) {
    marks.push(String(Number(note[1])));
    t = t.slice(0, note.index);
  }
  t = t
    .replace(/[–—－―]/g, '-')
    .replace(/[\s\u3000]+/g, ' ')
    .trim();
  return { text: t, marks };
}

/** Key for comparing labels: normalised, case-insensitive. */
export function labelKey(raw: string): string {
  return normalizeLabel(raw).text.toLowerCase();
}
