/**
 * The web app manifest that makes Loket installable. Served by the server, not written at
 * build time: one build serves every consortium, and the name and colours on a resident's
 * home screen are the consortium's (the same facts GET /api/config gives the page).
 *
 * `no-cache` with an ETag: the browser asks again each time (cheap, 304) so a changed name or
 * colour reaches installed apps; Chromium re-reads the manifest of an installed app and
 * updates it (https://developer.chrome.com/docs/web-platform/update-pwa).
 */
import { createHash } from 'node:crypto';
import * as Type from '@sinclair/typebox';
import type { Static } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Consortium } from '../../../domain/consortium';
import type { ModuleOptions } from '../../context';

const Icon = Type.Object({
  src: Type.String(),
  sizes: Type.String({ pattern: '^\\d+x\\d+$' }),
  type: Type.Literal('image/png'),
  purpose: Type.Union([Type.Literal('any'), Type.Literal('maskable')]),
});

/** The members we use of https://w3c.github.io/manifest/ */
export const WebAppManifest = Type.Object({
  id: Type.String(),
  name: Type.String({ minLength: 1 }),
  short_name: Type.String({ minLength: 1 }),
  description: Type.String(),
  lang: Type.String(),
  dir: Type.Union([Type.Literal('ltr'), Type.Literal('rtl'), Type.Literal('auto')]),
  start_url: Type.String(),
  scope: Type.String(),
  display: Type.Literal('standalone'),
  theme_color: Type.String({ pattern: '^#[0-9a-fA-F]{6}$' }),
  background_color: Type.String({ pattern: '^#[0-9a-fA-F]{6}$' }),
  categories: Type.Array(Type.String()),
  icons: Type.Array(Icon, { minItems: 1 }),
});
export type WebAppManifest = Static<typeof WebAppManifest>;

/**
 * Icons rendered at build time by src/client/build/icons.ts (the same paths; its test checks
 * that the two lists agree). 192 and 512 "any" are what Chromium needs to install.
 */
export const MANIFEST_ICONS: WebAppManifest['icons'] = [
  { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
  { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
  { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
];

export function webAppManifestOf(consortium: Consortium): WebAppManifest {
  return {
    // A stable identity: the browser treats a manifest with another id as another app.
    id: '/',
    name: consortium.name,
    short_name: consortium.shortName,
    description: 'Uw aanvragen voor werk en inkomen bekijken.',
    // Dutch first (B1); the app switches language itself, the manifest has one.
    lang: 'nl',
    dir: 'ltr',
    // No tracking parameter: we do not measure how the app is opened, and a plain '/' is one
    // URL less for the service worker and the server to know.
    start_url: '/',
    scope: '/',
    display: 'standalone',
    theme_color: consortium.theme.primaryColor,
    // The page background (styles/app.css), so the splash screen fades into the first page.
    background_color: '#ffffff',
    categories: ['government'],
    icons: MANIFEST_ICONS,
  };
}

export async function manifestRoutes(fastify: FastifyInstance, { ctx }: ModuleOptions): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const manifest = webAppManifestOf(ctx.consortium);
  // Fixed for the life of the process (the consortium is read once at start).
  const etag = `"${createHash('sha256').update(JSON.stringify(manifest)).digest('base64url').slice(0, 27)}"`;
  app.get(
    '/manifest.webmanifest',
    {
      schema: {
        summary: 'Web app manifest with the consortium name and colours',
        tags: ['system'],
        hide: true,
        response: { 200: WebAppManifest, 304: Type.Null({ description: 'Not modified: the ETag matched' }) },
      },
    },
    async (request, reply) => {
      reply.header('Cache-Control', 'no-cache').header('ETag', etag);
      if (request.headers['if-none-match'] === etag) return reply.code(304).send(null);
      // "+json" keeps Fastify's schema-based JSON serialiser for this media type.
      return reply.type('application/manifest+json; charset=utf-8').send(manifest);
    },
  );
}
