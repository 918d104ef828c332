/** The inbox and notification settings pages' messages, merged when a page is set up. */
import { installFeatureMessages, type MergeTarget } from '../feature-messages';
import { featureEnglish } from '../feature-locales';
import nl from './nl';

// English is loaded when it is the language: a Dutch first load does not carry it.
const notificationsMessages = { nl, en: featureEnglish.notifications };

/** Installs them once for the app's lifetime (feature-messages.ts keeps its watch app-wide). */
export function installNotificationsMessages(target: MergeTarget): void {
  installFeatureMessages(target, notificationsMessages);
}
