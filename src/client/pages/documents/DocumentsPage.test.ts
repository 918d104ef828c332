// The documents page with fetch mocked at the edge and the outbox in memory; photos are
// "reduced" by a fake (happy-dom cannot decode images) into real small JPEGs made with sharp,
// so the PDF is a real one made by pdf-lib.
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import sharp from 'sharp';
import { PDFDocument } from 'pdf-lib';
import DocumentsPage from './DocumentsPage.vue';
import type { CaseDocuments } from '../../../domain/api';
import type { OutboxItem } from '../../../domain/outbox';
import { memoryOutboxBackend } from '../../offline/outbox-backend';
import { useOutboxBackendForTests } from '../../offline/outbox-engine';
import { useConfigStore } from '../../stores/config';
import { useDocumentsStore } from '../../stores/documents';
import { useSessionStore } from '../../stores/session';
import { config, createHarness, freezeToday, json, me, mockFetch } from '../../testing/harness';

const reduced = vi.hoisted(() => ({ jpeg: null as Blob | null }));
vi.mock('../../documents/reduce-image', () => ({
  createPhotoReducer: () => ({
    reduce: async () => ({ jpeg: reduced.jpeg!, width: 30, height: 40, thumbnail: new Blob([new Uint8Array([1])]) }),
    dispose: () => undefined,
  }),
}));

const APP = '0b6f1d4e-1111-4c3a-9d7e-000000000001';
const BANK = '11111111-1111-4111-8111-111111111111';
const RENT = '22222222-2222-4222-8222-222222222222';
const DONE = '33333333-3333-4333-8333-333333333333';

const documents: CaseDocuments = {
  requests: [
    {
      id: BANK,
      title: { nl: 'Bankafschriften van de laatste 3 maanden', en: 'Bank statements of the last 3 months' },
      reason: {
        nl: 'Wij willen zien welk geld u krijgt en uitgeeft.',
        en: 'We need to see the money you receive and spend.',
      },
      requestedOn: '2026-11-18',
      dueDate: '2026-12-02',
      state: 'open',
      daysLeft: 4,
      rejectionReason: null,
      acceptsDocuments: true,
      documents: [],
    },
    {
      id: RENT,
      title: { nl: 'Huurcontract', en: 'Rental contract' },
      reason: { nl: 'Wij willen weten hoeveel huur u betaalt.', en: 'We need to know how much rent you pay.' },
      requestedOn: '2026-11-18',
      dueDate: '2026-12-09',
      state: 'rejected',
      daysLeft: 11,
      rejectionReason: 'De handtekening ontbreekt.',
      acceptsDocuments: true,
      documents: [
        {
          id: '44444444-4444-4444-8444-444444444444',
          title: 'Huurcontract',
          fileName: 'huur.pdf',
          contentType: 'application/pdf',
          sizeBytes: 80_000,
          createdAt: '2026-11-20T09:00:00.000Z',
          requestId: RENT,
        },
      ],
    },
    {
      id: DONE,
      title: { nl: 'Identiteitsbewijs', en: 'Proof of identity' },
      reason: { nl: 'Wij moeten weten wie u bent.', en: 'We need to know who you are.' },
      requestedOn: '2026-11-01',
      dueDate: '2026-11-15',
      state: 'accepted',
      daysLeft: -13,
      rejectionReason: null,
      acceptsDocuments: false,
      documents: [],
    },
  ],
  ownInitiative: [],
  letters: [
    {
      id: '55555555-5555-4555-8555-555555555555',
      title: 'Verzoek om informatie',
      fileName: 'verzoek.pdf',
      contentType: 'application/pdf',
      sizeBytes: 3_300,
      sentAt: '2026-11-18T08:00:00.000Z',
    },
  ],
  limits: {
    maxFileBytes: 20 * 1024 * 1024,
    dailyBytes: 100 * 1024 * 1024,
    acceptedTypes: ['application/pdf', 'image/jpeg', 'image/png', 'image/heic', 'image/heif'],
  },
};

