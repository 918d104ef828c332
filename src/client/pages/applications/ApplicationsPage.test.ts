// fetch is mocked at the edge (see testing/harness.ts); the real API is tested in test/server.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import ApplicationsPage from './ApplicationsPage.vue';
import { apiError, createHarness, freezeToday, json, mockFetch, summary } from '../../testing/harness';
import type { Locale } from '../../i18n';

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

async function renderList(applications: ReturnType<typeof summary>[], locale: Locale = 'nl') {
  mockFetch({ 'GET /api/applications': () => json({ applications }) });
  const { plugins } = await createHarness(locale);
  const wrapper = mount(ApplicationsPage, { global: { plugins: [...plugins] } });
  await flushPromises();
  return wrapper;
}

describe('Mijn aanvragen', () => {
  const waitingForDocuments = summary({
    id: 'a1a1a1a1-0000-4000-8000-000000000001',
    scheme: { code: 'bijzondere_bijstand', name: { nl: 'Bijzondere bijstand', en: 'Special assistance' } },
    nextAction: { kind: 'send_documents', dueDate: '2026-12-03' },
  });

  it('shows the next action with its date and the days left, in Dutch', async () => {
    freezeToday();
    const wrapper = await renderList([waitingForDocuments]);
    expect(wrapper.text()).toContain('Stuur uw documenten uiterlijk 3 december 2026 (nog 5 dagen).');
    expect(wrapper.text()).toContain('Bijzondere bijstand');
  });

  it('shows the next action with its date and the days left, in English', async () => {
    freezeToday();
    const wrapper = await renderList([waitingForDocuments], 'en');
    // The page's English messages are a chunk of their own (i18n/applications/), merged on arrival.
    await vi.waitFor(() => expect(wrapper.text()).toContain('Send your documents by 3 December 2026 (5 days left).'));
    expect(wrapper.text()).toContain('Special assistance');
  });

  it.each([
    ['2026-11-29', 'nog 1 dag'],
    ['2026-11-28', 'vandaag is de laatste dag'],
    ['2026-11-26', 'De laatste dag was 26 november 2026 (2 dagen te laat)'],
  ])('counts days in Amsterdam: due %s reads "%s"', async (dueDate, expected) => {
    // 23:30 UTC is already the next day in Amsterdam (CET, UTC+1).
    freezeToday('2026-11-27T23:30:00Z');
    const wrapper = await renderList([{ ...waitingForDocuments, nextAction: { kind: 'send_documents', dueDate } }]);
    expect(wrapper.text()).toContain(expected);
  });

  it('reads decision and objection dates as plain sentences', async () => {
    freezeToday();
    const wrapper = await renderList([
      summary({ id: 'b2', nextAction: { kind: 'wait_for_decision', dueDate: '2026-12-10' } }),
      summary({ id: 'c3', nextAction: { kind: 'objection_possible', dueDate: '2026-12-31' } }),
      summary({ id: 'd4', nextAction: { kind: 'first_conversation', dueDate: '2026-12-02' } }),
    ]);
    expect(wrapper.text()).toContain('Besluit verwacht uiterlijk 10 december 2026.');
    // A right, said as one: not an instruction to object.
    expect(wrapper.text()).toContain(
      'Er is een besluit. Bent u het er niet mee eens? Dan kunt u tot en met 31 december 2026 bezwaar maken.',
    );
    expect(wrapper.text()).toContain('Eerste gesprek over uw schulden: uiterlijk 2 december 2026 (nog 4 dagen).');
    // Red only for the close task (the conversation in 4 days), not for the decision or the objection term.
    expect(wrapper.findAll('.loket-next-action--urgent').map((p) => p.text())).toEqual([
      'Eerste gesprek over uw schulden: uiterlijk 2 december 2026 (nog 4 dagen).',
    ]);
  });

  it('puts applications with documents to send first, earliest due date first', async () => {
    freezeToday();
    const wrapper = await renderList([
      summary({ id: 'first-from-server', reference: 'R-WAIT' }),
      summary({
        id: 'late-docs',
        reference: 'R-DOCS-LATER',
        nextAction: { kind: 'send_documents', dueDate: '2026-12-20' },
      }),
      summary({
        id: 'objection',
        reference: 'R-OBJ',
        nextAction: { kind: 'objection_possible', dueDate: '2026-12-31' },
      }),
      summary({
        id: 'early-docs',
        reference: 'R-DOCS-SOON',
        nextAction: { kind: 'send_documents', dueDate: '2026-12-01' },
      }),
    ]);
    const references = wrapper.findAll('li.loket-card').map((li) => li.text().match(/R-[A-Z-]+/)?.[0]);
    expect(references).toEqual(['R-DOCS-SOON', 'R-DOCS-LATER', 'R-WAIT', 'R-OBJ']);
  });

  it('links each application to its detail page', async () => {
    const wrapper = await renderList([waitingForDocuments]);
    expect(wrapper.find('h2 a').attributes('href')).toBe(`/aanvragen/${waitingForDocuments.id}`);
  });

  it('says so when there are no applications', async () => {
    const wrapper = await renderList([]);
    expect(wrapper.text()).toContain('U heeft geen aanvragen.');
  });

  it('shows a loading state, then a translated error with a retry that works', async () => {
    let attempt = 0;
    mockFetch({
      'GET /api/applications': () =>
        ++attempt === 1 ? apiError(503, 'SERVICE_UNAVAILABLE') : json({ applications: [] }),
    });
    const { plugins } = await createHarness('nl');
    const wrapper = mount(ApplicationsPage, { global: { plugins: [...plugins] } });
    expect(wrapper.find('[role="status"]').text()).toContain('Uw aanvragen worden geladen');
    await flushPromises();
    expect(wrapper.find('[role="alert"]').text()).toContain('Loket werkt nu even niet.');
    await wrapper.find('[role="alert"] button').trigger('click');
    await flushPromises();
    expect(wrapper.text()).toContain('U heeft geen aanvragen.');
  });
});
