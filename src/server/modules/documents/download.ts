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

function contentDisposition(fileName: string): string {
  const ascii = fileName
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
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
    .header('Content-Disposition', contentDisposition(document.file_name))
    .header('X-Content-Type-Options', 'nosniff')
    .header('Content-Security-Policy', DOWNLOAD_CSP)
    .header('Cross-Origin-Resource-Policy', 'same-origin')
    .header('Cache-Control', 'no-store')
    .send(blob.body);
}
