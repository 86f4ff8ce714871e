import type { Clark, Fact } from '../model';

/**
 * How a fact carries its dimensions (`Fact.dimensions`, dimension → member, both in Clark notation)
 * for every reader and writer: an explicit member is its QName (`{ns}local`); a typed member is its
 * element's name and its text, `{ns}element=text`, so that two elements with the same text stay two
 * members. A reader that knows only the text (xBRL-JSON, xBRL-CSV: OIM gives the value alone) keeps
 * the text until the DTS names the element (`withTypedElements`). Keys that are not Clark names are a
 * context's other segment/scenario content (XML input), not dimensions.
 */
export const isDimensionKey = (k: string): boolean => k.charCodeAt(0) === 123; // '{'

const TYPED = /^(\{[^}]*\}[^=\s{}]+)=([\s\S]*)$/;

/** A typed member's element and text, or undefined for an explicit member (or text not yet given its element). */
export function typedMember(value: string): { element: Clark; text: string } | undefined {
  const m = TYPED.exec(value);
  return m ? { element: m[1], text: m[2] } : undefined;
}

export const typedMemberValue = (element: Clark, text: string): string => `${element}=${text}`;

/** A fact's dimensions (not other context content), sorted by dimension. */
export function dimensionEntries(f: Pick<Fact, 'dimensions'>): [Clark, string][] {
  const d = f.dimensions;
  if (!d) return [];
  return Object.keys(d)
    .filter(isDimensionKey)
    .sort()
    .map((k) => [k, d[k]]);
}

/**
 * A report's typed members given their element (the typed domain's element of each typed dimension,
 * `typedDomain(dimension)`); facts without such a member are returned as they are.
 */
export function withTypedElements(facts: Fact[], typedDomain: (dimension: Clark) => Clark | undefined): Fact[] {
  return facts.map((f) => {
    const d = f.dimensions;
    if (!d) return f;
    let out: Record<Clark, string> | undefined;
    for (const [k, v] of Object.entries(d)) {
      const el = isDimensionKey(k) && !typedMember(v) ? typedDomain(k) : undefined;
      if (el) (out ??= { ...d })[k] = typedMemberValue(el, v);
    }
    return out ? { ...f, dimensions: out } : f;
  });
}
