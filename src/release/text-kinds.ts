/** What a line or a cell of release text is, read from its words alone: prose, a date. */

const NOTE_LINE = /^([¹²³⁴⁵⁶⁷⁸⁹]|Note\s*\(\d+\)|注記\s*\(\d+\))/;
/** A preamble line that is running text or a note, not part of a table's heading block. */
export function isProse(t: string): boolean {
  return t.length > 100 || (t.length > 60 && /[。.]$/.test(t)) || NOTE_LINE.test(t);
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** `February 12, 2004`, `Dec 31, 2003`, `2003/12/31`, `2004年2月12日` → `YYYY-MM-DD`. */
export function readDateText(s: string): string | undefined {
  if (/^\d{4}-\d{2}-\d{2}$/.test(s.trim())) return s.trim();
  let m = /^([A-Za-z]{3})[a-z]*\.?\s+(\d{1,2}),\s*(\d{4})$/.exec(s.trim());
  if (m) {
    const mo = MONTHS.indexOf(m[1].toLowerCase()) + 1;
    if (mo > 0) return `${m[3]}-${String(mo).padStart(2, '0')}-${m[2].padStart(2, '0')}`;
  }
  m = /^(\d{4})[/年](\d{1,2})[/月](\d{1,2})日?$/.exec(s.trim());
  if (m) return `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  return undefined;
}
