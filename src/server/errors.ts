/**
 * Errors are values with codes. Every error response has the shape
 * { "error": { "code", "message", "details"? } }; the client translates the code, never the message,
 * and acts on the details where a refusal carries them.
 */
import type { FastifyError, FastifyInstance } from 'fastify';
import type { ErrorCode } from '../domain/error-codes';
import { DATABASE_RETRY_AFTER_SECONDS, isDatabaseUnavailable } from './db/connection-errors';
import { compressPage } from './compress-page';
import { withStyleSources } from './security/headers';
import { NAVIGATION_PRELOAD_HEADER, type FirstScreenRenderer } from './server-render/first-screen';
import { SHELL_REVISION_HEADER } from './server-render/render-bundle';

export class AppError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: ErrorCode,
    message: string,
    /** Sent as `error.details`: what the client can act on (e.g. SLOT_TAKEN's next slots) */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export const notFound = (what = 'Resource') => new AppError(404, 'NOT_FOUND', `${what} not found`);
export const unauthenticated = (code: 'UNAUTHENTICATED' | 'SESSION_EXPIRED' = 'UNAUTHENTICATED') =>
  new AppError(401, code, code === 'SESSION_EXPIRED' ? 'The session has expired' : 'Log in first');

export function errorBody(code: ErrorCode, message: string, details?: Record<string, unknown>) {
  return { error: details ? { code, message, details } : { code, message } };
}

/** The disk or the quota is full (the folder store, the database's disk, a tus upload's file). */
export function isStorageFull(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  // 53100: PostgreSQL's disk_full.
  return code === 'ENOSPC' || code === 'EDQUOT' || code === '53100';
}

/** 507's body, also written by the tus upload route, which answers outside Fastify's reply. */
export const storageFullBody = () => errorBody('STORAGE_FULL', 'There is no room to store this; try again later');

export function installErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    if (error instanceof AppError) {
      return reply.status(error.statusCode).send(errorBody(error.code, error.message, error.details));
    }
    if (isDatabaseUnavailable(error)) {
      // The requests that used a lost connection fail; the process and the next requests do not.
      request.log.warn({ err: { type: error.name, code: (error as { code?: unknown }).code } }, 'database unavailable');
      return reply
        .status(503)
        .header('Retry-After', String(DATABASE_RETRY_AFTER_SECONDS))
        .send(errorBody('DATABASE_UNAVAILABLE', 'The database does not respond; try again shortly'));
    }
    if (isStorageFull(error)) {
      request.log.error({ err: { type: error.name, code: (error as { code?: unknown }).code } }, 'storage full');
      return reply.status(507).send(storageFullBody());
    }
    if ('validation' in error && error.validation) {
      return reply.status(400).send(errorBody('VALIDATION_FAILED', error.message));
    }
    const status = 'statusCode' in error && error.statusCode && error.statusCode >= 400 ? error.statusCode : 500;
    if (status >= 500) {
      // The error object may carry request data; log the stack and code only.
      request.log.error({ err: { type: error.name, message: error.message, stack: error.stack } }, 'request failed');
      return reply.status(status).send(errorBody('INTERNAL_ERROR', 'Something went wrong on our side'));
    }
    // Fastify's own 4xx (bad JSON, wrong media type, ...): one code the client can translate.
    return reply.status(status).send(errorBody(status === 404 ? 'NOT_FOUND' : 'BAD_REQUEST', error.message));
  });
}

/** Paths the PWA's router owns: GET (or HEAD, as a monitor asks), outside /api and /idp, not a file name. */
function isAppRoute(method: string, path: string): boolean {
  return (method === 'GET' || method === 'HEAD') && !/^\/(api|idp)(\/|$)/.test(path) && !/\.[a-z0-9]+$/i.test(path);
}

export function installNotFoundHandler(
  app: FastifyInstance,
  spaFallback: boolean,
  firstScreen: FirstScreenRenderer | null = null,
): void {
  app.setNotFoundHandler(async (request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    if (spaFallback && isAppRoute(request.method, path)) {
      // A signed-in resident's first screen, rendered here (server-render/first-screen.ts says when).
      const rendered = await (request.method === 'GET' ? firstScreen?.render(request) : undefined)?.catch(
        (error: unknown) => {
          // The plain app still serves the resident; the log says what broke (no personal data:
          // the error's name and message only, never the answers it rendered).
          const { name, message } = error instanceof Error ? error : { name: 'Error', message: String(error) };
          request.log.error({ event: 'server-render-failed', error: { name, message } }, 'server render failed');
          return null;
        },
      );
      if (rendered) {
        for (const cookie of rendered.setCookies) reply.header('Set-Cookie', cookie);
        const policy = reply.raw.getHeader('content-security-policy');
        if (typeof policy === 'string')
          reply.header('Content-Security-Policy', withStyleSources(policy, rendered.styleSources));
        const page = await compressPage(rendered.html, request.headers['accept-encoding']);
        reply.header(SHELL_REVISION_HEADER, rendered.shellRevision);
        if (page.encoding) reply.header('Content-Encoding', page.encoding);
        // Personal data: kept by no cache, so nothing of it stays on a shared device.
        return reply
          .header('Cache-Control', 'no-store')
          .header('Vary', 'Accept-Encoding')
          .type('text/html; charset=utf-8')
          .send(page.body);
      }
      // Our service worker asked ahead for a page it answers with its own shell: nothing to send.
      if (request.headers[NAVIGATION_PRELOAD_HEADER] !== undefined)
        return reply.status(204).header('Cache-Control', 'no-store').send();
      reply.header('Cache-Control', 'no-cache');
      return reply.sendFile('index.html');
    }
    return reply.status(404).send(errorBody('NOT_FOUND', `No route for ${request.method} ${path}`));
  });
}
