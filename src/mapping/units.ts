import { NS, clark, type Unit } from '../model';
import type { ConceptKind } from './taxonomy-source';

const m = (ns: string, local: string) => clark(ns, local);

/** The unit of a fact of `kind`, given its column's currency. Undefined for non-numeric kinds. */
export function unitFor(kind: ConceptKind, currency: 'JPY' | 'USD', taxonomyNs: string): Unit | undefined {
  const cur = m(NS.iso4217, currency);
  switch (kind) {
    case 'monetary':
      return { numerators: [cur], denominators: [] };
    case 'perShare':
      return { numerators: [cur], denominators: [m(NS.xbrli, 'shares')] };
    case 'perAds':
      return { numerators: [cur], denominators: [m(taxonomyNs, 'ADS')] };
    case 'shares':
      return { numerators: [m(NS.xbrli, 'shares')], denominators: [] };
    case 'ads':
      return { numerators: [m(taxonomyNs, 'ADS')], denominators: [] };
    case 'count':
    case 'percent':
      return { numerators: [m(NS.xbrli, 'pure')], denominators: [] };
    case 'bandwidth':
      return { numerators: [m(taxonomyNs, 'Gbps')], denominators: [] };
    case 'exchangeRate':
      return { numerators: [m(NS.iso4217, 'JPY')], denominators: [m(NS.iso4217, 'USD')] };
    default:
      return undefined;
  }
}

export const isNumericKind = (k: ConceptKind): boolean => !['string', 'date', 'abstract'].includes(k);

/** Kinds whose figures a table's monetary scale statement ("in thousands") applies to. */
export const isScaledKind = (k: ConceptKind): boolean => k === 'monetary';
