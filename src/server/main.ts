/**
 * Starts Loket: configuration, database (migrated), consortium, demo data, HTTP server.
 * Stops gracefully on SIGINT/SIGTERM: no new connections, running requests finish, the
 * database closes cleanly (PGlite flushes its files).
 */
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { existsSync } from 'node:fs';
import closeWithGrace from 'close-with-grace';
import { loadConsortium } from '../consortia/index';
import { amsterdamDateOf } from '../domain/dates';
import { buildApp } from './app';
import { createBlobStore } from './blobs/index';
import { systemClock } from './clock';
import { loadConfig } from './config';
import type { Lifecycle } from './context';
import { isEmpty, openDatabase } from './db/database';
import { underStartupLock } from './db/startup-lock';
import { seedDemoData } from './demo/seed';

function defaultClientDir(): string | undefined {
  // Bundled: dist/server/main.js next to dist/client. From source: ./dist/client.
  const here = dirname(fileURLToPath(import.meta.url));
  return [join(here, '../client'), join(process.cwd(), 'dist/client')].find((dir) =>
    existsSync(join(dir, 'index.html')),
  );
}

async function main(): Promise<void> {
  const config = loadConfig();
  const consortium = loadConsortium(config.consortium);
  // Connection losses are told to the app's logger once it exists (a lost idle connection before
  // that is retried by the pool like any other).
  let logConnectionLost: (error: Error) => void = () => undefined;
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    preparedStatements: config.databasePreparedStatements,
    onConnectionLost: (error) => logConnectionLost(error),
  });
  const lifecycle: Lifecycle = { draining: false };
  const ctx = {
    lifecycle,
    db: database.db,
    databaseKind: database.kind,
    clock: systemClock,
    config: { ...config, clientDir: config.clientDir ?? defaultClientDir() },
    consortium,
  };
  const app = await buildApp(ctx);
  logConnectionLost = (error) => app.log.warn({ err: { message: error.message } }, 'database connection lost');

  // Two instances starting together on an empty database: one seeds, the other then finds data.
  await underStartupLock(database, async () => {
    if (!config.demoData || !(await isEmpty(database.db))) return;
    const count = await seedDemoData(database.db, consortium, amsterdamDateOf(systemClock.now()), {
      blobs: createBlobStore(ctx.config),
    });
    app.log.info({ residents: count }, 'demo data seeded');
  });
  if (!ctx.config.clientDir) app.log.warn('no built client found: serving the API only (run "npm run build")');

  // SIGTERM (an orchestrator or a rolling restart): first say "not ready" while still serving, so
  // the proxy stops sending new requests before this instance refuses any; then close. Ctrl-C
  // (SIGINT) and errors stop at once.
  closeWithGrace({ delay: (config.drainSeconds + 20) * 1000 }, async ({ signal, err }) => {
    if (err) app.log.error({ err: { message: err.message, stack: err.stack } }, 'stopping after an error');
    else app.log.info({ signal }, 'stopping');
    if (signal === 'SIGTERM' && config.drainSeconds > 0) {
      lifecycle.draining = true;
      app.log.info({ seconds: config.drainSeconds }, 'draining: not ready, still serving');
      await new Promise((resolve) => setTimeout(resolve, config.drainSeconds * 1000));
    }
    await app.close();
    await database.close();
  });

  await app.listen({ port: config.port, host: config.host });
  app.log.info(
    { consortium: consortium.id, database: database.kind, login: config.oidc ? 'external' : 'simulator' },
    `Loket is running on ${config.publicUrl}`,
  );
}

main().catch((error: unknown) => {
  // Start-up errors (bad consortium file, bad env) must be readable, not a stack dump.
  console.error(`Loket could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
