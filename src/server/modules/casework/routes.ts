/**
 * Case workers find a case by its reference (within their municipalities), read its document
 * requests and what arrived, and download a document (issue 4 point 7). Every allowed read is
 * in the audit log before the answer leaves; a case outside the staff's scope is 404.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ErrorResponse } from '../../../domain/api';
import { amsterdamDateOf } from '../../../domain/dates';
import { mayActIn, type StaffRole } from '../../../domain/staff';
import {
  CaseDocumentParams,
  CaseParams,
  StaffCaseDetail,
  StaffCaseList,
  StaffCaseSearch,
} from '../../../domain/staff-api';
import { createBlobStore } from '../../blobs/index';
import type { CaseSystemProvider, StaffCaseRow } from '../../case-system/index';
import type { AppContext } from '../../context';
import { AppError, notFound } from '../../errors';
import { deskAppointmentsOfCase, toDeskAppointment } from '../appointments/desk';
import { PREVIEWABLE_TYPES, sendDownload } from '../documents/download';
import { requestsOfCase } from '../documents/queries';
import { toHandling } from './handling';
import { actingRole, ensureInScope, requireStaff } from '../staff/session';
import { toStaffArrival, toStaffCaseSummary, toStaffRequest } from './view';

export const CASE_ROLES: readonly StaffRole[] = ['case_worker'];
const errors = { 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };

/** The case, when it exists AND lies in the staff's municipalities; otherwise 404 (logged). */
export async function caseInScope(
  request: FastifyRequest,
  found: StaffCaseRow | undefined,
  roles: readonly StaffRole[],
): Promise<StaffCaseRow> {
  const staff = requireStaff(request, roles);
  if (!found) throw notFound('Application');
  if (!mayActIn(staff.grants, roles, found.municipality_code)) {
    await request.server.auditor.denied(request, {
      role: actingRole(staff, roles),
      action: request.method === 'GET' ? 'read' : 'update',
      objectType: 'case',
      objectId: found.id,
      purpose: null,
    });
  }
  ensureInScope(staff, roles, found.municipality_code, 'Application');
  return found;
}

export async function caseRoutes(
  fastify: FastifyInstance,
  { ctx, caseSystem }: { ctx: AppContext; caseSystem: CaseSystemProvider },
): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const blobs = createBlobStore(ctx.config);
  const config = { staffRoles: CASE_ROLES };

  app.get(
    '/',
    {
      config,
      schema: {
        summary: 'Find a case by its reference, within your municipalities',
        tags: ['staff'],
        querystring: StaffCaseSearch,
        response: { 200: StaffCaseList, ...errors },
      },
    },
    async (request) => {
      const staff = requireStaff(request, CASE_ROLES);
      const found = await caseSystem(ctx.db).caseByReference(request.query.reference);
      if (!found) return { cases: [] };
      if (!mayActIn(staff.grants, CASE_ROLES, found.municipality_code)) {
        await app.auditor.denied(request, {
          role: 'case_worker',
          action: 'search',
          objectType: 'case',
          objectId: found.id,
          purpose: null,
        });
        return { cases: [] };
      }
      await app.auditor.allowed(request, {
        role: actingRole(staff, CASE_ROLES),
        action: 'search',
        objectType: 'case',
        objectId: found.id,
        residentBsn: found.bsn,
        purpose: 'case_handling',
      });
      return { cases: [toStaffCaseSummary(found, ctx.consortium)] };
    },
  );

  app.get(
    '/:caseId',
    {
      config,
      schema: {
        summary: 'A case with its document requests and the documents the resident sent',
        tags: ['staff'],
        params: CaseParams,
        response: { 200: StaffCaseDetail, ...errors },
      },
    },
    async (request) => {
      const cases = caseSystem(ctx.db);
      const found = await caseInScope(request, await cases.staffCase(request.params.caseId), CASE_ROLES);
      const [requests, arrivals, snapshot, appointments] = await Promise.all([
        requestsOfCase(ctx.db, found.id),
        cases.arrivals({ caseId: found.id }),
        cases.findCase(found.id),
        deskAppointmentsOfCase(ctx.db, found.id),
      ]);
      await app.auditor.allowed(request, {
        role: actingRole(request.staff!, CASE_ROLES),
        action: 'read',
        objectType: 'case',
        objectId: found.id,
        residentBsn: found.bsn,
        purpose: 'case_handling',
      });
      const today = amsterdamDateOf(ctx.clock.now());
      return {
        case: toStaffCaseSummary(found, ctx.consortium),
        requests: requests.map((r) => toStaffRequest(r, today)),
        arrivals: arrivals.map(toStaffArrival),
        handling: toHandling(snapshot!, ctx.consortium, today),
        appointments: appointments.map((row) => toDeskAppointment(ctx.consortium, row, today)),
      };
    },
  );

  app.get(
    '/:caseId/documents/:documentId/content',
    {
      config,
      schema: {
        summary: 'Download a document of the case (always as an attachment, sandboxed)',
        tags: ['staff'],
        params: CaseDocumentParams,
        response: errors,
      },
    },
    async (request, reply) => {
      const cases = caseSystem(ctx.db);
      const found = await caseInScope(request, await cases.staffCase(request.params.caseId), CASE_ROLES);
      const document = await cases.documentOfCase(found.id, request.params.documentId);
      if (!document) throw notFound('Document');
      await app.auditor.allowed(request, {
        role: actingRole(request.staff!, CASE_ROLES),
        action: 'download',
        objectType: 'document',
        objectId: document.id,
        residentBsn: found.bsn,
        purpose: 'document_check',
      });
      return sendDownload(reply, blobs, document);
    },
  );

  app.get(
    '/:caseId/documents/:documentId/preview',
    {
      config,
      schema: {
        summary: 'Show a document of the case in the browser (PDF, JPEG, PNG), inline, framable by Loket only',
        description: 'Other types answer 415 DOCUMENT_NOT_PREVIEWABLE: download them instead.',
        tags: ['staff'],
        params: CaseDocumentParams,
        response: { ...errors, 415: ErrorResponse },
      },
    },
    async (request, reply) => {
      const cases = caseSystem(ctx.db);
      const found = await caseInScope(request, await cases.staffCase(request.params.caseId), CASE_ROLES);
      const document = await cases.documentOfCase(found.id, request.params.documentId);
      if (!document) throw notFound('Document');
      if (!PREVIEWABLE_TYPES.has(document.content_type)) {
        throw new AppError(415, 'DOCUMENT_NOT_PREVIEWABLE', 'The browser cannot show this type; download it');
      }
      await app.auditor.allowed(request, {
        role: actingRole(request.staff!, CASE_ROLES),
        action: 'read',
        objectType: 'document',
        objectId: document.id,
        residentBsn: found.bsn,
        purpose: 'document_check',
      });
      return sendDownload(reply, blobs, document, 'inline');
    },
  );
}
