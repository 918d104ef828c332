import type { Kysely } from 'kysely';
import type { Database, Person } from '../../db/schema';

export function findPerson(db: Kysely<Database>, bsn: string): Promise<Person | undefined> {
  return db.selectFrom('persons').selectAll().where('bsn', '=', bsn).executeTakeFirst();
}
