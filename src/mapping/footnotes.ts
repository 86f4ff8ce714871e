import type { Footnote, Release, ReleaseNote, Table } from '../model';

/**
 * Resolves a note mark on a table to its note text: the nearest note with that mark after the
 * table in the same language (notes follow their tables), else the nearest one before it.
 */
export function findNote(release: Release, table: Table, mark: string): ReleaseNote | undefined {
  const same = release.notes.filter((n) => n.mark === mark && n.lang === table.lang);
  const after = same.filter((n) => n.line > table.lastLine).sort((a, b) => a.line - b.line)[0];
  if (after) return after;
  return same.filter((n) => n.line < table.firstLine).sort((a, b) => b.line - a.line)[0];
}

/** Footnotes get ids in order of first use, so output is stable. */
export class FootnoteRegistry {
  private byLine = new Map<number, Footnote>();
  readonly list: Footnote[] = [];

  constructor(private readonly file: string) {}

  idFor(note: ReleaseNote): string {
    let fn = this.byLine.get(note.line);
    if (!fn) {
      fn = {
        id: `fn${this.list.length + 1}`,
        language: note.lang,
        text: note.text,
        source: { file: this.file, line: note.line, column: 1 },
      };
      this.byLine.set(note.line, fn);
      this.list.push(fn);
    }
    return fn.id;
  }
}
