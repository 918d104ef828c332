/**
 * The one API client: what every request gets, whichever feature sends it. `fetch` is mocked
 * at the edge (testing/harness.ts); the listeners stand in for the session set-up step (401)
 * and the outbox (success).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { apiError, json, mockFetch } from '../testing/harness';
import { bookAppointment, cancelAppointment } from './appointments';
import { apiRequest, ApiError, cancelPendingRequests, getJson, onApiSuccess, onUnauthorized } from './http';
import { markAllRead } from './notifications';
import { sendOutboxItem } from './outbox';
import { fetchStaffMe } from './staff';
import { uploadDecisionLetter } from './staff-casework';

/** A fetch that answers only when aborted, as a hanging connection does. */
function hanging(init: RequestInit | undefined): Promise<Response> {
  return new Promise((_resolve, reject) => {
    init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
  });
}

const headersOf = (init: RequestInit | undefined) => new Headers(init?.headers);

const slot = {
  date: '2026-12-01',
  start: '2026-12-01T08:00:00.000Z',
  time: '09:00',
  endTime: '09:30',
  placeId: 'stadshuis',
};
const newAppointment = {
  type: 'intake',
  place: 'stadshuis',
  start: slot.start,
  channel: 'in_person' as const,
  needs: { wheelchair: false, companion: false },
};

let stops: Array<() => void> = [];
const unauthorized = vi.fn();
const succeeded = vi.fn();

