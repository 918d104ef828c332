/**
 * Answers the boot script asked for are taken once by the API client, only shortly after the
 * page started, and never after a session ended.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { apiError, json, mockFetch } from '../testing/harness';
import type { EarlyAnswers } from './early-answers';
import { ApiError, apiRequest, cancelPendingRequests, getJson, onUnauthorized } from './http';

const boot = globalThis as { loketEarlyAnswers?: EarlyAnswers };

function bootAsked(answers: Record<string, Response | Promise<Response>>, startedAt = performance.now()) {
  boot.loketEarlyAnswers = {
    startedAt,
    answers: new Map(Object.entries(answers).map(([path, answer]) => [path, Promise.resolve(answer)])),
  };
}

beforeEach(() => {
  vi.useRealTimers();
});
afterEach(() => {
  delete boot.loketEarlyAnswers;
  vi.unstubAllGlobals();
});

describe('early answers', () => {
  it('are taken once: the next request for the same path goes to the server', async () => {
    const fetchMock = mockFetch({ 'GET /api/applications': () => json({ applications: ['from the server'] }) });
    bootAsked({ '/api/applications': json({ applications: ['early'] }) });
    expect(await getJson('/api/applications')).toEqual({ applications: ['early'] });
    expect(fetchMock).not.toHaveBeenCalled();
    expect(await getJson('/api/applications')).toEqual({ applications: ['from the server'] });
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('are not used once the page is older than a request may take', async () => {
    mockFetch({ 'GET /api/me': () => json({ who: 'now' }) });
    bootAsked({ '/api/me': json({ who: 'long ago' }) }, performance.now() - 21_000);
    expect(await getJson('/api/me')).toEqual({ who: 'now' });
  });

  it('are dropped when the session ends', async () => {
    mockFetch({ 'GET /api/me': () => apiError(401, 'UNAUTHENTICATED') });
    bootAsked({ '/api/me': json({ resident: 'the one before' }) });
    cancelPendingRequests();
    await expect(getJson('/api/me')).rejects.toMatchObject({ status: 401 });
  });

  it('answer only a plain GET of the same path', async () => {
    const fetchMock = mockFetch({ 'POST /api/applications': () => json({ posted: true }) });
    bootAsked({ '/api/applications': json({ applications: [] }) });
    expect(await apiRequest('/api/applications', { method: 'POST', json: {}, idempotencyKey: 'k' })).toEqual({
      posted: true,
    });
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('are handled like any answer: a 401 reaches the session, a failure is a NETWORK_ERROR', async () => {
    const unauthorized = vi.fn();
    const stop = onUnauthorized(unauthorized);
    mockFetch({});
    bootAsked({ '/api/notifications/unread': apiError(401, 'UNAUTHENTICATED') });
    boot.loketEarlyAnswers!.answers.set('/api/applications', Promise.reject(new TypeError('Failed to fetch')));
    await expect(getJson('/api/notifications/unread')).rejects.toMatchObject({ status: 401 });
    expect(unauthorized).toHaveBeenCalledWith('/api/notifications/unread');
    const failure = await getJson('/api/applications').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApiError);
    expect(failure).toMatchObject({ code: 'NETWORK_ERROR' });
    stop();
  });
});
