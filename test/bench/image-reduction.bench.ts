/**
 * Browser image reduction of a 12-megapixel phone photo, in the built app in the system
 * Chromium (headless, no GPU: slower than a phone's GPU-backed decoder, so an upper bound).
 * Starts the product like the browser tests do and reads the app's own performance marks.
 */
import { spawn } from 'node:child_process';
import { chromium } from '@playwright/test';
import { paperPhoto } from '../e2e/fixtures/photos';
import { percentile, type Section } from './report';
import { BENCH_CHROMIUM_FLAGS } from './chromium-flags';

const PORT = Number(process.env.BENCH_PORT ?? 8711);
const PHOTOS = 6;

async function waitForHealth(url: string): Promise<void> {
  for (let i = 0; i < 120; i += 1) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error('the product did not start');
}

export async function imageReductionBench(): Promise<Section> {
  const server = spawn(process.execPath, ['scripts/e2e-server.mjs'], {
    env: { ...process.env, E2E_PORT: String(PORT) },
    stdio: 'ignore',
  });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: BENCH_CHROMIUM_FLAGS,
  });
  try {
    const base = `http://localhost:${PORT}`;
    await waitForHealth(`${base}/api/health`);
    const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
    await page.goto(`${base}/`);
    await page.getByRole('link', { name: /Inloggen met DigiD/ }).click();
    await page.getByLabel('BSN').fill('999990019');
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.waitForURL(/\/aanvragen$/);
    await page
      .getByRole('link', { name: /bijstand/i })
      .first()
      .click();
    await page.getByRole('link', { name: 'Documenten sturen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Documenten voor uw aanvraag' }).waitFor();
    const camera = page.locator('input[type="file"][capture="environment"]');
    for (let i = 0; i < PHOTOS; i += 1) {
      const photo = await paperPhoto({ width: 3000, height: 4000, seed: i + 1, gps: true });
      await camera.setInputFiles({ name: `IMG_${i}.jpg`, mimeType: 'image/jpeg', buffer: photo });
      await page.locator('.loket-capture__item').nth(i).waitFor();
    }
    await page
      .getByText('Wordt klaargemaakt')
      .waitFor({ state: 'detached', timeout: 60_000 })
      .catch(() => undefined);
    const samples = await page.evaluate(() =>
      performance.getEntriesByName('loket:reduce-image').map((entry) => ({
        ms: entry.duration,
        ...((entry as PerformanceMeasure).detail as { bytesIn: number; bytesOut: number; inWorker: boolean }),
      })),
    );
    const times = samples.map((s) => s.ms);
    return {
      title: 'Browser image reduction (12 MP JPEG, headless Chromium)',
      figures: [
        { name: 'first photo (incl. worker start)', value: times[0] ?? Number.NaN, unit: 'ms' },
        { name: 'p50', value: percentile(times.slice(1), 50), unit: 'ms' },
        { name: 'p99', value: percentile(times.slice(1), 99), unit: 'ms' },
        {
          name: 'output size p50',
          value: percentile(
            samples.map((s) => s.bytesOut / 1e6),
            50,
          ),
          unit: 'MB',
          goal: '<= 1.5',
        },
      ],
      notes: [
        `${samples.length} photos of 3000x4000 (~3.8 MB); ${samples.every((s) => s.inWorker) ? 'all in the Web Worker' : 'some on the main thread'}.`,
      ],
    };
  } finally {
    await browser.close();
    server.kill('SIGTERM');
  }
}
