/**
 * Demo residents, described as plain data with dates relative to today so the demo never
 * goes stale. The five named persons of the default consortium are the ones the README and
 * the browser tests use; every other consortium gets one resident per municipality.
 * All BSNs are in the 99999xxxx test range and pass the elfproef.
 */
import type { UrgencyReason } from '../../domain/appointments';
import type { Consortium, SchemeKind } from '../../domain/consortium';
import { addDays, type IsoDate } from '../../domain/dates';
import type { DemoAppointment } from './appointments';

export interface DemoDocumentRequest {
  title: { nl: string; en: string };
  reason: { nl: string; en: string };
  requestedDaysAgo: number;
  dueInDays: number;
}

export interface DemoCase {
  scheme: SchemeKind;
  submittedDaysAgo: number;
  /** Status codes with the day they were set (days ago) */
  statuses: Array<[code: string, daysAgo: number, note?: string]>;
  documentRequests?: DemoDocumentRequest[];
  /** A letter asking for the documents above, sent this many days ago (a real PDF) */
  informationLetterDaysAgo?: number;
  extension?: { weeks: number; noticeDaysAgo: number; reason: string };
  decision?: { result: 'granted' | 'rejected'; decidedDaysAgo: number; letterTitle: string };
  urgency?: UrgencyReason;
}

export interface DemoResident {
  bsn: string;
  name: string;
  /** What a tester sees when logging in as this person (Dutch: the DigiD simulation lists it) */
  description: string;
  municipalityCode: string;
  address: { street: string; postalCode: string; city: string };
  cases: DemoCase[];
  /** Real bookings (demo/appointments.ts): the first free slot at or after the wished time */
  appointments?: DemoAppointment[];
}

const BANK_STATEMENTS = {
  title: { nl: 'Bankafschriften van de laatste 3 maanden', en: 'Bank statements of the last 3 months' },
  reason: {
    nl: 'Wij willen zien welk geld u krijgt en uitgeeft.',
    en: 'We need to see the money you receive and spend.',
  },
};
const RENTAL_CONTRACT = {
  title: { nl: 'Huurcontract', en: 'Rental contract' },
  reason: { nl: 'Wij willen weten hoeveel huur u betaalt.', en: 'We need to know how much rent you pay.' },
};

