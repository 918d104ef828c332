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

const bankStatements = {
  id: 'd0c00000-0000-4000-8000-000000000001',
  title: { nl: 'Bankafschriften van 3 maanden', en: 'Bank statements for 3 months' },
  reason: { nl: 'Wij willen uw inkomen zien.', en: 'We want to see your income.' },
  requestedOn: '2026-11-19',
  dueDate: '2026-12-03',
  state: 'open' as const,
  rejectionReason: null,
};
const suspendedTerm = {
  statutoryDueDate: '2026-11-26',
  extension: null,
  suspendedDays: 9,
  suspendedNow: true,
  expectedDecisionDate: '2026-12-05',
};

describe('Aanvraag (detail)', () => {
  it('holds only actions under "Wat moet u doen?": one primary button, the date in the urgent style', async () => {
    freezeToday();
    const wrapper = await renderDetail(
      detail({
        nextAction: { kind: 'send_documents', dueDate: '2026-12-03' },
        decisionTerm: suspendedTerm,
        documentRequests: [
          bankStatements,
          {
            ...bankStatements,
            id: 'd0c00000-0000-4000-8000-000000000002',
            title: { nl: 'Huurcontract', en: 'Rental contract' },
            dueDate: '2026-12-20',
          },
        ],
      }),
    );
    const todo = wrapper.find('[aria-labelledby="next-step-title"]');
    expect(todo.text()).toContain(
      'Stuur de documenten die wij vragen. Dat kan tot en met 3 december 2026 (nog 5 dagen).',
    );
    expect(todo.text()).not.toMatch(/Besluit|bezwaar/i);
    expect(todo.find('.loket-next-action--urgent').exists()).toBe(true);
    const buttons = wrapper.findAll('.utrecht-button--primary-action');
    expect(buttons.map((b) => b.text())).toEqual(['Documenten sturen']);
    expect(buttons[0]!.attributes('href')).toBe('/aanvragen/0b6f1d4e-1111-4c3a-9d7e-000000000001/documenten');
    // The expected decision is a date to know, with why it may move; not red.
    const dates = wrapper.find('[aria-labelledby="dates-title"]');
    expect(dates.text()).toContain('Besluit verwacht');
    expect(dates.text()).toContain('Uiterlijk 5 december 2026');
    expect(dates.text()).toContain('Deze datum schuift op zolang wij op uw documenten wachten.');
    expect(dates.find('.loket-next-action--urgent').exists()).toBe(false);
    // Only the document due within a week is red; the other is plain.
    const cards = wrapper.find('[aria-labelledby="documents-title"]').findAll('li');
    expect(cards.map((c) => c.classes().includes('loket-card--urgent'))).toEqual([true, false]);
    expect(cards[1]!.text()).toContain('Stuur uiterlijk 20 december 2026 (nog 22 dagen).');
  });

  it('shows a rejection with its reason beside the way to send again', async () => {
    freezeToday();
    const wrapper = await renderDetail(
      detail({
        nextAction: { kind: 'send_documents', dueDate: '2026-12-03' },
        documentRequests: [
          { ...bankStatements, state: 'rejected', rejectionReason: 'De foto is niet scherp. Maak een nieuwe foto.' },
        ],
      }),
    );
    const todo = wrapper.find('[aria-labelledby="next-step-title"]');
    expect(todo.text()).toContain(
      'Wij konden "Bankafschriften van 3 maanden" niet gebruiken. De reden: De foto is niet scherp. Maak een nieuwe foto.',
    );
    expect(todo.find('a.utrecht-button--primary-action').text()).toBe('Documenten sturen');
    expect(wrapper.find('[aria-labelledby="documents-title"]').text()).toContain('Afgekeurd');
  });

  it('keeps the request cards in due-date order, whatever their state', async () => {
    freezeToday();
    const wrapper = await renderDetail(
      detail({
        documentRequests: [
          {
            ...bankStatements,
            id: 'd0c00000-0000-4000-8000-00000000000b',
            dueDate: '2026-12-20',
            title: { nl: 'B', en: 'B' },
          },
          {
            ...bankStatements,
            id: 'd0c00000-0000-4000-8000-00000000000a',
            state: 'received',
            title: { nl: 'A', en: 'A' },
          },
        ],
      }),
    );
    const titles = wrapper.find('[aria-labelledby="documents-title"]').findAll('h3');
    expect(titles.map((h) => h.text())).toEqual(['A', 'B']);
    expect(wrapper.find('[aria-labelledby="documents-title"]').text()).toContain(
      'Wij hebben het ontvangen en kijken of het goed is. U hoeft nu niets te sturen.',
    );
  });

  it('decided: the letter as the task; the decision date and the objection term as dates, with the way to object', async () => {
    freezeToday();
    const wrapper = await renderDetail(
      detail({
        nextAction: { kind: 'objection_possible', dueDate: '2026-12-29' },
        decisionTerm: null,
        decision: {
          result: 'rejected',
          decidedOn: '2026-11-17',
          objectionDeadline: '2026-12-29',
          letter: { documentId: 'l1', title: 'Besluit bijstand' },
        },
      }),
    );
    const todo = wrapper.find('[aria-labelledby="next-step-title"]');
    expect(todo.text()).toContain('Lees de brief met ons besluit.');
    expect(todo.text()).not.toMatch(/bezwaar/i);
    expect(wrapper.find('[aria-labelledby="decision-title"]').text()).toContain('Afgewezen');
    const dates = wrapper.find('[aria-labelledby="dates-title"]');
    expect(dates.text()).toContain('17 november 2026');
    expect(dates.text()).toContain(
      'Kan tot en met 29 december 2026 (nog 31 dagen), als u het niet eens bent met het besluit.',
    );
    expect(dates.find('a').text()).toBe('Zo maakt u bezwaar');
    expect(dates.find('a').attributes('href')).toBe('/aanvragen/0b6f1d4e-1111-4c3a-9d7e-000000000001/bezwaar');
    expect(wrapper.findAll('.loket-next-action--urgent')).toHaveLength(0);
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
    expect(wrapper.find('[aria-labelledby="next-step-title"]').text()).toContain('U hoeft nu niets te doen.');
    const dates = wrapper.find('[aria-labelledby="dates-title"]');
    expect(dates.text()).toContain('Uiterlijk 24 december 2026');
    expect(dates.text()).toContain(
      'Wij hebben de termijn met 4 weken verlengd. Dat hebben wij u op 20 november 2026 laten weten.',
    );
    expect(dates.text()).toContain('Wij wachten op gegevens van het UWV.');
  });

  it('says the same in English', async () => {
    freezeToday();
    const wrapper = await renderDetail(detail({ decisionTerm: suspendedTerm, decision: null }), 'en');
    // The page's English messages are a chunk of their own (i18n/applications/), merged on arrival.
    await vi.waitFor(() => expect(wrapper.text()).toContain('Important dates'));
    expect(wrapper.text()).toContain('By 5 December 2026');
    expect(wrapper.text()).toContain('This date moves later while we wait for your documents.');
  });

  it('urgent debt help: the first conversation within 3 working days, not the decision date', async () => {
    freezeToday();
    const wrapper = await renderDetail(
      detail({
        scheme: { code: 'schuldhulpverlening', name: { nl: 'Schuldhulp', en: 'Debt help' } },
        nextAction: { kind: 'first_conversation', dueDate: '2026-12-02' },
        debtHelp: { urgent: true, firstConversationDueDate: '2026-12-02' },
      }),
    );
    const todo = wrapper.find('[aria-labelledby="next-step-title"]');
    expect(todo.text()).toContain(
      'Maak een afspraak voor het eerste gesprek over uw schulden. Het gesprek is uiterlijk 2 december 2026 (nog 4 dagen).',
    );
    expect(todo.find('a.utrecht-button--primary-action').text()).toBe('Afspraak maken');
    const dates = wrapper.find('[aria-labelledby="dates-title"]');
    expect(dates.text()).toContain('Eerste gesprek over uw schulden');
    expect(dates.text()).toContain('Uiterlijk 2 december 2026 (nog 4 dagen)');
    expect(dates.text()).not.toContain('Besluit verwacht');
    // Red once: in the task, not again in the dates.
    expect(wrapper.findAll('.loket-next-action--urgent')).toHaveLength(1);
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
