/**
 * iij-xbrl public API: exactly what the README's "Library" section documents (a test pins the list,
 * test/package/public-surface.test.ts). Everything else under src/ is internal.
 */
export { convert, convertBytes, type ConvertOptions, type ConvertResult } from './convert';
export {
  compile,
  validate,
  validatorCache,
  validateSchema,
  validateFiling,
  type CompiledValidator,
  type ValidatorCache,
  type CompileOptions,
  type ValidateOptions,
  type ValidateResult,
  type FilingValidateResult,
  type FilingSetResult,
  type CalcMode,
} from './validate';
/** The id of a fact, or for a fact read without one the name it goes by (`line12`). */
export { factId } from './model';
export type {
  Concept,
  Diagnostic,
  DiagnosticCode,
  Dts,
  Entity,
  Fact,
  Footnote,
  Period,
  Report,
  Severity,
  SourceRef,
  Unit,
} from './model';
export type { MappedFact, Occurrence } from './mapping/types';
export { openFiling, type Filing, type DocumentSet, type FilingOptions } from './docset';
export { extract, type ExtractFormat, type ExtractOptions, type ExtractResult } from './extract';
