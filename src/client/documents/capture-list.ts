/**
 * The list of what the resident picked to send, as plain data (pure functions; the files
 * themselves are kept beside it, see capture.ts): order, turning, removing, and what will be
 * sent: photos together as one PDF (or one JPEG when it is a single photo), PDFs and HEIC photos
 * each as they are.
 */
import { MAX_DOCUMENT_BYTES, type DocumentContentType } from '../../domain/documents';
import type { CaptureKind } from './file-check';
import { normalizeTurns } from './image-size';

export interface CapturedFile {
  id: string;
  /** The resident's own file name (a camera photo often has none worth showing) */
  name: string;
  /** null while its first bytes are being read */
  kind: CaptureKind | null;
  contentType: DocumentContentType | null;
  /** Bytes of the file as picked */
  size: number;
  /** Clockwise, 0..3; only photos can be turned */
  quarterTurns: 0 | 1 | 2 | 3;
  status: 'preparing' | 'ready' | 'problem';
  /** Error code (errors.<CODE>) when status is 'problem' */
  problem: string | null;
  /** A small JPEG as data: URL (the CSP allows img-src 'self' data:, not blob:) */
  thumbnail: string | null;
  /** Bytes of the reduced photo, once made */
  reducedSize: number | null;
}

function move(list: readonly CapturedFile[], id: string, by: -1 | 1): CapturedFile[] {
  const from = list.findIndex((file) => file.id === id);
  const to = from + by;
  if (from < 0 || to < 0 || to >= list.length) return [...list];
  const next = [...list];
  [next[from], next[to]] = [next[to]!, next[from]!];
  return next;
}

export const moveUp = (list: readonly CapturedFile[], id: string) => move(list, id, -1);
export const moveDown = (list: readonly CapturedFile[], id: string) => move(list, id, 1);
export const removeFile = (list: readonly CapturedFile[], id: string) => list.filter((file) => file.id !== id);

/** Turns a photo a quarter clockwise (the list shows it turned; it is sent turned). */
export function rotateFile(list: readonly CapturedFile[], id: string): CapturedFile[] {
  return list.map((file) =>
    file.id === id && file.kind === 'photo' ? { ...file, quarterTurns: normalizeTurns(file.quarterTurns + 1) } : file,
  );
}

export function updateFile(list: readonly CapturedFile[], id: string, change: Partial<CapturedFile>): CapturedFile[] {
  return list.map((file) => (file.id === id ? { ...file, ...change } : file));
}

/** What keeps "Versturen" from working now, or null. */
export function sendBlocker(list: readonly CapturedFile[]): 'empty' | 'problems' | 'preparing' | null {
  if (list.length === 0) return 'empty';
  if (list.some((file) => file.status === 'problem')) return 'problems';
  if (list.some((file) => file.status === 'preparing')) return 'preparing';
  return null;
}

/** One file that will be sent: photos in a PDF (or alone), or one picked file as it is. */
export type OutgoingPlan = { type: 'photos'; ids: string[] } | { type: 'as-is'; id: string };

/** Room left in a PDF for its own structure (a few KiB per page). */
const PDF_MARGIN_BYTES = 512 * 1024;

/**
 * The files to send, in the order of the list: the photos together (where the first photo
 * is), split over more PDFs only when one would pass the 20 MB per file; the rest one by one.
 */
export function planOutgoing(list: readonly CapturedFile[], maxBytes = MAX_DOCUMENT_BYTES): OutgoingPlan[] {
  const plans: OutgoingPlan[] = [];
  let group: { type: 'photos'; ids: string[] } | null = null;
  let groupBytes = 0;
  for (const file of list) {
    if (file.kind !== 'photo') {
      plans.push({ type: 'as-is', id: file.id });
      continue;
    }
    const bytes = file.reducedSize ?? file.size;
    if (!group || groupBytes + bytes > maxBytes - PDF_MARGIN_BYTES) {
      group = { type: 'photos', ids: [] };
      groupBytes = 0;
      plans.push(group);
    }
    group.ids.push(file.id);
    groupBytes += bytes;
  }
  return plans;
}

/** A file name from a title: what the case worker sees when they download it. */
export function fileNameFor(title: string, extension: string, part?: { n: number; of: number }): string {
  const stem =
    title
      .replace(/[\\/:*?"<>|\p{Cc}]/gu, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 80) || 'document';
  return `${stem}${part && part.of > 1 ? `-${part.n}` : ''}.${extension}`;
}
