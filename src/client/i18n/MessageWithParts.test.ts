import { describe, expect, it } from 'vitest';
import { defineComponent, h } from 'vue';
import { flushPromises, mount } from '@vue/test-utils';
import { createI18n } from './create-i18n';
import MessageWithParts from './MessageWithParts';

const messages = {
  nl: { contact: 'Bel ons op {phone}.', site: 'Kijk op {link} van {name}.', plain: 'Geen delen' },
  // Another language may put the parts in another order.
  en: { contact: 'Call us on {phone}.', site: '{name} has {link}.', plain: 'No parts' },
};

function render(locale: 'nl' | 'en', keypath: string) {
  const i18n = createI18n({ legacy: false, locale, messages });
  const Page = defineComponent(
    () => () =>
      h(
        MessageWithParts,
        { keypath, tag: 'p', class: 'nl-paragraph' },
        {
          phone: () => h('a', { href: 'tel:14070' }, '14 070'),
          name: () => 'Werk en Inkomen',
          link: () => h('a', { href: 'https://example.org' }, 'een website'),
        },
      ),
  );
  return { wrapper: mount(Page, { global: { plugins: [i18n] } }), i18n };
}

describe('MessageWithParts', () => {
  it('puts each part where the translation has its placeholder', () => {
    const { wrapper } = render('nl', 'contact');
    const p = wrapper.get('p');
    expect(p.classes()).toContain('nl-paragraph');
    expect(p.text()).toBe('Bel ons op 14 070.');
    expect(p.get('a').attributes('href')).toBe('tel:14070');
  });

  it('follows the word order of the language, and changes with it', async () => {
    const { wrapper, i18n } = render('nl', 'site');
    expect(wrapper.get('p').text()).toBe('Kijk op een website van Werk en Inkomen.');
    i18n.global.locale.value = 'en';
    await flushPromises();
    expect(wrapper.get('p').text()).toBe('Werk en Inkomen has een website.');
  });

  it('shows a message without placeholders as it is', () => {
    expect(render('en', 'plain').wrapper.get('p').text()).toBe('No parts');
  });
});
