/**
 * The API contract between the PWA and the server, as JSON Schema (TypeBox).
 * The server registers these on its routes (validation + OpenAPI); the client only imports the
 * `Static` types (`import type`), so TypeBox never reaches the browser bundle.
 *
 * Dates: a calendar date is an ISO string 'YYYY-MM-DD' (no time zone: a deadline is a day in
 * the Netherlands); an instant is an ISO date-time string in UTC.
 */
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { NEXT_ACTION_KINDS } from './applications';
import { AssistInfo } from './assist-api';
import { CASE_RESULTS } from './casework';
import { DOCUMENT_REQUEST_STATES } from './documents';
import { literals } from './literals';

const IsoDate = Type.String({ format: 'date', description: 'Calendar date YYYY-MM-DD' });
const IsoDateTime = Type.String({ format: 'date-time' });
const nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

/** A text in the product's languages; Dutch is always present. */
export const LocalizedText = Type.Object({ nl: Type.String(), en: Type.String() });
export type LocalizedText = Static<typeof LocalizedText>;

export const ErrorResponse = Type.Object({
  error: Type.Object({
    code: Type.String({ description: 'Stable machine code, e.g. NOT_FOUND; the client translates it' }),
    message: Type.String({ description: 'English explanation for developers; never shown as-is' }),
    details: Type.Optional(
      Type.Record(Type.String(), Type.Unknown(), {
        description:
          'What the client can act on, for the codes that carry it (SLOT_TAKEN: nextSlots; URGENT_CAPACITY_FULL: phone; URGENT_TERM_EXCEEDED: termEndsOn)',
      }),
    ),
  }),
});
export type ErrorResponse = Static<typeof ErrorResponse>;

export const Health = Type.Object({
  status: Type.Literal('ok'),
  version: Type.String(),
  database: Type.Union([Type.Literal('pglite'), Type.Literal('postgres')]),
  consortium: Type.String(),
  identityProvider: Type.Union([Type.Literal('simulator'), Type.Literal('external')]),
  /** Which malware scanner checks documents; 'none' says plainly that nothing does */
  scanner: Type.Union([Type.Literal('clamd'), Type.Literal('none')]),
  /** Where documents are stored: the folder under LOKET_FILES_DIR or an S3-compatible bucket */
  storage: Type.Union([Type.Literal('folder'), Type.Literal('s3')]),
});
export type Health = Static<typeof Health>;

export const Liveness = Type.Object({ status: Type.Literal('live') });
export const Readiness = Type.Object({ status: Type.Literal('ready') });

export const Address = Type.Object({
  street: Type.String(),
  postalCode: Type.String(),
  city: Type.String(),
});
export type Address = Static<typeof Address>;

export const Place = Type.Object({
  id: Type.String(),
  name: Type.String(),
  address: Address,
  phone: Type.Optional(Type.String()),
  /** Opening hours per ISO weekday (1 = Monday), e.g. [{ day: 1, opens: '09:00', closes: '17:00' }] */
  openingHours: Type.Array(
    Type.Object({ day: Type.Integer({ minimum: 1, maximum: 7 }), opens: Type.String(), closes: Type.String() }),
  ),
  municipalityCode: Type.Optional(Type.String()),
});
export type Place = Static<typeof Place>;

/** Public facts about the consortium this server runs for: name, look, offices. */
export const PublicConfig = Type.Object({
  consortium: Type.Object({
    id: Type.String(),
    name: Type.String(),
    shortName: Type.String(),
    phone: Type.String(),
    website: Type.String(),
    theme: Type.Object({ primaryColor: Type.String(), primaryTextColor: Type.String() }),
    centralOffice: Place,
    localDesks: Type.Array(Place),
    municipalities: Type.Array(Type.Object({ code: Type.String(), name: Type.String() })),
  }),
  login: Type.Object({
    /** True when the embedded OpenID Connect simulator stands in for DigiD. */
    simulated: Type.Boolean(),
  }),
});
export type PublicConfig = Static<typeof PublicConfig>;

/** Where a resident of a non-participating municipality should go instead. */
export const ElsewhereAdvice = Type.Object({
  municipalityName: Type.String(),
  /** 'not_participating' or 'not_yet' (joins on `joinsOn`) */
  reason: Type.Union([Type.Literal('not_participating'), Type.Literal('not_yet')]),
  joinsOn: nullable(IsoDate),
  contact: Type.Object({ name: Type.String(), phone: Type.String(), website: Type.String() }),
});
export type ElsewhereAdvice = Static<typeof ElsewhereAdvice>;

