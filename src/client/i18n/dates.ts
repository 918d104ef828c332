/**
 * Dates as a resident reads them. The API sends calendar dates as 'YYYY-MM-DD' (a day in the
 * Netherlands, no time zone): we read them as UTC midnight and format them in UTC, so no time
 * zone of the phone can move a deadline by a day. Days left count from today in Amsterdam.
 */
import { useI18n } from 'petite-vue-i18n';
import { amsterdamDateOf, amsterdamTimeOf, daysBetween, todayInAmsterdam } from '../../domain/dates';

// Region variants: en-GB writes "3 December 2026", the way Dutch readers expect the order.
const INTL_LOCALE: Record<string, string> = { nl: 'nl-NL', en: 'en-GB' };

/**
 * Month names of the languages we write dates in ourselves: Intl's own words for these locales
 * (dates.test.ts compares). A phone's first Intl date formatter loads the locale data, 100 to
 * 300 ms of a slow phone's main thread (measured, issue 16), and nearly every first screen shows
 * a date; other languages still go through Intl.
 */
const MONTHS: Record<string, readonly string[]> = {
  nl: [
    'januari',
    'februari',
    'maart',
    'april',
    'mei',
    'juni',
    'juli',
    'augustus',
    'september',
    'oktober',
    'november',
    'december',
  ],
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
};

// Creating Intl formatters is slow on cheap phones: one per locale and kind.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, kind: 'date' | 'dateTime'): Intl.DateTimeFormat {
  const key = `${locale}:${kind}`;
  let found = formatters.get(key);
  if (!found) {
    found =
      kind === 'date'
        ? new Intl.DateTimeFormat(INTL_LOCALE[locale] ?? locale, { dateStyle: 'long', timeZone: 'UTC' })
        : new Intl.DateTimeFormat(INTL_LOCALE[locale] ?? locale, {
            dateStyle: 'long',
            timeStyle: 'short',
            timeZone: 'Europe/Amsterdam',
          });
    formatters.set(key, found);
  }
  return found;
}

/** '2026-12-03' → '3 december 2026' (nl) or '3 December 2026' (en). */
export function formatIsoDate(isoDate: string, locale: string): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const month = MONTHS[locale]?.[m - 1];
  if (month) return `${d} ${month} ${y}`;
  const utcMidnight = new Date(0);
  utcMidnight.setUTCFullYear(y, m - 1, d);
  return formatter(locale, 'date').format(utcMidnight);
}

/** The word between date and time, as Intl's long date with short time writes it (MONTHS' languages). */
const AT: Record<string, string> = { nl: 'om', en: 'at' };

/** An instant (ISO date-time) as date and time in the Netherlands: '16 november 2026 om 09:30'. */
export function formatInstant(isoDateTime: string, locale: string): string {
  const instant = new Date(isoDateTime);
  const at = AT[locale];
  if (at && !Number.isNaN(instant.getTime()))
    return `${formatIsoDate(amsterdamDateOf(instant), locale)} ${at} ${amsterdamTimeOf(instant)}`;
  return formatter(locale, 'dateTime').format(instant);
}

/** Whole days from today (Amsterdam) to `isoDate`: 0 today, negative when it has passed. */
export function daysFromToday(isoDate: string, now: Date = new Date()): number {
  return daysBetween(todayInAmsterdam(now), isoDate);
}

/** Formatting helpers bound to the current language, for components. */
export function useDates() {
  const { t, locale } = useI18n();
  return {
    formatDate: (isoDate: string) => formatIsoDate(isoDate, locale.value),
    formatDateTime: (isoDateTime: string) => formatInstant(isoDateTime, locale.value),
    daysFromToday,
    /** "nog 5 dagen", "vandaag is de laatste dag", "2 dagen te laat" */
    daysLeftText(isoDate: string): string {
      const days = daysFromToday(isoDate);
      if (days > 0) return t('dates.daysLeft', days);
      if (days === 0) return t('dates.lastDayToday');
      return t('dates.daysLate', -days);
    },
  };
}
