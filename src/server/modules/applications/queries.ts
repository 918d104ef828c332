/**
 * Reads cases the way the resident sees them. A case is found only through the resident's
 * own role on it, so another resident's case id simply does not exist for them (404).
 * Related rows are fetched per table for all cases at once: a fixed number of queries,
 * whatever the number of cases.
 */
import type { Kysely, Selectable } from 'kysely';
import type {
  CaseExtensionsTable,
  CasePropertiesTable,
  CaseQuestionsTable,
  CaseResultsTable,
  CasesTable,
  CaseStatusesTable,
  Database,
  DocumentRequestsTable,
  DocumentsTable,
} from '../../db/schema';

export interface CaseRecord {
  case: Selectable<CasesTable>;
  statuses: Selectable<CaseStatusesTable>[];
  requests: Selectable<DocumentRequestsTable>[];
  result: (Selectable<CaseResultsTable> & { letter_title: Selectable<DocumentsTable>['title'] | null }) | null;
  extension: Selectable<CaseExtensionsTable> | null;
  properties: Map<string, string>;
  questions: Selectable<CaseQuestionsTable>[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function casesOfResident(db: Kysely<Database>, bsn: string, caseId?: string): Promise<CaseRecord[]> {
  if (caseId !== undefined && !UUID.test(caseId)) return [];
  let query = db
    .selectFrom('cases')
    .innerJoin('case_roles', 'case_roles.case_id', 'cases.id')
    .selectAll('cases')
    .where('case_roles.bsn', '=', bsn)
    .where('case_roles.role_type', '=', 'initiator');
  if (caseId !== undefined) query = query.where('cases.id', '=', caseId);
  const cases = await query.orderBy('cases.registered_on', 'desc').orderBy('cases.reference').execute();
  if (cases.length === 0) return [];

  const ids = cases.map((c) => c.id);
  const [statuses, requests, results, extensions, properties, questions] = await Promise.all([
    db.selectFrom('case_statuses').selectAll().where('case_id', 'in', ids).orderBy('set_at').execute(),
    db.selectFrom('document_requests').selectAll().where('case_id', 'in', ids).orderBy('due_date').execute(),
    db
      .selectFrom('case_results')
      .leftJoin('documents', 'documents.id', 'case_results.letter_document_id')
      .selectAll('case_results')
      .select('documents.title as letter_title')
      .where('case_results.case_id', 'in', ids)
      .execute(),
    db.selectFrom('case_extensions').selectAll().where('case_id', 'in', ids).execute(),
    db.selectFrom('case_properties').selectAll().where('case_id', 'in', ids).execute(),
    db.selectFrom('case_questions').selectAll().where('case_id', 'in', ids).orderBy('asked_at').orderBy('id').execute(),
  ]);

  return cases.map((c) => ({
    case: c,
    statuses: statuses.filter((s) => s.case_id === c.id),
    requests: requests.filter((r) => r.case_id === c.id),
    result: results.find((r) => r.case_id === c.id) ?? null,
    extension: extensions.find((e) => e.case_id === c.id) ?? null,
    properties: new Map(
      properties.filter((p: Selectable<CasePropertiesTable>) => p.case_id === c.id).map((p) => [p.name, p.value]),
    ),
    questions: questions.filter((q) => q.case_id === c.id),
  }));
}
