/**
 * SERVER-ONLY. The client must never import this module: date-holidays carries the rules of
 * every country and would bloat the PWA for residents on prepaid data. The server computes
 * deadlines and sends the resulting dates.
 *
 * "Algemeen erkende feestdagen" in the sense of the Algemene termijnenwet (Atw, BWBR0002448):
 * - art. 3 lid 1: Nieuwjaarsdag, Christelijke tweede Paas- en Pinksterdag, beide Kerstdagen,
 *   Hemelvaartsdag, the day the King's birthday is celebrated, and 5 May (every year, unlike
 *   the collective-agreement habit of a day off once in five years);
 * - art. 3 lid 2: Goede Vrijdag is equated by the Act itself, so it always counts;
 * - art. 3 lid 3: further days equated by Koninklijk Besluit (see KB_EQUATED_DAYS).
 * Easter Sunday and Whit Sunday are not listed: they are Sundays, which Atw art. 1 covers.
 */
import Holidays from 'date-holidays';
import { isIsoDate, type IsoDate } from './dates';

export interface GeneralHoliday {
  date: IsoDate;
  name: string;
}

/**
 * Selected from date-holidays by rule string, not by its `type`: the library marks 5 May as a
 * "school" holiday and Goede Vrijdag likewise, which says nothing about the Atw. If a library
 * update renames a rule, generalHolidays() throws instead of silently dropping a holiday.
 */
const STATUTORY_RULES: readonly { name: string; matches: (rule: string) => boolean }[] = [
  { name: 'Nieuwjaarsdag', matches: (r) => r === '01-01' },
  { name: 'Goede Vrijdag', matches: (r) => r === 'easter -2' },
  { name: 'Tweede Paasdag', matches: (r) => r === 'easter 1' },
  // From 2014 27 April (Saturday 26 April when the 27th is a Sunday), KB 30 januari 2013
  // (BWBR0032908); 1980-2013 Koninginnedag 30 April, Saturday 29th when that is a Sunday.
  { name: 'Koningsdag', matches: (r) => /^04-(27|30)\b/.test(r) },
  { name: 'Bevrijdingsdag', matches: (r) => r === '05-05' },
  { name: 'Hemelvaartsdag', matches: (r) => r === 'easter 39' },
  { name: 'Tweede Pinksterdag', matches: (r) => r === 'easter 50' },
  { name: 'Eerste Kerstdag', matches: (r) => r === '12-25' },
  { name: 'Tweede Kerstdag', matches: (r) => r === '12-26' },
];

/**
 * Days equated by KB under Atw art. 3 lid 3, usually published once per three years for
 * "bridge" days. Sources:
 * - 2017-2019: Besluit van 24 oktober 2016, nr. 2016001827, Stcrt. 2016, 58653 (BWBR0038666);
 * - 2023-2025: "Besluit gelijkstelling van 28 april 2023, 19 mei 2023, 10 mei 2024,
 *   27 december 2024 en 30 mei 2025 met een algemeen erkende feestdag";
 * - 2026-2028: "Besluit gelijkstelling van 2 januari 2026, 15 mei 2026, 7 mei 2027,
 *   28 april 2028 en 26 mei 2028 met een algemeen erkende feestdag".
 * 2020-2022 is left out because we could not verify that besluit; those deadlines are past.
 * When the KB for 2029-2031 appears in the Staatscourant, add its days here.
 */
const KB_EQUATED_DAYS: readonly IsoDate[] = [
  '2017-04-28',
  '2017-05-26',
  '2018-05-11',
  '2018-12-24',
  '2018-12-31',
  '2019-05-31',
  '2019-12-27',
  '2023-04-28',
  '2023-05-19',
  '2024-05-10',
  '2024-12-27',
  '2025-05-30',
  '2026-01-02',
  '2026-05-15',
  '2027-05-07',
  '2028-04-28',
  '2028-05-26',
];
const KB_NAME = 'Gelijkgestelde dag (KB, art. 3 lid 3 Algemene termijnenwet)';

let library: Holidays | undefined;
const byYear = new Map<number, { list: readonly GeneralHoliday[]; dates: ReadonlySet<IsoDate> }>();

function computeYear(year: number): readonly GeneralHoliday[] {
  library ??= new Holidays('NL');
  const fromLibrary = library.getHolidays(year);
  const statutory = STATUTORY_RULES.map(({ name, matches }) => {
    const found = fromLibrary.filter((h) => matches(h.rule));
    if (found.length !== 1 || !found[0]) {
      throw new Error(`HOLIDAY_RULE_MISSING: ${name} ${year} (date-holidays changed its NL rules?)`);
    }
    return { date: found[0].date.slice(0, 10), name };
  });
  const equated = KB_EQUATED_DAYS.filter((d) => d.startsWith(`${year}-`)).map((date) => ({
    date,
    name: KB_NAME,
  }));
  return [...statutory, ...equated].sort((a, b) => a.date.localeCompare(b.date));
}

function yearEntry(year: number) {
  if (!Number.isSafeInteger(year) || year < 1965 || year > 9999) {
    // 1965: the Atw took effect on 1 April 1965; earlier years have no meaning here.
    throw new RangeError(`YEAR_OUT_OF_RANGE: ${year}`);
  }
  let entry = byYear.get(year);
  if (!entry) {
    const list = Object.freeze(computeYear(year));
    entry = { list, dates: new Set(list.map((h) => h.date)) };
    byYear.set(year, entry);
  }
  return entry;
}

/** The Atw general holidays of `year`, sorted by date. */
export function generalHolidays(year: number): GeneralHoliday[] {
  return yearEntry(year).list.map((h) => ({ ...h }));
}

export function isGeneralHoliday(date: IsoDate): boolean {
  if (!isIsoDate(date)) throw new RangeError(`INVALID_DATE: ${JSON.stringify(date)}`);
  return yearEntry(Number(date.slice(0, 4))).dates.has(date);
}
