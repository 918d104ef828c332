/**
 * Dates and texts as the staff area shows them. On purpose not i18n/dates.ts, i18n/localized.ts
 * or src/domain/dates.ts: a module shared with resident pages is split into a chunk of its own,
 * and what the staff area uses of it (addDays, ...) is then in every resident's download too.
 * The rules are the same: a calendar date is a day (formatted in UTC), an instant is shown in
 * Amsterdam time, Dutch is the fallback of a localized text.
 */
import { useI18n } from 'vue-i18n';
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
    text: (text: LocalizedText) => (text as Record<string, string | undefined>)[locale.value]?.trim() || text.nl,
  };
}

/** Today in the Netherlands, 'YYYY-MM-DD'. */
export function todayInAmsterdam(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(now);
}

export function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
