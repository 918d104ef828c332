/**
 * Appointments (issue 5). Reading is plain GETs; booking and rescheduling need live
 * availability, so they are sent at once (with an Idempotency-Key made once per attempt, so a
 * retry of the same attempt books once) and their refusals keep the server's details (SLOT_TAKEN
 * next slots, URGENT_CAPACITY_FULL phone). Cancelling and "call me back" go through the outbox.
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
  Slot,
} from '../../domain/appointments-api';
import type { NewOutboxItem } from '../../domain/outbox';
import { ABORTED, ApiError, getJson, isErrorResponse, readBody, sessionSignal } from './http';

export const getAppointmentTypes = () => getJson<AppointmentTypeList>('/api/appointments/types');
export const getAppointments = () => getJson<AppointmentList>('/api/appointments');
export const getAppointment = (id: string) =>
  getJson<AppointmentResponse>(`/api/appointments/${encodeURIComponent(id)}`);

export function getAvailability(query: { type: string; place?: string; urgent?: boolean }): Promise<Availability> {
  const params = new URLSearchParams({ type: query.type });
  if (query.place) params.set('place', query.place);
  if (query.urgent) params.set('urgent', 'true');
  return getJson<Availability>(`/api/appointments/availability?${params.toString()}`);
}

/** A refusal with what the server offers instead */
export class BookingError extends ApiError {
  constructor(
    status: number,
    code: string,
    message: string,
    readonly details: { nextSlots?: Slot[]; phone?: string } | null,
  ) {
    super(status, code, message);
  }
}

async function sendNow(path: string, body: unknown, idempotencyKey: string): Promise<Appointment> {
  const signal = sessionSignal();
  let response: Response;
  try {
    response = await fetch(path, {
      method: 'POST',
      headers: { Accept: 'application/json', 'Content-Type': 'application/json', 'Idempotency-Key': idempotencyKey },
      credentials: 'same-origin',
      body: JSON.stringify(body),
      signal,
    });
  } catch (error) {
    if (signal.aborted) throw new BookingError(0, ABORTED, 'Request cancelled', null);
    throw new BookingError(0, 'NETWORK_ERROR', error instanceof Error ? error.message : 'fetch failed', null);
  }
  const parsed = await readBody(response).catch(() => undefined);
  if (!response.ok) {
    if (isErrorResponse(parsed)) {
      const details = (parsed.error as { details?: { nextSlots?: Slot[]; phone?: string } }).details ?? null;
      throw new BookingError(response.status, parsed.error.code, parsed.error.message, details);
    }
    throw new BookingError(response.status, 'UNKNOWN', `HTTP ${response.status}`, null);
  }
  return (parsed as AppointmentResponse).appointment;
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
