/**
 * A document through the outbox, end to end in the page's code: the tus upload (tus-js-client
 * replaced by a scripted fake; the real one runs against the real server in the server tests
 * and the browser test), the checkpoint that lets a closed tab resume, the registration with
 * its Idempotency-Key exactly once, refusals kept with their file. The outbox uses its
 * in-memory backend (happy-dom has no IndexedDB).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises } from '@vue/test-utils';
import { createOutboxItem, type OutboxItem } from '../../domain/outbox';
import { sendDocument } from '../api/documents';
import { useOutboxStore } from '../stores/outbox';
import { useSessionStore } from '../stores/session';
import { apiError, createHarness, json, me, mockFetch } from '../testing/harness';
import { provideDocumentTransport } from './document-uploads';
import { memoryOutboxBackend } from './outbox-backend';
import { useOutboxBackendForTests } from './outbox-engine';
import { replayOutbox } from './replayer';

interface FakeOptions {
  endpoint: string;
  uploadUrl: string | null;
  metadata: Record<string, string>;
  storeFingerprintForResuming: boolean;
  onUploadUrlAvailable: () => void;
  onProgress: (sent: number, total: number) => void;
  onChunkComplete: (chunk: number, accepted: number, total: number) => void;
  onSuccess: () => void;
  onError: (error: Error) => void;
}

const tus = vi.hoisted(() => {
  const runs: Array<{ file: Blob; options: FakeOptions; upload: { url: string | null } }> = [];
  let script: (run: (typeof runs)[number]) => void = () => undefined;
  class Upload {
    url: string | null = null;
    constructor(
      readonly file: Blob,
      readonly options: FakeOptions,
    ) {}
    start() {
      const run = { file: this.file, options: this.options, upload: this };
      runs.push(run);
      queueMicrotask(() => script(run));
    }
    abort() {
      return Promise.resolve();
    }
  }
  return { Upload, runs, play: (next: typeof script) => (script = next) };
});
vi.mock('tus-js-client', () => ({ Upload: tus.Upload }));

const APP = '0b6f1d4e-1111-4c3a-9d7e-000000000001';
const REQUEST = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
const UPLOAD_ID = 'a'.repeat(32);
const UPLOAD_URL = `http://localhost:3000/api/uploads/${UPLOAD_ID}`;
const PDF = new TextEncoder().encode('%PDF-1.7\n' + 'x'.repeat(1000)).buffer;

/** The server side of tus, as the fake plays it: creates (or resumes at `from`), sends, finishes or drops. */
function transfer(options: { from?: number; dropAt?: number; refuse?: [number, string] } = {}) {
  return (run: (typeof tus.runs)[number]) => {
    const { options: o, upload } = run;
    const size = run.file.size;
    if (options.refuse) {
      const [status, code] = options.refuse;
      const body = JSON.stringify({ error: { code, message: 'x' } });
      return o.onError(
        Object.assign(new Error('refused'), { originalResponse: { getStatus: () => status, getBody: () => body } }),
      );
    }
    upload.url = o.uploadUrl ?? UPLOAD_URL;
    if (!o.uploadUrl) o.onUploadUrlAvailable();
    let at = options.from ?? 0;
    const until = options.dropAt ?? size;
    while (at < until) {
      at = Math.min(until, at + 256);
      o.onProgress(at, size);
      o.onChunkComplete(256, at, size);
    }
    if (options.dropAt !== undefined) return o.onError(new Error('tus: failed to upload chunk')); // no response: offline
    o.onSuccess();
  };
}

let holder: { value: OutboxItem[] };
beforeEach(() => {
  holder = { value: [] };
  useOutboxBackendForTests(memoryOutboxBackend(holder));
  provideDocumentTransport(() => import('../documents/transport'));
  tus.runs.length = 0;
});
afterEach(() => {
  useOutboxBackendForTests(null);
  provideDocumentTransport(null);
  vi.unstubAllGlobals();
});

