/** Severity as Arelle reports it; `inconsistency` is a calculation/duplicate finding, not a schema error. */
export type Severity = 'error' | 'inconsistency' | 'warning' | 'info';

/**
 * Every diagnostic code the project emits, by stage: `diag()` takes only these, so a misspelt code
 * fails compilation. A new check adds its code here (the spec's or Arelle's code where the
 * condition is the same, else `stage:camelCase`).
 */
/** XBRL 2.1 (section-numbered, as Arelle reports them), XML Schema and XML reading. */
export type Xbrl21Code =
  | 'xbrl.3.5.3'
  | 'xbrl.3.5.3.7'
  | 'xbrl.4.3.4'
  | 'xbrl.4.11.1.2'
  | 'xbrl.5.1.3'
  | 'xbrl.5.2.2.2.2'
  | 'xbrl.5.2.3.2.1'
  | 'xbrl.4.11.1.1:customLocator'
  | 'xbrl.5.2.2.2.1:labelLang'
  | 'xbrl.5.2.5.2.1:zeroWeight'
  | 'xbrl.3.5.3.8.1:resourceType'
  | 'xbrl.3.5.4:hrefIdNotFound'
  | 'xbrl.3.5.2.4.5:roleRefDuplicate'
  | 'xbrl.3.5.2.4.5:roleRefMismatch'
  | 'xbrl.3.5.2.4.5:roleRefNotDefined'
  | 'xbrl.3.5.2.4:missingRoleRef'
  | 'xbrl.3.5.2.5.5:arcroleRefDuplicate'
  | 'xbrl.3.5.2.5.5:arcroleRefMismatch'
  | 'xbrl.3.5.2.5.5:arcroleRefNotDefined'
  | 'xbrl.3.5.2.5:missingArcroleRef'
  | 'xbrl.3.5.3.7.2:locatorHref'
  | 'xbrl.3.5.3.9.2:arcResource'
  | 'xbrl.3.5.3.9.3:arcResource'
  | 'xbrl.3.5.3.9:arcFromToLabel'
  | 'xbrl.4.11.1.1:footnoteLinkLocTarget'
  | 'xbrl.4.11.1.1:instanceLoc'
  | 'xbrl.4.11.1.2.1:footnoteLang'
  | 'xbrl.4.11.1.3.1:factFootnoteArcFrom'
  | 'xbrl.4.11.1.3.1:factFootnoteArcTo'
  | 'xbrl.4.2.2:schemaRefHref'
  | 'xbrl.4.2.2:schemaRefMissing'
  | 'xbrl.4.3.3:linkbaseRefArcrole'
  | 'xbrl.4.3.4:linkbaseRefLinks'
  | 'xbrl.4.6.1:itemContextRef'
  | 'xbrl.4.6.2:numericUnit'
  | 'xbrl.4.6.2:unitRefUnresolved'
  | 'xbrl.4.6.3:bothPrecisionAndDecimals'
  | 'xbrl.4.6.3:extraneousPrecisionDecimals'
  | 'xbrl.4.6.3:missingPrecisionDecimals'
  | 'xbrl.4.6.3:nilPrecisionDecimals'
  | 'xbrl.4.6.3:nilWithValue'
  | 'xbrl.4.6.4:precision'
  | 'xbrl.4.6.5:decimals'
  | 'xbrl.4.6:notAnItem'
  | 'xbrl.4.7.1:entityIdentifier'
  | 'xbrl.4.7.2:contextDateError'
  | 'xbrl.4.7.2:contextPeriod'
  | 'xbrl.4.7.2:contextPeriodType'
  | 'xbrl.4.7.2:periodStartBeforeEnd'
  | 'xbrl.4.7.3.2:segmentEmpty'
  | 'xbrl.4.7.3.2:segmentItemOrTuple'
  | 'xbrl.4.7.3.2:segmentXbrliElement'
  | 'xbrl.4.7.4:scenarioEmpty'
  | 'xbrl.4.7.4:scenarioItemOrTuple'
  | 'xbrl.4.7.4:scenarioXbrliElement'
  | 'xbrl.4.8.2:measureElement'
  | 'xbrl.4.8.2:monetaryFactUnit-notMonetaryMeasure'
  | 'xbrl.4.8.2:monetaryFactUnit-notSingleMeasure'
  | 'xbrl.4.8.2:sharesFactUnit-notSharesMeasure'
  | 'xbrl.4.8.2:sharesFactUnit-notSingleMeasure'
  | 'xbrl.4.8.4:measureBothNumDenom'
  | 'xbrl.4.9:tupleAttribute'
  | 'xbrl.4.9:tupleBalance'
  | 'xbrl.4.9:tupleElementItemOrTuple'
  | 'xbrl.4.9:tupleElementUndefined'
  | 'xbrl.4.9:tupleMixedContent'
  | 'xbrl.4.9:tuplePeriodType'
  | 'xbrl.4.9:tupleSimpleContent'
  | 'xbrl.5.1.1.1:itemPeriodType'
  | 'xbrl.5.1.1.2:balanceCalcWeightIllegalNegative'
  | 'xbrl.5.1.1.2:balanceCalcWeightIllegalPositive'
  | 'xbrl.5.1.1.2:itemBalance'
  | 'xbrl.5.1.1.3:itemType'
  | 'xbrl.5.1.3.4:custRoleUsedOn'
  | 'xbrl.5.1.3:roleTypeDuplicate'
  | 'xbrl.5.1.3:roleTypeMissing'
  | 'xbrl.5.1.3:roleTypes-inequality'
  | 'xbrl.5.1.4.3:cycles'
  | 'xbrl.5.1.4.5:custArcroleUsedOn'
  | 'xbrl.5.1.4:arcroleTypeCyclesAllowed'
  | 'xbrl.5.1.4:arcroleTypeDuplicate'
  | 'xbrl.5.1.4:arcroleTypeMissing'
  | 'xbrl.5.1.4:arcroleTypes-inequality'
  | 'xbrl.5.1:emptyTargetNamespace'
  | 'xbrl.5.2.2.3:labelArcRemoteResource'
  | 'xbrl.5.2.4.2.1:preferredLabelMissing'
  | 'xbrl.5.2.4.2:directedCycles'
  | 'xbrl.5.2.5.2:nonNumericCalc'
  | 'xbrl.5.2.6.2.1:directedCycles'
  | 'xbrl.5.2.6.2.2:essenceAliasBalance'
  | 'xbrl.5.2.6.2.2:essenceAliasTypes'
  | 'xbrl.5.2.6.2.2:essenceAliasUnitsInconsistency'
  | 'xbrl.5.2.6.2.4:requiresElementInconsistency'
  | 'xbrl.5.6.1:Redefine'
  | 'xbrl:notAnInstance'
  | 'xbrl:schemaImportMissing'
  | 'xml:doctypeNotAllowed'
  | 'xml:notWellFormed'
  | 'xmlSchema:validityError'
  | 'xmlSchema:schemaUnavailable'
  | 'xmlSchema:attributesExtraneous'
  | 'xmlSchema:duplicateId'
  | 'xmlSchema:nilNonNillableElement'
  | 'xmlSchema:valueError'
  | 'xmlSchema:attributesRequired'
  | 'xmlSchema:patternEscapeDisallowed'
  | 'xmlSchema:uniqueParticleAttribution'
  | 'xlink:dupArcs';
