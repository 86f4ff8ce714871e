import type { Dts, Report } from '../model';
import { isClarkName, oimUnit, periodText, prefixer } from '../xbrl/aspects';
import { dimensionEntries, typedMember } from '../xbrl/dimensions';
import { toCsv } from '../util/csv';

export const FLAT_COLUMNS = [
  'id',
  'concept',
  'label',
  'entity_scheme',
  'entity',
  'period_type',
  'start',
  'end',
  'instant',
  'period',
  'dimensions',
  'unit',
  'decimals',
  'value',
  'language',
  'footnotes',
  'source',
] as const;

const STANDARD_LABEL = 'http://www.xbrl.org/2003/role/label';

/**
 * Standard labels by concept (Clark) in `lang`, or else in English, or else in the first language
 * the DTS has (in code-unit order), from a DTS when one could be loaded.
 */
export function standardLabels(dts: Dts | undefined, lang = 'en'): Map<string, string> {
  const byConcept = new Map<string, Map<string, string>>();
  for (const l of dts?.labels ?? []) {
    if (l.role !== STANDARD_LABEL) continue;
    const m = byConcept.get(l.concept) ?? new Map<string, string>();
    if (!m.has(l.lang)) m.set(l.lang, l.text);
    byConcept.set(l.concept, m);
  }
  const out = new Map<string, string>();
  for (const [c, m] of byConcept) {
    const pick = m.get(lang) ?? m.get('en') ?? m.get([...m.keys()].sort()[0]);
    if (pick !== undefined) out.set(c, pick.trim());
  }
  return out;
}

/**
 * Any report → one flat CSV for spreadsheets, a row per fact: the concept as a QName and its
 * label (the QName again when the taxonomy gave none), the entity, the period three ways (type,
 * dates, and as people read it), dimensions as `dimension=member` pairs joined by `; `, the OIM
 * unit string, decimals, the value as written, its language, the footnotes' texts and where the
 * fact was read. UTF-8 with a byte-order mark and CRLF line ends, as the vendor feed's CSV, so that
 * spreadsheet programs open Japanese text as it is.
 */
export function toFlatCsv(report: Report, labels: Map<string, string> = new Map()): string {
  const q = prefixer(report.namespaces);
  const notes = new Map(report.footnotes.map((n) => [n.id, n.text]));
  const rows: string[][] = [[...FLAT_COLUMNS]];
  for (const f of report.facts) {
    const p = f.period;
    const concept = q(f.concept);
    rows.push([
      f.id ?? '',
      concept,
      labels.get(f.concept) ?? concept,
      f.entity.scheme,
      f.entity.identifier,
      p.type,
      p.type === 'duration' ? p.start : '',
      p.type === 'duration' ? p.end : '',
      p.type === 'instant' ? p.instant : '',
      periodText(p),
      dimensionEntries(f)
        .map(([d, m]) => `${q(d)}=${typedMember(m)?.text ?? (isClarkName(m) ? q(m) : m)}`)
        .join('; '),
      f.unit ? (oimUnit(f.unit, q) ?? 'xbrli:pure') : '',
      f.decimals === undefined || f.value === null ? '' : String(f.decimals),
      f.value ?? '',
      f.language ?? '',
      (f.footnotes ?? []).map((id) => notes.get(id) ?? id).join(' | '),
      f.source ? `${f.source.file}:${f.source.line}` : '',
    ]);
  }
  return `\uFEFF${toCsv(rows, '\r\n')}`;
}
