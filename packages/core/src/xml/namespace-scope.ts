import { canonicalName, internalized } from './xml-element.js';

/** A qualified name resolved against the namespace bindings in scope. */
export type ResolvedName = { readonly name: string; readonly ns: string; readonly local: string };

/**
 * The namespace bindings in scope at an element, and the element names already resolved under them. Most
 * elements declare nothing and share their parent's scope, so resolving a name is one map lookup.
 */
export type NamespaceScope = {
  /** Prefix → namespace URI ('' for the default namespace), the enclosing scopes' bindings included. */
  readonly prefixes: ReadonlyMap<string, string>;
  /** Element names resolved in this scope, by qualified name. */
  readonly names: Map<string, ResolvedName>;
  /** Where scopes with the same bindings share `names` across documents; undefined once past the bound. */
  readonly shared: SharedBindings | undefined;
};

/**
 * A node of the tree of bindings seen so far, from the document scope down: the same declarations inside the
 * same bindings lead to the same node, so invoices that declare the usual namespaces reuse its resolved names.
 */
type SharedBindings = {
  readonly names: Map<string, ResolvedName>;
  /** Prefix → URI → the bindings with that declaration added. */
  readonly inner: Map<string, Map<string, SharedBindings>>;
};

/** Bounds on what is shared: hostile documents must not grow it without limit. */
const MAX_SHARED_BINDINGS = 64;
const MAX_NAMES_PER_SCOPE = 10_000;

let sharedCount = 1;
const ROOT_BINDINGS: SharedBindings = { names: new Map(), inner: new Map() };

/** The bindings reached from `outer` by declaring `prefix` as `uri`; undefined when no more may be shared. */
function innerBindings(outer: SharedBindings | undefined, prefix: string, uri: string): SharedBindings | undefined {
  if (!outer) return undefined;
  let byUri = outer.inner.get(prefix);
  let found = byUri?.get(uri);
  if (!found) {
    if (sharedCount >= MAX_SHARED_BINDINGS) return undefined;
    sharedCount++;
    found = { names: new Map(), inner: new Map() };
    if (!byUri) outer.inner.set(prefix, (byUri = new Map()));
    byUri.set(uri, found);
  }
  return found;
}

/** The scope outside the document element: no bindings (the `xml` prefix is built in). */
export function documentScope(): NamespaceScope {
  return { prefixes: new Map(), names: ROOT_BINDINGS.names, shared: ROOT_BINDINGS };
}

/** The scope of an element that declares `declarations` (`[prefix, uri]`, '' for `xmlns`) inside `outer`. */
export function innerScope(outer: NamespaceScope, declarations: readonly (readonly [string, string])[]): NamespaceScope {
  // A copy rather than a prototype chain: elements that declare namespaces are few, lookups are many.
  const prefixes = new Map(outer.prefixes);
  let shared = outer.shared;
  for (const [prefix, uri] of declarations) {
    prefixes.set(prefix, uri);
    shared = innerBindings(shared, prefix, uri);
  }
  return { prefixes, names: shared ? shared.names : new Map(), shared };
}

/** Remembers a resolved element name in its scope, within the bound. */
export function rememberName(scope: NamespaceScope, qualified: string, resolved: ResolvedName): void {
  // The parser's name is a slice of the document text: keep a copy, so no document stays referenced.
  if (scope.names.size < MAX_NAMES_PER_SCOPE) scope.names.set(internalized(qualified), resolved);
}

/** A resolved name with its canonical form (`cbc:ID` whatever prefix the document used). */
export function resolvedName(ns: string, local: string): ResolvedName {
  return { name: canonicalName(ns, local), ns: internalized(ns), local: internalized(local) };
}
