import type { Diagnostic } from '../model';
import type { ReleaseMap, MapRow } from '../mapping/release-map';
import type { SourceCalculation } from '../mapping/taxonomy-source';
import type { MappedFact, ResolvedTable } from '../mapping/types';

/** What the release checks count, for the conversion report's `checks` (keys in the order they first appear). */
export interface CheckCounts {
  percentChecked: number;
  percentUnverifiable: number;
  usdChecked: number;
  /** Figures off by rounding alone that the release adjusted so that a column foots (reported as info). */
  footingAdjustments?: number;
  /** Derived figures printed in both languages and compared. */
  derivedCompared?: number;
}

/** Everything a release check may read: the mapped release, never the text again. */
export interface CheckInput {
  file: string;
  /** The tables as read and resolved (printed figures with their rows' concepts and columns' periods). */
  tables: ResolvedTable[];
  facts: MappedFact[];
  /** Summation-item relationships of the taxonomy (for footing adjustments). */
  calculations: SourceCalculation[];
  rmap: ReleaseMap;
  /** The mapping rows found in the release, by mapping table id. */
  found: Map<string, Set<MapRow>>;
  /** The parts converted. */
  lang: 'en' | 'ja' | 'both';
}

export interface CheckResult {
  diagnostics: Diagnostic[];
  counts?: Partial<CheckCounts>;
}

/** One release check: a pure function of the mapped release. */
export interface ReleaseCheck {
  name: string;
  /**
   * `mapped`: runs on every mapped release; `clean`: only when nothing so far is an error (it
   * recomputes figures from figures, which an unread table or row would make meaningless).
   */
  when: 'mapped' | 'clean';
  run: (input: CheckInput) => CheckResult;
}
