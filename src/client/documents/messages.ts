/**
 * The documents page's messages (src/client/i18n/documents/) come with the page, not with the
 * app: merged into the global vue-i18n when a documents component is set up (once; the other
 * language follows when it is loaded). ~1.5 KiB gzip that every other route no longer carries.
 */
import { useI18n } from 'petite-vue-i18n';
import { documentsMessages } from '../i18n/documents/index';
import { installFeatureMessages, type MergeTarget } from '../i18n/feature-messages';

export function useDocumentsMessages(): void {
  installFeatureMessages(useI18n({ useScope: 'global' }) as unknown as MergeTarget, documentsMessages);
}
