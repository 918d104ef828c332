// The documents on their way, from outbox items as the state machine leaves them.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import SendingList from './SendingList.vue';
import { applyOutboxEvent, createOutboxItem, type OutboxItem } from '../../../domain/outbox';
import { sendDocument } from '../../api/documents';
import { setUploadProgress } from '../../documents/progress';
import { memoryOutboxBackend } from '../../offline/outbox-backend';
import { useOutboxBackendForTests } from '../../offline/outbox-engine';
import { reloadDeviceSetting, setOnline } from '../../stores/device';
import { useConfigStore } from '../../stores/config';
import { useOutboxStore } from '../../stores/outbox';
import { useSessionStore } from '../../stores/session';
import { config, createHarness, json, me, mockFetch } from '../../testing/harness';
import { DEVICE_MODE_STORAGE_KEY } from '../../../domain/device-mode';

const APP = 'a1';
const T = new Date('2026-11-28T10:00:00Z');
const SIZE = 4000;

function document(
  id: string,
  state: 'queued' | 'sending' | 'failed' | 'refused' | 'sent',
  extra: Partial<OutboxItem> = {},
): OutboxItem {
  let item = createOutboxItem(
    sendDocument(
      APP,
      { bytes: new ArrayBuffer(SIZE), contentType: 'application/pdf', fileName: `${id}.pdf` },
      { requestId: null, title: 'Loonstrook' },
    ),
    { id, idempotencyKey: `key-${id}`, userKey: me.resident.key },
    T,
  );
  if (state !== 'queued') item = applyOutboxEvent(item, { type: 'start' }, T);
  if (state !== 'queued')
    item = applyOutboxEvent(item, { type: 'upload-progress', url: 'http://x/api/uploads/ab', offset: 1000 }, T);
  if (state === 'failed')
    item = applyOutboxEvent(item, { type: 'fail', error: { code: 'NETWORK_ERROR', status: 0 } }, T);
  if (state === 'refused')
    item = applyOutboxEvent(item, { type: 'refuse', error: { code: 'DAILY_UPLOAD_LIMIT', status: 429 } }, T);
  if (state === 'sent') {
    item = applyOutboxEvent(item, { type: 'upload-complete', body: { ...(item.body as object), uploadId: 'ab' } }, T);
    item = applyOutboxEvent(item, { type: 'ack', response: {} }, T);
  }
  return { ...item, ...extra };
}

let holder: { value: OutboxItem[] };
beforeEach(() => {
  holder = { value: [] };
  useOutboxBackendForTests(memoryOutboxBackend(holder));
});
afterEach(() => {
  useOutboxBackendForTests(null);
  setOnline(true);
  localStorage.clear();
  reloadDeviceSetting();
  vi.unstubAllGlobals();
});

async function render(items: OutboxItem[]) {
  holder.value = items;
  mockFetch({ 'GET /api/session': () => json({ me }), 'GET /api/config': () => json(config) });
  const harness = await createHarness('nl');
  await Promise.all([useSessionStore(harness.pinia).load(), useConfigStore(harness.pinia).load()]);
  await useOutboxStore(harness.pinia).refresh();
  const wrapper = mount(SendingList, { props: { applicationId: APP }, global: { plugins: [...harness.plugins] } });
  await flushPromises();
  return { wrapper, outbox: useOutboxStore(harness.pinia) };
}

const card = (wrapper: Awaited<ReturnType<typeof render>>['wrapper'], id: string) =>
  wrapper.findAll('li').find((li) => li.text().includes(`${id}.pdf`))!;

describe('Wordt verstuurd', () => {
  it('shows a labelled progress bar with the percentage, live while sending', async () => {
    const { wrapper } = await render([document('d1', 'sending')]);
    const bar = wrapper.find('progress');
    expect(wrapper.find(`label[for="${bar.attributes('id')}"]`).text()).toBe('Versturen van d1.pdf');
    expect(bar.attributes('value')).toBe('25');
    expect(card(wrapper, 'd1').text()).toContain('25% verstuurd');
    setUploadProgress('d1', { sent: 3000, total: SIZE });
    await flushPromises();
    expect(wrapper.find('progress').attributes('value')).toBe('75');
    expect(card(wrapper, 'd1').text()).toContain('75% verstuurd');
    setUploadProgress('d1', null);
  });

  it('paused without a connection: says so, keeps the percentage; on a phone it may be closed', async () => {
    setOnline(false);
    const { wrapper } = await render([document('d1', 'failed')]);
    expect(card(wrapper, 'd1').text()).toContain('Gepauzeerd, gaat verder als u weer online bent.');
    expect(card(wrapper, 'd1').text()).toContain('25% verstuurd');
    expect(card(wrapper, 'd1').text()).toContain('U mag Loket sluiten.');
  });

  it('our disk full (507 STORAGE_FULL): says it is not their doing and that the file stays', async () => {
    const full = applyOutboxEvent(
      document('d1', 'sending'),
      { type: 'fail', error: { code: 'STORAGE_FULL', status: 507 } },
      T,
    );
    const { wrapper } = await render([full]);
    expect(card(wrapper, 'd1').text()).toContain('Niet gelukt. Wij proberen het straks opnieuw.');
    expect(card(wrapper, 'd1').text()).toContain(
      'Wij hebben nu geen plek om uw bestand te bewaren. Dat ligt aan ons, niet aan u. Uw bestand blijft hier.',
    );
    expect(card(wrapper, 'd1').find('button').text()).toBe('Probeer nu opnieuw');
  });

  it('on a shared computer: asks the resident to stay until it is sent', async () => {
    localStorage.setItem(DEVICE_MODE_STORAGE_KEY, JSON.stringify({ mode: 'shared', setBy: 'library' }));
    reloadDeviceSetting();
    const { wrapper } = await render([document('d1', 'queued')]);
    expect(wrapper.text()).toContain('Blijf daarom op deze pagina tot uw document is verstuurd.');
    expect(wrapper.text()).not.toContain('U mag Loket sluiten.');
  });

  it('a refusal: the reason and the next step in plain words, and the file back to choose again', async () => {
    const { wrapper } = await render([document('d1', 'refused')]);
    const refused = card(wrapper, 'd1');
    expect(refused.text()).toContain('Niet verstuurd');
    expect(refused.text()).toContain(
      'U heeft vandaag al veel bestanden gestuurd. Probeer het morgen opnieuw. Of bel ons.',
    );
    expect(refused.find('a[href="tel:0301234567"]').exists()).toBe(true);
    expect(refused.find('progress').exists()).toBe(false);
    await refused
      .findAll('button')
      .find((b) => b.text() === 'Opnieuw kiezen')!
      .trigger('click');
    expect(wrapper.emitted('takeBack')![0]![0]).toMatchObject({ id: 'd1' });
  });

  it("received: says so, without a bar; other applications' documents are not here", async () => {
    const other = { ...document('d2', 'queued'), subject: 'another' };
    const { wrapper } = await render([document('d1', 'sent'), other]);
    expect(card(wrapper, 'd1').text()).toContain('Ontvangen. Dank u wel.');
    expect(wrapper.find('progress').exists()).toBe(false);
    expect(wrapper.text()).not.toContain('d2.pdf');
  });
});
