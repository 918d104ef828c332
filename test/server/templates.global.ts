/**
 * Global setup of the `server` test project: builds the migrated PGlite template once per run
 * in a temporary folder, which every test app then starts from (src/server/test-templates.ts).
 * On PostgreSQL, installs btree_gist once, so test files migrating their own schemas at the
 * same time do not race to create the one extension of the database.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { buildMigratedTemplate } from '../../src/server/test-templates';

let dir: string | undefined;

export async function setup(): Promise<void> {
  dir = mkdtempSync(join(tmpdir(), 'loket-test-templates-'));
  await buildMigratedTemplate(dir);
  if (process.env.DATABASE_URL) {
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    try {
      await admin.query('create extension if not exists btree_gist with schema public');
    } finally {
      await admin.end();
    }
  }
}

export function teardown(): void {
  if (dir) rmSync(dir, { recursive: true, force: true });
}
