/**
 * CSV as RFC 4180 defines it: comma-separated, CRLF or LF line ends, fields quoted with `"` when
 * they hold a comma, a quote or a line end, quotes doubled inside quoted fields.
 */

/** Quotes a field only when it must be quoted. */
export function csvField(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Rows → CSV text with a final line end; LF by default, CRLF for spreadsheets (RFC 4180). */
export function toCsv(rows: readonly (readonly string[])[], eol: '\n' | '\r\n' = '\n'): string {
  return rows.map((r) => r.map(csvField).join(',')).join(eol) + (rows.length ? eol : '');
}

export interface CsvRecord {
  /** Line of the file where the record starts (1-based). */
  line: number;
  fields: string[];
  /** Line and column (1-based, in characters) where each field starts. */
  lines: number[];
  columns: number[];
}

export interface CsvParse {
  records: CsvRecord[];
  /** A syntax problem (unterminated quote, text after a closing quote), with its place. */
  error?: { line: number; column: number; message: string };
}

/**
 * Parses CSV text into records, keeping the line and column of every field so readers can
 * report problems at their place. A leading byte-order mark is skipped; a final line end does not
 * make an empty record. Stops at the first syntax error.
 */
export function parseCsv(text: string): CsvParse {
  const records: CsvRecord[] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  let lineStart = i;
  const n = text.length;
  while (i < n) {
    const rec: CsvRecord = { line, fields: [], lines: [], columns: [] };
    for (;;) {
      rec.lines.push(line);
      rec.columns.push(i - lineStart + 1);
      let field = '';
      if (text[i] === '"') {
        const qLine = line;
        const qCol = i - lineStart + 1;
        i++;
        for (;;) {
          if (i >= n) return { records, error: { line: qLine, column: qCol, message: 'quoted field is not closed' } };
          const c = text[i];
          if (c === '"') {
            if (text[i + 1] === '"') {
              field += '"';
              i += 2;
              continue;
            }
            i++;
            break;
          }
          if (c === '\n') {
            line++;
            lineStart = i + 1;
          }
          field += c;
          i++;
        }
        if (i < n && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') {
          return {
            records,
            error: { line, column: i - lineStart + 1, message: 'text after the closing quote of a field' },
          };
        }
      } else {
        const start = i;
        while (i < n && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') i++;
        field = text.slice(start, i);
        if (field.includes('"'))
          return { records, error: { line, column: start - lineStart + 1, message: 'quote inside an unquoted field' } };
      }
      rec.fields.push(field);
      if (i < n && text[i] === ',') {
        i++;
        continue;
      }
      break;
    }
    if (text[i] === '\r') i++;
    if (text[i] === '\n') i++;
    line++;
    lineStart = i;
    records.push(rec);
  }
  return { records };
}
