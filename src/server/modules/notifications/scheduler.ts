/**
 * Time-based reminders (issue 8 point 5), a step of the delivery worker: documents due in 2 days
 * and on the day, appointments tomorrow. Moments are Europe/Amsterdam wall-clock times
 * (src/domain/notification-schedule.ts). Each reminder has a dedupe key of kind, object and the
 * date it is about, so it is created once per object per kind, whichever instance or restart
 * gets there first; a moved due date or appointment gets a reminder of its own.
 */
import type { Kysely } from 'kysely';
import { addDays, amsterdamDateOf } from '../../../domain/dates';
import type { NotificationEvent } from '../../../domain/notification-events';
import {
  appointmentTomorrowWindow,
  dueSoonWindow,
  dueTodayWindow,
  isWithin,
} from '../../../domain/notification-schedule';
import type { CaseSystem } from '../../case-system/index';
import type { Clock } from '../../clock';
import type { Database } from '../../db/schema';
import { recordEvent } from './events';

async function remind(
  db: Kysely<Database>,
  clock: Clock,
  event: NotificationEvent,
  dedupeKey: string,
): Promise<boolean> {
  const exists = await db
    .selectFrom('notification_messages')
    .select('id')
    .where('dedupe_key', '=', dedupeKey)
    .executeTakeFirst();
  if (exists) return false;
  // Message and jobs together, or neither.
  return db.transaction().execute(async (trx) => (await recordEvent(trx, clock, event, { dedupeKey })) !== null);
}

/** Creates the reminders that are due now; returns how many were new. */
export async function scheduleReminders(db: Kysely<Database>, clock: Clock, cases: CaseSystem): Promise<number> {
  const now = clock.now();
  const today = amsterdamDateOf(now);
  let created = 0;

  const due = await db
    .selectFrom('document_requests')
    .select(['id', 'case_id', 'due_date'])
    .where('state', 'in', ['open', 'rejected'])
    .where('due_date', '>=', today)
    .where('due_date', '<=', addDays(today, 2))
    .execute();
  // Whose case it is, from the case system (one question for all of them).
  const initiators = await cases.initiatorsOf([...new Set(due.map((r) => r.case_id))]);
  const requests = due.flatMap((r) => {
    const bsn = initiators.get(r.case_id);
    return bsn ? [{ ...r, bsn }] : [];
  });
  for (const request of requests) {
    const base = {
      residentBsn: request.bsn,
      caseId: request.case_id,
      objectId: request.id,
      link: `/aanvragen/${request.case_id}/documenten`,
    };
    if (isWithin(dueSoonWindow(request.due_date), now)) {
      if (
        await remind(
          db,
          clock,
          { ...base, type: 'document_due_soon' },
          `document_due_soon:${request.id}:${request.due_date}`,
        )
      )
        created++;
    }
    if (isWithin(dueTodayWindow(request.due_date), now)) {
      if (
        await remind(
          db,
          clock,
          { ...base, type: 'document_due_today' },
          `document_due_today:${request.id}:${request.due_date}`,
        )
      )
        created++;
    }
  }

  const appointments = await db
    .selectFrom('appointments')
    .select(['id', 'bsn', 'case_id', 'starts_at'])
    .where('state', '=', 'booked')
    .where('starts_at', '>', now)
    .where('starts_at', '<', new Date(now.getTime() + 49 * 3_600_000))
    .execute();
  for (const appointment of appointments) {
    const startsAt = new Date(appointment.starts_at);
    if (!isWithin(appointmentTomorrowWindow(startsAt), now)) continue;
    const event: NotificationEvent = {
      type: 'appointment_tomorrow',
      residentBsn: appointment.bsn,
      caseId: appointment.case_id,
      objectId: appointment.id,
      link: `/afspraken/${appointment.id}`,
    };
    if (await remind(db, clock, event, `appointment_tomorrow:${appointment.id}:${startsAt.toISOString()}`)) created++;
  }
  return created;
}
