// "Meldingen instellen": what a resident sees and changes, with fetch mocked at the edge. happy-dom
// has no Push API; tests that need one give the page a small fake (supportPush below).
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount, type DOMWrapper, type VueWrapper } from '@vue/test-utils';
import NotificationSettingsPage from './NotificationSettingsPage.vue';
import type { NotificationSettings, PushDevice } from '../../../domain/notification-api';
import { useConfigStore } from '../../stores/config';
import { deviceSetting } from '../../stores/device';
import { useSessionStore } from '../../stores/session';
import { apiError, config, createHarness, json, me, mockFetch } from '../../testing/harness';

afterEach(() => {
  deviceSetting.value = null;
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

const PAGE = '/instellingen/meldingen';
const PHONE = '00000000-0000-4000-8000-00000000000a';
const LAPTOP = '00000000-0000-4000-8000-00000000000b';
const ENDPOINT = 'https://push.example.org/send/this-browser';
// A P-256 public key is 65 bytes: 87 base64url characters, as the server sends it.
const VAPID_KEY = `B${'A'.repeat(86)}`;
const hashOf = (endpoint: string) => createHash('sha256').update(endpoint).digest('base64url');

function device(id: string, label: string, endpoint: string): PushDevice {
  return { id, label, createdAt: '2026-11-03T09:12:00.000Z', lastSentAt: null, endpointHash: hashOf(endpoint) };
}

function settings(
  overrides: {
    push?: Partial<NotificationSettings['push']>;
    email?: Partial<NotificationSettings['email']>;
    quietHours?: boolean;
  } = {},
): NotificationSettings {
  return {
    push: {
      enabled: true,
      publicKey: VAPID_KEY,
      devices: [device(PHONE, 'Chrome op Android', 'https://push.example.org/send/phone')],
      ...overrides.push,
    },
    email: { available: true, enabled: true, address: 'fatima@example.nl', pendingAddress: null, ...overrides.email },
    quietHours: overrides.quietHours ?? true,
  };
}

type Routes = Parameters<typeof mockFetch>[0];

async function render(current: Routes[string], routes: Routes = {}, startAt = PAGE) {
  const fetchMock = mockFetch({
    'GET /api/session': () => json({ me }),
    'GET /api/config': () => json(config),
    'GET /api/notifications/settings': current,
    ...routes,
  });
  const harness = await createHarness('nl', { startAt });
  await useSessionStore(harness.pinia).load();
  await useConfigStore(harness.pinia).load();
  const wrapper = mount(NotificationSettingsPage, {
    global: { plugins: [...harness.plugins] },
    attachTo: document.body,
  });
  await vi.waitFor(async () => {
    await flushPromises();
    expect(wrapper.find('.loket-loading').exists()).toBe(false);
  });
  return { wrapper, fetchMock };
}

/** The checkbox inside the label that reads `name`. */
function checkbox(wrapper: VueWrapper, name: string): DOMWrapper<HTMLInputElement> {
  const label = wrapper.findAll('label').find((l) => l.text() === name);
  if (!label) throw new Error(`no checkbox labelled "${name}"`);
  return label.find<HTMLInputElement>('input[type="checkbox"]');
}
const buttonNamed = (wrapper: VueWrapper, name: string) =>
  wrapper.findAll('button').find((button) => button.text() === name);
const section = (wrapper: VueWrapper, title: string) =>
  wrapper.findAll('section').find((s) => s.find('h2').text() === title)!;
const lastBody = (fetchMock: ReturnType<typeof mockFetch>, path: string) =>
  JSON.parse(fetchMock.mock.calls.filter(([url]) => url === path).at(-1)![1]!.body as string) as unknown;

/**
 * A browser with the Push API, permission `answer`, whose subscription (once made) has ENDPOINT.
 */
function supportPush(answer: NotificationPermission = 'granted', subscribed = false) {
  let subscription: { endpoint: string; toJSON(): unknown; unsubscribe(): Promise<boolean> } | null = null;
  const subscribe = vi.fn(async () => {
    subscription = {
      endpoint: ENDPOINT,
      toJSON: () => ({ endpoint: ENDPOINT, keys: { p256dh: 'B'.repeat(87), auth: 'a'.repeat(22) } }),
      unsubscribe: async () => true,
    };
    return subscription;
  });
  const registration = { pushManager: { subscribe, getSubscription: async () => subscription } };
  if (subscribed) void subscribe();
  vi.stubGlobal('PushManager', class {});
  vi.stubGlobal('Notification', {
    permission: subscribed ? 'granted' : 'default',
    requestPermission: async () => answer,
  });
  const serviceWorker = Object.assign(new EventTarget(), {
    ready: Promise.resolve(registration),
    getRegistration: async () => registration,
  });
  vi.stubGlobal(
    'navigator',
    Object.create(navigator, {
      userAgent: { value: 'Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/131.0 Mobile Safari/537.36' },
      serviceWorker: { value: serviceWorker },
    }) as Navigator,
  );
  return { subscribe };
}

describe('Meldingen instellen', () => {
  it('shows what is set now: the devices with push, e-mail to the confirmed address, quiet hours', async () => {
    const { wrapper } = await render(() => json(settings({ email: { enabled: false } })));
    expect(wrapper.find('h1').text()).toBe('Meldingen instellen');
    const push = section(wrapper, 'Meldingen op dit apparaat');
    expect(push.findAll('li').map((item) => item.find('p').text().replace(/\s+/g, ' '))).toEqual([
      'Chrome op Android Sinds 3 november 2026',
    ]);
    // happy-dom has no Push API: the page says so instead of offering a button that cannot work.
    expect(push.text()).toContain('Deze browser kan geen meldingen laten zien.');
    expect(buttonNamed(wrapper, 'Meldingen aanzetten op dit apparaat')).toBeUndefined();

    expect(section(wrapper, 'Berichten per e-mail').text()).toContain('Wij sturen e-mail naar fatima@example.nl.');
    expect(checkbox(wrapper, 'Stuur mij berichten per e-mail').element.checked).toBe(false);
    expect(checkbox(wrapper, 'Geen meldingen tussen 22:00 en 08:00 uur').element.checked).toBe(true);
  });

  it('says e-mail is off when the server has no mail server, and offers no e-mail at all', async () => {
    const { wrapper } = await render(() =>
      json(settings({ email: { available: false, enabled: false, address: null } })),
    );
    const email = section(wrapper, 'Berichten per e-mail');
    expect(email.text()).toContain(
      'Berichten per e-mail zijn uit bij Werk en Inkomen Lekstroom. U ziet uw berichten in Loket.',
    );
    expect(email.find('input').exists()).toBe(false);
    expect(email.find('button').exists()).toBe(false);
  });

  it('a change is sent at once, with an idempotency key, and confirmed', async () => {
    const { wrapper, fetchMock } = await render(() => json(settings({ quietHours: false })), {
      'POST /api/notifications/settings': () => json(settings({ quietHours: true })),
    });
    const quiet = checkbox(wrapper, 'Geen meldingen tussen 22:00 en 08:00 uur');
    expect(quiet.element.checked).toBe(false);
    await quiet.setValue(true);
    await flushPromises();
    expect(lastBody(fetchMock, '/api/notifications/settings')).toEqual({ quietHours: true });
    const headers = fetchMock.mock.calls.at(-1)![1]!.headers as Record<string, string>;
    expect(headers['Idempotency-Key']).toMatch(/^[0-9a-f-]{36}$/);
    expect(section(wrapper, 'Rustige uren').find('[role="status"]').text()).toBe('Opgeslagen.');
    expect(quiet.element.checked).toBe(true);

    await checkbox(wrapper, 'Stuur mij berichten per e-mail').setValue(false);
    await flushPromises();
    expect(lastBody(fetchMock, '/api/notifications/settings')).toEqual({ email: false });
    // "Opgeslagen." stands next to what was changed, and only there.
    expect(section(wrapper, 'Berichten per e-mail').find('[role="status"]').text()).toBe('Opgeslagen.');
    expect(wrapper.findAll('[role="status"]').filter((s) => s.text() === 'Opgeslagen.')).toHaveLength(1);
  });

  it('when the server refuses a change, the choice stays and the page says it was not saved', async () => {
    let answer = (): Response | Promise<Response> => Promise.reject(new TypeError('Failed to fetch'));
    const { wrapper } = await render(() => json(settings()), { 'POST /api/notifications/settings': () => answer() });
    const quiet = checkbox(wrapper, 'Geen meldingen tussen 22:00 en 08:00 uur');
    await quiet.setValue(false);
    await flushPromises();
    expect(quiet.element.checked).toBe(false);
    expect(wrapper.text()).not.toContain('Opgeslagen.');
    expect(wrapper.find('[role="alert"]').text()).toContain('Dit is niet gelukt. Wat u koos, staat er nog.');
    expect(wrapper.find('[role="alert"]').text()).toContain('Er is geen verbinding. Kijk of u internet heeft.');
    // The settings themselves stay on the page: this is no failed load.
    expect(section(wrapper, 'Berichten per e-mail').exists()).toBe(true);

    // The connection is back; the next change is saved and the old message goes.
    answer = () => json(settings({ email: { enabled: false } }));
    await checkbox(wrapper, 'Stuur mij berichten per e-mail').setValue(false);
    await flushPromises();
    expect(wrapper.find('[role="alert"]').exists()).toBe(false);
    expect(wrapper.find('[role="status"]').text()).toBe('Opgeslagen.');
  });

  it('a device that cannot be stopped stays in the list, with the reason', async () => {
    const { wrapper } = await render(() => json(settings()), {
      [`POST /api/notifications/devices/${PHONE}/revoke`]: () => apiError(500, 'INTERNAL_ERROR'),
    });
    await buttonNamed(wrapper, 'Stoppen op Chrome op Android')!.trigger('click');
    await flushPromises();
    expect(wrapper.find('[role="alert"]').text()).toContain('Er ging bij ons iets mis.');
    expect(buttonNamed(wrapper, 'Stoppen op Chrome op Android')).toBeDefined();
  });

  it('a new e-mail address: a confirmation mail is asked for, and the page says where it went', async () => {
    const { wrapper, fetchMock } = await render(() => json(settings({ email: { enabled: false, address: null } })), {
      'POST /api/notifications/email': () =>
        json(settings({ email: { enabled: false, address: null, pendingAddress: 'fatima@example.nl' } })),
    });
    const field = wrapper.find<HTMLInputElement>('#notify-email');
    expect(wrapper.find('label[for="notify-email"]').text()).toBe('Uw e-mailadres');

    await field.setValue('fatima@example');
    await wrapper.find('form').trigger('submit');
    expect(wrapper.find('#notify-email-error').text()).toBe(
      'Dit e-mailadres klopt niet. Kijk of u het goed heeft getypt.',
    );
    expect(field.attributes('aria-invalid')).toBe('true');
    expect(field.attributes('aria-describedby')).toBe('notify-email-error');
    // The error summary above the form names it and links to the field.
    expect(wrapper.find('.loket-error-summary [role="alert"]').text()).toContain('Er ging iets mis');
    expect(wrapper.find('.loket-error-summary a[href="#notify-email"]').text()).toBe(
      'Dit e-mailadres klopt niet. Kijk of u het goed heeft getypt.',
    );
    expect(field.element.value).toBe('fatima@example');
    expect(fetchMock.mock.calls.some(([url]) => url === '/api/notifications/email')).toBe(false);

    await field.setValue(' fatima@example.nl ');
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect(lastBody(fetchMock, '/api/notifications/email')).toEqual({ address: 'fatima@example.nl' });
    expect(wrapper.find('[role="status"]').text()).toContain('Wij hebben een e-mail gestuurd naar fatima@example.nl.');
    expect(field.element.value).toBe('');
    expect(wrapper.find('#notify-email-error').exists()).toBe(false);
  });

  it('REAUTH_REQUIRED: the address stays, and "Opnieuw inloggen" comes back to this page', async () => {
    const { wrapper } = await render(() => json(settings({ email: { enabled: false, address: null } })), {
      'POST /api/notifications/email': () => apiError(403, 'REAUTH_REQUIRED'),
    });
    const field = wrapper.find<HTMLInputElement>('#notify-email');
    await field.setValue('nieuw@example.nl');
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect(wrapper.find('#notify-email-error').text()).toBe(
      'Log voor de zekerheid opnieuw in. Daarna kunt u dit wijzigen.',
    );
    expect(wrapper.find('.loket-error-summary a').text()).toBe(
      'Log voor de zekerheid opnieuw in. Daarna kunt u dit wijzigen.',
    );
    expect(field.element.value).toBe('nieuw@example.nl');
    const login = wrapper.findAll('a').find((a) => a.text() === 'Opnieuw inloggen')!;
    expect(login.attributes('href')).toBe(`/api/auth/login?returnTo=${encodeURIComponent(PAGE)}`);
  });

  it('another refusal of a new address gets its message, without the login link', async () => {
    const { wrapper } = await render(() => json(settings({ email: { enabled: false, address: null } })), {
      'POST /api/notifications/email': () => apiError(409, 'EMAIL_NOT_CONFIGURED'),
    });
    await wrapper.find('#notify-email').setValue('nieuw@example.nl');
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect(wrapper.find('#notify-email-error').text()).toBe(
      'Berichten per e-mail zijn uit. U krijgt uw berichten in Loket.',
    );
    expect(wrapper.findAll('a').some((a) => a.text() === 'Opnieuw inloggen')).toBe(false);
  });

  it('says the address is confirmed when the link in the mail brought the resident here', async () => {
    const { wrapper } = await render(() => json(settings()), {}, `${PAGE}?email=bevestigd`);
    expect(section(wrapper, 'Berichten per e-mail').find('[role="status"]').text()).toBe(
      'Uw e-mailadres is bevestigd. E-mail staat aan.',
    );
  });

  it('a device in the list can be stopped; the list then shows what the server has left', async () => {
    let current = settings({
      push: {
        devices: [
          device(PHONE, 'Chrome op Android', 'https://push.example.org/send/phone'),
          device(LAPTOP, 'Firefox op Windows', 'https://push.example.org/send/laptop'),
        ],
      },
    });
    const { wrapper, fetchMock } = await render(() => json(current), {
      [`POST /api/notifications/devices/${PHONE}/revoke`]: () => {
        current = settings({ push: { devices: [] } });
        return new Response(null, { status: 204 });
      },
    });
    expect(buttonNamed(wrapper, 'Stoppen op Firefox op Windows')).toBeDefined();
    await buttonNamed(wrapper, 'Stoppen op Chrome op Android')!.trigger('click');
    await flushPromises();
    expect(fetchMock).toHaveBeenCalledWith(
      `/api/notifications/devices/${PHONE}/revoke`,
      expect.objectContaining({ method: 'POST' }),
    );
    expect(section(wrapper, 'Meldingen op dit apparaat').text()).toContain('Nog geen apparaten.');
    expect(buttonNamed(wrapper, 'Stoppen op Chrome op Android')).toBeUndefined();
  });

  it('push on this device: permission, subscription, and the device is recognised in the list', async () => {
    const { subscribe } = supportPush('granted');
    let current = settings({ push: { devices: [] } });
    const { wrapper, fetchMock } = await render(() => json(current), {
      'POST /api/notifications/devices': () => {
        current = settings({ push: { devices: [device(PHONE, 'Chrome op Android', ENDPOINT)] } });
        return json({ device: current.push.devices[0] }, 201);
      },
    });
    expect(wrapper.text()).toContain('Er is nieuws in Loket');
    await buttonNamed(wrapper, 'Meldingen aanzetten op dit apparaat')!.trigger('click');
    await vi.waitFor(async () => {
      await flushPromises();
      expect(wrapper.text()).toContain('Meldingen staan aan op dit apparaat.');
    });
    expect(subscribe).toHaveBeenCalledWith(expect.objectContaining({ userVisibleOnly: true }));
    expect(lastBody(fetchMock, '/api/notifications/devices')).toMatchObject({
      endpoint: ENDPOINT,
      label: 'Chrome op Android',
    });
    expect(buttonNamed(wrapper, 'Meldingen aanzetten op dit apparaat')).toBeUndefined();
  });

  it('push blocked in the browser: the page says how to allow it', async () => {
    supportPush('denied');
    const { wrapper, fetchMock } = await render(() => json(settings({ push: { devices: [] } })));
    await buttonNamed(wrapper, 'Meldingen aanzetten op dit apparaat')!.trigger('click');
    await flushPromises();
    expect(wrapper.find('[role="alert"]').text()).toContain('U heeft meldingen voor Loket geblokkeerd in uw browser.');
    expect(fetchMock.mock.calls.some(([url]) => url === '/api/notifications/devices')).toBe(false);
  });

  it('on a shared computer push is not offered, even where the browser could', async () => {
    supportPush('granted');
    deviceSetting.value = { mode: 'shared', setBy: 'library' };
    const { wrapper } = await render(() => json(settings({ push: { devices: [] } })));
    expect(wrapper.text()).toContain(
      'Dit is een computer die ook andere mensen gebruiken. Daarom kunt u hier geen meldingen aanzetten.',
    );
    expect(buttonNamed(wrapper, 'Meldingen aanzetten op dit apparaat')).toBeUndefined();
  });

  it('a failing load gets the B1 message and a retry', async () => {
    let answer = () => apiError(500, 'INTERNAL_ERROR');
    const { wrapper } = await render(() => answer());
    expect(wrapper.find('[role="alert"]').text()).toContain(
      'Er ging bij ons iets mis. Probeer het later nog een keer.',
    );
    expect(wrapper.find('section').exists()).toBe(false);

    answer = () => json(settings());
    await buttonNamed(wrapper, 'Probeer opnieuw')!.trigger('click');
    await vi.waitFor(async () => {
      await flushPromises();
      expect(wrapper.findAll('section')).toHaveLength(3);
    });
    expect(wrapper.find('[role="alert"]').exists()).toBe(false);
  });
});