/** Calculations 1.1 / XBRL 2.1 §5.2.5.2, duplicates and roll-forwards. */
export type CalculationCode =
  | 'xbrl.5.2.5.2:calcInconsistency'
  | 'arelle:duplicateFacts'
  | 'calc11e:excessDigits'
  | 'calc11e:inconsistentCalculationUsingRounding'
  | 'iij:rollforwardInconsistency'
  | 'oime:disallowedDuplicateFacts';
/** xBRL-JSON and xBRL-CSV (OIM 1.0) reading. */
export type OimCode =
  | 'oim:unsupportedFeature'
  | 'oimce:invalidPeriodRepresentation'
  | 'oimce:invalidSQName'
  | 'oimce:invalidUnitStringRepresentation'
  | 'oimce:unboundPrefix'
  | 'oimce:unsupportedDocumentType'
  | 'xbrlce:illegalUseOfNone'
  | 'xbrlce:invalidCSVFileFormat'
  | 'xbrlce:invalidConceptQName'
  | 'xbrlce:invalidDecimalsSuffix'
  | 'xbrlce:invalidDecimalsValue'
  | 'xbrlce:invalidHeaderValue'
  | 'xbrlce:invalidJSON'
  | 'xbrlce:invalidJSONStructure'
  | 'xbrlce:invalidLanguageCode'
  | 'xbrlce:invalidPeriodRepresentation'
  | 'xbrlce:invalidPeriodSpecifier'
  | 'xbrlce:invalidReferenceTarget'
  | 'xbrlce:invalidRowIdentifier'
  | 'xbrlce:missingRequiredCSVFile'
  | 'xbrlce:missingRowIdentifier'
  | 'xbrlce:repeatedColumnIdentifier'
  | 'xbrlce:repeatedRowIdentifier'
  | 'xbrlce:undefinedRowIdColumn'
  | 'xbrlce:unknownColumn'
  | 'xbrlce:unknownLinkGroup'
  | 'xbrlce:unknownLinkSource'
  | 'xbrlce:unknownLinkTarget'
  | 'xbrlce:unknownLinkType'
  | 'xbrlce:unknownSpecialValue'
  | 'xbrlce:unknownTableTemplate'
  | 'xbrlce:unmappedCellValue'
  | 'xbrlje:invalidJSON'
  | 'xbrlje:invalidJSONStructure';
