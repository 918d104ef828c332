/**
 * Code kept for offline use after first use (issue 16). The service worker installs only what
 * residents load (src/client/build/precache-files.ts); the rest (staff areas, pdf-lib) is
 * fetched when first needed, and the worker keeps it in this cache, but only on a personal
 * device. The worker cannot read the device mode (localStorage), so the cache's existence is
 * the sign: the page creates it on a personal device and deletes it on a shared one, at every
 * start and whenever the mode changes. No cache, nothing kept: a worker that restarted or a
 * kiosk never writes. Build files only (never /api): nothing personal is in it either way.
 */
export const KEPT_ASSETS_CACHE = 'loket-kept-assets';

/** Creates or deletes the cache for the device's mode; quiet where Cache Storage is off. */
export function keepAssetsOnThisDevice(mode: 'personal' | 'shared'): Promise<void> {
  const storage = globalThis.caches as CacheStorage | undefined;
  if (!storage) return Promise.resolve();
  const change = mode === 'personal' ? storage.open(KEPT_ASSETS_CACHE) : storage.delete(KEPT_ASSETS_CACHE);
  return change.then(
    () => undefined,
    () => undefined,
  );
}
