/**
 * Test support: a private clamd (Debian's clamav-daemon, our EICAR-only signatures) for the
 * tests that need a real scanner. `npm run test:server` runs scripts/ensure-clamd.mjs first, so
 * there clamd is always present; a bare `vitest` run without clamd skips those tests, unless
 * LOKET_REQUIRE_CLAMD=1 makes that an error.
 */
import { findClamd, startClamd } from '../../../scripts/ensure-clamd.mjs';
import type { ClamdConfig } from '../config';

export { EICAR } from '../../../scripts/ensure-clamd.mjs';

export const clamdInstalled = findClamd() !== null || process.env.LOKET_REQUIRE_CLAMD === '1';

export async function startTestClamd(): Promise<{ config: ClamdConfig; stop(): Promise<void> }> {
  const daemon = await startClamd();
  return { config: { host: daemon.host, port: daemon.port, timeoutMs: 10_000 }, stop: daemon.stop };
}