/** DTS loading, taxonomy packages and taxonomy checks. */
export type TaxonomyCode =
  | 'IOerror'
  | 'taxonomy:abstractInCalculation'
  | 'taxonomy:partialDts'
  | 'taxonomy:balanceOnNonMonetary'
  | 'taxonomy:calcPeriodTypeMismatch'
  | 'taxonomy:conceptNotInPresentation'
  | 'taxonomy:missingLabel'
  | 'taxonomy:missingStandardLabel'
  | 'taxonomy:notASchemaOrLinkbase'
  | 'taxonomy:preferredLabelMissing'
  | 'taxonomy:relationshipCycle'
  | 'taxonomy:sourceInvalid'
  | 'taxonomy:undeclaredConcept'
  | 'tpe:invalidCatalogFile'
  | 'tpe:invalidMetaDataFile'
  | 'tpe:metadataDirectoryNotFound'
  | 'tpe:multipleRewriteURIsForStartString';
/** Reading and writing files. */
export type IoCode =
  | 'io:cannotRead'
  | 'io:cannotWrite'
  | 'io:fileNotFound'
  | 'io:fileTooLarge'
  | 'io:invalidReference'
  | 'io:noSpace'
  | 'io:notARegularFile'
  | 'io:outsideInput'
  | 'io:remoteNotFetched'
  | 'io:outNotADirectory'
  | 'io:notInlineXbrl'
  | 'io:packageNotFound'
  | 'io:permissionDenied'
  | 'io:readOnlyFileSystem'
  | 'io:targetIsADirectory';
/** A reader's budget (`--max-…` options) exhausted, or bytes that are not the text encoding declared. */
export type LimitCode =
  | 'xml:limitExceeded'
  | 'xml:invalidEncoding'
  | 'xml:unsupportedEncoding'
  | 'json:limitExceeded'
  | 'json:invalidEncoding'
  | 'csv:limitExceeded'
  | 'csv:invalidEncoding'
  | 'ixread:limitExceeded';
/** The converter: release text, mapping, conversion gate, JSON Schema checks of outputs. */
export type ConverterCode =
  | 'convert:strictGate'
  | 'mapping:missingRow'
  | 'mapping:missingTable'
  | 'mapping:periodMismatch'
  | 'mapping:rowFromOtherLanguage'
  | 'mapping:schemaInvalid'
  | 'mapping:tableFromOtherLanguage'
  | 'mapping:tableNotFound'
  | 'mapping:unknownConcept'
  | 'mapping:unreadable'
  | 'release:ambiguousTable'
  | 'release:binaryInput'
  | 'release:blankCell'
  | 'release:cellCountMismatch'
  | 'release:derivedLanguageMismatch'
  | 'release:emptyInput'
  | 'release:factFromOtherLanguage'
  | 'release:figuresInGroupRow'
  | 'release:footingAdjustment'
  | 'release:inconsistentDuplicate'
  | 'release:invalidDate'
  | 'release:invalidNumber'
  | 'release:missingDocumentInfo'
  | 'release:missingScale'
  | 'release:noFacts'
  | 'release:noTables'
  | 'release:percentMismatch'
  | 'release:periodAfterEnd'
  | 'release:periodConflict'
  | 'release:periodEndNotMonthEnd'
  | 'release:periodLanguageMismatch'
  | 'release:undecodableBytes'
  | 'release:unexpectedCurrency'
  | 'release:unexpectedPeriod'
  | 'release:unexpectedPercent'
  | 'release:unmappedRow'
  | 'release:unmappedTable'
  | 'release:unresolvedPeriod'
  | 'release:usdTranslationMismatch'
  | 'schema:factsFeedInvalid'
  | 'schema:invalid'
  | 'schema:reportInvalid'
  | 'schema:xbrlCsvInvalid'
  | 'schema:xbrlJsonInvalid'
  | 'series:noFeed';
/** Inline XBRL: `ix10.<section>:<condition>` / `ix11.<section>:<condition>` as the conformance suite and Arelle spell them, and the reader's own. */
export type InlineXbrlCode =
  | `ix10.${string}:${string}`
  | `ix11.${string}:${string}`
  | `ix10:${string}`
  | `ix11:${string}`
  | 'xml.3.3.1:idMustBeUnique'
  | 'ixread:notXhtml'
  | 'ixread:scaleOutOfRange'
  | 'ixread:unsupportedTransformation'
  | 'ixread:fractionNotSupported'
  | 'ixread:tupleNotSupported';
