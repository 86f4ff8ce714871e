/**
 * XML Schema's Unique Particle Attribution constraint (Part 1 §3.8.6, "Schema Component Constraint:
 * Unique Particle Attribution"): an element of a content model must be attributable to one particle
 * without looking ahead. Checked per model group as Arelle checks it (XmlValidateParticles.py,
 * `xmlSchema:uniqueParticleAttribution`), so that both give the same verdicts: in a sequence, an
 * element particle whose name an earlier particle has, with nothing required between them (the
 * earlier particle included), is ambiguous; in a choice or an all, any repeated name is; an xs:any
 * right after an optional particle is, as is an element after an xs:any with nothing required between.
 * Nested groups are checked on their own (their `minOccurs` separates in the group around them).
 * Unlike Arelle, a wildcard is compared with an element only when its namespace constraint takes the
 * element's namespace; substitution groups are not compared (so never a false report, at the cost of
 * missing an ambiguity through a substitution group or a nested group).
 */
import { diag, NS, type Diagnostic } from '../model';
import { resolveQName, type XElement } from '../xml/read-xml';

const XS = NS.xs;
const GROUPS = new Set([`{${XS}}sequence`, `{${XS}}choice`, `{${XS}}all`]);
const PARTICLES = new Set([...GROUPS, `{${XS}}element`, `{${XS}}any`, `{${XS}}group`]);

const minOccurs = (p: XElement): number => {
  const m = p.attrs.minOccurs?.trim();
  return m === undefined ? 1 : /^\d+$/.test(m) ? Number(m) : 1;
};

/** The name an element particle matches: a reference's, or a local declaration's (qualified per form or elementFormDefault). */
function particleName(p: XElement, tns: string, qualified: boolean): string | undefined {
  if (p.attrs.ref !== undefined) return resolveQName(p.attrs.ref, p.nsMap) ?? undefined;
  if (p.attrs.name === undefined) return undefined;
  const form = p.attrs.form ?? (qualified ? 'qualified' : 'unqualified');
  return `{${form === 'qualified' ? tns : ''}}${p.attrs.name}`;
}

/** Whether an xs:any takes elements of namespace `ns` (its `namespace` attribute: ##any, ##other, ##local, ##targetNamespace, URIs). */
function anyTakes(any: XElement, ns: string, tns: string): boolean {
  const spec = (any.attrs.namespace ?? '##any').trim();
  if (spec === '##any') return true;
  if (spec === '##other') return ns !== tns && ns !== '';
  return spec.split(/\s+/).some((t) => (t === '##local' ? ns === '' : t === '##targetNamespace' ? ns === tns : t === ns));
}

const namespaceOf = (clark: string): string => clark.slice(1, clark.indexOf('}'));

/** Whether a particle at or after `from` and before `to` (walking back) is required: the two are then told apart. */
function separated(particles: XElement[], from: number, to: number): boolean {
  for (let j = to; j > from; j--) if (minOccurs(particles[j - 1]) > 0) return true;
  return false;
}

function checkGroup(group: XElement, tns: string, qualified: boolean, file: string, out: Diagnostic[]): void {
  const particles = group.children.filter((c) => PARTICLES.has(c.name));
  const ordered = group.local === 'sequence';
  const prior = new Map<string, number>();
  const anys: number[] = [];
  const report = (p: XElement, what: string) =>
    out.push(
      diag('xmlSchema:uniqueParticleAttribution', 'error', `Particles of this ${group.local} ${what}.`, {
        source: { file, line: p.line, column: p.column },
        expected: 'a content model each element of which belongs to one particle (XML Schema Part 1 §3.8.6)',
      }),
    );
  particles.forEach((p, i) => {
    if (p.local === 'element') {
      const name = particleName(p, tns, qualified);
      if (name === undefined) return;
      const k = prior.get(name);
      if (k !== undefined) {
        if (!ordered || !separated(particles, k, i))
          report(p, `have non-unique attribution of element ${name}: an earlier particle may take it as well`);
      } else
        for (const a of anys)
          if (anyTakes(particles[a], namespaceOf(name), tns) && (!ordered || !separated(particles, a, i)))
            report(p, `have non-unique attribution of element ${name}: the xs:any before it may take it as well`);
      prior.set(name, i);
    } else if (p.local === 'any') {
      const before = i > 0 ? particles[i - 1] : undefined;
      const beforeName = before?.local === 'element' ? particleName(before, tns, qualified) : undefined;
      if (
        before &&
        minOccurs(before) === 0 &&
        (before.local === 'any' || (beforeName !== undefined && anyTakes(p, namespaceOf(beforeName), tns)))
      )
        report(p, 'have a non-unique xs:any: the optional particle before it may take the same element');
      anys.unshift(i);
    }
  });
}

/** Every model group of a schema document checked for Unique Particle Attribution. */
export function uniqueParticles(root: XElement, file: string, tns: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  const qualified = root.attrs.elementFormDefault === 'qualified';
  const stack = [root];
  while (stack.length) {
    const e = stack.pop()!;
    if (e.name === `{${XS}}annotation`) continue;
    if (GROUPS.has(e.name)) checkGroup(e, tns, qualified, file, out);
    for (let i = e.children.length - 1; i >= 0; i--) stack.push(e.children[i]);
  }
  return out.sort((a, b) => a.source!.line - b.source!.line || a.source!.column - b.source!.column);
}
