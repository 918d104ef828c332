/**
 * A library kiosk (shared device) with a resident signed in: "Stop en wis" in the header, the
 * idle dialog after 3 minutes with its 60-second countdown and "Doorgaan", and the end of the
 * session that asks the server to clear the site and wipes the page. Time is faked (setTimeout
 * and Date), as Playwright's page.clock does in test/e2e/kiosk.spec.ts.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import App from '../../App.vue';
import { DEVICE_MODE_STORAGE_KEY } from '../../../domain/device-mode';
import type { OutboxItem } from '../../../domain/outbox';
import { installConsortium } from '../../setup/consortium';
import { installSessionExpiry } from '../../setup/session-expiry';
import { reloadDeviceSetting } from '../../stores/device';
import { useOutboxStore } from '../../stores/outbox';
import { config, createHarness, json, me, mockFetch, summary } from '../../testing/harness';

const cleanups: Array<() => void> = [];

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
  localStorage.setItem(DEVICE_MODE_STORAGE_KEY, JSON.stringify({ mode: 'shared', setBy: 'library' }));
  reloadDeviceSetting();
  // Nothing of IndexedDB or Cache Storage in happy-dom: stand-ins that record what is wiped.
  vi.stubGlobal('indexedDB', {
    databases: () => Promise.resolve([]),
    deleteDatabase: () => {
      const request: { onsuccess?: () => void } = {};
      queueMicrotask(() => request.onsuccess?.());
      return request;
    },
  });
  vi.stubGlobal('caches', {
    keys: () => Promise.resolve(['workbox-precache-v2-x', 'other']),
    delete: vi.fn(() => Promise.resolve(true)),
  });
});
afterEach(() => {
  cleanups.splice(0).forEach((cleanup) => cleanup());
  vi.useRealTimers();
  localStorage.clear();
  reloadDeviceSetting();
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

async function kioskApp() {
  let signedIn = true;
  const fetchMock = mockFetch({
    'GET /api/config': () => json(config),
    'GET /api/session': () => json({ me: signedIn ? me : null }),
    'GET /api/applications': () => json({ applications: [summary({ id: 'a1', reference: 'R-1' })] }),
    'POST /api/auth/logout?wissen=alles': () => ((signedIn = false), new Response(null, { status: 204 })),
  });
  // Timers and Date only: promises and Vue's scheduler run as usual.
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  const harness = await createHarness('nl', { startAt: '/aanvragen' });
  installConsortium(harness.pinia);
  cleanups.push(installSessionExpiry(harness.pinia, harness.router));
  const wrapper = mount(App, { global: { plugins: [...harness.plugins] }, attachTo: document.body });
  cleanups.push(() => wrapper.unmount());
  // The dialog (and its timer) is a lazy chunk: on a busy machine its first load takes a while.
  await vi.waitFor(
    async () => {
      await flushPromises();
      expect(document.querySelector('dialog.loket-idle-dialog')).not.toBeNull();
    },
    { timeout: 10_000 },
  );
  const dialog = () => document.querySelector<HTMLDialogElement>('dialog.loket-idle-dialog');
  const button = (name: string) => [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === name);
  const advance = async (ms: number) => {
    await vi.advanceTimersByTimeAsync(ms);
    await flushPromises();
  };
  return { ...harness, wrapper, fetchMock, dialog, button, advance };
}

// Each test mounts the whole app and loads lazy pages: slow on a busy 2-core machine.
describe('kiosk session', { timeout: 30_000 }, () => {
  it('shows "Stop en wis" instead of "Uitloggen", which ends the session, wipes, and says so', async () => {
    const { wrapper, router, pinia, fetchMock, button } = await kioskApp();
    expect(button('Uitloggen')).toBeUndefined();
    localStorage.setItem('loket.locale', 'nl');
    sessionStorage.setItem('x', 'y');
    button('Stop en wis')!.click();
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe('/?reden=gewist'), { timeout: 10_000 });
    await flushPromises();

    expect(fetchMock).toHaveBeenCalledWith(
      '/api/auth/logout?wissen=alles',
      expect.objectContaining({ method: 'POST' }),
    );
    expect(wrapper.text()).toContain('Uw sessie is gestopt. Wij hebben alles van u van deze computer gewist.');
    expect(JSON.stringify(pinia.state.value)).not.toContain('Fatima');
    expect(Object.keys(localStorage)).toEqual([DEVICE_MODE_STORAGE_KEY]);
    expect(sessionStorage.length).toBe(0);
    expect((globalThis.caches as unknown as { delete: ReturnType<typeof vi.fn> }).delete.mock.calls).toEqual([
      ['other'],
    ]);
  });

  it('after 3 minutes without input asks "Bent u er nog?"; Doorgaan keeps the session and starts counting again', async () => {
    const { wrapper, router, fetchMock, dialog, button, advance } = await kioskApp();
    await advance(2 * 60_000);
    // Input postpones the question: 3 minutes from the last key, not from the start.
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Tab' }));
    await advance(2 * 60_000);
    expect(dialog()!.open).toBe(false);
    await advance(60_000);

    expect(dialog()!.open).toBe(true);
    expect(dialog()!.getAttribute('role')).toBe('alertdialog');
    expect(document.getElementById(dialog()!.getAttribute('aria-labelledby')!)!.textContent).toBe('Bent u er nog?');
    expect(document.getElementById(dialog()!.getAttribute('aria-describedby')!)!.textContent).toContain(
      'U deed 3 minuten niets.',
    );
    expect(dialog()!.querySelector('[role="timer"]')!.textContent).toBe('Nog 60 seconden');
    expect(document.activeElement?.textContent?.trim()).toBe('Doorgaan');
    // Polite, and not every second: silent at 59..31, speaks at 30.
    const live = dialog()!.querySelector('[aria-live="polite"]')!;
    await advance(20_000);
    expect(dialog()!.querySelector('[role="timer"]')!.textContent).toBe('Nog 40 seconden');
    expect(live.textContent).toBe('');
    await advance(10_000);
    expect(live.textContent).toBe('Nog 30 seconden');
    // A touch on the screen does not answer the question: only Doorgaan does.
    window.dispatchEvent(new Event('pointerdown'));

    const callsBefore = fetchMock.mock.calls.filter(([url]) => url === '/api/session').length;
    button('Doorgaan')!.click();
    await flushPromises();
    expect(dialog()!.open).toBe(false);
    // The server's idle timeout restarts too.
    expect(fetchMock.mock.calls.filter(([url]) => url === '/api/session').length).toBe(callsBefore + 1);
    await advance(2 * 60_000 + 59_000);
    expect(dialog()!.open).toBe(false);
    expect(router.currentRoute.value.name).toBe('applications');
    expect(wrapper.text()).toContain('Fatima');
  });

  it('at 0 ends the session and wipes; the dialog warned that an unsent upload would be lost', async () => {
    const { wrapper, router, pinia, fetchMock, dialog, advance } = await kioskApp();
    const outbox = useOutboxStore(pinia);
    outbox.items = [
      { id: 'o1', state: 'sending', kind: 'document', createdAt: '2026-11-28T10:00:00Z' } as unknown as OutboxItem,
    ];
    await flushPromises();
    // The header says it next to "Stop en wis" too.
    expect(wrapper.find('header').text()).toContain(
      'Er is nog iets niet verstuurd. Stopt u nu? Dan gaat het verloren.',
    );

    await advance(3 * 60_000);
    expect(dialog()!.open).toBe(true);
    expect(dialog()!.getAttribute('aria-describedby')).toBe('idle-text idle-unsent');
    expect(dialog()!.textContent).toContain('Er is nog iets niet verstuurd.');

    await advance(60_000);
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe('/?reden=gewist-inactief'), {
      timeout: 10_000,
    });
    await flushPromises();
    expect(fetchMock).toHaveBeenCalledWith(
      '/api/auth/logout?wissen=alles',
      expect.objectContaining({ method: 'POST' }),
    );
    expect(wrapper.text()).toContain('U deed een tijd niets. Daarom is uw sessie gestopt.');
    expect(wrapper.text()).not.toContain('Fatima');
    expect(outbox.items).toEqual([]);
    expect(document.querySelector('dialog.loket-idle-dialog')).toBeNull();
  });
});
