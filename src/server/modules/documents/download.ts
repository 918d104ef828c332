/**
 * Safe downloads of residents' documents and letters (issue 4): always an attachment with a
 * sanitised name (RFC 6266, with an RFC 8187 UTF-8 name beside an ASCII fallback), the stored
 * type with `nosniff`, a CSP that sandboxes the response should a browser render it anyway,
 * and never cached. Used by the resident routes and, later, by the staff routes.
 */
import type { FastifyReply } from 'fastify';
import { BlobNotFoundError, type BlobStore } from '../../blobs/index';
import { notFound } from '../../errors';

export const DOWNLOAD_CSP = "default-src 'none'; sandbox";

/**
 * Types a browser shows by itself, inline, for a case worker's preview (issue 14). Only what
 * the checks let in and re-encode or verify (JPEG and PNG re-encoded, PDFs loaded and checked
 * for polyglots); HEIC is not shown by most browsers and stays a download.
 */
export const PREVIEWABLE_TYPES: ReadonlySet<string> = new Set(['application/pdf', 'image/jpeg', 'image/png']);

/**
 * The preview's policy: nothing may load from it, and only our own pages may frame it
 * (frame-ancestors 'self': the case page's <iframe>; X-Frame-Options says the same to old
 * browsers). No `sandbox` here, unlike a download: Chromium refuses to run its PDF viewer in a
 * sandboxed document, and shows an empty frame. What a PDF could still do is the viewer's
 * (PDFium runs no page scripts against our origin); the answer stays same-origin, nosniff.
 */
const PREVIEW_CSP = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'self'";

function contentDisposition(fileName: string, disposition: 'attachment' | 'inline' = 'attachment'): string {
  const ascii = fileName
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

export interface Downloadable {
  storage_key: string | null;
  file_name: string;
  content_type: string;
}

export async function sendDownload(
  reply: FastifyReply,
  blobs: BlobStore,
  document: Downloadable,
  disposition: 'attachment' | 'inline' = 'attachment',
): Promise<FastifyReply> {
  if (!document.storage_key) throw notFound('Document');
  let blob: Awaited<ReturnType<BlobStore['stream']>>;
  try {
    blob = await blobs.stream(document.storage_key);
  } catch (error) {
    if (error instanceof BlobNotFoundError) throw notFound('Document');
    throw error;
  }
  return reply
    .header('Content-Type', document.content_type)
    .header('Content-Length', blob.size)
    .header('Content-Disposition', contentDisposition(document.file_name, disposition))
    .header('X-Content-Type-Options', 'nosniff')
    .header('Content-Security-Policy', disposition === 'inline' ? PREVIEW_CSP : DOWNLOAD_CSP)
    .header('Cross-Origin-Resource-Policy', 'same-origin')
    .header('X-Frame-Options', 'SAMEORIGIN')
    .header('Cache-Control', 'no-store')
    .send(blob.body);
}
