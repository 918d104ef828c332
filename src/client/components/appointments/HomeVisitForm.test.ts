// The home-visit form and list: queued through the outbox, state shown, cancel queued too.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import HomeVisitForm from './HomeVisitForm.vue';
import HomeVisitList from './HomeVisitList.vue';
import type { HomeVisit } from '../../../domain/home-visits-api';
import type { OutboxItem } from '../../../domain/outbox';
import { memoryOutboxBackend } from '../../offline/outbox-backend';
import { useOutboxBackendForTests } from '../../offline/outbox-engine';
import { setOnline } from '../../stores/device';
import { useSessionStore } from '../../stores/session';
import { createHarness, json, me, mockFetch, summary } from '../../testing/harness';
import { useAppointmentsMessages } from './messages';
import { defineComponent, h } from 'vue';

const HV = '7c1d2e3f-3333-4a4b-8c5d-000000000001';
const CASE = '0b6f1d4e-1111-4c3a-9d7e-000000000001';
let holder: { value: OutboxItem[] };
beforeEach(() => {
  holder = { value: [] };
  useOutboxBackendForTests(memoryOutboxBackend(holder));
  setOnline(false);
});
afterEach(() => {
  useOutboxBackendForTests(null);
  setOnline(true);
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

/** Mounts `component` with the appointments messages merged, as the pages do. */
async function render(component: object, props: Record<string, unknown>) {
  mockFetch({
    'GET /api/session': () => json({ me }),
    'POST /api/home-visits': () => Promise.reject(new TypeError('Failed to fetch')),
    [`POST /api/home-visits/${HV}/cancel`]: () => Promise.reject(new TypeError('Failed to fetch')),
  });
  const harness = await createHarness('nl');
  await useSessionStore(harness.pinia).load();
  const Wrapper = defineComponent({
    setup() {
      useAppointmentsMessages();
      return () => h(component as never, props);
    },
  });
  return mount(Wrapper, { global: { plugins: [...harness.plugins] }, attachTo: document.body });
}

const address = { street: 'Dorpsstraat 12', postalCode: '3431 AB', city: 'Nieuwegein' };

describe('Huisbezoek', () => {
  it('says what is missing, then queues the request with the confirmed address in the outbox', async () => {
    const wrapper = await render(HomeVisitForm, { registeredAddress: address, applications: [summary({ id: CASE })] });
    expect(wrapper.findAll('fieldset legend').map((l) => l.text())).toEqual([
      'Waarom kunt u niet naar ons toe komen?',
      'Op welk adres komen wij?',
      'Wanneer bent u thuis?',
    ]);
    await wrapper.find('#hv-phone').setValue('12345');
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    // A summary on top that takes focus and names each problem, linked to its question.
    const errorSummary = wrapper.find('.loket-error-summary');
    expect(errorSummary.find('[role="alert"] h2').text()).toBe('Er ging iets mis');
    expect(document.activeElement).toBe(errorSummary.element);
    expect(errorSummary.findAll('a').map((a) => [a.attributes('href'), a.text()])).toEqual([
      ['#hv-reason', 'Kies waarom u niet naar ons toe kunt komen.'],
      ['#hv-at-home', 'Kies minstens één dagdeel waarop u thuis bent.'],
      ['#hv-phone', 'Dit telefoonnummer klopt niet. Vul een Nederlands nummer in, bijvoorbeeld 06 12345678.'],
    ]);
    // At each question too: the fieldset or field is marked invalid and described by its message.
    expect(wrapper.find('#hv-reason').attributes('aria-invalid')).toBe('true');
    expect(wrapper.find('#hv-reason').attributes('aria-describedby')).toBe('hv-reason-error');
    expect(wrapper.find('#hv-reason-error').text()).toBe('Kies waarom u niet naar ons toe kunt komen.');
    expect(wrapper.find('#hv-phone').attributes('aria-invalid')).toBe('true');
    expect(wrapper.find('#hv-phone').attributes('aria-describedby')).toBe('hv-phone-error hv-phone-description');
    // What was typed stays.
    expect((wrapper.find('#hv-phone').element as HTMLInputElement).value).toBe('12345');
    // The link to a fieldset moves focus to its first option.
    await errorSummary.find('a[href="#hv-at-home"]').trigger('click');
    expect(document.activeElement).toBe(wrapper.find('input[name="hv-at-home"]').element);
    expect(holder.value).toHaveLength(0);

    await wrapper.find('input[name="hv-reason"][value="other"]').setValue(true);
    await wrapper.find('#hv-reason-text').setValue('Ik heb geen vervoer');
    await wrapper.find('input[name="hv-at-home"][value="2-morning"]').setValue(true);
    await wrapper.find('input[name="hv-at-home"][value="4-afternoon"]').setValue(true);
    await wrapper.find('#hv-phone').setValue('06 12345678');
    await wrapper.find('#hv-case').setValue(CASE);
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    await vi.waitFor(() => expect(holder.value).toHaveLength(1));
    expect(holder.value[0]).toMatchObject({
      kind: 'home-visit',
      url: '/api/home-visits',
      body: {
        reason: 'other',
        reasonText: 'Ik heb geen vervoer',
        address,
        atHome: [
          { day: 2, part: 'morning' },
          { day: 4, part: 'afternoon' },
        ],
        phone: '06 12345678',
        caseId: CASE,
      },
    });
    // The confirmation says what happens next and links to where the request can be followed.
    await vi.waitFor(() => expect(wrapper.find('[data-hv-report] h2').text()).toBe('Uw aanvraag wacht op verzenden.'));
    expect(document.activeElement).toBe(wrapper.find('[data-hv-report] h2').element);
    expect(wrapper.find('[data-hv-report]').text()).toContain('Wij sturen uw aanvraag zodra er weer internet is.');
    expect(wrapper.find('[data-hv-report] a').attributes('href')).toBe('/afspraken');
    expect(wrapper.find('[data-hv-report] a').text()).toBe('Bekijk uw aanvraag bij Mijn afspraken');
  });

  it('a corrected address is asked for and sent instead', async () => {
    const wrapper = await render(HomeVisitForm, { registeredAddress: address, applications: [] });
    await wrapper.find('input[name="hv-reason"][value="illness"]').setValue(true);
    await wrapper.find('input[name="hv-address"][value="other"]').setValue(true);
    await wrapper.find('#hv-street').setValue('Kerkweg 3');
    await wrapper.find('#hv-postal').setValue('3432 CD');
    await wrapper.find('#hv-city').setValue('Nieuwegein');
    await wrapper.find('input[name="hv-at-home"][value="1-morning"]').setValue(true);
    await wrapper.find('#hv-phone').setValue('06 12345678');
    await wrapper.find('form').trigger('submit');
    await vi.waitFor(() => expect(holder.value).toHaveLength(1));
    expect(holder.value[0]!.body).toMatchObject({
      reason: 'illness',
      address: { street: 'Kerkweg 3', postalCode: '3432 CD', city: 'Nieuwegein' },
    });
  });

  it('lists the state (declined with reason, planned) and queues a cancellation shown as pending', async () => {
    const base: HomeVisit = {
      id: HV,
      reference: 'HB-1234',
      state: 'planned',
      reason: 'illness',
      reasonText: null,
      address,
      addressCorrected: false,
      atHome: [{ day: 1, part: 'morning' }],
      phone: '06 12345678',
      caseId: null,
      note: null,
      planned: { date: '2026-12-07', from: '09:00', until: '12:00' },
      alternative: null,
      declineReason: null,
      requestedAt: '2026-11-20T09:00:00.000Z',
      changedAt: '2026-11-21T09:00:00.000Z',
      canCancel: true,
      canAcceptAlternative: false,
    };
    const declined: HomeVisit = {
      ...base,
      id: '7c1d2e3f-3333-4a4b-8c5d-000000000002',
      state: 'declined',
      planned: null,
      declineReason: 'U woont buiten ons gebied.',
      canCancel: false,
    };
    const wrapper = await render(HomeVisitList, { visits: [base, declined] });
    const cards = wrapper.findAll('[data-home-visit]');
    expect(cards[0]!.text()).toContain('Gepland');
    expect(cards[0]!.text()).toContain('Wij komen op 7 december 2026 tussen 09:00 en 12:00 uur.');
    expect(cards[1]!.text()).toContain('Afgewezen');
    expect(cards[1]!.text()).toContain('De reden: U woont buiten ons gebied.');
    expect(cards[1]!.find('button').exists()).toBe(false);
    await cards[0]!.find('button').trigger('click');
    await vi.waitFor(() => expect(holder.value).toHaveLength(1));
    expect(holder.value[0]).toMatchObject({
      kind: 'cancel-home-visit',
      url: `/api/home-visits/${HV}/cancel`,
      body: {},
    });
    await vi.waitFor(() => expect(wrapper.find(`[data-home-visit="${HV}"]`).text()).toContain('Wacht op verzenden'));
  });
});