export const Me = Type.Object({
  resident: Type.Object({
    /** Opaque, stable id of the resident (not the BSN): partitions client storage and the outbox */
    key: Type.String(),
    name: Type.String(),
    municipality: Type.Object({ code: Type.String(), name: Type.String() }),
  }),
  /** Null when the resident's municipality takes part in this consortium. */
  elsewhere: nullable(ElsewhereAdvice),
  session: Type.Object({ idleExpiresAt: IsoDateTime, absoluteExpiresAt: IsoDateTime }),
  /** Set while front-desk staff use this session on the resident's behalf (assist session) */
  assist: Type.Optional(nullable(AssistInfo)),
});
export type Me = Static<typeof Me>;

/**
 * The app's own session check (GET /api/session): who is signed in, or nobody. Always 200, so a
 * visitor who is not signed in causes no failed request (and no error in the browser's console);
 * GET /api/me keeps answering 401 for API clients.
 */
export const SessionCheck = Type.Object({ me: nullable(Me) });
export type SessionCheck = Static<typeof SessionCheck>;

const StatusType = Type.Object({
  code: Type.String(),
  /** What the resident reads (ZGW: statustekst) */
  label: LocalizedText,
});

export const NextAction = Type.Object({
  kind: literals(NEXT_ACTION_KINDS),
  /**
   * The date that matters for this action: documents due, first debt-help conversation,
   * decision expected, objection deadline.
   */
  dueDate: nullable(IsoDate),
});
export type NextAction = Static<typeof NextAction>;

export const ApplicationSummary = Type.Object({
  id: Type.String({ format: 'uuid' }),
  reference: Type.String(),
  scheme: Type.Object({ code: Type.String(), name: LocalizedText }),
  submittedOn: IsoDate,
  status: StatusType,
  nextAction: NextAction,
});
export type ApplicationSummary = Static<typeof ApplicationSummary>;

export const ApplicationList = Type.Object({ applications: Type.Array(ApplicationSummary) });
export type ApplicationList = Static<typeof ApplicationList>;

export const DocumentRequestState = literals(DOCUMENT_REQUEST_STATES);
export type DocumentRequestState = Static<typeof DocumentRequestState>;

export const DocumentRequest = Type.Object({
  id: Type.String({ format: 'uuid' }),
  title: LocalizedText,
  reason: LocalizedText,
  requestedOn: IsoDate,
  dueDate: IsoDate,
  state: DocumentRequestState,
  /** Why the case worker did not accept what was sent (state 'rejected'), else null */
  rejectionReason: nullable(Type.String()),
});
export type DocumentRequest = Static<typeof DocumentRequest>;

const StatusHistoryEntry = Type.Object({
  status: StatusType,
  setAt: IsoDateTime,
  /** Optional explanation for the resident (ZGW: statustoelichting) */
  note: nullable(Type.String()),
});

const DecisionTerm = Type.Object({
  /** 8 weeks (or the scheme's term) after submission, before extension and suspension */
  statutoryDueDate: IsoDate,
  extension: nullable(Type.Object({ weeks: Type.Integer(), noticeOn: IsoDate, reason: Type.String() })),
  /** Days the term stood still while a repair term ran (Awb 4:15) */
  suspendedDays: Type.Integer({ minimum: 0 }),
  /** True while a repair term is running: the date below moves with it */
  suspendedNow: Type.Boolean(),
  /** The date the decision is expected, after extension and suspension */
  expectedDecisionDate: IsoDate,
});

export const Decision = Type.Object({
  result: literals(CASE_RESULTS),
  decidedOn: IsoDate,
  /** Last day to lodge an objection (Awb 6:7, 6 weeks; Algemene termijnenwet applied) */
  objectionDeadline: IsoDate,
  letter: nullable(Type.Object({ documentId: Type.String(), title: Type.String() })),
});
export type Decision = Static<typeof Decision>;

const DebtHelp = Type.Object({
  urgent: Type.Boolean(),
  /** Wgs: first conversation within 3 working days when urgent, otherwise 4 weeks */
  firstConversationDueDate: IsoDate,
});

