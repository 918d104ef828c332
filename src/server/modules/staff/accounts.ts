/**
 * Staff accounts and their role grants (migration 005). Our table decides who may work in
 * Loket: a person the staff identity provider knows but we do not, or whose account is
 * disabled, does not get in.
 */
import type { Kysely } from 'kysely';
import { isStaffRole, type RoleGrant, type StaffRole } from '../../../domain/staff';
import type { Clock } from '../../clock';
import type { Database, StaffAccountRow } from '../../db/schema';
import { endSessionsOf } from '../auth/sessions';

export interface StaffAccount {
  id: string;
  subject: string;
  name: string;
  consortiumId: string;
  disabledAt: Date | null;
  grants: RoleGrant[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function withGrants(db: Kysely<Database>, rows: StaffAccountRow[]): Promise<StaffAccount[]> {
  if (rows.length === 0) return [];
  const grants = await db
    .selectFrom('staff_role_grants')
    .selectAll()
    .where(
      'account_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('role')
    .orderBy('scope')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    subject: row.subject,
    name: row.name,
    consortiumId: row.consortium_id,
    disabledAt: row.disabled_at,
    grants: grants.filter((g) => g.account_id === row.id).map((g) => ({ role: g.role, scope: g.scope })),
  }));
}

export async function findStaffBySubject(db: Kysely<Database>, subject: string): Promise<StaffAccount | undefined> {
  const rows = await db.selectFrom('staff_accounts').selectAll().where('subject', '=', subject).execute();
  return (await withGrants(db, rows))[0];
}

export async function findStaffById(db: Kysely<Database>, id: string): Promise<StaffAccount | undefined> {
  if (!UUID.test(id)) return undefined;
  const rows = await db.selectFrom('staff_accounts').selectAll().where('id', '=', id).execute();
  return (await withGrants(db, rows))[0];
}

export async function listStaffAccounts(db: Kysely<Database>, consortiumId: string): Promise<StaffAccount[]> {
  const rows = await db
    .selectFrom('staff_accounts')
    .selectAll()
    .where('consortium_id', '=', consortiumId)
    .orderBy('name')
    .orderBy('id')
    .execute();
  return withGrants(db, rows);
}

/** The grants that count in a session: ours, limited to what the identity provider asserted. */
export function effectiveGrants(grants: readonly RoleGrant[], asserted: string | null): RoleGrant[] {
  if (asserted === null) return [...grants];
  const roles = new Set(asserted.split(' ').filter(isStaffRole));
  return grants.filter((g) => roles.has(g.role));
}

/** Roles from an ID-token claim: an array, or a space- or comma-separated string. */
export function rolesFromClaim(value: unknown): StaffRole[] {
  const parts = Array.isArray(value) ? value : typeof value === 'string' ? value.split(/[\s,]+/) : [];
  return [...new Set(parts.filter(isStaffRole))];
}

export interface NewStaffAccount {
  subject: string;
  name: string;
  consortiumId: string;
  grants: RoleGrant[];
}

export async function createStaffAccount(db: Kysely<Database>, account: NewStaffAccount): Promise<string> {
  const { id } = await db
    .insertInto('staff_accounts')
    .values({ subject: account.subject, name: account.name, consortium_id: account.consortiumId })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (account.grants.length > 0) {
    await db
      .insertInto('staff_role_grants')
      .values(account.grants.map((g) => ({ account_id: id, role: g.role, scope: g.scope })))
      .execute();
  }
  return id;
}

/** Disables an account and ends its live sessions at once; false when it was already disabled. */
export async function disableStaffAccount(
  db: Kysely<Database>,
  clock: Clock,
  accountId: string,
  disabledBy: string,
): Promise<boolean> {
  const updated = await db
    .updateTable('staff_accounts')
    .set({ disabled_at: clock.now(), disabled_by: disabledBy })
    .where('id', '=', accountId)
    .where('disabled_at', 'is', null)
    .executeTakeFirst();
  await endSessionsOf(db, clock, 'staff', accountId, 'account_disabled');
  return Number(updated.numUpdatedRows) > 0;
}
