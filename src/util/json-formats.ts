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
 * ajv-formats' full formats, as the generated validators (dist/schemas/) call them: each format
 * given as a function checks a string exactly as before, but a value equal to the one checked just
 * before is not checked again. Regular-expression formats are left as they are.
 */
export const formats: Record<string, Definition> = Object.fromEntries(
  Object.entries(fullFormats).map(([name, def]) => {
    if (typeof def === 'function') return [name, rememberLast(def as Check)];
    if (def && typeof def === 'object' && !(def instanceof RegExp) && typeof def.validate === 'function')
      return [name, { ...def, validate: rememberLast(def.validate as Check) }];
    return [name, def];
  }),
);
