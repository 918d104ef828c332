/**
 * The service worker's rules, with Workbox replaced by spies: which navigations get the app
 * shell, and which never do (the browser journeys in test/e2e/pwa.spec.ts run the real one).
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';

const workbox = vi.hoisted(() => ({
  precacheAndRoute: vi.fn(),
  cleanupOutdatedCaches: vi.fn(),
  createHandlerBoundToURL: vi.fn((url: string) => ({ boundTo: url })),
  registerRoute: vi.fn(),
  clientsClaim: vi.fn(),
  navigationRoutes: [] as Array<{ handler: unknown; options: { denylist: RegExp[] } }>,
  replay: vi.fn(async () => undefined),
}));

vi.mock('workbox-precaching', () => ({
  precacheAndRoute: workbox.precacheAndRoute,
  cleanupOutdatedCaches: workbox.cleanupOutdatedCaches,
  createHandlerBoundToURL: workbox.createHandlerBoundToURL,
}));
vi.mock('workbox-routing', () => ({
  registerRoute: workbox.registerRoute,
  NavigationRoute: class {
    constructor(handler: unknown, options: { denylist: RegExp[] }) {
      workbox.navigationRoutes.push({ handler, options });
    }
  },
}));
vi.mock('workbox-core', () => ({ clientsClaim: workbox.clientsClaim }));
vi.mock('./offline/sw-replay', () => ({
  OUTBOX_SYNC_TAG: 'loket-outbox',
  replayOutboxFromServiceWorker: workbox.replay,
}));

const manifest = [
  { url: 'index.html', revision: 'abc' },
  { url: 'assets/index-X1.js', revision: null },
];
const listeners = new Map<string, (event: unknown) => void>();
const skipWaiting = vi.fn(async () => undefined);

// What the worker did at start-up, kept apart from the spies: vitest clears spy calls before each test.
const atStart = { precached: [] as unknown[][], cleanedUp: 0, routes: [] as unknown[][] };

beforeAll(async () => {
  // The worker's global scope, as far as sw.ts uses it.
  vi.stubGlobal('self', {
    __WB_MANIFEST: manifest,
    skipWaiting,
    addEventListener: (type: string, listener: (event: unknown) => void) => listeners.set(type, listener),
  });
  await import('./sw');
  atStart.precached = [...workbox.precacheAndRoute.mock.calls];
  atStart.cleanedUp = workbox.cleanupOutdatedCaches.mock.calls.length;
  atStart.routes = [...workbox.registerRoute.mock.calls];
});

function navigationHandled(path: string): boolean {
  const { denylist } = workbox.navigationRoutes[0]!.options;
  return !denylist.some((pattern) => pattern.test(path));
}

describe('service worker', () => {
  it('precaches exactly the build files it was given, and answers navigations with index.html', () => {
    expect(atStart.precached).toEqual([[manifest]]);
    expect(atStart.cleanedUp).toBe(1);
    expect(workbox.navigationRoutes).toHaveLength(1);
    expect(workbox.navigationRoutes[0]!.handler).toEqual({ boundTo: 'index.html' });
    // The navigation route and the kept build files (offline/sw-kept-assets.ts): nothing else.
    expect(atStart.routes).toHaveLength(2);
  });

  it.each([
    ['/assets/area-X1.js', 'GET', true],
    ['/assets/pdf-X2.js', 'GET', true],
    ['/api/applications', 'GET', false],
    ['/api/me', 'GET', false],
    ['/idp/auth', 'GET', false],
    ['/index.html', 'GET', false],
    ['/assets/x.js', 'POST', false],
  ])('keeps %s (%s) for offline use: %s', (path, method, kept) => {
    const match = atStart.routes[1]![0] as (options: { url: URL; sameOrigin: boolean; request: Request }) => boolean;
    const url = new URL(path, 'https://loket.example');
    expect(match({ url, sameOrigin: true, request: new Request(url, { method }) })).toBe(kept);
    expect(match({ url, sameOrigin: false, request: new Request(url, { method }) })).toBe(false);
  });

  it.each([
    '/',
    '/?bron=pwa',
    '/aanvragen',
    '/aanvragen/0b6f1d4e-1111-4c3a-9d7e-000000000001',
    '/toegankelijkheid',
    '/elders?x=1',
  ])('serves the app shell for the in-app route %s', (path) => expect(navigationHandled(path)).toBe(true));

  it.each([
    '/api',
    '/api/me',
    '/api/auth/login?returnTo=%2Faanvragen',
    '/api/auth/callback?code=abc&state=def',
    '/api/auth/logout',
    '/idp',
    '/idp/auth?client_id=loket-resident',
    '/idp/interaction/abc',
    '/manifest.webmanifest',
    '/sw.js',
    '/robots.txt',
    '/icons/icon-192.png',
    '/assets/index-X1.js?v=1',
  ])('never answers the navigation to %s', (path) => expect(navigationHandled(path)).toBe(false));

  it('waits for the resident: skips waiting only when asked', () => {
    expect(skipWaiting).not.toHaveBeenCalled();
    listeners.get('message')!({ data: { type: 'SOMETHING_ELSE' } });
    expect(skipWaiting).not.toHaveBeenCalled();
    listeners.get('message')!({ data: { type: 'SKIP_WAITING' } });
    expect(skipWaiting).toHaveBeenCalledOnce();
  });

  it('replays the outbox on the loket-outbox Background Sync, inside waitUntil', async () => {
    const waitUntil = vi.fn();
    listeners.get('sync')!({ tag: 'other', waitUntil });
    expect(waitUntil).not.toHaveBeenCalled();
    listeners.get('sync')!({ tag: 'loket-outbox', waitUntil });
    expect(workbox.replay).toHaveBeenCalledExactlyOnceWith({ throwIfUnsent: true });
    expect(waitUntil).toHaveBeenCalledWith(expect.any(Promise));
  });
});
