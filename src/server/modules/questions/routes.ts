/**
 * A resident asks the case worker a question about their application. The first mutating
 * endpoint: it goes through the outbox on the client and the idempotency plugin here, so a
 * question queued offline and replayed any number of times is stored exactly once.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { ErrorResponse, IdParams, NewQuestion, QuestionCreated } from '../../../domain/api';
import { amsterdamDateOf } from '../../../domain/dates';
import type { ModuleOptions } from '../../context';
import { AppError, notFound } from '../../errors';
import { dbFor } from '../../idempotency';
import { caseSystemFor } from '../../case-system/index';
import { isClosedForQuestions, toQuestion } from '../applications/service';
import { requireResident } from '../auth/session-hook';

export async function questionRoutes(fastify: FastifyInstance, { ctx }: ModuleOptions): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.post(
    '/:id/questions',
    {
      schema: {
        summary: 'Ask a question about one of your applications',
        description: 'Requires an Idempotency-Key header; a retry with the same key returns the first answer.',
        tags: ['applications'],
        params: IdParams,
        body: NewQuestion,
        response: {
          201: QuestionCreated,
          400: ErrorResponse,
          401: ErrorResponse,
          404: ErrorResponse,
          409: ErrorResponse,
          422: ErrorResponse,
        },
      },
    },
    async (request, reply) => {
      const { bsn } = requireResident(request);
      const cases = caseSystemFor(ctx, dbFor(request, ctx));
      const [record] = await cases.residentCases(bsn, request.params.id);
      if (!record) throw notFound('Application');
      if (isClosedForQuestions(record, amsterdamDateOf(ctx.clock.now()))) {
        throw new AppError(409, 'CASE_CLOSED', 'This application is closed for questions');
      }
      const question = await cases.addQuestion(record.case.id, {
        bsn,
        text: request.body.text.trim(),
        askedAt: ctx.clock.now(),
      });
      return reply.status(201).send({ question: toQuestion(question) });
    },
  );
}
