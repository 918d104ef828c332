/**
 * Case workers ask for a document with a due date (the repair term, Awb 4:5) and judge what
 * arrived: accept, or reject with a reason the resident reads (issue 4 point 7). Changes are
 * idempotent (Idempotency-Key, per staff account) and run in the request's transaction, the
 * audit entry included: the change and its entry commit together or not at all.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { ErrorResponse } from '../../../domain/api';
import { amsterdamDateOf } from '../../../domain/dates';
import {
  CaseParams,
  CaseRequestParams,
  NewStaffDocumentRequest,
  StaffDocumentRequestResponse,
  StaffRejection,
} from '../../../domain/staff-api';
import { caseSystemFor } from '../../case-system/index';
import type { AppContext } from '../../context';
import { notFound } from '../../errors';
import { dbFor } from '../../idempotency';
import { requestOfCase } from './queries';
import { recordNotificationEvent } from '../notifications/events';
import { acceptDocumentRequest, createDocumentRequest, rejectDocumentRequest } from './staff';
import { CASE_ROLES, caseInScope } from '../casework/routes';
import { actingRole } from '../staff/session';
import { toStaffRequest } from '../casework/view';

const idempotent = 'Requires an Idempotency-Key header; a retry with the same key returns the first answer.';
const errors = {
  400: ErrorResponse,
  401: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
  409: ErrorResponse,
  422: ErrorResponse,
};

export async function documentStaffRoutes(fastify: FastifyInstance, { ctx }: { ctx: AppContext }): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const config = { staffRoles: CASE_ROLES };
  const today = () => amsterdamDateOf(ctx.clock.now());

  app.post(
    '/:caseId/document-requests',
    {
      config,
      schema: {
        summary: 'Ask the resident for a document, with a due date',
        description: idempotent,
        tags: ['staff'],
        params: CaseParams,
        body: NewStaffDocumentRequest,
        response: { 201: StaffDocumentRequestResponse, ...errors },
      },
    },
    async (request, reply) => {
      const db = dbFor(request, ctx);
      const found = await caseInScope(
        request,
        await caseSystemFor(ctx, db).staffCase(request.params.caseId),
        CASE_ROLES,
      );
      const created = await createDocumentRequest(db, ctx, { caseId: found.id, ...request.body });
      await recordNotificationEvent(db, ctx.clock, {
        type: 'document_requested',
        residentBsn: found.bsn,
        caseId: found.id,
        objectId: created.id,
        link: `/aanvragen/${found.id}/documenten`,
      });
      await app.auditor.allowed(request, {
        role: actingRole(request.staff!, CASE_ROLES),
        action: 'create',
        objectType: 'document_request',
        objectId: created.id,
        residentBsn: found.bsn,
        purpose: 'case_handling',
      });
      return reply.status(201).send({ request: toStaffRequest(created, today()) });
    },
  );

  for (const verdict of ['accept', 'reject'] as const) {
    app.post(
      `/:caseId/document-requests/:requestId/${verdict}`,
      {
        config,
        schema: {
          summary:
            verdict === 'accept'
              ? 'Accept what arrived for a request'
              : 'Reject what arrived, with a reason the resident reads',
          description: idempotent,
          tags: ['staff'],
          params: CaseRequestParams,
          ...(verdict === 'reject' ? { body: StaffRejection } : {}),
          response: { 200: StaffDocumentRequestResponse, ...errors },
        },
      },
      async (request) => {
        const db = dbFor(request, ctx);
        const found = await caseInScope(
          request,
          await caseSystemFor(ctx, db).staffCase(request.params.caseId),
          CASE_ROLES,
        );
        const existing = await requestOfCase(db, found.id, request.params.requestId);
        if (!existing) throw notFound('Document request');
        const judged =
          verdict === 'accept'
            ? await acceptDocumentRequest(db, ctx.clock, existing.id)
            : await rejectDocumentRequest(db, ctx.clock, existing.id, (request.body as { reason: string }).reason);
        await recordNotificationEvent(db, ctx.clock, {
          type: verdict === 'accept' ? 'document_accepted' : 'document_rejected',
          residentBsn: found.bsn,
          caseId: found.id,
          objectId: judged.id,
          link: `/aanvragen/${found.id}/documenten`,
        });
        await app.auditor.allowed(request, {
          role: actingRole(request.staff!, CASE_ROLES),
          action: 'update',
          objectType: 'document_request',
          objectId: judged.id,
          residentBsn: found.bsn,
          purpose: 'document_check',
        });
        return { request: toStaffRequest(judged, today()) };
      },
    );
  }
}
