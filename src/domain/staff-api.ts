/**
 * The API contract of the staff side (/api/staff, issue 6) and of the resident's access log
 * (/api/me/access-log), as TypeBox schemas. Apart from api.ts so the resident side of the
 * contract stays readable; the client imports only the types.
 */
import { Type, type Static } from '@sinclair/typebox';
import { DocumentRequestState, LocalizedText } from './api';
import { CaseHandling } from './casework-api';
import { DeskAppointment } from './desk-api';
import { AUDIT_ACTIONS, AUDIT_OBJECT_TYPES, AUDIT_PURPOSES, STAFF_ROLES } from './staff';
import { literals } from './literals';

const IsoDate = Type.String({ format: 'date', description: 'Calendar date YYYY-MM-DD' });
const IsoDateTime = Type.String({ format: 'date-time' });

const StaffRoleSchema = literals(STAFF_ROLES);

const RoleGrantSchema = Type.Object({
  role: StaffRoleSchema,
  /** '*' for the whole consortium, else a CBS municipality code */
  scope: Type.String(),
});

export const StaffMe = Type.Object({
  staff: Type.Object({ id: Type.String({ format: 'uuid' }), name: Type.String(), grants: Type.Array(RoleGrantSchema) }),
  session: Type.Object({ idleExpiresAt: IsoDateTime, absoluteExpiresAt: IsoDateTime }),
});
export type StaffMe = Static<typeof StaffMe>;

export const StaffCaseSummary = Type.Object({
  id: Type.String({ format: 'uuid' }),
  reference: Type.String(),
  scheme: Type.Object({ code: Type.String(), name: LocalizedText }),
  municipality: Type.Object({ code: Type.String(), name: Type.String() }),
  registeredOn: IsoDate,
  /** The resident's name: enough to greet and recognise them; the BSN is not needed here */
  residentName: Type.String(),
});
export type StaffCaseSummary = Static<typeof StaffCaseSummary>;

export const StaffCaseSearch = Type.Object({
  reference: Type.String({ minLength: 1, maxLength: 40 }),
});

export const StaffCaseList = Type.Object({ cases: Type.Array(StaffCaseSummary) });
export type StaffCaseList = Static<typeof StaffCaseList>;

export const StaffArrival = Type.Object({
  documentId: Type.String({ format: 'uuid' }),
  requestId: Type.Union([Type.String({ format: 'uuid' }), Type.Null()]),
  title: Type.String(),
  fileName: Type.String(),
  contentType: Type.String(),
  sizeBytes: Type.Integer({ minimum: 0 }),
  receivedAt: IsoDateTime,
});
export type StaffArrival = Static<typeof StaffArrival>;

export const StaffDocumentRequest = Type.Object({
  id: Type.String({ format: 'uuid' }),
  title: LocalizedText,
  reason: LocalizedText,
  requestedOn: IsoDate,
  dueDate: IsoDate,
  state: DocumentRequestState,
  rejectionReason: Type.Union([Type.String(), Type.Null()]),
  /** True when something arrived that waits for a judgement (accept or reject) */
  awaitsJudgement: Type.Boolean(),
});
export type StaffDocumentRequest = Static<typeof StaffDocumentRequest>;

export const StaffCaseDetail = Type.Object({
  case: StaffCaseSummary,
  requests: Type.Array(StaffDocumentRequest),
  /** What the resident sent, newest first */
  arrivals: Type.Array(StaffArrival),
  /** Status, decision term and decision, with what the case worker may do next */
  handling: CaseHandling,
  /** Appointments booked about this case, in time order, with whether the resident arrived (issue 14) */
  appointments: Type.Array(DeskAppointment),
});
export type StaffCaseDetail = Static<typeof StaffCaseDetail>;

const Text = (max: number) => Type.String({ minLength: 1, maxLength: max, pattern: '\\S' });

export const NewStaffDocumentRequest = Type.Object({
  title: Type.Object({ nl: Text(200), en: Type.Optional(Type.String({ maxLength: 200 })) }),
  reason: Type.Object({ nl: Text(1000), en: Type.Optional(Type.String({ maxLength: 1000 })) }),
  /** Last day of the repair term (hersteltermijn, Awb 4:5) */
  dueDate: IsoDate,
});
export type NewStaffDocumentRequest = Static<typeof NewStaffDocumentRequest>;

export const StaffRejection = Type.Object({
  /** What the resident reads: why it was not accepted and what to send instead */
  reason: Text(1000),
});
export type StaffRejection = Static<typeof StaffRejection>;

export const StaffDocumentRequestResponse = Type.Object({ request: StaffDocumentRequest });
export type StaffDocumentRequestResponse = Static<typeof StaffDocumentRequestResponse>;

export const CaseParams = Type.Object({ caseId: Type.String() });
export const CaseRequestParams = Type.Object({ caseId: Type.String(), requestId: Type.String() });
export const CaseDocumentParams = Type.Object({ caseId: Type.String(), documentId: Type.String() });

const StaffAccountInfo = Type.Object({
  id: Type.String({ format: 'uuid' }),
  name: Type.String(),
  username: Type.String(),
  grants: Type.Array(RoleGrantSchema),
  disabledAt: Type.Union([IsoDateTime, Type.Null()]),
});
export const StaffAccountList = Type.Object({ accounts: Type.Array(StaffAccountInfo) });
export type StaffAccountList = Static<typeof StaffAccountList>;
export const AccountParams = Type.Object({ accountId: Type.String() });

/**
 * "Wie keek in mijn gegevens" (AVG art. 15): who at the service (by role; names only when the
 * consortium's policy says so) looked at or changed the resident's dossier, why, when and what,
 * as visits (src/domain/access-log.ts): one member of staff, one purpose, one stretch of time.
 */
export const AccessVisit = Type.Object({
  from: IsoDateTime,
  to: IsoDateTime,
  role: StaffRoleSchema,
  purpose: Type.Union([literals(AUDIT_PURPOSES), Type.Null()]),
  /** Null unless the consortium shows staff names (privacy.accessLogShowsStaffNames) */
  staffName: Type.Union([Type.String(), Type.Null()]),
  /** What was seen or done, each kind once, in the order it first happened */
  seen: Type.Array(
    Type.Object({
      action: literals(AUDIT_ACTIONS),
      objectType: literals(AUDIT_OBJECT_TYPES),
      count: Type.Integer({ minimum: 1 }),
    }),
  ),
});
export type AccessVisit = Static<typeof AccessVisit>;

export const AccessLog = Type.Object({
  /** Newest first */
  visits: Type.Array(AccessVisit),
  showsStaffNames: Type.Boolean(),
});
export type AccessLog = Static<typeof AccessLog>;
