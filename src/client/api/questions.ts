import type { NewQuestion, QuestionCreated } from '../../domain/api';
import type { NewOutboxItem } from '../../domain/outbox';

/**
 * POST /api/applications/:id/questions, as an outbox item: a question is never sent directly,
 * it is queued (with an Idempotency-Key) and delivered by the outbox, online or not.
 * The answer, once sent, is a QuestionCreated.
 */
export function askQuestion(applicationId: string, text: string): NewOutboxItem<NewQuestion> {
  return {
    kind: 'question',
    method: 'POST',
    url: `/api/applications/${encodeURIComponent(applicationId)}/questions`,
    body: { text },
    subject: applicationId,
  };
}

export function isQuestionCreated(response: unknown): response is QuestionCreated {
  const question = (response as QuestionCreated | null)?.question;
  return typeof question?.id === 'string' && typeof question.text === 'string';
}
