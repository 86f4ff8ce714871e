/** The release's tables as read from text: no XBRL here, only text with positions. */

export interface Cell {
  /** Text with markup (`<u>`, `\\$`) removed and whitespace trimmed. */
  text: string;
  /** 1-based line and column of the cell's first character in the release. */
  line: number;
  column: number;
}

export interface Row {
  line: number;
  /** First field: the row label (may be empty). */
  label: Cell;
  /** Footnote markers found on the label (`¹` → '1', `(2)` → '2'). */
  footnoteMarks: string[];
  /** Remaining fields, one per column. */
  cells: Cell[];
  /** The label of the most recent group row above (e.g. `Investing Activities:`). */
  section?: string;
  /** True when the row has a label and no figures (`Revenues:`). */
  group: boolean;
}

export interface Column {
  index: number;
  /** Header texts from top to bottom, spanning headers filled rightwards. */
  headers: string[];
}

export interface Table {
  /** 1-based ordinal among all tables of the release. */
  ordinal: number;
  lang: 'en' | 'ja';
  /** Non-empty text lines just above the table (closest last), with line numbers. */
  preamble: { text: string; line: number }[];
  headerRows: Row[];
  columns: Column[];
  rows: Row[];
  firstLine: number;
  lastLine: number;
}

export interface Release {
  file: string;
  lines: string[];
  tables: Table[];
  /** Footnote texts found in the release (`¹ …`, `Note (1): …`, `注記(1): …`). */
  notes: ReleaseNote[];
}

export interface ReleaseNote {
  /** The marker as a plain string: '1' for `¹`, `Note (1)` and `注記(1)`. */
  mark: string;
  text: string;
  line: number;
  lang: 'en' | 'ja';
}
