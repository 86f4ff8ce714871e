import type { InlineXbrlCode } from '../model';
import { IX_NS } from '../xbrl/ix';
/**
 * Inline XBRL error codes as XBRL International's conformance suite and the reference processor
 * spell them: the specification section of the element concerned, then the condition, e.g.
 * `ix11.10.1.2:invalidTransformation` (Inline XBRL 1.1 §10.1.2, ix:nonFraction validation) or
 * `ix10.9.1.2:…` for the same element in an Inline XBRL 1.0 document.
 */
type Sect = 'constraint' | 'validation' | 'non-validatable';
type Table = Record<string, Partial<Record<Sect, string>>>;

const IX10: Table = {
  footnote: { constraint: 'ix10.5.1.1', validation: 'ix10.5.1.2' },
  fraction: { constraint: 'ix10.6.1.1', validation: 'ix10.6.1.2' },
  header: { constraint: 'ix10.7.1.1', validation: 'ix10.7.1.3', 'non-validatable': 'ix10.7.1.2' },
  hidden: { constraint: 'ix10.8.1.1', validation: 'ix10.8.1.2' },
  nonFraction: { constraint: 'ix10.9.1.1', validation: 'ix10.9.1.2' },
  nonNumeric: { constraint: 'ix10.10.1.1', validation: 'ix10.10.1.2' },
  references: { constraint: 'ix10.11.1.1', validation: 'ix10.11.1.2' },
  resources: { constraint: 'ix10.12.1.1', validation: 'ix10.12.1.2' },
  tuple: { constraint: 'ix10.13.1.1', validation: 'ix10.13.1.2' },
  other: { constraint: 'ix10', validation: 'ix10' },
};

const IX11: Table = {
  continuation: { constraint: 'ix11.4.1.1', validation: 'ix11.4.1.2' },
  exclude: { constraint: 'ix11.5.1.1', validation: 'ix11.5.1.2' },
  footnote: { constraint: 'ix11.6.1.1', validation: 'ix11.6.1.2' },
  fraction: { constraint: 'ix11.7.1.2', validation: 'ix11.7.1.3' },
  header: { constraint: 'ix11.8.1.1', validation: 'ix11.8.1.3', 'non-validatable': 'ix11.8.1.2' },
  hidden: { constraint: 'ix11.9.1.1', validation: 'ix11.9.1.2' },
  nonFraction: { constraint: 'ix11.10.1.1', validation: 'ix11.10.1.2' },
  nonNumeric: { constraint: 'ix11.11.1.1', validation: 'ix11.11.1.2' },
  references: { constraint: 'ix11.12.1.1', validation: 'ix11.12.1.2' },
  relationship: { constraint: 'ix11.13.1.1', validation: 'ix11.13.1.2' },
  resources: { constraint: 'ix11.14.1.1', validation: 'ix11.14.1.2' },
  tuple: { constraint: 'ix11.15.1.1', validation: 'ix11.15.1.2' },
  other: { constraint: 'ix11', validation: 'ix11' },
};

/**
 * The code for `condition` found on element `element` (an ix local name; `context` and `unit`
 * count as `resources`) of a document in Inline XBRL namespace `ns`.
 */
export function ixCode(condition: string, element: string, sect: Sect, ns: string = IX_NS.ix11): InlineXbrlCode {
  const table = ns === IX_NS.ix10 ? IX10 : IX11;
  const name = element === 'context' || element === 'unit' ? 'resources' : element;
  const section = table[name]?.[sect] ?? table.other[sect] ?? table.other.validation;
  return `${section}:${condition}` as InlineXbrlCode;
}
