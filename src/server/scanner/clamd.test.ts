/** The INSTREAM client against a real clamd (see test-clamd.ts), and its failure modes. */
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClamdScanner, parseReply } from './clamd';
import { ScannerUnavailableError } from './scanner';
import { clamdInstalled, EICAR, startTestClamd } from './test-clamd';

describe('parseReply', () => {
  it('reads clean, infected and error replies', () => {
    expect(parseReply('stream: OK')).toEqual({ infected: false });
    expect(parseReply('stream: Eicar-Test-Signature FOUND')).toEqual({
      infected: true,
      signature: 'Eicar-Test-Signature',
    });
    expect(() => parseReply('INSTREAM size limit exceeded. ERROR')).toThrow(ScannerUnavailableError);
  });
});

describe.skipIf(!clamdInstalled)('ClamdScanner against a real clamd', () => {
  let clamd: Awaited<ReturnType<typeof startTestClamd>>;
  let scanner: ClamdScanner;
  beforeAll(async () => {
    clamd = await startTestClamd();
    scanner = new ClamdScanner(clamd.config);
  });
  afterAll(() => clamd?.stop());

  it('answers PING', async () => {
    expect(await scanner.ping()).toBe(true);
  });

  it('finds the EICAR test file', async () => {
    const result = await scanner.scan(Buffer.from(EICAR, 'latin1'));
    expect(result.infected).toBe(true);
  });

  it('finds EICAR inside a larger file, across INSTREAM chunks', async () => {
    const padding = Buffer.alloc(64 * 1024 - 30, 0x20);
    const result = await scanner.scan(Buffer.concat([padding, Buffer.from(EICAR, 'latin1'), padding]));
    expect(result.infected).toBe(true);
  });

  it('passes clean data, also 20 MB of it', async () => {
    expect(await scanner.scan(Buffer.from('%PDF-1.4 nothing to see'))).toEqual({ infected: false });
    const started = performance.now();
    expect(await scanner.scan(Buffer.alloc(20 * 1024 * 1024, 7))).toEqual({ infected: false });
    console.info(`clamd INSTREAM of 20 MB: ${Math.round(performance.now() - started)} ms`);
  });
});

describe('ClamdScanner when clamd is unreachable', () => {
  it('fails closed with ScannerUnavailableError', async () => {
    const server = net.createServer((socket) => socket.destroy());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as net.AddressInfo;
    const scanner = new ClamdScanner({ host: '127.0.0.1', port, timeoutMs: 1000 });
    await expect(scanner.scan(Buffer.from('x'))).rejects.toBeInstanceOf(ScannerUnavailableError);
    server.close();
    const closed = new ClamdScanner({ host: '127.0.0.1', port, timeoutMs: 1000 });
    await expect(closed.scan(Buffer.from('x'))).rejects.toBeInstanceOf(ScannerUnavailableError);
    expect(await closed.ping()).toBe(false);
  });
});
