/**
 * One process per PGlite data folder: a second server on the same LOKET_DATA_DIR would lose
 * acknowledged writes, so it must stop at start and say which folder and which process.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { lockDataDir } from './data-dir-lock';
import { openDatabase } from './database';

describe('the PGlite data folder lock', () => {
  const folders: string[] = [];
  const newFolder = () => {
    const folder = mkdtempSync(join(tmpdir(), 'loket-lock-'));
    folders.push(folder);
    return folder;
  };
  afterEach(() => {
    for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
  });

  it('refuses a second holder, naming the folder and the process, until the first lets go', () => {
    const folder = newFolder();
    const first = lockDataDir(folder);
    expect(() => lockDataDir(folder)).toThrow(folder);
    expect(() => lockDataDir(folder)).toThrow(`process ${process.pid}`);
    first.release();
    lockDataDir(folder).release();
  });

  it('takes over a lock left by a process that no longer runs (a crash, kill -9)', () => {
    const folder = newFolder();
    const ended = spawnSync(process.execPath, ['-e', '0']).pid;
    writeFileSync(join(folder, 'loket.lock'), JSON.stringify({ pid: ended, host: hostname(), since: 'earlier' }));
    lockDataDir(folder).release();
  });

  it('a second server on a folder in use stops before opening it; the first keeps its writes', async () => {
    const folder = newFolder();
    const first = await openDatabase({ dataDir: folder });
    try {
      await first.db.insertInto('server_settings').values({ name: 'lock-test', value: 'kept' }).execute();
      await expect(openDatabase({ dataDir: folder })).rejects.toThrow(`${folder} is in use by process`);
      const row = await first.db
        .selectFrom('server_settings')
        .select('value')
        .where('name', '=', 'lock-test')
        .executeTakeFirst();
      expect(row?.value).toBe('kept');
    } finally {
      await first.close();
    }
    expect(existsSync(join(folder, 'loket.lock'))).toBe(false);
  }, 120_000);
});
