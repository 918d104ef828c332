/**
 * Serves the built PWA. Hashed assets are immutable; index.html and the service worker are
 * always revalidated so a new version reaches residents. Unknown app paths get index.html
 * (see installNotFoundHandler): the client router decides what they show.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

async function staticClientPlugin(app: FastifyInstance, opts: { root: string }): Promise<void> {
  if (!existsSync(join(opts.root, 'index.html'))) {
    throw new Error(`No built client in ${opts.root}: run "npm run build" first`);
  }
  await app.register(fastifyStatic, {
    root: opts.root,
    wildcard: false,
    index: ['index.html'],
    setHeaders(res, path) {
      const immutable = path.includes('/assets/');
      res.setHeader('Cache-Control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
}

// Not encapsulated: reply.sendFile must be available to the root not-found handler.
export const staticClient = fp(staticClientPlugin);
