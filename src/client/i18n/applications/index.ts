/** The applications pages' messages, merged when a page that shows them is set up. */
import { useI18n } from 'petite-vue-i18n';
import { installFeatureMessages, type MergeTarget } from '../feature-messages';
import { featureArabic, featureEnglish } from '../feature-locales';
import nl from './nl';

// Other languages are loaded when they are the language: a Dutch first load does not carry them.
const applicationsMessages = { nl, en: featureEnglish.applications, ar: featureArabic.applications };

/** Call in the setup of every component that shows these messages (once per app is enough). */
export function useApplicationsMessages(): void {
  installFeatureMessages(useI18n({ useScope: 'global' }) as unknown as MergeTarget, applicationsMessages);
}
