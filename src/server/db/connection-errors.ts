/**
 * Errors that mean "the database is away" (a failover, a restart, a pooler reconnect, a killed
 * connection), as opposed to a bug or a refused statement. A request that meets one answers 503
 * DATABASE_UNAVAILABLE with Retry-After, and the pool opens a fresh connection for the next.
 */

/** SQLSTATE classes and codes: 08 connection exception, 57P01-57P03 shutdown/cannot connect now. */
const UNAVAILABLE_SQLSTATES = /^(08...|57P0[123]|53300)$/;
/** Socket-level failures that node-postgres passes on as they are. */
const UNAVAILABLE_SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
]);
/** node-postgres' own wording when the server went away mid-query or before a connection was made. */
const UNAVAILABLE_MESSAGES = [
  'Connection terminated',
  'Client has encountered a connection error',
  'timeout exceeded when trying to connect',
];

export function isDatabaseUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (UNAVAILABLE_SQLSTATES.test(code) || UNAVAILABLE_SOCKET_CODES.has(code))) {
    return true;
  }
  return UNAVAILABLE_MESSAGES.some((text) => error.message.includes(text));
}

/** Seconds a client should wait before trying again: a failover usually takes a few. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;
