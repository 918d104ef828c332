// The planner's forms (fetch mocked at the edge): a closure refused by the server is shown in
// words with the typed input kept; a saved closure lists the bookings it hits to call those
// residents; planning a home visit sends the window once per action key and reports it.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import type { QueuedHomeVisit } from '../../../domain/planning-api';
import { installFeatureMessages, type MergeTarget } from '../../i18n/feature-messages';
import { staffMessages } from '../../i18n/staff/index';
import { apiError, createHarness, json, mockFetch } from '../../testing/harness';
import ClosureForm from './ClosureForm.vue';
import VisitActions from './VisitActions.vue';

const PLACE = 'voorburg-corbulo';
const CLOSURES = `/api/staff/planning/locations/${PLACE}/closures`;
const VISIT = '3f0c0000-0000-4000-8000-0000000000aa';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

async function harness(routes: Parameters<typeof mockFetch>[0]) {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-11-23T09:00:00Z'));
  const fetchMock = mockFetch(routes);
  const h = await createHarness('nl');
  installFeatureMessages(h.i18n.global as unknown as MergeTarget, staffMessages);
  return { fetchMock, plugins: [...h.plugins] };
}

describe('Sluiting toevoegen', () => {
  it('shows a refusal in words and keeps what the planner typed', async () => {
    const { fetchMock, plugins } = await harness({
      [`POST ${CLOSURES}`]: () => apiError(422, 'PLANNING_END_BEFORE_START'),
    });
    const wrapper = mount(ClosureForm, { props: { locationId: PLACE }, global: { plugins } });
    expect(wrapper.find('label[for="closure-reason"]').text()).toBe('Reden');
    await wrapper.find('#closure-dateFrom').setValue('2026-11-30');
    await wrapper.find('#closure-dateUntil').setValue('2026-11-27');
    await wrapper.find('#closure-reason').setValue('Verhuizing');
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    await vi.waitFor(() => expect(wrapper.find('[role="alert"]').text()).toContain('Het einde ligt voor het begin.'));
    expect((wrapper.find('#closure-reason').element as HTMLInputElement).value).toBe('Verhuizing');
    expect((wrapper.find('#closure-dateUntil').element as HTMLInputElement).value).toBe('2026-11-27');
    const [, init] = fetchMock.mock.calls[0]!;
    expect(JSON.parse(String(init!.body))).toEqual({
      dateFrom: '2026-11-30',
      dateUntil: '2026-11-27',
      reason: 'Verhuizing',
    });
  });

  it('asks for a reason before sending anything', async () => {
    const { fetchMock, plugins } = await harness({});
    const wrapper = mount(ClosureForm, { props: { locationId: PLACE }, global: { plugins } });
    await wrapper.find('form').trigger('submit');
    // The summary names the question; the field says what to do.
    expect(wrapper.find('[role="alert"] li').text()).toBe('Reden: Vul dit in.');
    expect(wrapper.find('#closure-reason-error').text()).toBe('Vul dit in.');
    expect(wrapper.find('#closure-reason').attributes('aria-invalid')).toBe('true');
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('lists the bookings inside a saved closure: they stay booked, the planner calls them', async () => {
    const affected = [
      {
        id: '3f0c0000-0000-4000-8000-000000000001',
        reference: 'AFS-ABC1234',
        date: '2026-11-30',
        time: '10:30',
        type: { code: 'intake', name: { nl: 'Intakegesprek', en: 'Intake' } },
        residentName: 'Jan de Vries',
        phone: '06 12345678',
      },
    ];
    const { plugins } = await harness({
      [`POST ${CLOSURES}`]: () => json({ closures: [], affected }, 201),
      [`GET ${CLOSURES}`]: () => json({ closures: [] }),
      [`GET /api/staff/planning/locations/${PLACE}/capacity-changes`]: () => json({ capacityChanges: [] }),
    });
    const wrapper = mount(ClosureForm, { props: { locationId: PLACE }, global: { plugins } });
    await wrapper.find('#closure-dateFrom').setValue('2026-11-30');
    await wrapper.find('#closure-reason').setValue('Storing');
    await wrapper.find('form').trigger('submit');
    await vi.waitFor(async () => {
      await flushPromises();
      expect(wrapper.find('table caption').text()).toBe('Afspraken in de sluiting');
    });
    expect(wrapper.find('tbody tr').text()).toContain('Jan de Vries');
    expect(wrapper.find('tbody tr').text()).toContain('06 12345678');
    expect(wrapper.text()).toContain('Deze afspraken blijven staan.');
  });
});

describe('Huisbezoek plannen', () => {
  const visit: QueuedHomeVisit = {
    id: VISIT,
    reference: 'HB-DEMO032',
    state: 'requested',
    residentName: 'Fatima El Amrani',
    municipality: { code: '0629', name: 'Wassenaar' },
    reason: 'disability',
    reasonText: null,
    address: { street: 'Langstraat 40', postalCode: '2242 KM', city: 'Wassenaar' },
    addressCorrected: false,
    atHome: [{ day: 2, part: 'morning' }],
    phone: '06 12345670',
    caseReference: null,
    note: null,
    planned: null,
    alternativeNote: null,
    requestedAt: '2026-11-21T15:20:00.000Z',
  };

  it('sends the day and window with an Idempotency-Key and reports the plan', async () => {
    const planned = { ...visit, state: 'planned', planned: { date: '2026-11-25', from: '10:00', until: '12:00' } };
    const { fetchMock, plugins } = await harness({
      [`POST /api/staff/planning/home-visits/${VISIT}/plan`]: () => json({ homeVisit: planned }),
      'GET /api/staff/planning/home-visits': () => json({ homeVisits: [planned] }),
    });
    const wrapper = mount(VisitActions, { props: { visit }, global: { plugins } });
    expect(wrapper.findAll('input[type="radio"]')).toHaveLength(3);
    await wrapper.find(`#visit-${VISIT}-date`).setValue('2026-11-25');
    await wrapper.find('form').trigger('submit');
    await vi.waitFor(async () => {
      await flushPromises();
      expect(wrapper.emitted('finished')?.[0]).toEqual([
        'Huisbezoek HB-DEMO032 is gepland. De inwoner ziet het nu in Loket.',
      ]);
    });
    const [, init] = fetchMock.mock.calls[0]!;
    expect(JSON.parse(String(init!.body))).toEqual({ date: '2026-11-25', from: '10:00', until: '12:00' });
    expect((init!.headers as Record<string, string>)['Idempotency-Key']).toMatch(/^[0-9a-f-]{36}$/);
  });
});
