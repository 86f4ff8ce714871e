/**
 * A small namespace-aware element tree with source positions, read with saxes (read-xml.ts) or the fast scanner (scan-xml.ts).
 *
 * Note: saxes rather than fast-xml-parser because XBRL is namespace-driven (prefixes differ between
 * documents, QName-valued attributes and texts must be resolved in scope) and because the same
 * streaming parser reads 100 MB instances without building a whole tree; one parser also means one
 * place that refuses DOCTYPE entity declarations.
 */
export interface XElement {
  /** Clark name `{ns}local`. */
  name: string;
  ns: string;
  local: string;
  /** Attributes by Clark name (`{ns}local`), or by local name when unqualified. */
  attrs: Record<string, string>;
  children: XElement[];
  /** Concatenated direct text content. */
  text: string;
  line: number;
  column: number;
  /** In-scope prefix → namespace (prototype chain follows ancestors). */
  nsMap: Record<string, string>;
}
