/** Merges the appointments messages (src/client/i18n/appointments/) when a page is set up. */
import { useI18n } from 'petite-vue-i18n';
import { appointmentsMessages } from '../../i18n/appointments/index';
import { installFeatureMessages, type MergeTarget } from '../../i18n/feature-messages';

export function useAppointmentsMessages(): void {
  installFeatureMessages(useI18n({ useScope: 'global' }) as unknown as MergeTarget, appointmentsMessages);
}
