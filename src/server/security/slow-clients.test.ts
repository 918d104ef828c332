/**
 * A client that sends its request a byte at a time (slowloris) loses its connection once the
 * headers or the whole request take longer than the configured limits; before, 20 such
 * connections were still open after 135 s. Real sockets on a real port: inject() has no timing.
 */
import { connect, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testDatabases, type TestApp } from '../testing';

/** Sends `first`, then one more byte every 200 ms, until the server closes the connection. */
function trickle(port: number, first: string): Promise<{ answer: string; ms: number }> {
  return new Promise((resolve) => {
    const started = Date.now();
    let answer = '';
    const socket: Socket = connect(port, '127.0.0.1', () => socket.write(first));
    const drip = setInterval(() => socket.writable && socket.write('a'), 200);
    socket.on('data', (chunk) => (answer += chunk.toString()));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearInterval(drip);
      resolve({ answer, ms: Date.now() - started });
    });
  });
}

describe('slow clients', () => {
  let t: TestApp;
  let port: number;
  beforeAll(async () => {
    t = await createTestApp(testDatabases[0]!, {
      seed: false,
      config: { headersTimeoutSeconds: 1, requestTimeoutSeconds: 2 },
    });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    port = (t.app.server.address() as AddressInfo).port;
  });
  afterAll(() => t?.close());

  it('closes a connection whose headers never end', async () => {
    const { ms } = await trickle(port, 'GET /api/health HTTP/1.1\r\nHost: localhost\r\nX-Slow: ');
    expect(ms).toBeLessThan(10_000);
  });

  it('answers 408 and closes a connection whose body never ends', async () => {
    const { answer, ms } = await trickle(
      port,
      'POST /api/auth/logout HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{',
    );
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
    expect(ms).toBeLessThan(10_000);
  });

  it('still serves a client that sends its request at once', async () => {
    const response = await fetch(`http://127.0.0.1:${port}/api/health/live`);
    expect(response.status).toBe(200);
  });
});
