/**
 * How the outbox uploads a document's bytes before its registration request: the tus transport
 * (src/client/documents/transport.ts, with tus-js-client), loaded on first use through a loader
 * that runtime.ts registers.
 *
 * Why not an import() in outbox-engine.ts: a dynamic import in the engine's chunk makes the
 * bundler (rolldown in Vite 8) move Vite's preload helper and src/domain/device-mode.ts out of
 * the entry into a chunk of their own, +0.3 KiB gzip on every route's first load (measured with
 * scripts/first-load-sizes.mjs). The same import() in runtime.ts, which loads after the first
 * paint anyway, costs nothing.
 */
import type { OutboxItem, SendResult } from '../../domain/outbox';
import type { SendSteps } from './replayer';

/** The item as saved once all its bytes are on the server, or why the upload stopped. */
export type UploadOutcome = { item: OutboxItem } | { failed: SendResult };

export interface DocumentTransport {
  uploadDocument(item: OutboxItem, steps: SendSteps): Promise<UploadOutcome>;
}

let load: (() => Promise<DocumentTransport>) | null = null;

export function provideDocumentTransport(loader: (() => Promise<DocumentTransport>) | null): void {
  load = loader;
}

export async function uploadDocument(item: OutboxItem, steps: SendSteps): Promise<UploadOutcome> {
  // Before runtime.ts has started (a few ms after the first paint): not sent, not the item's
  // fault; it stays queued for the next replay.
  if (!load) return { failed: { status: 0, code: 'ABORTED', body: null } };
  try {
    return await (await load()).uploadDocument(item, steps);
  } catch {
    // The chunk did not load (offline on a first visit): try again later.
    return { failed: { status: 0, code: 'NETWORK_ERROR', body: null } };
  }
}
