import type { Table } from '../model';

/** The header cell over column `i` (spanning from the left: a header names the columns up to the next one) that reads `text`, if any. */
export function headerCellReading(
  table: Table,
  i: number,
  text: string | undefined,
): { line: number; column: number } | undefined {
  for (const row of table.headerRows) {
    for (let j = i; j >= 0; j--) {
      const c = row.cells[j];
      if (c && c.text !== '') {
        if (c.text === text) return c;
        break;
      }
    }
  }
  return undefined;
}
