/**
 * The default case system: Loket's own tables (migration 001: cases, case_roles,
 * case_statuses, case_extensions, case_results, case_properties, case_questions,
 * case_documents). The queries are in this folder (resident-cases.ts, staff-cases.ts,
 * case-documents.ts): it is the only code that knows these tables (case-tables.test.ts).
 * Staff and resident read one case through the same query, so both see exactly the same case.
 */
import type { Kysely } from 'kysely';
import type { IsoDate } from '../../domain/dates';
import { newBlobKey, type BlobStore } from '../blobs/index';
import type { Database } from '../db/schema';
import { arrivals, documentOfCase, documentsOfCase, registerDocument } from './case-documents';
import type {
  CaseQuestion,
  CaseSnapshot,
  CaseSystem,
  CaseSystemHooks,
  CaseSystemProvider,
  CaseWorkload,
} from './case-system';
import { addQuestion, casesOfResident, openCasesOf, ownCase, type CaseRecord } from './resident-cases';
import { answerQuestion, questionsOfCase, type QuestionRow } from './case-questions';
import { caseByReference, caseForStaff, caseReferences, initiatorsOf } from './staff-cases';
import { workloadOf } from './workload';
import { isUuid } from './uuid';

function toSnapshot(record: CaseRecord, resident: { bsn: string; name: string }): CaseSnapshot {
  const { case: c, result, extension } = record;
  return {
    id: c.id,
    reference: c.reference,
    caseType: c.case_type,
    municipalityCode: c.municipality_code,
    registeredOn: c.registered_on as IsoDate,
    decisionTermWeeks: c.decision_term_weeks,
    resident,
    statuses: record.statuses.map((s) => ({ statusType: s.status_type, setAt: s.set_at, note: s.note })),
    repairRequests: record.requests.map((r) => ({
      requestedOn: r.requested_on as IsoDate,
      dueDate: r.due_date as IsoDate,
      receivedOn: r.received_on as IsoDate | null,
    })),
    extension: extension
      ? { weeks: extension.weeks, noticeOn: extension.notice_on as IsoDate, reason: extension.reason }
      : null,
    result: result
      ? {
          resultType: result.result_type,
          decidedOn: result.decided_on as IsoDate,
          letter: result.letter_document_id
            ? { documentId: result.letter_document_id, title: result.letter_title ?? '' }
            : null,
        }
      : null,
  };
}

function toCaseQuestion(row: QuestionRow): CaseQuestion {
  return { id: row.id, text: row.text, askedAt: row.asked_at, answer: row.answer, answeredAt: row.answered_at };
}

