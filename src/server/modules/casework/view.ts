/** Rows to what staff read (src/domain/staff-api.ts shapes). */
import type { Consortium } from '../../../domain/consortium';
import type { IsoDate } from '../../../domain/dates';
import { documentRequestState } from '../../../domain/deadlines';
import type { StaffArrival, StaffCaseSummary, StaffDocumentRequest } from '../../../domain/staff-api';
import type { Arrival, StaffCaseRow } from '../../case-system/index';
import type { RequestRow } from '../documents/queries';

export function toStaffCaseSummary(row: StaffCaseRow, consortium: Consortium): StaffCaseSummary {
  const scheme = consortium.schemes.find((s) => s.code === row.case_type);
  const municipality = consortium.municipalities.find((m) => m.code === row.municipality_code);
  return {
    id: row.id,
    reference: row.reference,
    scheme: { code: row.case_type, name: scheme?.name ?? { nl: row.case_type, en: row.case_type } },
    municipality: { code: row.municipality_code, name: municipality?.name ?? row.municipality_code },
    registeredOn: row.registered_on,
    residentName: row.resident_name,
  };
}

export function toStaffRequest(row: RequestRow, today: IsoDate): StaffDocumentRequest {
  return {
    id: row.id,
    title: { nl: row.title_nl, en: row.title_en },
    reason: { nl: row.reason_nl, en: row.reason_en },
    requestedOn: row.requested_on,
    dueDate: row.due_date,
    state: documentRequestState(row.state, row.due_date, today),
    rejectionReason: row.state === 'rejected' ? row.rejection_reason : null,
    awaitsJudgement: row.state === 'received',
  };
}

export function toStaffArrival(arrival: Arrival): StaffArrival {
  return {
    documentId: arrival.documentId,
    requestId: arrival.requestId,
    title: arrival.title,
    fileName: arrival.fileName,
    contentType: arrival.contentType,
    sizeBytes: arrival.sizeBytes,
    receivedAt: arrival.receivedAt.toISOString(),
  };
}
