/**
 * Loket's tables: the cases of some municipalities that ask something of a case worker (issue
 * 14, the worklist): not yet decided, or with a question without an answer, or with a document
 * that waits for a judgement. One statement whatever the number of cases: the related rows come
 * along as JSON arrays, as in resident-cases.ts. The document requests are the documents
 * module's; they come along because the decision term depends on them (Awb 4:15).
 */
import type { Kysely, Selectable } from 'kysely';
import { jsonArrayFrom, jsonObjectFrom } from 'kysely/helpers/postgres';
import type { CaseExtensionsTable, Database, DocumentRequestsTable } from '../db/schema';

export interface CaseWorkloadRow {
  id: string;
  reference: string;
  case_type: string;
  municipality_code: string;
  registered_on: string;
  decision_term_weeks: number;
  bsn: string;
  decided: boolean;
  extension: Selectable<CaseExtensionsTable> | null;
  requests: Selectable<DocumentRequestsTable>[];
  /** When each open question was asked, oldest first */
  openQuestionsAskedAt: Date[];
}

export async function workloadOf(
  db: Kysely<Database>,
  municipalities: 'all' | readonly string[],
): Promise<CaseWorkloadRow[]> {
  if (municipalities !== 'all' && municipalities.length === 0) return [];
  let query = db
    .selectFrom('cases')
    .innerJoin('case_roles', (join) =>
      join.onRef('case_roles.case_id', '=', 'cases.id').on('case_roles.role_type', '=', 'initiator'),
    )
    .select((eb) => [
      'cases.id',
      'cases.reference',
      'cases.case_type',
      'cases.municipality_code',
      'cases.registered_on',
      'cases.decision_term_weeks',
      'case_roles.bsn',
      eb
        .exists(eb.selectFrom('case_results').select('case_id').whereRef('case_results.case_id', '=', 'cases.id'))
        .as('decided'),
      jsonObjectFrom(
        eb
          .selectFrom('case_extensions')
          .selectAll('case_extensions')
          .whereRef('case_extensions.case_id', '=', 'cases.id'),
      ).as('extension'),
      jsonArrayFrom(
        eb
          .selectFrom('document_requests')
          .selectAll('document_requests')
          .whereRef('document_requests.case_id', '=', 'cases.id')
          .orderBy('due_date'),
      ).as('requests'),
      jsonArrayFrom(
        eb
          .selectFrom('case_questions')
          .select('asked_at')
          .whereRef('case_questions.case_id', '=', 'cases.id')
          .where('case_questions.answered_at', 'is', null)
          .orderBy('asked_at'),
      ).as('open_questions'),
    ])
    .where((eb) =>
      eb.or([
        eb.not(
          eb.exists(eb.selectFrom('case_results').select('case_id').whereRef('case_results.case_id', '=', 'cases.id')),
        ),
        eb.exists(
          eb
            .selectFrom('case_questions')
            .select('id')
            .whereRef('case_questions.case_id', '=', 'cases.id')
            .where('case_questions.answered_at', 'is', null),
        ),
        eb.exists(
          eb
            .selectFrom('document_requests')
            .select('id')
            .whereRef('document_requests.case_id', '=', 'cases.id')
            .where('document_requests.state', '=', 'received'),
        ),
      ]),
    );
  if (municipalities !== 'all') query = query.where('cases.municipality_code', 'in', [...municipalities]);
  const rows = await query.orderBy('cases.registered_on').orderBy('cases.reference').execute();
  return rows.map(({ open_questions, requests, ...row }) => ({
    ...row,
    decided: Boolean(row.decided),
    requests: requests.map((r) => ({ ...r, judged_at: r.judged_at === null ? null : new Date(r.judged_at) })),
    openQuestionsAskedAt: open_questions.map((q) => new Date(q.asked_at)),
  }));
}
