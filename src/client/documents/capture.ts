/**
 * What the resident picks to send, while they pick it: the list (plain data, capture-list.ts)
 * and, beside it, the files themselves and their reduced photos. Lives as long as the page:
 * nothing here is written to any storage, and leaving the page (or the session) drops it all.
 * Only "Versturen" hands the result to the outbox (compose()).
 */
import { computed, ref } from 'vue';
import { DOCUMENT_TYPES, type DocumentContentType } from '../../domain/documents';
import type { OutgoingFile } from '../api/documents';
import {
  fileNameFor,
  moveDown,
  moveUp,
  planOutgoing,
  removeFile,
  rotateFile,
  sendBlocker,
  updateFile,
  type CapturedFile,
} from './capture-list';
import { checkFile } from './file-check';
import type { PhotoReducer } from './reduce-image';

interface Source {
  file: Blob;
  /** The reduced photo for the quarter turns it was made with */
  reduced: { quarterTurns: number; jpeg: Blob } | null;
}

export interface CaptureOptions {
  /** The photo reducer (tests pass a fake: happy-dom cannot decode images) */
  createReducer?: () => PhotoReducer | Promise<PhotoReducer>;
}

function readAsDataUrl(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(blob);
  });
}

const defaultReducer = async () => (await import('./reduce-image')).createPhotoReducer();

export function useCapture(options: CaptureOptions = {}) {
  /** The picked files in the order they will be sent */
  const files = ref<CapturedFile[]>([]);
  const sources = new Map<string, Source>();
  let reducer: Promise<PhotoReducer> | null = null;
  const photoReducer = () => (reducer ??= Promise.resolve((options.createReducer ?? defaultReducer)()));

  const change = (id: string, patch: Partial<CapturedFile>) => {
    if (sources.has(id)) files.value = updateFile(files.value, id, patch);
  };

  async function prepare(id: string, file: Blob): Promise<void> {
    const verdict = await checkFile(file).catch(() => ({
      ok: false as const,
      problem: 'DOCUMENT_UNREADABLE' as const,
    }));
    if (!verdict.ok) return change(id, { status: 'problem', problem: verdict.problem });
    change(id, { kind: verdict.kind, contentType: verdict.contentType });
    if (verdict.kind !== 'photo') return change(id, { status: 'ready' });
    try {
      const reduced = await (await photoReducer()).reduce(file, 0, true);
      const source = sources.get(id);
      if (!source) return; // removed meanwhile
      source.reduced = { quarterTurns: 0, jpeg: reduced.jpeg };
      const thumbnail = reduced.thumbnail ? await readAsDataUrl(reduced.thumbnail).catch(() => null) : null;
      change(id, { status: 'ready', thumbnail, reducedSize: reduced.jpeg.size });
    } catch {
      change(id, { status: 'problem', problem: 'DOCUMENT_UNREADABLE' });
    }
  }

  /** Adds picked files (a photo just taken, or files chosen) at the end of the list. */
  function add(picked: Iterable<{ blob: Blob; name: string }>): Promise<void> {
    const work: Array<Promise<void>> = [];
    for (const { blob: file, name } of picked) {
      const id = crypto.randomUUID();
      sources.set(id, { file, reduced: null });
      files.value = [
        ...files.value,
        {
          id,
          name,
          kind: null,
          contentType: null,
          size: file.size,
          quarterTurns: 0,
          status: 'preparing',
          problem: null,
          thumbnail: null,
          reducedSize: null,
        },
      ];
      work.push(prepare(id, file));
    }
    return Promise.all(work).then(() => undefined);
  }

  function remove(id: string): void {
    sources.delete(id);
    files.value = removeFile(files.value, id);
  }

  /** The photo `id` as a JPEG with its current turns (made again only when it was turned). */
  async function reducedJpeg(file: CapturedFile): Promise<ArrayBuffer> {
    const source = sources.get(file.id)!;
    if (source.reduced?.quarterTurns !== file.quarterTurns) {
      const reduced = await (await photoReducer()).reduce(source.file, file.quarterTurns, false);
      source.reduced = { quarterTurns: file.quarterTurns, jpeg: reduced.jpeg };
    }
    return source.reduced.jpeg.arrayBuffer();
  }

  /**
   * The files to send, named after `title`: the photos as one PDF (pdf-lib, loaded now) or a
   * single JPEG; PDFs and HEIC photos as picked. Throws when a photo cannot be made (shown as
   * DOCUMENT_UNREADABLE); the list stays as it was.
   */
  async function compose(title: string): Promise<OutgoingFile[]> {
    const byId = new Map(files.value.map((file) => [file.id, file]));
    const plans = planOutgoing(files.value);
    const outgoing: OutgoingFile[] = [];
    for (const [index, plan] of plans.entries()) {
      const part = { n: index + 1, of: plans.length };
      if (plan.type === 'as-is') {
        const file = byId.get(plan.id)!;
        const type = file.contentType as DocumentContentType;
        outgoing.push({
          bytes: await sources.get(plan.id)!.file.arrayBuffer(),
          contentType: type,
          fileName: fileNameFor(title, DOCUMENT_TYPES[type], part),
        });
        continue;
      }
      const jpegs: ArrayBuffer[] = [];
      for (const id of plan.ids) jpegs.push(await reducedJpeg(byId.get(id)!));
      if (jpegs.length === 1) {
        outgoing.push({ bytes: jpegs[0]!, contentType: 'image/jpeg', fileName: fileNameFor(title, 'jpg', part) });
      } else {
        const { photosToPdf } = await import('./pdf');
        outgoing.push({
          bytes: await photosToPdf(jpegs),
          contentType: 'application/pdf',
          fileName: fileNameFor(title, 'pdf', part),
        });
      }
    }
    return outgoing;
  }

  /** Empties the list (after it went to the outbox). */
  function clear(): void {
    sources.clear();
    files.value = [];
  }

  /** The page goes: drop the files and stop the worker. */
  function dispose(): void {
    clear();
    void reducer?.then(
      (r) => r.dispose(),
      () => undefined,
    );
    reducer = null;
  }

  return {
    files,
    /** What keeps "Versturen" from working now ('empty', 'problems', 'preparing'), or null */
    blocker: computed(() => sendBlocker(files.value)),
    /** HEIC photos among the picked files: they go as separate files (the list says why) */
    hasHeic: computed(() => files.value.some((file) => file.kind === 'heic')),
    plan: computed(() => planOutgoing(files.value)),
    add,
    remove,
    moveUp: (id: string) => void (files.value = moveUp(files.value, id)),
    moveDown: (id: string) => void (files.value = moveDown(files.value, id)),
    rotate: (id: string) => void (files.value = rotateFile(files.value, id)),
    compose,
    clear,
    dispose,
  };
}

export type Capture = ReturnType<typeof useCapture>;
