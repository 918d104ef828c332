/**
 * Rules for documents a resident sends (issue 4), shared by client and server: which types we
 * accept (recognised by their first bytes, never by name or Content-Type), the size rules, the
 * name a download gets, and the life of a document request. Pure: no I/O, no libraries, so the
 * client can check a file before it spends the resident's prepaid data on it.
 */
import { compareDates, daysBetween, type IsoDate } from './dates';

/** What is stored; 'overdue' is computed (from the due date) whenever a request is shown. */
const STORED_DOCUMENT_REQUEST_STATES = ['open', 'received', 'accepted', 'rejected'] as const;
export type StoredDocumentRequestState = (typeof STORED_DOCUMENT_REQUEST_STATES)[number];
export const DOCUMENT_REQUEST_STATES = [...STORED_DOCUMENT_REQUEST_STATES, 'overdue'] as const;
export type DocumentRequestState = (typeof DOCUMENT_REQUEST_STATES)[number];

/** Per file (issue 4). A phone photo reduced in the browser is ~1.5 MB; a scanned PDF rarely 20. */
export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;
/** Default per resident in any 24 hours; the server reads LOKET_UPLOAD_DAILY_MB. */
export const DEFAULT_DAILY_UPLOAD_BYTES = 100 * 1024 * 1024;
/** Decompression-bomb guard: a 20 MB PNG may claim billions of pixels. 100 MP > any phone camera. */
export const MAX_IMAGE_PIXELS = 100_000_000;
/** Longest document title a resident can give (a line on a phone). */
export const MAX_TITLE_LENGTH = 200;

/**
 * The allowlist, with the extension a download gets. HEIC/HEIF is what iPhones take; see the
 * README ("Documents") for why the server stores it as-is with its metadata removed.
 */
export const DOCUMENT_TYPES = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/heic': 'heic',
  'image/heif': 'heif',
} as const;
export type DocumentContentType = keyof typeof DOCUMENT_TYPES;
export const ACCEPTED_CONTENT_TYPES = Object.keys(DOCUMENT_TYPES) as DocumentContentType[];

export function isDocumentContentType(value: string): value is DocumentContentType {
  return Object.hasOwn(DOCUMENT_TYPES, value);
}

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0) =>
  signature.every((b, i) => bytes[offset + i] === b);
const ascii = (bytes: Uint8Array, from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));

/** ISO base media major brands of HEIC (HEVC-coded) and generic HEIF still images. */
const HEIC_BRANDS = new Set(['heic', 'heix']);
const HEIF_BRANDS = new Set(['mif1']);

/**
 * The allowed type these first bytes (>= 12 are enough) belong to, or null. Looks only at the
 * magic numbers at offset 0, as browsers and `file-type` do.
 */
