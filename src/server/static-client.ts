/**
 * Serves the built PWA. Hashed assets are immutable; index.html, the service worker (sw.js),
 * the icons and every other file outside /assets/ are always revalidated so a new version
 * reaches residents. (A browser checks sw.js for updates itself and by default bypasses the
 * HTTP cache for it, but `no-cache` keeps any proxy in between honest too.) Unknown app paths
 * get index.html (see installNotFoundHandler): the client router decides what they show.
 *
 * Two registrations because of how @fastify/static finds files: with `wildcard: false` it
 * lists the folder once at start and makes one route per file, so files written later (a new
 * build deployed into the same folder while the server runs) would answer 404. That is fine
 * for the handful of fixed names at the top (index.html, sw.js, icons/), whose content is
 * read at each request, but not for /assets/, whose names carry a content hash and change with
 * every build: there a wildcard route looks on disk at each request. Without it, a running
 * server would refuse the new version's chunks and the new service worker's install (which
 * fetches them all) would fail.
 *
 * Both send the build's Brotli or gzip copy (src/client/build/compress-assets.ts) to a browser
 * that accepts it, with Vary: Accept-Encoding; a file without copies (an image, or one so small
 * that compressing saves nothing) as is.
 *
 * Security headers: /assets/ files get the lean set from the security plugin's onRequest hook
 * (security/headers.ts); the few that can become a document or a worker get the document set
 * here, where the file is known: SVG and HTML (a browser shows them as pages when opened), and
 * a web worker's script, whose CSP is the worker's own. Vite names a worker's chunk after its
 * module, and ours are all named *.worker.ts (pwa-files.test.ts holds that).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { SecurityHeaderSets } from './security/headers';

const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Assets that can become a document or a worker (see above). */
const DOCUMENT_LIKE_ASSET = /(\.(svg|html?)|\.worker-[\w-]+\.js)(\.br|\.gz)?$/;

async function staticClientPlugin(
  app: FastifyInstance,
  opts: { root: string; headers: SecurityHeaderSets },
): Promise<void> {
  if (!existsSync(join(opts.root, 'index.html'))) {
    throw new Error(`No built client in ${opts.root}: run "npm run build" first`);
  }
  await app.register(fastifyStatic, {
    root: opts.root,
    wildcard: false,
    // The compressed copies are sent in place of their file, never under their own name.
    globIgnore: ['assets/**', '**/*.br', '**/*.gz'],
    // "/" is the start page, which the server renders like the app's other first screens
    // (errors.ts, installNotFoundHandler): not index.html as a file.
    index: false,
    preCompressed: true,
    // Our header only: @fastify/send would otherwise write its own 'public, max-age=0' over
    // whatever setHeaders set (it applies its headers after setHeaders runs).
    cacheControl: false,
    setHeaders(res) {
      res.setHeader('Cache-Control', 'no-cache');
      // @fastify/static does not say that the answer depends on Accept-Encoding; a cache must know.
      res.setHeader('Vary', 'Accept-Encoding');
    },
  });
  await app.register(fastifyStatic, {
    root: join(opts.root, 'assets'),
    prefix: '/assets/',
    wildcard: true,
    index: false,
    preCompressed: true,
    // The first registration already gave reply.sendFile (the not-found handler uses it).
    decorateReply: false,
    cacheControl: false,
    setHeaders(res, path) {
      res.setHeader('Cache-Control', IMMUTABLE);
      res.setHeader('Vary', 'Accept-Encoding');
      if (DOCUMENT_LIKE_ASSET.test(path)) for (const [name, value] of opts.headers.document) res.setHeader(name, value);
    },
  });
}

// Not encapsulated: reply.sendFile must be available to the root not-found handler.
export const staticClient = fp(staticClientPlugin);
