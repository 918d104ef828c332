/**
 * The product's languages, and how the server learns a device's choice. The choice lives in the
 * browser (src/client/i18n/index.ts keeps it in localStorage for the app and mirrors it in this
 * cookie), so that a page rendered on the server (src/server/server-render/) is in the language
 * the app would show. A language is not personal data: it may stay on a shared device.
 */
export const LOCALES = ['nl', 'en', 'ar'] as const;
export type Locale = (typeof LOCALES)[number];

export const LANGUAGE_COOKIE = 'loket_taal';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}
