/**
 * A pre-test for "is this element name one of a set?" that costs a shift and a mask: the set's name lengths as
 * bits. The path tables (unused elements, counts) look every child up in a map; most children are not in the
 * table, and most of those have a length no name of the table has, so they are passed over without a lookup.
 */
export type NameLengths = { lo: number; hi: number };

/** An empty set of lengths, to fill with {@link addLength}. */
export function noLengths(): NameLengths {
  return { lo: 0, hi: 0 };
}

/** Adds the length of `name`. */
export function addLength(lengths: NameLengths, name: string): void {
  const n = name.length;
  if (n < 32) lengths.lo |= 1 << n;
  else if (n < 64) lengths.hi |= 1 << (n - 32);
}

/** False when no name of the set has the length of `name` (names of 64 characters or more always pass). */
export function mayHaveLength(lengths: NameLengths, name: string): boolean {
  const n = name.length;
  if (n < 32) return ((lengths.lo >>> n) & 1) === 1;
  return n >= 64 || ((lengths.hi >>> (n - 32)) & 1) === 1;
}

/** A node of a path table whose children are keyed by element name, with those names' lengths as a pre-test. */
export type NamedChildren<N> = { readonly next: Map<string, N>; readonly nextLengths: NameLengths };

/** The child of `node` named `name`, created with `create` (and its length recorded) when absent. */
export function childNamed<N extends NamedChildren<N>>(node: N, name: string, create: () => N): N {
  let child = node.next.get(name);
  if (!child) {
    node.next.set(name, (child = create()));
    addLength(node.nextLengths, name);
  }
  return child;
}
