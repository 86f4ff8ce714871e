/** iij-xbrl public API. */
export { convert, convertBytes, type ConvertOptions, type ConvertResult } from './convert';
export { parseRelease, decodeRelease, readNumber, normalizeLabel } from './release';
export { mapRelease } from './mapping/map-release';
export { loadReleaseMap } from './mapping/release-map';
export { loadTaxonomySource } from './mapping/taxonomy-source';
export { toXbrlXml } from './instance/to-xbrl-xml';
export { toXbrlJson } from './oim/to-xbrl-json';
export { toXbrlCsv, xbrlCsvNames } from './oim/to-xbrl-csv';
export { fromXbrlCsv } from './oim/from-xbrl-csv';
export { readInlineXbrl, type InlineReadOptions, type InlineReadResult } from './ixbrl/from-ixbrl';
export { toSpreadsheetCsv } from './feed/to-spreadsheet-csv';
export { toVendorFeed } from './feed/to-vendor-feed';
export type * from './model';
/** The id of a fact, or for a fact read without one the name it goes by (`line12`). */
export { factId } from './model';
export type { MappedFact, Occurrence, MapResult } from './mapping/types';
export {
  compile,
  validate,
  validatorCache,
  validateFiling,
  readInstance,
  sniffInstance,
  normalizeReport,
  checkTaxonomyEntry,
  type CompiledValidator,
  type ValidatorCache,
  type CompileOptions,
  type ValidateOptions,
  type ValidateResult,
  type FilingValidateResult,
  type FilingSetResult,
  type CalcMode,
} from './validate';
export {
  openFiling,
  isFilingContainer,
  readZip,
  DEFAULT_ZIP_LIMITS,
  type Filing,
  type DocumentSet,
  type FilingOptions,
  type ZipLimits,
} from './docset';
export {
  extract,
  toFlatCsv,
  EXTRACT_FORMATS,
  type ExtractFormat,
  type ExtractOptions,
  type ExtractResult,
} from './extract';
