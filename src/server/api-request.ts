/**
 * Whether a request is for the API, decided by the route the router matched, not by the raw
 * URL. The router decodes the path before it matches, so `/%61pi/me` reaches the `/api/me` route;
 * a check on the raw URL took it for a page: a document's headers, no session lookup, no NUL
 * check on the body, no idempotency key. A request no route matched (a 404, or a page of the
 * app) has no route pattern: then its raw path decides.
 */
import type { FastifyRequest } from 'fastify';

/** The path that decides what kind of request this is: the matched route's pattern, else the URL. */
export function routedPath(request: FastifyRequest): string {
  return request.routeOptions.url ?? request.url;
}

export function isApiRequest(request: FastifyRequest): boolean {
  return routedPath(request).startsWith('/api/');
}
