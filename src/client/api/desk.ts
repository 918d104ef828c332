/**
 * The front desk's check-in (/api/staff/appointments, issue 14): the places the desk serves,
 * today's appointments at one, one appointment by its reference, and "aangemeld". Lazily loaded
 * with the front-desk area. The arrival carries an Idempotency-Key made once per action (see
 * api/staff.ts); the reference goes in the query string, which the server never logs.
 */
import type { DeskAppointmentResponse, DeskDay, DeskLocationList } from '../../domain/desk-api';
import { staffRequest } from './staff';

const BASE = '/api/staff/appointments';

export const fetchDeskLocations = () => staffRequest<DeskLocationList>('GET', `${BASE}/locations`);

export const fetchDeskDay = (locationId: string) =>
  staffRequest<DeskDay>('GET', `${BASE}/locations/${encodeURIComponent(locationId)}/today`);

export const lookupAppointment = (reference: string) =>
  staffRequest<DeskAppointmentResponse>('GET', `${BASE}/lookup?${new URLSearchParams({ reference }).toString()}`);

export const postArrival = (appointmentId: string, key: string) =>
  staffRequest<DeskAppointmentResponse>('POST', `${BASE}/${encodeURIComponent(appointmentId)}/arrival`, undefined, key);
