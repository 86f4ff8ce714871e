import { diag, type Diagnostic, type Dts, type SourceRef } from '../../model';
import { lexicalOk } from '../lexical';

/**
 * Lax validation of what XBRL lets schemas carry besides declarations (appinfo content, attributes
 * from other namespaces on element declarations): where the DTS declares that element or attribute
 * globally with a built-in simple type, the value must be in its lexical space.
 */
export function checkLax(items: { element?: string; attribute?: string; value: string; source: SourceRef }[], dts: Dts): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const it of items) {
    const xsd = it.element ? dts.concepts.get(it.element)?.xsd : dts.attributeTypes?.get(it.attribute ?? '');
    if (xsd && !lexicalOk(xsd, it.value)) {
      out.push(diag('xmlSchema:valueError', 'error', `${it.element ?? it.attribute}: "${it.value.trim()}" is not a valid ${xsd}.`, { source: it.source, actual: it.value, expected: xsd }));
    }
  }
  return out;
}
