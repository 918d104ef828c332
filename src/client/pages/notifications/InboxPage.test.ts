// "Berichten": what a resident sees and does in the inbox, with fetch mocked at the edge. The
// offline copy's storage (IndexedDB, absent in happy-dom) is an in-memory map; the rules on top of
// it (personal devices only, per resident) are the real ones in offline/personal-copy.ts.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import InboxPage from './InboxPage.vue';
import type { Inbox, InboxMessage } from '../../../domain/notification-api';
import { deviceSetting } from '../../stores/device';
import { useInboxCountStore } from '../../stores/inbox-count';
import { useSessionStore } from '../../stores/session';
import { apiError, createHarness, json, me, mockFetch } from '../../testing/harness';

const kept = vi.hoisted(() => new Map<string, { data: unknown; savedAt: string }>());
vi.mock('../../offline/offline-data', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../offline/offline-data')>()),
  saveOfflineCopy: async (userKey: string, key: string, data: unknown) => {
    kept.set(`${userKey}/${key}`, {
      data: JSON.parse(JSON.stringify(data)) as unknown,
      savedAt: '2026-11-27T18:30:00.000Z',
    });
  },
  readOfflineCopy: async (userKey: string, key: string) => kept.get(`${userKey}/${key}`) ?? null,
}));

