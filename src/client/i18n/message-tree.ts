/** Helpers for the message catalogue tests: a catalogue as flat 'a.b.c' keys, and its parts. */
export type Tree = { [key: string]: string | Tree };

/** 'detail.documentState.open' → its message, for every leaf. */
export function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const result = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') result.set(`${prefix}${key}`, value);
    else flatten(value, `${prefix}${key}.`).forEach((v, k) => result.set(k, v));
  }
  return result;
}

export const placeholders = (message: string) => [...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
export const pluralCases = (message: string) => message.split('|').length;
