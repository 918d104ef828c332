/**
 * Every change of a home visit goes through the state machine in src/domain/home-visits.ts,
 * on a row locked for the transaction, so a resident's cancel and a case worker's planning
 * cannot both win.
 */
import type { Kysely, Updateable } from 'kysely';
import { nextHomeVisitState, type HomeVisitEvent } from '../../../domain/home-visits';
import type { Clock } from '../../clock';
import type { Database, HomeVisitRow, HomeVisitsTable } from '../../db/schema';
import { notFound } from '../../errors';
import { inTransaction } from '../appointments/claim';
import { isUuid } from '../appointments/queries';
import { refusal } from '../appointments/refusals';

export interface TransitionRequest {
  id: string;
  event: HomeVisitEvent;
  /** Only this resident's visit (resident routes); staff pass none */
  bsn?: string;
  set?: Updateable<HomeVisitsTable>;
  /** Extra check on the current row (e.g. an alternative must propose a date to be accepted) */
  guard?: (row: HomeVisitRow) => boolean;
}

export async function transition(
  db: Kysely<Database>,
  clock: Clock,
  request: TransitionRequest,
): Promise<HomeVisitRow> {
  if (!isUuid(request.id)) throw notFound('Home visit');
  return inTransaction(db, async (trx) => {
    let query = trx.selectFrom('home_visits').selectAll().where('id', '=', request.id);
    if (request.bsn !== undefined) query = query.where('bsn', '=', request.bsn);
    const row = await query.forUpdate().executeTakeFirst();
    if (!row) throw notFound('Home visit');
    const next = nextHomeVisitState(row.state, request.event);
    if (!next || (request.guard && !request.guard(row))) throw refusal('HOME_VISIT_TRANSITION_NOT_ALLOWED');
    return trx
      .updateTable('home_visits')
      .set({ ...request.set, state: next, changed_at: clock.now() })
      .where('id', '=', row.id)
      .returningAll()
      .executeTakeFirstOrThrow();
  });
}
