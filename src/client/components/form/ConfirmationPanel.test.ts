// The confirmation after a form: it arrived, what happens next, and focus on it.
import { afterEach, describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import { h } from 'vue';
import ConfirmationPanel from './ConfirmationPanel.vue';

afterEach(() => {
  document.body.innerHTML = '';
});

describe('ConfirmationPanel', () => {
  it('is a region named by its heading, which takes focus, with what happens next below it', () => {
    const wrapper = mount(ConfirmationPanel, {
      props: { title: 'Wij hebben uw aanvraag ontvangen.' },
      slots: { default: () => h('p', 'U krijgt binnen 5 werkdagen een brief.') },
      attachTo: document.body,
    });
    const heading = wrapper.find('h2');
    expect(heading.text()).toBe('Wij hebben uw aanvraag ontvangen.');
    expect(document.activeElement).toBe(heading.element);
    expect(wrapper.find('section').attributes('aria-labelledby')).toBe(heading.attributes('id'));
    expect(wrapper.find('section p').text()).toBe('U krijgt binnen 5 werkdagen een brief.');
  });

  it('takes a heading level that fits the page', () => {
    const wrapper = mount(ConfirmationPanel, { props: { title: 'Opgeslagen', level: 3 }, attachTo: document.body });
    expect(wrapper.find('h3').text()).toBe('Opgeslagen');
    expect(wrapper.find('h2').exists()).toBe(false);
  });
});
