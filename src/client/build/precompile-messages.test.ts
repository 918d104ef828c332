import { describe, expect, it } from 'vitest';
import { createI18n } from 'vue-i18n';
import nl from '../i18n/nl';
import en from '../i18n/en';
import accessLogEn from '../i18n/access-log/en';
import accessLogNl from '../i18n/access-log/nl';
import staffEn from '../i18n/staff/en';
import staffNl from '../i18n/staff/nl';
import { LOCALE_FILE, precompileMessages } from './precompile-messages';

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

describe('precompiled messages (what the production bundle ships)', () => {
  it.each([
    ['nl', nl],
    ['en', en],
    ['nl', staffNl],
    ['en', staffEn],
    ['nl', accessLogNl],
    ['en', accessLogEn],
  ] as const)('render exactly like the source strings in %s', (locale, messages: Tree) => {
    const fromStrings = createI18n({ legacy: false, locale, messages: { [locale]: messages } }).global;
    const fromAst = createI18n({
      legacy: false,
      locale,
      messages: { [locale]: precompileMessages(messages) as typeof messages },
    }).global;
    for (const key of keysOf(messages)) {
      for (const plural of [1, 2]) {
        expect(fromAst.t(key, VALUES, plural), key).toBe(fromStrings.t(key, VALUES, plural));
      }
    }
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
