/**
 * Helpers for the service worker journeys (pwa.spec.ts): a server of their own on a folder
 * of their own (so rebuilding never disturbs the other tests), a client build with a chosen
 * build id, and looks into the browser's service worker and Cache Storage.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Page } from '@playwright/test';

export interface OwnServer {
  baseURL: string;
  clientDir: string;
  stop(): Promise<void>;
}

/**
 * Starts the built product (scripts/e2e-server.mjs: fresh database, demo data) on `port`,
 * serving a copy of dist/client from a temporary folder.
 */
export async function startOwnServer(port: number): Promise<OwnServer> {
  const clientDir = mkdtempSync(join(tmpdir(), 'loket-pwa-client-'));
  cpSync(`${process.env.LOKET_DIST || 'dist'}/client`, clientDir, { recursive: true });
  const server: ChildProcess = spawn(process.execPath, ['scripts/e2e-server.mjs'], {
    env: { ...process.env, E2E_PORT: String(port), LOKET_CLIENT_DIR: clientDir },
    stdio: 'inherit',
  });
  const baseURL = `http://localhost:${port}`;
  await expect
    .poll(async () => (await fetch(`${baseURL}/api/health`).catch(() => null))?.status, {
      timeout: 90_000,
      intervals: [250],
    })
    .toBe(200);
  return {
    baseURL,
    clientDir,
    async stop() {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGTERM');
      await exited;
      rmSync(clientDir, { recursive: true, force: true });
    },
  };
}

/** `vite build` of the client into `outDir` (emptied first, as a deploy would) with a build id. */
export function buildClient(outDir: string, buildId: string): void {
  execFileSync(
    process.execPath,
    ['node_modules/vite/bin/vite.js', 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'],
    {
      env: { ...process.env, LOKET_BUILD_ID: buildId },
      stdio: 'inherit',
    },
  );
}

/** Waits until a service worker is active and controls the page (precache complete). */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (navigator.serviceWorker.controller) return;
    await new Promise((resolve) =>
      navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }),
    );
  });
}

/** Every URL in Cache Storage, over all caches. */
export async function cachedUrls(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const urls: string[] = [];
    for (const name of await caches.keys()) {
      for (const request of await (await caches.open(name)).keys()) urls.push(request.url);
    }
    return urls;
  });
}
