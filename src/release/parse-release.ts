import {
  diag,
  type Cell,
  type Column,
  type Diagnostic,
  type Release,
  type ReleaseNote,
  type Row,
  type Table,
} from '../model';
import { normalizeLabel, SUPERSCRIPTS } from './normalize-label';
import { readNumber } from './read-number';

const CJK = /[\u3040-\u30ff\u3400-\u9fff\uff00-\uffef]/;
const PREAMBLE_LINES = 8;

export interface ParseResult {
  release: Release;
  diagnostics: Diagnostic[];
}

function cellText(raw: string): string {
  return raw
    .replace(/<\/?u>/g, '')
    .replace(/\\([$*_])/g, '$1')
    .trim();
}

function splitRow(line: string, lineNo: number): { fields: Cell[] } {
  const fields: Cell[] = [];
  let start = 0;
  for (const raw of line.split('\t')) {
    const lead = raw.length - raw.trimStart().length;
    fields.push({ text: cellText(raw), line: lineNo, column: start + lead + 1 });
    start += raw.length + 1;
  }
  return { fields };
}

/** A header row has text in some column and no figure anywhere (`3Q03`, `USD (1)`, `前年同期比`). */
function isHeaderRow(cells: Cell[]): boolean {
  let any = false;
  for (const c of cells) {
    if (c.text === '') continue;
    any = true;
    const f = readNumber(c.text);
    if (f.kind === 'number' || f.kind === 'dash') return false;
  }
  return any;
}

function buildColumns(headerRows: Row[], width: number): Column[] {
  const columns: Column[] = Array.from({ length: width }, (_, index) => ({ index, headers: [] }));
  headerRows.forEach((row, r) => {
    // Upper header rows span to the right until the next non-empty cell (`Dec 31, 2003\t\t\tDec 31, 2002`).
    const spanning = r < headerRows.length - 1;
    let carry = '';
    row.cells.forEach((cell, i) => {
      if (cell.text !== '') carry = cell.text;
      const text = cell.text !== '' ? cell.text : spanning ? carry : '';
      if (text !== '') columns[i].headers.push(text);
    });
  });
  return columns;
}

const NOTE_PATTERNS: { re: RegExp }[] = [
  { re: /^([¹²³⁴⁵⁶⁷⁸⁹])\s*(.+)$/ },
  { re: /^※\s*(\d)\s*(.+)$/ },
  { re: /^Note\s*\((\d{1,2})\)\s*:\s*(.+)$/ },
  { re: /^注記\s*\((\d{1,2})\)\s*[:：]\s*(.+)$/ },
];

function readNotes(lines: string[]): ReleaseNote[] {
  const notes: ReleaseNote[] = [];
  lines.forEach((line, i) => {
    if (line.includes('\t')) return;
    const t = line.trim();
    for (const { re } of NOTE_PATTERNS) {
      const m = re.exec(t);
      if (m) {
        const mark = SUPERSCRIPTS[m[1]] ?? String(Number(m[1])); // the pattern takes ¹–⁹ only: never ⁰
        const text = m[2].replace(/\\([$*_])/g, '$1').trim();
        notes.push({ mark, text, line: i + 1, lang: CJK.test(text) ? 'ja' : 'en' });
        break;
      }
    }
  });
  return notes;
}

/**
 * A note's language is its characters' when they are Japanese; a note in ASCII alone (a Japanese
 * footnote naming services, `² IIJ FiberAccess/F, …`) takes the language of the part of the release
 * it sits in: the nearest table above it (notes follow their tables), else the first table below.
 */
function withSectionLanguage(notes: ReleaseNote[], tables: readonly Table[]): ReleaseNote[] {
  return notes.map((n) => {
    if (n.lang === 'ja') return n;
    const above = tables.filter((t) => t.firstLine < n.line).pop();
    const near = above ?? tables.find((t) => t.firstLine > n.line);
    return near ? { ...n, lang: near.lang } : n;
  });
}

