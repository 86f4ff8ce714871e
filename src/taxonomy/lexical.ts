/** Lexical spaces of the XML Schema built-in types XBRL uses (a value outside one is an `xmlSchema:valueError`). */
import { isDecimalLexical } from '../xbrl/lexical';

const DATE = /^-?\d{4,}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(Z|[+-]\d{2}:\d{2})?$/;
const DATETIME = /^-?\d{4,}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/;
const validDate = (s: string) => DATE.test(s) && !Number.isNaN(Date.parse(s.slice(0, 10)));
export const dateUnion = (s: string) => validDate(s) || DATETIME.test(s);

export function lexicalOk(xsd: string | undefined, v: string): boolean {
  switch (xsd) {
    case 'decimal': return isDecimalLexical(v);
    case 'float': case 'double': return /^(\+?INF|-INF|NaN|[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?)$/.test(v.trim());
    case 'integer': case 'long': case 'int': case 'short': case 'byte': return /^[+-]?\d+$/.test(v.trim());
    case 'nonNegativeInteger': case 'unsignedLong': case 'unsignedInt': case 'unsignedShort': case 'unsignedByte': return /^\+?\d+$/.test(v.trim()) || /^-0+$/.test(v.trim());
    case 'positiveInteger': return /^\+?0*[1-9]\d*$/.test(v.trim());
    case 'date': return validDate(v.trim());
    case 'dateTime': return DATETIME.test(v.trim());
    case 'dateUnion': return dateUnion(v.trim());
    case 'gYear': return /^-?\d{4,}(Z|[+-]\d{2}:\d{2})?$/.test(v.trim());
    case 'boolean': return /^(true|false|1|0)$/.test(v.trim());
    default: return true;
  }
}

