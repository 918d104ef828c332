// The app mounts once its first screen is complete (issue 7: no layout shift after the first paint).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApp } from 'vue';
import { createPinia, setActivePinia } from 'pinia';
import { createMemoryHistory } from 'vue-router';
import { createAppRouter } from '../router';
import { resetPlugin } from '../stores/reset';
import { useConfigStore } from '../stores/config';
import { useInboxCountStore } from '../stores/inbox-count';
import { config, json, me, mockFetch } from '../testing/harness';
import { serverStatePlugin } from '../server-render/server-state';
import { MOUNT_AT_THE_LATEST_MS, firstScreenReady } from './first-screen';

/** A response the test answers when it likes. */
function held() {
  let answer!: (response: Response) => void;
  const response = new Promise<Response>((resolve) => {
    answer = resolve;
  });
  return { response: () => response, answer };
}

/** As main.ts: pinia, the router started at `path` (as app.use(router) starts it), the config loading. */
function boot(path: string, serverState?: Parameters<typeof serverStatePlugin>[0]) {
  const pinia = createPinia();
  pinia.use(resetPlugin);
  createApp({}).use(pinia);
  if (serverState) pinia.use(serverStatePlugin(serverState));
  setActivePinia(pinia);
  const router = createAppRouter(pinia, createMemoryHistory());
  void router.push(path);
  if (!serverState) void useConfigStore(pinia).load();
  let ready = false;
  const promise = firstScreenReady(pinia, router, Promise.resolve(), { rendered: !!serverState }).then(() => {
    ready = true;
  });
  return { pinia, router, promise, isReady: () => ready };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('first screen', () => {
  it('signed in: waits for the config, the session, the page and the unread count, asked once', async () => {
    const configAnswer = held();
    const unreadAnswer = held();
    const fetchMock = mockFetch({
      'GET /api/config': configAnswer.response,
      'GET /api/session': () => json({ me }),
      'GET /api/notifications/unread': unreadAnswer.response,
    });
    const { pinia, router, promise, isReady } = boot('/aanvragen');

    await vi.waitFor(() => expect(fetchMock).toHaveBeenCalledWith('/api/notifications/unread', expect.anything()));
    await router.isReady();
    await settle();
    expect(isReady()).toBe(false);

    configAnswer.answer(json(config));
    await settle();
    expect(isReady()).toBe(false);

    unreadAnswer.answer(json({ unread: 2 }));
    await promise;
    expect(useInboxCountStore(pinia).unread).toBe(2);
    expect(useConfigStore(pinia).shortName).toBe('WIL');
    expect(fetchMock.mock.calls.filter(([url]) => url === '/api/notifications/unread')).toHaveLength(1);
  });

  it('signed out: no unread count is asked for', async () => {
    const fetchMock = mockFetch({
      'GET /api/config': () => json(config),
      'GET /api/session': () => json({ me: null }),
    });
    const { promise } = boot('/');
    await promise;
    expect(fetchMock.mock.calls.map(([url]) => url).sort()).toEqual(['/api/config', '/api/session']);
  });

  it('rendered by the server: asks for nothing the page brought along (session, config, unread count)', async () => {
    const fetchMock = mockFetch({
      'GET /api/config': () => json(config),
      'GET /api/session': () => json({ me }),
      'GET /api/notifications/unread': () => json({ unread: 5 }),
    });
    const { pinia, promise } = boot('/aanvragen', {
      session: { me, status: 'authenticated', hadSession: true },
      config: { config, status: 'ready' },
      'inbox-count': { unread: 2 },
    });
    await promise;
    await settle();
    expect(useInboxCountStore(pinia).unread).toBe(2);
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('a stalled network does not keep the screen blank: it mounts after the longest wait', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    mockFetch({
      'GET /api/config': () => new Promise<Response>(() => {}),
      'GET /api/session': () => new Promise<Response>(() => {}),
    });
    const { promise, isReady } = boot('/aanvragen');
    await vi.advanceTimersByTimeAsync(MOUNT_AT_THE_LATEST_MS - 1);
    expect(isReady()).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await promise;
    expect(isReady()).toBe(true);
  });
});
