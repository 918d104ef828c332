import { describe, expect, it } from 'vitest';
import { defineComponent } from 'vue';
import { mount } from '@vue/test-utils';
import { createI18n } from './create-i18n';
import { useHasMessage } from './has-message';

describe('useHasMessage', () => {
  it('looks in the current language only, so a page never mixes in a Dutch sentence', () => {
    const i18n = createI18n({
      legacy: false,
      locale: 'en',
      fallbackLocale: 'nl',
      messages: {
        nl: { errors: { SLOT_TAKEN: 'Deze tijd is net bezet.', UNKNOWN: 'Er ging iets mis.' } },
        en: { errors: { UNKNOWN: 'Something went wrong.' } },
      },
    });
    let has: (key: string) => boolean = () => false;
    mount(
      defineComponent({
        setup() {
          has = useHasMessage();
          return () => null;
        },
      }),
      { global: { plugins: [i18n] } },
    );
    expect(has('errors.UNKNOWN')).toBe(true);
    expect(has('errors.SLOT_TAKEN')).toBe(false);
    expect(has('errors')).toBe(false);
    i18n.global.locale.value = 'nl';
    expect(has('errors.SLOT_TAKEN')).toBe(true);
  });
});
