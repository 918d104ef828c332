/** What every server module gets handed: explicit, so a module's dependencies are visible. */
import type { Kysely } from 'kysely';
import type { Consortium } from '../domain/consortium';
import type { Clock } from './clock';
import type { ServerConfig } from './config';
import type { Database } from './db/schema';
import type { SharedRedis } from './shared/redis';
import type { DatabaseKind } from './db/database';

export interface AppContext {
  db: Kysely<Database>;
  databaseKind: DatabaseKind;
  clock: Clock;
  config: ServerConfig;
  consortium: Consortium;
  /** Set by buildApp when REDIS_URL is set: what several instances share beyond the database */
  redis?: SharedRedis;
  /** Set by main.ts: a draining server answers "not ready" while it still serves */
  lifecycle?: Lifecycle;
}

export interface Lifecycle {
  draining: boolean;
}

export interface ModuleOptions {
  ctx: AppContext;
}
