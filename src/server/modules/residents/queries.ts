import type { Kysely } from 'kysely';
import type { Database, NewPerson, Person } from '../../db/schema';

export function findPerson(db: Kysely<Database>, bsn: string): Promise<Person | undefined> {
  return db.selectFrom('persons').selectAll().where('bsn', '=', bsn).executeTakeFirst();
}

export async function insertPerson(db: Kysely<Database>, person: NewPerson): Promise<void> {
  await db.insertInto('persons').values(person).execute();
}
