/**
 * The real start script: configuration errors stop it with a readable message, and SIGTERM
 * stops it gracefully with the data folder intact. It runs the built server, as operators do
 * (`npm run test:server` builds first unless dist holds this source's build, see
 * scripts/build-once.mjs): loading the sources through tsx took 8 to 9 s per start.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

interface Run {
  code: number | null;
  output: string;
}

function start(env: Record<string, string>, onOutput?: (text: string, kill: () => void) => void): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [`${process.env.LOKET_DIST || 'dist'}/server/main.js`], {
      env: { ...process.env, DATABASE_URL: '', OIDC_ISSUER: '', LOG_LEVEL: 'info', ...env },
    });
    let output = '';
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      onOutput?.(output, () => child.kill('SIGTERM'));
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('exit', (code) => resolve({ code, output }));
  });
}

describe('start-up', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'loket-main-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('stops with a message naming an unknown consortium', async () => {
    const run = await start({ LOKET_CONSORTIUM: 'nowhere', LOKET_DATA_DIR: dataDir });
    expect(run.code).toBe(1);
    expect(run.output).toContain("unknown consortium 'nowhere'");
    expect(run.output).toContain('leidschendam-voorburg');
  });

  it('stops with a message naming a bad variable', async () => {
    const run = await start({ PORT: 'eighty', LOKET_DATA_DIR: dataDir });
    expect(run.code).toBe(1);
    expect(run.output).toContain('PORT must be a positive integer');
  });

  it('stops with a message naming the missing S3 variable', async () => {
    const run = await start({ LOKET_S3_ENDPOINT: 'http://127.0.0.1:9000', LOKET_DATA_DIR: dataDir });
    expect(run.code).toBe(1);
    expect(run.output).toContain('LOKET_S3_ENDPOINT is set, so LOKET_S3_BUCKET is required too');
  });

  it('serves, seeds demo data once, drains on SIGTERM (not ready, still serving), then stops', async () => {
    const port = String(20000 + Math.floor(Math.random() * 20000));
    const url = (path: string) => `http://127.0.0.1:${port}${path}`;
    let asked = false;
    const seen: Record<string, number> = {};
    const run = await start({ PORT: port, LOKET_DATA_DIR: dataDir, LOKET_DRAIN_SECONDS: '3' }, (output, kill) => {
      if (!asked && output.includes('Loket is running')) {
        asked = true;
        void (async () => {
          expect(await (await fetch(url('/api/health'))).json()).toMatchObject({ status: 'ok', database: 'pglite' });
          seen.readyBefore = (await fetch(url('/api/health/ready'))).status;
          kill();
        })();
      }
      if (output.includes('draining: not ready') && seen.readyDraining === undefined) {
        seen.readyDraining = 0;
        void (async () => {
          seen.readyDraining = (await fetch(url('/api/health/ready'))).status;
          seen.liveDraining = (await fetch(url('/api/health/live'))).status;
          seen.apiDraining = (await fetch(url('/api/config'))).status;
        })();
      }
    });
    expect(run.code).toBe(0);
    expect(run.output).toContain('demo data seeded');
    expect(run.output).toContain('"signal":"SIGTERM"');
    expect(seen).toEqual({ readyBefore: 200, readyDraining: 503, liveDraining: 200, apiDraining: 200 });

    // A second start on the same folder reuses the data and does not seed again.
    let again = false;
    const second = await start({ PORT: port, LOKET_DATA_DIR: dataDir, LOKET_DRAIN_SECONDS: '0' }, (output, kill) => {
      if (!again && output.includes('Loket is running')) {
        again = true;
        kill();
      }
    });
    expect(second.code).toBe(0);
    expect(second.output).not.toContain('demo data seeded');
  }, 180_000);
});
