// Fixtures for the appointments component tests (not shipped: only tests import this file).
import type { Appointment, AppointmentTypeList, Slot } from '../../../domain/appointments-api';

export const APPT = '9a0b7c1e-2222-4d3a-8e7f-000000000001';

export const catalog: AppointmentTypeList = {
  types: [
    {
      code: 'consult',
      name: { nl: 'Gesprek met een consulent', en: 'Consultation' },
      description: null,
      durationMinutes: 30,
      channels: ['in_person'],
      urgentCapable: false,
      whatToBring: [],
      placeIds: ['centraal', 'ijsselstein'],
      bookable: true,
      refusal: null,
    },
    {
      code: 'schuldhulp-eerste-gesprek',
      name: { nl: 'Eerste gesprek schuldhulp', en: 'Debt help first conversation' },
      description: null,
      durationMinutes: 60,
      channels: ['in_person'],
      urgentCapable: true,
      whatToBring: [],
      placeIds: ['centraal'],
      bookable: true,
      refusal: null,
    },
  ],
  places: [
    {
      id: 'centraal',
      name: 'Centraal kantoor',
      address: { street: 'Stationsplein 1', postalCode: '3431 AA', city: 'Nieuwegein' },
      accessibility: { nl: 'Rolstoeltoegankelijk', en: 'Wheelchair accessible' },
      routeUrl: 'https://maps.example/?q=1',
      openingHours: [1, 2, 3, 4, 5].map((day) => ({ day, opens: '08:30', closes: '17:00' })),
    },
    {
      id: 'ijsselstein',
      name: 'Loket IJsselstein',
      address: { street: 'Overtoom 1', postalCode: '3401 BK', city: 'IJsselstein' },
      accessibility: { nl: 'Lift aanwezig', en: 'Lift available' },
      routeUrl: 'https://maps.example/?q=2',
      openingHours: [
        { day: 1, opens: '09:00', closes: '12:00' },
        { day: 3, opens: '13:00', closes: '16:00' },
      ],
    },
  ],
  rules: { minLeadMinutes: 120, horizonDays: 42, changeCutOffHours: 24 },
  phone: '030 123 45 67',
};

export const slot = (date: string, time: string, start: string, placeId = 'centraal'): Slot => ({
  placeId,
  date,
  time,
  endTime: `${time.slice(0, 2)}:30`,
  start,
  end: start,
});

export function appointment(overrides: Partial<Appointment> = {}): Appointment {
  return {
    id: APPT,
    reference: 'AFS-7K3P9Q',
    state: 'booked',
    type: { code: 'consult', name: { nl: 'Gesprek met een consulent', en: 'Consultation' }, durationMinutes: 30 },
    channel: 'in_person',
    place: catalog.places[0]!,
    start: '2026-12-02T09:00:00.000Z',
    end: '2026-12-02T09:30:00.000Z',
    date: '2026-12-02',
    time: '10:00',
    endTime: '10:30',
    urgency: null,
    needs: { interpreter: null, wheelchair: false, companion: false, note: null },
    phone: null,
    whatToBring: [{ nl: 'Uw identiteitsbewijs', en: 'Your ID' }],
    caseId: null,
    changeableUntil: '2026-12-01T09:00:00.000Z',
    canChange: true,
    past: false,
    bookedAt: '2026-11-28T09:00:00.000Z',
    rescheduledAt: null,
    cancelledAt: null,
    cancelReason: null,
    links: {
      calendar: `/api/appointments/${APPT}/calendar.ics`,
      qr: `/api/appointments/${APPT}/qr.svg`,
      route: 'https://maps.example/?q=1',
    },
    ...overrides,
  };
}
