/**
 * Test support: a private clamd (Debian's clamav-daemon, our EICAR-only signatures) for the
 * tests that need a real scanner. `npm run test:server` runs scripts/ensure-clamd.mjs first, so
 * there clamd is always present; a bare `vitest` run without clamd skips those tests, unless
 * LOKET_REQUIRE_CLAMD=1 makes that an error.
 */
import { createServer } from 'node:net';
import { findClamd, startClamd } from '../../../scripts/ensure-clamd.mjs';
import type { ClamdConfig } from '../config';

export { EICAR } from '../../../scripts/ensure-clamd.mjs';

export const clamdInstalled = findClamd() !== null || process.env.LOKET_REQUIRE_CLAMD === '1';

export async function startTestClamd(): Promise<{ config: ClamdConfig; stop(): Promise<void> }> {
  const daemon = await startClamd();
  return { config: { host: daemon.host, port: daemon.port, timeoutMs: 10_000 }, stop: daemon.stop };
}

/**
 * A stand-in clamd that holds every scan until the test says "clean" (no real daemon, no
 * sleeps): for tests about what the server does WHILE a scan is slow. `scanning` resolves when
 * the first stream has fully arrived.
 */
export async function startHeldClamd(): Promise<{
  config: ClamdConfig;
  scanning: Promise<void>;
  answerClean(): void;
  stop(): Promise<void>;
}> {
  let scanStarted!: () => void;
  const scanning = new Promise<void>((resolve) => (scanStarted = resolve));
  let answer!: () => void;
  const answered = new Promise<void>((resolve) => (answer = resolve));
  const server = createServer((socket) => {
    let received = Buffer.alloc(0);
    socket.on('data', (chunk) => {
      received = Buffer.concat([received, chunk]);
      // INSTREAM ends with a zero-length chunk: four zero bytes after the command.
      if (received.length > 14 && received.subarray(-4).readUInt32BE() === 0) {
        scanStarted();
        void answered.then(() => socket.end('stream: OK\0'));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    config: { host: '127.0.0.1', port, timeoutMs: 30_000 },
    scanning,
    answerClean: answer,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
