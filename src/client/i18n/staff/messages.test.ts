// The staff area's and the access log's own messages (loaded with their routes, router-staff.ts):
// both languages complete and alike, no clash with the app's keys, valid for the precompiler.
import { describe, expect, it } from 'vitest';
import { precompileMessages } from '../../build/precompile-messages';
import appNl from '../nl';
import accessLogEn from '../access-log/en';
import accessLogNl from '../access-log/nl';
import staffEn from './en';
import staffNl from './nl';

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

describe.each([
  ['staff', staffNl, staffEn],
  ['access log', accessLogNl, accessLogEn],
] as const)('%s messages', (_name, nl, en) => {
  const dutch = flatten(nl as unknown as Tree);
  const english = flatten(en as unknown as Tree);

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
