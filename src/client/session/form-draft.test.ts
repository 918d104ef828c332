/**
 * Half-typed forms survive the end of a session on a personal device (issue 14): what the
 * resident typed is kept in this tab's sessionStorage for them alone and put back once the same
 * resident opens the form again after the next login; never for someone else, never on a shared
 * device or during front-desk help, and gone after sending or an intended logout.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { defineComponent, ref } from 'vue';
import { DEVICE_MODE_STORAGE_KEY } from '../../domain/device-mode';
import { reloadDeviceSetting } from '../stores/device';
import { useSessionStore } from '../stores/session';
import { createHarness, me } from '../testing/harness';
import { useFormDraft } from './form-draft';
import { clearFormDrafts, DRAFTS_STORAGE_KEY } from './form-draft-storage';

/** A form as QuestionForm has it: one text, kept through the composable. */
const Form = defineComponent({
  setup() {
    const text = ref('');
    const draft = useFormDraft(
      'question-a1',
      () => text.value,
      (saved) => (text.value = saved),
    );
    return { text, draft };
  },
  template: `<textarea :value="text" @input="text = $event.target.value"></textarea>`,
});

let wrapper: VueWrapper | undefined;

async function openForm(options: { resident?: string; assist?: boolean } = {}) {
  const harness = await createHarness('nl');
  useSessionStore(harness.pinia).me = {
    ...me,
    resident: { ...me.resident, key: options.resident ?? me.resident.key },
    ...(options.assist ? { assist: { purpose: 'walk_in_help', purposeText: null } } : {}),
  };
  wrapper = mount(Form, { global: { plugins: [...harness.plugins] } });
  await flushPromises();
  return wrapper as VueWrapper & { vm: { text: string; draft: { clear(): void } } };
}

async function typeAndLeave(text: string, options: { resident?: string; assist?: boolean } = {}) {
  const form = await openForm(options);
  await form.find('textarea').setValue(text);
  await flushPromises();
  form.unmount(); // the session ended: the page is gone
  wrapper = undefined;
}

beforeEach(() => {
  sessionStorage.clear();
  localStorage.clear();
  reloadDeviceSetting();
});
afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
  sessionStorage.clear();
  localStorage.clear();
  reloadDeviceSetting();
});

describe('form drafts over the end of a session', () => {
  it('puts back what the same resident typed, after the next login on this personal device', async () => {
    await typeAndLeave('Mag ik mijn afspraak verzetten?');
    expect(sessionStorage.getItem(DRAFTS_STORAGE_KEY)).toContain('Mag ik mijn afspraak verzetten?');
    expect(sessionStorage.getItem(DRAFTS_STORAGE_KEY)).not.toContain(me.resident.name);
    const again = await openForm();
    expect(again.vm.text).toBe('Mag ik mijn afspraak verzetten?');
    expect((again.find('textarea').element as HTMLTextAreaElement).value).toBe('Mag ik mijn afspraak verzetten?');
  });

  it('forgets the draft once the form is sent', async () => {
    const form = await openForm();
    await form.find('textarea').setValue('Een vraag');
    await flushPromises();
    form.vm.draft.clear();
    expect(sessionStorage.getItem(DRAFTS_STORAGE_KEY)).toBeNull();
  });

  it('never shows one resident what another typed on the same tab, and drops it', async () => {
    await typeAndLeave('Mijn huur is omhoog gegaan');
    const other = await openForm({ resident: 'rk-someone-else' });
    expect(other.vm.text).toBe('');
    expect(sessionStorage.getItem(DRAFTS_STORAGE_KEY)).toBeNull();
  });

  it('keeps nothing on a shared device (library kiosk)', async () => {
    localStorage.setItem(DEVICE_MODE_STORAGE_KEY, JSON.stringify({ mode: 'shared', setBy: 'library' }));
    reloadDeviceSetting();
    await typeAndLeave('Mijn huur is omhoog gegaan');
    expect(sessionStorage.length).toBe(0);
  });

  it('keeps nothing during front-desk help', async () => {
    await typeAndLeave('Mijn huur is omhoog gegaan', { assist: true });
    expect(sessionStorage.length).toBe(0);
  });

  it('drops every draft at an intended logout', async () => {
    await typeAndLeave('Mijn huur is omhoog gegaan');
    clearFormDrafts();
    expect(sessionStorage.getItem(DRAFTS_STORAGE_KEY)).toBeNull();
    expect((await openForm()).vm.text).toBe('');
  });
});
