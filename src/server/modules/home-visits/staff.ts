/**
 * What a planner does with home-visit requests (issue 5, point 7), as service functions:
 * the planner's routes (staff/planning-routes.ts) call these with `dbFor(request, ctx)`. The
 * queue, then plan (date and time window), offer an alternative, decline with a reason the
 * resident reads, mark done. The resident sees every change at once
 * (GET /api/home-visits shows the state and `changedAt`).
 */
import type { Kysely } from 'kysely';
import { isWallTime } from '../../../domain/availability-time';
import { amsterdamDateOf, compareDates, isIsoDate, type IsoDate } from '../../../domain/dates';
import { HOME_VISIT_LIMITS } from '../../../domain/home-visits';
import { isWorkingDay } from '../../../domain/working-days';
import type { Clock } from '../../clock';
import type { Database, HomeVisitRow } from '../../db/schema';
import { refusal } from '../appointments/refusals';
import { transition } from './transitions';

export interface VisitWindow {
  date: IsoDate;
  /** 'HH:MM' in Amsterdam; the visitor arrives between from and until */
  from: string;
  until: string;
}

function checkedWindow(clock: Clock, window: VisitWindow) {
  const { date, from, until } = window;
  if (!isIsoDate(date) || !isWallTime(from) || !isWallTime(until) || from >= until) {
    throw refusal('VALIDATION_FAILED', 'A visit window needs a date and a time from before until (HH:MM)');
  }
  if (compareDates(date, amsterdamDateOf(clock.now())) < 0 || !isWorkingDay(date)) {
    throw refusal('VALIDATION_FAILED', 'A visit is planned on a working day, today or later');
  }
  return { planned_date: date, window_from: from, window_until: until };
}

const staffText = (value: string | undefined) => (value ?? '').trim().slice(0, HOME_VISIT_LIMITS.staffText);

export async function planHomeVisit(
  db: Kysely<Database>,
  clock: Clock,
  id: string,
  window: VisitWindow,
): Promise<HomeVisitRow> {
  return transition(db, clock, { id, event: 'plan', set: checkedWindow(clock, window) });
}

/** E.g. "We call you instead", or another day; with a proposed window the resident can accept it. */
export async function offerAlternative(
  db: Kysely<Database>,
  clock: Clock,
  id: string,
  offer: { note: string; proposed?: VisitWindow },
): Promise<HomeVisitRow> {
  const note = staffText(offer.note);
  if (!note) throw refusal('VALIDATION_FAILED', 'An alternative needs a note the resident can read');
  const proposed = offer.proposed
    ? checkedWindow(clock, offer.proposed)
    : { planned_date: null, window_from: null, window_until: null };
  return transition(db, clock, { id, event: 'offer_alternative', set: { alternative_note: note, ...proposed } });
}

export async function declineHomeVisit(
  db: Kysely<Database>,
  clock: Clock,
  id: string,
  reason: string,
): Promise<HomeVisitRow> {
  const why = staffText(reason);
  if (!why) throw refusal('VALIDATION_FAILED', 'Declining needs a reason the resident can read');
  return transition(db, clock, { id, event: 'decline', set: { decline_reason: why } });
}

export async function markHomeVisitDone(db: Kysely<Database>, clock: Clock, id: string): Promise<HomeVisitRow> {
  return transition(db, clock, { id, event: 'mark_done' });
}
