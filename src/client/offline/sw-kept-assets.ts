/// <reference lib="webworker" />
/**
 * The service worker's part of keeping code for offline use (src/client/sw.ts registers it for
 * /assets/; why and when: offline/kept-assets.ts).
 */
import { KEPT_ASSETS_CACHE } from './kept-assets';

/** Enough for both staff areas and pdf-lib over a few versions; the oldest go first. */
export const KEPT_ASSETS_MAX = 60;

/**
 * A build file the precache does not hold (staff areas, pdf-lib): from the kept-assets cache
 * when there, else from the network, kept when the page made that cache (a personal device:
 * src/client/offline/kept-assets.ts). Files under /assets/ have hashed names, so a kept copy is
 * never out of date; older versions' files just age out.
 */
export async function keptAsset(request: Request, waitUntil: (work: Promise<unknown>) => void): Promise<Response> {
  const cache = (await caches.has(KEPT_ASSETS_CACHE)) ? await caches.open(KEPT_ASSETS_CACHE) : undefined;
  const kept = await cache?.match(request);
  if (kept) return kept;
  const response = await fetch(request);
  if (cache && response.ok) {
    waitUntil(
      (async () => {
        await cache.put(request, response.clone());
        const keys = await cache.keys();
        await Promise.all(keys.slice(0, Math.max(0, keys.length - KEPT_ASSETS_MAX)).map((key) => cache.delete(key)));
      })().catch(() => undefined),
    );
  }
  return response;
}
