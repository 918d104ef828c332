/**
 * No NUL characters in any API input. PostgreSQL text cannot hold U+0000, so a NUL in a query
 * string, path or JSON body would otherwise fail deep in a query as a 500 (the fuzz test found
 * one in the login callback's `state`). No field of ours ever needs it: 400 VALIDATION_FAILED.
 * The URL is checked in the security plugin's one onRequest hook (index.ts), the body here.
 */
import type { FastifyInstance } from 'fastify';
import { isApiRequest } from '../api-request';
import { AppError } from '../errors';

const NUL_IN_URL = /%00/i;

function containsNul(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (depth > 32 || value === null || typeof value !== 'object') return false;
  if (Buffer.isBuffer(value)) return false;
  for (const [key, inner] of Object.entries(value)) {
    if (key.includes('\u0000') || containsNul(inner, depth + 1)) return true;
  }
  return false;
}

export const refuseNulInput = () => new AppError(400, 'VALIDATION_FAILED', 'Input must not contain NUL characters');

export function nulInUrl(url: string): boolean {
  return NUL_IN_URL.test(url) || url.includes('\u0000');
}

export function refuseNulInBody(app: FastifyInstance): void {
  app.addHook('preValidation', (request, _reply, done) => {
    done(
      request.body !== undefined && isApiRequest(request) && containsNul(request.body) ? refuseNulInput() : undefined,
    );
  });
}
