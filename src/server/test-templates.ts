/**
 * PGlite test databases copied from templates (issue 13, test time). Starting PGlite runs
 * initdb inside WebAssembly, and every migration and the demo seed ran again for each test
 * app: most of a server test file's time. Instead the server project's global setup builds one
 * migrated database per run and dumps its data folder; each test app starts from a copy
 * (PGlite's loadDataDir), which skips initdb and the migrations.
 *
 * Seeded templates are built on first use, one per consortium and day (the demo data is dated
 * relative to "today"), together with the files the seed writes (the demo letters): a template
 * is a folder with the data tarball and its files, renamed into place whole, so two test files
 * building the same template at once never mix one's database with the other's files.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Consortium } from '../domain/consortium';
import type { IsoDate } from '../domain/dates';
import { FolderBlobStore } from './blobs/folder-store';
import { openDatabase, type DatabaseHandle } from './db/database';
import { seedDemoData } from './demo/seed';

/** Set by the server project's global setup (test/server/templates.global.ts) */
const TEMPLATE_DIR_VARIABLE = 'LOKET_TEST_TEMPLATE_DIR';
const MIGRATED = 'migrated';

function templateDir(): string | undefined {
  return process.env[TEMPLATE_DIR_VARIABLE];
}

async function openFrom(dir: string): Promise<DatabaseHandle> {
  const tarball = await readFile(join(dir, 'data.tar'));
  return openDatabase({ dataDir: 'memory://', loadDataDir: new Blob([tarball]) });
}

/** Builds a template with `fill` and moves it into place, unless another worker was first. */
async function buildTemplate(
  root: string,
  name: string,
  fill: (filesDir: string) => Promise<DatabaseHandle>,
): Promise<string> {
  const final = join(root, name);
  if (existsSync(join(final, 'data.tar'))) return final;
  const building = join(root, `.building-${name}-${randomBytes(4).toString('hex')}`);
  await mkdir(join(building, 'files'), { recursive: true });
  const database = await fill(join(building, 'files'));
  try {
    await writeFile(join(building, 'data.tar'), Buffer.from(await (await database.dumpDataDir!()).arrayBuffer()));
  } finally {
    await database.close();
  }
  try {
    await rename(building, final);
  } catch {
    // Another test file built the same template in the meantime: use theirs.
    await rm(building, { recursive: true, force: true });
  }
  return final;
}

/** Run by the global setup: the migrated template, shared by every test file of the run. */
export async function buildMigratedTemplate(root: string): Promise<void> {
  process.env[TEMPLATE_DIR_VARIABLE] = root;
  await buildTemplate(root, MIGRATED, () => openDatabase({ dataDir: 'memory://' }));
}

/**
 * A migrated PGlite database, with the demo data of `seed.today` when asked (its letters are
 * copied into `seed.filesDir`). Undefined when no template folder was set up (a test run
 * without the server project's global setup): the caller then migrates and seeds itself.
 */
export async function openPGliteFromTemplate(
  seed: { consortium: Consortium; today: IsoDate; filesDir: string } | undefined,
): Promise<DatabaseHandle | undefined> {
  const root = templateDir();
  if (!root) return undefined;
  const migrated = await buildTemplate(root, MIGRATED, () => openDatabase({ dataDir: 'memory://' }));
  if (!seed) return openFrom(migrated);
  const seeded = await buildTemplate(root, `seeded-${seed.consortium.id}-${seed.today}`, async (filesDir) => {
    const database = await openFrom(migrated);
    // The same blob store createTestApp's config gives: <filesDir>/blobs.
    const blobs = new FolderBlobStore(join(filesDir, 'blobs'));
    await seedDemoData(database.db, seed.consortium, seed.today, { blobs });
    return database;
  });
  await cp(join(seeded, 'files'), seed.filesDir, { recursive: true });
  return openFrom(seeded);
}
