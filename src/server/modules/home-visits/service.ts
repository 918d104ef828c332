/**
 * A resident's home-visit requests: ask (reason, address confirmed or corrected, when at home,
 * phone, which case), see the state, cancel, accept a proposed alternative date. Every change
 * runs in the request's transaction (dbFor) and is idempotent through the plugin.
 */
import type { Kysely } from 'kysely';
import { normalizeDutchPhone } from '../../../domain/appointments-phone';
import { whereToGo } from '../../../domain/consortium';
import { amsterdamDateOf } from '../../../domain/dates';
import type { NewHomeVisit } from '../../../domain/home-visits-api';
import { normalizeAtHome } from '../../../domain/home-visits';
import { caseSystemFor } from '../../case-system/index';
import type { AppContext } from '../../context';
import type { Database, HomeVisitRow, Person } from '../../db/schema';
import { notFound } from '../../errors';
import { withFreshReference } from '../appointments/claim';
import { isUuid } from '../appointments/queries';
import { newReference } from '../appointments/reference';
import { refusal } from '../appointments/refusals';
import { findPerson } from '../residents/queries';
import { transition } from './transitions';

type Deps = Pick<AppContext, 'consortium' | 'clock' | 'config'>;

/** '2271cj' -> '2271 CJ', the way the population register writes it. */
const normalizePostalCode = (code: string) =>
  code
    .replace(/\s+/g, '')
    .toUpperCase()
    .replace(/^(\d{4})([A-Z]{2})$/, '$1 $2');
const same = (a: string, b: string) =>
  a.trim().replace(/\s+/g, ' ').toLowerCase() === b.trim().replace(/\s+/g, ' ').toLowerCase();

function isCorrected(person: Person, address: NewHomeVisit['address']): boolean {
  return !(
    same(person.street, address.street) &&
    same(person.postal_code, normalizePostalCode(address.postalCode)) &&
    same(person.city, address.city)
  );
}

async function servedPerson(db: Kysely<Database>, deps: Deps, bsn: string): Promise<Person> {
  const person = await findPerson(db, bsn);
  if (!person || whereToGo(deps.consortium, person.municipality_code, amsterdamDateOf(deps.clock.now())) !== null) {
    throw refusal('MUNICIPALITY_NOT_SERVED');
  }
  return person;
}

export async function requestHomeVisit(
  db: Kysely<Database>,
  deps: Deps,
  bsn: string,
  input: NewHomeVisit,
): Promise<HomeVisitRow> {
  const phone = normalizeDutchPhone(input.phone);
  if (!phone) throw refusal('PHONE_NUMBER_INVALID');
  const reasonText = input.reasonText?.trim() || null;
  if (input.reason === 'other' && !reasonText)
    throw refusal('VALIDATION_FAILED', "A home visit for reason 'other' needs reasonText");
  const person = await servedPerson(db, deps, bsn);
  if (input.caseId !== undefined && !(await caseSystemFor(deps, db).residentCase(bsn, input.caseId)))
    throw notFound('Application');
  const now = deps.clock.now();
  return withFreshReference(db, (trx) =>
    trx
      .insertInto('home_visits')
      .values({
        reference: newReference('HB'),
        bsn,
        case_id: input.caseId ?? null,
        reason: input.reason,
        reason_text: reasonText,
        street: input.address.street.trim(),
        postal_code: normalizePostalCode(input.address.postalCode),
        city: input.address.city.trim(),
        address_corrected: isCorrected(person, input.address),
        at_home: JSON.stringify(normalizeAtHome(input.atHome as Parameters<typeof normalizeAtHome>[0])),
        phone,
        note: input.note?.trim() || null,
        state: 'requested',
        requested_at: now,
        changed_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow(),
  );
}

export async function cancelHomeVisit(
  db: Kysely<Database>,
  deps: Deps,
  bsn: string,
  id: string,
  reason?: string,
): Promise<HomeVisitRow> {
  return transition(db, deps.clock, { id, bsn, event: 'cancel', set: { cancel_reason: reason?.trim() || null } });
}

/** The resident takes the date and window staff proposed instead. */
export async function acceptAlternative(
  db: Kysely<Database>,
  deps: Deps,
  bsn: string,
  id: string,
): Promise<HomeVisitRow> {
  return transition(db, deps.clock, {
    id,
    bsn,
    event: 'accept_alternative',
    guard: (row) => row.planned_date !== null,
  });
}

export async function homeVisitsOf(db: Kysely<Database>, bsn: string): Promise<HomeVisitRow[]> {
  return db
    .selectFrom('home_visits')
    .selectAll()
    .where('bsn', '=', bsn)
    .orderBy('requested_at', 'desc')
    .limit(50)
    .execute();
}

export async function homeVisitOf(db: Kysely<Database>, bsn: string, id: string): Promise<HomeVisitRow | undefined> {
  if (!isUuid(id)) return undefined;
  return db.selectFrom('home_visits').selectAll().where('id', '=', id).where('bsn', '=', bsn).executeTakeFirst();
}
