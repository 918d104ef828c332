// The error summary: what a resident who sent a form with problems meets first.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { defineComponent, h, ref } from 'vue';
import { createHarness } from '../../testing/harness';
import ErrorSummary, { type FormError } from './ErrorSummary.vue';
import ChoiceGroup from './ChoiceGroup.vue';
import TextField from './TextField.vue';

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
  document.title = '';
});

/** A small form: a text field and a radio group, the summary above them. */
async function renderForm(locale: 'nl' | 'en' = 'nl') {
  const harness = await createHarness(locale);
  const errors = ref<FormError[]>([]);
  const name = ref('Fatima');
  const Form = defineComponent({
    setup: () => () =>
      h('form', [
        h(ErrorSummary, { errors: errors.value }),
        h(TextField, {
          id: 'f-name',
          label: 'Naam',
          modelValue: name.value,
          'onUpdate:modelValue': (v: string) => (name.value = v),
          error: errors.value.find((e) => e.field === 'f-name')?.message ?? null,
        }),
        h(ChoiceGroup, {
          id: 'f-day',
          type: 'radio',
          legend: 'Welke dag?',
          options: [
            { value: 'mon', label: 'maandag' },
            { value: 'tue', label: 'dinsdag' },
          ],
          modelValue: null,
          error: errors.value.find((e) => e.field === 'f-day')?.message ?? null,
        }),
      ]),
  });
  document.title = 'Formulier - Loket';
  const wrapper = mount(Form, { global: { plugins: [...harness.plugins] }, attachTo: document.body });
  return { wrapper, errors, name };
}

const problems: FormError[] = [
  { field: 'f-name', message: 'Vul uw naam in.' },
  { field: 'f-day', message: 'Kies een dag.' },
];

describe('ErrorSummary', () => {
  it('shows nothing while there is no problem', async () => {
    const { wrapper } = await renderForm();
    expect(wrapper.find('.loket-error-summary').exists()).toBe(false);
    expect(document.title).toBe('Formulier - Loket');
  });

  it('lists every problem as a link to its field, takes focus, and counts them in the title', async () => {
    const { wrapper, errors } = await renderForm();
    errors.value = problems;
    await flushPromises();
    const summary = wrapper.find('.loket-error-summary');
    expect(summary.find('[role="alert"] h2').text()).toBe('Er ging iets mis');
    expect(summary.findAll('li a').map((a) => [a.attributes('href'), a.text()])).toEqual([
      ['#f-name', 'Vul uw naam in.'],
      ['#f-day', 'Kies een dag.'],
    ]);
    expect(document.activeElement).toBe(summary.element);
    expect(summary.attributes('aria-labelledby')).toBe('error-summary-title');
    expect(document.title).toBe('2 fouten: Formulier - Loket');
  });

  it('moves focus to the field a link names; for a group of options, to its first option', async () => {
    const { wrapper, errors } = await renderForm();
    errors.value = problems;
    await flushPromises();
    await wrapper.find('a[href="#f-name"]').trigger('click');
    expect(document.activeElement).toBe(wrapper.find('#f-name').element);
    await wrapper.find('a[href="#f-day"]').trigger('click');
    expect(document.activeElement).toBe(wrapper.find('#f-day-0').element);
  });

  it('leaves each field marked, described by its message, with what was typed', async () => {
    const { wrapper, errors } = await renderForm();
    errors.value = problems;
    await flushPromises();
    const field = wrapper.find<HTMLInputElement>('#f-name');
    expect(field.attributes('aria-invalid')).toBe('true');
    expect(field.attributes('aria-describedby')).toBe('f-name-error');
    expect(wrapper.find('#f-name-error').text()).toBe('Vul uw naam in.');
    expect(field.element.value).toBe('Fatima');
    expect(wrapper.find('#f-day').attributes('role')).toBe('radiogroup');
    expect(wrapper.find('#f-day').attributes('aria-invalid')).toBe('true');
    expect(wrapper.find('#f-day').attributes('aria-describedby')).toBe('f-day-error');
  });

  it('takes focus again on the next submit with problems, and gives the title back when all is well', async () => {
    const { wrapper, errors } = await renderForm();
    errors.value = problems;
    await flushPromises();
    (wrapper.find('#f-name').element as HTMLInputElement).focus();
    errors.value = [problems[1]!];
    await flushPromises();
    expect(document.activeElement).toBe(wrapper.find('.loket-error-summary').element);
    expect(document.title).toBe('1 fout: Formulier - Loket');
    errors.value = [];
    await flushPromises();
    expect(wrapper.find('.loket-error-summary').exists()).toBe(false);
    expect(document.title).toBe('Formulier - Loket');
  });

  it('speaks English when the resident chose it', async () => {
    const { wrapper, errors } = await renderForm('en');
    errors.value = problems;
    await flushPromises();
    await vi.waitFor(() => expect(wrapper.find('.loket-error-summary h2').text()).toBe('Something went wrong'));
  });
});
