/**
 * Messages that come with a lazily loaded part of the app (the staff area, the access log)
 * instead of with the app itself, so a resident's first load stays within budget. They are
 * merged into the global vue-i18n instance when that part is entered: Dutch at once (it is the
 * fallback, always loaded), other languages as soon as the app has loaded them, which the
 * watch catches when the language changes later.
 */
import { watch } from 'vue';

export type FeatureMessages = Record<string, Record<string, unknown>>;

/** The part of vue-i18n's global Composer this needs. */
export interface MergeTarget {
  readonly availableLocales: readonly string[];
  readonly locale: { value: string };
  mergeLocaleMessage(locale: string, messages: Record<string, unknown>): void;
}

const installed = new WeakMap<MergeTarget, WeakSet<FeatureMessages>>();

export function installFeatureMessages(target: MergeTarget, messages: FeatureMessages): void {
  let done = installed.get(target);
  if (!done) installed.set(target, (done = new WeakSet()));
  if (done.has(messages)) return;
  done.add(messages);

  const merged = new Set<string>();
  const mergeAvailable = () => {
    for (const locale of target.availableLocales) {
      const forLocale = messages[locale];
      if (forLocale && !merged.has(locale)) {
        target.mergeLocaleMessage(locale, forLocale);
        merged.add(locale);
      }
    }
  };
  mergeAvailable();
  // setLocale() loads a language's messages before switching to it: by then it is available.
  watch(() => target.locale.value, mergeAvailable);
}
