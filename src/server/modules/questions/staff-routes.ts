/**
 * The case worker's side of residents' questions (issue 14): read the questions of a case and
 * answer one in plain words. The resident reads the answer under their question and gets a
 * message (inbox, and push or e-mail as they chose). Reads are audited before the answer
 * leaves; an answer, its audit entry and its notification commit together (the request's
 * transaction, dbFor). A case outside the staff's municipalities is 404, like a missing one.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { ErrorResponse } from '../../../domain/api';
import {
  CaseQuestionParams,
  QuestionAnswerInput,
  StaffQuestionList,
  StaffQuestionResponse,
  type StaffQuestion,
} from '../../../domain/questions-api';
import { CaseParams } from '../../../domain/staff-api';
import { caseSystemFor, type CaseQuestion } from '../../case-system/index';
import type { AppContext } from '../../context';
import { AppError, notFound } from '../../errors';
import { dbFor } from '../../idempotency';
import { CASE_ROLES, caseInScope } from '../casework/routes';
import { recordNotificationEvent } from '../notifications/events';
import { actingRole } from '../staff/session';

const errors = { 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };

function toStaffQuestion(question: CaseQuestion): StaffQuestion {
  return {
    id: question.id,
    text: question.text,
    askedAt: question.askedAt.toISOString(),
    answer: question.answer,
    answeredAt: question.answeredAt?.toISOString() ?? null,
  };
}

export async function questionStaffRoutes(fastify: FastifyInstance, { ctx }: { ctx: AppContext }): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const config = { staffRoles: CASE_ROLES };

  app.get(
    '/:caseId/questions',
    {
      config,
      schema: {
        summary: "The resident's questions on a case: open ones first (oldest first), then the answered ones",
        tags: ['staff'],
        params: CaseParams,
        response: { 200: StaffQuestionList, ...errors },
      },
    },
    async (request) => {
      const cases = caseSystemFor(ctx, ctx.db);
      const found = await caseInScope(request, await cases.staffCase(request.params.caseId), CASE_ROLES);
      const questions = await cases.questionsOfCase(found.id);
      await app.auditor.allowed(request, {
        role: actingRole(request.staff!, CASE_ROLES),
        action: 'read',
        objectType: 'question',
        objectId: found.id,
        residentBsn: found.bsn,
        purpose: 'case_handling',
      });
      return { questions: questions.map(toStaffQuestion) };
    },
  );

  app.post(
    '/:caseId/questions/:questionId/answer',
    {
      config,
      schema: {
        summary: 'Answer a question in plain words (the resident reads it under the question and gets a message)',
        description:
          'Requires an Idempotency-Key header; a retry with the same key returns the first answer. A question is answered once: a second answer is 409 QUESTION_ALREADY_ANSWERED.',
        tags: ['staff'],
        params: CaseQuestionParams,
        body: QuestionAnswerInput,
        response: { 200: StaffQuestionResponse, 400: ErrorResponse, ...errors, 409: ErrorResponse, 422: ErrorResponse },
      },
    },
    async (request) => {
      const db = dbFor(request, ctx);
      const cases = caseSystemFor(ctx, db);
      const found = await caseInScope(request, await cases.staffCase(request.params.caseId), CASE_ROLES);
      const outcome = await cases.answerQuestion(found.id, request.params.questionId, {
        // Line ends as typed (paragraphs help a B1 reader), the edges trimmed.
        text: request.body.answer.replace(/\r\n?/g, '\n').trim(),
        answeredAt: ctx.clock.now(),
        answeredBy: request.staff!.accountId,
      });
      if (outcome === 'not_found') throw notFound('Question');
      if (outcome === 'already_answered') {
        throw new AppError(409, 'QUESTION_ALREADY_ANSWERED', 'This question has an answer already');
      }
      await recordNotificationEvent(db, ctx.clock, {
        type: 'question_answered',
        residentBsn: found.bsn,
        caseId: found.id,
        objectId: outcome.id,
        link: `/aanvragen/${found.id}`,
      });
      await app.auditor.allowed(request, {
        role: actingRole(request.staff!, CASE_ROLES),
        action: 'update',
        objectType: 'question',
        objectId: outcome.id,
        residentBsn: found.bsn,
        purpose: 'case_handling',
      });
      return { question: toStaffQuestion(outcome) };
    },
  );
}
