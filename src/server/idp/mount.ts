import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FastifyInstance } from 'fastify';
import type Provider from 'oidc-provider';

/**
 * Marks the relying party's own requests to the simulator (discovery, token, JWKS), made inside
 * this process with inject(): they reach no proxy, so they carry the issuer's protocol and host
 * this way. Random per process, so no outside request can claim to be one.
 */
export const IN_PROCESS_HEADER = 'x-loket-in-process';
export const IN_PROCESS_TOKEN = randomBytes(24).toString('base64url');

interface MountOptions {
  provider: Provider;
  /** The issuer URL: in-process requests are served as if they came in at its origin. */
  issuer: string;
  /** Public path the provider lives under, e.g. /idp (the issuer's path). */
  issuerPath: string;
}

/**
 * Hands every request under the issuer path that no Fastify route claimed to oidc-provider's Koa
 * callback (discovery, /auth, /token, /me, /jwks, /session/end, ...).
 *
 * Three things make this work inside Fastify:
 * - Body: oidc-provider reads the request stream itself. Any parser that consumed it would make
 *   /token hang or fall back to a pre-parsed body (oidc-provider issue #49), so this scope drops
 *   all inherited parsers and installs a catch-all that leaves the stream untouched.
 * - Path: Koa must route on /token, not /idp/token, yet build URLs with the prefix. We strip the
 *   prefix from req.url and keep the full one in req.originalUrl, which is exactly where
 *   oidc-provider looks for its mount path (the express/connect convention).
 * - Origin: oidc-provider builds endpoint URLs and chooses Secure cookies from the request's
 *   protocol and host. We let Fastify decide what to trust (its `trustProxy` option, including
 *   IP allow-lists), then give Koa only those resolved values as X-Forwarded-* with proxy = true.
 *   So: behind a TLS-terminating proxy, set trustProxy on the Fastify app and nothing here.
 */
export async function mountProvider(
  app: FastifyInstance,
  { provider, issuer, issuerPath }: MountOptions,
): Promise<void> {
  const issuerUrl = new URL(issuer);
  provider.proxy = true;
  const handle = provider.callback();

  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', (_request, _payload, done) => done(null));

  app.all('/*', async (request, reply) => {
    const raw = request.raw as IncomingMessage & { originalUrl?: string };
    const url = raw.url ?? '/';
    if (!url.startsWith(`${issuerPath}/`)) return reply.code(404).send();

    raw.originalUrl = url;
    raw.url = url.slice(issuerPath.length);
    const inProcess = raw.headers[IN_PROCESS_HEADER] === IN_PROCESS_TOKEN;
    delete raw.headers[IN_PROCESS_HEADER];
    raw.headers['x-forwarded-proto'] = inProcess ? issuerUrl.protocol.replace(':', '') : request.protocol;
    raw.headers['x-forwarded-host'] = inProcess ? issuerUrl.host : request.host;
    raw.headers['x-forwarded-for'] = request.ip;

    // From here the response is oidc-provider's; Fastify must not send one as well. Headers set
    // on `reply` by the host app's hooks are therefore not sent either.
    reply.hijack();
    await handle(raw, reply.raw);
  });
}
