// fetch is mocked at the edge (see testing/harness.ts); the outbox uses its in-memory backend
// here (happy-dom has no IndexedDB; the browser tests use the real one).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import QuestionSection from './QuestionSection.vue';
import { memoryOutboxBackend, type OutboxBackend } from '../../offline/outbox-backend';
import { useOutboxBackendForTests } from '../../offline/outbox-engine';
import { useConfigStore } from '../../stores/config';
import { useSessionStore } from '../../stores/session';
import { apiError, config, createHarness, detail, json, me, mockFetch } from '../../testing/harness';

const application = detail();
const askUrl = `POST /api/applications/${application.id}/questions`;
let backend: OutboxBackend;

beforeEach(() => {
  backend = memoryOutboxBackend({ value: [] });
  useOutboxBackendForTests(backend);
});
afterEach(() => {
  useOutboxBackendForTests(null);
  vi.unstubAllGlobals();
});

async function renderSection(ask: (init: RequestInit | undefined) => Response | Promise<Response>) {
  const fetchMock = mockFetch({
    'GET /api/session': () => json({ me }),
    'GET /api/config': () => json(config),
    [askUrl]: ask,
  });
  const harness = await createHarness('nl');
  await Promise.all([useSessionStore(harness.pinia).load(), useConfigStore(harness.pinia).load()]);
  const wrapper = mount(QuestionSection, { props: { application }, global: { plugins: [...harness.plugins] } });
  const field = wrapper.find('textarea');
  return { wrapper, field, fetchMock };
}

async function ask(wrapper: Awaited<ReturnType<typeof renderSection>>['wrapper'], text: string) {
  await wrapper.find('textarea').setValue(text);
  await wrapper.find('form').trigger('submit');
  await vi.waitFor(async () => {
    await flushPromises();
    expect(wrapper.find('[role="status"]').text()).not.toBe('');
  });
  await flushPromises();
}

describe('Stel een vraag', () => {
  it('sends through the outbox with an Idempotency-Key, then says "verstuurd" and lists it', async () => {
    const { wrapper, field, fetchMock } = await renderSection(() =>
      json(
        {
          question: {
            id: '9f0c0000-0000-4000-8000-000000000001',
            text: 'Wanneer beslist u?',
            askedAt: '2026-11-28T10:00:00.000Z',
          },
        },
        201,
      ),
    );
    expect(field.attributes()).toHaveProperty('data-keep-on-update');
    expect(wrapper.find('label').text()).toBe('Stel een vraag');
    await ask(wrapper, '  Wanneer beslist u?  ');
    await vi.waitFor(() => expect(wrapper.find('[role="status"]').text()).toContain('Uw vraag is verstuurd.'));
    const [, init] = fetchMock.mock.calls.find(([url]) => String(url).endsWith('/questions'))!;
    expect(JSON.parse(String(init!.body))).toEqual({ text: 'Wanneer beslist u?' });
    expect((init!.headers as Record<string, string>)['Idempotency-Key']).toMatch(/^[0-9a-f-]{36}$/);
    expect((field.element as HTMLTextAreaElement).value).toBe('');
    expect(wrapper.text()).toContain('Wanneer beslist u?');
    expect(wrapper.text()).toContain('Verstuurd');
  });

  it('without a network: the question waits in the outbox, listed as "Wacht op verbinding"', async () => {
    const { wrapper } = await renderSection(() => Promise.reject(new TypeError('Failed to fetch')));
    await ask(wrapper, 'Mag ik langskomen?');
    await vi.waitFor(() => expect(wrapper.find('[role="status"]').text()).toContain('Wacht op verbinding.'));
    expect(wrapper.text()).toContain('Mag ik langskomen?');
    expect((await backend.list(me.resident.key)).map((i) => i.state)).toEqual(['failed']);
  });

  it('keeps what the resident typed when the question cannot be kept', async () => {
    useOutboxBackendForTests({ ...backend, put: () => Promise.reject(new Error('QuotaExceededError')) });
    const { wrapper, field } = await renderSection(() => json({}, 201));
    await field.setValue('Mijn lange vraag over de huur');
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    await vi.waitFor(() => expect(wrapper.find('[role="alert"]').text()).toContain('Uw vraag is niet bewaard.'));
    expect((field.element as HTMLTextAreaElement).value).toBe('Mijn lange vraag over de huur');
    expect(field.attributes('aria-invalid')).toBe('true');
  });

  it('shows a refusal with the reason and the next step, and keeps the text visible', async () => {
    const { wrapper } = await renderSection(() => apiError(409, 'CASE_CLOSED'));
    await ask(wrapper, 'Kan het toch nog?');
    await vi.waitFor(() => expect(wrapper.text()).toContain('Over deze aanvraag kunt u geen vragen meer stellen.'));
    expect(wrapper.text()).toContain('Kan het toch nog?');
    expect(wrapper.find('a[href="tel:0301234567"]').exists()).toBe(true);
    await wrapper
      .findAll('button')
      .find((b) => b.text() === 'Weghalen uit de lijst')!
      .trigger('click');
    await flushPromises();
    expect(wrapper.text()).not.toContain('Kan het toch nog?');
  });

  it('asks for text first', async () => {
    const { wrapper, fetchMock } = await renderSection(() => json({}, 201));
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    // The summary above the field links to it; the field carries the message too.
    expect(wrapper.find('.loket-error-summary a').text()).toBe('Typ eerst uw vraag.');
    expect(wrapper.find('.loket-error-summary a').attributes('href')).toBe(
      `#${wrapper.find('textarea').attributes('id')}`,
    );
    expect(wrapper.find('textarea').attributes('aria-invalid')).toBe('true');
    expect(wrapper.find('.utrecht-form-field-error-message').text()).toBe('Typ eerst uw vraag.');
    expect(fetchMock.mock.calls.some(([url]) => String(url).endsWith('/questions'))).toBe(false);
  });

  it('offers the phone instead of a form once the application is closed for questions', async () => {
    mockFetch({ 'GET /api/config': () => json(config) });
    const harness = await createHarness('nl');
    await useConfigStore(harness.pinia).load();
    const closed = detail({
      decision: { result: 'granted', decidedOn: '2020-01-06', objectionDeadline: '2020-02-17', letter: null },
    });
    const wrapper = mount(QuestionSection, {
      props: { application: closed },
      global: { plugins: [...harness.plugins] },
    });
    expect(wrapper.find('form').exists()).toBe(false);
    expect(wrapper.text()).toContain('Bel ons als u een vraag heeft.');
  });
});
