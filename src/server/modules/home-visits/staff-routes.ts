/**
 * The planner's home-visit queue under /api/staff/planning/home-visits (issue 5 point 7): the
 * visits to plan and the planned ones, within the planner's municipalities, and planning,
 * offering an alternative, declining and marking done. Role 'planner' only.
 *
 * Every route writes the audit log (one read entry per resident shown; changes in the change's
 * own transaction). Changes need an Idempotency-Key and write through dbFor(request, ctx).
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ErrorResponse } from '../../../domain/api';
import { amsterdamDateOf } from '../../../domain/dates';
import {
  HomeVisitAlternative,
  HomeVisitDecline,
  HomeVisitPlanning,
  HomeVisitQueue,
  QueuedHomeVisitResponse,
  VisitParams,
} from '../../../domain/planning-api';
import { caseSystemFor } from '../../case-system/index';
import type { AppContext } from '../../context';
import { dbFor } from '../../idempotency';
import { recordNotificationEvent } from '../notifications/events';
import { PLANNER, checkedVisitWindow } from '../planning/scope';
import { requireStaff } from '../staff/session';
import { scopedQueue, visitInScope } from './queue';
import { declineHomeVisit, markHomeVisitDone, offerAlternative, planHomeVisit } from './staff';

const idempotent = 'Requires an Idempotency-Key header; a retry with the same key returns the first answer.';
const errors = {
  400: ErrorResponse,
  401: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
  409: ErrorResponse,
  422: ErrorResponse,
};
const purpose = 'appointment_planning' as const;
/** Where the resident sees a home visit (the app's appointments page lists them) */
const RESIDENT_HOME_VISITS_PATH = '/afspraken';

export async function homeVisitStaffRoutes(fastify: FastifyInstance, { ctx }: { ctx: AppContext }): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const config = { staffRoles: PLANNER };
  const today = () => amsterdamDateOf(ctx.clock.now());
  const audit = (request: FastifyRequest, facts: Omit<Parameters<typeof app.auditor.allowed>[1], 'role'>) =>
    app.auditor.allowed(request, { role: 'planner', ...facts });

  app.get(
    '/home-visits',
    {
      config,
      schema: {
        summary: 'Home visits to plan (requested, alternative offered) and planned ones, within your municipalities',
        tags: ['staff'],
        response: { 200: HomeVisitQueue, ...errors },
      },
    },
    async (request) => {
      const queue = await scopedQueue(
        ctx.db,
        caseSystemFor(ctx, ctx.db),
        ctx.consortium,
        requireStaff(request, PLANNER),
      );
      for (const { visit, bsn } of queue)
        await audit(request, {
          action: 'read',
          objectType: 'home_visit',
          objectId: visit.id,
          residentBsn: bsn,
          purpose,
        });
      return { homeVisits: queue.map((q) => q.visit) };
    },
  );

  const visitChange = (
    path: string,
    summary: string,
    body: typeof HomeVisitPlanning | typeof HomeVisitAlternative | typeof HomeVisitDecline | null,
    change: (request: FastifyRequest, visitId: string) => Promise<{ id: string; state: string }>,
  ) =>
    app.post(
      `/home-visits/:visitId/${path}`,
      {
        config,
        schema: {
          summary,
          description: idempotent,
          tags: ['staff'],
          params: VisitParams,
          ...(body ? { body } : {}),
          response: { 200: QueuedHomeVisitResponse, ...errors },
        },
      },
      async (request) => {
        const db = dbFor(request, ctx);
        const { visitId } = request.params as { visitId: string };
        const cases = caseSystemFor(ctx, db);
        const { bsn } = await visitInScope(request, db, cases, ctx.consortium, visitId);
        const changed = await change(request, visitId);
        await audit(request, {
          action: 'update',
          objectType: 'home_visit',
          objectId: changed.id,
          residentBsn: bsn,
          purpose,
        });
        return { homeVisit: (await visitInScope(request, db, cases, ctx.consortium, changed.id)).visit };
      },
    );

  visitChange(
    'plan',
    'Plan a home visit: a working day and a time window; the resident sees it at once',
    HomeVisitPlanning,
    async (request, id) => {
      const window = request.body as { date: string; from: string; until: string };
      checkedVisitWindow(today(), window);
      const db = dbFor(request, ctx);
      const row = await planHomeVisit(db, ctx.clock, id, window);
      await recordNotificationEvent(db, ctx.clock, {
        type: 'home_visit_planned',
        residentBsn: row.bsn,
        caseId: row.case_id,
        objectId: row.id,
        link: RESIDENT_HOME_VISITS_PATH,
      });
      return row;
    },
  );

  visitChange(
    'offer-alternative',
    'Offer an alternative (a note, and a window the resident can accept)',
    HomeVisitAlternative,
    async (request, id) => {
      const { note, proposed } = request.body as {
        note: string;
        proposed?: { date: string; from: string; until: string };
      };
      if (proposed) checkedVisitWindow(today(), proposed);
      return offerAlternative(dbFor(request, ctx), ctx.clock, id, { note, ...(proposed ? { proposed } : {}) });
    },
  );

  visitChange(
    'decline',
    'Decline a home visit with a reason the resident reads',
    HomeVisitDecline,
    async (request, id) =>
      declineHomeVisit(dbFor(request, ctx), ctx.clock, id, (request.body as { reason: string }).reason),
  );

  visitChange('done', 'Mark a planned home visit as done', null, async (request, id) =>
    markHomeVisitDone(dbFor(request, ctx), ctx.clock, id),
  );
}
