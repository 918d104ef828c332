// The inbox and settings pages' messages: both languages complete and alike, valid for the
// build's precompiler, and the event texts the same as the server's (e-mails say what the app says).
import { describe, expect, it } from 'vitest';
import { NOTIFICATION_TEXTS } from '../../../domain/notification-texts';
import { precompileMessages } from '../../build/precompile-messages';
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

describe('notifications messages', () => {
  it('have the same keys, placeholders and plural cases in both languages, none empty', () => {
    const dutch = flatten(nl);
    const english = flatten(en);
    expect([...english.keys()].sort()).toEqual([...dutch.keys()].sort());
    for (const [key, message] of dutch) {
      expect(placeholders(english.get(key)!), key).toEqual(placeholders(message));
      expect(english.get(key)!.split('|').length, key).toBe(message.split('|').length);
      expect(message.trim(), key).not.toBe('');
    }
  });

  it('compile for the build', () => {
    expect(() => precompileMessages(nl as unknown as Tree)).not.toThrow();
    expect(() => precompileMessages(en as unknown as Tree)).not.toThrow();
  });

  it('say for each event what the e-mail says, in both languages', () => {
    expect(nl.notificationEvents).toEqual(NOTIFICATION_TEXTS.nl);
    expect(en.notificationEvents).toEqual(NOTIFICATION_TEXTS.en);
  });
});
