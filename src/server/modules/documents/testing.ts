/**
 * Test support for the documents module: a test app with its own files folder and the demo
 * letters as real PDFs, signed-in residents (cookie for inject and for a real tus client), a
 * real tus-js-client upload against the server listening on 127.0.0.1, and a TCP proxy that
 * cuts the connection after a given number of bytes.
 */
import { caseSystemFor } from '../../case-system/index';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import * as tus from 'tus-js-client';
import { amsterdamDateOf } from '../../../domain/dates';
import { buildApp } from '../../app';
import { createBlobStore } from '../../blobs/index';
import type { ClamdConfig, DocumentsConfig, S3Config } from '../../config';
import type { DatabaseKind } from '../../db/database';
import { seedDemoData } from '../../demo/seed';
import { Browser, createTestApp, type TestApp } from '../../testing';
import { sessionPolicy } from '../auth/session-hook';
import { startSession } from '../auth/sessions';
import { createDocumentServices, type DocumentServices } from './services';

export interface DocumentsTestApp extends TestApp {
  services: DocumentServices;
  /** Builds a fresh app instance on the same database and files folder (a server restart) */
  rebuild(): Promise<FastifyInstance>;
  signedIn(bsn: string): Promise<{ browser: Browser; cookie: string }>;
  /** The resident's cases, oldest reference first */
  casesOf(bsn: string): Promise<string[]>;
}

export async function createDocumentsTestApp(
  kind: DatabaseKind,
  options: { now?: Date; documents?: Partial<DocumentsConfig>; clamd?: ClamdConfig | null; s3?: S3Config | null } = {},
): Promise<DocumentsTestApp> {
  const filesDir = await mkdtemp(join(tmpdir(), 'loket-files-'));
  const documents: DocumentsConfig = {
    filesDir,
    dailyUploadBytes: 100 * 1024 * 1024,
    uploadExpiryHours: 24,
    ...options.documents,
  };
  const base = await createTestApp(kind, {
    now: options.now,
    seed: false,
    config: { documents, clamd: options.clamd ?? null, s3: options.s3 ?? null },
  });
  const { ctx } = base;
  await seedDemoData(ctx.db, ctx.consortium, amsterdamDateOf(ctx.clock.now()), { blobs: createBlobStore(ctx.config) });
  await base.app.close();
  const t: DocumentsTestApp = {
    ...base,
    app: await buildApp(ctx, { logger: false }),
    services: createDocumentServices(ctx),
    rebuild: () => buildApp(ctx, { logger: false }),
    async signedIn(bsn) {
      const token = await startSession(ctx.db, ctx.clock, sessionPolicy(ctx), bsn);
      const browser = new Browser(t.app);
      browser.setCookie('loket_session', token);
      return { browser, cookie: `loket_session=${token}` };
    },
    async casesOf(bsn) {
      const records = await caseSystemFor(ctx, ctx.db).residentCases(bsn);
      return records
        .map(({ case: c }) => c)
        .sort((a, b) => a.reference.localeCompare(b.reference))
        .map((c) => c.id);
    },
    async close() {
      await t.app.close();
      await base.close();
      await rm(filesDir, { recursive: true, force: true });
    },
  };
  await t.app.ready();
  return t;
}

export interface TusOutcome {
  url: string;
  uploadId: string;
}

export class TusError extends Error {
  constructor(
    readonly status: number,
    readonly body: string,
  ) {
    super(`tus ${status}: ${body}`);
  }
  get code(): string | undefined {
    try {
      return (JSON.parse(this.body) as { error?: { code?: string } }).error?.code;
    } catch {
      return undefined;
    }
  }
}

/** A real tus-js-client upload; resolves with the upload URL, rejects with TusError. */
export function tusUpload(
  endpoint: string,
  cookieHeader: string,
  bytes: Buffer,
  metadata: Record<string, string>,
  options: Partial<tus.UploadOptions> & { onUpload?: (upload: tus.Upload) => void } = {},
): Promise<TusOutcome> {
  return new Promise((resolve, reject) => {
    const upload = new tus.Upload(bytes, {
      endpoint,
      headers: { cookie: cookieHeader },
      metadata,
      chunkSize: 64 * 1024,
      retryDelays: null,
      storeFingerprintForResuming: false,
      ...options,
      onSuccess: () => resolve({ url: upload.url!, uploadId: upload.url!.split('/').pop()! }),
      onError: (error) => {
        const response = (error as tus.DetailedError).originalResponse;
        reject(response ? new TusError(response.getStatus(), response.getBody()) : error);
      },
    });
    options.onUpload?.(upload);
    upload.start();
  });
}

/**
 * A TCP proxy in front of the server that, when armed, forwards exactly `n` more bytes from the
 * client and then destroys both sides: a dropped mobile connection at a chosen offset.
 */
export class CuttingProxy {
  private budget: number | null = null;
  private readonly sockets = new Set<net.Socket>();
  private readonly server: net.Server;
  cuts = 0;

  constructor(private readonly targetPort: number) {
    this.server = net.createServer((client) => this.connect(client));
  }

  async listen(): Promise<number> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return (this.server.address() as net.AddressInfo).port;
  }

  cutAfter(bytes: number): void {
    this.budget = bytes;
  }

  private connect(client: net.Socket): void {
    const upstream = net.connect({ port: this.targetPort, host: '127.0.0.1' });
    for (const s of [client, upstream]) {
      this.sockets.add(s);
      s.on('error', () => undefined);
      s.on('close', () => this.sockets.delete(s));
    }
    upstream.pipe(client);
    client.on('data', (chunk: Buffer) => {
      if (this.budget !== null && chunk.length >= this.budget) {
        // The server gets the bytes up to the cut, then the connection ends mid-request.
        upstream.end(chunk.subarray(0, this.budget), () => upstream.destroy());
        this.budget = null;
        this.cuts += 1;
        client.destroy();
        return;
      }
      if (this.budget !== null) this.budget -= chunk.length;
      upstream.write(chunk);
    });
    client.on('end', () => upstream.end());
  }

  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

export const b64 = (value: string) => Buffer.from(value).toString('base64');

/** tus creation-with-upload through inject(): the whole file in the POST; returns the upload id. */
export async function uploadInOne(
  browser: Browser,
  caseId: string,
  bytes: Buffer,
  requestId?: string,
): Promise<string> {
  const metadata = [`caseId ${b64(caseId)}`, ...(requestId ? [`requestId ${b64(requestId)}`] : [])].join(',');
  const res = await browser.request({
    method: 'POST',
    url: '/api/uploads',
    headers: {
      'tus-resumable': '1.0.0',
      'upload-length': String(bytes.length),
      'upload-metadata': metadata,
      'content-type': 'application/offset+octet-stream',
    },
    payload: bytes,
  });
  if (res.statusCode !== 201 || res.headers['upload-offset'] !== String(bytes.length)) {
    throw new Error(`upload failed: ${res.statusCode} ${res.body}`);
  }
  return String(res.headers.location).split('/').pop()!;
}

export function register(
  browser: Browser,
  caseId: string,
  body: Record<string, unknown>,
  key: string | null = randomUUID(),
) {
  return browser.request({
    method: 'POST',
    url: `/api/applications/${caseId}/documents`,
    headers: { 'content-type': 'application/json', ...(key ? { 'idempotency-key': key } : {}) },
    payload: JSON.stringify(body),
  });
}
