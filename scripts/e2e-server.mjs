// Starts the built product for browser tests: a fresh PGlite folder, demo data, simulator.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';

const dataDir = mkdtempSync(join(tmpdir(), 'loket-e2e-'));
const port = process.env.E2E_PORT ?? '8181';
const env = {
  ...process.env,
  PORT: port,
  PUBLIC_URL: `http://localhost:${port}`,
  LOKET_DATA_DIR: dataDir,
  LOG_LEVEL: 'warn',
};
delete env.DATABASE_URL;
delete env.OIDC_ISSUER;
const server = spawn(process.execPath, [`${process.env.LOKET_DIST || 'dist'}/server/main.js`], {
  stdio: 'inherit',
  env,
});
const stop = () => server.kill('SIGTERM');
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
server.on('exit', (code) => {
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(code ?? 0);
});
