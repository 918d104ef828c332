/**
 * Messages that come with a lazily loaded part of the app (the staff area, the access log)
 * instead of with the app itself, so a resident's first load stays within budget. They are
 * merged into the global vue-i18n instance when that part is entered: Dutch at once (it is the
 * fallback, always loaded), other languages as soon as the app has loaded them, which the
 * watch catches when the language changes later.
 */
import { effectScope, watch } from 'vue';

type Messages = Record<string, unknown>;
/** A language's messages, or how to load them (every language but Dutch is loaded on demand). */
type LocaleMessages = Messages | (() => Promise<{ default: Messages }>);
export type FeatureMessages = { nl: Messages } & Record<string, LocaleMessages>;

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
  const merge = (locale: string, forLocale: Messages) => {
    if (merged.has(locale)) return;
    target.mergeLocaleMessage(locale, forLocale);
    merged.add(locale);
  };
  const mergeAvailable = () => {
    for (const locale of target.availableLocales) {
      const forLocale = messages[locale];
      if (!forLocale || merged.has(locale)) continue;
      if (typeof forLocale !== 'function') merge(locale, forLocale);
      // Until it arrives the Dutch fallback shows; the merge re-renders what uses it.
      else
        void forLocale().then(
          (module) => merge(locale, module.default),
          () => undefined,
        );
    }
  };
  mergeAvailable();
  // setLocale() loads a language's messages before switching to it: by then it is available.
  // The watch lives as long as the app, not as long as the page that first installed the
  // messages (a component's scope would stop it when that page closes).
  effectScope(true).run(() => watch(() => target.locale.value, mergeAvailable));
}
