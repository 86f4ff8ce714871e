/** What a table's title and scale lines say about units: powers of ten per currency. */
export interface TableScale {
  JPY?: number;
  USD?: number;
  exceptPerShare: boolean;
  /** The line the statement was read from, for provenance. */
  lines: number[];
}

export function readScale(lines: { text: string; line: number }[]): TableScale {
  const s: TableScale = { exceptPerShare: false, lines: [] };
  for (const { text, line } of lines) {
    let hit = false;
    if (/\bin millions\b|百万円/i.test(text)) {
      s.JPY = 6;
      hit = true;
    }
    if (/thousands of japanese yen|千円/i.test(text)) {
      s.JPY = 3;
      hit = true;
    }
    if (/thousands of .*U\.S\. Dollars|千米ドル/i.test(text)) {
      s.USD = 3;
      hit = true;
    }
    if (/except for per share/i.test(text)) s.exceptPerShare = true;
    if (hit) s.lines.push(line);
  }
  return s;
}