class OwnTablesCaseSystem implements CaseSystem {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly blobs: BlobStore,
    private readonly hooks: CaseSystemHooks = {},
  ) {}

  async findCase(caseId: string): Promise<CaseSnapshot | undefined> {
    if (!isUuid(caseId)) return undefined;
    const initiator = await this.db
      .selectFrom('case_roles')
      .innerJoin('persons', 'persons.bsn', 'case_roles.bsn')
      .select(['persons.bsn', 'persons.name'])
      .where('case_roles.case_id', '=', caseId)
      .where('case_roles.role_type', '=', 'initiator')
      .executeTakeFirst();
    if (!initiator) return undefined;
    const [record] = await casesOfResident(this.db, initiator.bsn, caseId);
    return record ? toSnapshot(record, initiator) : undefined;
  }

  residentCases(bsn: string, caseId?: string) {
    return casesOfResident(this.db, bsn, caseId);
  }

  residentCase(bsn: string, caseId: string) {
    return ownCase(this.db, bsn, caseId);
  }

  openCasesOfResident(bsn: string) {
    return openCasesOf(this.db, bsn);
  }

  addQuestion(caseId: string, question: { bsn: string; text: string; askedAt: Date }) {
    return addQuestion(this.db, caseId, question);
  }

  staffCase(caseId: string) {
    return caseForStaff(this.db, caseId);
  }

  caseByReference(reference: string) {
    return caseByReference(this.db, reference);
  }

  caseReferences(caseIds: readonly string[]) {
    return caseReferences(this.db, caseIds);
  }

  initiatorsOf(caseIds: readonly string[]) {
    return initiatorsOf(this.db, caseIds);
  }

  async workload(municipalities: 'all' | readonly string[]): Promise<CaseWorkload[]> {
    const rows = await workloadOf(this.db, municipalities);
    return rows.map((row) => ({
      id: row.id,
      reference: row.reference,
      caseType: row.case_type,
      municipalityCode: row.municipality_code,
      residentBsn: row.bsn,
      term: {
        registeredOn: row.registered_on as IsoDate,
        decisionTermWeeks: row.decision_term_weeks,
        extension: row.extension
          ? { weeks: row.extension.weeks, noticeOn: row.extension.notice_on as IsoDate, reason: row.extension.reason }
          : null,
        repairRequests: row.requests.map((r) => ({
          requestedOn: r.requested_on as IsoDate,
          dueDate: r.due_date as IsoDate,
          receivedOn: r.received_on as IsoDate | null,
        })),
      },
      decided: row.decided,
      requests: row.requests.map((r) => ({
        id: r.id,
        state: r.state,
        dueDate: r.due_date as IsoDate,
        receivedOn: r.received_on as IsoDate | null,
      })),
      openQuestionsAskedAt: row.openQuestionsAskedAt,
    }));
  }

  async questionsOfCase(caseId: string): Promise<CaseQuestion[]> {
    return (await questionsOfCase(this.db, caseId)).map(toCaseQuestion);
  }

  async answerQuestion(caseId: string, questionId: string, answer: Parameters<CaseSystem['answerQuestion']>[2]) {
    const outcome = await answerQuestion(this.db, caseId, questionId, answer);
    return typeof outcome === 'string' ? outcome : toCaseQuestion(outcome);
  }

  registerDocument(caseId: string, documentId: string, registeredAt: Date) {
    return registerDocument(this.db, caseId, documentId, registeredAt);
  }

  documentsOfCase(caseId: string) {
    return documentsOfCase(this.db, caseId);
  }

  documentOfCase(caseId: string, documentId: string) {
    return documentOfCase(this.db, caseId, documentId);
  }

  arrivals(filter?: { caseId?: string; since?: Date; limit?: number }) {
    return arrivals(this.db, filter);
  }

  async changeStatus(caseId: string, status: { statusType: string; setAt: Date; note: string | null }): Promise<void> {
    await this.db
      .insertInto('case_statuses')
      .values({ case_id: caseId, status_type: status.statusType, set_at: status.setAt, note: status.note })
      .execute();
  }

  async extendTerm(caseId: string, extension: { weeks: number; noticeOn: IsoDate; reason: string }) {
    const inserted = await this.db
      .insertInto('case_extensions')
      .values({ case_id: caseId, weeks: extension.weeks, notice_on: extension.noticeOn, reason: extension.reason })
      .onConflict((oc) => oc.column('case_id').doNothing())
      .executeTakeFirst();
    return Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0 ? ('extended' as const) : ('already_extended' as const);
  }

  async recordDecision(caseId: string, decision: Parameters<CaseSystem['recordDecision']>[1]) {
    const inserted = await this.db
      .insertInto('case_results')
      .values({
        case_id: caseId,
        result_type: decision.result,
        decided_on: decision.decidedOn,
        letter_document_id: null,
      })
      .onConflict((oc) => oc.column('case_id').doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return 'already_decided' as const;
    await this.changeStatus(caseId, decision.status);
    return 'recorded' as const;
  }

  async attachLetter(caseId: string, letter: Parameters<CaseSystem['attachLetter']>[1]) {
    const result = await this.db
      .selectFrom('case_results')
      .select('letter_document_id')
      .where('case_id', '=', caseId)
      .executeTakeFirst();
    if (!result) return 'no_decision' as const;
    if (result.letter_document_id) return 'letter_exists' as const;
    const key = newBlobKey('letters');
    // The file first (a reader must never find a row without its file); if the rows do not
    // commit, the file goes too: a decision letter is personal data and must not stay behind.
    await this.blobs.put(key, letter.bytes);
    const forget = () => this.blobs.delete(key);
    this.hooks.onRollback?.(forget);
    try {
      return await this.linkLetter(caseId, letter, key, forget);
    } catch (error) {
      await forget().catch(() => undefined);
      throw error;
    }
  }

  private async linkLetter(
    caseId: string,
    letter: Parameters<CaseSystem['attachLetter']>[1],
    key: string,
    forget: () => Promise<void>,
  ) {
    const { id } = await this.db
      .insertInto('documents')
      .values({
        title: letter.title,
        file_name: letter.fileName,
        content_type: letter.contentType,
        size_bytes: letter.bytes.length,
        storage_key: key,
        sha256: letter.sha256,
        origin: 'service',
        created_at: letter.sentAt,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await registerDocument(this.db, caseId, id, letter.sentAt);
    const linked = await this.db
      .updateTable('case_results')
      .set({ letter_document_id: id })
      .where('case_id', '=', caseId)
      .where('letter_document_id', 'is', null)
      .executeTakeFirst();
    // Another request linked a letter meanwhile: this one's rows roll back with its transaction,
    // and its file goes now.
    if (Number(linked.numUpdatedRows) === 0) {
      await forget();
      return 'letter_exists' as const;
    }
    return { documentId: id };
  }
}

export const ownTablesCaseSystem =
  (blobs: BlobStore): CaseSystemProvider =>
  (db, hooks) =>
    new OwnTablesCaseSystem(db, blobs, hooks);
