/**
 * Appointments (issue 5). Reading is plain GETs; booking and rescheduling need live
 * availability, so they are sent at once (with an Idempotency-Key made once per attempt, so a
 * retry of the same attempt books once); their refusals carry the server's details in the
 * ApiError (SLOT_TAKEN: next slots, URGENT_CAPACITY_FULL: phone). Cancelling and "call me back" go through the outbox.
 */
import type {
  Appointment,
  AppointmentList,
  AppointmentResponse,
  AppointmentTypeList,
  Availability,
  Cancellation,
  NewAppointment,
  NewCallbackRequest,
  Reschedule,
} from '../../domain/appointments-api';
import type { NewOutboxItem } from '../../domain/outbox';
import { apiRequest, getJson } from './http';

export const getAppointmentTypes = () => getJson<AppointmentTypeList>('/api/appointments/types');
export const getAppointments = () => getJson<AppointmentList>('/api/appointments');
export const getAppointment = (id: string) =>
  getJson<AppointmentResponse>(`/api/appointments/${encodeURIComponent(id)}`);

/** `reschedule`: the appointment to move; the server then takes its type, urgency and term. */
export function getAvailability(query: {
  type: string;
  place?: string;
  urgent?: boolean;
  reschedule?: string;
}): Promise<Availability> {
  const params = new URLSearchParams({ type: query.type });
  if (query.place) params.set('place', query.place);
  if (query.urgent) params.set('urgent', 'true');
  if (query.reschedule) params.set('reschedule', query.reschedule);
  return getJson<Availability>(`/api/appointments/availability?${params.toString()}`);
}

async function sendNow(path: string, json: unknown, idempotencyKey: string): Promise<Appointment> {
  return (await apiRequest<AppointmentResponse>(path, { method: 'POST', json, idempotencyKey })).appointment;
}

export function bookAppointment(body: NewAppointment, idempotencyKey: string): Promise<Appointment> {
  return sendNow('/api/appointments', body, idempotencyKey);
}

export function rescheduleAppointment(id: string, body: Reschedule, idempotencyKey: string): Promise<Appointment> {
  return sendNow(`/api/appointments/${encodeURIComponent(id)}/reschedule`, body, idempotencyKey);
}

/** POST /api/appointments/:id/cancel as an outbox item (works offline: shown as pending) */
export function cancelAppointment(id: string, reason: string): NewOutboxItem<Cancellation> {
  const body: Cancellation = reason.trim() === '' ? {} : { reason: reason.trim() };
  return {
    kind: 'cancel-booking',
    method: 'POST',
    url: `/api/appointments/${encodeURIComponent(id)}/cancel`,
    body,
    subject: id,
  };
}

/** POST /api/callback-requests as an outbox item: for when booking needs a network */
export function requestCallback(body: NewCallbackRequest): NewOutboxItem<NewCallbackRequest> {
  return { kind: 'callback', method: 'POST', url: '/api/callback-requests', body, subject: null };
}

export const newIdempotencyKey = (): string => crypto.randomUUID();
