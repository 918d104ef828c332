/** The inbox and notification settings pages' messages, both languages, merged when a page is set up. */
import { effectScope } from 'vue';
import { installFeatureMessages, type MergeTarget } from '../feature-messages';
import en from './en';
import nl from './nl';

export const notificationsMessages = { nl, en };

/**
 * Installs them once for the app's lifetime. installFeatureMessages' language watch would belong
 * to the first page that called it and stop when that page unmounts (and later calls return
 * early), so a language switch on a later visit would miss the English messages: run it in a
 * detached scope instead.
 */
export function installNotificationsMessages(target: MergeTarget): void {
  effectScope(true).run(() => installFeatureMessages(target, notificationsMessages));
}
