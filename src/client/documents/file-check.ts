/**
 * A first look at a chosen file, before it costs the resident any data: is it a type we take
 * (by its first bytes, as the server checks it: src/domain/documents.ts), and can it be sent as
 * it is? The server checks everything again; this is only for a friendly message at once.
 */
import { MAX_DOCUMENT_BYTES, sizeRefusal, sniffDocumentType, type DocumentContentType } from '../../domain/documents';

/** photo: JPEG or PNG, reduced and re-encoded here; pdf and heic go as they are. */
export type CaptureKind = 'photo' | 'pdf' | 'heic';

export type FileVerdict =
  | { ok: true; kind: CaptureKind; contentType: DocumentContentType }
  | { ok: false; problem: 'DOCUMENT_TYPE_NOT_ALLOWED' | 'DOCUMENT_TOO_LARGE' | 'DOCUMENT_EMPTY' };

/**
 * Photos may be any size here (they are reduced to ~1.5 MB before sending), up to this: a
 * larger "photo" is no phone photo, and decoding it could exhaust a phone's memory.
 */
export const MAX_PHOTO_SOURCE_BYTES = 60 * 1024 * 1024;

/** Bytes to read to know the type (HEIC's brand ends at byte 12). */
const SNIFF_BYTES = 16;

export function judgeFile(head: Uint8Array, size: number): FileVerdict {
  if (size <= 0) return { ok: false, problem: 'DOCUMENT_EMPTY' };
  const contentType = sniffDocumentType(head);
  if (!contentType) return { ok: false, problem: 'DOCUMENT_TYPE_NOT_ALLOWED' };
  const kind: CaptureKind =
    contentType === 'application/pdf' ? 'pdf' : contentType.startsWith('image/hei') ? 'heic' : 'photo';
  const limit = kind === 'photo' ? MAX_PHOTO_SOURCE_BYTES : MAX_DOCUMENT_BYTES;
  const problem = sizeRefusal(size, limit);
  if (problem) return { ok: false, problem };
  return { ok: true, kind, contentType };
}

export async function checkFile(file: Blob): Promise<FileVerdict> {
  const head = new Uint8Array(await file.slice(0, SNIFF_BYTES).arrayBuffer());
  return judgeFile(head, file.size);
}
