import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { defineComponent } from 'vue';
import { useI18n } from 'petite-vue-i18n';
import LanguageSwitch from './LanguageSwitch.vue';
import { LOCALE_STORAGE_KEY } from '../i18n';
import { createHarness } from '../testing/harness';

afterEach(() => localStorage.clear());

// A bit of page text next to the switch, to see the whole page change language.
const Page = defineComponent({
  components: { LanguageSwitch },
  setup: () => ({ t: useI18n().t }),
  template: '<h1>{{ t("applications.pageTitle") }}</h1><LanguageSwitch />',
});

describe('language switch', () => {
  it('changes the text, <html lang> and stores the choice on this device', async () => {
    const { plugins } = await createHarness('nl');
    const wrapper = mount(Page, { global: { plugins: [...plugins] } });
    expect(wrapper.find('h1').text()).toBe('Mijn aanvragen');
    expect(wrapper.find('button[lang="nl"]').attributes('aria-pressed')).toBe('true');

    await wrapper.find('button[lang="en"]').trigger('click');
    // English is a lazily loaded chunk: wait for it rather than for a fixed number of ticks.
    await vi.waitFor(() => expect(wrapper.find('h1').text()).toBe('My applications'));
    await flushPromises();

    expect(wrapper.find('button[lang="en"]').attributes('aria-pressed')).toBe('true');
    expect(localStorage.getItem(LOCALE_STORAGE_KEY)).toBe('en');
    expect(document.documentElement.lang).toBe('en');
  });

  it('offers Dutch and English, not the unfinished Arabic, until Arabic is the chosen language', async () => {
    const { plugins } = await createHarness('nl');
    const wrapper = mount(Page, { global: { plugins: [...plugins] } });
    expect(wrapper.findAll('button').map((b) => b.attributes('lang'))).toEqual(['nl', 'en']);
    wrapper.unmount();

    // A translator's link (?taal=ar) chose it: then it shows, pressed, beside the way back.
    const arabic = await createHarness('ar');
    const inArabic = mount(Page, { global: { plugins: [...arabic.plugins] } });
    expect(inArabic.findAll('button').map((b) => b.attributes('lang'))).toEqual(['nl', 'en', 'ar']);
    expect(inArabic.find('button[lang="ar"]').attributes('aria-pressed')).toBe('true');
    await inArabic.find('button[lang="nl"]').trigger('click');
    await vi.waitFor(() => expect(inArabic.findAll('button').map((b) => b.attributes('lang'))).toEqual(['nl', 'en']));
  });

  it('starts in the language of ?taal= in the address, over the stored choice', async () => {
    localStorage.setItem(LOCALE_STORAGE_KEY, 'en');
    window.history.replaceState(null, '', '/?taal=ar');
    try {
      const { i18n } = await createHarness();
      expect(i18n.global.locale.value).toBe('ar');
      expect(localStorage.getItem(LOCALE_STORAGE_KEY)).toBe('ar');
    } finally {
      window.history.replaceState(null, '', '/');
    }
  });

  it('starts in the language this device chose before', async () => {
    localStorage.setItem(LOCALE_STORAGE_KEY, 'en');
    const { i18n } = await createHarness();
    expect(i18n.global.t('applications.pageTitle')).toBe('My applications');
  });
});
