/**
 * Loket's tables: cases the way the resident sees them. A case is found only through the resident's
 * own role on it, so another resident's case id simply does not exist for them (404).
 * One statement whatever the number of cases: the related rows come along as JSON arrays
 * (correlated subqueries on each table's case_id index). Seven statements per list were most of
 * a list request's time on PGlite, which runs one statement at a time (issue 7, API ratio).
 */
import type { Kysely, Selectable } from 'kysely';
import { jsonArrayFrom, jsonObjectFrom } from 'kysely/helpers/postgres';
import type { OpenCase } from './case-system';
import { isUuid } from './uuid';
import type {
  CaseExtensionsTable,
  CaseQuestionsTable,
  CaseResultsTable,
  CasesTable,
  CaseStatusesTable,
  Database,
  DocumentRequestsTable,
  DocumentsTable,
} from '../db/schema';

export interface CaseRecord {
  case: Selectable<CasesTable>;
  statuses: Selectable<CaseStatusesTable>[];
  requests: Selectable<DocumentRequestsTable>[];
  result: (Selectable<CaseResultsTable> & { letter_title: Selectable<DocumentsTable>['title'] | null }) | null;
  extension: Selectable<CaseExtensionsTable> | null;
  properties: Map<string, string>;
  questions: Selectable<CaseQuestionsTable>[];
}

/** JSON has no timestamp type: timestamptz columns arrive as ISO strings inside the arrays. */
const toDate = (value: Date | string) => new Date(value);

export async function casesOfResident(db: Kysely<Database>, bsn: string, caseId?: string): Promise<CaseRecord[]> {
  if (caseId !== undefined && !isUuid(caseId)) return [];
  let query = db
    .selectFrom('cases')
    .innerJoin('case_roles', 'case_roles.case_id', 'cases.id')
    .selectAll('cases')
    .select((eb) => [
      jsonArrayFrom(
        eb
          .selectFrom('case_statuses')
          .selectAll('case_statuses')
          .whereRef('case_statuses.case_id', '=', 'cases.id')
          .orderBy('set_at'),
      ).as('statuses'),
      jsonArrayFrom(
        eb
          .selectFrom('document_requests')
          .selectAll('document_requests')
          .whereRef('document_requests.case_id', '=', 'cases.id')
          .orderBy('due_date'),
      ).as('requests'),
      jsonObjectFrom(
        eb
          .selectFrom('case_results')
          .leftJoin('documents', 'documents.id', 'case_results.letter_document_id')
          .selectAll('case_results')
          .select('documents.title as letter_title')
          .whereRef('case_results.case_id', '=', 'cases.id'),
      ).as('result'),
      jsonObjectFrom(
        eb
          .selectFrom('case_extensions')
          .selectAll('case_extensions')
          .whereRef('case_extensions.case_id', '=', 'cases.id'),
      ).as('extension'),
      jsonArrayFrom(
        eb.selectFrom('case_properties').select(['name', 'value']).whereRef('case_properties.case_id', '=', 'cases.id'),
      ).as('properties'),
      jsonArrayFrom(
        eb
          .selectFrom('case_questions')
          .selectAll('case_questions')
          .whereRef('case_questions.case_id', '=', 'cases.id')
          .orderBy('asked_at')
          .orderBy('id'),
      ).as('questions'),
    ])
    .where('case_roles.bsn', '=', bsn)
    .where('case_roles.role_type', '=', 'initiator');
  if (caseId !== undefined) query = query.where('cases.id', '=', caseId);
  const rows = await query.orderBy('cases.registered_on', 'desc').orderBy('cases.reference').execute();

  return rows.map(({ statuses, requests, result, extension, properties, questions, ...c }) => ({
    case: c,
    statuses: statuses.map((s) => ({ ...s, set_at: toDate(s.set_at) })),
    requests: requests.map((r) => ({ ...r, judged_at: r.judged_at === null ? null : toDate(r.judged_at) })),
    result,
    extension,
    properties: new Map(properties.map((p) => [p.name, p.value])),
    questions: questions.map((q) => ({
      ...q,
      asked_at: toDate(q.asked_at),
      answered_at: q.answered_at === null ? null : toDate(q.answered_at),
    })),
  }));
}

/** The resident's cases without a result (ZGW: no resultaat yet), oldest first. */
export async function openCasesOf(db: Kysely<Database>, bsn: string): Promise<OpenCase[]> {
  const rows = await db
    .selectFrom('cases')
    .innerJoin('case_roles', 'case_roles.case_id', 'cases.id')
    .leftJoin('case_results', 'case_results.case_id', 'cases.id')
    .select(['cases.id', 'cases.case_type'])
    .where('case_roles.bsn', '=', bsn)
    .where('case_roles.role_type', '=', 'initiator')
    .where('case_results.case_id', 'is', null)
    .orderBy('cases.registered_on')
    .execute();
  return rows.map((r) => ({ id: r.id, caseType: r.case_type }));
}

export async function ownCase(db: Kysely<Database>, bsn: string, caseId: string): Promise<OpenCase | undefined> {
  if (!isUuid(caseId)) return undefined;
  const row = await db
    .selectFrom('cases')
    .innerJoin('case_roles', 'case_roles.case_id', 'cases.id')
    .select(['cases.id', 'cases.case_type'])
    .where('cases.id', '=', caseId)
    .where('case_roles.bsn', '=', bsn)
    .where('case_roles.role_type', '=', 'initiator')
    .executeTakeFirst();
  return row ? { id: row.id, caseType: row.case_type } : undefined;
}

export async function addQuestion(
  db: Kysely<Database>,
  caseId: string,
  question: { bsn: string; text: string; askedAt: Date },
): Promise<Selectable<CaseQuestionsTable>> {
  return db
    .insertInto('case_questions')
    .values({ case_id: caseId, bsn: question.bsn, text: question.text, asked_at: question.askedAt })
    .returningAll()
    .executeTakeFirstOrThrow();
}
