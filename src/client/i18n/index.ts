/**
 * The languages of the product and how a device keeps its choice. Language is not personal
 * data, so it may stay in localStorage on a shared kiosk; nothing else of the resident may.
 *
 * Dutch is in the main bundle; other languages are separate chunks loaded when chosen, so most
 * residents never download them (each is ~3 KiB gzip of a 60 KiB first-load budget).
 */
import { watch } from 'vue';
import { createI18n } from './create-i18n';
import nl, { type MessageSchema } from './nl';
import type { PartialMessages } from './ar';
import { featureArabic, featureEnglish } from './feature-locales';
import { isCompiledMessage } from './message-node';
import { isLocale, LANGUAGE_COOKIE, LOCALES as SUPPORTED_LOCALES, type Locale } from '../../domain/languages';

export type { Locale };

/**
 * Languages a resident can pick. Arabic is not offered yet: most of it would still be Dutch
 * inside lang="ar", which misleads screen readers (WCAG 3.1.2) and residents alike. Translators
 * and the right-to-left tests open it with `?taal=ar`; once chosen it shows in the switch, so
 * the way back to Dutch is always there. Add it here when ar.ts is complete and checked.
 */
const OFFERED_LOCALES: readonly Locale[] = ['nl', 'en'];

/** The languages the switch shows: the offered ones, and the current one if it is a preview. */
export function switchableLocales(current: string): Locale[] {
  return [
    ...OFFERED_LOCALES,
    ...SUPPORTED_LOCALES.filter((code) => code === current && !OFFERED_LOCALES.includes(code)),
  ];
}
const DEFAULT_LOCALE: Locale = 'nl';
export const LOCALE_STORAGE_KEY = 'loket.locale';

/** Writing direction per language: Arabic is read right to left (<html dir="rtl">). */
export const DIRECTION: Record<Locale, 'ltr' | 'rtl'> = { nl: 'ltr', en: 'ltr', ar: 'rtl' };

/** Arabic starts small (ar.ts): what it lacks falls back to Dutch, the fallbackLocale. */
const LOADERS: Record<Locale, () => Promise<MessageSchema | PartialMessages>> = {
  nl: () => Promise.resolve(nl),
  en: () => import('./en').then((module) => module.default),
  ar: () => import('./ar').then((module) => module.default),
};

/**
 * A catalogue object of the i18n instance's own. vue-i18n keeps the object it is given and the
 * features' messages are merged into it (feature-messages.ts): given the imported module's
 * object, that merge would change the module for every other reader of it (the server renders
 * page after page with the same modules). Only the tree of keys is copied: the merge adds keys
 * to it, but no feature has a key the app has (catalogues.test.ts), so it never writes into a
 * message. Copying the built messages too (ASTs, precompile-messages.ts) took a slow phone
 * about 40 ms on the way to its first screen (issue 16).
 */
function ownCopy<T>(tree: T): T {
  if (typeof tree !== 'object' || tree === null || isCompiledMessage(tree)) return tree;
  return Object.fromEntries(Object.entries(tree).map(([key, value]) => [key, ownCopy(value)])) as T;
}

/** The language `?taal=xx` asks for, or null. */
function askedInAddress(): Locale | null {
  const asked = typeof location === 'undefined' ? null : new URLSearchParams(location.search).get('taal');
  return isLocale(asked) ? asked : null;
}

/**
 * The language to start in: `?taal=xx` in the address (a link from a translator or a test),
 * else the device's stored choice, else Dutch. Storage can be off (private mode, policies).
 */
export function storedLocale(): Locale {
  const asked = askedInAddress();
  if (asked) return asked;
  try {
    const stored = localStorage.getItem(LOCALE_STORAGE_KEY);
    return isLocale(stored) ? stored : DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE;
  }
}

function applyLocale(locale: Locale, remember: boolean): void {
  // Rendered on the server (src/client/server-render/): the server writes <html lang dir> itself.
  if (typeof document === 'undefined') return;
  document.documentElement.lang = locale;
  document.documentElement.dir = DIRECTION[locale];
  if (!remember) return;
  // For the server, which renders a first screen in this language (src/domain/languages.ts).
  // Dutch is what the server assumes: no cookie for it unless one says otherwise already.
  if (locale !== DEFAULT_LOCALE || document.cookie.split('; ').some((c) => c.startsWith(`${LANGUAGE_COOKIE}=`)))
    document.cookie = `${LANGUAGE_COOKIE}=${locale}; path=/; max-age=31536000; samesite=lax`;
  try {
    localStorage.setItem(LOCALE_STORAGE_KEY, locale);
  } catch {
    // Storage unavailable: the choice lasts for this page only, which is fine.
  }
}

/** The part of vue-i18n's Composer (global `useI18n()`) that switching a language needs. */
export interface LocaleSwitchable {
  readonly availableLocales: readonly string[];
  readonly locale: { value: string };
  setLocaleMessage(locale: string, messages: MessageSchema | PartialMessages): void;
}

/**
 * Switches the language, loading its messages first. If they cannot be loaded (offline on a
 * first visit) the language stays as it was rather than showing keys.
 */
export async function setLocale(composer: LocaleSwitchable, locale: Locale): Promise<void> {
  if (!composer.availableLocales.includes(locale)) {
    try {
      composer.setLocaleMessage(locale, ownCopy(await LOADERS[locale]()));
    } catch {
      return;
    }
  }
  composer.locale.value = locale;
}

/** The i18n instance, and a promise that settles once the device's language is ready. */
export function createAppI18n(locale: Locale = storedLocale()) {
  // Keeps the features' English and Arabic loaders in the entry chunk (feature-locales.ts says why).
  Object.freeze(featureEnglish);
  Object.freeze(featureArabic);
  const i18n = createI18n({
    legacy: false,
    locale: DEFAULT_LOCALE,
    fallbackLocale: DEFAULT_LOCALE,
    messages: { nl: ownCopy(nl) },
    // Dutch is always complete; missing keys are caught by the key-parity test, not at runtime.
    missingWarn: false,
    fallbackWarn: false,
  });
  // Every change of language, from any component, updates <html lang dir> and the device's choice.
  // Not the Dutch every start begins in while the chosen language loads: written then, it put a
  // device's choice back to Dutch when that language could not load (offline), or when the start
  // met another tab's (or a test's) choice made a moment before.
  watch(
    i18n.global.locale,
    (next, previous) => {
      if (isLocale(next)) applyLocale(next, previous !== undefined);
    },
    { immediate: true },
  );
  // Dutch asked for in the address is no change from the start: it becomes the device's choice here.
  const ready = setLocale(i18n.global, locale).then(() => {
    if (askedInAddress() === DEFAULT_LOCALE && i18n.global.locale.value === DEFAULT_LOCALE)
      applyLocale(DEFAULT_LOCALE, true);
  });
  return { i18n, ready };
}

export type AppI18n = ReturnType<typeof createAppI18n>['i18n'];
