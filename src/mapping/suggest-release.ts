import type { Release } from '../model';
import { findRow, matchTable } from './map-release';
import type { ReleaseMap } from './release-map';
import { suggestMappings, type Suggestions } from './suggest';
import type { TaxonomySource } from './taxonomy-source';

/** Mapping entries for every table and row of `release` that `rmap` does not know. */
export function suggestForRelease(release: Release, rmap: ReleaseMap, tax: TaxonomySource): Suggestions {
  return suggestMappings(release, rmap, tax, (t) => matchTable(t, rmap.tables).map, findRow);
}
