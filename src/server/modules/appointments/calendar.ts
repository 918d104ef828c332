/**
 * An appointment as an iCalendar file (RFC 5545) for the resident's own calendar app.
 *
 * The `ics` package (v3) writes DTSTART/DTEND only in UTC or as floating local time; it has no
 * TZID (adamgibbons/ics#198, PR #284 unmerged). We let it build the event in UTC and then state
 * the times as Europe/Amsterdam wall-clock with TZID plus a VTIMEZONE (RFC 5545 3.6.5), so a
 * calendar shows "09:00 Amsterdam" and keeps it right should the zone's rules change.
 */
import { createEvent, type EventAttributes } from 'ics';
import type { Appointment } from '../../../domain/appointments-api';
import { amsterdamWallClock } from '../../../domain/availability-time';
import type { Consortium } from '../../../domain/consortium';
import { foldByOctets } from './ics-folding';

const CALENDAR_ZONE = 'Europe/Amsterdam';

/** EU summer time since 1996 (Directive 2000/84/EC): last Sunday of March and of October. */
const VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  `TZID:${CALENDAR_ZONE}`,
  'X-LIC-LOCATION:Europe/Amsterdam',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
].join('\r\n');

export type CalendarLanguage = 'nl' | 'en';

const WORDS = {
  nl: {
    reference: 'Referentie',
    bring: 'Neem mee',
    change: 'Verzetten of afzeggen kan tot',
    call: 'Vragen? Bel',
    phone: 'Telefonisch: wij bellen u op',
    video: 'Videogesprek: u krijgt een link',
    reminder: 'Morgen: afspraak',
  },
  en: {
    reference: 'Reference',
    bring: 'Bring',
    change: 'You can reschedule or cancel until',
    call: 'Questions? Call',
    phone: 'By phone: we call you on',
    video: 'Video call: you will get a link',
    reminder: 'Tomorrow: appointment',
  },
} as const;

function location(a: Appointment, lang: CalendarLanguage): string {
  const { name, address } = a.place;
  const where = `${name}, ${address.street}, ${address.postalCode} ${address.city}`;
  if (a.channel === 'phone') return `${WORDS[lang].phone} ${a.phone ?? ''}`.trim();
  if (a.channel === 'video') return WORDS[lang].video;
  return where;
}

function description(a: Appointment, consortium: Consortium, lang: CalendarLanguage): string {
  const w = WORDS[lang];
  const until = amsterdamWallClock(new Date(a.changeableUntil));
  const lines = [`${a.type.name[lang]} – ${consortium.shortName}`, `${w.reference}: ${a.reference}`];
  if (a.whatToBring.length > 0) lines.push('', `${w.bring}:`, ...a.whatToBring.map((t) => `- ${t[lang]}`));
  lines.push('', `${w.change} ${until.date} ${until.time}.`, `${w.call} ${consortium.phone}.`);
  return lines.join('\n');
}

const utcArray = (iso: string) => {
  const d = new Date(iso);
  return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes()] as [
    number,
    number,
    number,
    number,
    number,
  ];
};

/** 'DTSTART:20260330T070000Z' -> 'DTSTART;TZID=Europe/Amsterdam:20260330T090000' */
function inAmsterdam(ics: string, property: 'DTSTART' | 'DTEND', iso: string): string {
  const { date, time } = amsterdamWallClock(new Date(iso));
  const local = `${date.replaceAll('-', '')}T${time.replace(':', '')}00`;
  const pattern = new RegExp(`^${property}:\\d{8}T\\d{6}Z$`, 'm');
  if (!pattern.test(ics)) throw new Error(`ics output without a UTC ${property}`);
  return ics.replace(pattern, `${property};TZID=${CALENDAR_ZONE}:${local}`);
}

/** `sequence`: RFC 5545 SEQUENCE, raised by every reschedule and by the cancellation. */
export function appointmentCalendar(
  a: Appointment,
  consortium: Consortium,
  lang: CalendarLanguage,
  sequence: number,
): string {
  const event: EventAttributes = {
    productId: 'loket/appointments',
    // Stable per appointment and bumped by each reschedule: importing again updates the event.
    uid: `${a.id}@loket`,
    sequence,
    start: utcArray(a.start),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: utcArray(a.end),
    endInputType: 'utc',
    endOutputType: 'utc',
    title: `${a.type.name[lang]} – ${consortium.shortName}`,
    description: description(a, consortium, lang),
    location: location(a, lang),
    status: a.state === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
    busyStatus: 'BUSY',
    alarms: [
      {
        action: 'display',
        description: `${WORDS[lang].reminder} ${a.reference}`,
        trigger: { hours: 24, before: true },
      },
    ],
    ...(a.place.routeUrl && a.channel === 'in_person' ? { url: a.place.routeUrl } : {}),
  };
  const { error, value } = createEvent(event);
  if (error || !value) throw new Error(`ics could not build the event: ${error?.message ?? 'no output'}`);
  const zoned = inAmsterdam(inAmsterdam(value, 'DTSTART', a.start), 'DTEND', a.end);
  return foldByOctets(zoned.replace(/\r\nBEGIN:VEVENT\r\n/, `\r\n${VTIMEZONE}\r\nBEGIN:VEVENT\r\n`));
}
