/**
 * Loket's tables: what staff read about cases. Unlike the resident's queries these find any case
 * of the consortium; the scope check (municipality) is the caller's, before anything is returned.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { isUuid } from './uuid';

export interface StaffCaseRow {
  id: string;
  reference: string;
  case_type: string;
  municipality_code: string;
  registered_on: string;
  bsn: string;
  resident_name: string;
}

function casesWithInitiator(db: Kysely<Database>) {
  return db
    .selectFrom('cases')
    .innerJoin('case_roles', (join) =>
      join.onRef('case_roles.case_id', '=', 'cases.id').on('case_roles.role_type', '=', 'initiator'),
    )
    .innerJoin('persons', 'persons.bsn', 'case_roles.bsn')
    .select([
      'cases.id',
      'cases.reference',
      'cases.case_type',
      'cases.municipality_code',
      'cases.registered_on',
      'case_roles.bsn',
      'persons.name as resident_name',
    ]);
}

export async function caseForStaff(db: Kysely<Database>, caseId: string): Promise<StaffCaseRow | undefined> {
  if (!isUuid(caseId)) return undefined;
  return casesWithInitiator(db).where('cases.id', '=', caseId).executeTakeFirst();
}

/** Case references are typed by hand from a letter: spaces and lower case are forgiven. */
export async function caseByReference(db: Kysely<Database>, reference: string): Promise<StaffCaseRow | undefined> {
  const normalised = reference.replace(/\s+/g, '').toUpperCase();
  return casesWithInitiator(db).where('cases.reference', '=', normalised).executeTakeFirst();
}

export async function caseReferences(db: Kysely<Database>, caseIds: readonly string[]): Promise<Map<string, string>> {
  const ids = caseIds.filter(isUuid);
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('cases').select(['id', 'reference']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.reference]));
}

export async function initiatorsOf(db: Kysely<Database>, caseIds: readonly string[]): Promise<Map<string, string>> {
  const ids = caseIds.filter(isUuid);
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('case_roles')
    .select(['case_id', 'bsn'])
    .where('case_id', 'in', ids)
    .where('role_type', '=', 'initiator')
    .execute();
  return new Map(rows.map((r) => [r.case_id, r.bsn]));
}