async function setUp(register: (init: RequestInit | undefined) => Response | Promise<Response>) {
  const fetchMock = mockFetch({
    'GET /api/session': () => json({ me }),
    [`POST /api/applications/${APP}/documents`]: register,
  });
  const harness = await createHarness('nl');
  await useSessionStore(harness.pinia).load();
  const outbox = useOutboxStore(harness.pinia);
  const registrations = () => fetchMock.mock.calls.filter(([url]) => String(url).endsWith('/documents'));
  return { outbox, fetchMock, registrations };
}

const created = () =>
  json(
    {
      document: {
        id: '9f0c0000-0000-4000-8000-000000000009',
        title: 'Bankafschriften',
        fileName: 'bank.pdf',
        contentType: 'application/pdf',
        sizeBytes: 1009,
        createdAt: '2026-11-28T10:00:00.000Z',
        requestId: REQUEST,
      },
    },
    201,
  );

async function settled(outbox: ReturnType<typeof useOutboxStore>, state: OutboxItem['state']) {
  await vi.waitFor(async () => {
    await flushPromises();
    expect(outbox.items.map((i) => i.state)).toEqual([state]);
  });
  return outbox.items[0]!;
}

describe('a document in the outbox', () => {
  it('uploads the bytes with tus, then registers them once with its Idempotency-Key; the bytes go once delivered', async () => {
    tus.play(transfer());
    const { outbox, registrations } = await setUp(() => created());
    await outbox.enqueue(
      sendDocument(
        APP,
        { bytes: PDF, contentType: 'application/pdf', fileName: 'bank.pdf' },
        { requestId: REQUEST, title: 'Bankafschriften' },
      ),
    );
    const item = await settled(outbox, 'sent');

    expect(tus.runs).toHaveLength(1);
    const { options, file } = tus.runs[0]!;
    expect(options).toMatchObject({
      endpoint: 'http://localhost:3000/api/uploads',
      uploadUrl: null,
      metadata: { caseId: APP, requestId: REQUEST },
    });
    // tus keeps no URL of its own in localStorage: a kiosk must keep nothing, and the outbox item is the one record
    expect(options.storeFingerprintForResuming).toBe(false);
    expect(file.size).toBe(PDF.byteLength);

    expect(registrations()).toHaveLength(1);
    const [, init] = registrations()[0]!;
    expect(JSON.parse(String(init!.body))).toEqual({
      requestId: REQUEST,
      title: 'Bankafschriften',
      fileName: 'bank.pdf',
      uploadId: UPLOAD_ID,
    });
    expect((init!.headers as Record<string, string>)['Idempotency-Key']).toBe(item.idempotencyKey);
    expect(item.upload).toMatchObject({ complete: true, bytes: null });
  });

  it('offline halfway: keeps the tus URL and offset, and resumes there (HEAD) instead of starting over', async () => {
    tus.play(transfer({ dropAt: 512 }));
    const { outbox, registrations } = await setUp(() => created());
    await outbox.enqueue(
      sendDocument(
        APP,
        { bytes: PDF, contentType: 'application/pdf', fileName: 'bank.pdf' },
        { requestId: REQUEST, title: 'Bankafschriften' },
      ),
    );
    const paused = await settled(outbox, 'failed');
    expect(paused.lastError).toEqual({ code: 'NETWORK_ERROR', status: 0 });
    expect(paused.upload).toMatchObject({ url: UPLOAD_URL, offset: 512, complete: false });
    expect(paused.upload!.bytes!.byteLength).toBe(PDF.byteLength);
    expect(registrations()).toHaveLength(0);

    // Back online (or the app opened again): the same upload, from where the server is.
    tus.play(transfer({ from: 512 }));
    await outbox.replay({ force: true });
    await settled(outbox, 'sent');
    expect(tus.runs.map((run) => run.options.uploadUrl)).toEqual([null, UPLOAD_URL]);
    expect(registrations()).toHaveLength(1);
  });

  it('a tab closed mid-upload: the saved URL is where the next start resumes', async () => {
    const { outbox } = await setUp(() => created());
    const item = createOutboxItem(
      sendDocument(
        APP,
        { bytes: PDF, contentType: 'application/pdf', fileName: 'bank.pdf' },
        { requestId: null, title: 'Loonstrook' },
      ),
      { id: 'd1', idempotencyKey: '00000000-0000-4000-8000-0000000000d1', userKey: me.resident.key },
      new Date(),
    );
    // as IndexedDB kept it: cut off while sending, with the URL saved at creation
    holder.value = [
      { ...item, state: 'sending', attempts: 1, upload: { ...item.upload!, url: UPLOAD_URL, offset: 0 } },
    ];
    tus.play(transfer({ from: 256 }));
    await outbox.refresh();
    await outbox.replay();
    await settled(outbox, 'sent');
    expect(tus.runs[0]!.options.uploadUrl).toBe(UPLOAD_URL);
  });

  it.each([
    ['the file is too large', 'upload', 413, 'DOCUMENT_TOO_LARGE'],
    ['the daily limit is reached', 'upload', 429, 'DAILY_UPLOAD_LIMIT'],
    ['the request takes no more documents', 'upload', 409, 'REQUEST_CLOSED'],
    ['the scanner found a virus', 'registration', 422, 'DOCUMENT_INFECTED'],
    ['the PDF has a password', 'registration', 422, 'DOCUMENT_ENCRYPTED_PDF'],
  ])(
    'is refused when %s (%s), and keeps its file so the resident can choose again',
    async (_what, at, status, code) => {
      tus.play(at === 'upload' ? transfer({ refuse: [status, code] }) : transfer());
      const { outbox } = await setUp(() => (at === 'registration' ? apiError(status, code) : created()));
      await outbox.enqueue(
        sendDocument(
          APP,
          { bytes: PDF, contentType: 'application/pdf', fileName: 'bank.pdf' },
          { requestId: REQUEST, title: 'Bankafschriften' },
        ),
      );
      const refused = await settled(outbox, 'refused');
      expect(refused.lastError).toEqual({ code, status });
      expect(refused.upload!.bytes!.byteLength).toBe(PDF.byteLength);
    },
  );

  it('a scanner outage (503) is not a refusal: it is tried again later, with the same key', async () => {
    tus.play(transfer());
    let calls = 0;
    const { outbox, registrations } = await setUp(() =>
      ++calls === 1 ? apiError(503, 'SCANNER_UNAVAILABLE') : created(),
    );
    await outbox.enqueue(
      sendDocument(
        APP,
        { bytes: PDF, contentType: 'application/pdf', fileName: 'bank.pdf' },
        { requestId: REQUEST, title: 'Bankafschriften' },
      ),
    );
    const failed = await settled(outbox, 'failed');
    expect(failed.upload!.complete).toBe(true);
    await outbox.replay({ force: true });
    await settled(outbox, 'sent');
    // the bytes went once; the registration twice with one key (the server keeps one effect)
    expect(tus.runs).toHaveLength(1);
    const keys = registrations().map(([, init]) => (init!.headers as Record<string, string>)['Idempotency-Key']);
    expect(new Set(keys).size).toBe(1);
  });
});

