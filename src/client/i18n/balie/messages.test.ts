// The front desk's own messages (loaded with /balie and the assist banner): both languages
// complete and alike, no clash with the app's or the staff area's keys, valid for the
// precompiler, and a word for every purpose the desk can state.
import { describe, expect, it } from 'vitest';
import { ASSIST_PURPOSES } from '../../../domain/assist';
import { precompileMessages } from '../../build/precompile-messages';
import appNl from '../nl';
import staffNl from '../staff/nl';
import en from './en';
import nl from './nl';

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

describe('front-desk messages', () => {
  const dutch = flatten(nl as unknown as Tree);
  const english = flatten(en as unknown as Tree);

  it('have the same keys and placeholders in both languages, none empty', () => {
    expect([...english.keys()].sort()).toEqual([...dutch.keys()].sort());
    for (const [key, message] of dutch) {
      expect(placeholders(english.get(key)!), key).toEqual(placeholders(message));
      expect(message.trim(), key).not.toBe('');
    }
  });

  it('name every purpose the desk can choose', () => {
    for (const purpose of ASSIST_PURPOSES) expect(dutch.has(`balie.purpose.${purpose}`), purpose).toBe(true);
  });

  it('do not repeat a key of the app or the staff area (the merge would hide one of them)', () => {
    const taken = new Map([...flatten(appNl as unknown as Tree), ...flatten(staffNl as unknown as Tree)]);
    expect([...dutch.keys()].filter((key) => taken.has(key))).toEqual([]);
  });

  it('compile as the build compiles them', () => {
    expect(() => precompileMessages(nl as unknown as Tree)).not.toThrow();
    expect(() => precompileMessages(en as unknown as Tree)).not.toThrow();
  });
});