beforeEach(() => {
  stops = [onUnauthorized(unauthorized), onApiSuccess(succeeded)];
});
afterEach(() => {
  stops.forEach((stop) => stop());
  unauthorized.mockReset();
  succeeded.mockReset();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('the API client', () => {
  it('gives up on an answer that does not come, as a network error the resident can retry', async () => {
    vi.useFakeTimers();
    mockFetch({ 'GET /api/applications': hanging });
    const request = getJson('/api/applications').catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(20_000);
    expect(await request).toMatchObject({ status: 0, code: 'NETWORK_ERROR' });
  });

  it('lets a caller wait longer, e.g. for a scanned upload', async () => {
    vi.useFakeTimers();
    mockFetch({ 'POST /api/slow': hanging });
    let settled = false;
    const request = apiRequest('/api/slow', { method: 'POST', timeoutMs: 60_000 })
      .catch((error: unknown) => error)
      .finally(() => (settled = true));
    await vi.advanceTimersByTimeAsync(30_000);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(await request).toMatchObject({ code: 'NETWORK_ERROR' });
  });

  it('cancels what is in flight when the session ends, and says so (callers ignore it)', async () => {
    mockFetch({ 'GET /api/applications': hanging });
    const request = getJson('/api/applications').catch((error: unknown) => error);
    cancelPendingRequests();
    expect(await request).toMatchObject({ status: 0, code: 'ABORTED' });
    expect(succeeded).not.toHaveBeenCalled();
  });

  it("ends the resident's session on a 401 from any resident request, the booking and the outbox included", async () => {
    mockFetch({
      'GET /api/applications': () => apiError(401, 'SESSION_EXPIRED'),
      'POST /api/appointments': () => apiError(401, 'SESSION_EXPIRED'),
      'POST /api/notifications/read-all': () => apiError(401, 'SESSION_EXPIRED'),
      'POST /api/callback-requests': () => apiError(401, 'SESSION_EXPIRED'),
    });
    await expect(getJson('/api/applications')).rejects.toMatchObject({ status: 401, code: 'SESSION_EXPIRED' });
    await expect(bookAppointment(newAppointment, 'key-1')).rejects.toMatchObject({ status: 401 });
    await expect(markAllRead()).rejects.toMatchObject({ status: 401 });
    const outbox = await sendOutboxItem({
      method: 'POST',
      url: '/api/callback-requests',
      body: { phone: '0612345678', partOfDay: 'any' },
      idempotencyKey: 'key-2',
    });
    expect(outbox).toEqual({ status: 401, code: 'SESSION_EXPIRED', body: null });
    expect(unauthorized.mock.calls.map(([path]) => path as string)).toEqual([
      '/api/applications',
      '/api/appointments',
      '/api/notifications/read-all',
      '/api/callback-requests',
    ]);
  });

  it("leaves the resident's session alone on a staff 401: the back office handles its own", async () => {
    mockFetch({ 'GET /api/staff/me': () => apiError(401, 'UNAUTHENTICATED') });
    await expect(fetchStaffMe()).rejects.toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
    expect(unauthorized).not.toHaveBeenCalled();
  });

  it('tells the outbox after every success: reads, bookings, changes, outbox sends and staff calls', async () => {
    const booked = { appointment: { id: 'a1' } };
    mockFetch({
      'GET /api/applications': () => json({ applications: [] }),
      'POST /api/appointments': () => json(booked, 201),
      'POST /api/notifications/read-all': () => json({ unread: 0 }),
      'POST /api/appointments/a1/cancel': () => json(booked),
      'GET /api/staff/me': () => json({ staff: {} }),
    });
    await getJson('/api/applications');
    await bookAppointment(newAppointment, 'key-1');
    await markAllRead();
    const item = cancelAppointment('a1', '');
    expect(await sendOutboxItem({ ...item, idempotencyKey: 'key-3' })).toEqual({
      status: 200,
      code: null,
      body: booked,
    });
    await fetchStaffMe();
    expect(succeeded).toHaveBeenCalledTimes(5);
  });

  it('sends the Idempotency-Key and the JSON body of a booking, and keeps what the server offers instead', async () => {
    const fetchMock = mockFetch({
      'POST /api/appointments': () =>
        json({ error: { code: 'SLOT_TAKEN', message: 'taken', details: { nextSlots: [slot] } } }, 409),
    });
    const refusal = await bookAppointment(newAppointment, 'key-1').catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(ApiError);
    expect(refusal).toMatchObject({ status: 409, code: 'SLOT_TAKEN', details: { nextSlots: [slot] } });
    const init = fetchMock.mock.calls[0]![1];
    expect(headersOf(init).get('Idempotency-Key')).toBe('key-1');
    expect(headersOf(init).get('Content-Type')).toBe('application/json');
    expect(JSON.parse(init!.body as string)).toEqual(newAppointment);
  });

  it('sends a file as the body with its own type, and no body without a Content-Type', async () => {
    const fetchMock = mockFetch({
      'POST /api/staff/cases/c1/decision/letter': () => json({ handling: {} }),
      'POST /api/auth/logout': () => new Response(null, { status: 204 }),
    });
    const letter = new Blob(['%PDF-1.7'], { type: 'application/pdf' });
    await uploadDecisionLetter('c1', letter, 'key-4');
    const [, upload] = fetchMock.mock.calls[0]!;
    expect(upload!.body).toBe(letter);
    expect(headersOf(upload).get('Content-Type')).toBe('application/pdf');
    expect(headersOf(upload).get('Idempotency-Key')).toBe('key-4');

    await expect(apiRequest('/api/auth/logout', { method: 'POST' })).resolves.toBeUndefined();
    const [, logout] = fetchMock.mock.calls[1]!;
    expect(logout!.body).toBeUndefined();
    expect(headersOf(logout).has('Content-Type')).toBe(false);
  });

  it('turns an answer without an error body into UNKNOWN, and no answer into NETWORK_ERROR', async () => {
    mockFetch({
      'GET /api/broken': () => new Response('<html>proxy error</html>', { status: 502 }),
      'GET /api/offline': () => Promise.reject(new TypeError('Failed to fetch')),
    });
    await expect(getJson('/api/broken')).rejects.toMatchObject({ status: 502, code: 'UNKNOWN', details: null });
    await expect(getJson('/api/offline')).rejects.toMatchObject({ status: 0, code: 'NETWORK_ERROR' });
  });
});
