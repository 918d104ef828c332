import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import App from '../App.vue';
import UpdateBanner from './UpdateBanner.vue';
import { pwaUpdate } from '../setup/pwa';
import { createHarness } from '../testing/harness';

afterEach(() => {
  Object.assign(pwaUpdate, { available: false, dismissed: false, accept: undefined });
  delete document.documentElement.dataset.deviceMode;
  document.body.innerHTML = '';
});

describe('update banner', () => {
  beforeEach(() => {
    pwaUpdate.available = true;
  });

  it('offers the update in plain Dutch; "Nu vernieuwen" accepts it', async () => {
    const { plugins } = await createHarness('nl');
    const accept = vi.fn();
    pwaUpdate.accept = accept;
    const wrapper = mount(UpdateBanner, { global: { plugins: [...plugins] } });
    expect(wrapper.text()).toContain('Er is een nieuwe versie van Loket. Herlaad de pagina om die te gebruiken.');
    await wrapper.get('button.utrecht-button--primary-action').trigger('click');
    expect(wrapper.get('button.utrecht-button--primary-action').text()).toBe('Nu vernieuwen');
    expect(accept).toHaveBeenCalledOnce();
  });

  it('"Later" hides it for this page', async () => {
    const { plugins } = await createHarness('nl');
    const wrapper = mount(UpdateBanner, { global: { plugins: [...plugins] } });
    const later = wrapper.findAll('button').find((b) => b.text() === 'Later')!;
    await later.trigger('click');
    expect(pwaUpdate.dismissed).toBe(true);
    expect(wrapper.get('[role="status"]').text()).toBe('');
  });

  it('asks to finish first on a shared device, where typed text is not kept', async () => {
    document.documentElement.dataset.deviceMode = 'shared';
    const { plugins } = await createHarness('nl');
    const wrapper = mount(UpdateBanner, { global: { plugins: [...plugins] } });
    expect(wrapper.text()).toContain('Maak eerst af waar u mee bezig bent.');
  });

  it('speaks English too', async () => {
    const { plugins } = await createHarness('en');
    const wrapper = mount(UpdateBanner, { global: { plugins: [...plugins] } });
    expect(wrapper.text()).toContain('There is a new version of Loket.');
    expect(wrapper.text()).toContain('Update now');
  });
});

describe('update banner in the app shell', () => {
  it('appears inside an existing status region without taking focus', async () => {
    const { plugins } = await createHarness('nl');
    const wrapper = mount(App, { global: { plugins: [...plugins] }, attachTo: document.body });
    const region = wrapper.get('[role="status"]');
    expect(region.text()).toBe('');

    // The resident is typing somewhere on the page when the new version arrives.
    const field = document.createElement('input');
    document.getElementById('main')!.append(field);
    field.focus();

    pwaUpdate.available = true;
    await vi.waitFor(() => expect(region.text()).toContain('Er is een nieuwe versie van Loket.'));
    expect(document.activeElement).toBe(field);
    expect(wrapper.find('[role="dialog"]').exists()).toBe(false);

    pwaUpdate.dismissed = true;
    await flushPromises();
    expect(region.text()).toBe('');
    wrapper.unmount();
  });
});
