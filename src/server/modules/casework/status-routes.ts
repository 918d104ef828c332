/**
 * The case worker moves a case along its case type (issue 6 point 4): a next status (only those
 * the case type allows, with the text the resident reads), one extension of the decision term
 * with a notice to the resident, the decision, and the decision letter (PDF) the resident then
 * finds under the application. Through the CaseSystem seam (src/server/case-system/), in the
 * request's transaction (dbFor), idempotent, audited; out of scope is 404, like a missing case.
 */
import { createHash } from 'node:crypto';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ErrorResponse } from '../../../domain/api';
import { allowedNextStatuses, decisionStatusType } from '../../../domain/casework';
import { CaseHandlingResponse, DecisionInput, StatusChange, TermExtension } from '../../../domain/casework-api';
import { findScheme } from '../../../domain/consortium';
import { amsterdamDateOf, compareDates, type IsoDate } from '../../../domain/dates';
import { MAX_DOCUMENT_BYTES } from '../../../domain/documents';
import { mayActIn } from '../../../domain/staff';
import { CaseParams } from '../../../domain/staff-api';
import type { CaseSnapshot, CaseSystem, CaseSystemProvider } from '../../case-system/index';
import type { AppContext } from '../../context';
import { AppError, notFound } from '../../errors';
import { dbFor, undoOnRollback } from '../../idempotency';
import { createScanner } from '../../scanner/index';
import { checkDocument, type CheckedDocument } from '../documents/checks/check-document';
import { refusal } from '../documents/refusals';
import { recordNotificationEvent } from '../notifications/events';
import { CASE_ROLES } from './routes';
import { currentStatus, termOf, toHandling } from './handling';
import { actingRole, ensureInScope, requireStaff } from '../staff/session';

const idempotent = 'Requires an Idempotency-Key header; a retry with the same key returns the first answer.';
const errors = {
  400: ErrorResponse,
  401: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
  409: ErrorResponse,
  422: ErrorResponse,
};

/**
 * A PDF body as the handler gets it: its hash and size are what the idempotency fingerprint
 * sees (same file with the same key = a retry; another file = IDEMPOTENCY_KEY_REUSED), the
 * bytes themselves are not enumerable, so 20 MB are never walked as JSON.
 */
interface PdfBody {
  sha256: string;
  size: number;
  readonly bytes: Buffer;
}

function pdfBody(bytes: Buffer): PdfBody {
  const body = { sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.length };
  Object.defineProperty(body, 'bytes', { value: bytes, enumerable: false });
  return body as PdfBody;
}

