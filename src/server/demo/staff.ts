/**
 * Demo staff, one per role, for the embedded default (the simulator's "Medewerkers" page
 * lists them). One case worker works for a single municipality, to show (and test) that a
 * role can be scoped: Wassenaar in the default consortium, the second municipality elsewhere.
 * Seeded by the staff module at start (modules/staff/module.ts), with demo data and the
 * simulator only.
 */
import { sql, type Kysely } from 'kysely';
import type { Consortium } from '../../domain/consortium';
import { WHOLE_CONSORTIUM, type RoleGrant } from '../../domain/staff';
import type { Database } from '../db/schema';
import { createStaffAccount } from '../modules/staff/accounts';

interface DemoStaff {
  username: string;
  name: string;
  grants: RoleGrant[];
}

function demoStaff(consortium: Consortium): DemoStaff[] {
  const municipalities = consortium.municipalities.map((m) => m.code);
  const single = municipalities.includes('0629') ? '0629' : (municipalities[1] ?? municipalities[0]!);
  const all = (role: RoleGrant['role']): RoleGrant[] => [{ role, scope: WHOLE_CONSORTIUM }];
  return [
    { username: 'k.jansen', name: 'Karin Jansen', grants: all('case_worker') },
    { username: 'm.bakker', name: 'Mehmet Bakker', grants: [{ role: 'case_worker', scope: single }] },
    { username: 'f.dekker', name: 'Fatima Dekker', grants: all('front_desk') },
    { username: 'p.smit', name: 'Priya Smit', grants: all('planner') },
    { username: 'a.visser', name: 'Anton Visser', grants: all('administrator') },
  ];
}

/** Any fixed number, the same in every instance; this one spells "staf" in ASCII. */
const DEMO_STAFF_LOCK_KEY = 0x73746166;

/**
 * Inserts the demo staff unless the consortium already has staff accounts; returns how many.
 * Two instances starting together on one database both get here while building the app: under a
 * transaction-level advisory lock the second waits for the first and then finds the accounts
 * (without it, one instance of the cluster test now and then exited with a duplicate key).
 */
export async function seedDemoStaff(db: Kysely<Database>, consortium: Consortium): Promise<number> {
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${DEMO_STAFF_LOCK_KEY})`.execute(trx);
    const existing = await trx
      .selectFrom('staff_accounts')
      .select('id')
      .where('consortium_id', '=', consortium.id)
      .limit(1)
      .executeTakeFirst();
    if (existing) return 0;
    const staff = demoStaff(consortium);
    for (const s of staff) {
      await createStaffAccount(trx, {
        subject: s.username,
        name: s.name,
        consortiumId: consortium.id,
        grants: s.grants,
      });
    }
    return staff.length;
  });
}