const DEFAULT_CONSORTIUM_RESIDENTS: DemoResident[] = [
  {
    bsn: '999990019',
    description: 'Bijstand: wij wachten op 2 documenten, één moet binnen een week.',
    name: 'Jan de Vries',
    municipalityCode: '1916',
    address: { street: 'Herenstraat 12', postalCode: '2271 CJ', city: 'Voorburg' },
    cases: [
      {
        scheme: 'bijstand',
        submittedDaysAgo: 20,
        statuses: [
          ['received', 20],
          ['in_progress', 17],
          ['information_requested', 10],
        ],
        documentRequests: [
          { ...BANK_STATEMENTS, requestedDaysAgo: 10, dueInDays: 4 },
          { ...RENTAL_CONTRACT, requestedDaysAgo: 10, dueInDays: 11 },
        ],
        informationLetterDaysAgo: 10,
      },
    ],
    appointments: [{ typeCode: 'intake', inDays: 7, time: '10:00' }],
  },
  {
    bsn: '999990032',
    description: 'Bijzondere bijstand toegekend (bezwaar kan nog); inkomenstoeslag met een verlengde termijn.',
    name: 'Fatima El Amrani',
    municipalityCode: '0629',
    address: { street: 'Langstraat 40', postalCode: '2242 KM', city: 'Wassenaar' },
    cases: [
      {
        scheme: 'bijzondere_bijstand',
        submittedDaysAgo: 45,
        statuses: [
          ['received', 45],
          ['in_progress', 40],
          ['decided', 10, 'U krijgt geld voor een nieuwe wasmachine.'],
        ],
        decision: { result: 'granted', decidedDaysAgo: 10, letterTitle: 'Besluit bijzondere bijstand' },
      },
      {
        scheme: 'individuele_inkomenstoeslag',
        submittedDaysAgo: 62,
        statuses: [
          ['received', 62],
          ['in_progress', 55],
        ],
        extension: {
          weeks: 4,
          noticeDaysAgo: 8,
          reason: 'Wij hebben meer tijd nodig om uw inkomen van de afgelopen jaren te controleren.',
        },
      },
    ],
  },
  {
    bsn: '999990044',
    description: 'Schuldhulp met spoed (dreigende huisuitzetting): eerste gesprek binnen 3 werkdagen.',
    name: 'Pieter Bakker',
    municipalityCode: '0626',
    address: { street: 'Schoolstraat 3', postalCode: '2251 BE', city: 'Voorschoten' },
    cases: [
      {
        scheme: 'schuldhulpverlening',
        submittedDaysAgo: 1,
        statuses: [['received', 1, 'Er dreigt een huisuitzetting. Wij nemen snel contact met u op.']],
        urgency: 'eviction',
      },
    ],
  },
  {
    bsn: '999990056',
    description: 'Woont in Den Haag: die gemeente doet niet mee, u ziet waar u wel terechtkunt.',
    name: 'Sanne Jansen',
    municipalityCode: '0518',
    address: { street: 'Spui 70', postalCode: '2511 BT', city: 'Den Haag' },
    cases: [],
  },
  {
    bsn: '999990068',
    description: 'Geen aanvragen.',
    name: 'Ahmed Yilmaz',
    municipalityCode: '1916',
    address: { street: 'Damplein 1', postalCode: '2265 AA', city: 'Leidschendam' },
    cases: [],
    // Today at the central office, whatever day the demo starts: the front desk's check-in
    // (/balie) has someone to find and mark as arrived (AFS-DEMO0681).
    appointments: [{ typeCode: 'intake', inDays: 0, time: '09:00', exact: true }],
  },
];

/** A BSN in the test range 99999xxxx whose check digit makes it pass the elfproef. */
function testBsn(serial: number): string {
  for (let n = serial; ; n += 1) {
    const body = `99999${String(n % 1000).padStart(3, '0')}`;
    const sum = [...body].reduce((acc, digit, i) => acc + Number(digit) * (9 - i), 0);
    const check = sum % 11;
    if (check < 10) return `${body}${check}`;
  }
}

function residentPerMunicipality(consortium: Consortium, today: IsoDate): DemoResident[] {
  const live = consortium.municipalities.filter((m) => !m.leftOn || m.leftOn > today);
  return live.map((m, index) => ({
    bsn: testBsn(100 + index * 3),
    name: `Testpersoon ${m.name}`,
    description:
      m.joinedOn > today
        ? `Woont in ${m.name}: die gemeente doet pas mee vanaf ${m.joinedOn}.`
        : `Woont in ${m.name}: een bijstandsaanvraag in behandeling.`,
    municipalityCode: m.code,
    address: { street: 'Dorpsstraat 1', postalCode: '1000 AA', city: m.name },
    cases:
      m.joinedOn > today
        ? []
        : [
            {
              scheme: 'bijstand',
              submittedDaysAgo: 12,
              statuses: [
                ['received', 12],
                ['in_progress', 9],
              ],
            },
          ],
  }));
}

export function demoResidents(consortium: Consortium, today: IsoDate): DemoResident[] {
  if (consortium.id === 'leidschendam-voorburg') return DEFAULT_CONSORTIUM_RESIDENTS;
  const denHaag = DEFAULT_CONSORTIUM_RESIDENTS.find((r) => r.municipalityCode === '0518')!;
  return [...residentPerMunicipality(consortium, today), denHaag];
}

export const daysAgo = (today: IsoDate, days: number) => addDays(today, -days);
