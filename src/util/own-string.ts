/**
 * A copy of `s` that holds its own characters. Note: V8 makes a substring of 13 or more characters
 * a view into the string it was cut from, and that whole string then stays in memory as long as the
 * view does; for a reader, the whole document text (170 MB for a million facts). Strings a reader
 * keeps after the read and shares widely (interned names and values) are copied once through this.
 */
export function ownString(s: string): string {
  // JSON round trip: a flat copy for every string, lone surrogates included (slice/concat tricks still give views).
  return s.length < 13 ? s : (JSON.parse(JSON.stringify(s)) as string);
}
