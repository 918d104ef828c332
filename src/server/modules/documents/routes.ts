/**
 * The resident's side of documents on an application (issue 4): what is asked and what was
 * sent (GET), registering a finished tus upload as a document (POST, idempotent), and safe
 * downloads of their own documents and the service's letters. A foreign case answers 404.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import {
  CaseDocuments,
  DocumentCreated,
  DocumentParams,
  ErrorResponse,
  IdParams,
  NewDocument,
} from '../../../domain/api';
import { amsterdamDateOf } from '../../../domain/dates';
import { caseSystemFor } from '../../case-system/index';
import type { AppContext } from '../../context';
import { notFound } from '../../errors';
import { dbFor } from '../../idempotency';
import { requireResident } from '../auth/session-hook';
import { sendDownload } from './download';
import { requestsOfCase } from './queries';
import { prepareUpload, registerDocument } from './registration';
import type { DocumentServices } from './services';
import { toCaseDocuments, toDocumentInfo } from './view';

interface DocumentRouteOptions {
  ctx: AppContext;
  services: DocumentServices;
}

const errors = { 400: ErrorResponse, 401: ErrorResponse, 404: ErrorResponse };

export async function caseDocumentRoutes(
  fastify: FastifyInstance,
  { ctx, services }: DocumentRouteOptions,
): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/:id/documents',
    {
      schema: {
        summary: 'Document requests (open first) with the files sent, own-initiative documents and letters',
        tags: ['documents'],
        params: IdParams,
        response: { 200: CaseDocuments, ...errors },
      },
    },
    async (request) => {
      const { bsn } = requireResident(request);
      const cases = caseSystemFor(ctx, ctx.db);
      const caseId = (await cases.residentCase(bsn, request.params.id))?.id;
      if (!caseId) throw notFound('Application');
      const [requests, documents] = await Promise.all([requestsOfCase(ctx.db, caseId), cases.documentsOfCase(caseId)]);
      return toCaseDocuments(requests, documents, amsterdamDateOf(ctx.clock.now()), services.limits.dailyBytes);
    },
  );

  app.post(
    '/:id/documents',
    {
      schema: {
        summary: 'Register a finished tus upload as a document, after the checks',
        description:
          'Requires an Idempotency-Key header. Runs the checks (type, size, scan, metadata removal) and stores the ' +
          'document exactly once; a retry with the same key returns the first answer.',
        tags: ['documents'],
        params: IdParams,
        body: NewDocument,
        response: {
          201: DocumentCreated,
          ...errors,
          409: ErrorResponse,
          413: ErrorResponse,
          415: ErrorResponse,
          422: ErrorResponse,
          503: ErrorResponse,
        },
      },
      // Before the idempotency plugin opens its transaction (preHandler): the checks are slow.
      preValidation: async (request) => {
        if (!request.resident) return;
        const body = request.body as { uploadId?: unknown } | undefined;
        const caseId = (request.params as { id: string }).id;
        await prepareUpload(ctx, services, request.log, request.resident.bsn, caseId, body?.uploadId);
      },
      onResponse: async (request, reply) => {
        // The bytes now live in the blob store; the tus copy is no longer needed.
        if (reply.statusCode === 201 && !reply.getHeader('idempotent-replayed')) {
          await services.uploads.remove((request.body as { uploadId: string }).uploadId);
        }
      },
    },
    async (request, reply) => {
      const { bsn } = requireResident(request);
      const db = dbFor(request, ctx);
      const document = await registerDocument(ctx, db, bsn, request.params.id, request.body);
      return reply.status(201).send({ document: toDocumentInfo(document) });
    },
  );

  app.get(
    '/:id/documents/:documentId/content',
    {
      schema: {
        summary: 'Download one of your documents or a letter (always as an attachment)',
        tags: ['documents'],
        params: DocumentParams,
        response: errors,
      },
    },
    async (request, reply) => {
      const { bsn } = requireResident(request);
      const cases = caseSystemFor(ctx, ctx.db);
      const caseId = (await cases.residentCase(bsn, request.params.id))?.id;
      const document = caseId ? await cases.documentOfCase(caseId, request.params.documentId) : undefined;
      if (!document) throw notFound('Document');
      return sendDownload(reply, services.blobs, document);
    },
  );
}
