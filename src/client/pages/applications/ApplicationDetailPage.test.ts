// fetch is mocked at the edge (see testing/harness.ts); the real API is tested in test/server.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import type { ApplicationDetail } from '../../../domain/api';
import ApplicationDetailPage from './ApplicationDetailPage.vue';
import { apiError, createHarness, detail, freezeToday, json, mockFetch } from '../../testing/harness';
import type { Locale } from '../../i18n';

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

async function renderDetail(application: ApplicationDetail | Response, locale: Locale = 'nl') {
  const id = '0b6f1d4e-1111-4c3a-9d7e-000000000001';
  mockFetch({
    [`GET /api/applications/${id}`]: () => (application instanceof Response ? application : json(application)),
  });
  const { plugins } = await createHarness(locale);
  const wrapper = mount(ApplicationDetailPage, { props: { id }, global: { plugins: [...plugins] } });
  await flushPromises();
  return wrapper;
}

describe('Aanvraag (detail)', () => {
  it('shows the decision and the last day to object', async () => {
    freezeToday();
    const wrapper = await renderDetail(
      detail({
        nextAction: { kind: 'objection_possible', dueDate: '2026-12-29' },
        decision: { result: 'rejected', decidedOn: '2026-11-17', objectionDeadline: '2026-12-29', letter: null },
      }),
    );
    const decision = wrapper.find('[aria-labelledby="decision-title"]');
    expect(decision.text()).toContain('Afgewezen');
    expect(decision.text()).toContain('17 november 2026');
    expect(decision.text()).toContain('Dat kan tot en met 29 december 2026 (nog 31 dagen).');
  });

  it('explains an extended decision term, with the date of the notice', async () => {
    freezeToday();
    const wrapper = await renderDetail(
      detail({
        decisionTerm: {
          statutoryDueDate: '2026-11-26',
          extension: { weeks: 4, noticeOn: '2026-11-20', reason: 'Wij wachten op gegevens van het UWV.' },
          suspendedDays: 0,
          suspendedNow: false,
          expectedDecisionDate: '2026-12-24',
        },
      }),
    );
    const term = wrapper.find('[aria-labelledby="term-title"]');
    expect(term.text()).toContain('Wij nemen uiterlijk 24 december 2026 een besluit.');
    expect(term.text()).toContain(
      'Wij hebben de termijn met 4 weken verlengd. Dat hebben wij u op 20 november 2026 laten weten.',
    );
    expect(term.text()).toContain('Wij wachten op gegevens van het UWV.');
  });

  it('explains a suspended term while documents are awaited, and the document due date', async () => {
    freezeToday();
    const wrapper = await renderDetail(
      detail({
        nextAction: { kind: 'send_documents', dueDate: '2026-12-03' },
        decisionTerm: {
          statutoryDueDate: '2026-11-26',
          extension: null,
          suspendedDays: 9,
          suspendedNow: true,
          expectedDecisionDate: '2026-12-05',
        },
        documentRequests: [
          {
            id: 'd0c00000-0000-4000-8000-000000000001',
            title: { nl: 'Bankafschriften van 3 maanden', en: 'Bank statements for 3 months' },
            reason: { nl: 'Wij willen uw inkomen zien.', en: 'We want to see your income.' },
            requestedOn: '2026-11-19',
            dueDate: '2026-12-03',
            state: 'open',
          },
        ],
      }),
    );
    expect(wrapper.find('[aria-labelledby="term-title"]').text()).toContain(
      'De termijn staat stil tot u de documenten stuurt.',
    );
    const documents = wrapper.find('[aria-labelledby="documents-title"]');
    expect(documents.text()).toContain('Bankafschriften van 3 maanden');
    expect(documents.text()).toContain('Nog sturen');
    expect(documents.text()).toContain('Stuur uiterlijk 3 december 2026 (nog 5 dagen).');
  });

  it('says the same in English', async () => {
    freezeToday();
    const wrapper = await renderDetail(
      detail({
        decisionTerm: {
          statutoryDueDate: '2026-11-26',
          extension: null,
          suspendedDays: 0,
          suspendedNow: true,
          expectedDecisionDate: '2026-12-05',
        },
        decision: null,
      }),
      'en',
    );
    // The page's English messages are a chunk of their own (i18n/applications/), merged on arrival.
    await vi.waitFor(() => expect(wrapper.text()).toContain('We will decide by 5 December 2026.'));
    expect(wrapper.text()).toContain('The term is on hold until you send the documents.');
  });

  it('marks urgent debt help and its first-conversation date', async () => {
    freezeToday();
    const wrapper = await renderDetail(detail({ debtHelp: { urgent: true, firstConversationDueDate: '2026-12-02' } }));
    const debtHelp = wrapper.find('[aria-labelledby="debt-help-title"]');
    expect(debtHelp.text()).toContain('Spoed');
    expect(debtHelp.text()).toContain('Wij spreken u uiterlijk 2 december 2026 voor het eerst (nog 4 dagen).');
  });

  it('lists the status history oldest first and marks the current status', async () => {
    const wrapper = await renderDetail(detail());
    const items = wrapper.findAll('.loket-timeline__item');
    expect(items.map((li) => li.find('.loket-timeline__status').text())).toEqual(['Ontvangen', 'In behandeling (Nu)']);
    expect(items[1]!.attributes('aria-current')).toBe('step');
  });

  it('shows a not-found state for an application that is not there or not theirs', async () => {
    const wrapper = await renderDetail(apiError(404, 'NOT_FOUND'));
    expect(wrapper.text()).toContain('Deze aanvraag bestaat niet of is niet van u.');
    expect(wrapper.text()).not.toContain('developer text');
  });
});