/**
 * Release text → tables. A table is a run of tab-separated lines; its title, scale and period lines
 * are the text lines just above it. Tables are found by this structure, never by line numbers, so
 * the next quarter's release in the same format reads the same way.
 */
export function parseRelease(text: string, file: string): ParseResult {
  const lines = text.split('\n');
  const diagnostics: Diagnostic[] = [];
  const tables: Table[] = [];
  let blocks = 0;
  let i = 0;
  while (i < lines.length) {
    if (!lines[i].includes('\t')) {
      i++;
      continue;
    }
    const first = i;
    while (i < lines.length && lines[i].includes('\t')) i++;
    blocks++;
    const raw = [] as RawRow[];
    for (let k = first; k < i; k++) raw.push({ cells: splitRow(lines[k], k + 1).fields, line: k + 1 });
    const problems = cellCountProblems(raw, file);
    if (problems.length) {
      diagnostics.push(...problems);
      continue;
    }
    tables.push(tableOf(raw, preambleOf(lines, first), tables.length + 1));
  }
  if (blocks === 0) {
    diagnostics.push(
      diag(
        'release:noTables',
        'error',
        'No tab-separated tables found; expected an IIJ release with tab-separated tables.',
        {
          source: { file, line: 1, column: 1 },
          expected: 'lines with tab-separated cells',
          actual: `${lines.length} lines without a tab`,
        },
      ),
    );
  }
  return { release: { file, lines, tables, notes: withSectionLanguage(readNotes(lines), tables) }, diagnostics };
}

interface RawRow {
  cells: Cell[];
  line: number;
}

/** The non-empty text lines just above the table starting at line index `first` (at most PREAMBLE_LINES, up to the previous table). */
function preambleOf(lines: string[], first: number): { text: string; line: number }[] {
  const preamble: { text: string; line: number }[] = [];
  for (let k = first - 1; k >= 0 && preamble.length < PREAMBLE_LINES; k--) {
    if (lines[k].includes('\t')) break;
    const t = lines[k].trim();
    if (t !== '') preamble.unshift({ text: t, line: k + 1 });
  }
  return preamble;
}

/** Rows with another number of cells than the table's first row. */
function cellCountProblems(raw: RawRow[], file: string): Diagnostic[] {
  const width = raw[0].cells.length;
  return raw
    .filter((r) => r.cells.length !== width)
    .map((r) =>
      diag(
        'release:cellCountMismatch',
        'error',
        `Row has ${r.cells.length - 1} figure cells, but the table's first row has ${width - 1}.`,
        {
          source: { file, line: r.line, column: r.cells[r.cells.length - 1].column },
          expected: `${width} tab-separated fields`,
          actual: `${r.cells.length} fields`,
          related: [{ file, line: raw[0].line, column: 1 }],
        },
      ),
    );
}

/** A table from its rows of equal width: header rows first, then rows, each under the last group row above it; Japanese when any label or preamble line is. */
function tableOf(raw: RawRow[], preamble: { text: string; line: number }[], ordinal: number): Table {
  const headerRows: Row[] = [];
  const rows: Row[] = [];
  let section: string | undefined;
  let inHeader = true;
  let cjk = preamble.some((p) => CJK.test(p.text));
  for (const r of raw) {
    const [labelCell, ...cells] = r.cells;
    const norm = normalizeLabel(labelCell.text);
    if (CJK.test(labelCell.text)) cjk = true;
    const group = norm.text !== '' && cells.every((c) => c.text === '');
    const row: Row = { line: r.line, label: labelCell, footnoteMarks: norm.marks, cells, group };
    if (inHeader && isHeaderRow(cells)) {
      headerRows.push(row);
      continue;
    }
    inHeader = false;
    if (group) section = norm.text;
    else row.section = section;
    rows.push(row);
  }
  return {
    ordinal,
    lang: cjk ? 'ja' : 'en',
    preamble,
    headerRows,
    columns: buildColumns(headerRows, raw[0].cells.length - 1),
    rows,
    firstLine: raw[0].line,
    lastLine: raw[raw.length - 1].line,
  };
}
