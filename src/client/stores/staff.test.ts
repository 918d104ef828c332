// The staff session on the page: 30 minutes idle on the server, noticed here just after the
// deadline, and every staff request moves that deadline (fetch mocked at the edge).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { apiError, json, mockFetch } from '../testing/harness';
import { useStaffStore } from './staff';
import { useStaffCasesStore } from './staff-cases';

const IDLE_MS = 30 * 60_000;
const meAt = (now: number) => ({
  staff: {
    id: '00000000-0000-4000-8000-000000000001',
    name: 'Karin Jansen',
    grants: [{ role: 'case_worker', scope: '*' }],
  },
  session: {
    idleExpiresAt: new Date(now + IDLE_MS).toISOString(),
    absoluteExpiresAt: new Date(now + 12 * 3_600_000).toISOString(),
  },
});

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date('2026-11-18T10:00:00Z'));
  setActivePinia(createPinia());
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('staff session on the page', () => {
  it('asks the server again just after the idle deadline and ends the session it no longer has', async () => {
    let alive = true;
    mockFetch({ 'GET /api/staff/me': () => (alive ? json(meAt(Date.now())) : apiError(401, 'SESSION_EXPIRED')) });
    const staff = useStaffStore();
    await staff.load();
    expect(staff.status).toBe('authenticated');
    expect(staff.hasRole('case_worker')).toBe(true);

    alive = false;
    await vi.advanceTimersByTimeAsync(IDLE_MS - 60_000);
    expect(staff.status).toBe('authenticated');
    await vi.advanceTimersByTimeAsync(65_000);
    expect(staff.status).toBe('anonymous');
    expect(staff.ended).toBe('expired');
    expect(staff.me).toBeNull();
  });

  it('moves the check with every staff request, and a 401 there clears the case data', async () => {
    let alive = true;
    const fetchMock = mockFetch({
      'GET /api/staff/me': () => (alive ? json(meAt(Date.now())) : apiError(401, 'SESSION_EXPIRED')),
      'GET /api/staff/cases?reference=WI-2026-00001': () =>
        alive ? json({ cases: [] }) : apiError(401, 'SESSION_EXPIRED'),
    });
    const staff = useStaffStore();
    const cases = useStaffCasesStore();
    await staff.load();
    await vi.advanceTimersByTimeAsync(20 * 60_000);
    await cases.search('WI-2026-00001');
    const calls = () => fetchMock.mock.calls.filter(([path]) => path === '/api/staff/me').length;
    await vi.advanceTimersByTimeAsync(15 * 60_000); // 35 minutes after login, 15 after the search
    expect(calls()).toBe(1);
    expect(staff.status).toBe('authenticated');

    alive = false;
    await cases.search('WI-2026-00001');
    expect(staff.status).toBe('anonymous');
    expect(staff.ended).toBe('expired');
    expect(cases.searchedFor).toBeNull();
  });
});
