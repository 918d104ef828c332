import { effectScope, nextTick } from 'vue';
import { createI18n } from './create-i18n';
import { describe, expect, it, vi } from 'vitest';
import { createAppI18n, setLocale, type LocaleSwitchable } from './index';
import nl from './nl';
import { installFeatureMessages, type MergeTarget } from './feature-messages';

describe('messages of a lazily loaded area', () => {
  const feature = { nl: { area: { title: 'Beheer' } }, en: { area: { title: 'Back office' } } };

  it('are merged into Dutch at once and into English once the app has loaded it', async () => {
    const i18n = createI18n({
      legacy: false,
      locale: 'nl',
      fallbackLocale: 'nl',
      messages: { nl: { app: { name: 'Loket' } } },
    });
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

  it('load a language on demand, and still follow a language switch after the page that installed them is gone', async () => {
    const lazy = {
      nl: { lazy: { title: 'Afspraken' } },
      en: async () => ({ default: { lazy: { title: 'Appointments' } } }),
    };
    const i18n = createI18n({
      legacy: false,
      locale: 'nl',
      fallbackLocale: 'nl',
      messages: { nl: { app: { name: 'Loket' } } },
    });
    const global = i18n.global as unknown as MergeTarget & LocaleSwitchable & { t(key: string): string };
    const page = effectScope();
    page.run(() => installFeatureMessages(global, lazy));
    page.stop(); // the page closed
    expect(global.t('lazy.title')).toBe('Afspraken');
    await setLocale(global, 'en');
    await vi.waitFor(() => expect(global.t('lazy.title')).toBe('Appointments'));
  });

  it("go into the app's own catalogue, never into the imported module another app reads (the server renders many)", () => {
    const withArea = { nl: { detail: { area: 'Eigen tekst' } } };
    const first = createAppI18n('nl').i18n.global as unknown as MergeTarget & { t(key: string): string };
    installFeatureMessages(first, withArea);
    expect(first.t('detail.area')).toBe('Eigen tekst');
    expect(first.t('detail.pageTitle')).toBe('Aanvraag');

    expect((nl.detail as Record<string, unknown>).area).toBeUndefined();
    const second = createAppI18n('nl').i18n.global as unknown as { t(key: string): string };
    expect(second.t('detail.area')).toBe('detail.area');
  });
});
