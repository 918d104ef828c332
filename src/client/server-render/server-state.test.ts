/** The server's state in the browser's stores, and gone when the session ends (shared devices). */
import { createApp } from 'vue';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { resetAllStores, resetPlugin } from '../stores/reset';
import { useApplicationsStore } from '../stores/applications';
import { reloadDeviceSetting, setOnline } from '../stores/device';
import { DEVICE_MODE_STORAGE_KEY } from '../../domain/device-mode';
import { cameWithThisPage, firstRenderIsTheServers, serverStatePlugin, takeServerState } from './server-state';
import { STATE_ELEMENT_ID } from './state-element';

const fromServer = {
  applications: { applications: [{ id: 'a1' }], listStatus: 'ready' },
};

// As setup/pinia.ts and main.ts install them: the reset plugin, the app, then the server's state.
function piniaWith(stores: Record<string, unknown>) {
  const pinia = createPinia();
  pinia.use(resetPlugin);
  createApp({}).use(pinia);
  pinia.use(serverStatePlugin(stores));
  setActivePinia(pinia);
  return pinia;
}

describe('the state of a page the server rendered', () => {
  it('fills a store when it is created, and a session end empties it again', () => {
    const pinia = piniaWith(fromServer);
    const store = useApplicationsStore();
    expect(store.listStatus).toBe('ready');
    expect(store.applications).toEqual([{ id: 'a1' }]);

    resetAllStores(pinia);
    expect(store.applications).toEqual([]);
    expect(store.listStatus).toBe('idle');
  });

  it('is taken once, and only when the page is in the language this device shows', () => {
    const element = () => {
      const script = document.createElement('script');
      script.type = 'application/json';
      script.id = STATE_ELEMENT_ID;
      script.textContent = JSON.stringify({ locale: 'nl', stores: fromServer });
      document.head.append(script);
    };
    element();
    expect(takeServerState('en')).toBeNull();
    element();
    expect(takeServerState('nl')).toEqual(fromServer);
    expect(document.getElementById(STATE_ELEMENT_ID)).toBeNull();
    expect(takeServerState('nl')).toBeNull();
  });

  describe("the page's own first load", () => {
    // The edge we cannot run here: the server's answer, as fetch gives it.
    const requested: string[] = [];
    afterEach(() => {
      vi.unstubAllGlobals();
      requested.length = 0;
    });
    const serverAnswers = (body: unknown) =>
      vi.stubGlobal(
        'fetch',
        vi.fn(async (url: string) => {
          requested.push(url);
          return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
        }),
      );

    it('does not ask the server again for the list that came with the page; the next load does', async () => {
      piniaWith(fromServer);
      serverAnswers({ applications: [{ id: 'a2' }] });
      const store = useApplicationsStore();
      await store.loadList();
      expect(requested).toEqual([]);
      expect(store.applications).toEqual([{ id: 'a1' }]);

      await store.loadList();
      expect(requested).toEqual(['/api/applications']);
      expect(store.applications).toEqual([{ id: 'a2' }]);
    });

    it('does not ask again for the application that came with the page, but does for another one', async () => {
      piniaWith({ applications: { detail: { id: 'a1' }, detailId: 'a1', detailStatus: 'ready' } });
      serverAnswers({ id: 'a9' });
      const store = useApplicationsStore();
      await store.loadDetail('a1');
      expect(requested).toEqual([]);
      expect(store.detail).toEqual({ id: 'a1' });

      await store.loadDetail('a9');
      expect(requested).toEqual(['/api/applications/a9']);
    });

    it('asks the server as usual when the page came without that state', async () => {
      piniaWith({});
      serverAnswers({ applications: [] });
      expect(cameWithThisPage('applications')).toBe(false);
      await useApplicationsStore().loadList();
      expect(requested).toEqual(['/api/applications']);
    });
  });

  describe('taking the page over', () => {
    afterEach(() => {
      localStorage.clear();
      reloadDeviceSetting();
      vi.unstubAllGlobals();
    });

    it('is done on a personal device with a network: the server rendered for that', () => {
      expect(firstRenderIsTheServers()).toBe(true);
    });

    it('is not done on a kiosk, whose header the server does not know', () => {
      localStorage.setItem(DEVICE_MODE_STORAGE_KEY, JSON.stringify({ mode: 'shared', setBy: 'library' }));
      reloadDeviceSetting();
      expect(firstRenderIsTheServers()).toBe(false);
    });

    it('is not done when the browser says it is offline', () => {
      vi.stubGlobal('navigator', { ...navigator, onLine: false });
      expect(firstRenderIsTheServers()).toBe(false);
      setOnline(true);
    });
  });
});
