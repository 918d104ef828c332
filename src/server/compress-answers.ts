/**
 * Compresses the API's JSON (and text) answers for a browser that accepts it (issue 16): the
 * availability of six weeks is 31.4 KB as JSON and 2.2 KB gzipped, on a phone on prepaid data
 * over slow 4G. @fastify/compress, registered in the /api scope (app.ts): the built PWA has
 * compressed copies made at build time (src/client/build/compress-assets.ts), and the login
 * simulator's pages are small and sent by oidc-provider itself.
 *
 * - Brotli at quality 4 (fast enough to run on every answer: the plugin's and Cloudflare's
 *   choice for dynamic content), gzip for a browser without Brotli, Vary: Accept-Encoding.
 * - Only above 1 KB: below that the saving is about the size of the headers it adds.
 * - Only JSON and text: documents and photos are compressed formats already, and a download
 *   whose type we do not know (octet-stream) is left as it is.
 * - Never the requests: a compressed request body would be a way round the body size limits.
 * - Hijacked replies (tus uploads) bypass it, as they bypass every onSend hook.
 * The compression runs in the route's onSend, after the app's own onSend hooks, so the
 * idempotency record keeps the plain answer and a replay is compressed afresh.
 */
import { constants } from 'node:zlib';
import compress from '@fastify/compress';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

const COMPRESSIBLE = /^text\/(?!event-stream)|^application\/(?:[\w.-]+\+)?json(?:;|$)/;

async function compressAnswersPlugin(app: FastifyInstance): Promise<void> {
  await app.register(compress, {
    globalCompression: true,
    globalDecompression: false,
    encodings: ['br', 'gzip'],
    threshold: 1024,
    brotliOptions: { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } },
    customTypes: COMPRESSIBLE,
  });
}

// Not encapsulated: it must apply to the routes of the scope that registers it (/api).
export const compressAnswers = fp(compressAnswersPlugin, { name: 'loket-compress-answers' });