export async function caseStatusRoutes(
  fastify: FastifyInstance,
  { ctx, caseSystem }: { ctx: AppContext; caseSystem: CaseSystemProvider },
): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const scanner = createScanner(ctx.config);
  const config = { staffRoles: CASE_ROLES };
  const today = () => amsterdamDateOf(ctx.clock.now()) as IsoDate;
  /**
   * Letters checked before the idempotency transaction opens (preValidation runs before every
   * preHandler, and the plugin opens it in one): the malware scan may take CLAMD_TIMEOUT_MS, and
   * on PGlite an open transaction holds the only connection, so every other request would wait.
   */
  const checkedLetters = new WeakMap<FastifyRequest, CheckedDocument>();
  // The decision letter arrives as the raw PDF (no multipart, no base64): one request, one file.
  app.addContentTypeParser(
    'application/pdf',
    { parseAs: 'buffer', bodyLimit: MAX_DOCUMENT_BYTES + 1 },
    (_request, body, done) => done(null, pdfBody(body as Buffer)),
  );

  /** The case in the request's transaction, when it exists and lies in the staff's municipalities. */
  async function caseInScope(
    request: FastifyRequest,
    caseId: string,
  ): Promise<{ cases: CaseSystem; found: CaseSnapshot }> {
    const staff = requireStaff(request, CASE_ROLES);
    const cases = caseSystem(dbFor(request, ctx), { onRollback: (undo) => undoOnRollback(request, undo) });
    const found = await cases.findCase(caseId);
    if (!found) throw notFound('Application');
    if (!mayActIn(staff.grants, CASE_ROLES, found.municipalityCode)) {
      await app.auditor.denied(request, {
        role: actingRole(staff, CASE_ROLES),
        action: 'update',
        objectType: 'case',
        objectId: found.id,
        purpose: null,
      });
    }
    ensureInScope(staff, CASE_ROLES, found.municipalityCode, 'Application');
    return { cases, found };
  }

  async function answer(
    request: FastifyRequest,
    cases: CaseSystem,
    caseId: string,
    objectType: 'case' | 'document' = 'case',
    objectId = caseId,
  ) {
    const updated = (await cases.findCase(caseId))!;
    await app.auditor.allowed(request, {
      role: actingRole(request.staff!, CASE_ROLES),
      action: objectType === 'document' ? 'create' : 'update',
      objectType,
      objectId,
      residentBsn: updated.resident.bsn,
      purpose: 'case_handling',
    });
    return { handling: toHandling(updated, ctx.consortium, today()) };
  }

  /** A new status is news for the resident (inbox, and push or e-mail as they chose), also when a decision sets it. */
  async function statusChanged(request: FastifyRequest, cases: CaseSystem, found: CaseSnapshot) {
    await recordNotificationEvent(dbFor(request, ctx), ctx.clock, {
      type: 'status_changed',
      residentBsn: found.resident.bsn,
      caseId: found.id,
      link: `/aanvragen/${found.id}`,
    });
    return answer(request, cases, found.id);
  }

  const schemeOf = (found: CaseSnapshot) => {
    const scheme = findScheme(ctx.consortium, found.caseType);
    if (!scheme) throw new AppError(409, 'STATUS_TRANSITION_NOT_ALLOWED', 'The case type is not in this consortium');
    return scheme;
  };

  app.post(
    '/:caseId/status',
    {
      config,
      schema: {
        summary: "Set the case's next status (one the case type allows after the current one)",
        description: `${idempotent} The resident sees the status type's text and the optional note.`,
        tags: ['staff'],
        params: CaseParams,
        body: StatusChange,
        response: { 200: CaseHandlingResponse, ...errors },
      },
    },
    async (request) => {
      const { cases, found } = await caseInScope(request, request.params.caseId);
      const scheme = schemeOf(found);
      const wanted = request.body.status;
      if (!scheme.statusTypes.some((t) => t.code === wanted))
        throw new AppError(422, 'STATUS_TYPE_UNKNOWN', 'No such status type for this case type');
      if (!allowedNextStatuses(scheme, currentStatus(found)).some((t) => t.code === wanted)) {
        throw new AppError(409, 'STATUS_TRANSITION_NOT_ALLOWED', `This status cannot follow ${currentStatus(found)}`);
      }
      const note = request.body.note?.trim() || null;
      await cases.changeStatus(found.id, { statusType: wanted, setAt: ctx.clock.now(), note });
      return statusChanged(request, cases, found);
    },
  );

  app.post(
    '/:caseId/decision-term/extension',
    {
      config,
      schema: {
        summary: 'Extend the decision term once (Awb 4:14), with a notice the resident reads',
        description: `${idempotent} A second extension answers 409 DECISION_TERM_ALREADY_EXTENDED.`,
        tags: ['staff'],
        params: CaseParams,
        body: TermExtension,
        response: { 200: CaseHandlingResponse, ...errors },
      },
    },
    async (request) => {
      const { cases, found } = await caseInScope(request, request.params.caseId);
      const scheme = schemeOf(found);
      if (found.result) throw new AppError(409, 'CASE_ALREADY_DECIDED', 'The case has been decided');
      if (found.extension) throw new AppError(409, 'DECISION_TERM_ALREADY_EXTENDED', 'Awb 4:14 allows one extension');
      if (request.body.weeks > scheme.maxExtensionWeeks) {
        throw new AppError(
          422,
          'DECISION_TERM_EXTENSION_TOO_LONG',
          `At most ${scheme.maxExtensionWeeks} weeks for this case type`,
        );
      }
      const noticeOn = today();
      // Awb 4:14 lid 3: the notice must come within the term.
      if (compareDates(noticeOn, termOf(found, noticeOn).expectedDecisionDate) > 0) {
        throw new AppError(409, 'DECISION_TERM_LAPSED', 'The decision term has passed');
      }
      const outcome = await cases.extendTerm(found.id, {
        weeks: request.body.weeks,
        noticeOn,
        reason: request.body.notice.trim(),
      });
      if (outcome === 'already_extended')
        throw new AppError(409, 'DECISION_TERM_ALREADY_EXTENDED', 'Awb 4:14 allows one extension');
      return answer(request, cases, found.id);
    },
  );

  app.post(
    '/:caseId/decision',
    {
      config,
      schema: {
        summary: 'Record the decision (granted, partly granted, refused) and its date; sets the decision status',
        description: `${idempotent} Add the letter next with POST .../decision/letter.`,
        tags: ['staff'],
        params: CaseParams,
        body: DecisionInput,
        response: { 200: CaseHandlingResponse, ...errors },
      },
    },
    async (request) => {
      const { cases, found } = await caseInScope(request, request.params.caseId);
      const scheme = schemeOf(found);
      if (found.result) throw new AppError(409, 'CASE_ALREADY_DECIDED', 'The case has been decided');
      const { decidedOn } = request.body;
      if (compareDates(decidedOn, found.registeredOn) < 0 || compareDates(decidedOn, today()) > 0) {
        throw new AppError(
          422,
          'DECISION_DATE_INVALID',
          'The decision date lies before the application or in the future',
        );
      }
      const status = decisionStatusType(scheme)!;
      const outcome = await cases.recordDecision(found.id, {
        result: request.body.result,
        decidedOn: decidedOn as IsoDate,
        status: { statusType: status.code, setAt: ctx.clock.now(), note: null },
      });
      if (outcome === 'already_decided') throw new AppError(409, 'CASE_ALREADY_DECIDED', 'The case has been decided');
      return statusChanged(request, cases, found);
    },
  );

  app.post(
    '/:caseId/decision/letter',
    {
      config,
      schema: {
        summary: 'Upload the decision letter (the PDF itself as the body, Content-Type application/pdf)',
        description: `${idempotent} The same checks as residents' documents (size, malware scan, type by content, no polyglot, not encrypted); only PDF.`,
        tags: ['staff'],
        params: CaseParams,
        response: { 201: CaseHandlingResponse, ...errors, 413: ErrorResponse, 415: ErrorResponse, 503: ErrorResponse },
      },
      // The staff role was checked on request (module.ts), so only case workers get a file scanned.
      preValidation: async (request) => {
        // Scope first, like every other case route: another municipality's case is 404 whatever
        // the file (params are not validated yet here; an id that is no case is 404 too).
        await caseInScope(request, String((request.params as { caseId?: unknown }).caseId ?? ''));
        const body = request.body as PdfBody | undefined;
        if (!body || !Buffer.isBuffer(body.bytes)) throw refusal('DOCUMENT_TYPE_NOT_ALLOWED');
        checkedLetters.set(request, await checkDocument(body.bytes, scanner));
      },
    },
    async (request, reply) => {
      const { cases, found } = await caseInScope(request, request.params.caseId);
      const checked = checkedLetters.get(request);
      if (!checked) throw refusal('DOCUMENT_TYPE_NOT_ALLOWED');
      if (!found.result) throw new AppError(409, 'DECISION_NOT_RECORDED', 'Record the decision first');
      if (found.result.letter) throw new AppError(409, 'DECISION_LETTER_EXISTS', 'The decision has a letter');
      if (checked.contentType !== 'application/pdf') throw refusal('DOCUMENT_TYPE_NOT_ALLOWED');
      const scheme = findScheme(ctx.consortium, found.caseType);
      const attached = await cases.attachLetter(found.id, {
        title: `Besluit ${scheme?.name.nl.toLowerCase() ?? ''}`.trim(),
        fileName: `besluit-${found.reference.toLowerCase()}.pdf`,
        contentType: 'application/pdf',
        bytes: checked.bytes,
        sha256: checked.sha256,
        sentAt: ctx.clock.now(),
      });
      if (attached === 'no_decision') throw new AppError(409, 'DECISION_NOT_RECORDED', 'Record the decision first');
      if (attached === 'letter_exists') throw new AppError(409, 'DECISION_LETTER_EXISTS', 'The decision has a letter');
      await recordNotificationEvent(dbFor(request, ctx), ctx.clock, {
        type: 'decision_letter_available',
        residentBsn: found.resident.bsn,
        caseId: found.id,
        objectId: attached.documentId,
        link: `/aanvragen/${found.id}/documenten`,
      });
      return reply.status(201).send(await answer(request, cases, found.id, 'document', attached.documentId));
    },
  );
}
