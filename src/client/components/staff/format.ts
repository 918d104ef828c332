/**
 * Dates and texts as the staff area shows them. On purpose not i18n/dates.ts or
 * i18n/localized.ts: those carry the resident pages' formatters. The rules are the same: a
 * calendar date is a day (formatted in UTC), an instant is shown in Amsterdam time, Dutch is the
 * fallback of a localized text. Date arithmetic (today, adding days) is src/domain/dates.ts.
 */
import { useI18n } from 'petite-vue-i18n';
import type { LocalizedText } from '../../../domain/api';

const REGIONS: Record<string, string> = { nl: 'nl-NL', en: 'en-GB' };

export function useStaffFormat() {
  const { locale } = useI18n();
  const region = () => REGIONS[locale.value] ?? locale.value;
  return {
    /** '2026-12-03' → '3 december 2026' */
    date: (isoDate: string) =>
      new Intl.DateTimeFormat(region(), { dateStyle: 'long', timeZone: 'UTC' }).format(
        new Date(`${isoDate}T00:00:00Z`),
      ),
    /** An instant → '3 december 2026 om 14:05' in Amsterdam */
    dateTime: (instant: string) =>
      new Intl.DateTimeFormat(region(), { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Amsterdam' }).format(
        new Date(instant),
      ),
    /** An instant → '14:05' in Amsterdam (the front desk's check-in time) */
    time: (instant: string) =>
      new Intl.DateTimeFormat(region(), { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Amsterdam' }).format(
        new Date(instant),
      ),
    text: (text: LocalizedText) => (text as Record<string, string | undefined>)[locale.value]?.trim() || text.nl,
  };
}
