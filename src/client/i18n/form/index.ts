/** The shared form parts' messages, merged when a form is set up. */
import { useI18n } from 'petite-vue-i18n';
import { installFeatureMessages, type MergeTarget } from '../feature-messages';
import { featureEnglish } from '../feature-locales';
import nl from './nl';

// English is loaded when it is the language: a Dutch first load does not carry it.
const formMessages = { nl, en: featureEnglish.form };

/** Call in the setup of every component that shows these messages (once per app is enough). */
export function useFormMessages(): void {
  installFeatureMessages(useI18n({ useScope: 'global' }) as unknown as MergeTarget, formMessages);
}
