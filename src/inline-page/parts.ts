import type { Release, ReleaseNote, Table } from '../model';
import { isProse } from '../release';
import type { ResolvedTable } from '../mapping/types';

const CJK = /[\u3040-\u30ff\u3400-\u9fff\uff00-\uffef]/;

/**
 * The lines (1-based, inclusive) of the release's part in `lang`. The release is one part after
 * the other (Japanese, then English): the boundary is found from the tables' languages and the
 * script of the lines between the two parts' tables, never from line numbers.
 */
export function partRange(release: Release, lang: 'en' | 'ja'): { from: number; to: number } {
  const n = release.lines.length;
  const mine = release.tables.filter((t) => t.lang === lang);
  const other = release.tables.filter((t) => t.lang !== lang);
  if (mine.length === 0) return { from: 1, to: 0 };
  if (other.length === 0) return { from: 1, to: n };
  const firstMine = Math.min(...mine.map((t) => t.firstLine));
  const firstOther = Math.min(...other.map((t) => t.firstLine));
  const [a, b] = firstMine < firstOther ? [mine, other] : [other, mine];
  const lastOfFirst = Math.max(...a.map((t) => t.lastLine));
  const firstOfSecond = Math.min(...b.map((t) => t.firstLine));
  const firstLang = a[0].lang;
  // Lines between the parts belong to the first part while they are in its script.
  let boundary = lastOfFirst + 1;
  for (let line = lastOfFirst + 1; line < firstOfSecond; line++) {
    const text = release.lines[line - 1];
    if (text.trim() === '') continue;
    if (CJK.test(text) === (firstLang === 'ja')) boundary = line + 1;
    else break;
  }
  return firstMine < firstOther ? { from: 1, to: boundary - 1 } : { from: boundary, to: n };
}

export type Block =
  | { kind: 'h1' | 'h2' | 'lead' | 'p' | 'item'; line: number }
  | { kind: 'note'; line: number; note: ReleaseNote }
  | { kind: 'table'; resolved: ResolvedTable; heading: { line: number; title: boolean }[] };

/**
 * The heading block of a table: its title line and the scale/period lines between it and the
 * table (without a title, the non-prose lines just above the table). Lines above the title are
 * ordinary text of the page.
 */
function headingLines(t: ResolvedTable): { line: number; title: boolean }[] {
  const pre = t.table.preamble;
  const titleIndex = pre.findIndex((p) => p.text === t.title);
  let start = titleIndex;
  if (start < 0) {
    start = pre.length;
    while (start > 0 && !isProse(pre[start - 1].text) && !/^[-•・]\s/.test(pre[start - 1].text)) start--;
  }
  return pre.slice(start).map((p, i) => ({ line: p.line, title: start + i === titleIndex }));
}

function textKind(text: string, first: boolean): 'h1' | 'h2' | 'lead' | 'p' | 'item' {
  const t = text.trim();
  if (/^[-•・]\s/.test(t)) return 'item';
  if (first) return 'h1';
  if (t.length <= 70 && !/[.。、,;:：)]$/.test(t) && !/^[\d(<*]/.test(t) && !/[@:：]/.test(t)) return 'h2';
  if (t.length <= 100 && /[:：]$/.test(t)) return 'lead';
  return 'p';
}

/**
 * The part's lines as blocks in reading order: tables (with their heading lines), notes, list
 * items, headings and paragraphs. Every non-empty line of the part lands in exactly one block.
 */
export function layoutPart(release: Release, tables: ResolvedTable[], lang: 'en' | 'ja'): Block[] {
  const { from, to } = partRange(release, lang);
  const byFirstLine = new Map<number, ResolvedTable>();
  const claimed = new Set<number>();
  for (const t of tables) {
    if (t.table.lang !== lang) continue;
    const heading = headingLines(t);
    byFirstLine.set(heading[0]?.line ?? t.table.firstLine, t);
    for (const h of heading) claimed.add(h.line);
    for (let l = t.table.firstLine; l <= t.table.lastLine; l++) claimed.add(l);
  }
  const unmapped = new Set<Table>(release.tables.filter((t) => t.lang === lang && !tables.some((r) => r.table === t)));
  for (const t of unmapped) for (let l = t.firstLine; l <= t.lastLine; l++) claimed.add(l);
  const notes = new Map(release.notes.map((n) => [n.line, n]));
  const blocks: Block[] = [];
  let first = true;
  for (let line = from; line <= to; line++) {
    const t = byFirstLine.get(line);
    if (t) {
      blocks.push({ kind: 'table', resolved: t, heading: headingLines(t) });
      first = false;
      continue;
    }
    if (claimed.has(line)) continue;
    const text = release.lines[line - 1];
    if (text.trim() === '') continue;
    const note = notes.get(line);
    if (note) blocks.push({ kind: 'note', line, note });
    else blocks.push({ kind: textKind(text, first), line });
    first = false;
  }
  return blocks;
}
