/**
 * The server test run's shared log (issue 7: no personal data in logs). When the server
 * project's global setup (test/server/log-scan.global.ts) names a file in LOKET_TEST_LOG_FILE,
 * every app that createTestApp builds logs there at level info, as in production, and the
 * global teardown scans the file for demo BSNs, names, addresses and file names.
 */
import pino from 'pino';

let shared: NodeJS.WritableStream | undefined;

export function sharedTestLog(): NodeJS.WritableStream | undefined {
  const file = process.env.LOKET_TEST_LOG_FILE;
  if (!file) return undefined;
  // Synchronous appends: nothing is lost when a test worker ends, and lines never interleave.
  shared ??= pino.destination({ dest: file, sync: true, append: true }) as unknown as NodeJS.WritableStream;
  return shared;
}
