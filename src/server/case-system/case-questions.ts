/**
 * Loket's tables: residents' questions on a case (case_questions) as the case worker reads and
 * answers them. A question is Loket's own data whatever system holds the cases (README.md).
 */
import type { Kysely, Selectable } from 'kysely';
import { sql } from 'kysely';
import type { CaseQuestionsTable, Database } from '../db/schema';
import { isUuid } from './uuid';

export type QuestionRow = Selectable<CaseQuestionsTable>;

/** Open questions first, oldest first (they waited longest); then the answered ones, newest first. */
export async function questionsOfCase(db: Kysely<Database>, caseId: string): Promise<QuestionRow[]> {
  if (!isUuid(caseId)) return [];
  return db
    .selectFrom('case_questions')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy(sql`answered_at is null`, 'desc')
    .orderBy(sql`case when answered_at is null then asked_at end`, 'asc')
    .orderBy('asked_at', 'desc')
    .orderBy('id')
    .execute();
}

/**
 * Stores the answer once: a question already answered stays as the resident read it (the
 * update only touches an open question, so two case workers answering at once cannot both win).
 */
export async function answerQuestion(
  db: Kysely<Database>,
  caseId: string,
  questionId: string,
  answer: { text: string; answeredAt: Date; answeredBy: string },
): Promise<QuestionRow | 'not_found' | 'already_answered'> {
  if (!isUuid(caseId) || !isUuid(questionId)) return 'not_found';
  const updated = await db
    .updateTable('case_questions')
    .set({ answer: answer.text, answered_at: answer.answeredAt, answered_by: answer.answeredBy })
    .where('id', '=', questionId)
    .where('case_id', '=', caseId)
    .where('answered_at', 'is', null)
    .returningAll()
    .executeTakeFirst();
  if (updated) return updated;
  const exists = await db
    .selectFrom('case_questions')
    .select('id')
    .where('id', '=', questionId)
    .where('case_id', '=', caseId)
    .executeTakeFirst();
  return exists ? 'already_answered' : 'not_found';
}
