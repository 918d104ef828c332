/**
 * The server asking its own API inside the process (app.inject), as the first screen rendered
 * on the server does (server-render/first-screen.ts, issue 16): four requests per page, each
 * with its own "incoming request" and "request completed" log lines, for a page request the log
 * already has. Those two lines are left out for them; anything else they log (an error, a
 * warning) is still written.
 *
 * The mark is a header whose value is made at random when the app starts, so no client can
 * send it and keep its own requests out of the log.
 */
import { randomBytes } from 'node:crypto';
import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';

export interface InternalRequests {
  /** The header to add to a request made inside the process */
  headers: Record<string, string>;
  isInternal(request: FastifyRequest): boolean;
}

const HEADER = 'loket-internal-request';

export function internalRequests(): InternalRequests {
  const value = randomBytes(16).toString('hex');
  return {
    headers: { [HEADER]: value },
    isInternal: (request) => request.headers[HEADER] === value,
  };
}

/** Fastify's request log lines, without those of requests made inside the process. */
export class QuietInternalRequests extends LogController {
  constructor(private readonly internal: InternalRequests) {
    super();
  }

  override incomingRequest(request: FastifyRequest, reply: FastifyReply, metadata?: Record<string, unknown>): void {
    if (!this.internal.isInternal(request)) super.incomingRequest(request, reply, metadata);
  }

  override requestCompleted(
    error: Error | null | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
    metadata?: Record<string, unknown>,
  ): void {
    if (!this.internal.isInternal(request)) super.requestCompleted(error, request, reply, metadata);
  }
}
