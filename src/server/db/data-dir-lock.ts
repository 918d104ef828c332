/**
 * One process per PGlite data folder. PGlite is PostgreSQL in this process's memory: a second
 * process on the same folder does not see the first one's writes, and whichever writes its
 * pages last wins (seen: after a restart, 30 of 60 acknowledged writes were gone). So the first
 * process takes the folder with a lock file and a second one stops at start, naming the folder
 * and the process that holds it. A lock left by a process that no longer runs (a crash, a
 * kill -9) is taken over.
 */
import { hostname } from 'node:os';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const LOCK_FILE = 'loket.lock';

interface Holder {
  pid: number;
  host: string;
  since: string;
}

class DataDirInUseError extends Error {
  constructor(folder: string, holder: Holder) {
    super(
      `the data folder ${folder} is in use by process ${holder.pid} on ${holder.host} (since ${holder.since}). ` +
        'Stop that process first, or give this one another LOKET_DATA_DIR (or DATABASE_URL for several instances).',
    );
  }
}

export interface DataDirLock {
  release(): void;
}

export function lockDataDir(dataDir: string): DataDirLock {
  const folder = resolve(dataDir);
  mkdirSync(folder, { recursive: true });
  const path = join(folder, LOCK_FILE);
  const me: Holder = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      // 'wx': create only if absent, atomically; two processes starting together cannot both win.
      writeFileSync(path, JSON.stringify(me), { flag: 'wx' });
      return { release: () => rmSync(path, { force: true }) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = readHolder(path);
    if (holder && isRunning(holder)) throw new DataDirInUseError(folder, holder);
    rmSync(path, { force: true });
  }
  throw new Error(`could not lock the data folder ${folder}: another process keeps taking it`);
}

function readHolder(path: string): Holder | null {
  try {
    const holder = JSON.parse(readFileSync(path, 'utf8')) as Partial<Holder>;
    return typeof holder.pid === 'number' && typeof holder.host === 'string'
      ? { pid: holder.pid, host: holder.host, since: String(holder.since) }
      : null;
  } catch {
    return null;
  }
}

/** A lock from another machine (a shared network folder) is never judged stale from here. */
function isRunning(holder: Holder): boolean {
  if (holder.host !== hostname()) return true;
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
