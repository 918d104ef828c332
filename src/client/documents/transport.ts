/**
 * Sending a document from the outbox (kind 'document', src/domain/outbox.ts): its bytes with
 * tus (tus-js-client, resumable); then the outbox engine sends the registration request with the
 * item's Idempotency-Key, so a document is stored exactly once however often this runs.
 * Loaded by the outbox engine only when such an item is due: tus-js-client is in no first load.
 *
 * Resuming:
 * - a short drop during a send: tus retries by itself (retryDelays), at the server's offset;
 * - offline, or longer: the send fails, the outbox backs off and tries again on 'online';
 * - the tab closed: the tus upload URL is saved on the item as soon as the server made it
 *   (IndexedDB on a personal device), so the next start asks that URL for its offset (HEAD)
 *   and sends only the rest. tus-js-client's own URL storage (localStorage) is switched off:
 *   a shared device must keep nothing, and the outbox item is the one place we keep state.
 */
import { Upload, type DetailedError, type UploadOptions } from 'tus-js-client';
import type { OutboxItem, SendResult } from '../../domain/outbox';
import { sessionSignal } from '../api/http';
import type { UploadOutcome } from '../offline/document-uploads';
import type { SendSteps } from '../offline/replayer';
import { setUploadProgress } from './progress';

/**
 * One PATCH per 512 KiB: after a cut the server keeps whole chunks at least, and on a cheap
 * phone's 3G a chunk is a few seconds, short enough for a progress bar that moves.
 */
export const CHUNK_BYTES = 512 * 1024;
/** Blips within one send (a tunnel): tus tries again after these delays, then the outbox takes over. */
const RETRY_DELAYS = [0, 1_000, 3_000, 5_000];
/** A connection that sends nothing for this long is given up, so it cannot block the outbox. */
const STALL_MS = 60_000;

/** tus keeps no URLs of its own (see above). */
const noUrlStorage: NonNullable<UploadOptions['urlStorage']> = {
  findAllUploads: async () => [],
  findUploadsByFingerprint: async () => [],
  removeUpload: async () => undefined,
  addUpload: async () => '',
};

function resultOf(error: Error | DetailedError): SendResult {
  const response = (error as DetailedError).originalResponse;
  // No answer: offline (tus does not retry when navigator.onLine is false), or retries used up.
  if (!response) return { status: 0, code: 'NETWORK_ERROR', body: null };
  let code = 'UNKNOWN';
  try {
    code = (JSON.parse(response.getBody()) as { error?: { code?: string } }).error?.code ?? 'UNKNOWN';
  } catch {
    // Not our JSON (a proxy's page): the status decides.
  }
  return { status: response.getStatus(), code, body: null };
}

interface Transfer {
  /** The upload finished: its URL. Or the reason it did not. */
  outcome: { url: string } | { failed: SendResult };
  /** Bytes the server confirmed last, to keep as the item's checkpoint */
  offset: number;
  url: string | null;
}

/** One tus run: resumes at `item.upload.url` when there is one, else creates the upload. */
function transfer(item: OutboxItem, steps: SendSteps, saves: { chain: Promise<unknown> }): Promise<Transfer> {
  const upload = item.upload!;
  const file = new Blob([upload.bytes!], { type: upload.contentType });
  const signal = sessionSignal();
  let offset = upload.offset;
  let stall: ReturnType<typeof setTimeout> | undefined;

  return new Promise((resolve) => {
    let tus: Upload; // eslint-disable-line prefer-const -- assigned after the callbacks that close over it
    let stalled = false;
    const finish = (outcome: Transfer['outcome']) => {
      clearTimeout(stall);
      signal.removeEventListener('abort', onAbort);
      resolve({ outcome, offset, url: tus.url });
    };
    const watchdog = () => {
      clearTimeout(stall);
      stall = setTimeout(() => {
        stalled = true;
        void tus.abort().finally(() => finish({ failed: { status: 0, code: 'NETWORK_ERROR', body: null } }));
      }, STALL_MS);
    };
    // Logout or session end: stop; the item waits for its resident's next session.
    const onAbort = () =>
      void tus.abort().finally(() => finish({ failed: { status: 0, code: 'ABORTED', body: null } }));

    tus = new Upload(file, {
      endpoint: new URL(upload.endpoint, location.href).href,
      uploadUrl: upload.url,
      metadata: upload.metadata,
      chunkSize: CHUNK_BYTES,
      retryDelays: RETRY_DELAYS,
      storeFingerprintForResuming: false,
      urlStorage: noUrlStorage,
      onUploadUrlAvailable: () => {
        // A new upload (the first, or the server forgot the old one): saved at once, so from
        // here on a closed tab resumes instead of starting over.
        if (tus.url === upload.url) return;
        offset = 0;
        saves.chain = saves.chain.then(() => steps.record({ type: 'upload-progress', url: tus.url, offset: 0 }));
      },
      onProgress: (sent, total) => {
        watchdog();
        setUploadProgress(item.id, { sent, total });
      },
      onChunkComplete: (_chunk, accepted) => {
        offset = accepted;
      },
      onSuccess: () => finish({ url: tus.url! }),
      onError: (error) => {
        if (!stalled && !signal.aborted) finish({ failed: resultOf(error) });
      },
    });
    signal.addEventListener('abort', onAbort, { once: true });
    setUploadProgress(item.id, { sent: offset, total: upload.size });
    watchdog();
    tus.start();
  });
}

/**
 * The upload phase of a document item (the outbox engine sends the registration afterwards).
 * Never throws: it ends with the item as saved after 'upload-complete', or with the SendResult
 * that stopped it, for the state machine (outcomeOf) as for any other item.
 */
export async function uploadDocument(item: OutboxItem, steps: SendSteps): Promise<UploadOutcome> {
  const saves = { chain: Promise.resolve() as Promise<unknown> };
  try {
    let run = await transfer(item, steps, saves);
    // The server no longer knows the upload (expired after a day, or swept): start it anew, once.
    if ('failed' in run.outcome && run.outcome.failed.code === 'UPLOAD_NOT_FOUND' && item.upload!.url) {
      await saves.chain;
      run = await transfer(await steps.record({ type: 'upload-progress', url: null, offset: 0 }), steps, saves);
    }
    await saves.chain;
    if ('failed' in run.outcome) {
      // Keep how far it got, for "paused at 40%" and for the next start.
      await steps.record({ type: 'upload-progress', url: run.url, offset: run.offset });
      return { failed: run.outcome.failed };
    }
    // NewDocument.uploadId: the last path segment of the tus upload URL (src/domain/api.ts).
    const uploadId = new URL(run.outcome.url, location.href).pathname.split('/').pop()!;
    return { item: await steps.record({ type: 'upload-complete', body: { ...(item.body as object), uploadId } }) };
  } catch {
    // Storage refused the checkpoint, or tus threw: not sent, try again later.
    return { failed: { status: 0, code: 'NETWORK_ERROR', body: null } };
  } finally {
    setUploadProgress(item.id, null);
  }
}
