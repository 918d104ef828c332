// The documents page's own messages (loaded with the page): both languages complete and alike,
// and valid for the build's precompiler.
import { describe, expect, it } from 'vitest';
import { precompileMessages } from '../../build/precompile-messages';
import en from './en';
import nl from './nl';
import appNl from '../nl';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const result = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') result.set(`${prefix}${key}`, value);
    else flatten(value, `${prefix}${key}.`).forEach((v, k) => result.set(k, v));
  }
  return result;
}
const placeholders = (message: string) => [...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('documents messages', () => {
  const dutch = flatten(nl);
  const english = flatten(en);

  it('have the same keys, placeholders and plural cases in both languages, none empty', () => {
    expect([...english.keys()].sort()).toEqual([...dutch.keys()].sort());
    for (const [key, message] of dutch) {
      expect(placeholders(english.get(key)!), key).toEqual(placeholders(message));
      expect(english.get(key)!.split('|').length, key).toBe(message.split('|').length);
      expect(message.trim(), key).not.toBe('');
    }
  });

  it('do not repeat a key the app itself has (the merge would hide one of them)', () => {
    const app = flatten(appNl as unknown as Tree);
    expect([...dutch.keys()].filter((key) => app.has(key))).toEqual([]);
  });

  it('compile as the build compiles them', () => {
    expect(() => precompileMessages(nl as unknown as Tree)).not.toThrow();
    expect(() => precompileMessages(en as unknown as Tree)).not.toThrow();
  });
});