let holder: { value: OutboxItem[] };
beforeAll(async () => {
  const bytes = await sharp({ create: { width: 30, height: 40, channels: 3, background: '#ffffff' } })
    .jpeg()
    .toBuffer();
  reduced.jpeg = new Blob([new Uint8Array(bytes)], { type: 'image/jpeg' });
});
beforeEach(() => {
  holder = { value: [] };
  useOutboxBackendForTests(memoryOutboxBackend(holder));
});
afterEach(() => {
  useOutboxBackendForTests(null);
  vi.useRealTimers();
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

/** What the server answers now: a test may swap it, as an upload that arrived would. */
let served: CaseDocuments = documents;

async function renderPage() {
  freezeToday();
  served = documents;
  mockFetch({
    'GET /api/session': () => json({ me }),
    'GET /api/config': () => json(config),
    [`GET /api/applications/${APP}/documents`]: () => json(served),
    // The page queues; the outbox may try to send at once: no network in this test.
    'POST /api/uploads': () => Promise.reject(new TypeError('Failed to fetch')),
  });
  const harness = await createHarness('nl');
  await Promise.all([useSessionStore(harness.pinia).load(), useConfigStore(harness.pinia).load()]);
  const wrapper = mount(DocumentsPage, {
    props: { id: APP },
    global: { plugins: [...harness.plugins] },
    attachTo: document.body,
  });
  await vi.waitFor(async () => {
    await flushPromises();
    expect(wrapper.find('[aria-labelledby="requests-title"]').exists()).toBe(true);
    // The send form is a chunk of its own (DocumentsPage.vue says why).
    expect(wrapper.find('form.loket-send').exists()).toBe(true);
    // Importing that chunk can take more than waitFor's default second when the browser tests
    // run beside this suite (npm test's two lanes).
  }, 15_000);
  return wrapper;
}

const pick = async (wrapper: Awaited<ReturnType<typeof renderPage>>, names: string[]) => {
  const before = wrapper.findAll('.loket-capture__item').length;
  const input = wrapper.find('input[type="file"][capture]');
  const files = names.map((name) => new File([reduced.jpeg!], name, { type: 'image/jpeg' }));
  Object.defineProperty(input.element, 'files', { value: files, configurable: true });
  await input.trigger('change');
  await vi.waitFor(async () => {
    await flushPromises();
    expect(wrapper.findAll('.loket-capture__item')).toHaveLength(before + names.length);
    expect(wrapper.text()).not.toContain('Wordt klaargemaakt');
  });
};

describe('Documenten voor uw aanvraag', () => {
  it('lists what we ask for in the order given, with the days left, why, and why something was rejected', async () => {
    const wrapper = await renderPage();
    const cards = wrapper.findAll('[aria-labelledby="requests-title"] > ul > li');
    expect(cards.map((c) => c.find('h3').text())).toEqual([
      'Bankafschriften van de laatste 3 maanden',
      'Huurcontract',
      'Identiteitsbewijs',
    ]);
    expect(cards[0]!.text()).toContain('Nog sturen');
    expect(cards[0]!.text()).toContain('Waarom: Wij willen zien welk geld u krijgt en uitgeeft.');
    expect(cards[0]!.text()).toContain('Stuur uiterlijk 2 december 2026 (nog 4 dagen).');
    expect(cards[1]!.text()).toContain('Wij konden het niet gebruiken. De reden: De handtekening ontbreekt.');
    expect(cards[1]!.text()).toContain('huur.pdf, ontvangen op 20 november 2026 om 10:00');
    expect(cards[2]!.text()).toContain('Goedgekeurd');
    expect(cards[2]!.find('button').exists()).toBe(false);
  });

  it('keeps every card in its place after an upload; a received request says so instead of offering to send', async () => {
    const wrapper = await renderPage();
    const titles = () => wrapper.findAll('[aria-labelledby="requests-title"] > ul > li h3').map((h) => h.text());
    const before = titles();
    // The bank statements arrived: the server now says 'received' (same order: by due date).
    served = {
      ...documents,
      requests: documents.requests.map((r) =>
        r.id === BANK
          ? {
              ...r,
              state: 'received' as const,
              documents: [{ ...documents.requests[1]!.documents[0]!, id: 'f1', fileName: 'bank.pdf', requestId: BANK }],
            }
          : r,
      ),
    };
    await useDocumentsStore().load(APP);
    await flushPromises();
    expect(titles()).toEqual(before);
    const bank = wrapper.findAll('[aria-labelledby="requests-title"] > ul > li')[0]!;
    expect(bank.text()).toContain('Ontvangen');
    expect(bank.text()).toContain('Wij hebben het ontvangen en kijken of het goed is. U hoeft nu niets te sturen.');
    expect(bank.find('button').exists()).toBe(false);
    expect(bank.classes()).not.toContain('loket-card--urgent');
    // The send form no longer offers it either: only what we still ask for, and "own".
    expect(wrapper.findAll('.loket-choice__option').map((o) => o.text())).toEqual([
      'Huurcontract',
      'Eigen document: iets anders dat u zelf wilt sturen',
    ]);
  });

  it('lists our letters with a download link', async () => {
    const wrapper = await renderPage();
    const link = wrapper.find('[aria-labelledby="letters-title"] a');
    expect(link.attributes('href')).toBe(
      `/api/applications/${APP}/documents/55555555-5555-4555-8555-555555555555/content`,
    );
    expect(link.text()).toBe('Verzoek om informatie downloaden (PDF, 3 kB)');
  });

  it('"Stuur dit document" chooses that request in the form and takes the focus there', async () => {
    const wrapper = await renderPage();
    await wrapper
      .findAll('button')
      .find((b) => b.text() === 'Stuur dit document')!
      .trigger('click');
    await flushPromises();
    const radios = wrapper.findAll('input[name="target"]');
    expect(radios.map((r) => (r.element as HTMLInputElement).checked)).toEqual([true, false, false]);
    expect(wrapper.findAll('.loket-choice__option').map((o) => o.text())).toEqual([
      'Bankafschriften van de laatste 3 maanden',
      'Huurcontract',
      'Eigen document: iets anders dat u zelf wilt sturen',
    ]);
    expect(document.activeElement?.id).toBe('send-title');
  });

  it('says what is missing first, and keeps what was picked', async () => {
    const wrapper = await renderPage();
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect(wrapper.find('[role="alert"]').text()).toBe('Kies eerst waarvoor het document is.');
    await wrapper.findAll('input[name="target"]')[2]!.setValue(true);
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect(wrapper.find('[role="alert"]').text()).toBe('Schrijf eerst wat voor document het is.');
    expect(document.activeElement?.id).toBe('own-title');
    await wrapper.find('#own-title').setValue('Loonstrook oktober');
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect(wrapper.find('[role="alert"]').text()).toBe('Kies eerst een foto of een bestand.');
  });

  it('two photos for a request become one PDF in the outbox; the list empties only then', async () => {
    const wrapper = await renderPage();
    await wrapper.findAll('input[name="target"]')[0]!.setValue(true);
    await pick(wrapper, ['blad-1.jpg']);
    expect(wrapper.findAll('button').map((b) => b.text())).toContain('Maak nog een foto');
    await pick(wrapper, ['blad-2.jpg']);
    expect(wrapper.text()).toContain("Uw 2 foto's worden samen één PDF.");
    await wrapper.find('form').trigger('submit');
    await vi.waitFor(async () => {
      await flushPromises();
      expect(holder.value).toHaveLength(1);
    });
    const [item] = holder.value;
    expect(item).toMatchObject({
      kind: 'document',
      subject: APP,
      url: `/api/applications/${APP}/documents`,
      body: {
        requestId: BANK,
        title: 'Bankafschriften van de laatste 3 maanden',
        fileName: 'Bankafschriften van de laatste 3 maanden.pdf',
      },
      upload: { contentType: 'application/pdf', metadata: { caseId: APP, requestId: BANK } },
    });
    const pdf = await PDFDocument.load(item!.upload!.bytes!);
    expect(pdf.getPageCount()).toBe(2);
    await vi.waitFor(async () => {
      await flushPromises();
      expect(wrapper.findAll('.loket-capture__item')).toHaveLength(0);
      expect(wrapper.find('.loket-send__report').text()).toBe('Uw document wordt verstuurd. Dat ziet u hieronder.');
    });
    expect(wrapper.find('[aria-labelledby="sending-title"]').text()).toContain(
      'Bankafschriften van de laatste 3 maanden (Bankafschriften van de laatste 3 maanden.pdf)',
    );
  });
});
