/**
 * Rules for booked appointments that both sides need: who may book a type, until when a resident
 * can change a booking, what the route link is. No dependencies beyond this folder's tiny
 * modules: the browser client may import it (availability.ts is server-only).
 */
import type { AppointmentType, SchemeKind } from './consortium-schema';
import { PARTS_OF_DAY } from './home-visits';

/**
 * Wgs art. 4 lid 1 sub b: a first conversation within 3 working days when there is a threat
 * of eviction, of cut-off of energy or water, or of cancellation of the health insurance.
 */
export const URGENCY_REASONS = ['eviction', 'energy_or_water', 'health_insurance'] as const;
export type UrgencyReason = (typeof URGENCY_REASONS)[number];

export const APPOINTMENT_STATES = ['booked', 'cancelled'] as const;
export type AppointmentState = (typeof APPOINTMENT_STATES)[number];

/**
 * Where a resident stands at the front desk on the day (issue 14): expected, arrived (the desk
 * marked them "aangemeld"), or the booking was cancelled. Derived from the booking's state and
 * its arrival time; never stored as such, so it cannot disagree with either.
 */
export const CHECK_IN_STATES = ['expected', 'arrived', 'cancelled'] as const;
export type CheckInState = (typeof CHECK_IN_STATES)[number];

export function checkInStateOf(state: AppointmentState, arrivedAt: Date | string | null): CheckInState {
  if (state === 'cancelled') return 'cancelled';
  return arrivedAt ? 'arrived' : 'expected';
}

/**
 * An appointment reference as printed and as its QR code holds it: 'AFS-' and 7 characters
 * (server/modules/appointments/reference.ts; the demo's are 'AFS-DEMO' and 4 more).
 */
const APPOINTMENT_REFERENCE = /^AFS-?([A-Z0-9]{4,12})$/;

/**
 * The reference the desk typed or scanned, in the form it is stored ('AFS-K7M2Q9X'), or null
 * when it cannot be one. The QR code on the appointment page holds exactly the reference; a
 * typed one may come in lower case, with spaces, or without the dash.
 */
export function normalizeAppointmentReference(input: string): string | null {
  const compact = input.trim().toUpperCase().replace(/[\s.]/g, '');
  const match = APPOINTMENT_REFERENCE.exec(compact);
  return match ? `AFS-${match[1]}` : null;
}

/** How an appointment takes place: at the place, or by phone or video held by its desks. */
export const APPOINTMENT_CHANNELS = ['in_person', 'phone', 'video'] as const;
export type AppointmentChannel = (typeof APPOINTMENT_CHANNELS)[number];

/** Who cancelled a booking: the resident, or staff (a closure, a phone call). Not in the API. */
export type CancelledBy = 'resident' | 'staff';

/** "Call me back": when (a home visit's parts of day, or any time), about what, and its states. */
export const CALLBACK_PARTS_OF_DAY = [...PARTS_OF_DAY, 'any'] as const;
export type CallbackPartOfDay = (typeof CALLBACK_PARTS_OF_DAY)[number];
export const CALLBACK_TOPICS = ['appointment', 'home_visit', 'other'] as const;
export type CallbackTopic = (typeof CALLBACK_TOPICS)[number];
export const CALLBACK_STATES = ['requested', 'done', 'cancelled'] as const;
export type CallbackState = (typeof CALLBACK_STATES)[number];

/** Limits of the free text a resident adds to a booking; it reaches staff, keep it short. */
export const NEEDS_LIMITS = { interpreterLanguage: 40, note: 300, reason: 300 } as const;

export interface ResidentStanding {
  /** The resident's municipality takes part in this consortium today */
  served: boolean;
  /** Scheme kinds of the resident's cases that have no decision yet */
  openCaseKinds: readonly SchemeKind[];
}

export type BookingRefusal = 'MUNICIPALITY_NOT_SERVED' | 'APPOINTMENT_NOT_ALLOWED';

/** Why this resident may not book this type, or null when they may. */
export function bookingRefusal(
  type: Pick<AppointmentType, 'requiresOpenCase'>,
  resident: ResidentStanding,
): BookingRefusal | null {
  if (!resident.served) return 'MUNICIPALITY_NOT_SERVED';
  const required = type.requiresOpenCase;
  if (required && !required.some((kind) => resident.openCaseKinds.includes(kind))) return 'APPOINTMENT_NOT_ALLOWED';
  return null;
}

/** The last moment a resident may reschedule or cancel (the start minus the cut-off). */
export function changeDeadline(start: Date, cutOffHours: number): Date {
  return new Date(start.getTime() - cutOffHours * 3_600_000);
}

export function canChange(state: AppointmentState, start: Date, now: Date, cutOffHours: number): boolean {
  return state === 'booked' && now < changeDeadline(start, cutOffHours);
}

/**
 * A route link that opens the phone's maps app on the address (Google Maps URLs, "search"
 * action, documented at developers.google.com/maps/documentation/urls). Only the office address
 * goes into it, never anything about the resident.
 */
export function routeLink(address: { street: string; postalCode: string; city: string }): string {
  const query = `${address.street}, ${address.postalCode} ${address.city}`;
  return `https://www.google.com/maps/search/?api=1&query=${encodeURIComponent(query)}`;
}
