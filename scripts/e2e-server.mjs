// Starts the built product for browser tests: a fresh PGlite folder with demo data, simulator.
//
// Every browser test server starts from a copy of one data folder (migrated, demo data seeded,
// demo letters in files/), made once per build and day by starting the product on an empty
// folder and stopping it. Measured: a server on a new folder takes about 7 s to answer (PGlite
// creates its cluster, migrates and seeds), one on a copied folder about 2 s, and a test run
// starts some fifteen of them. The copy is the folder the product itself wrote, so the servers
// under test run exactly what `npm start` runs.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dist = process.env.LOKET_DIST || 'dist';
const port = process.env.E2E_PORT ?? '8181';

function serverEnv(dataDir, serverPort) {
  const env = {
    ...process.env,
    PORT: serverPort,
    PUBLIC_URL: `http://localhost:${serverPort}`,
    LOKET_DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    // No load balancer to tell: stop at once. With the default 10 s drain every server a
    // journey file starts for itself kept the next file waiting 10 s after its last test.
    LOKET_DRAIN_SECONDS: '0',
  };
  delete env.DATABASE_URL;
  delete env.OIDC_ISSUER;
  delete env.LOKET_FILES_DIR;
  return env;
}

const startServer = (dataDir, serverPort, stdio = 'inherit') =>
  spawn(process.execPath, [`${dist}/server/main.js`], { stdio, env: serverEnv(dataDir, serverPort) });

async function healthy(serverPort, child, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server on ${serverPort} exited with ${child.exitCode}`);
    const ok = await fetch(`http://localhost:${serverPort}/api/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`server on ${serverPort} did not start within ${timeoutMs} ms`);
}

const stopped = (child) =>
  new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', resolve);
    child.kill('SIGTERM');
  });

/** The template's name: this build (its source key) and today's date (the demo data is dated). */
function templateDir() {
  const source = existsSync(`${dist}/build-source.txt`)
    ? readFileSync(`${dist}/build-source.txt`, 'utf8')
    : String(statSync(`${dist}/server/main.js`).mtimeMs);
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
  const key = createHash('sha256').update(`${source}\n${today}`).digest('hex').slice(0, 16);
  return join(tmpdir(), `loket-e2e-template-${key}`);
}

/**
 * Makes the template once; servers starting at the same time wait for the one that makes it
 * (mkdir is atomic: whoever creates `.building` builds, the others poll for the result).
 */
async function ensureTemplate(dir) {
  const building = `${dir}.building`;
  for (;;) {
    if (existsSync(join(dir, 'ready'))) return;
    try {
      mkdirSync(building);
    } catch {
      // Someone else builds it; a builder that died leaves an old `.building` behind: take over.
      if (Date.now() - statSync(building).mtimeMs > 120_000) rmSync(building, { recursive: true, force: true });
      await new Promise((resolve) => setTimeout(resolve, 200));
      continue;
    }
    try {
      const dataDir = join(building, 'data');
      // A port of its own, not used by any test server: the template server is stopped at once.
      const templatePort = String(20_000 + Math.floor(Math.random() * 20_000));
      const child = startServer(dataDir, templatePort, ['ignore', 'ignore', 'inherit']);
      await healthy(templatePort, child);
      await stopped(child);
      mkdirSync(join(building, 'ready'));
      rmSync(dir, { recursive: true, force: true });
      renameSync(building, dir);
      return;
    } catch (error) {
      rmSync(building, { recursive: true, force: true });
      throw error;
    }
  }
}

const template = templateDir();
await ensureTemplate(template);
const root = mkdtempSync(join(tmpdir(), 'loket-e2e-'));
const dataDir = join(root, 'data');
cpSync(join(template, 'data'), dataDir, { recursive: true });

const server = startServer(dataDir, port);
const stop = () => server.kill('SIGTERM');
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
server.on('exit', (code) => {
  rmSync(root, { recursive: true, force: true });
  process.exit(code ?? 0);
});