export const Question = Type.Object({
  id: Type.String({ format: 'uuid' }),
  text: Type.String(),
  askedAt: IsoDateTime,
  answer: nullable(Type.String()),
  /** When the case worker answered; null while the question is open */
  answeredAt: nullable(IsoDateTime),
});
export type Question = Static<typeof Question>;

/** A question needs at least one visible character; 2000 is about a page of text. */
export const NewQuestion = Type.Object({
  text: Type.String({ minLength: 1, maxLength: 2000, pattern: '\\S' }),
});
export type NewQuestion = Static<typeof NewQuestion>;

export const QuestionCreated = Type.Object({ question: Question });
export type QuestionCreated = Static<typeof QuestionCreated>;

export const ApplicationDetail = Type.Intersect([
  ApplicationSummary,
  Type.Object({
    statusHistory: Type.Array(StatusHistoryEntry),
    decisionTerm: nullable(DecisionTerm),
    documentRequests: Type.Array(DocumentRequest),
    decision: nullable(Decision),
    debtHelp: nullable(DebtHelp),
    questions: Type.Array(Question),
  }),
]);
export type ApplicationDetail = Static<typeof ApplicationDetail>;

export const IdParams = Type.Object({ id: Type.String() });

// Documents (issue 4): requests with the files that answer them, own-initiative documents,
// letters from the service, and registering a finished tus upload as a document.

export const DocumentInfo = Type.Object({
  id: Type.String({ format: 'uuid' }),
  title: Type.String(),
  /** The name a download gets (sanitised; the stored file has a server-made name) */
  fileName: Type.String(),
  contentType: Type.String(),
  sizeBytes: Type.Integer({ minimum: 0 }),
  createdAt: IsoDateTime,
  /** The request this document answers; null when sent on the resident's own initiative */
  requestId: nullable(Type.String({ format: 'uuid' })),
});
export type DocumentInfo = Static<typeof DocumentInfo>;

export const Letter = Type.Object({
  id: Type.String({ format: 'uuid' }),
  title: Type.String(),
  fileName: Type.String(),
  contentType: Type.String(),
  sizeBytes: Type.Integer({ minimum: 0 }),
  sentAt: IsoDateTime,
});
export type Letter = Static<typeof Letter>;

export const DocumentRequestWithFiles = Type.Intersect([
  DocumentRequest,
  Type.Object({
    /** Calendar days until the due date: 0 on the day itself, negative when late */
    daysLeft: Type.Integer(),
    /** False once accepted: nothing more is needed */
    acceptsDocuments: Type.Boolean(),
    documents: Type.Array(DocumentInfo),
  }),
]);
export type DocumentRequestWithFiles = Static<typeof DocumentRequestWithFiles>;

export const CaseDocuments = Type.Object({
  /** What needs the resident first: overdue, open by due date, rejected, received, accepted */
  requests: Type.Array(DocumentRequestWithFiles),
  ownInitiative: Type.Array(DocumentInfo),
  letters: Type.Array(Letter),
  limits: Type.Object({
    maxFileBytes: Type.Integer(),
    dailyBytes: Type.Integer(),
    acceptedTypes: Type.Array(Type.String()),
  }),
});
export type CaseDocuments = Static<typeof CaseDocuments>;

/**
 * Registers a finished tus upload as a document on the application. Requires an
 * Idempotency-Key: the outbox may send it any number of times, it is registered once.
 */
export const NewDocument = Type.Object({
  uploadId: Type.String({ pattern: '^[0-9a-f]{32}$', description: 'The last path segment of the tus upload URL' }),
  requestId: Type.Optional(Type.String({ format: 'uuid' })),
  title: Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' }),
  /** The resident's file name, only used (sanitised) as the name of a download */
  fileName: Type.Optional(Type.String({ maxLength: 255 })),
});
export type NewDocument = Static<typeof NewDocument>;

export const DocumentCreated = Type.Object({ document: DocumentInfo });
export type DocumentCreated = Static<typeof DocumentCreated>;

export const DocumentParams = Type.Object({ id: Type.String(), documentId: Type.String() });

/**
 * tus upload metadata (Upload-Metadata header, tus 1.0.0 "Creation" extension): the application
 * the file is for and, optionally, the request it answers. Other keys are ignored.
 */
export const UPLOAD_METADATA_KEYS = { caseId: 'caseId', requestId: 'requestId' } as const;
