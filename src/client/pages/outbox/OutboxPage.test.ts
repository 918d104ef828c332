// The outbox's in-memory backend stands in for IndexedDB (happy-dom has none); fetch is mocked.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import OutboxPage from './OutboxPage.vue';
import { createOutboxItem, type OutboxItem } from '../../../domain/outbox';
import { memoryOutboxBackend } from '../../offline/outbox-backend';
import { useOutboxBackendForTests } from '../../offline/outbox-engine';
import { setOnline } from '../../stores/device';
import { useConfigStore } from '../../stores/config';
import { useSessionStore } from '../../stores/session';
import { config, createHarness, freezeToday, json, me, mockFetch } from '../../testing/harness';

const key = me.resident.key;

function item(n: number, overrides: Partial<OutboxItem> = {}): OutboxItem {
  return {
    ...createOutboxItem(
      {
        kind: 'question',
        method: 'POST',
        url: '/api/applications/a1/questions',
        body: { text: `Vraag ${n}` },
        subject: 'a1',
      },
      { id: `item-${n}`, idempotencyKey: `00000000-0000-4000-8000-00000000000${n}`, userKey: key },
      new Date(`2026-11-2${n}T09:00:00Z`),
    ),
    ...overrides,
  };
}

let holder: { value: OutboxItem[] };
beforeEach(() => {
  holder = { value: [] };
  useOutboxBackendForTests(memoryOutboxBackend(holder));
});
afterEach(() => {
  useOutboxBackendForTests(null);
  setOnline(true);
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

async function renderPage(
  items: OutboxItem[],
  ask = () => json({ question: { id: 'q1', text: 'x', askedAt: '2026-11-28T10:00:00Z' } }, 201),
) {
  holder.value = items;
  const fetchMock = mockFetch({
    'GET /api/session': () => json({ me }),
    'GET /api/config': () => json(config),
    'POST /api/applications/a1/questions': ask,
  });
  const harness = await createHarness('nl');
  await Promise.all([useSessionStore(harness.pinia).load(), useConfigStore(harness.pinia).load()]);
  const wrapper = mount(OutboxPage, { global: { plugins: [...harness.plugins] } });
  await vi.waitFor(async () => {
    await flushPromises();
    expect(wrapper.findAll('li').length).toBe(items.filter((i) => i.state !== 'cancelled').length);
  });
  return { wrapper, fetchMock };
}

const card = (wrapper: Awaited<ReturnType<typeof renderPage>>['wrapper'], text: string) =>
  wrapper.findAll('li').find((li) => li.text().includes(text))!;

describe('Wacht op verzenden', () => {
  it("shows each item's state in plain words, newest first", async () => {
    setOnline(false);
    const { wrapper } = await renderPage([
      item(1, { state: 'sent', attempts: 1 }),
      item(2, {
        state: 'failed',
        attempts: 1,
        lastError: { code: 'NETWORK_ERROR', status: 0 },
        nextAttemptAt: '2099-01-01T00:00:00Z',
      }),
      item(3, { state: 'refused', attempts: 1, lastError: { code: 'CASE_CLOSED', status: 409 } }),
      item(4, { state: 'cancelled' }),
    ]);
    const cards = wrapper.findAll('li').map((li) => li.text());
    expect(cards[0]).toContain('Vraag 3');
    expect(cards[0]).toContain('Niet verstuurd');
    expect(cards[0]).toContain('Over deze aanvraag kunt u geen vragen meer stellen.');
    expect(cards[0]).toContain('Wat kunt u doen? Bel ons: 030 123 45 67.');
    expect(cards[1]).toContain('Wacht op verbinding');
    expect(cards[2]).toContain('Verstuurd');
    expect(wrapper.text()).not.toContain('Vraag 4');
  });

  it('"Probeer nu opnieuw" sends a failed item at once, with its own idempotency key', async () => {
    const failed = item(2, {
      state: 'failed',
      attempts: 1,
      lastError: { code: 'INTERNAL_ERROR', status: 500 },
      nextAttemptAt: '2099-01-01T00:00:00Z',
    });
    const { wrapper, fetchMock } = await renderPage([failed]);
    expect(card(wrapper, 'Vraag 2').text()).toContain('Niet gelukt. Wij proberen het straks opnieuw.');
    await card(wrapper, 'Vraag 2')
      .findAll('button')
      .find((b) => b.text() === 'Probeer nu opnieuw')!
      .trigger('click');
    await vi.waitFor(async () => {
      await flushPromises();
      expect(card(wrapper, 'Vraag 2').text()).toContain('Verstuurd');
    });
    const sends = fetchMock.mock.calls.filter(([url]) => String(url).endsWith('/questions'));
    expect(sends).toHaveLength(1);
    expect((sends[0]![1]!.headers as Record<string, string>)['Idempotency-Key']).toBe(failed.idempotencyKey);
  });

  it('"Niet versturen" cancels an item: it is never sent', async () => {
    const failed = item(2, {
      state: 'failed',
      attempts: 1,
      lastError: { code: 'NETWORK_ERROR', status: 0 },
      nextAttemptAt: '2099-01-01T00:00:00Z',
    });
    const { wrapper, fetchMock } = await renderPage([failed]);
    await card(wrapper, 'Vraag 2')
      .findAll('button')
      .find((b) => b.text() === 'Niet versturen')!
      .trigger('click');
    await vi.waitFor(async () => {
      await flushPromises();
      expect(wrapper.text()).toContain('Er wacht niets. Alles is verstuurd.');
    });
    expect(holder.value[0]!.state).toBe('cancelled');
    expect(fetchMock.mock.calls.some(([url]) => String(url).endsWith('/questions'))).toBe(false);
  });

  it('warns about items that have waited more than 5 days', async () => {
    freezeToday('2026-11-28T10:00:00Z');
    setOnline(false);
    const { wrapper } = await renderPage([
      item(1, {
        createdAt: '2026-11-21T09:00:00Z',
        state: 'failed',
        attempts: 3,
        lastError: { code: 'NETWORK_ERROR', status: 0 },
        nextAttemptAt: '2099-01-01T00:00:00Z',
      }),
    ]);
    expect(wrapper.text()).toContain('Dit wacht al meer dan 5 dagen.');
  });
});
