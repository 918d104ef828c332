/**
 * Values the server generates once and keeps (in the database, so every instance on a shared
 * PostgreSQL agrees and a restart changes nothing).
 */
import type { Kysely } from 'kysely';
import type { Database } from './db/schema';

export async function ensureSetting(db: Kysely<Database>, name: string, create: () => string): Promise<string> {
  await db
    .insertInto('server_settings')
    .values({ name, value: create() })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const row = await db.selectFrom('server_settings').select('value').where('name', '=', name).executeTakeFirstOrThrow();
  return row.value;
}
