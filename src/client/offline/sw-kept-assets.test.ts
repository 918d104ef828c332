/**
 * Code fetched after the install (staff areas, pdf-lib) is kept for offline use only where the
 * page made the kept-assets cache (a personal device), and served from there from then on.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { KEPT_ASSETS_CACHE } from './kept-assets';
import { KEPT_ASSETS_MAX, keptAsset } from './sw-kept-assets';

/** Cache Storage in memory, as far as the worker uses it. */
function memoryCaches() {
  const stores = new Map<string, Map<string, Response>>();
  const cacheOf = (entries: Map<string, Response>) => ({
    match: async (request: Request) => entries.get(request.url)?.clone(),
    put: async (request: Request, response: Response) => void entries.set(request.url, response),
    keys: async () => [...entries.keys()].map((url) => new Request(url)),
    delete: async (request: Request) => entries.delete(request.url),
  });
  return {
    stores,
    has: async (name: string) => stores.has(name),
    open: async (name: string) => {
      if (!stores.has(name)) stores.set(name, new Map());
      return cacheOf(stores.get(name)!);
    },
    delete: async (name: string) => stores.delete(name),
  };
}

let storage: ReturnType<typeof memoryCaches>;
const answer = async (request: Request) => new Response(`code of ${new URL(request.url).pathname}`);
const network = vi.fn(answer);

async function load(path: string): Promise<string> {
  const work: Array<Promise<unknown>> = [];
  const response = await keptAsset(new Request(`https://loket.example${path}`), (promise) => work.push(promise));
  await Promise.all(work);
  return response.text();
}

beforeEach(() => {
  storage = memoryCaches();
  vi.stubGlobal('caches', storage);
  vi.stubGlobal('fetch', network);
  network.mockReset();
  network.mockImplementation(answer);
});
afterEach(() => vi.unstubAllGlobals());

describe('kept build files', () => {
  it('on a personal device: fetched once, then served from the cache (offline too)', async () => {
    await storage.open(KEPT_ASSETS_CACHE);
    expect(await load('/assets/area-X1.js')).toBe('code of /assets/area-X1.js');
    expect(network).toHaveBeenCalledTimes(1);
    network.mockRejectedValueOnce(new TypeError('offline'));
    expect(await load('/assets/area-X1.js')).toBe('code of /assets/area-X1.js');
    expect(network).toHaveBeenCalledTimes(1);
  });

  it('on a shared device (no cache): fetched every time, nothing written anywhere', async () => {
    expect(await load('/assets/pdf-X2.js')).toBe('code of /assets/pdf-X2.js');
    expect(await load('/assets/pdf-X2.js')).toBe('code of /assets/pdf-X2.js');
    expect(network).toHaveBeenCalledTimes(2);
    expect(storage.stores.size).toBe(0);
  });

  it('keeps at most KEPT_ASSETS_MAX files, dropping the oldest', async () => {
    await storage.open(KEPT_ASSETS_CACHE);
    for (let i = 0; i <= KEPT_ASSETS_MAX; i += 1) await load(`/assets/chunk-${i}.js`);
    const kept = storage.stores.get(KEPT_ASSETS_CACHE)!;
    expect(kept.size).toBe(KEPT_ASSETS_MAX);
    expect(kept.has('https://loket.example/assets/chunk-0.js')).toBe(false);
  });

  it('does not keep a failed answer', async () => {
    await storage.open(KEPT_ASSETS_CACHE);
    network.mockResolvedValueOnce(new Response('gone', { status: 404 }));
    await load('/assets/old-X3.js');
    expect(storage.stores.get(KEPT_ASSETS_CACHE)!.size).toBe(0);
  });
});