/** XBRL Dimensions 1.0: taxonomy (`xbrldte:`) and instance (`xbrldie:`) errors as the specification names them; `sche:XmlSchemaError` for xbrldt attribute values the XDT schema rejects. */
export type XdtCode =
  | 'xbrldte:DRSDirectedCycleError'
  | 'xbrldte:DimensionDefaultSourceError'
  | 'xbrldte:DimensionDefaultTargetError'
  | 'xbrldte:DimensionDomainSourceError'
  | 'xbrldte:DimensionDomainTargetError'
  | 'xbrldte:DimensionElementIsNotAbstractError'
  | 'xbrldte:DomainMemberSourceError'
  | 'xbrldte:DomainMemberTargetError'
  | 'xbrldte:HasHypercubeMissingContextElementAttributeError'
  | 'xbrldte:HasHypercubeSourceError'
  | 'xbrldte:HasHypercubeTargetError'
  | 'xbrldte:HypercubeDimensionSourceError'
  | 'xbrldte:HypercubeDimensionTargetError'
  | 'xbrldte:HypercubeElementIsNotAbstractError'
  | 'xbrldte:OutOfDTSSchemaError'
  | 'xbrldte:PrimaryItemPolymorphismError'
  | 'xbrldte:TargetRoleNotResolvedError'
  | 'xbrldte:TooManyDefaultMembersError'
  | 'xbrldte:TypedDimensionError'
  | 'xbrldte:TypedDimensionURIError'
  | 'xbrldte:TypedDomainRefError'
  | 'xbrldie:DefaultValueUsedInInstanceError'
  | 'xbrldie:ExplicitMemberNotExplicitDimensionError'
  | 'xbrldie:ExplicitMemberUndefinedQNameError'
  | 'xbrldie:IllegalTypedDimensionContentError'
  | 'xbrldie:PrimaryItemDimensionallyInvalidError'
  | 'xbrldie:RepeatedDimensionInInstanceError'
  | 'xbrldie:TypedMemberNotTypedDimensionError'
  | 'sche:XmlSchemaError';

/** Filings as delivered: archives (`zip:`), document sets and manifests (`docset:`), XBRL Report Packages (`rpe:`, as Arelle spells them). */
export type FilingCode =
  | 'zip:invalid'
  | 'zip:symlink'
  | 'zip:tooLarge'
  | 'zip:unsafePath'
  | 'zip:unsupported'
  | 'docset:invalidManifest'
  | 'docset:missingDocument'
  | 'docset:noReport'
  | 'extract:noFacts'
  | 'extract:typedDimension'
  | `rpe:${string}`;
export type DiagnosticCode =
  | XdtCode
  | Xbrl21Code
  | CalculationCode
  | OimCode
  | TaxonomyCode
  | IoCode
  | LimitCode
  | ConverterCode
  | InlineXbrlCode
  | FilingCode;

/** A place in an input file: 1-based line and column. */
export interface SourceRef {
  file: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
}

/**
 * One finding. Codes are stable strings: XBRL International / Arelle codes where the condition is
 * the same (`calc11e:inconsistentCalculationUsingRounding`), else `<stage>:<camelCase>`
 * (`release:unmappedRow`). Programs branch on `code`, never on `message`.
 */
export interface Diagnostic {
  code: DiagnosticCode;
  severity: Severity;
  message: string;
  source?: SourceRef;
  /** Other places involved (e.g. the first occurrence of a duplicate). */
  related?: SourceRef[];
  expected?: string;
  actual?: string;
  hint?: string;
  facts?: string[];
  contexts?: string[];
  units?: string[];
  concept?: string;
  params?: Record<string, string>;
}

export function diag(
  code: DiagnosticCode,
  severity: Severity,
  message: string,
  extra: Omit<Diagnostic, 'code' | 'severity' | 'message'> = {},
): Diagnostic {
  return { code, severity, message, ...extra };
}

export function formatSource(s: SourceRef | undefined): string {
  return s ? `${s.file}:${s.line}:${s.column}` : '';
}

export function hasErrors(ds: readonly Diagnostic[]): boolean {
  return ds.some((d) => d.severity === 'error' || d.severity === 'inconsistency');
}

/** Thrown only to abort a stage on a user-input error; the CLI prints `diagnostics` and exits 1. */
export class DiagnosticError extends Error {
  constructor(public readonly diagnostics: Diagnostic[]) {
    super(diagnostics.map((d) => `${formatSource(d.source)} ${d.code}: ${d.message}`).join('\n'));
    this.name = 'DiagnosticError';
  }
}
