/** The session dialogs' messages, merged when one of those dialogs is set up. */
import { useI18n } from 'petite-vue-i18n';
import { installFeatureMessages, type MergeTarget } from '../feature-messages';
import { featureEnglish } from '../feature-locales';
import nl from './nl';

// English is loaded when it is the language: a Dutch first load does not carry it.
const sessionDialogsMessages = { nl, en: featureEnglish.sessionDialogs };

/** Call in the setup of every dialog that shows these messages (once per app is enough). */
export function useSessionDialogsMessages(): void {
  installFeatureMessages(useI18n({ useScope: 'global' }) as unknown as MergeTarget, sessionDialogsMessages);
}
