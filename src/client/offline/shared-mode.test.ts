/**
 * A library kiosk (shared mode): a whole session, a question that could not be sent, the warning
 * before logout, and afterwards nothing personal in any storage the page can write to. IndexedDB
 * is replaced by a recorder that fails the test if anything so much as opens it.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import App from '../App.vue';
import { DEVICE_MODE_STORAGE_KEY } from '../../domain/device-mode';
import { installConsortium } from '../setup/consortium';
import { installSessionExpiry } from '../setup/session-expiry';
import { reloadDeviceSetting } from '../stores/device';
import { config, createHarness, detail, json, me, mockFetch, summary } from '../testing/harness';
import { startOfflineRuntime } from './runtime';

const application = detail({ ...summary({ id: 'a1', reference: 'R-1' }) });
const cleanups: Array<() => void> = [];
const idbCalls: string[] = [];

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
  localStorage.setItem(DEVICE_MODE_STORAGE_KEY, JSON.stringify({ mode: 'shared', setBy: 'library' }));
  reloadDeviceSetting();
  idbCalls.length = 0;
  vi.stubGlobal(
    'indexedDB',
    new Proxy(
      {},
      {
        get: (_target, property) => (
          idbCalls.push(String(property)),
          // Deleting (the wipe at the end of the session) is allowed, and fails at once here.
          property === 'deleteDatabase'
            ? () => {
                throw new Error('no IndexedDB');
              }
            : () => Promise.reject(new Error('no IndexedDB'))
        ),
      },
    ),
  );
});
afterEach(() => {
  cleanups.splice(0).forEach((cleanup) => cleanup());
  localStorage.clear();
  reloadDeviceSetting();
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

describe('shared device (kiosk)', { timeout: 30_000 }, () => {
  it('warns before logout while a question is unsent, and leaves nothing personal behind', async () => {
    let signedIn = true;
    mockFetch({
      'GET /api/config': () => json(config),
      'GET /api/session': () => json({ me: signedIn ? me : null }),
      'GET /api/applications/a1': () => json(application),
      'POST /api/applications/a1/questions': () => Promise.reject(new TypeError('Failed to fetch')),
      // A shared device asks the server to clear the whole site (Clear-Site-Data).
      'POST /api/auth/logout?wissen=alles': () => ((signedIn = false), new Response(null, { status: 204 })),
    });
    const harness = await createHarness('nl', { startAt: '/aanvragen/a1' });
    installConsortium(harness.pinia);
    cleanups.push(installSessionExpiry(harness.pinia, harness.router));
    cleanups.push(startOfflineRuntime(harness.pinia, harness.router));
    const wrapper = mount(App, { global: { plugins: [...harness.plugins] }, attachTo: document.body });
    cleanups.push(() => wrapper.unmount());
    await vi.waitFor(
      async () => {
        await flushPromises();
        expect(wrapper.find('textarea').exists()).toBe(true);
      },
      { timeout: 10_000 },
    );

    await wrapper.find('textarea').setValue('Mijn vraag over de huurtoeslag van Fatima');
    await wrapper.find('form.loket-question-form').trigger('submit');
    await vi.waitFor(async () => {
      await flushPromises();
      expect(wrapper.text()).toContain('Wacht op verbinding');
    });

    // On a shared device "Uitloggen" is "Stop en wis" (components/kiosk).
    const logoutButton = () => wrapper.findAll('header button').find((b) => b.text() === 'Stop en wis')!;
    await logoutButton().trigger('click');
    await vi.waitFor(async () => {
      await flushPromises();
      expect(wrapper.find('header [role="alert"]').text()).toContain(
        'Uw vraag is nog niet verstuurd. Als u nu stopt, gaat die verloren.',
      );
    });
    expect(document.activeElement?.textContent?.trim()).toBe('Blijf ingelogd');
    await wrapper
      .findAll('header button')
      .find((b) => b.text() === 'Blijf ingelogd')!
      .trigger('click');
    await flushPromises();
    expect(wrapper.find('header [role="alert"]').exists()).toBe(false);
    expect(harness.router.currentRoute.value.name).toBe('application');

    await logoutButton().trigger('click');
    await vi.waitFor(async () => {
      await flushPromises();
      expect(wrapper.findAll('header button').some((b) => b.text() === 'Toch uitloggen')).toBe(true);
    });
    await wrapper
      .findAll('header button')
      .find((b) => b.text() === 'Toch uitloggen')!
      .trigger('click');
    await vi.waitFor(() => expect(harness.router.currentRoute.value.fullPath).toBe('/?reden=gewist'), {
      timeout: 10_000,
    });
    await flushPromises();

    expect(wrapper.text()).not.toContain('Fatima');
    expect(JSON.stringify(harness.pinia.state.value)).not.toMatch(/Fatima|huurtoeslag|R-1/);
    // The end of a shared session wipes web storage; only the kiosk setting is put back.
    expect(Object.keys(localStorage)).toEqual([DEVICE_MODE_STORAGE_KEY]);
    expect(Object.values(localStorage).join(' ')).not.toMatch(/Fatima|huurtoeslag|a1|rk-/);
    expect(sessionStorage.length).toBe(0);
    // Never opened; only deleted, whatever might be there (session/wipe-browser.ts).
    expect(idbCalls.filter((call) => call !== 'databases' && call !== 'deleteDatabase')).toEqual([]);
  });
});