export function sniffDocumentType(head: Uint8Array): DocumentContentType | null {
  if (startsWith(head, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf'; // %PDF-
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (head.length >= 12 && ascii(head, 4, 8) === 'ftyp') {
    const brand = ascii(head, 8, 12);
    if (HEIC_BRANDS.has(brand)) return 'image/heic';
    if (HEIF_BRANDS.has(brand)) return 'image/heif';
  }
  return null;
}

export type SizeRefusal = 'DOCUMENT_EMPTY' | 'DOCUMENT_TOO_LARGE';

export function sizeRefusal(bytes: number, max = MAX_DOCUMENT_BYTES): SizeRefusal | null {
  if (bytes <= 0) return 'DOCUMENT_EMPTY';
  return bytes > max ? 'DOCUMENT_TOO_LARGE' : null;
}

/** True when `incoming` more bytes today would pass the resident's daily limit. */
export function exceedsDailyLimit(usedToday: number, incoming: number, limit: number): boolean {
  return usedToday + incoming > limit;
}

function indexOf(bytes: Uint8Array, needle: readonly number[], from = 0): number {
  outer: for (let i = from; i <= bytes.length - needle.length; i += 1) {
    for (let j = 0; j < needle.length; j += 1) if (bytes[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

function lastIndexOf(bytes: Uint8Array, needle: readonly number[]): number {
  outer: for (let i = bytes.length - needle.length; i >= 0; i -= 1) {
    for (let j = 0; j < needle.length; j += 1) if (bytes[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

const ZIP_END_OF_CENTRAL_DIRECTORY = [0x50, 0x4b, 0x05, 0x06];
/** ZIP readers look for their directory in the last 64 KiB (+ its 22-byte record). */
const ZIP_TAIL = 65_535 + 22;
/** Browsers sniff for markup in the first bytes of a response (WHATWG MIME Sniffing §7.1). */
const SNIFF_WINDOW = 1445;
const MARKUP = /<(?:!doctype html|html|head|body|script|iframe|svg|object|embed)[\s>/]/i;
const PDF_EOF = [0x25, 0x25, 0x45, 0x4f, 0x46]; // %%EOF
/** Tolerance for junk some PDF producers leave after %%EOF; an appended file is far larger. */
const PDF_TRAILING_TOLERANCE = 16;

export type PolyglotSign = 'zip' | 'markup' | 'pdf_trailing_data';

/**
 * A polyglot is a file that is valid as two types at once, e.g. a PDF or JPEG with a ZIP (or JAR)
 * appended, or a photo whose first bytes also read as HTML. We refuse those: the second reading
 * is the attack. Trailing data after a photo (motion photos append a video) is not refused here:
 * photos are re-encoded, which drops it.
 */
export function polyglotSign(bytes: Uint8Array, type: DocumentContentType): PolyglotSign | null {
  if (indexOf(bytes, ZIP_END_OF_CENTRAL_DIRECTORY, Math.max(0, bytes.length - ZIP_TAIL)) >= 0) return 'zip';
  if (MARKUP.test(ascii(bytes, 0, Math.min(bytes.length, SNIFF_WINDOW)))) return 'markup';
  if (type === 'application/pdf') {
    const eof = lastIndexOf(bytes, PDF_EOF);
    if (eof >= 0) {
      let junk = 0;
      for (let i = eof + PDF_EOF.length; i < bytes.length; i += 1) if (!isPdfWhitespace(bytes[i]!)) junk += 1;
      if (junk > PDF_TRAILING_TOLERANCE) return 'pdf_trailing_data';
    }
  }
  return null;
}

/** PDF 32000-1 §7.2.2 white-space characters. */
const isPdfWhitespace = (b: number) => b === 0x00 || b === 0x09 || b === 0x0a || b === 0x0c || b === 0x0d || b === 0x20;

/**
 * The file name a download gets: the resident's own name without path, control or bidi
 * characters (U+202E makes "gpj.exe" look like "exe.jpg"), or characters Windows refuses, with
 * the extension of what we actually stored. Never used as a storage name.
 */
export function downloadFileName(original: string | null | undefined, type: DocumentContentType): string {
  const base = (original ?? '').split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, '')
    .replace(/["*:<>?|%;]/g, '')
    .replace(/\s+/g, ' ')
    .replace(/\.[^.]*$/, '')
    .replace(/^[\s.]+|[\s.]+$/g, '');
  const stem = [...cleaned].slice(0, 80).join('').trim() || 'document';
  return `${stem}.${DOCUMENT_TYPES[type]}`;
}

/** What can happen to a document request. */
export type RequestEvent = 'document_received' | 'accepted' | 'rejected';

/**
 * A request is judged only once something arrived; an accepted request is done; a rejected one
 * waits for the resident to send again (the reason tells them what was wrong).
 */
const TRANSITIONS: Record<StoredDocumentRequestState, Partial<Record<RequestEvent, StoredDocumentRequestState>>> = {
  open: { document_received: 'received' },
  received: { document_received: 'received', accepted: 'accepted', rejected: 'rejected' },
  rejected: { document_received: 'received' },
  accepted: {},
};

/** The state after `event`, or null when the event is not allowed in `state`. */
export function nextRequestState(
  state: StoredDocumentRequestState,
  event: RequestEvent,
): StoredDocumentRequestState | null {
  return TRANSITIONS[state][event] ?? null;
}

/** A resident can still send files for it (also after a rejection, and to add pages). */
export const acceptsDocuments = (state: StoredDocumentRequestState) =>
  nextRequestState(state, 'document_received') !== null;

/**
 * Requests the service still asks for: nothing arrived yet, too late, or what arrived was
 * refused. Only these offer "Stuur dit document"; a received one waits for the case worker.
 */
const STILL_ASKED_FOR: readonly DocumentRequestState[] = ['open', 'overdue', 'rejected'];
export const isStillAskedFor = (state: DocumentRequestState) => STILL_ASKED_FOR.includes(state);

/**
 * The order a resident sees requests in: by due date, then the day we asked, then id. Never
 * by state: a list that reorders itself after an upload moved cards under the resident's thumb,
 * and a two-photo PDF went to the wrong request.
 */
export function compareRequestsStable(
  a: { dueDate: IsoDate; requestedOn: IsoDate; id: string },
  b: { dueDate: IsoDate; requestedOn: IsoDate; id: string },
): number {
  return (
    compareDates(a.dueDate, b.dueDate) ||
    compareDates(a.requestedOn, b.requestedOn) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/** Calendar days left until the due date: 0 on the day itself, negative when late. */
export const requestDaysLeft = (dueDate: IsoDate, today: IsoDate) => daysBetween(today, dueDate);
