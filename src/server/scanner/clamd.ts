/**
 * A client for clamd's INSTREAM command (clamd(8), "INSTREAM"): after `zINSTREAM\0` the data
 * follows in chunks, each prefixed with its length as a 4-byte unsigned big-endian integer, and
 * a zero-length chunk ends it. The daemon answers one NUL-terminated line:
 *   "stream: OK", "stream: <signature> FOUND", or "... ERROR" (e.g. the size limit).
 * No library: the protocol is a few lines and none is installed.
 */
import net from 'node:net';
import type { ClamdConfig } from '../config';
import { ScannerUnavailableError, type ScanResult, type Scanner } from './scanner';

const CHUNK = 64 * 1024;

function frames(data: Buffer): Buffer[] {
  const parts: Buffer[] = [Buffer.from('zINSTREAM\0', 'latin1')];
  for (let offset = 0; offset < data.length; offset += CHUNK) {
    const chunk = data.subarray(offset, offset + CHUNK);
    const size = Buffer.alloc(4);
    size.writeUInt32BE(chunk.length);
    parts.push(size, chunk);
  }
  parts.push(Buffer.alloc(4));
  return parts;
}

/**
 * Sends one command and resolves to clamd's reply line (without the NUL). clamd may answer and
 * close early (e.g. "INSTREAM size limit exceeded. ERROR"), so a reply wins over a write error.
 */
function exchange(config: ClamdConfig, payload: Buffer[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: config.host, port: config.port });
    const received: Buffer[] = [];
    let failure = 'clamd closed the connection without an answer';
    socket.setTimeout(config.timeoutMs, () => {
      failure = 'clamd did not answer in time';
      socket.destroy();
    });
    socket.on('error', (error) => (failure = `clamd: ${error.message}`));
    socket.on('data', (chunk) => received.push(chunk));
    socket.once('close', () => {
      const reply = Buffer.concat(received).toString('latin1').replace(/\0+$/, '').trim();
      if (reply) resolve(reply);
      else reject(new ScannerUnavailableError(failure));
    });
    socket.once('connect', () => {
      for (const part of payload) socket.write(part);
    });
  });
}

export function parseReply(reply: string): ScanResult {
  if (/^stream: OK$/.test(reply)) return { infected: false };
  const found = /^stream: (.+) FOUND$/.exec(reply);
  if (found) return { infected: true, signature: found[1]! };
  throw new ScannerUnavailableError(`clamd: ${reply.slice(0, 200)}`);
}

export class ClamdScanner implements Scanner {
  readonly kind = 'clamd' as const;
  constructor(private readonly config: ClamdConfig) {}

  async scan(data: Buffer): Promise<ScanResult> {
    return parseReply(await exchange(this.config, frames(data)));
  }

  /** True when clamd answers PING with PONG (for start-up checks). */
  async ping(): Promise<boolean> {
    try {
      return (await exchange(this.config, [Buffer.from('zPING\0', 'latin1')])) === 'PONG';
    } catch {
      return false;
    }
  }
}
