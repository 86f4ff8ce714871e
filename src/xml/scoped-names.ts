import { ownString } from '../util/own-string';

/** In-scope namespace declarations: prefix ('' for the default namespace) → namespace name. */
export type Scope = Record<string, string>;

/** A name resolved in one namespace scope; built once per (scope, qname), so every element of a name shares its strings. */
export interface ResolvedName {
  /** Clark name `{ns}local`; an unprefixed attribute's is its local name. */
  name: string;
  ns: string;
  local: string;
}

/**
 * QNames resolved against namespace scopes, for the fast scanners (XML instances, XHTML pages):
 * each (scope, name as written) once. Most elements share their parent's scope, so the per-scope
 * tables are looked up once per change of scope.
 */
export class ScopedNames {
  private lastScope: Scope | undefined;
  private lastNames: Map<string, ResolvedName | null> | undefined;
  private lastAttrNames: Map<string, ResolvedName | null> | undefined;
  // Note: per scan, dropped with the scanner; scopes are objects, so a Map keyed by them is exact.
  private readonly names = new Map<Scope, Map<string, ResolvedName | null>>();
  private readonly attrNames = new Map<Scope, Map<string, ResolvedName | null>>();

  /** Resolves a QName in scope (attributes: unprefixed names have no namespace and keep their local name); undefined for an unbound prefix. */
  resolve(qname: string, scope: Scope, isAttr: boolean): ResolvedName | undefined {
    if (scope !== this.lastScope) {
      this.lastScope = scope;
      this.lastNames = this.names.get(scope) ?? new Map();
      this.names.set(scope, this.lastNames);
      this.lastAttrNames = this.attrNames.get(scope) ?? new Map();
      this.attrNames.set(scope, this.lastAttrNames);
    }
    const byName = (isAttr ? this.lastAttrNames : this.lastNames)!;
    let r = byName.get(qname);
    if (r === undefined) {
      const i = qname.indexOf(':');
      const ns = i < 0 ? (isAttr ? '' : (scope[''] ?? '')) : scope[qname.slice(0, i)];
      const local = i < 0 ? qname : qname.slice(i + 1);
      // Own copies: names outlive the scan in every fact, and a view would keep the whole document text alive (see ownString).
      r =
        ns === undefined
          ? null
          : { ns: ownString(ns), local: ownString(local), name: ownString(isAttr && !ns ? local : `{${ns}}${local}`) };
      byName.set(qname, r);
    }
    return r ?? undefined;
  }
}
