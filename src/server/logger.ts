/**
 * Structured logs (pino) that never carry personal data: no cookies, no authorization
 * headers, no query strings (login callbacks carry codes), no bodies. Routes log events, not
 * people; a BSN is never passed to the logger.
 */
import type { FastifyServerOptions } from 'fastify';

export function loggerOptions(level: string): Exclude<FastifyServerOptions['logger'], boolean | undefined> {
  return {
    level,
    redact: {
      paths: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
      remove: true,
    },
    serializers: {
      req: (req: { method: string; url: string; id: string }) => ({
        id: req.id,
        method: req.method,
        path: req.url.split('?')[0],
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
  };
}
