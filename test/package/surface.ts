/** The README's list of the public entry's names, shared by the package tests. */
/** The README table's names by kind: `| \`a\`, \`b\` | function | … |`. */
export function documentedSurface(readme: string): { values: string[]; types: string[] } {
  const start = readme.indexOf('\n## Library\n');
  const end = readme.indexOf('\n## ', start + 1);
  const section = readme.slice(start, end < 0 ? undefined : end);
  const values: string[] = [];
  const types: string[] = [];
  for (const m of section.matchAll(/^\| ((?:`\w+`(?:, )?)+) \| (function|type) \|/gm)) {
    const names = [...m[1].matchAll(/`(\w+)`/g)].map((n) => n[1]);
    (m[2] === 'function' ? values : types).push(...names);
  }
  return { values: values.sort(), types: types.sort() };
}
