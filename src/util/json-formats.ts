import { fullFormats } from 'ajv-formats/dist/formats';

type Check = (value: string) => boolean;
type Definition = (typeof fullFormats)[keyof typeof fullFormats];

/** The check, remembering its last value and verdict (the feed checks the same entity scheme URI on every fact). */
function rememberLast(check: Check): Check {
  let last: string | undefined;
  let verdict = false;
  return (value: string) => {
    if (value !== last) {
      verdict = check(value);
      last = value;
    }
    return verdict;
  };
}

/**
 * URIs of the plainest shape — `scheme://host[:port]/path` of letters, digits and the characters a
 * path segment takes unescaped (RFC 3986 §3: unreserved, sub-delims, ":", "@"), no query, fragment,
 * user, IP literal or percent-escape — are URIs under ajv-formats' full `uri` pattern too; that
 * pattern (the RFC's whole grammar, IPv6 included) costs V8 about 8 ms to compile on its first use,
 * more than the rest of a conversion's schema checks. A value of this shape is accepted without it;
 * any other value goes to the full pattern, so verdicts are the same.
 */
export const PLAIN_URI =
  /^[A-Za-z][A-Za-z0-9+.-]*:\/\/[A-Za-z0-9._~-]+(?::[0-9]*)?(?:\/[A-Za-z0-9._~!$&'()*+,;=:@-]*)*$/;

function plainFirst(check: Check): Check {
  return (value: string) => PLAIN_URI.test(value) || check(value);
}

/**
 * ajv-formats' full formats, as the generated validators (dist/schemas/) call them: each format
 * given as a function checks a string exactly as before, but a value equal to the one checked just
 * before is not checked again. Regular-expression formats are left as they are.
 */
export const formats: Record<string, Definition> = Object.fromEntries(
  Object.entries(fullFormats).map(([name, def]) => {
    if (typeof def === 'function')
      return [name, rememberLast(name === 'uri' ? plainFirst(def as Check) : (def as Check))];
    if (def && typeof def === 'object' && !(def instanceof RegExp) && typeof def.validate === 'function')
      return [name, { ...def, validate: rememberLast(def.validate as Check) }];
    return [name, def];
  }),
);
