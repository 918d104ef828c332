/**
 * Fastify answers a few malformed requests before any hook or error handler runs: a URL that
 * cannot be decoded (FST_ERR_BAD_URL) and a path parameter longer than maxParamLength (414).
 * Its default answers have neither our JSON error shape nor our security headers; this handler
 * (Fastify's `frameworkErrors` option, set in app.ts) gives them both.
 */
import type { FastifyReply, FastifyRequest, FastifyServerOptions } from 'fastify';
import type { AppContext } from '../context';
import { errorBody } from '../errors';
import { CONTENT_SECURITY_POLICY, wantsHsts } from './headers';

const CSP_HEADER = Object.entries(CONTENT_SECURITY_POLICY)
  .map(([name, values]) => `${name} ${values.join(' ')}`)
  .join(';');

export function frameworkErrorHandler(ctx: AppContext): NonNullable<FastifyServerOptions['frameworkErrors']> {
  const hsts = wantsHsts(ctx.config.publicUrl);
  return (error: { code?: string; message: string }, _request: FastifyRequest, reply: FastifyReply) => {
    reply
      .header('Content-Security-Policy', CSP_HEADER)
      .header('X-Content-Type-Options', 'nosniff')
      .header('Referrer-Policy', 'no-referrer')
      .header('Cache-Control', 'no-store');
    if (hsts) reply.header('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    const tooLong = error.code === 'FST_ERR_MAX_PARAM_LENGTH';
    reply
      .status(tooLong ? 414 : 400)
      .send(errorBody('BAD_REQUEST', tooLong ? 'The address is too long' : 'The address is not valid'));
  };
}
