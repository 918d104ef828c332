/** The server's state in the browser's stores, and gone when the session ends (shared devices). */
import { createApp } from 'vue';
import { createPinia, setActivePinia } from 'pinia';
import { describe, expect, it } from 'vitest';
import { resetAllStores, resetPlugin } from '../stores/reset';
import { useApplicationsStore } from '../stores/applications';
import { serverStatePlugin, takeServerState } from './server-state';
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
});
