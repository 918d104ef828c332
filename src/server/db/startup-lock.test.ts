/**
 * Two instances starting together on one empty PostgreSQL database with demo data: one seeds,
 * the other waits and then finds the residents there (before, one exited with a duplicate key).
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConsortium } from '../../consortia/index';
import { createBlobStore } from '../blobs/index';
import { loadConfig } from '../config';
import { seedDemoData } from '../demo/seed';
import { seedDemoStaff } from '../demo/staff';
import { isEmpty, openDatabase, type DatabaseHandle } from './database';
import { underStartupLock } from './startup-lock';

// Only PostgreSQL can have two instances: PGlite is one process per data folder (data-dir-lock).
describe.skipIf(!process.env.DATABASE_URL)('start-up work under the advisory lock', () => {
  const databaseUrl = process.env.DATABASE_URL!;
  const schema = `test_${randomBytes(6).toString('hex')}`;
  const handles: DatabaseHandle[] = [];
  afterAll(async () => {
    for (const handle of handles) await handle.close();
    const admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
    await admin.query(`drop schema if exists ${schema} cascade`);
    await admin.end();
  });

  it('seeds the demo data exactly once when two instances start at the same moment', async () => {
    handles.push(await openDatabase({ databaseUrl, schema }), await openDatabase({ databaseUrl, schema }));
    const consortium = loadConsortium();
    const blobs = createBlobStore(loadConfig({ PORT: '8080', LOKET_DATA_DIR: `/tmp/${schema}` }));
    const seeded: number[] = [];
    const start = (database: DatabaseHandle) =>
      underStartupLock(database, async () => {
        if (!(await isEmpty(database.db))) return;
        seeded.push(await seedDemoData(database.db, consortium, '2026-12-07', { blobs }));
      });

    await Promise.all(handles.map(start));

    expect(seeded).toHaveLength(1);
    const persons = await handles[0]!.db.selectFrom('persons').select('bsn').execute();
    expect(persons).toHaveLength(seeded[0]!);
  });

  it('seeds the demo staff exactly once when two instances build their apps at the same moment', async () => {
    // The staff module seeds them while the app is built, before the start-up lock above (found by
    // the cluster test: now and then one instance exited with a duplicate staff subject).
    const consortium = loadConsortium();
    const seeded = await Promise.all(handles.map((handle) => seedDemoStaff(handle.db, consortium)));
    expect(seeded.toSorted()).toEqual([0, 5]);
    const accounts = await handles[0]!.db.selectFrom('staff_accounts').select('subject').execute();
    expect(accounts).toHaveLength(5);
  });
});
