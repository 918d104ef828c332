/**
 * The service worker's rules, with Workbox replaced by spies: which navigations get the app
 * shell or the page rendered on the server, and which never do (the browser journeys in
 * test/e2e/pwa.spec.ts and server-render.spec.ts run the real one).
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';

const workbox = vi.hoisted(() => ({
  precacheAndRoute: vi.fn(),
  cleanupOutdatedCaches: vi.fn(),
  createHandlerBoundToURL: vi.fn((url: string) => async () => new Response(`shell of ${url}`)),
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
vi.mock('workbox-strategies', () => ({ NetworkOnly: class NetworkOnly {} }));
vi.mock('./offline/sw-replay', () => ({
  OUTBOX_SYNC_TAG: 'loket-outbox',
  replayOutboxFromServiceWorker: workbox.replay,
}));

const manifest = [
  { url: 'index.html', revision: 'shell-revision-1' },
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
    navigator: { onLine: true },
    setTimeout: (callback: () => void, ms: number) => setTimeout(callback, ms),
  });
  await import('./sw');
  atStart.precached = [...workbox.precacheAndRoute.mock.calls];
  atStart.cleanedUp = workbox.cleanupOutdatedCaches.mock.calls.length;
  atStart.routes = [...workbox.registerRoute.mock.calls];
});

/** What the navigation route answers for `path`, with this navigation preload. */
async function navigate(path: string, preloadResponse: Promise<Response> | undefined): Promise<Response> {
  const handler = workbox.navigationRoutes[0]!.handler as (options: { event: unknown }) => Promise<Response>;
  const event = {
    request: new Request(new URL(path, 'https://loket.example')),
    preloadResponse: preloadResponse ?? Promise.resolve(undefined),
    waitUntil: () => undefined,
  };
  return handler({ event });
}

function navigationHandled(path: string): boolean {
  const { denylist } = workbox.navigationRoutes[0]!.options;
  return !denylist.some((pattern) => pattern.test(path));
}

describe('service worker', () => {
  it('precaches exactly the build files it was given, and answers navigations with index.html', async () => {
    expect(atStart.precached).toEqual([[manifest]]);
    expect(atStart.cleanedUp).toBe(1);
    expect(workbox.navigationRoutes).toHaveLength(1);
    const answer = await navigate('/toegankelijkheid', undefined);
    expect(await answer.text()).toBe('shell of index.html');
    // The navigation route, the network's answer for the others, the kept build files
    // (offline/sw-kept-assets.ts): nothing else.
    expect(atStart.routes).toHaveLength(3);
  });

  it.each([
    ['a rendered page of its own build', 200, 'shell-revision-1', 'rendered'],
    ['a page of another build', 200, 'shell-revision-2', 'shell of index.html'],
    ['the server rendering nothing', 204, null, 'shell of index.html'],
    ['no answer (offline)', 'offline', null, 'shell of index.html'],
  ] as const)('answers a rendered page with %s', async (_case, status, revision, shown) => {
    const preload =
      status === 'offline'
        ? Promise.reject(new TypeError('Failed to fetch'))
        : Promise.resolve(
            new Response(status === 204 ? null : 'rendered', {
              status,
              headers: revision ? { 'loket-shell-revision': revision } : {},
            }),
          );
    const answer = await navigate('/aanvragen', preload);
    expect(await answer.text()).toBe(shown);
  });

  it("gives the navigations it never answers from its cache the network's own answer, online only", () => {
    const [match, handler] = atStart.routes[1]! as [
      (options: { url: URL; request: { mode: string } }) => boolean,
      unknown,
    ];
    const to = (path: string) => ({ url: new URL(path, 'https://loket.example'), request: { mode: 'navigate' } });
    expect(handler?.constructor.name).toBe('NetworkOnly');
    expect(match(to('/api/auth/login?returnTo=%2Faanvragen'))).toBe(true);
    expect(match(to('/idp/interaction/abc'))).toBe(true);
    expect(match(to('/aanvragen'))).toBe(false);
    (self as unknown as { navigator: { onLine: boolean } }).navigator.onLine = false;
    expect(match(to('/api/auth/login'))).toBe(false);
    (self as unknown as { navigator: { onLine: boolean } }).navigator.onLine = true;
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
