/**
 * Keeping what the resident typed over the update reload, with a fake form (no page has a
 * form yet): values of fields marked data-keep-on-update go to sessionStorage before the
 * reload and come back into v-model after it; never on a shared device.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { defineComponent, nextTick, ref } from 'vue';
import { isNewVersionTakingOver, KEEP_ON_UPDATE_KEY, keepFieldsForUpdate, restoreKeptFields } from './pwa-update';

/** A form like the ones to come, bound with v-model as pages do. */
const FakeForm = defineComponent({
  setup() {
    return {
      subject: ref(''),
      message: ref(''),
      urgent: ref(false),
      contact: ref('phone'),
      secret: ref(''),
      other: ref(''),
    };
  },
  template: `
    <form>
      <input id="subject" v-model="subject" data-keep-on-update />
      <textarea name="message" v-model="message" data-keep-on-update></textarea>
      <input type="checkbox" id="urgent" v-model="urgent" data-keep-on-update />
      <input type="radio" name="contact" value="phone" v-model="contact" data-keep-on-update />
      <input type="radio" name="contact" value="mail" v-model="contact" data-keep-on-update />
      <input type="password" id="secret" v-model="secret" data-keep-on-update />
      <input id="other" v-model="other" />
    </form>`,
});

type FormState = { subject: string; message: string; urgent: boolean; contact: string; secret: string; other: string };

let wrapper: VueWrapper | undefined;
function mountForm(): VueWrapper & { vm: FormState } {
  wrapper = mount(FakeForm, { attachTo: document.body });
  return wrapper as VueWrapper & { vm: FormState };
}

async function type(form: VueWrapper): Promise<void> {
  await form.find('#subject').setValue('Huur maart');
  await form.find('textarea').setValue('De huur is omhoog gegaan.');
  await form.find('#urgent').setValue(true);
  await form.find('input[value="mail"]').setValue(true);
  await form.find('#secret').setValue('geheim');
  await form.find('#other').setValue('niet gemarkeerd');
}

beforeEach(() => {
  sessionStorage.clear();
  history.replaceState(null, '', '/vragen/nieuw');
});
afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
  delete document.documentElement.dataset.deviceMode;
  sessionStorage.clear();
});

describe('keeping typed text over the update reload', () => {
  it('saves the marked fields and restores them into v-model after the "reload"', async () => {
    const before = mountForm();
    await type(before);
    expect(keepFieldsForUpdate()).toBe(true);
    const saved = JSON.parse(sessionStorage.getItem(KEEP_ON_UPDATE_KEY)!);
    expect(saved).toEqual({
      path: '/vragen/nieuw',
      values: { subject: 'Huur maart', message: 'De huur is omhoog gegaan.', urgent: true, contact: 'mail' },
    });
    // Never a password, never an unmarked field.
    expect(JSON.stringify(saved)).not.toContain('geheim');
    expect(JSON.stringify(saved)).not.toContain('niet gemarkeerd');

    // The reload: the page is gone, the new one starts with empty fields.
    before.unmount();
    wrapper = undefined;
    restoreKeptFields();
    // Taken out of storage at once: from here on the values live in memory only.
    expect(sessionStorage.getItem(KEEP_ON_UPDATE_KEY)).toBeNull();

    // The form appears later (its page is a lazy chunk): the observer fills it then.
    const after = mountForm();
    await flushPromises();
    await nextTick();
    expect(after.vm.subject).toBe('Huur maart');
    expect(after.vm.message).toBe('De huur is omhoog gegaan.');
    expect(after.vm.urgent).toBe(true);
    expect(after.vm.contact).toBe('mail');
    expect(after.vm.secret).toBe('');
    expect(after.vm.other).toBe('');
  });

  it('does not overwrite text typed again after the reload', async () => {
    sessionStorage.setItem(KEEP_ON_UPDATE_KEY, JSON.stringify({ path: '/vragen/nieuw', values: { subject: 'oud' } }));
    const form = mountForm();
    await form.find('#subject').setValue('nieuw');
    const stop = restoreKeptFields();
    await flushPromises();
    expect(form.vm.subject).toBe('nieuw');
    stop();
  });

  it('restores only on the page the values came from', async () => {
    sessionStorage.setItem(KEEP_ON_UPDATE_KEY, JSON.stringify({ path: '/elders', values: { subject: 'Huur maart' } }));
    const form = mountForm();
    restoreKeptFields();
    await flushPromises();
    expect(form.vm.subject).toBe('');
    expect(sessionStorage.getItem(KEEP_ON_UPDATE_KEY)).toBeNull();
  });

  it('stores nothing on a shared device', async () => {
    document.documentElement.dataset.deviceMode = 'shared';
    await type(mountForm());
    expect(keepFieldsForUpdate()).toBe(false);
    expect(sessionStorage.length).toBe(0);
  });

  it('stores nothing when the marked fields are empty', () => {
    wrapper = mount(defineComponent({ template: '<input id="subject" data-keep-on-update />' }), {
      attachTo: document.body,
    });
    expect(keepFieldsForUpdate()).toBe(true);
    expect(sessionStorage.getItem(KEEP_ON_UPDATE_KEY)).toBeNull();
  });
});

describe('which change of worker is a new version (issue 14: no false notice after a wipe)', () => {
  const worker = {} as ServiceWorker;
  it.each([
    ['a new worker takes over from the old one (accepted in another tab)', true, worker, true],
    ['the worker went away (Clear-Site-Data after "Stop en wis", idle wipe, end of help)', true, null, false],
    ['the first install takes over a page that had no worker', false, worker, false],
    ['nothing before, nothing now', false, null, false],
  ])('%s', (_, hadController, controller, expected) => {
    expect(isNewVersionTakingOver(hadController, controller)).toBe(expected);
  });
});
