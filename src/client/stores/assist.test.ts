// Front-desk help as the desk's page sees it (fetch mocked at the edge): each outcome a code,
// any 404 as NOT_FOUND, and a 401 (the employee's session ended) makes the staff store ask again.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { apiError, json, me, mockFetch } from '../testing/harness';
import { useAssistStore } from './assist';
import { useSessionStore } from './session';

const resident = { name: 'Fatima el Amrani', municipality: { code: '0356', name: 'Nieuwegein' } };
const assist = { purpose: 'upload_documents', purposeText: null };

beforeEach(() => setActivePinia(createPinia()));
afterEach(() => vi.unstubAllGlobals());

const calls = (fetchMock: ReturnType<typeof mockFetch>, path: string) =>
  fetchMock.mock.calls.filter(([url]) => url === path).length;

describe('front-desk help', () => {
  it('finds the resident, and answers a 404 as NOT_FOUND whatever its code', async () => {
    let answer = () => json({ resident });
    mockFetch({ 'POST /api/staff/assist/search': () => answer() });
    const help = useAssistStore();
    expect(await help.search({ bsn: '999993653' })).toEqual({ ok: true, value: { resident } });
    answer = () => apiError(404, 'RESIDENT_UNKNOWN');
    expect(await help.search({ reference: 'WI-2026-00001' })).toEqual({ ok: false, code: 'NOT_FOUND' });
  });

  it("asks the staff session again on a 401, and keeps the server's code", async () => {
    const fetchMock = mockFetch({
      'POST /api/staff/assist/search': () => apiError(401, 'SESSION_EXPIRED'),
      'GET /api/staff/me': () => apiError(401, 'UNAUTHENTICATED'),
    });
    const help = useAssistStore();
    expect(await help.search({ bsn: '999993653' })).toEqual({ ok: false, code: 'SESSION_EXPIRED' });
    expect(calls(fetchMock, '/api/staff/me')).toBe(1);
  });

  it('starts the help and then knows the resident; a refusal comes back as its code', async () => {
    let answer = () => json({ resident, assist });
    const fetchMock = mockFetch({
      'POST /api/staff/assist': () => answer(),
      'GET /api/session': () => json({ me: { ...me, assist } }),
    });
    const help = useAssistStore();
    expect(await help.start({ bsn: '999993653', purpose: 'upload_documents' })).toEqual({ ok: true, value: undefined });
    expect(useSessionStore().me?.assist).toEqual(assist);

    answer = () => apiError(403, 'FORBIDDEN');
    expect(await help.start({ bsn: '999993653', purpose: 'upload_documents' })).toEqual({
      ok: false,
      code: 'FORBIDDEN',
    });
    expect(calls(fetchMock, '/api/session')).toBe(1);
    expect(calls(fetchMock, '/api/staff/me')).toBe(0);
  });

  it('says whether the server heard the end; forgetting the resident then logs them out', async () => {
    let answer = () => new Response(null, { status: 204 });
    const fetchMock = mockFetch({
      'POST /api/staff/assist/end': () => answer(),
      'POST /api/auth/logout': () => new Response(null, { status: 204 }),
    });
    const help = useAssistStore();
    expect(await help.end()).toBe(true);
    answer = () => Promise.reject(new TypeError('Failed to fetch')) as never;
    expect(await help.end()).toBe(false);
    await help.forgetResident();
    expect(calls(fetchMock, '/api/auth/logout')).toBe(1);
  });
});
