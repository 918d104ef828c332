// The booking steps with fetch mocked at the edge and the outbox in memory.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import BookingPage from './BookingPage.vue';
import type { OutboxItem } from '../../../domain/outbox';
import { memoryOutboxBackend } from '../../offline/outbox-backend';
import { useOutboxBackendForTests } from '../../offline/outbox-engine';
import { setOnline } from '../../stores/device';
import { useSessionStore } from '../../stores/session';
import { APPT, appointment, catalog, slot } from '../../components/appointments/testing';
import { createHarness, freezeToday, json, me, mockFetch, summary } from '../../testing/harness';

let holder: { value: OutboxItem[] };
beforeEach(() => {
  holder = { value: [] };
  useOutboxBackendForTests(memoryOutboxBackend(holder));
  setOnline(true);
});
afterEach(() => {
  useOutboxBackendForTests(null);
  setOnline(true);
  vi.useRealTimers();
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

const consultDays = {
  type: 'consult',
  urgent: false,
  window: { from: '2026-11-30', until: '2027-01-08' },
  days: [
    {
      date: '2026-12-02',
      slots: [
        slot('2026-12-02', '10:00', '2026-12-02T09:00:00.000Z'),
        slot('2026-12-02', '11:00', '2026-12-02T10:00:00.000Z'),
      ],
    },
    { date: '2026-12-03', slots: [slot('2026-12-03', '09:00', '2026-12-03T08:00:00.000Z')] },
  ],
  callNow: null,
};

async function render(
  startAt: string,
  routes: Record<string, (init: RequestInit | undefined) => Response | Promise<Response>> = {},
) {
  freezeToday();
  const fetchMock = mockFetch({
    'GET /api/session': () => json({ me }),
    'GET /api/appointments/types': () => json(catalog),
    'GET /api/appointments/availability?type=consult&place=centraal': () => json(consultDays),
    'GET /api/applications': () => json({ applications: [] }),
    ...routes,
  });
  const harness = await createHarness('nl', { startAt });
  await useSessionStore(harness.pinia).load();
  const wrapper = mount(BookingPage, { global: { plugins: [...harness.plugins] }, attachTo: document.body });
  await vi.waitFor(async () => {
    await flushPromises();
    expect(wrapper.find('[data-step], [data-offline]').exists()).toBe(true);
  });
  // The last step comes in a chunk of its own: on a busy machine it takes a moment to load.
  if (startAt.includes('stap=gegevens')) await confirmStepLoaded(wrapper);
  return { wrapper, router: harness.router, fetchMock };
}
async function confirmStepLoaded(wrapper: VueWrapper): Promise<void> {
  await vi.waitFor(async () => {
    await flushPromises();
    expect(wrapper.find('input[name="wheelchair"]').exists()).toBe(true);
  });
}
const settle = async () => {
  await flushPromises();
  await new Promise((r) => setTimeout(r, 0));
  await flushPromises();
};

describe('Afspraak maken', () => {
  it('goes type → place → day → time → confirm with each step in the URL, and keeps what was typed when going back', async () => {
    const { wrapper, router } = await render('/afspraken/maken');
    expect(wrapper.find('legend').text()).toBe('Waarvoor wilt u een afspraak?');
    expect(wrapper.find('[data-progress]').text()).toBe('Stap 1 van 5');
    expect(wrapper.find('[data-previous-step]').exists()).toBe(false);
    await wrapper.find('input[value="consult"]').setValue(true);
    await wrapper.find('form').trigger('submit');
    await settle();
    expect(router.currentRoute.value.query).toMatchObject({ stap: 'plaats', type: 'consult' });
    expect(wrapper.find('[data-progress]').text()).toBe('Stap 2 van 5');
    // Each place shows when it is open: a local desk only a few hours a week.
    await vi.waitFor(() => expect(wrapper.find('[data-hours="ijsselstein"]').exists()).toBe(true));
    const hours = (id: string) => wrapper.findAll(`[data-hours="${id}"] :is(dt, dd)`).map((x) => x.text());
    expect(hours('ijsselstein')).toEqual(['maandag', '09:00 – 12:00 uur', 'woensdag', '13:00 – 16:00 uur']);
    expect(hours('centraal')).toEqual(['maandag t/m vrijdag', '08:30 – 17:00 uur']);
    await wrapper.find('input[value="centraal"]').setValue(true);
    await wrapper.find('form').trigger('submit');
    await settle();
    await vi.waitFor(async () => {
      await flushPromises();
      expect(wrapper.find('[data-date="2026-12-02"]').exists()).toBe(true);
    });
    // Weekday names, grouped per week.
    expect(wrapper.find('[data-date="2026-12-02"]').text()).toBe('wo 2 dec');
    expect(wrapper.find('[data-date="2026-12-03"]').text()).toBe('do 3 dec');
    expect(wrapper.findAll('[data-step="dag"] h3').map((h) => h.text())).toEqual(['Week van 30 november']);
    await wrapper.find('[data-date="2026-12-02"]').trigger('click');
    await settle();
    expect(wrapper.find('[data-progress]').text()).toBe('Stap 4 van 5');
    expect(wrapper.findAll('[data-step="tijd"] button').map((b) => b.text())).toEqual(['10:00', '11:00']);
    await wrapper.find('[data-start="2026-12-02T10:00:00.000Z"]').trigger('click');
    await settle();
    expect(router.currentRoute.value.query).toMatchObject({
      stap: 'gegevens',
      dag: '2026-12-02',
      start: '2026-12-02T10:00:00.000Z',
      plaats: 'centraal',
    });
    await confirmStepLoaded(wrapper);
    expect(wrapper.find('[data-when]').text()).toBe('2 december 2026, 11:00 tot 11:30 uur');

    await wrapper.find('#need-interpreter').setValue('Arabisch');
    await wrapper.find('input[name="wheelchair"]').setValue(true);
    // "Vorige stap" goes to the time step, with the day still chosen.
    expect(wrapper.find('[data-previous-step]').text()).toBe('Vorige stap');
    await wrapper.find('[data-previous-step]').trigger('click');
    await settle();
    expect(router.currentRoute.value.query).toMatchObject({ stap: 'tijd', dag: '2026-12-02' });
    expect(wrapper.find('[data-step="tijd"]').exists()).toBe(true);
    router.back();
    await settle();
    expect((wrapper.find('#need-interpreter').element as HTMLInputElement).value).toBe('Arabisch');
    expect((wrapper.find('input[name="wheelchair"]').element as HTMLInputElement).checked).toBe(true);
  });

  it('a lost race (409 SLOT_TAKEN) offers the next free slots; choosing one books it', async () => {
    const bodies: Array<{ body: Record<string, unknown>; key: string }> = [];
    const next = [
      slot('2026-12-02', '11:30', '2026-12-02T10:30:00.000Z'),
      slot('2026-12-03', '09:00', '2026-12-03T08:00:00.000Z'),
    ];
    const { wrapper, router } = await render(
      '/afspraken/maken?stap=gegevens&type=consult&plaats=centraal&dag=2026-12-02&start=2026-12-02T09%3A00%3A00.000Z',
      {
        'POST /api/appointments': (init) => {
          bodies.push({
            body: JSON.parse(String(init!.body)),
            key: (init!.headers as Record<string, string>)['Idempotency-Key']!,
          });
          if (bodies.length === 1)
            return json({ error: { code: 'SLOT_TAKEN', message: 'x', details: { nextSlots: next } } }, 409);
          return json({ appointment: appointment({ start: '2026-12-03T08:00:00.000Z' }) }, 201);
        },
      },
    );
    await wrapper.find('form').trigger('submit');
    await settle();
    expect(wrapper.find('[data-book-error]').text()).toContain('Iemand anders heeft deze tijd net gekozen');
    const offered = wrapper.findAll('[data-next-slots] button');
    expect(offered.map((b) => b.text())).toEqual(['2 december 2026 11:30', '3 december 2026 09:00']);
    await offered[1]!.trigger('click');
    await settle();
    expect(router.currentRoute.value.query.start).toBe('2026-12-03T08:00:00.000Z');
    await wrapper.find('form').trigger('submit');
    await settle();
    expect(bodies).toHaveLength(2);
    expect(bodies[0]!.body).toMatchObject({ type: 'consult', place: 'centraal', start: '2026-12-02T09:00:00.000Z' });
    expect(bodies[1]!.body).toMatchObject({ start: '2026-12-03T08:00:00.000Z' });
    expect(bodies[1]!.key).not.toBe(bodies[0]!.key);
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('appointment'));
  });

  it('offers phone or video when the type allows it, asks for a number, and links the appointment to the chosen application', async () => {
    const bodies: Array<Record<string, unknown>> = [];
    const remote = {
      ...catalog,
      types: catalog.types.map((x) => (x.code === 'consult' ? { ...x, channels: ['in_person', 'phone', 'video'] } : x)),
    };
    const caseId = '0b6f1d4e-1111-4c3a-9d7e-000000000001';
    const { wrapper } = await render(
      '/afspraken/maken?stap=gegevens&type=consult&plaats=centraal&dag=2026-12-02&start=2026-12-02T09%3A00%3A00.000Z',
      {
        'GET /api/appointments/types': () => json(remote),
        'GET /api/applications': () => json({ applications: [summary({ id: caseId, reference: 'LV-2026-000123' })] }),
        'POST /api/appointments': (init) => {
          bodies.push(JSON.parse(String(init!.body)));
          return json({ appointment: appointment({ channel: 'phone' }) }, 201);
        },
      },
    );
    await settle();
    expect(wrapper.find('[data-channel] legend').text()).toBe('Hoe wilt u het gesprek voeren?');
    expect(wrapper.findAll('[data-channel] label').map((l) => l.text())).toEqual([
      'Op kantoor',
      'Telefonisch',
      'Met video',
    ]);
    // How to meet comes first, before what the resident needs.
    const legends = wrapper.findAll('[data-step="gegevens"] legend').map((l) => l.text());
    expect(legends).toEqual(['Hoe wilt u het gesprek voeren?', 'Wat heeft u nodig?']);
    expect(wrapper.find('#book-phone').exists()).toBe(false);
    expect(wrapper.find('input[name="wheelchair"]').exists()).toBe(true);
    await wrapper.find('input[name="channel"][value="phone"]').setValue(true);
    await settle();
    // A wheelchair does not matter on the phone.
    expect(wrapper.find('input[name="wheelchair"]').exists()).toBe(false);
    await wrapper.find('#book-phone').setValue('06 12345678');
    expect(wrapper.find('#book-case').text()).toContain('LV-2026-000123');
    await wrapper.find('#book-case').setValue(caseId);
    await wrapper.find('form').trigger('submit');
    await settle();
    expect(bodies[0]).toMatchObject({ channel: 'phone', phone: '06 12345678', caseId });
  });

  it('urgent debt help asks the urgency question on the first step, skips the place, counts the same steps throughout, and shows the phone when nothing is left', async () => {
    const { wrapper, router, fetchMock } = await render('/afspraken/maken', {
      'GET /api/appointments/availability?type=schuldhulp-eerste-gesprek&urgent=true': () =>
        json({
          type: 'schuldhulp-eerste-gesprek',
          urgent: true,
          window: { from: '2026-11-30', until: '2026-12-02' },
          days: [],
          callNow: { code: 'URGENT_CAPACITY_FULL', phone: '030 999 00 11' },
        }),
    });
    expect(wrapper.find('[data-urgency]').exists()).toBe(false);
    await wrapper.find('input[value="schuldhulp-eerste-gesprek"]').setValue(true);
    expect(wrapper.find('[data-urgency] legend').text()).toBe('Is een van deze dingen aan de hand?');
    await wrapper.find('form').trigger('submit');
    await settle();
    expect(wrapper.find('[data-urgency] [role="alert"]').text()).toBe('Maak eerst een keuze.');
    expect(wrapper.find('[data-progress]').text()).toBe('Stap 1 van 5');
    await wrapper.find('input[value="eviction"]').setValue(true);
    expect(wrapper.find('[data-progress]').text()).toBe('Stap 1 van 4');
    await wrapper.find('form').trigger('submit');
    await settle();
    expect(router.currentRoute.value.query).toMatchObject({ stap: 'dag', spoed: 'eviction' });
    expect(wrapper.find('[data-progress]').text()).toBe('Stap 2 van 4');
    await vi.waitFor(async () => {
      await flushPromises();
      expect(wrapper.find('[data-call-now]').exists()).toBe(true);
    });
    expect(wrapper.find('[data-call-now]').text()).toContain('Bel ons nu: 030 999 00 11');
    expect(wrapper.find('[data-call-now] a').attributes('href')).toMatch(/^tel:/);
    expect(
      fetchMock.mock.calls.some(([url]) => String(url).includes('urgent=true') && !String(url).includes('place=')),
    ).toBe(true);
    // Back on the first step from the day step: the place step is not in this path.
    await wrapper.find('[data-previous-step]').trigger('click');
    await settle();
    expect(router.currentRoute.value.query.stap).toBe('soort');
  });

  it('moving urgent debt help offers only the days of its term, and a refusal says which day is the last', async () => {
    const moves: Array<Record<string, unknown>> = [];
    const { wrapper, router } = await render(
      `/afspraken/maken?verzet=${APPT}&type=schuldhulp-eerste-gesprek&plaats=centraal&stap=dag&spoed=eviction`,
      {
        [`GET /api/appointments/availability?type=schuldhulp-eerste-gesprek&reschedule=${APPT}`]: () =>
          json({
            type: 'schuldhulp-eerste-gesprek',
            urgent: true,
            window: { from: '2026-11-30', until: '2026-12-03' },
            days: [
              { date: '2026-12-02', slots: [slot('2026-12-02', '10:00', '2026-12-02T09:00:00.000Z')] },
              {
                date: '2026-12-03',
                slots: [
                  slot('2026-12-03', '10:00', '2026-12-03T09:00:00.000Z'),
                  slot('2026-12-03', '14:00', '2026-12-03T13:00:00.000Z', 'ijsselstein'),
                ],
              },
            ],
            callNow: null,
          }),
        [`POST /api/appointments/${APPT}/reschedule`]: (init) => {
          moves.push(JSON.parse(String(init!.body)));
          return json(
            { error: { code: 'URGENT_TERM_EXCEEDED', message: 'x', details: { termEndsOn: '2026-12-03' } } },
            422,
          );
        },
      },
    );
    await vi.waitFor(async () => {
      await flushPromises();
      expect(wrapper.find('[data-date]').exists()).toBe(true);
    });
    expect(wrapper.find('[data-progress]').text()).toBe('Stap 1 van 3');
    expect(wrapper.findAll('[data-date]').map((b) => b.attributes('data-date'))).toEqual(['2026-12-02', '2026-12-03']);
    expect(wrapper.find('[data-urgent-term]').text()).toContain('U kunt kiezen tot en met 3 december 2026.');
    await wrapper.find('[data-date="2026-12-03"]').trigger('click');
    await settle();
    // Several places: the times are grouped under each place.
    expect(wrapper.findAll('[data-step="tijd"] h3').map((h) => h.text())).toEqual([
      'Centraal kantoor',
      'Loket IJsselstein',
    ]);
    await wrapper.find('[data-start="2026-12-03T13:00:00.000Z"]').trigger('click');
    await settle();
    expect(wrapper.find('[data-progress]').text()).toBe('Stap 3 van 3');
    await wrapper.find('form').trigger('submit');
    await settle();
    expect(moves[0]).toEqual({ start: '2026-12-03T13:00:00.000Z', place: 'ijsselstein' });
    expect(wrapper.find('[data-book-error]').text()).toBe(
      'Bij spoed moet het gesprek uiterlijk op 3 december 2026 zijn. Deze dag is te laat. Kies een eerdere dag, of bel ons.',
    );
    await wrapper.find('[data-other-day]').trigger('click');
    await settle();
    expect(router.currentRoute.value.query.stap).toBe('dag');
    expect(wrapper.find('[data-book-error]').exists()).toBe(false);
  });

  it('offline: says booking needs a connection and queues a call-back request in the outbox', async () => {
    setOnline(false);
    const { wrapper } = await render('/afspraken/maken', {
      'POST /api/callback-requests': () => Promise.reject(new TypeError('Failed to fetch')),
    });
    expect(wrapper.find('[data-offline]').text()).toContain('Afspraak maken kan alleen met internet');
    expect(wrapper.find('[data-offline] a').text()).toBe('Huisbezoek aanvragen');
    await wrapper.find('#callback-phone').setValue('06 12345678');
    await wrapper.find('[data-offline] form').trigger('submit');
    await settle();
    await vi.waitFor(() => expect(holder.value).toHaveLength(1));
    expect(holder.value[0]).toMatchObject({
      kind: 'callback',
      url: '/api/callback-requests',
      body: { phone: '06 12345678', partOfDay: 'any' },
    });
    expect(wrapper.text()).toContain('Uw vraag om terug te bellen wacht op verzenden.');
  });
});
