// The device mode in the app: a library's URL, <html data-device-mode>, and the start page's question.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { DEVICE_MODE_STORAGE_KEY } from '../../domain/device-mode';
import StartPage from '../pages/start/StartPage.vue';
import { reloadDeviceSetting, useDeviceStore } from '../stores/device';
import { useConfigStore } from '../stores/config';
import { config, createHarness, json, mockFetch } from '../testing/harness';
import { installOffline } from './install';

afterEach(() => {
  localStorage.clear();
  reloadDeviceSetting();
  window.history.replaceState({}, '', '/');
  vi.unstubAllGlobals();
});

async function renderStart() {
  mockFetch({
    'GET /api/config': () => json(config),
    'GET /api/session': () => json({ me: null }),
  });
  const harness = await createHarness('nl', { startAt: '/' });
  await useConfigStore(harness.pinia).load();
  const wrapper = mount(StartPage, { global: { plugins: [...harness.plugins] } });
  await flushPromises();
  return { ...harness, wrapper };
}

describe('device mode', () => {
  it('a library makes a kiosk with ?apparaat=gedeeld; it survives a restart and shows on <html>', async () => {
    window.history.replaceState({}, '', '/?apparaat=gedeeld');
    const { pinia, router } = await createHarness('nl');
    installOffline(pinia, router);
    await vi.waitFor(() => expect(useDeviceStore(pinia).mode).toBe('shared'));
    await flushPromises();
    expect(document.documentElement.dataset.deviceMode).toBe('shared');
    expect(JSON.parse(localStorage.getItem(DEVICE_MODE_STORAGE_KEY)!)).toEqual({ mode: 'shared', setBy: 'library' });

    reloadDeviceSetting(); // as after a restart
    expect(useDeviceStore(pinia).mode).toBe('shared');

    window.history.replaceState({}, '', '/?apparaat=persoonlijk');
    installOffline(pinia, router);
    await vi.waitFor(() => expect(localStorage.getItem(DEVICE_MODE_STORAGE_KEY)).toBeNull());
    await flushPromises();
    expect(document.documentElement.dataset.deviceMode).toBe('personal');
  });

  it('the start page asks the resident, before login, with a labelled yes/no question', async () => {
    const { wrapper, pinia } = await renderStart();
    const group = wrapper.find('fieldset');
    expect(group.find('legend').text()).toBe('Is dit een computer die ook andere mensen gebruiken?');
    expect(group.attributes('aria-describedby')).toBe('device-hint');
    const [yes, no] = group.findAll('input[type="radio"]');
    expect((no!.element as HTMLInputElement).checked).toBe(true);
    await yes!.setValue(true);
    await vi.waitFor(() => expect(useDeviceStore(pinia).mode).toBe('shared'));
    expect(JSON.parse(localStorage.getItem(DEVICE_MODE_STORAGE_KEY)!)).toEqual({ mode: 'shared', setBy: 'resident' });
    await no!.setValue(true);
    await vi.waitFor(() => expect(useDeviceStore(pinia).mode).toBe('personal'));
    expect(localStorage.getItem(DEVICE_MODE_STORAGE_KEY)).toBeNull();
  });

  it("on a library's kiosk the start page says so instead of asking", async () => {
    localStorage.setItem(DEVICE_MODE_STORAGE_KEY, JSON.stringify({ mode: 'shared', setBy: 'library' }));
    reloadDeviceSetting();
    const { wrapper } = await renderStart();
    expect(wrapper.find('fieldset').exists()).toBe(false);
    expect(wrapper.text()).toContain('Wij bewaren niets van u op deze computer.');
  });
});
