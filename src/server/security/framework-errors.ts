/**
 * Fastify answers a few malformed requests before any hook or error handler runs: a URL that
 * cannot be decoded (FST_ERR_BAD_URL) and a path parameter longer than maxParamLength (414).
 * Its default answers have neither our JSON error shape nor our security headers; this handler
 * (Fastify's `frameworkErrors` option, set in app.ts) gives them both.
 */
import type { FastifyReply, FastifyRequest, FastifyServerOptions } from 'fastify';
import type { AppContext } from '../context';
import { errorBody } from '../errors';
import { securityHeaderSets } from './headers';

export function frameworkErrorHandler(ctx: AppContext): NonNullable<FastifyServerOptions['frameworkErrors']> {
  // The API set: the document headers and no-store, as for any other API error.
  const headers = securityHeaderSets(ctx).api;
  return (error: { code?: string; message: string }, _request: FastifyRequest, reply: FastifyReply) => {
    for (const [name, value] of headers) reply.header(name, value);
    const tooLong = error.code === 'FST_ERR_MAX_PARAM_LENGTH';
    reply
      .status(tooLong ? 414 : 400)
      .send(errorBody('BAD_REQUEST', tooLong ? 'The address is too long' : 'The address is not valid'));
  };
}
