import { nextTick } from 'vue';
import { createI18n } from 'vue-i18n';
import { describe, expect, it } from 'vitest';
import { setLocale, type LocaleSwitchable } from './index';
import { installFeatureMessages, type MergeTarget } from './feature-messages';

describe('messages of a lazily loaded area', () => {
  const feature = { nl: { area: { title: 'Beheer' } }, en: { area: { title: 'Back office' } } };

  it('are merged into Dutch at once and into English once the app has loaded it', async () => {
    const i18n = createI18n({ legacy: false, locale: 'nl', fallbackLocale: 'nl', messages: { nl: { app: { name: 'Loket' } } } });
    const global = i18n.global as unknown as MergeTarget & LocaleSwitchable & { t(key: string): string };
    installFeatureMessages(global, feature);
    installFeatureMessages(global, feature); // entering the area again changes nothing
    expect(global.t('area.title')).toBe('Beheer');
    expect(global.t('app.name')).toBe('Loket');
    // English is not loaded yet: the area must not create a half English locale on its own.
    expect(global.availableLocales).toEqual(['nl']);

    await setLocale(global, 'en');
    await nextTick();
    expect(global.t('area.title')).toBe('Back office');
    expect(global.t('app.name')).not.toBe('app.name'); // the app's English came first, intact
  });
});
