// Personal fields on a shared device (kiosk): the browser must not remember them for the next
// person. On a personal device they keep their autofill tokens (WCAG 1.3.5).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, h } from 'vue';
import { mount } from '@vue/test-utils';
import { DEVICE_MODE_STORAGE_KEY } from '../../../domain/device-mode';
import HomeVisitForm from '../appointments/HomeVisitForm.vue';
import { useAppointmentsMessages } from '../appointments/messages';
import { reloadDeviceSetting } from '../../stores/device';
import { createHarness } from '../../testing/harness';

afterEach(() => {
  localStorage.clear();
  reloadDeviceSetting();
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

async function homeVisitFields(shared: boolean): Promise<Record<string, string | undefined>> {
  if (shared) localStorage.setItem(DEVICE_MODE_STORAGE_KEY, JSON.stringify({ mode: 'shared', setBy: 'library' }));
  reloadDeviceSetting();
  const harness = await createHarness('nl');
  const Wrapper = defineComponent({
    setup() {
      useAppointmentsMessages();
      // No registered address: the address fields show at once.
      return () => h(HomeVisitForm, { registeredAddress: null, applications: [] });
    },
  });
  const wrapper = mount(Wrapper, { global: { plugins: [...harness.plugins] }, attachTo: document.body });
  // "Anders": the free-text reason appears.
  await wrapper.find('input[name="hv-reason"][value="other"]').trigger('change');
  const fields = ['hv-reason-text', 'hv-street', 'hv-postal', 'hv-city', 'hv-phone'];
  return Object.fromEntries(fields.map((id) => [id, wrapper.find(`#${id}`).attributes('autocomplete')]));
}

describe('autocomplete on personal fields', () => {
  it('is off on a kiosk for the reason, the address and the phone number', async () => {
    expect(await homeVisitFields(true)).toEqual({
      'hv-reason-text': 'off',
      'hv-street': 'off',
      'hv-postal': 'off',
      'hv-city': 'off',
      'hv-phone': 'off',
    });
  });

  it('keeps the autofill tokens on a personal device', async () => {
    expect(await homeVisitFields(false)).toEqual({
      'hv-reason-text': 'on',
      'hv-street': 'street-address',
      'hv-postal': 'postal-code',
      'hv-city': 'address-level2',
      'hv-phone': 'tel',
    });
  });
});
