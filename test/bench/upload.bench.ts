/**
 * tus upload of a 20 MB file through the real server vs a bare Node stream-to-disk on
 * loopback, same process set-up, same run. Reported as a throughput ratio (goal >= 0.5).
 */
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { AddressInfo } from 'node:net';
import { createDocumentsTestApp, tusUpload } from '../../src/server/modules/documents/testing';
import { percentile, type Section } from './report';

const SIZE = 20 * 1024 * 1024;
const RUNS = 7;

/** The same HTTP client stack tus-js-client uses in Node (node:http), so only the server differs. */
function postWithNodeHttp(port: number, bytes: Buffer): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.request({
      host: '127.0.0.1',
      port,
      method: 'POST',
      path: '/',
      headers: { 'content-length': bytes.length },
    });
    request.on('response', (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
    });
    request.on('error', reject);
    request.end(bytes);
  });
}

async function bareStreamToDisk(bytes: Buffer): Promise<number[]> {
  const dir = await mkdtemp(join(tmpdir(), 'loket-bench-bare-'));
  let n = 0;
  const server = http.createServer((req, res) => {
    pipeline(req, createWriteStream(join(dir, `f${n++}`))).then(
      () => res.writeHead(204).end(),
      () => res.writeHead(500).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const times: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const start = performance.now();
    const status = await postWithNodeHttp(port, bytes);
    if (status !== 204) throw new Error(`bare upload failed: ${status}`);
    times.push(performance.now() - start);
  }
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await rm(dir, { recursive: true, force: true });
  return times;
}

async function tusThroughServer(bytes: Buffer): Promise<number[]> {
  // Enough daily allowance for the runs; everything else as in production.
  const t = await createDocumentsTestApp('pglite', { documents: { dailyUploadBytes: 1024 * 1024 * 1024 } });
  try {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = t.app.server.address() as AddressInfo;
    const { cookie } = await t.signedIn('999990019');
    const [caseId] = await t.casesOf('999990019');
    const times: number[] = [];
    for (let i = 0; i < RUNS; i += 1) {
      const start = performance.now();
      await tusUpload(
        `http://127.0.0.1:${port}/api/uploads`,
        cookie,
        bytes,
        { caseId: caseId!, filename: 'bench.pdf' },
        {
          chunkSize: Number.POSITIVE_INFINITY,
        },
      );
      times.push(performance.now() - start);
    }
    return times;
  } finally {
    await t.close();
  }
}

export async function uploadRatio(): Promise<Section> {
  const bytes = randomBytes(SIZE);
  const bare = await bareStreamToDisk(bytes);
  const tus = await tusThroughServer(bytes);
  const mib = SIZE / 1024 / 1024;
  const bareP50 = percentile(bare, 50);
  const tusP50 = percentile(tus, 50);
  return {
    title: 'Upload of 20 MB on loopback',
    figures: [
      { name: 'bare stream-to-disk p50', value: bareP50, unit: 'ms' },
      { name: 'tus through Loket p50 (one PATCH)', value: tusP50, unit: 'ms' },
      { name: 'bare throughput', value: mib / (bareP50 / 1000), unit: 'MiB/s' },
      { name: 'tus throughput', value: mib / (tusP50 / 1000), unit: 'MiB/s' },
      { name: 'ratio tus / bare', value: bareP50 / tusP50, unit: '', goal: '>= 0.5' },
    ],
    notes: [`${RUNS} runs each; tus includes session check, ownership check and the daily limit.`],
  };
}
