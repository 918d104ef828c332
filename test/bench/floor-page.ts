/**
 * The floor of the resident's view (issue 16): the same throttled browser opening a page that
 * holds the status text in its HTML and runs nothing: no script, no stylesheet, no font, no
 * data to fetch. No page of Loket can show the status sooner than this, whatever its
 * architecture (server rendering included), so the bench prints it beside the goals.
 *
 * Cold: the page from a bare node:http server on this machine. Warm: the page from a service
 * worker that answers from Cache Storage (what Loket's own worker does with index.html), so the
 * figure includes starting a worker, as every warm load of an installed app does.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The same markup the bench looks for on Loket's /aanvragen (STATUS_SELECTOR there). */
const PAGE = `<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Mijn aanvragen</title></head>
<body><main><h1>Mijn aanvragen</h1>
<article class="loket-card"><h2>Algemene bijstand</h2>
<dl class="utrecht-data-list"><div><dt>Status</dt><dd class="utrecht-data-list__item-value">In behandeling</dd></div></dl>
</article></main></body></html>`;

/** Installs by caching the page; answers every navigation with it. */
const WORKER = `
self.addEventListener('install', (event) => {
  event.waitUntil(caches.open('floor').then((cache) => cache.add('/aanvragen')).then(() => self.skipWaiting()));
});
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));
self.addEventListener('fetch', (event) => {
  if (event.request.mode === 'navigate') event.respondWith(caches.match('/aanvragen'));
});`;

/** The page that installs the worker (the warm runs' first, unthrottled visit). */
const INSTALL_PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>install</title></head><body>
<script>navigator.serviceWorker.register('/floor-sw.js');</script></body></html>`;

export interface FloorServer {
  origin: string;
  stop: () => Promise<void>;
}

export async function startFloorServer(): Promise<FloorServer> {
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://floor').pathname;
    const [type, body] =
      path === '/floor-sw.js'
        ? ['text/javascript', WORKER]
        : path === '/install'
          ? ['text/html; charset=utf-8', INSTALL_PAGE]
          : ['text/html; charset=utf-8', PAGE];
    response.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
    response.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
