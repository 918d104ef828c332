import { describe, expect, it } from 'vitest';
import {
  bookingRefusal,
  canChange,
  changeDeadline,
  checkInStateOf,
  normalizeAppointmentReference,
  routeLink,
  type ResidentStanding,
} from './appointments';
import type { SchemeKind } from './consortium-schema';

describe('who may book', () => {
  const anyone = {};
  const withCase = { requiresOpenCase: ['bijstand', 'bijzondere_bijstand'] as SchemeKind[] };

  it.each<[string, { requiresOpenCase?: SchemeKind[] }, ResidentStanding, string | null]>([
    ['anyone, served', anyone, { served: true, openCaseKinds: [] }, null],
    ['anyone, not served', anyone, { served: false, openCaseKinds: ['bijstand'] }, 'MUNICIPALITY_NOT_SERVED'],
    ['open case needed, has one', withCase, { served: true, openCaseKinds: ['schuldhulpverlening', 'bijstand'] }, null],
    [
      'open case needed, has another kind',
      withCase,
      { served: true, openCaseKinds: ['schuldhulpverlening'] },
      'APPOINTMENT_NOT_ALLOWED',
    ],
    ['open case needed, has none', withCase, { served: true, openCaseKinds: [] }, 'APPOINTMENT_NOT_ALLOWED'],
  ])('%s', (_, type, resident, expected) => {
    expect(bookingRefusal(type, resident)).toBe(expected);
  });
});

describe('the change cut-off', () => {
  const start = new Date('2026-03-30T07:00:00Z'); // Monday 09:00 in Amsterdam

  it('allows a change until 24 hours before the start, not at that moment or after', () => {
    expect(changeDeadline(start, 24).toISOString()).toBe('2026-03-29T07:00:00.000Z');
    expect(canChange('booked', start, new Date('2026-03-29T06:59:59Z'), 24)).toBe(true);
    expect(canChange('booked', start, new Date('2026-03-29T07:00:00Z'), 24)).toBe(false);
    expect(canChange('cancelled', start, new Date('2026-03-20T07:00:00Z'), 24)).toBe(false);
  });
});

describe('route link', () => {
  it('searches the office address in the maps app', () => {
    expect(routeLink({ street: 'Prins Bernhardlaan 117', postalCode: '2273 DA', city: 'Voorburg' })).toBe(
      'https://www.google.com/maps/search/?api=1&query=Prins%20Bernhardlaan%20117%2C%202273%20DA%20Voorburg',
    );
  });
});

describe('the front desk reads an appointment reference (issue 14)', () => {
  it.each([
    ['AFS-K7M2Q9X', 'AFS-K7M2Q9X'], // as the QR code on the appointment page holds it
    [' afs-k7m2q9x ', 'AFS-K7M2Q9X'],
    ['AFS K7M2 Q9X', 'AFS-K7M2Q9X'],
    ['afsk7m2q9x', 'AFS-K7M2Q9X'],
    ['AFS-DEMO0681', 'AFS-DEMO0681'], // the demo's
    ['HB-DEMO032', null], // a home visit, not an appointment
    ['K7M2Q9X', null],
    ['', null],
  ])('%j is %j', (typed, reference) => {
    expect(normalizeAppointmentReference(typed)).toBe(reference);
  });

  it('says expected, arrived or cancelled from the booking and its arrival', () => {
    expect(checkInStateOf('booked', null)).toBe('expected');
    expect(checkInStateOf('booked', '2026-03-23T08:55:00.000Z')).toBe('arrived');
    expect(checkInStateOf('cancelled', null)).toBe('cancelled');
  });
});
