import type { SchemaDefaults } from '../model';
import type { ElementDecl, TypeDecl } from './read-schema';

/**
 * What schema validation would fill in (XML Schema defaulting): element default/fixed values and
 * attribute defaults of each global element's type (its own anonymous type, or a named type and its
 * bases). Undefined when the DTS declares none, which is the usual case.
 */
export function schemaDefaults(elements: ElementDecl[], types: Map<string, TypeDecl>): SchemaDefaults | undefined {
  const values = new Map<string, string>();
  const attributes = new Map<string, Record<string, string>>();
  for (const e of elements) {
    if (e.defaultValue !== undefined) values.set(e.name, e.defaultValue);
    let attrs: Record<string, string> = { ...(e.content?.attributeDefaults ?? {}) };
    const seen = new Set<string>();
    for (let t = e.type; t && !seen.has(t); t = types.get(t)?.base) {
      seen.add(t);
      attrs = { ...(types.get(t)?.content?.attributeDefaults ?? {}), ...attrs };
    }
    if (Object.keys(attrs).length) attributes.set(e.name, attrs);
  }
  return values.size || attributes.size ? { values, attributes } : undefined;
}
