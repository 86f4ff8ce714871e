import { NS, splitClark, type Fact, type Report } from '../model';
import { isClarkName } from '../xbrl/aspects';

const PURE = { numerators: [`{${NS.xbrli}}pure`], denominators: [] };
const QNAME = /^([A-Za-z_][\w.-]*):([A-Za-z_][\w.-]*)$/;
const ID = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

/**
 * A report as read, made ready for the OIM and XML writers:
 * - every namespace a concept, dimension, member or measure uses has a prefix: the one the
 *   documents declare (`declared`; the Inline XBRL reader keeps none), else `ns1`, `ns2`, …;
 * - explicit members read from xBRL-JSON or xBRL-CSV as QNames become Clark names, as the XML and
 *   Inline XBRL readers give them (a member whose prefix is bound);
 * - a fact with decimals or precision and no unit (xBRL-JSON and xBRL-CSV leave out xbrli:pure)
 *   gets xbrli:pure, as OIM defines it;
 * - every fact has an id unique in the report (OIM keys facts by id): a fact without one is named by
 *   its line (`line12`), numbered when two documents of a set put facts on the same line.
 */
export function prepareReport(report: Report, declared: Record<string, string> = {}): Report {
  const namespaces = { ...report.namespaces };
  const hint = new Map(Object.entries(declared).map(([p, ns]) => [ns, p]));
  const bound = new Set(Object.values(namespaces));
  for (const ns of [NS.xbrli, NS.iso4217, NS.xbrldi]) bound.add(ns);
  let n = 0;
  const bind = (clark: string) => {
    const { ns } = splitClark(clark);
    if (!ns || bound.has(ns)) return;
    const p = hint.get(ns);
    if (
      p !== undefined &&
      namespaces[p] === undefined &&
      !['xbrli', 'xbrldi', 'iso4217', 'link', 'xlink', 'xsi', 'xbrl'].includes(p)
    ) {
      namespaces[p] = ns;
      bound.add(ns);
      return;
    }
    while (namespaces[`ns${++n}`] !== undefined);
    namespaces[`ns${n}`] = ns;
    bound.add(ns);
  };
  const used = new Set<string>();
  const facts = report.facts.map((f) => {
    const dims = clarkMembers(f, report.namespaces);
    bind(f.concept);
    for (const [d, m] of Object.entries(dims ?? {})) {
      if (!d.startsWith('{')) continue;
      bind(d);
      if (isClarkName(m)) bind(m);
    }
    for (const m of [...(f.unit?.numerators ?? []), ...(f.unit?.denominators ?? [])]) bind(m);
    const id = uniqueId(f, used);
    // OIM leaves out the unit xbrli:pure; a fact with decimals is numeric, and XBRL 2.1 needs its unit.
    const pure = !f.unit && (f.decimals !== undefined || f.precision !== undefined) ? { unit: PURE } : {};
    return { ...f, id, ...(dims && { dimensions: dims }), ...pure };
  });
  return { ...report, namespaces, facts };
}

function clarkMembers(f: Fact, namespaces: Record<string, string>): Record<string, string> | undefined {
  if (!f.dimensions) return undefined;
  const out: Record<string, string> = {};
  for (const [d, m] of Object.entries(f.dimensions)) {
    const q = QNAME.exec(m);
    out[d] = q && namespaces[q[1]] !== undefined ? `{${namespaces[q[1]]}}${q[2]}` : m;
  }
  return out;
}

function uniqueId(f: Fact, used: Set<string>): string {
  let id = f.id !== undefined && ID.test(f.id) ? f.id : `line${f.source?.line ?? 0}`;
  if (used.has(id)) {
    let k = 2;
    while (used.has(`${id}_${k}`)) k++;
    id = `${id}_${k}`;
  }
  used.add(id);
  return id;
}
