/** Lexical spaces of the XML Schema built-in types XBRL uses (a value outside one is an `xmlSchema:valueError`). */
import { checkLexical, dateUnion } from '../xbrl/lexical';

export { dateUnion };

/** `v` is in the lexical space of `xsd` (or `xsd`'s space is not checked): the one check in xbrl/lexical. */
export const lexicalOk = (xsd: string | undefined, v: string): boolean => checkLexical(xsd, v) === undefined;
