// The confirmation page: facts, QR and .ics, and a cancellation made offline shown as pending.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import AppointmentPage from './AppointmentPage.vue';
import type { OutboxItem } from '../../../domain/outbox';
import { memoryOutboxBackend } from '../../offline/outbox-backend';
import { useOutboxBackendForTests } from '../../offline/outbox-engine';
import { setOnline } from '../../stores/device';
import { useSessionStore } from '../../stores/session';
import { APPT, appointment } from '../../components/appointments/testing';
import { apiError, createHarness, freezeToday, json, me, mockFetch, summary } from '../../testing/harness';

const CUT_OFF_TEXT = 'U kunt hem nu niet meer online veranderen of afzeggen.';
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
  document.body.innerHTML = '';
});

const CASE = '7d5f8a2e-1b3c-4d6e-9f00-123456789abc';

async function render(
  cancel: () => Response | Promise<Response>,
  linked: Partial<ReturnType<typeof appointment>> = {},
  startAt?: string,
) {
  freezeToday();
  mockFetch({
    'GET /api/session': () => json({ me }),
    'GET /api/applications': () => json({ applications: [summary({ id: CASE, reference: 'WI-2026-00042' })] }),
    [`GET /api/appointments/${APPT}`]: () => json({ appointment: { ...appointment(), ...linked } }),
    [`POST /api/appointments/${APPT}/cancel`]: cancel,
  });
  const harness = await createHarness('nl', startAt ? { startAt } : {});
  await useSessionStore(harness.pinia).load();
  const wrapper = mount(AppointmentPage, {
    props: { id: APPT },
    global: { plugins: [...harness.plugins] },
    attachTo: document.body,
  });
  await vi.waitFor(async () => {
    await flushPromises();
    expect(wrapper.find('[data-reference]').exists()).toBe(true);
  });
  return wrapper;
}

async function cancelWith(wrapper: Awaited<ReturnType<typeof render>>, reason: string) {
  await wrapper
    .findAll('button')
    .find((b) => b.text() === 'Afzeggen')!
    .trigger('click');
  await wrapper.find('#cancel-reason').setValue(reason);
  await wrapper.find('form[data-cancel]').trigger('submit');
  await flushPromises();
}

describe('Afspraak', () => {
  it('shows reference, date, time, address, route, what to bring, the QR code and the .ics link', async () => {
    const wrapper = await render(() => json({}));
    expect(wrapper.find('[data-reference]').text()).toBe('AFS-7K3P9Q');
    expect(wrapper.text()).toContain('2 december 2026');
    expect(wrapper.text()).toContain('10:00 – 10:30');
    expect(wrapper.text()).toContain('Stationsplein 1');
    expect(wrapper.text()).toContain('Uw identiteitsbewijs');
    expect(wrapper.find('img').attributes('alt')).toContain('AFS-7K3P9Q');
    expect(wrapper.find('img').attributes('src')).toBe(`/api/appointments/${APPT}/qr.svg`);
    expect(wrapper.find('a[download]').attributes('href')).toBe(`/api/appointments/${APPT}/calendar.ics`);
  });

  it('right after booking: a confirmation panel with what, when, where, what to bring and the .ics takes the focus', async () => {
    const wrapper = await render(() => json({}), {}, `/afspraken/${APPT}?nieuw=1`);
    await vi.waitFor(() => expect(document.activeElement?.textContent?.trim()).toBe('Uw afspraak staat vast'));
    const panel = wrapper.find('[data-booked]');
    expect(panel.findAll('dd').map((d) => d.text())).toEqual([
      'Gesprek met een consulent',
      '2 december 2026, 10:00 tot 10:30 uur',
      'Centraal kantoor, Stationsplein 1, Nieuwegein',
    ]);
    expect(panel.text()).toContain('Uw identiteitsbewijs');
    expect(panel.text()).toContain('U vindt deze afspraak altijd terug bij Mijn afspraken.');
    expect(panel.find('a[download]').attributes('href')).toBe(`/api/appointments/${APPT}/calendar.ics`);
  });

  it('shows when the place is open', async () => {
    const wrapper = await render(() => json({}));
    expect(wrapper.findAll('[data-hours] :is(dt, dd)').map((x) => x.text())).toEqual([
      'maandag t/m vrijdag',
      '08:30 – 17:00 uur',
    ]);
  });

  it('"Afzeggen" asks once; "Nee, toch niet" keeps the appointment and puts the focus back', async () => {
    const wrapper = await render(() => json({}));
    const cancelButton = () => wrapper.findAll('button').find((b) => b.text() === 'Afzeggen');
    await cancelButton()!.trigger('click');
    await vi.waitFor(() => expect(document.activeElement?.textContent?.trim()).toBe('Afspraak afzeggen'));
    expect(wrapper.find('[data-cancel]').text()).toContain('Wilt u deze afspraak echt afzeggen?');
    await wrapper
      .findAll('button')
      .find((b) => b.text() === 'Nee, toch niet')!
      .trigger('click');
    await vi.waitFor(() => expect(document.activeElement).toBe(cancelButton()!.element));
    expect(wrapper.find('[data-cancel]').exists()).toBe(false);
    expect(holder.value).toHaveLength(0);
  });

  it('names the application the appointment is about, with a link to it', async () => {
    const unlinked = await render(() => json({}));
    expect(unlinked.find('[data-case]').exists()).toBe(false);
    unlinked.unmount();
    const wrapper = await render(() => json({}), { caseId: CASE });
    await vi.waitFor(() => expect(wrapper.find('[data-case]').exists()).toBe(true));
    expect(wrapper.find('[data-case]').text()).toBe('Algemene bijstand (WI-2026-00042)');
    expect(wrapper.find('[data-case] a').attributes('href')).toBe(`/aanvragen/${CASE}`);
  });

  it('a cancellation made offline is queued in the outbox and shown as pending', async () => {
    setOnline(false);
    const wrapper = await render(() => Promise.reject(new TypeError('Failed to fetch')));
    await cancelWith(wrapper, 'Ik ben ziek');
    await vi.waitFor(() => expect(holder.value).toHaveLength(1));
    expect(holder.value[0]).toMatchObject({
      kind: 'cancel-booking',
      method: 'POST',
      url: `/api/appointments/${APPT}/cancel`,
      body: { reason: 'Ik ben ziek' },
      subject: APPT,
    });
    await vi.waitFor(() => expect(wrapper.find('[role="status"]').text()).toContain('Dit wacht op verzenden'));
    // The confirmation says what happens next, and has the focus.
    expect(wrapper.find('[data-cancelled]').text()).toContain('Uw afspraak is afgezegd');
    expect(wrapper.find('[data-cancelled]').text()).toContain('wij sturen het zodra er internet is');
    await vi.waitFor(() => expect(document.activeElement?.textContent?.trim()).toBe('Uw afspraak is afgezegd'));
  });

  it('after the cut-off the server refuses and the page says why', async () => {
    const wrapper = await render(() => apiError(409, 'CUT_OFF_PASSED'));
    await cancelWith(wrapper, '');
    await vi.waitFor(async () => {
      await flushPromises();
      expect(wrapper.find('[role="alert"]').exists()).toBe(true);
    });
    expect(holder.value[0]!.body).toEqual({});
    expect(wrapper.find('[role="alert"]').text()).toContain('Afzeggen is niet gelukt.');
    expect(wrapper.find('[role="alert"]').text()).toContain(CUT_OFF_TEXT);
  });
});
