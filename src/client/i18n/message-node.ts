/**
 * What a node of a message catalogue is: a compiled message (an AST, or a message function from
 * the build's factory, precompile-messages.ts), a text, or a branch of keys; and how a dotted
 * key finds its message.
 */

/** A compiled message: the i18n core's test for an AST (a resource node, t 0, with a body). */
export function isCompiledMessage(node: object): boolean {
  return Array.isArray(node) || ((node as { t?: unknown }).t === 0 && 'b' in node);
}

/**
 * The node at a dotted key (`header.menu`), or null. petite-vue-i18n reads flat keys only
 * unless it is given a resolver; vue-i18n's own (a full path parser, with brackets and quotes)
 * is more than our keys need: they are words joined by dots.
 */
export function nodeAt(catalogue: unknown, key: string): unknown {
  let node: unknown = catalogue;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null || isCompiledMessage(node)) return null;
    // Read before the own-key test: the catalogue is reactive, and only a read subscribes the
    // page to a key that a feature's messages add later (a merge, feature-messages.ts).
    const next = (node as Record<string, unknown>)[part];
    if (next === undefined || !Object.hasOwn(node, part)) return null;
    node = next;
  }
  return node;
}

/** Whether `key` names a message in `catalogue`: not a branch, and not nothing. */
export function catalogueHas(catalogue: unknown, key: string): boolean {
  const node = nodeAt(catalogue, key);
  return (
    typeof node === 'string' ||
    typeof node === 'function' ||
    (typeof node === 'object' && node !== null && isCompiledMessage(node))
  );
}
