/**
 * Rules for booked appointments that both sides need: who may book a type, until when a resident
 * can change a booking, what the route link is. No dependencies beyond this folder's tiny
 * modules: the browser client may import it (availability.ts is server-only).
 */
import type { AppointmentType, SchemeKind } from './consortium-schema';

/**
 * Wgs art. 4 lid 1 sub b: a first conversation within 3 working days when there is a threat
 * of eviction, of cut-off of energy or water, or of cancellation of the health insurance.
 */
/** @public the one source of this enumeration (issue 13 wires its copies to it) */
export const URGENCY_REASONS = ['eviction', 'energy_or_water', 'health_insurance'] as const;
/** @public the one source of this enumeration (issue 13 wires its copies to it) */
export type UrgencyReason = (typeof URGENCY_REASONS)[number];

/** @public the one source of this enumeration (issue 13 wires its copies to it) */
export const APPOINTMENT_STATES = ['booked', 'cancelled'] as const;
export type AppointmentState = (typeof APPOINTMENT_STATES)[number];

/** Limits of the free text a resident adds to a booking; it reaches staff, keep it short. */
/** @public the one source of this enumeration (issue 13 wires its copies to it) */
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
