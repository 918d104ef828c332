// Every message catalogue, found by file name (src/client/i18n/nl.ts, en.ts and the feature
// folders' nl.ts/en.ts, so a new feature folder is checked without editing this file): Dutch and
// English have exactly the same keys, placeholders and plural cases; no two catalogues define the
// same key (the merge would hide one); the Arabic start (ar.ts) only has keys Dutch has, with the
// same placeholders, and falls back to Dutch for the rest. One test for every catalogue, so a
// feature folder needs no test of its own; what the catalogues must contain for the domain
// (error codes, front-desk purposes, notification events) is messages.test.ts.
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { nextTick } from 'vue';
import { describe, expect, it } from 'vitest';
import { precompileMessages } from '../build/precompile-messages';
import { createAppI18n, setLocale } from './index';
import { flatten, placeholders, pluralCases, type Tree } from './message-tree';

const files = import.meta.glob<{ default: Tree }>(
  ['./nl.ts', './en.ts', './ar.ts', './*/nl.ts', './*/en.ts', './*/ar.ts'],
  { eager: true },
);

/** '.' for the app's own catalogue, else the feature folder ('appointments', 'staff', ...). */
function catalogues(): Map<string, Record<string, Tree>> {
  const found = new Map<string, Record<string, Tree>>();
  for (const [path, module] of Object.entries(files)) {
    const [, folder = '.', locale = ''] = /^\.\/(?:([\w-]+)\/)?([a-z]{2})\.ts$/.exec(path)!;
    found.set(folder, { ...found.get(folder), [locale]: module.default });
  }
  return found;
}

describe.each([...catalogues()])('catalogue %s', (_folder, locales) => {
  const dutch = flatten(locales.nl!);
  const english = flatten(locales.en!);

  it('has every key in Dutch and in English, with the same placeholders and plural cases', () => {
    expect(
      [...dutch.keys()].filter((key) => !english.has(key)),
      'missing in English',
    ).toEqual([]);
    expect(
      [...english.keys()].filter((key) => !dutch.has(key)),
      'missing in Dutch',
    ).toEqual([]);
    for (const [key, message] of dutch) {
      expect(placeholders(english.get(key)!), key).toEqual(placeholders(message));
      expect(pluralCases(english.get(key)!), key).toBe(pluralCases(message));
    }
  });

  it('has no empty message and compiles as the build compiles it', () => {
    for (const tree of Object.values(locales)) {
      expect([...flatten(tree)].filter(([, message]) => message.trim() === '').map(([key]) => key)).toEqual([]);
      expect(() => precompileMessages(tree)).not.toThrow();
    }
  });

  it('translates into Arabic only keys that Dutch has, with the same placeholders', () => {
    const arabic = flatten(locales.ar ?? {});
    expect([...arabic.keys()].filter((key) => !dutch.has(key))).toEqual([]);
    for (const [key, message] of arabic) expect(placeholders(message), key).toEqual(placeholders(dutch.get(key)!));
  });
});

describe('all catalogues together', () => {
  it('include every catalogue file on disk (a folder the search above missed would go unchecked)', () => {
    const onDisk = (dir: string, prefix: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
        entry.isDirectory()
          ? onDisk(join(dir, entry.name), `${prefix}${entry.name}/`)
          : /^[a-z]{2}\.ts$/.test(entry.name)
            ? [`${prefix}${entry.name}`]
            : [],
      );
    // Vitest runs from the project root (happy-dom's URL cannot turn import.meta.url into a path).
    expect(onDisk(resolve(process.cwd(), 'src/client/i18n'), './').sort()).toEqual(Object.keys(files).sort());
  });

  it('never define the same key twice (a feature merged later would hide the app key or the other way round)', () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const [folder, locales] of catalogues()) {
      for (const key of flatten(locales.nl!).keys()) {
        if (owner.has(key)) clashes.push(`${key} (${owner.get(key)} and ${folder})`);
        owner.set(key, folder);
      }
    }
    expect(clashes).toEqual([]);
  });
});

describe('Arabic', () => {
  it('is written right to left: <html lang="ar" dir="rtl">, and back to ltr for Dutch', async () => {
    const { i18n, ready } = createAppI18n('nl');
    await ready;
    await setLocale(i18n.global, 'ar');
    await nextTick();
    expect(document.documentElement.lang).toBe('ar');
    expect(document.documentElement.dir).toBe('rtl');
    expect(i18n.global.t('header.logout')).toBe('تسجيل الخروج');
    // Not translated yet: Dutch, never the bare key.
    expect(i18n.global.t('detail.notFound')).toBe('Deze aanvraag bestaat niet of is niet van u.');

    await setLocale(i18n.global, 'nl');
    await nextTick();
    expect(document.documentElement.lang).toBe('nl');
    expect(document.documentElement.dir).toBe('ltr');
  });
});