describe('the service worker replaying documents', () => {
  it('leaves a document with bytes to upload to a page (no XMLHttpRequest there), but sends a finished one', async () => {
    const make = (id: string, complete: boolean): OutboxItem => {
      const item = createOutboxItem(
        sendDocument(
          APP,
          { bytes: PDF, contentType: 'application/pdf', fileName: 'bank.pdf' },
          { requestId: null, title: 'Loonstrook' },
        ),
        { id, idempotencyKey: `key-${id}`, userKey: 'anna' },
        new Date('2026-11-28T10:00:00Z'),
      );
      return complete
        ? {
            ...item,
            body: { ...(item.body as object), uploadId: UPLOAD_ID },
            upload: { ...item.upload!, complete: true, offset: item.upload!.size },
          }
        : item;
    };
    const store = { value: [make('uploading', false), make('uploaded', true)] };
    const sent: string[] = [];
    const { needsUpload } = await import('../../domain/outbox');
    const report = await replayOutbox({
      backend: memoryOutboxBackend(store),
      userKey: 'anna',
      force: true,
      send: async (item) => (sent.push(item.id), { status: 201, code: null, body: {} }),
      canSend: (item) => !needsUpload(item),
    });
    expect(sent).toEqual(['uploaded']);
    expect(store.value.find((i) => i.id === 'uploading')!.state).toBe('queued');
    expect(report.unsent).toBe(0);
  });
});
