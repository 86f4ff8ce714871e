export { parseRelease, type ParseResult } from './parse-release';
export { decodeRelease, type Encoding } from './decode';
export { readNumber, signedDigits, type Figure } from './read-number';
export { normalizeLabel, labelKey } from './normalize-label';
export { isProse, readDateText } from './text-kinds';
export { headerCellReading } from './header-cell';
