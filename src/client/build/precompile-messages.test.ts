import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createI18n } from '../i18n/create-i18n';
import { defineComponent, h } from 'vue';
import { mount } from '@vue/test-utils';
import MessageWithParts from '../i18n/MessageWithParts';
import { LOCALE_FILE, messagesModule, precompileMessages } from './precompile-messages';

type Tree = { [key: string]: string | Tree };
const keysOf = (tree: Tree, prefix = ''): string[] =>
  Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keysOf(value, `${prefix}${key}.`),
  );

// Values for every placeholder the messages use; plural 2 picks the "many" case.
const VALUES = {
  name: 'N',
  phone: 'P',
  date: 'D',
  days: 'S',
  weeks: 'W',
  reason: 'R',
  municipality: 'M',
  consortium: 'C',
  link: 'L',
  reference: 'Ref',
  roles: 'Roles',
  n: 'Num',
};

/** The locale module exactly as the build emits it, evaluated the way the browser would. */
async function bundled(messages: Tree): Promise<unknown> {
  const code = messagesModule(precompileMessages(messages));
  const url = `data:text/javascript;base64,${Buffer.from(code).toString('base64')}`;
  return ((await import(/* @vite-ignore */ url)) as { default: unknown }).default;
}

describe('precompiled messages (what the production bundle ships)', () => {
  // Every locale file of the app and of its features, by path: nl.ts, documents/nl.ts, ...
  const localeFiles = readdirSync(join(process.cwd(), 'src/client/i18n'), { recursive: true })
    .map(String)
    .filter((path) => LOCALE_FILE.test(`/src/client/i18n/${path}`))
    .sort()
    .map((path) => [path, path.split('/').pop()!.slice(0, 2)] as const);

  it('find the locale files of the app and of every feature', () => {
    expect(localeFiles.length).toBeGreaterThan(20);
    expect(localeFiles.map(([path]) => path)).toEqual(
      expect.arrayContaining([
        'nl.ts',
        'en.ts',
        'staff/nl.ts',
        'staff/en.ts',
        'access-log/nl.ts',
        'access-log/en.ts',
        'documents/nl.ts',
      ]),
    );
  });

  it.each(localeFiles)('render %s exactly like its source strings', async (path, locale) => {
    const messages = ((await import(`../i18n/${path}`)) as { default: Tree }).default;
    const fromStrings = createI18n({ legacy: false, locale, messages: { [locale]: messages } }).global;
    const built = createI18n({
      legacy: false,
      locale,
      messages: { [locale]: (await bundled(messages)) as typeof messages },
    }).global;
    for (const key of keysOf(messages)) {
      for (const plural of [0, 1, 2]) {
        expect(built.t(key, VALUES, plural), key).toBe(fromStrings.t(key, VALUES, plural));
      }
    }
  });

  it('ship plain text as a small message function that also renders inside <i18n-t>', async () => {
    const messages = {
      plain: 'Bel ons',
      withSlot: 'Vragen? {phone}.',
      quoted: "Tekst met \"aanhalingstekens\" en {'{'}accolade{'}'}",
    };
    const code = messagesModule(precompileMessages(messages));
    expect(code).toContain('s("Bel ons")');
    expect(code).not.toMatch(/"s":"Bel ons"/);
    const i18n = createI18n({
      legacy: false,
      locale: 'nl',
      messages: { nl: (await bundled(messages)) as typeof messages },
    });
    expect(i18n.global.t('quoted')).toBe('Tekst met "aanhalingstekens" en {accolade}');
    const Footer = defineComponent(() => () => [
      h(MessageWithParts, { keypath: 'plain', tag: 'p' }),
      h(MessageWithParts, { keypath: 'withSlot', tag: 'p' }, { phone: () => h('a', { href: 'tel:14070' }, '14 070') }),
    ]);
    const wrapper = mount(Footer, { global: { plugins: [i18n] } });
    expect(wrapper.findAll('p').map((p) => p.text())).toEqual(['Bel ons', 'Vragen? 14 070.']);
  });

  it('fails the build on a broken message', () => {
    expect(() => precompileMessages({ broken: 'Hallo {naam' })).toThrow(/broken/);
  });

  it('recognises the locale files only', () => {
    expect(LOCALE_FILE.test('/work/main/src/client/i18n/nl.ts')).toBe(true);
    expect(LOCALE_FILE.test('/work/main/src/client/i18n/en.ts')).toBe(true);
    expect(LOCALE_FILE.test('/work/main/src/client/i18n/index.ts')).toBe(false);
    expect(LOCALE_FILE.test('/work/main/src/client/i18n/dates.ts')).toBe(false);
  });

  it('recognises the locale files of lazily loaded areas (staff, access log), and only those', () => {
    expect(LOCALE_FILE.test('/work/main/src/client/i18n/staff/nl.ts')).toBe(true);
    expect(LOCALE_FILE.test('C:\\loket\\src\\client\\i18n\\staff\\en.ts')).toBe(true);
    expect(LOCALE_FILE.test('/work/main/src/client/i18n/access-log/en.ts')).toBe(true);
    expect(LOCALE_FILE.test('/work/main/src/client/i18n/staff/messages.ts')).toBe(false);
    expect(LOCALE_FILE.test('/work/main/src/client/i18n/staff/deeper/nl.ts')).toBe(false);
    expect(LOCALE_FILE.test('/work/main/src/client/pages/beheer/nl.ts')).toBe(false);
  });
});
