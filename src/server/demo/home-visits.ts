/**
 * A demo home-visit request, so the planner's queue (/beheer/huisbezoeken) has something to
 * plan on a fresh demo: Fatima El Amrani (Wassenaar) cannot come to the office. Written as a
 * resident's request is written (state 'requested', the registered address confirmed).
 */
import type { Kysely } from 'kysely';
import { amsterdamInstant } from '../../domain/availability-time';
import { addDays, type IsoDate } from '../../domain/dates';
import type { Database } from '../db/schema';
import type { DemoResident } from './residents';

/** A deterministic reference per resident, like the demo appointments' */
const DEMO_VISITS: Record<string, { reference: string; requestedDaysAgo: number }> = {
  '999990032': { reference: 'HB-DEMO032', requestedDaysAgo: 2 },
};

export async function insertDemoHomeVisits(
  trx: Kysely<Database>,
  resident: DemoResident,
  today: IsoDate,
): Promise<void> {
  const demo = DEMO_VISITS[resident.bsn];
  if (!demo) return;
  const requestedAt = amsterdamInstant(addDays(today, -demo.requestedDaysAgo), '16:20');
  await trx
    .insertInto('home_visits')
    .values({
      reference: demo.reference,
      bsn: resident.bsn,
      case_id: null,
      reason: 'disability',
      reason_text: null,
      street: resident.address.street,
      postal_code: resident.address.postalCode,
      city: resident.address.city,
      address_corrected: false,
      at_home: JSON.stringify([
        { day: 2, part: 'morning' },
        { day: 4, part: 'morning' },
      ]),
      phone: '+31612345670',
      note: 'Ik loop slecht. De bel doet het niet, klop maar hard.',
      state: 'requested',
      requested_at: requestedAt,
      changed_at: requestedAt,
    })
    .execute();
}
