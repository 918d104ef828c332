import type { Kysely } from 'kysely';
import type { Database, Person } from '../../db/schema';

export function findPerson(db: Kysely<Database>, bsn: string): Promise<Person | undefined> {
  return db.selectFrom('persons').selectAll().where('bsn', '=', bsn).executeTakeFirst();
}

/** Which of these BSNs belong to a stored person (the DigiD simulation lists only those). */
export async function storedBsns(db: Kysely<Database>, bsns: string[]): Promise<Set<string>> {
  if (bsns.length === 0) return new Set();
  const rows = await db.selectFrom('persons').select('bsn').where('bsn', 'in', bsns).execute();
  return new Set(rows.map((row) => row.bsn));
}
