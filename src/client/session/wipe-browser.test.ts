// fetch is mocked at the edge (see testing/harness.ts); the real browser storages are checked in
// test/e2e/kiosk.spec.ts. Here Cache Storage and IndexedDB are small in-memory stand-ins.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEVICE_MODE_STORAGE_KEY } from '../../domain/device-mode';
import { reloadDeviceSetting } from '../stores/device';
import { useSessionStore } from '../stores/session';
import { createHarness, json, me, mockFetch } from '../testing/harness';
import { wipeBrowser } from './wipe-browser';

const PRECACHE = 'workbox-precache-v2-http://localhost/';

function fakeCaches(names: string[]) {
  const kept = new Set(names);
  return {
    kept,
    keys: () => Promise.resolve([...kept]),
    delete: (name: string) => Promise.resolve(kept.delete(name)),
  };
}

function fakeIndexedDb(names: string[], options: { databases?: boolean; blocked?: string } = {}) {
  const kept = new Set(names);
  const factory: Record<string, unknown> = {
    kept,
    deleteDatabase(name: string) {
      const request: Record<string, (() => void) | null> = { onsuccess: null, onerror: null, onblocked: null };
      setTimeout(() => {
        if (name === options.blocked) return request.onblocked?.();
        kept.delete(name);
        request.onsuccess?.();
      });
      return request;
    },
  };
  if (options.databases !== false)
    factory.databases = () => Promise.resolve([...kept].map((name) => ({ name, version: 1 })));
  return factory as { kept: Set<string> };
}

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
});
afterEach(() => {
  localStorage.clear();
  reloadDeviceSetting();
  vi.unstubAllGlobals();
});

describe('wiping the browser at the end of a shared session', () => {
  it('leaves only the app-shell precache, no database, no web storage, and no resident in memory', async () => {
    mockFetch({ 'GET /api/session': () => json({ me }) });
    const { pinia } = await createHarness('nl');
    const session = useSessionStore(pinia);
    await session.load();
    expect(session.me?.resident.name).toBe('Fatima el Amrani');

    const caches = fakeCaches([PRECACHE, 'documents-preview', 'workbox-runtime']);
    const indexedDb = fakeIndexedDb(['loket', 'tus-uploads', 'something-else']);
    vi.stubGlobal('caches', caches);
    vi.stubGlobal('indexedDB', indexedDb);
    localStorage.setItem('tus::fingerprint', '{"uploadUrl":"/api/uploads/1"}');
    sessionStorage.setItem('terug', '/aanvragen/a1');

    await wipeBrowser(pinia);

    expect([...caches.kept]).toEqual([PRECACHE]);
    expect([...indexedDb.kept]).toEqual([]);
    expect(localStorage.length).toBe(0);
    expect(sessionStorage.length).toBe(0);
    expect(session.me).toBeNull();
    expect(JSON.stringify(pinia.state.value)).not.toContain('Fatima');
  });

  it('keeps a library kiosk a kiosk: the device-mode setting is written back', async () => {
    localStorage.setItem(DEVICE_MODE_STORAGE_KEY, JSON.stringify({ mode: 'shared', setBy: 'library' }));
    reloadDeviceSetting();
    localStorage.setItem('other', 'x');
    const { pinia } = await createHarness('nl');
    vi.stubGlobal('caches', fakeCaches([]));
    vi.stubGlobal('indexedDB', fakeIndexedDb([]));

    await wipeBrowser(pinia);

    expect(Object.keys(localStorage)).toEqual([DEVICE_MODE_STORAGE_KEY]);
    expect(JSON.parse(localStorage.getItem(DEVICE_MODE_STORAGE_KEY)!)).toEqual({ mode: 'shared', setBy: 'library' });
  });

  it('without indexedDB.databases() deletes the databases it knows, and a blocked one does not hang', async () => {
    const { pinia } = await createHarness('nl');
    const indexedDb = fakeIndexedDb(['loket', 'unknown-to-us'], { databases: false });
    vi.stubGlobal('caches', undefined);
    vi.stubGlobal('indexedDB', indexedDb);
    await wipeBrowser(pinia);
    expect([...indexedDb.kept]).toEqual(['unknown-to-us']);

    const blocked = fakeIndexedDb(['loket'], { blocked: 'loket' });
    vi.stubGlobal('indexedDB', blocked);
    await expect(wipeBrowser(pinia)).resolves.toBeUndefined();
  });

  it('still clears memory and web storage when Cache Storage and IndexedDB refuse', async () => {
    mockFetch({ 'GET /api/session': () => json({ me }) });
    const { pinia } = await createHarness('nl');
    await useSessionStore(pinia).load();
    vi.stubGlobal('caches', { keys: () => Promise.reject(new DOMException('denied', 'SecurityError')) });
    vi.stubGlobal('indexedDB', {
      databases: () => Promise.reject(new Error('no')),
      deleteDatabase: () => {
        throw new Error('no');
      },
    });
    sessionStorage.setItem('x', 'y');

    await expect(wipeBrowser(pinia)).resolves.toBeUndefined();
    expect(sessionStorage.length).toBe(0);
    expect(useSessionStore(pinia).me).toBeNull();
  });
});