afterEach(() => {
  kept.clear();
  deviceSetting.value = null;
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

const CASE = '7d5f8a2e-1b3c-4d6e-9f00-123456789abc';
const NEWEST = '00000000-0000-4000-8000-000000000003';
const MIDDLE = '00000000-0000-4000-8000-000000000002';
const OLDEST = '00000000-0000-4000-8000-000000000001';

function message(id: string, type: InboxMessage['type'], createdAt: string, read: boolean): InboxMessage {
  return { id, type, link: `/aanvragen/${CASE}`, caseId: CASE, createdAt, read };
}

// Newest first, as the server sends it; two unread.
const INBOX: Inbox = {
  messages: [
    message(NEWEST, 'status_changed', '2026-11-27T14:05:00.000Z', false),
    message(MIDDLE, 'document_requested', '2026-11-20T09:00:00.000Z', false),
    message(OLDEST, 'document_accepted', '2026-11-02T12:00:00.000Z', true),
  ],
  unread: 2,
};

type Routes = Parameters<typeof mockFetch>[0];

async function render(inbox: Routes[string], routes: Routes = {}) {
  const fetchMock = mockFetch({ 'GET /api/session': () => json({ me }), 'GET /api/notifications': inbox, ...routes });
  const harness = await createHarness('nl');
  await useSessionStore(harness.pinia).load();
  const wrapper = mount(InboxPage, { global: { plugins: [...harness.plugins] }, attachTo: document.body });
  await vi.waitFor(async () => {
    await flushPromises();
    expect(wrapper.find('.loket-loading').exists()).toBe(false);
  });
  return { wrapper, fetchMock, harness, count: useInboxCountStore(harness.pinia) };
}

const items = (wrapper: VueWrapper) => wrapper.findAll('li');
const headings = (wrapper: VueWrapper) => items(wrapper).map((item) => item.find('h2').text().replace(/\s+/g, ' '));
const statusText = (wrapper: VueWrapper) => wrapper.findAll('[role="status"]').map((node) => node.text());
const buttonNamed = (wrapper: VueWrapper, name: string) =>
  wrapper.findAll('button').find((button) => button.text() === name);

describe('Berichten', () => {
  it('lists the messages newest first, in Dutch from the catalogue, with when each came', async () => {
    const { wrapper } = await render(() => json(INBOX));
    expect(wrapper.find('h1').text()).toBe('Berichten');
    expect(headings(wrapper)).toEqual([
      'Nieuw: Uw aanvraag is verder',
      'Nieuw: Wij vragen een document',
      'Document goedgekeurd',
    ]);
    const newest = items(wrapper)[0]!;
    expect(newest.text()).toContain('De status van uw aanvraag is veranderd. Kijk wat er nu gebeurt.');
    expect(newest.text()).toContain('Ontvangen op 27 november 2026 om 15:05');
    expect(items(wrapper)[2]!.text()).toContain('Wij hebben uw document bekeken. Het is goed.');
  });

  it('marks unread messages visibly and for screen readers, and says how many there are', async () => {
    const { wrapper, count } = await render(() => json(INBOX));
    const [newest, , oldest] = items(wrapper);
    // The badge is part of the heading, so the heading reads "Nieuw: <title>" in a list of headings.
    expect(newest!.find('h2 .loket-inbox__badge').text()).toBe('Nieuw:');
    expect(newest!.classes()).toContain('loket-inbox__unread');
    expect(oldest!.find('.loket-inbox__badge').exists()).toBe(false);
    expect(oldest!.classes()).not.toContain('loket-inbox__unread');
    expect(statusText(wrapper)).toContain('U heeft 2 nieuwe berichten.');
    expect(count.unread).toBe(2);
  });

  it('opening a message goes to the page it is about, marks it read and updates the count in the menu', async () => {
    const { wrapper, fetchMock, harness, count } = await render(() => json(INBOX), {
      [`POST /api/notifications/${NEWEST}/read`]: () => json({ unread: 1 }),
    });
    const open = items(wrapper)[0]!.find('a');
    // Every "Bekijk" link says which message it opens (WCAG 2.4.4).
    expect(open.text().replace(/\s+/g, ' ')).toBe('Bekijk: Uw aanvraag is verder');
    expect(open.attributes('href')).toBe(`/aanvragen/${CASE}`);

    await open.trigger('click');
    await flushPromises();
    expect(fetchMock).toHaveBeenCalledWith(
      `/api/notifications/${NEWEST}/read`,
      expect.objectContaining({ method: 'POST' }),
    );
    // The route loads its page lazily: slow on a busy machine, hence the longer wait.
    await vi.waitFor(() => expect(harness.router.currentRoute.value.fullPath).toBe(`/aanvragen/${CASE}`), {
      timeout: 10_000,
    });
    expect(headings(wrapper)[0]).toBe('Uw aanvraag is verder');
    expect(count.unread).toBe(1);
    expect(statusText(wrapper)).toContain('U heeft 1 nieuw bericht.');
  });

  it('the count in the menu follows the server after opening a message (another device read one too)', async () => {
    const { wrapper, count } = await render(() => json(INBOX), {
      [`POST /api/notifications/${NEWEST}/read`]: () => json({ unread: 0 }),
    });
    await items(wrapper)[0]!.find('a').trigger('click');
    await vi.waitFor(() => expect(count.unread).toBe(0));
  });

  it('a message opened without a connection shows as read at once, and the count goes down', async () => {
    const { wrapper, count } = await render(() => json(INBOX), {
      [`POST /api/notifications/${NEWEST}/read`]: () => Promise.reject(new TypeError('Failed to fetch')),
    });
    await items(wrapper)[0]!.find('a').trigger('click');
    await flushPromises();
    expect(headings(wrapper)[0]).toBe('Uw aanvraag is verder');
    expect(count.unread).toBe(1);
    expect(wrapper.find('[role="alert"]').exists()).toBe(false);
  });

  it('"Alles gelezen" marks every message read, at the server too', async () => {
    const { wrapper, fetchMock, count } = await render(() => json(INBOX), {
      'POST /api/notifications/read-all': () => json({ unread: 0 }),
    });
    await buttonNamed(wrapper, 'Alles gelezen')!.trigger('click');
    await flushPromises();
    expect(fetchMock).toHaveBeenCalledWith('/api/notifications/read-all', expect.objectContaining({ method: 'POST' }));
    expect(wrapper.findAll('.loket-inbox__badge')).toHaveLength(0);
    expect(statusText(wrapper)).toContain('U heeft geen nieuwe berichten.');
    expect(count.unread).toBe(0);
    // Nothing left to mark: the button goes.
    expect(buttonNamed(wrapper, 'Alles gelezen')).toBeUndefined();
  });

  it('says so when there are no messages yet, without a list or "Alles gelezen"', async () => {
    const { wrapper } = await render(() => json({ messages: [], unread: 0 }));
    expect(wrapper.text()).toContain('U heeft nog geen berichten.');
    expect(wrapper.find('ul').exists()).toBe(false);
    expect(buttonNamed(wrapper, 'Alles gelezen')).toBeUndefined();
    // The way to the settings is always there.
    expect(wrapper.findAll('a').map((a) => a.text())).toContain('Meldingen op uw telefoon of per e-mail instellen');
  });

  it('a failing server gets the B1 message and a retry that loads the list', async () => {
    let answer = () => apiError(500, 'INTERNAL_ERROR');
    const { wrapper } = await render(() => answer());
    const alert = wrapper.find('[role="alert"]');
    expect(alert.text()).toContain('Er ging bij ons iets mis. Probeer het later nog een keer.');
    expect(alert.text()).not.toContain('developer text');
    expect(wrapper.find('ul').exists()).toBe(false);

    answer = () => json(INBOX);
    await buttonNamed(wrapper, 'Probeer opnieuw')!.trigger('click');
    await vi.waitFor(async () => {
      await flushPromises();
      expect(items(wrapper)).toHaveLength(3);
    });
    expect(wrapper.find('[role="alert"]').exists()).toBe(false);
  });

  it('offline on a personal device: the last list, saying when it was fetched', async () => {
    const online = await render(() => json(INBOX));
    online.wrapper.unmount();
    await vi.waitFor(() => expect(kept.size).toBe(1));

    // Later, without a network: the app opens again (a fresh store) and the request fails.
    const { wrapper } = await render(() => Promise.reject(new TypeError('Failed to fetch')));
    await vi.waitFor(async () => {
      await flushPromises();
      expect(items(wrapper)).toHaveLength(3);
    });
    expect(statusText(wrapper)).toContain('U bent offline. Dit zijn uw berichten van 27 november 2026 om 19:30.');
    expect(headings(wrapper)[0]).toBe('Nieuw: Uw aanvraag is verder');
    expect(wrapper.find('[role="alert"]').exists()).toBe(false);
  });

  it('on a shared computer nothing is kept: offline there is only the no-connection message', async () => {
    deviceSetting.value = { mode: 'shared', setBy: 'library' };
    const online = await render(() => json(INBOX));
    online.wrapper.unmount();
    await flushPromises();
    expect(kept.size).toBe(0);

    const { wrapper } = await render(() => Promise.reject(new TypeError('Failed to fetch')));
    expect(wrapper.find('[role="alert"]').text()).toContain('Er is geen verbinding. Kijk of u internet heeft.');
    expect(wrapper.find('ul').exists()).toBe(false);
    expect(wrapper.text()).not.toContain('U bent offline');
  });

  it('an open inbox catches up when the service worker says a push arrived', async () => {
    const worker = new EventTarget();
    vi.stubGlobal('navigator', Object.create(navigator, { serviceWorker: { value: worker } }) as Navigator);
    let inbox: Inbox = { messages: INBOX.messages.slice(1), unread: 1 };
    const { wrapper, count } = await render(() => json(inbox));
    expect(items(wrapper)).toHaveLength(2);

    inbox = INBOX;
    worker.dispatchEvent(new MessageEvent('message', { data: { type: 'LOKET_PUSH', link: `/aanvragen/${CASE}` } }));
    await vi.waitFor(async () => {
      await flushPromises();
      expect(items(wrapper)).toHaveLength(3);
    });
    expect(headings(wrapper)[0]).toBe('Nieuw: Uw aanvraag is verder');
    expect(count.unread).toBe(2);
  });
});
